//! RBAC010: Flags subjects with access to the `nodes/proxy` subresource.

use crate::analysis::rbac::escalation::Primitive;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects with access to the `nodes/proxy` subresource.
    ///
    /// ## Why is this bad?
    /// `nodes/proxy` forwards requests to the kubelet API of any node, which runs commands in any pod
    /// on it and is not covered by pod-level RBAC or audit of `pods/exec`.
    ///
    /// ## How to fix
    /// Remove `nodes/proxy`; monitoring agents should read `/metrics` through `nodes/metrics`.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [""]
    ///     resources: [nodes/proxy]
    ///     verbs: [get]   # flagged
    /// ```
    pub struct NodeProxy {
        code: "RBAC010",
        name: "node-proxy",
        group: Rbac,
        severity: High,
        guide: ["G4.1", "G5.4"],
        references: ["cis-eks-1.8:4.1.10", "checkov:CKV2_K8S_2", "trivy:KSV-0047"],
    }
}

impl Rule for NodeProxy {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let spec = Spec { primitive: Primitive::NodeProxy, help: "rule-rbac010-help", severity: |_| None };
        report_primitive(self, cx, set, &spec);
    }
}
