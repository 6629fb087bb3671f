//! RBAC007: Flags subjects that can create or change RoleBindings or ClusterRoleBindings.

use crate::analysis::rbac::escalation::Primitive;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects that can create or change RoleBindings or ClusterRoleBindings.
    ///
    /// ## Why is this bad?
    /// Write access to bindings lets a subject hand the permissions it holds to anyone, including
    /// `system:unauthenticated` or a ServiceAccount it controls. The API server only lets it bind roles
    /// whose permissions it already has, unless it also has `bind` (reported by `bind-verb`), so this is
    /// spreading rather than gaining privilege.
    ///
    /// ## How to fix
    /// Let bindings be managed by administrators or a GitOps controller, not by day-to-day identities.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [rbac.authorization.k8s.io]
    ///     resources: [rolebindings]
    ///     verbs: [create]   # flagged
    /// ```
    pub struct RoleBindingWrite {
        code: "RBAC007",
        name: "role-binding-write",
        group: Rbac,
        severity: Medium,
        guide: ["G4.1"],
        references: [
            "cis-eks-1.8:4.1.8",
            "checkov:CKV2_K8S_1",
            "trivy:KSV-0051",
            "trivy:KSV-0052",
            "trivy:KSV-0055",
        ],
    }
}

impl Rule for RoleBindingWrite {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let spec = Spec { primitive: Primitive::BindingWrite, help: "rule-rbac007-help", severity: |_| None };
        report_primitive(self, cx, set, &spec);
    }
}
