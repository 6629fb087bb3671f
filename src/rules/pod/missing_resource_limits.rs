use crate::finding::Severity;
use crate::model::resources::{self, Bound};
use crate::model::{ContainerKind, ObjectSet, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers without a `memory` limit (medium) or a `cpu` limit (low).
    ///
    /// ## Why is this bad?
    /// A container without a memory limit can use all the memory of its node: a leak or a burst
    /// pushes the node into memory pressure, and the kubelet and kernel then evict or kill other
    /// pods. A memory limit turns that into the container's own out-of-memory kill. Without a cpu
    /// limit one container can take every idle core of the node.
    ///
    /// The cpu limit is a trade-off, hence its lower severity: CPU is compressible, and a limit
    /// throttles the container even when the node has idle cores, which adds latency. Many teams
    /// set a cpu request but no cpu limit on latency-sensitive services; that is a sound choice
    /// when requests are accurate, and this finding can then be waived with that reason. Memory
    /// is not compressible, so a memory limit is always recommended (usually equal to the
    /// request).
    ///
    /// A limit counts as set when the container sets it, when the pod sets pod-level
    /// `spec.resources.limits`, or when a `LimitRange` of type `Container` in the same namespace,
    /// in the same scan, has a `default` for it. Ephemeral containers cannot have resources and
    /// are skipped.
    ///
    /// ## How to fix
    /// Set `resources.limits.memory` (and `resources.limits.cpu` unless throttling is a concern).
    ///
    /// ## Example
    /// ```yaml
    /// resources:
    ///   requests: {cpu: 100m, memory: 128Mi}   # flagged: no limits
    /// ```
    pub struct MissingResourceLimits {
        code: "POD013",
        name: "missing-resource-limits",
        group: Pod,
        severity: Medium,
        also_severity: [Low],
        guide: ["G5.1"],
        references: [
            "nsa-cisa:resource-policies",
            "checkov:CKV_K8S_11",
            "checkov:CKV_K8S_13",
            "trivy:KSV-0011",
            "trivy:KSV-0018",
            "kube-linter:unset-cpu-requirements",
            "kube-linter:unset-memory-requirements",
            "kubescape:C-0004",
            "kubescape:C-0050",
            "kubescape:C-0270",
            "kubescape:C-0271",
        ],
    }
}

impl Rule for MissingResourceLimits {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        for w in set.iter().filter_map(Workload::of) {
            for c in w.containers().filter(|c| c.kind != ContainerKind::Ephemeral) {
                let missing: Vec<&str> = ["cpu", "memory"]
                    .into_iter()
                    .filter(|r| resources::provided(set, &w, &c, Bound::Limits, r).is_none())
                    .collect();
                let container = c.describe_msg();
                let (path, message) = match missing.as_slice() {
                    [] => continue,
                    [one] => (
                        c.path.clone().keys(&["resources", "limits", one]),
                        crate::msg!("rule-pod013-message", container = container, resource = *one),
                    ),
                    _ => (
                        c.path.clone().keys(&["resources", "limits"]),
                        crate::msg!("rule-pod013-both", container = container),
                    ),
                };
                let report = cx.report(self, w.object, path, message);
                if missing.contains(&"memory") {
                    report.help(crate::msg!("rule-pod013-help"));
                } else {
                    report.severity(Severity::Low).help(crate::msg!("rule-pod013-help-2"));
                }
            }
        }
    }
}
