//! RBAC006: Flags subjects that can impersonate users, groups or ServiceAccounts.

use crate::analysis::rbac::Scope;
use crate::analysis::rbac::escalation::Primitive;
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects that can impersonate users, groups or ServiceAccounts.
    ///
    /// ## Why is this bad?
    /// Impersonation makes every request run as someone else. Impersonating users or groups without
    /// `resourceNames` means acting as `system:masters`, that is cluster-admin. Impersonating
    /// ServiceAccounts (which the default `edit` role allows in its namespace) means acting with their
    /// permissions.
    ///
    /// ## How to fix
    /// Remove `impersonate`; if a tool needs it, restrict it with `resourceNames` to named identities.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [""]
    ///     resources: [users, groups]
    ///     verbs: [impersonate]   # flagged
    /// ```
    pub struct ImpersonateVerb {
        code: "RBAC006",
        name: "impersonate-verb",
        group: Rbac,
        severity: Critical,
        also_severity: [High, Medium],
        guide: ["G4.1", "G5.4"],
        references: [
            "cis-eks-1.8:4.1.8",
            "nsa-cisa:rbac",
            "checkov:CKV2_K8S_3",
            "trivy:KSV-0043",
            "kubescape:C-0065",
        ],
    }
}

impl Rule for ImpersonateVerb {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let spec = Spec {
            primitive: Primitive::Impersonate,
            help: "rule-rbac006-help",
            severity: |h| {
                if h.is_about_service_accounts() {
                    Some(if h.scope == Scope::Cluster { Severity::High } else { Severity::Medium })
                } else {
                    h.named_only.then_some(Severity::High)
                }
            },
        };
        report_primitive(self, cx, set, &spec);
    }
}
