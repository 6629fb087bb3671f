//! Availability and operability: disruption budgets, replicas and autoscaling.

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
    let targets = |h: &Object, t: &Object| {
        let r = h.spec().and_then(|s| s.get("scaleTargetRef"));
        let field = |k: &str| r.and_then(|r| r.get(k)).and_then(Node::as_str);
        h.effective_namespace() == t.effective_namespace()
            && field("kind") == Some(t.kind.as_str())
            && field("name") == Some(t.name.as_str())
    };
    let candidates: Vec<&Object> =
        set.of_kind("autoscaling", "HorizontalPodAutoscaler").filter(|h| targets(h, target)).collect();
    if candidates.is_empty() {
        // Most workloads have no autoscaler: skip the namesake scan, which is linear in the
        // set and made the rules quadratic in workloads.
        return candidates;
    }
    let namesakes: Vec<&Object> =
        replicated_kinds(set).filter(|o| o.identity() == target.identity()).collect();
    let mine: Vec<&Object> = candidates
        .into_iter()
        .filter(|h| namesakes.iter().map(|t| h.distance(t)).min() == Some(h.distance(target)))
        .collect();
    let nearest = mine.iter().map(|h| target.distance(h)).min();
    mine.into_iter().filter(|h| Some(target.distance(h)) == nearest).collect()
}
