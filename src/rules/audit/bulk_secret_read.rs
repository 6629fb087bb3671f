use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};

crate::declare_detection! {
    /// Flags a user who reads many distinct Secrets (or namespaces' worth of Secrets) within a
    /// window: 15 within 30 minutes unless `audit-log.thresholds.bulk-secret-read` says
    /// otherwise.
    ///
    /// Each `get` counts its Secret, each namespaced `list` or `watch` counts as the namespace's
    /// Secrets. Cluster components are not counted. One alert per burst.
    ///
    /// ## Why is this bad?
    /// Workloads read their own few Secrets; a person or token walking through many is
    /// collecting credentials.
    ///
    /// ## How to fix
    /// Ask the user; if the reads were not expected, treat the Secrets as leaked and rotate
    /// them, and narrow the user's access to secrets.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"get","user":{"username":"alice"},"objectRef":{"resource":"secrets","namespace":"shop","name":"db-1"},"responseStatus":{"code":200}}
    /// ```
    pub struct BulkSecretRead {
        code: "AUD026",
        name: "bulk-secret-read",
        severity: High,
        level: Metadata,
        guide: ["G4.6", "G4.8"],
        references: [
            "panther:Kubernetes.SecretEnumeration",
            "falco:K8s Secret Get Successfully",
            "mitre:T1552.007",
        ],
    }
}

impl Detection for BulkSecretRead {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "secrets"
            || !matches!(ev.verb(), "get" | "list" | "watch")
            || !ev.allowed()
            || principal::system_user(ev.username())
        {
            return;
        }
        // Cluster-wide lists are `secrets-listed-cluster-wide`.
        let Some(ns) = ev.namespace() else { return };
        let item = match ev.name() {
            Some(n) if ev.verb() == "get" => format!("{ns}/{n}"),
            _ => format!("{ns}/*"),
        };
        let key = ev.username().to_string();
        let th = cx.config.thresholds.bulk_secret_read;
        let t = cx.millis(ev);
        if let Some(n) = cx.state.secret_reads_by_user.hit(&key, &item, t, th) {
            let user = text::user(ev);
            let msg = crate::msg!("audit-bulk-secret-read", user = user, count = n, window = th.window());
            cx.alert(self, ev, msg).note(crate::msg!("audit-note-last-one", item = item));
        }
    }
}
