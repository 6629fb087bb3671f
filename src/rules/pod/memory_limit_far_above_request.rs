use crate::model::Workload;
use crate::model::resources::{quantity, shown_bytes};
use crate::rules::{Context, Rule};

/// How many times its memory request a container's memory limit may be before it is reported.
const RATIO: f64 = 4.0;

crate::declare_rule! {
    /// Flags containers whose memory limit is more than four times their memory request.
    ///
    /// Only containers that set both values (as valid quantities, the request above zero) are
    /// judged; a missing request or limit is `missing-resource-requests`' and
    /// `missing-resource-limits`' finding.
    ///
    /// ## Why is this bad?
    /// The scheduler places pods by their requests, but the kernel lets each container grow to
    /// its limit. When several containers on a node use memory well above what they requested,
    /// the node runs out: the kubelet evicts pods under memory pressure and the kernel's OOM
    /// killer ends processes, often of other workloads that stayed within their requests. Memory
    /// cannot be throttled like CPU, so the gap is paid for in killed pods.
    ///
    /// ## How to fix
    /// Set the memory request to what the container really uses at its peak, and the limit
    /// equal to it or close to it (equal requests and limits give the pod the `Guaranteed`
    /// quality of service).
    ///
    /// ## Example
    /// ```yaml
    /// resources:
    ///   requests: {memory: 256Mi}
    ///   limits: {memory: 4Gi}   # flagged: 16 times the request
    /// ```
    pub struct MemoryLimitFarAboveRequest {
        code: "POD026",
        name: "memory-limit-far-above-request",
        group: Pod,
        severity: Low,
        guide: ["G5.1"],
        references: [],
    }
}

impl Rule for MemoryLimitFarAboveRequest {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            let value = |bound: &str| c.node.at(&["resources", bound, "memory"]);
            let (Some(request), Some(limit)) = (value("requests"), value("limits")) else { continue };
            let (Some(r), Some(l)) = (quantity(request), quantity(limit)) else { continue };
            if r <= 0.0 || l <= r * RATIO {
                continue;
            }
            cx.report(
                self,
                w.object,
                c.path.clone().keys(&["resources", "limits", "memory"]),
                crate::msg!(
                    "rule-pod026-message",
                    container = c.describe_msg(),
                    limit = shown_bytes(limit),
                    request = shown_bytes(request),
                    ratio = format!("{:.0}", l / r)
                ),
            )
            .help(crate::msg!("rule-pod026-help"));
        }
    }
}
