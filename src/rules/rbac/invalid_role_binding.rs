//! RBAC020: RoleBindings and ClusterRoleBindings with a subject the API server rejects.

use crate::analysis::rbac::invalid_subjects;
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags RoleBindings and ClusterRoleBindings with a subject the API server would reject.
    ///
    /// Subjects are validated as the API server validates them (Kubernetes RBAC validation,
    /// `ValidateRoleBindingSubject`): every subject needs a `name`; its `kind` is `User`, `Group`
    /// or `ServiceAccount`; a user or group has the API group `rbac.authorization.k8s.io` (the
    /// default when absent); a ServiceAccount has no API group, a name that is a DNS subdomain
    /// and, in a ClusterRoleBinding, a `namespace`.
    ///
    /// ## Why is this bad?
    /// The API server refuses the whole binding, so none of its subjects gets the role: access
    /// that the manifest seems to grant (or to take away, when it replaces a binding) never
    /// happens. The RBAC analysis (`ladrillo rbac` and the other RBAC rules) leaves such a binding
    /// out rather than listing a `kind: Bogus` subject as a user, and this rule says why.
    ///
    /// ## How to fix
    /// Correct the subject named in the message.
    ///
    /// ## Example
    /// ```yaml
    /// subjects:
    ///   - kind: ServiceAccount   # flagged in a ClusterRoleBinding: no namespace
    ///     name: deployer
    /// ```
    pub struct InvalidRoleBinding {
        code: "RBAC020",
        name: "invalid-role-binding",
        group: Rbac,
        severity: Low,
        guide: ["G4.1"],
        references: [],
    }
}

impl Rule for InvalidRoleBinding {
    fn check_object(&self, cx: &mut Context<'_>, object: &Object) {
        if object.group() != "rbac.authorization.k8s.io"
            || !matches!(object.kind.as_str(), "RoleBinding" | "ClusterRoleBinding")
        {
            return;
        }
        for (path, why) in invalid_subjects(object) {
            cx.report(
                self,
                object,
                path,
                crate::msg!("rule-rbac020-message", kind = &object.kind, why = why),
            )
            .help(crate::msg!("rule-rbac020-help"));
        }
    }
}
