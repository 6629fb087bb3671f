use std::collections::{HashMap, HashSet};

use crate::document::{FieldPath, Node};
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags HorizontalPodAutoscalers whose `scaleTargetRef` names a workload that is not in
    /// the scan.
    ///
    /// Only namespaces where the scan has workloads are checked, so an autoscaler scanned
    /// without its workload does not fire.
    ///
    /// ## Why is this bad?
    /// The autoscaler scales nothing: the workload it was written for keeps its fixed replica
    /// count under load, and the manifest still looks autoscaled in review.
    ///
    /// ## How to fix
    /// Make `scaleTargetRef` name the kind and name of the workload to scale.
    ///
    /// ## Example
    /// ```yaml
    /// scaleTargetRef:
    ///   apiVersion: apps/v1
    ///   kind: Deployment
    ///   name: frontnd   # flagged: the Deployment is named frontend
    /// ```
    pub struct HpaTargetMissing {
        code: "REL004",
        name: "hpa-target-missing",
        group: Reliability,
        severity: Low,
        guide: [],
        references: ["kube-linter:dangling-horizontalpodautoscaler"],
    }
}

impl Rule for HpaTargetMissing {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        // The kinds and names of the pod-bearing objects of each namespace, built once: a pass
        // over the set for every autoscaler would be quadratic.
        let mut pod_bearing: HashMap<Option<&str>, HashSet<(&str, &str)>> = HashMap::new();
        for o in set.iter().filter(|o| crate::model::Workload::is_pod_bearing(o)) {
            pod_bearing.entry(o.effective_namespace()).or_default().insert((&o.kind, &o.name));
        }
        for hpa in set.of_kind("autoscaling", "HorizontalPodAutoscaler") {
            let target = hpa.spec().and_then(|s| s.get("scaleTargetRef"));
            let field = |k: &str| target.and_then(|t| t.get(k)).and_then(Node::as_str);
            let (Some(kind), Some(name)) = (field("kind"), field("name")) else { continue };
            let namespace = hpa.effective_namespace();
            let Some(in_namespace) = pod_bearing.get(&namespace) else { continue };
            if in_namespace.contains(&(kind, name)) {
                continue;
            }
            cx.report(
                self,
                hpa,
                FieldPath::parse("spec.scaleTargetRef.name"),
                crate::msg!(
                    "rule-rel004-message",
                    kind = kind,
                    name = name,
                    namespace = namespace.unwrap_or("default")
                ),
            )
            .help(crate::msg!("rule-rel004-help"));
        }
    }
}
