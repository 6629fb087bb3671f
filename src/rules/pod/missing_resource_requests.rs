use crate::model::resources::{self, Bound};
use crate::model::{ContainerKind, ObjectSet, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers without a `cpu` and a `memory` request.
    ///
    /// ## Why is this bad?
    /// The scheduler places pods by their requests. Without them a pod lands on nodes that have
    /// no room for it, gets the `BestEffort` quality of service and is the first to be evicted
    /// under memory pressure. The Horizontal Pod Autoscaler computes CPU utilisation against the
    /// request, so an autoscaled Deployment (the guide's HPA at 50% CPU, G3.7) does not scale at
    /// all without a cpu request.
    ///
    /// A request counts as set when the container sets it, when the container sets the matching
    /// limit (the request then defaults to it), when the pod sets pod-level `spec.resources`, or
    /// when a `LimitRange` of type `Container` in the same namespace, in the same scan, has a
    /// default for it. Ephemeral containers cannot have resources and are skipped.
    ///
    /// ## How to fix
    /// Set `resources.requests.cpu` and `resources.requests.memory` from observed usage.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app           # flagged: no cpu and memory requests
    ///     image: nginx:1.27
    /// ```
    pub struct MissingResourceRequests {
        code: "POD012",
        name: "missing-resource-requests",
        group: Pod,
        severity: Medium,
        guide: ["G3.7", "G5.1"],
        references: [
            "nsa-cisa:resource-policies",
            "checkov:CKV_K8S_10",
            "checkov:CKV_K8S_12",
            "trivy:KSV-0015",
            "trivy:KSV-0016",
            "kube-linter:unset-cpu-requirements",
            "kube-linter:unset-memory-requirements",
            "kubescape:C-0004",
            "kubescape:C-0050",
        ],
    }
}

impl Rule for MissingResourceRequests {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        for w in set.iter().filter_map(Workload::of) {
            for c in w.containers().filter(|c| c.kind != ContainerKind::Ephemeral) {
                let missing: Vec<&str> = ["cpu", "memory"]
                    .into_iter()
                    .filter(|r| resources::provided(set, &w, &c, Bound::Requests, r).is_none())
                    .collect();
                let container = c.describe_msg();
                let (path, message) = match missing.as_slice() {
                    [] => continue,
                    [one] => (
                        c.path.clone().keys(&["resources", "requests", one]),
                        crate::msg!("rule-pod012-message", container = container, resource = *one),
                    ),
                    _ => (
                        c.path.clone().keys(&["resources", "requests"]),
                        crate::msg!("rule-pod012-both", container = container),
                    ),
                };
                cx.report(self, w.object, path, message).help(crate::msg!("rule-pod012-help"));
            }
        }
    }
}
