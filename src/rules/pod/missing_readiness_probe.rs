use crate::model::{ContainerKind, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers of long-running workloads without a `readinessProbe`.
    ///
    /// ## Why is this bad?
    /// Without a readiness probe a pod receives Service traffic as soon as its containers start,
    /// before the application can answer, and keeps receiving it while it is overloaded or
    /// shutting down. Rolling updates also move on without waiting for new pods to be ready, so
    /// a bad release can replace every healthy replica (the guide relies on rolling updates for
    /// availability, G5.1).
    ///
    /// Only regular containers of pods that are meant to keep running are checked: Jobs,
    /// CronJobs and pods with `restartPolicy: Never` or `OnFailure` run to completion. Ephemeral
    /// containers cannot have probes, and init containers (sidecars included) are not checked.
    /// Bare Pods with the default `Always` policy are checked.
    ///
    /// ## How to fix
    /// Add a `readinessProbe` that succeeds only when the container can serve requests.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app            # flagged: no readinessProbe
    ///     image: nginx:1.27
    /// ```
    pub struct MissingReadinessProbe {
        code: "POD015",
        name: "missing-readiness-probe",
        group: Pod,
        severity: Low,
        guide: ["G5.1"],
        references: [
            "checkov:CKV_K8S_9",
            "kube-linter:no-readiness-probe",
            "kubescape:C-0018",
        ],
    }
}

impl Rule for MissingReadinessProbe {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        if w.runs_to_completion() {
            return;
        }
        for c in w.containers().filter(|c| c.kind == ContainerKind::Regular) {
            if c.node.get("readinessProbe").is_some_and(|p| !p.is_null()) {
                continue;
            }
            let path = c.path.clone().key("readinessProbe");
            cx.report(self, w.object, path, crate::msg!("rule-pod015-message", container = c.describe_msg()))
                .help(crate::msg!("rule-pod015-help"));
        }
    }
}
