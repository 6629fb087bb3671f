use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags pods that share the node's process ID namespace (`hostPID: true`).
    ///
    /// ## Why is this bad?
    /// With the host PID namespace a container sees every process on the node, including other
    /// pods' processes and their command lines and environment (often holding secrets). As root
    /// or with `SYS_PTRACE` it can signal or attach to them, and `nsenter -t 1` turns it into a
    /// root shell on the node.
    ///
    /// ## How to fix
    /// Remove `hostPID: true`. To inspect the processes of another container, use
    /// `kubectl debug --target=<container>`, which shares that one container's process
    /// namespace with a temporary ephemeral container.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   hostPID: true   # flagged
    /// ```
    pub struct HostPid {
        code: "POD008",
        name: "host-pid",
        group: Pod,
        severity: High,
        guide: ["G4.3"],
        references: [
            "cis-eks-1.8:4.2.2",
            "pss:baseline:hostNamespaces",
            "nsa-cisa:pod-security",
            "checkov:CKV_K8S_17",
            "trivy:KSV-0010",
            "kube-linter:host-pid",
            "kubescape:C-0038",
        ],
    }
}

impl Rule for HostPid {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        if w.spec.and_then(|s| s.get("hostPID")).and_then(|n| n.as_bool()) == Some(true) {
            cx.report(self, w.object, w.spec_path(&["hostPID"]), crate::msg!("rule-pod008-message"))
                .help(crate::msg!("rule-pod008-help"));
        }
    }
}
