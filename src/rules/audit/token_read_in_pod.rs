use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::text;

/// Where Kubernetes and EKS mount workload credentials.
const TOKEN_PATHS: &[&str] = &[
    "/var/run/secrets/kubernetes.io/serviceaccount",
    "/run/secrets/kubernetes.io/serviceaccount",
    "/var/run/secrets/eks.amazonaws.com/serviceaccount",
    "/run/secrets/eks.amazonaws.com/serviceaccount",
    "/var/run/secrets/pods.eks.amazonaws.com/serviceaccount",
];

crate::declare_detection! {
    /// Flags commands run in a pod that read its service account token or its IAM credentials
    /// (IRSA and Pod Identity token files).
    ///
    /// ## Why is this bad?
    /// With the token, the user acts as the workload from anywhere: against the Kubernetes API
    /// with the service account's permissions and, through IRSA or Pod Identity, against AWS
    /// with the pod's IAM role. Reading it by hand is the first step of a token theft.
    ///
    /// ## How to fix
    /// Treat the token as stolen: delete the pod (projected tokens are bound to it), review what
    /// the service account and its IAM role can do, and look for requests by that service
    /// account from unusual addresses.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"pods","subresource":"exec","namespace":"shop","name":"web-0"},
    ///  "requestURI":"/api/v1/namespaces/shop/pods/web-0/exec?command=cat&command=%2Fvar%2Frun%2Fsecrets%2Fkubernetes.io%2Fserviceaccount%2Ftoken","responseStatus":{"code":101}}
    /// ```
    pub struct TokenReadInPod {
        code: "AUD005",
        name: "token-read-in-pod",
        severity: High,
        level: Metadata,
        guide: ["G3.2", "G4.8"],
        references: [
            "panther:Kubernetes.Pod.StealServiceAccountToken",
            "mitre:T1528",
            "mitre:T1552.007",
        ],
    }
}

impl Detection for TokenReadInPod {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "pods" || ev.subresource() != "exec" || !ev.allowed() {
            return;
        }
        let args = text::command_args(ev);
        let Some(path) = TOKEN_PATHS.iter().find(|p| args.iter().any(|a| a.contains(*p))) else { return };
        let ns = ev.namespace().unwrap_or("default");
        let pod = ev.name().unwrap_or("?");
        let user = text::user(ev);
        cx.alert(self, ev, crate::msg!("audit-token-read", user = user, path = *path, ns = ns, pod = pod))
            .note(crate::msg!("audit-note-command", command = text::redacted_command(&args)));
    }
}
