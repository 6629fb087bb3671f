use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags pods that share the node's IPC namespace (`hostIPC: true`).
    ///
    /// ## Why is this bad?
    /// The host IPC namespace exposes the node's System V shared memory, semaphores and message
    /// queues. A container can read or corrupt data other processes on the node keep there, and
    /// interfere with them.
    ///
    /// ## How to fix
    /// Remove `hostIPC: true`. Containers of one pod already share an IPC namespace.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   hostIPC: true   # flagged
    /// ```
    pub struct HostIpc {
        code: "POD009",
        name: "host-ipc",
        group: Pod,
        severity: High,
        guide: ["G4.3"],
        references: [
            "cis-eks-1.8:4.2.3",
            "pss:baseline:hostNamespaces",
            "nsa-cisa:pod-security",
            "checkov:CKV_K8S_18",
            "trivy:KSV-0008",
            "kube-linter:host-ipc",
            "kubescape:C-0038",
        ],
    }
}

impl Rule for HostIpc {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        if w.spec.and_then(|s| s.get("hostIPC")).and_then(|n| n.as_bool()) == Some(true) {
            cx.report(self, w.object, w.spec_path(&["hostIPC"]), crate::msg!("rule-pod009-message"))
                .help(crate::msg!("rule-pod009-help"));
        }
    }
}
