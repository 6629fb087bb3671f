//! RBAC009: Flags subjects that can exec into, attach to or port-forward to pods.

use crate::analysis::rbac::Scope;
use crate::analysis::rbac::escalation::Primitive;
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects that can exec into, attach to or port-forward to pods.
    ///
    /// ## Why is this bad?
    /// `pods/exec` and `pods/attach` run commands inside running containers, where the container's
    /// ServiceAccount token, mounted secrets and cloud credentials are readable; `pods/portforward`
    /// reaches ports the network never exposed. `get` is enough for exec and attach over WebSocket, so it
    /// counts as well as `create`.
    ///
    /// ## How to fix
    /// Grant exec only for break-glass access, in one namespace, to named people.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [""]
    ///     resources: [pods/exec]
    ///     verbs: [create]   # flagged
    /// ```
    pub struct PodExec {
        code: "RBAC009",
        name: "pod-exec",
        group: Rbac,
        severity: Medium,
        also_severity: [High],
        guide: ["G4.1", "G5.4"],
        references: [
            "checkov:CKV2_K8S_2",
            "trivy:KSV-0053",
            "trivy:KSV-0054",
            "kubescape:C-0002",
            "kubescape:C-0063",
        ],
    }
}

impl Rule for PodExec {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let spec = Spec {
            primitive: Primitive::PodExec,
            help: "rule-rbac009-help",
            severity: |h| (h.scope == Scope::Cluster).then_some(Severity::High),
        };
        report_primitive(self, cx, set, &spec);
    }
}
