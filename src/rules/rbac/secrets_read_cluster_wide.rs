//! RBAC011: Flags subjects that can read Secrets in every namespace.

use crate::analysis::rbac::escalation::Primitive;
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects that can read Secrets in every namespace.
    ///
    /// ## Why is this bad?
    /// `get`, `list` or `watch` on Secrets through a ClusterRoleBinding reads every Secret of the
    /// cluster, ServiceAccount tokens and registry and cloud credentials included: those identities are
    /// then the subject's too. `list` and `watch` return the values, not just names. A grant
    /// limited by `resourceNames` reads the Secrets of those names in every namespace: reported
    /// at medium severity, and said so.
    ///
    /// ## How to fix
    /// Bind secret access with RoleBindings in the namespaces that need it, limited by `resourceNames`.
    ///
    /// ## Example
    /// ```yaml
    /// kind: ClusterRoleBinding
    /// roleRef: {kind: ClusterRole, name: secret-reader}   # get/list secrets
    /// subjects: [{kind: Group, name: devs}]               # flagged
    /// ```
    pub struct SecretsReadClusterWide {
        code: "RBAC011",
        name: "secrets-read-cluster-wide",
        group: Rbac,
        severity: High,
        also_severity: [Medium],
        guide: ["G4.1", "G4.6"],
        references: [
            "cis-eks-1.8:4.1.2",
            "nsa-cisa:rbac",
            "kube-linter:access-to-secrets",
            "checkov:CKV2_K8S_5",
            "trivy:KSV-0041",
            "kubescape:C-0015",
        ],
    }
}

impl Rule for SecretsReadClusterWide {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        // Limited by resourceNames, the grant reads the Secrets of those names only.
        let spec = Spec {
            primitive: Primitive::SecretsRead,
            help: "rule-rbac011-help",
            severity: |h| h.named_only.then_some(Severity::Medium),
        };
        report_primitive(self, cx, set, &spec);
    }
}
