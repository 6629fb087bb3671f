//! Availability and operability: disruption budgets, replicas and autoscaling.

use super::Rule;
use crate::document::Node;
use crate::model::{Object, ObjectSet};

pub mod hpa_target_missing;
pub mod missing_pod_disruption_budget;
pub mod pdb_selects_nothing;
pub mod selector_mismatch;
pub mod single_replica;

pub(crate) static RULES: &[&dyn Rule] = &[
    &missing_pod_disruption_budget::MissingPodDisruptionBudget,
    &single_replica::SingleReplica,
    &selector_mismatch::SelectorMismatch,
    &hpa_target_missing::HpaTargetMissing,
    &pdb_selects_nothing::PdbSelectsNothing,
];

/// Deployments and StatefulSets: the kinds whose replicas these rules reason about.
fn replicated_kinds(set: &ObjectSet) -> impl Iterator<Item = &Object> {
    set.iter().filter(|o| o.is("apps", "Deployment") || o.is("apps", "StatefulSet"))
}

/// The HorizontalPodAutoscalers of the set that scale an object (same namespace, and
/// `scaleTargetRef` naming its kind and name).
fn autoscalers<'a>(set: &'a ObjectSet, target: &'a Object) -> impl Iterator<Item = &'a Object> + 'a {
    set.of_kind("autoscaling", "HorizontalPodAutoscaler").filter(move |h| {
        let r = h.spec().and_then(|s| s.get("scaleTargetRef"));
        let field = |k: &str| r.and_then(|r| r.get(k)).and_then(Node::as_str);
        h.effective_namespace() == target.effective_namespace()
            && field("kind") == Some(target.kind.as_str())
            && field("name") == Some(target.name.as_str())
    })
}
