use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};

crate::declare_detection! {
    /// Flags Secrets listed or watched across all namespaces at once (`kubectl get secrets -A`)
    /// by anyone who is not a cluster component.
    ///
    /// ## Why is this bad?
    /// One request returns every Secret of the cluster with its data: every service account
    /// token, registry credential, TLS key and database password.
    ///
    /// ## How to fix
    /// Treat the secrets as read by the user: confirm the need, rotate what matters, and remove
    /// cluster-wide `list`/`watch` on secrets (`secrets-read-cluster-wide` in group `rbac`).
    ///
    /// ## Example
    /// ```json
    /// {"verb":"list","user":{"username":"alice"},"objectRef":{"resource":"secrets","apiVersion":"v1"},"requestURI":"/api/v1/secrets?limit=500","responseStatus":{"code":200}}
    /// ```
    pub struct SecretsListedClusterWide {
        code: "AUD025",
        name: "secrets-listed-cluster-wide",
        severity: High,
        level: Metadata,
        guide: ["G4.6", "G4.8"],
        references: ["panther:Kubernetes.Secrets.DumpAllNamespaces", "mitre:T1552.007"],
    }
}

impl Detection for SecretsListedClusterWide {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "secrets"
            || !matches!(ev.verb(), "list" | "watch")
            || ev.namespace().is_some()
            || !ev.allowed()
            || principal::system_user(ev.username())
        {
            return;
        }
        let user = text::user(ev);
        cx.alert(self, ev, crate::msg!("audit-secrets-listed", user = user, verb = ev.verb()));
    }
}
