use super::{Detection, admitted_findings};
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::pod::host_path_volume::HostPathVolume;

crate::declare_detection! {
    /// Flags pods and pod controllers admitted with a `hostPath` volume; critical for the node's
    /// sensitive paths (runtime sockets, `/var/lib/kubelet`, `/etc`, `/`, …).
    ///
    /// The request body is checked by the `host-path-volume` rule (POD011), which also decides
    /// which paths are sensitive. Events logged at `Metadata` level are counted as not evaluated.
    ///
    /// ## Why is this bad?
    /// A hostPath volume puts the node's filesystem in the container: the container runtime
    /// socket controls every container on the node, `/var/lib/kubelet` holds every pod's
    /// tokens, `/etc` and `/root` the node's credentials.
    ///
    /// ## How to fix
    /// Confirm the workload needs the path (log and CNI agents do, read-only); otherwise delete
    /// it and enforce the `baseline` Pod Security level on the namespace.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"pods","namespace":"shop","name":"x"},"responseStatus":{"code":201},
    ///  "requestObject":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"containers":[{"name":"c","image":"alpine"}],"volumes":[{"name":"root","hostPath":{"path":"/"}}]}}}
    /// ```
    pub struct HostPathWorkloadAdmitted {
        code: "AUD012",
        name: "host-path-workload-admitted",
        severity: High,
        also_severity: [Critical],
        level: Request,
        guide: ["G4.3", "G4.8"],
        references: [
            "falco:Create Sensitive Mount Pod",
            "panther:Kubernetes.Pod.HostPath.Volume",
            "mitre:T1611",
        ],
    }
}

impl Detection for HostPathWorkloadAdmitted {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        admitted_findings(self, cx, ev, &[&HostPathVolume]);
    }
}
