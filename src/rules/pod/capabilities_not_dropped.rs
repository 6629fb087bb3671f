use crate::model::{Workload, capability};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers that do not drop every capability with `capabilities.drop: ["ALL"]`.
    ///
    /// ## Why is this bad?
    /// Without a drop list a container keeps the runtime's default capabilities, among them
    /// `NET_RAW` (packet spoofing on the node's network), `MKNOD` and `SETUID`. Dropping `ALL` and
    /// adding back only what is needed is the least-privilege form that the Pod Security
    /// Standards restricted profile requires. That profile compares the exact string `ALL`, so
    /// `all` is flagged too even though container runtimes accept it. Pods with
    /// `spec.os.name: windows` are skipped: capabilities are Linux-only.
    ///
    /// ## How to fix
    /// Add `securityContext.capabilities.drop: ["ALL"]` to every container, then add back single
    /// capabilities such as `NET_BIND_SERVICE` only where needed.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app           # flagged: no capabilities.drop
    ///     image: nginx:1.27
    /// ```
    pub struct CapabilitiesNotDropped {
        code: "POD004",
        name: "capabilities-not-dropped",
        group: Pod,
        severity: Medium,
        guide: ["G4.3"],
        references: [
            "pss:restricted:capabilities_restricted",
            "nsa-cisa:pod-security",
            "checkov:CKV_K8S_37",
            "trivy:KSV-0003",
            "kube-linter:drop-net-raw-capability",
            "checkov:CKV_K8S_28",
            "trivy:KSV-0004",
        ],
    }
}

impl Rule for CapabilitiesNotDropped {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        if w.is_windows() {
            return;
        }
        for c in w.containers() {
            let dropped: Vec<(usize, &str)> = capability::listed(&c, "drop").collect();
            if dropped.iter().any(|(_, d)| *d == "ALL") {
                continue;
            }
            let path = c.sc_path(&["capabilities", "drop"]);
            let why =
                if let Some((_, spelled)) = dropped.iter().find(|(_, d)| capability::normalize(d) == "ALL") {
                    crate::msg!("rule-pod004-misspelled", spelled = *spelled)
                } else if c.own(&["capabilities", "drop"]).is_some() {
                    crate::msg!("rule-pod004-no-all")
                } else {
                    crate::msg!("field-not-set", field = "capabilities.drop")
                };
            cx.report(
                self,
                w.object,
                path,
                crate::msg!("rule-pod004-message", container = c.describe_msg(), why = why),
            )
            .help(crate::msg!("rule-pod004-help"));
        }
    }
}
