use crate::analysis::netpol::Direction;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags namespaces with no default-deny egress NetworkPolicy.
    ///
    /// ## Why is this bad?
    /// Until a NetworkPolicy governing egress selects a pod, the pod may open connections to
    /// any pod and any address: a compromised workload can scan the cluster, reach the
    /// instance metadata service or send data out. A default deny for egress, with DNS and
    /// the needed destinations allowed, limits that. It is rated lower than the ingress rule
    /// because it needs every outgoing dependency listed.
    ///
    /// ## How to fix
    /// Add a policy with `podSelector: {}` and `policyTypes: [Egress]` to the namespace, then
    /// allow DNS and each destination the workloads need.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: networking.k8s.io/v1
    /// kind: NetworkPolicy
    /// metadata: {name: default-deny-egress, namespace: shop}
    /// spec:
    ///   podSelector: {}
    ///   policyTypes: [Egress]
    /// ```
    pub struct NamespaceWithoutDefaultDenyEgress {
        code: "NET102",
        name: "namespace-without-default-deny-egress",
        group: Network,
        severity: Low,
        guide: ["G4.4"],
        references: [
            "cis-eks-1.8:4.3.2",
            "nsa-cisa:network-policies",
        ],
    }
}

impl Rule for NamespaceWithoutDefaultDenyEgress {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        super::namespace_without_default_deny_ingress::check(self, cx, set, Direction::Egress);
    }
}
