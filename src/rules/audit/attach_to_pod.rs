use super::{Detection, pod_session};
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;

crate::declare_detection! {
    /// Flags attaching to a running container's console (`kubectl attach`).
    ///
    /// High in the system namespaces.
    ///
    /// ## Why is this bad?
    /// Attaching reads and writes the standard streams of the container's main process: with a
    /// shell as that process it is the same as `exec`, and it reads whatever the process prints,
    /// secrets included.
    ///
    /// ## How to fix
    /// Confirm the session with the user; remove `pods/attach` from roles that do not need it.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"pods","subresource":"attach","namespace":"shop","name":"web-0"},"responseStatus":{"code":101}}
    /// ```
    pub struct AttachToPod {
        code: "AUD002",
        name: "attach-to-pod",
        severity: Medium,
        also_severity: [High],
        level: Metadata,
        guide: ["G4.8"],
        references: ["falco:Attach/Exec Pod", "mitre:T1609"],
    }
}

impl Detection for AttachToPod {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        pod_session(self, cx, ev, "attach", "audit-attach");
    }
}
