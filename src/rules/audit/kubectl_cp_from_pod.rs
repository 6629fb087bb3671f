use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::text;

crate::declare_detection! {
    /// Flags files copied out of or into a pod with `kubectl cp`.
    ///
    /// `kubectl cp` runs `tar` through `exec`: `tar cf -` streams files out of the container,
    /// `tar xf -` (or `xmf`) writes files into it.
    ///
    /// ## Why is this bad?
    /// Copying out is how data and credentials leave a container without touching its network;
    /// copying in plants binaries or configuration in a running workload, outside the image
    /// the supply chain checked.
    ///
    /// ## How to fix
    /// Find out which files were copied (the alert names the paths) and whether the user needed
    /// them; rotate any credential the paths held.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"pods","subresource":"exec","namespace":"shop","name":"web-0"},
    ///  "requestURI":"/api/v1/namespaces/shop/pods/web-0/exec?command=tar&command=cf&command=-&command=%2Fapp%2F.env","responseStatus":{"code":101}}
    /// ```
    pub struct KubectlCpFromPod {
        code: "AUD004",
        name: "kubectl-cp-with-pod",
        severity: Medium,
        level: Metadata,
        guide: ["G4.8"],
        references: ["panther:Kubernetes.Kubectl.CP.Operation", "mitre:T1609"],
    }
}

impl Detection for KubectlCpFromPod {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "pods" || ev.subresource() != "exec" || !ev.allowed() {
            return;
        }
        let args = text::command_args(ev);
        let (Some(tool), Some(mode)) = (args.first(), args.get(1)) else { return };
        if tool.rsplit('/').next() != Some("tar") || args.get(2).map(String::as_str) != Some("-") {
            return;
        }
        let mode = mode.trim_start_matches('-');
        let direction = if mode.contains('c') {
            "audit-cp-out"
        } else if mode.contains('x') {
            "audit-cp-in"
        } else {
            return;
        };
        let ns = ev.namespace().unwrap_or("default");
        let pod = ev.name().unwrap_or("?");
        let user = text::user(ev);
        let paths = text::redacted_command(args.get(3..).unwrap_or_default());
        let a = cx.alert(self, ev, crate::msg!(direction, user = user, ns = ns, pod = pod));
        if !paths.is_empty() {
            a.note(crate::msg!("audit-note-tar", args = paths));
        }
    }
}
