use crate::analysis::pss::{Level, NamespacePolicy, PSS_LABEL_PREFIX};
use crate::document::FieldPath;
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags namespaces that enforce the `privileged` Pod Security level.
    ///
    /// ## Why is this bad?
    /// `privileged` runs no check at all: privileged containers, host namespaces and hostPath
    /// mounts of the node's root are all admitted. Only namespaces of trusted system components
    /// should have it.
    ///
    /// ## How to fix
    /// Enforce `baseline` or `restricted`; move the workloads that need host access to a
    /// dedicated namespace and waive this finding there with a reason.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   labels:
    ///     pod-security.kubernetes.io/enforce: privileged   # flagged
    /// ```
    pub struct PrivilegedPssNamespace {
        code: "PSS003",
        name: "privileged-pss-namespace",
        group: Pss,
        severity: Medium,
        guide: ["G4.3"],
        references: ["pss:privileged"],
    }
}

impl Rule for PrivilegedPssNamespace {
    fn check_object(&self, cx: &mut Context<'_>, object: &Object) {
        if !object.is("", "Namespace") {
            return;
        }
        if NamespacePolicy::of(object).enforce.level != Some(Ok(Level::Privileged)) {
            return;
        }
        let key = format!("{PSS_LABEL_PREFIX}enforce");
        let path = FieldPath::root().keys(&["metadata", "labels", &key]);
        cx.report(self, object, path, crate::msg!("rule-pss003-message", namespace = &object.name))
            .help(crate::msg!("rule-pss003-help"));
    }
}
