use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};

crate::declare_detection! {
    /// Flags DaemonSets created or changed by anyone who is not a cluster component.
    ///
    /// ## Why is this bad?
    /// A DaemonSet puts a pod on every node, new nodes included: the widest reach a single
    /// object gives, and the usual shape of node agents, miners and implants alike.
    ///
    /// ## How to fix
    /// Check the image and the pod's host access against the add-ons the team runs; delete
    /// unknown DaemonSets.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","user":{"username":"alice"},"objectRef":{"resource":"daemonsets","apiGroup":"apps","namespace":"default","name":"agent"},"responseStatus":{"code":201}}
    /// ```
    pub struct DaemonSetWritten {
        code: "AUD036",
        name: "daemon-set-written",
        severity: Medium,
        level: Metadata,
        guide: ["G4.8"],
        references: ["panther:Kubernetes.DaemonSet.Created", "mitre:T1610"],
    }
}

impl Detection for DaemonSetWritten {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "daemonsets" || !ev.subresource().is_empty() || !ev.wrote() || principal::system_user(ev.username())
        {
            return;
        }
        let user = text::user(ev);
        let ns = ev.namespace().unwrap_or("default");
        let name = text::name_or_generated(ev.name());
        cx.alert(self, ev, crate::msg!("audit-daemon-set", user = user, verb = ev.verb(), ns = ns, name = name));
    }
}
