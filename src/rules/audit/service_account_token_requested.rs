use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};

crate::declare_detection! {
    /// Flags service account tokens requested (`serviceaccounts/token`, `kubectl create token`)
    /// by unusual principals.
    ///
    /// Usual are the kubelets (`system:node:*`), which request the projected tokens of the pods
    /// they run, and cluster components asking for tokens of the system namespaces' service
    /// accounts. Everyone else is reported: people, workloads, and cluster components minting
    /// tokens of application service accounts.
    ///
    /// ## Why is this bad?
    /// A TokenRequest mints a bearer credential for the service account, valid for up to the
    /// requested expiry, usable from anywhere. It is how a foothold with `create
    /// serviceaccounts/token` becomes the permissions of any service account in reach.
    ///
    /// ## How to fix
    /// Ask the user why; if unexpected, review what the service account can do, and remove
    /// `create` on `serviceaccounts/token` (`token-create` in group `rbac`).
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","user":{"username":"alice"},"objectRef":{"resource":"serviceaccounts","subresource":"token","namespace":"ci","name":"deployer"},"responseStatus":{"code":201}}
    /// ```
    pub struct ServiceAccountTokenRequested {
        code: "AUD030",
        name: "service-account-token-requested",
        severity: Medium,
        level: Metadata,
        guide: ["G3.2", "G4.8"],
        references: ["panther:Kubernetes.ServiceAccount.TokenCreated", "mitre:T1528"],
    }
}

impl Detection for ServiceAccountTokenRequested {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "serviceaccounts" || ev.subresource() != "token" || ev.verb() != "create" || !ev.allowed() {
            return;
        }
        let user = ev.username();
        let ns = ev.namespace().unwrap_or("default");
        if user.starts_with("system:node:") || (principal::system_user(user) && principal::system_namespace(ns)) {
            return;
        }
        let sa = ev.name().unwrap_or("?");
        let who = text::user(ev);
        cx.alert(self, ev, crate::msg!("audit-sa-token", user = who, ns = ns, sa = sa));
    }
}
