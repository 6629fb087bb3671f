//! NET112: Ingresses that serve plain HTTP only.

use crate::document::{FieldPath, Node};
use crate::model::Object;
use crate::rules::{Context, Rule};

/// AWS Load Balancer Controller: the ACM certificates of the HTTPS listeners.
const CERTIFICATE_ARN: &str = "alb.ingress.kubernetes.io/certificate-arn";
/// AWS Load Balancer Controller: the listeners, as JSON (`[{"HTTPS": 443}]`).
const LISTEN_PORTS: &str = "alb.ingress.kubernetes.io/listen-ports";

crate::declare_rule! {
    /// Flags Ingresses without TLS: no `spec.tls` and no HTTPS listener annotation.
    ///
    /// TLS is configured either in `spec.tls` (most controllers) or, with the AWS Load Balancer
    /// Controller, by the `alb.ingress.kubernetes.io/certificate-arn` annotation or an `HTTPS`
    /// listener in `alb.ingress.kubernetes.io/listen-ports` (certificates discovered from ACM by
    /// host name). Any of them satisfies the rule.
    ///
    /// ## Why is this bad?
    /// Without TLS the load balancer forwards requests, cookies and credentials in clear text
    /// across every network between the client and the cluster, where they can be read and
    /// changed. The guide asks for TLS with certificates from ACM.
    ///
    /// ## How to fix
    /// Add an HTTPS listener: with the AWS Load Balancer Controller, set
    /// `alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS": 443}]'` and an ACM certificate
    /// (`certificate-arn`, or discovery by host); with other controllers, list the hosts and the
    /// certificate Secret under `spec.tls`. Redirect HTTP to HTTPS (`ssl-redirect: "443"`).
    ///
    /// ## Example
    /// ```yaml
    /// kind: Ingress
    /// spec:          # flagged: no tls
    ///   rules:
    ///     - host: shop.example.com
    /// ```
    pub struct IngressWithoutTls {
        code: "NET112",
        name: "ingress-without-tls",
        group: Network,
        severity: Medium,
        guide: ["G4.7"],
        references: [],
    }
}

impl Rule for IngressWithoutTls {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !o.is("networking.k8s.io", "Ingress") && !o.is("extensions", "Ingress") {
            return;
        }
        let Some(spec) = o.spec() else { return };
        if spec.get("tls").is_some_and(|t| t.items().next().is_some()) {
            return;
        }
        let annotation = |key: &str| o.annotations().and_then(|a| a.get(key)).and_then(Node::as_str);
        if annotation(CERTIFICATE_ARN).is_some_and(|a| !a.trim().is_empty()) {
            return;
        }
        if annotation(LISTEN_PORTS).is_some_and(|a| a.contains("HTTPS")) {
            return;
        }
        cx.report(self, o, FieldPath::root().keys(&["spec", "tls"]), crate::msg!("rule-net112-message"))
            .help(crate::msg!("rule-net112-help"));
    }
}
