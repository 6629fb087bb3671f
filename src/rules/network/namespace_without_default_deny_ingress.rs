use std::collections::{HashMap, HashSet};

use crate::analysis::netpol::{Direction, Model};
use crate::document::FieldPath;
use crate::model::{Object, ObjectSet};
use crate::rules::{Context, Declared, Rule};

crate::declare_rule! {
    /// Flags namespaces with no default-deny ingress NetworkPolicy.
    ///
    /// ## Why is this bad?
    /// Pods accept traffic from everywhere until a NetworkPolicy governing ingress selects
    /// them. Without a policy that selects every pod of the namespace (`podSelector: {}`), each
    /// new workload starts reachable from every pod of the cluster and from outside, and one
    /// compromised pod can reach all of them. The guide segments traffic with NetworkPolicies
    /// (backend reachable only from frontend), which starts from a default deny.
    ///
    /// ## How to fix
    /// Add a policy with `podSelector: {}` and `policyTypes: [Ingress]` and no ingress rules to
    /// the namespace, then allow each flow the workloads need with narrower policies.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: networking.k8s.io/v1
    /// kind: NetworkPolicy
    /// metadata: {name: default-deny-ingress, namespace: shop}
    /// spec:
    ///   podSelector: {}
    ///   policyTypes: [Ingress]
    /// ```
    pub struct NamespaceWithoutDefaultDenyIngress {
        code: "NET101",
        name: "namespace-without-default-deny-ingress",
        group: Network,
        severity: Medium,
        guide: ["G4.4"],
        references: [
            "cis-eks-1.8:4.3.2",
            "nsa-cisa:network-policies",
            "kubescape:C-0049",
            "kubescape:C-0054",
        ],
    }
}

impl Rule for NamespaceWithoutDefaultDenyIngress {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        check(self, cx, set, Direction::Ingress);
    }
}

/// Shared by the ingress and egress rules: reports each namespace of the input (declared or
/// holding workloads) that no policy default-denies in `direction`.
pub(super) fn check(rule: &dyn Declared, cx: &mut Context<'_>, set: &ObjectSet, direction: Direction) {
    let model = Model::of(set);
    let denied: HashSet<&str> = model
        .policies
        .iter()
        .filter(|p| {
            p.pod_selector.is_empty()
                && p.governs(direction)
                // A rule open to every peer on every port undoes the deny.
                && !p.rules(direction).iter().any(|r| r.peers.is_none() && r.ports.is_none())
        })
        .map(|p| p.namespace.as_str())
        .collect();
    // The first workload of each namespace, where a namespace without a Namespace object is reported.
    let mut first_workload: HashMap<&str, usize> = HashMap::new();
    for w in &model.workloads {
        let first = first_workload.entry(w.id.namespace.as_str()).or_insert(w.object);
        *first = (*first).min(w.object);
    }
    for ns in model.namespaces.keys() {
        if denied.contains(ns.as_str()) {
            continue;
        }
        let Some((object, path, declared)) = anchor(&model, set, ns, &first_workload) else { continue };
        let d = direction.as_str();
        let r = cx
            .report(rule, object, path, crate::msg!("rule-net101-message", namespace = ns, direction = d))
            .help(crate::msg!("rule-net101-help", namespace = ns, direction = d));
        if !declared {
            let _ = r.note(crate::msg!("rule-net101-note", namespace = ns));
        }
    }
}

/// Where to report about a namespace: its Namespace object, else its first workload.
fn anchor<'s>(
    model: &Model,
    set: &'s ObjectSet,
    ns: &str,
    first_workload: &HashMap<&str, usize>,
) -> Option<(&'s Object, FieldPath, bool)> {
    if let Some(i) = model.namespaces.get(ns).and_then(|n| n.object) {
        return Some((set.get(i)?, FieldPath::parse("metadata.name"), true));
    }
    let first = *first_workload.get(ns)?;
    Some((set.get(first)?, FieldPath::parse("metadata.namespace"), false))
}
