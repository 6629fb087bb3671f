use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};
use crate::document::Node;

crate::declare_detection! {
    /// Flags Ingresses created or changed without a `tls` section.
    ///
    /// The spec is in the request body (the stored object for a patch): events logged at
    /// `Metadata` level are counted as not evaluated. An Ingress whose controller terminates
    /// TLS elsewhere (an ALB with an ACM certificate annotation) is still reported; list its
    /// namespace under `audit-log.trusted-namespaces` if that is the design.
    ///
    /// ## Why is this bad?
    /// Without TLS, credentials, cookies and data cross the network in clear text; the guide
    /// asks for TLS everywhere.
    ///
    /// ## How to fix
    /// Add `spec.tls` with a certificate (cert-manager, or ACM through the load balancer
    /// controller's annotations).
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"ingresses","apiGroup":"networking.k8s.io","namespace":"shop","name":"web"},"responseStatus":{"code":201},
    ///  "requestObject":{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"web"},"spec":{"rules":[{"host":"shop.example.com"}]}}}
    /// ```
    pub struct IngressWithoutTlsWritten {
        code: "AUD034",
        name: "ingress-without-tls-written",
        severity: Low,
        level: Request,
        guide: ["G4.7", "G4.8"],
        references: [
            "falco:Ingress Object without TLS Certificate Created",
            "panther:Kubernetes.Ingress.NoTLS",
        ],
    }
}

impl Detection for IngressWithoutTlsWritten {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "ingresses" || !ev.subresource().is_empty() || !ev.wrote() || principal::system_user(ev.username())
        {
            return;
        }
        let Some(w) = cx.written(ev) else {
            cx.not_evaluated(self);
            return;
        };
        let has_tls = w.object.root.at(&["spec", "tls"]).and_then(Node::as_seq).is_some_and(|s| !s.is_empty());
        if has_tls {
            return;
        }
        let name = w.object.name.clone();
        let user = text::user(ev);
        let ns = ev.namespace().unwrap_or("default");
        cx.alert(self, ev, crate::msg!("audit-ingress-without-tls", user = user, ns = ns, name = name));
    }
}
