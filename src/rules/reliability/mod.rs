//! Availability and operability: disruption budgets, replicas and autoscaling.

use std::collections::HashMap;

use super::Rule;
use crate::document::Node;
use crate::model::{Object, ObjectSet};

pub mod hpa_target_missing;
pub mod liveness_same_as_readiness;
pub mod missing_pod_disruption_budget;
pub mod naked_pod;
pub mod pdb_blocks_eviction;
pub mod pdb_selects_nothing;
pub mod probe_port_unknown;
pub mod selector_mismatch;
pub mod single_replica;

pub(crate) static RULES: &[&dyn Rule] = &[
    &missing_pod_disruption_budget::MissingPodDisruptionBudget,
    &single_replica::SingleReplica,
    &selector_mismatch::SelectorMismatch,
    &hpa_target_missing::HpaTargetMissing,
    &pdb_selects_nothing::PdbSelectsNothing,
    &naked_pod::NakedPod,
    &probe_port_unknown::ProbePortUnknown,
    &pdb_blocks_eviction::PdbBlocksEviction,
    &liveness_same_as_readiness::LivenessSameAsReadiness,
];

/// Deployments and StatefulSets: the kinds whose replicas these rules reason about.
fn replicated_kinds(set: &ObjectSet) -> impl Iterator<Item = &Object> {
    set.iter().filter(|o| o.is("apps", "Deployment") || o.is("apps", "StatefulSet"))
}

/// The HorizontalPodAutoscalers of the set that scale an object (same namespace, and
/// `scaleTargetRef` naming its kind and name). When the input holds several objects answering
/// one autoscaler's reference (variants side by side), it scales the nearest of them, and an
/// object is scaled by its nearest autoscalers (see `Object::distance`).
fn autoscalers<'a>(set: &'a ObjectSet, target: &'a Object) -> Vec<&'a Object> {
    let index = set.analysis(Autoscaling::build);
    let ns = target.effective_namespace().map(str::to_string);
    let candidates: Vec<&Object> = index
        .by_target
        .get(&(ns, target.kind.to_string(), target.name.to_string()))
        .into_iter()
        .flatten()
        .filter_map(|&i| set.get(i))
        .collect();
    if candidates.is_empty() {
        return candidates;
    }
    let (group, kind, namespace, name) = target.identity();
    let key = (group.to_string(), kind.to_string(), namespace.map(str::to_string), name.to_string());
    let namesakes: Vec<&Object> =
        index.replicated.get(&key).into_iter().flatten().filter_map(|&i| set.get(i)).collect();
    let mine: Vec<&Object> = candidates
        .into_iter()
        .filter(|h| namesakes.iter().map(|t| h.distance(t)).min() == Some(h.distance(target)))
        .collect();
    let nearest = mine.iter().map(|h| target.distance(h)).min();
    mine.into_iter().filter(|h| Some(target.distance(h)) == nearest).collect()
}

/// The autoscalers of a set by what they scale, and the Deployments and StatefulSets by
/// identity, in input order: built once per set, so that looking up a workload's autoscalers is
/// not a pass over the set (which made the rules quadratic in workloads).
struct Autoscaling {
    /// Autoscaler indices by namespace, `scaleTargetRef` kind and name.
    by_target: HashMap<(Option<String>, String, String), Vec<usize>>,
    /// Deployment, StatefulSet and ReplicaSet indices by [`Object::identity`]: what an
    /// autoscaler may scale among the kinds these rules count replicas of.
    replicated: HashMap<(String, String, Option<String>, String), Vec<usize>>,
}

impl Autoscaling {
    fn build(set: &ObjectSet) -> Self {
        let mut by_target: HashMap<_, Vec<usize>> = HashMap::new();
        for h in set.of_kind("autoscaling", "HorizontalPodAutoscaler") {
            let r = h.spec().and_then(|s| s.get("scaleTargetRef"));
            let field = |k: &str| r.and_then(|r| r.get(k)).and_then(Node::as_str);
            if let (Some(kind), Some(name)) = (field("kind"), field("name")) {
                let ns = h.effective_namespace().map(str::to_string);
                by_target.entry((ns, kind.to_string(), name.to_string())).or_default().push(h.index);
            }
        }
        let mut replicated: HashMap<_, Vec<usize>> = HashMap::new();
        // REL008 counts the pods of ReplicaSets too: one an autoscaler scales is found here, or
        // it would be taken for a fixed count.
        for o in replicated_kinds(set).chain(set.of_kind("apps", "ReplicaSet")) {
            let (group, kind, namespace, name) = o.identity();
            let key = (group.to_string(), kind.to_string(), namespace.map(str::to_string), name.to_string());
            replicated.entry(key).or_default().push(o.index);
        }
        Self { by_target, replicated }
    }
}
