use super::{Detection, admitted_findings};
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::pod::{host_ipc::HostIpc, host_network::HostNetwork, host_pid::HostPid};

crate::declare_detection! {
    /// Flags pods and pod controllers admitted with the node's network, PID or IPC namespace.
    ///
    /// The request body is checked by the `host-network`, `host-pid` and `host-ipc` rules
    /// (POD007–POD009). Events logged at `Metadata` level are counted as not evaluated.
    ///
    /// ## Why is this bad?
    /// The host network reaches the node's localhost services and the instance metadata, and
    /// sniffs other pods' traffic; the host PID namespace sees and signals every process on the
    /// node; the host IPC namespace reads shared memory of other workloads.
    ///
    /// ## How to fix
    /// Confirm the workload needs it (CNI and monitoring agents do); otherwise delete it and
    /// enforce the `baseline` Pod Security level on the namespace.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"pods","namespace":"shop","name":"sniffer"},"responseStatus":{"code":201},
    ///  "requestObject":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"sniffer"},"spec":{"hostNetwork":true,"containers":[{"name":"c","image":"tcpdump"}]}}}
    /// ```
    pub struct HostNamespaceWorkloadAdmitted {
        code: "AUD011",
        name: "host-namespace-workload-admitted",
        severity: High,
        level: Request,
        guide: ["G4.3", "G4.8"],
        references: [
            "falco:Create HostNetwork Pod",
            "falco:Create HostPid Pod",
            "falco:Create HostIPC Pod",
            "panther:Kubernetes.Pod.Host.Network",
            "panther:Kubernetes.Pod.Host.PID",
            "panther:Kubernetes.Pod.Host.IPC",
            "mitre:T1611",
        ],
    }
}

impl Detection for HostNamespaceWorkloadAdmitted {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        admitted_findings(self, cx, ev, &[&HostNetwork, &HostPid, &HostIpc]);
    }
}
