use super::{Detection, pod_session};
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::text;

crate::declare_detection! {
    /// Flags interactive and one-off commands run in a pod (`kubectl exec`).
    ///
    /// The alert carries the command (credentials in it masked) and is high in `kube-system`,
    /// `kube-public` and `kube-node-lease`. Both the websocket (`get`) and SPDY (`create`) forms
    /// of the request are seen; a long-running session is reported once.
    ///
    /// ## Why is this bad?
    /// `exec` is a shell inside a running workload: its service account token, its mounted
    /// secrets, its network position and, for a privileged pod, the node. Outside break-glass
    /// debugging, nobody should need it in production; an exec into a system pod (CoreDNS,
    /// aws-node, kube-proxy) touches the cluster's own machinery.
    ///
    /// ## How to fix
    /// Confirm with the user that the session was expected and what the command did. Remove
    /// `pods/exec` from roles that do not need it (see `pod-exec` in group `rbac`) and use
    /// ephemeral debug containers or logs instead. Trusted operators can be listed under
    /// `audit-log.trusted-users`.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"pods","subresource":"exec","namespace":"kube-system","name":"coredns-5d78c9869d-abcde"},
    ///  "requestURI":"/api/v1/namespaces/kube-system/pods/coredns-5d78c9869d-abcde/exec?command=sh&stdin=true&tty=true","responseStatus":{"code":101}}
    /// ```
    pub struct ExecIntoPod {
        code: "AUD001",
        name: "exec-into-pod",
        severity: Medium,
        also_severity: [High],
        level: Metadata,
        guide: ["G4.8"],
        references: [
            "falco:Attach/Exec Pod",
            "panther:Amazon.EKS.Audit.Exec",
            "panther:Kubernetes.Pod.Exec",
            "mitre:T1609",
        ],
    }
}

impl Detection for ExecIntoPod {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if !pod_session(self, cx, ev, "exec", "audit-exec") {
            return;
        }
        let args = text::command_args(ev);
        if let Some(a) = cx.last_alert()
            && !args.is_empty()
        {
            a.note(crate::msg!("audit-note-command", command = text::redacted_command(&args)));
        }
    }
}
