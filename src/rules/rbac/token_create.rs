//! RBAC012: Flags subjects that can create ServiceAccount tokens.

use crate::analysis::rbac::Scope;
use crate::analysis::rbac::escalation::Primitive;
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects that can create ServiceAccount tokens.
    ///
    /// ## Why is this bad?
    /// `create` on `serviceaccounts/token` mints a token for any ServiceAccount in scope (the default
    /// `edit` role allows it in its namespace), and with it every permission of that ServiceAccount.
    ///
    /// ## How to fix
    /// Remove `serviceaccounts/token`; workloads get tokens through projected volumes without it.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [""]
    ///     resources: [serviceaccounts/token]
    ///     verbs: [create]   # flagged
    /// ```
    pub struct TokenCreate {
        code: "RBAC012",
        name: "token-create",
        group: Rbac,
        severity: High,
        also_severity: [Medium],
        guide: ["G4.1", "G5.4"],
        references: ["cis-eks-1.8:4.1.12"],
    }
}

impl Rule for TokenCreate {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let spec = Spec {
            primitive: Primitive::TokenCreate,
            help: "rule-rbac012-help",
            severity: |h| (h.scope != Scope::Cluster).then_some(Severity::Medium),
        };
        report_primitive(self, cx, set, &spec);
    }
}
