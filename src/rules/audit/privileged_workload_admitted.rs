use super::{Detection, admitted_findings};
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::pod::privileged_container::PrivilegedContainer;

crate::declare_detection! {
    /// Flags pods and pod controllers the API server admitted with a privileged container.
    ///
    /// The request body is checked by the `privileged-container` rule (POD001) itself; pods
    /// created by the controller manager are skipped because their controller was checked when
    /// it was written. Events logged at `Metadata` level have no body: they are counted as not
    /// evaluated, never as clean.
    ///
    /// ## Why is this bad?
    /// A privileged container is root on the node: every device, every capability, the other
    /// pods' secrets and the node's IAM role. Admitting one means the namespace's Pod Security
    /// admission did not stop it.
    ///
    /// ## How to fix
    /// Find out who created it and why; delete it unless it is a known node agent, then enforce
    /// the `baseline` Pod Security level on the namespace. Known agents' images can be listed
    /// under `audit-log.trusted-images`.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"pods","namespace":"shop","name":"debug"},"responseStatus":{"code":201},
    ///  "requestObject":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"debug"},"spec":{"containers":[{"name":"c","image":"alpine","securityContext":{"privileged":true}}]}}}
    /// ```
    pub struct PrivilegedWorkloadAdmitted {
        code: "AUD010",
        name: "privileged-workload-admitted",
        severity: Critical,
        level: Request,
        guide: ["G4.3", "G4.8"],
        references: [
            "falco:Create Privileged Pod",
            "panther:Kubernetes.Pod.Privileged.Created",
            "mitre:T1610",
            "mitre:T1611",
        ],
    }
}

impl Detection for PrivilegedWorkloadAdmitted {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        admitted_findings(self, cx, ev, &[&PrivilegedContainer]);
    }
}
