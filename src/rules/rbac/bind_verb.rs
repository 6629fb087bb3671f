//! RBAC005: Flags subjects that can `bind` Roles or ClusterRoles.

use crate::analysis::rbac::escalation::Primitive;
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects that can `bind` Roles or ClusterRoles.
    ///
    /// ## Why is this bad?
    /// Creating a binding to a role normally requires holding every permission of that role. The `bind`
    /// verb lifts that check: with it and write access to role bindings, a subject binds `cluster-admin`
    /// (or any role its `bind` covers) to itself. Without write access to bindings the verb yields
    /// nothing, so the finding is then reported as low.
    ///
    /// ## How to fix
    /// Remove `bind`, or restrict it with `resourceNames` to the few roles the subject must hand out.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [rbac.authorization.k8s.io]
    ///     resources: [clusterroles]
    ///     verbs: [bind]     # flagged
    ///   - apiGroups: [rbac.authorization.k8s.io]
    ///     resources: [clusterrolebindings]
    ///     verbs: [create]
    /// ```
    pub struct BindVerb {
        code: "RBAC005",
        name: "bind-verb",
        group: Rbac,
        severity: Critical,
        also_severity: [High, Low],
        guide: ["G4.1", "G5.4"],
        references: [
            "cis-eks-1.8:4.1.8",
            "nsa-cisa:rbac",
            "checkov:CKV_K8S_157",
            "trivy:KSV-0050",
        ],
    }
}

impl Rule for BindVerb {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let spec = Spec {
            primitive: Primitive::Bind,
            help: "rule-rbac005-help",
            severity: |h| h.named_only.then_some(Severity::High),
        };
        report_primitive(self, cx, set, &spec);
    }
}
