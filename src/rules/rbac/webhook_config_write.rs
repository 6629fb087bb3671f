//! RBAC014: Flags subjects that can write admission webhook configurations.

use crate::analysis::rbac::escalation::Primitive;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects that can write admission webhook configurations.
    ///
    /// ## Why is this bad?
    /// A mutating webhook sees and rewrites every matching request, Secrets and pod specs included; a
    /// deleted validating webhook removes the cluster's admission controls.
    ///
    /// ## How to fix
    /// Leave webhook configurations to the operators that own them and to administrators.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [admissionregistration.k8s.io]
    ///     resources: [mutatingwebhookconfigurations]
    ///     verbs: [create, update]   # flagged
    /// ```
    pub struct WebhookConfigWrite {
        code: "RBAC014",
        name: "webhook-config-write",
        group: Rbac,
        severity: High,
        guide: ["G4.1", "G5.4"],
        references: ["cis-eks-1.8:4.1.11", "checkov:CKV_K8S_155", "trivy:KSV-0114"],
    }
}

impl Rule for WebhookConfigWrite {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let spec = Spec { primitive: Primitive::WebhookWrite, help: "rule-rbac014-help", severity: |_| None };
        report_primitive(self, cx, set, &spec);
    }
}
