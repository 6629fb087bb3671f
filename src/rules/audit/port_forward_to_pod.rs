use super::{Detection, pod_session};
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;

crate::declare_detection! {
    /// Flags tunnels opened to a pod's ports through the API server (`kubectl port-forward`).
    ///
    /// High in the system namespaces.
    ///
    /// ## Why is this bad?
    /// A port-forward reaches a pod's ports from wherever the user is, past NetworkPolicies,
    /// Services and load balancers: databases, admin consoles and metrics endpoints that were
    /// meant to be internal.
    ///
    /// ## How to fix
    /// Confirm the tunnel with the user; remove `pods/portforward` from roles that do not need it.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"pods","subresource":"portforward","namespace":"shop","name":"db-0"},"responseStatus":{"code":101}}
    /// ```
    pub struct PortForwardToPod {
        code: "AUD003",
        name: "port-forward-to-pod",
        severity: Medium,
        also_severity: [High],
        level: Metadata,
        guide: ["G4.4", "G4.8"],
        references: [],
    }
}

impl Detection for PortForwardToPod {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        pod_session(self, cx, ev, "portforward", "audit-port-forward");
    }
}
