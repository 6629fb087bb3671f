use crate::model::{ContainerKind, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers of long-running workloads without a `livenessProbe`.
    ///
    /// ## Why is this bad?
    /// Without a liveness probe the kubelet restarts a container only when its process exits. A
    /// deadlocked or wedged process stays in service, holding its replica slot, until someone
    /// notices.
    ///
    /// Only regular containers of pods that are meant to keep running are checked: Jobs,
    /// CronJobs and pods with `restartPolicy: Never` or `OnFailure` run to completion. Ephemeral
    /// containers cannot have probes, and init containers (sidecars included) are not checked.
    /// Bare Pods with the default `Always` policy are checked.
    ///
    /// ## How to fix
    /// Add a `livenessProbe` that fails only when the process cannot recover by itself (an HTTP
    /// health endpoint or `exec` check, with a generous `failureThreshold`). Do not make it
    /// depend on downstream services, or one outage restarts every pod.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app            # flagged: no livenessProbe
    ///     image: nginx:1.27
    /// ```
    pub struct MissingLivenessProbe {
        code: "POD014",
        name: "missing-liveness-probe",
        group: Pod,
        severity: Low,
        guide: ["G5.1"],
        references: [
            "checkov:CKV_K8S_8",
            "kube-linter:no-liveness-probe",
            "kubescape:C-0056",
        ],
    }
}

impl Rule for MissingLivenessProbe {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        if w.runs_to_completion() {
            return;
        }
        for c in w.containers().filter(|c| c.kind == ContainerKind::Regular) {
            if c.node.get("livenessProbe").is_some_and(|p| !p.is_null()) {
                continue;
            }
            let path = c.path.clone().key("livenessProbe");
            cx.report(self, w.object, path, crate::msg!("rule-pod014-message", container = c.describe_msg()))
                .help(crate::msg!("rule-pod014-help"));
        }
    }
}
