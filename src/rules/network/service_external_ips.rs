//! NET111: Services that claim external IP addresses (`spec.externalIPs`).

use crate::document::{FieldPath, Node};
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags Services that set `spec.externalIPs`.
    ///
    /// An empty list is left alone.
    ///
    /// ## Why is this bad?
    /// kube-proxy sends traffic for every address in `externalIPs` to the Service, from every
    /// pod and node of the cluster, whoever owns the address. Anyone who can create a Service can
    /// therefore intercept traffic meant for an outside address (CVE-2020-8554, which has no fix
    /// in Kubernetes itself). On EKS the field is rarely needed: load balancers are provisioned
    /// by the AWS Load Balancer Controller.
    ///
    /// ## How to fix
    /// Remove `externalIPs` and publish the Service through a load balancer or an Ingress. Block
    /// the field cluster-wide with an admission policy (the `externalip` webhook or a
    /// ValidatingAdmissionPolicy), allowing only reviewed addresses.
    ///
    /// ## Example
    /// ```yaml
    /// kind: Service
    /// spec:
    ///   externalIPs: [203.0.113.10]   # flagged
    /// ```
    pub struct ServiceExternalIps {
        code: "NET111",
        name: "service-external-ips",
        group: Network,
        severity: Medium,
        guide: ["G5.4"],
        references: ["trivy:KSV-0108"],
    }
}

impl Rule for ServiceExternalIps {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !o.is("", "Service") {
            return;
        }
        let Some(ips) = o.spec().and_then(|s| s.get("externalIPs")) else { return };
        let ips: Vec<&str> = ips.items().filter_map(Node::as_str).collect();
        if ips.is_empty() {
            return;
        }
        cx.report(
            self,
            o,
            FieldPath::root().keys(&["spec", "externalIPs"]),
            crate::msg!("rule-net111-message", ips = ips.join(", ")),
        )
        .help(crate::msg!("rule-net111-help"));
    }
}
