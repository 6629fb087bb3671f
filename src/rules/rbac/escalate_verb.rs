//! RBAC004: Flags subjects that can `escalate` Roles or ClusterRoles.

use crate::analysis::rbac::escalation::Primitive;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects that can `escalate` Roles or ClusterRoles.
    ///
    /// ## Why is this bad?
    /// The API server refuses to let anyone create or update a role with permissions they do not hold,
    /// unless they have `escalate` on roles. With `escalate` plus write access to roles, a subject edits a
    /// role bound to itself and adds anything, up to `*` on `*`. Without write access to roles the verb
    /// yields nothing, so the finding is then reported as low.
    ///
    /// ## How to fix
    /// Remove `escalate` from the role; let an administrator change roles instead.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [rbac.authorization.k8s.io]
    ///     resources: [clusterroles]
    ///     verbs: [escalate, update]   # flagged on each subject bound to this role
    /// ```
    pub struct EscalateVerb {
        code: "RBAC004",
        name: "escalate-verb",
        group: Rbac,
        severity: Critical,
        also_severity: [Low],
        guide: ["G4.1", "G5.4"],
        references: [
            "cis-eks-1.8:4.1.8",
            "nsa-cisa:rbac",
            "checkov:CKV_K8S_158",
            "trivy:KSV-0050",
        ],
    }
}

impl Rule for EscalateVerb {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let spec = Spec { primitive: Primitive::Escalate, help: "rule-rbac004-help", severity: |_| None };
        report_primitive(self, cx, set, &spec);
    }
}
