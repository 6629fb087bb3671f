use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::principal;

/// Health endpoints the API server serves to anyone by design.
const HEALTH: &[&str] = &["/healthz", "/livez", "/readyz"];

crate::declare_detection! {
    /// Flags requests by the anonymous user (or the `system:unauthenticated` group) that the API
    /// server allowed, health checks (`/healthz`, `/livez`, `/readyz`) aside.
    ///
    /// ## Why is this bad?
    /// Anything anonymous callers may do, the whole internet may do when the endpoint is
    /// public: a binding to `system:anonymous` or `system:unauthenticated` turns a cluster
    /// into an open one. Even `/version` tells a scanner which exploits to try.
    ///
    /// ## How to fix
    /// Find the binding named in the alert's reason and delete it (`anonymous-binding` in group
    /// `rbac`); restrict the public endpoint to known networks.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"list","user":{"username":"system:anonymous","groups":["system:unauthenticated"]},"sourceIPs":["198.51.100.9"],
    ///  "objectRef":{"resource":"pods"},"responseStatus":{"code":200},"annotations":{"authorization.k8s.io/decision":"allow"}}
    /// ```
    pub struct AnonymousRequestAllowed {
        code: "AUD024",
        name: "anonymous-request-allowed",
        severity: High,
        level: Metadata,
        guide: ["G4.2", "G4.8"],
        references: [
            "falco:Anonymous Request Allowed",
            "panther:Kubernetes.API.AnonymousAccess",
            "panther:Amazon.EKS.AnonymousAPIAccess",
            "mitre:T1190",
        ],
    }
}

impl Detection for AnonymousRequestAllowed {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if !principal::anonymous(ev) || !ev.allowed() {
            return;
        }
        let uri = ev.request_uri.as_deref().unwrap_or_default();
        let path = uri.split('?').next().unwrap_or(uri);
        if HEALTH.iter().any(|h| path == *h || path.strip_prefix(h).is_some_and(|r| r.starts_with('/'))) {
            return;
        }
        let target = match ev.object_ref.as_ref().and_then(|o| o.resource.as_deref()) {
            Some(r) if !r.is_empty() => format!("{} {r}", ev.verb()),
            _ => format!("{} {path}", ev.verb()),
        };
        let a = cx.alert(self, ev, crate::msg!("audit-anonymous-allowed", target = target));
        if let Some(r) = ev.annotations.reason.map(|r| r.get()).filter(|r| !r.is_empty()) {
            a.note(crate::msg!("audit-note-authorized-by", reason = r.as_ref()));
        }
    }
}
