use super::{Detection, admitted_findings};
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::pod::dangerous_capabilities::DangerousCapabilities;

crate::declare_detection! {
    /// Flags pods and pod controllers admitted with Linux capabilities beyond the Pod Security
    /// baseline set (`SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`, `BPF`, …).
    ///
    /// The request body is checked by the `dangerous-capabilities` rule (POD003); `SYS_ADMIN` and
    /// `ALL` are critical. Events logged at `Metadata` level are counted as not evaluated.
    ///
    /// ## Why is this bad?
    /// `SYS_ADMIN` is nearly root on the node and the usual way out of a container;
    /// `SYS_PTRACE` reads other processes' memory; `NET_ADMIN` rewrites the node's network.
    ///
    /// ## How to fix
    /// Confirm the workload needs the capability; otherwise delete it and enforce the
    /// `baseline` Pod Security level on the namespace.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"pods","namespace":"shop","name":"x"},"responseStatus":{"code":201},
    ///  "requestObject":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"containers":[{"name":"c","image":"alpine","securityContext":{"capabilities":{"add":["SYS_ADMIN"]}}}]}}}
    /// ```
    pub struct CapabilityWorkloadAdmitted {
        code: "AUD013",
        name: "capability-workload-admitted",
        severity: High,
        also_severity: [Critical],
        level: Request,
        guide: ["G4.3", "G4.8"],
        references: ["panther:Kubernetes.Pod.Dangerous.Capabilities", "mitre:T1611"],
    }
}

impl Detection for CapabilityWorkloadAdmitted {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        admitted_findings(self, cx, ev, &[&DangerousCapabilities]);
    }
}
