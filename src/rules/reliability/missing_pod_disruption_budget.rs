//! REL001: replicated Deployments and StatefulSets whose pods no PodDisruptionBudget covers.

use std::collections::HashMap;

use super::{autoscalers, replicated_kinds};
use crate::document::FieldPath;
use crate::model::selector::{LabelSelector, labels_of};
use crate::model::{ObjectSet, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags replicated Deployments and StatefulSets that no PodDisruptionBudget covers.
    ///
    /// A Deployment or StatefulSet that runs more than one replica (or is scaled by a
    /// HorizontalPodAutoscaler) is flagged when no PodDisruptionBudget of the scanned objects, in
    /// the same namespace, selects its pod template's labels. Selectors are matched with `matchLabels`
    /// and `matchExpressions`; an empty `policy/v1` selector selects every pod of its namespace.
    /// A budget whose selector cannot be read counts as covering (its coverage is unknown).
    ///
    /// ## Why is this bad?
    /// Node drains evict pods without limit when no budget says otherwise: a managed node group
    /// rolling update, Cluster Autoscaler or Karpenter consolidation, or a node upgrade can take
    /// every replica down at once, so running several replicas across zones does not keep the
    /// service up.
    ///
    /// ## How to fix
    /// Add a PodDisruptionBudget in the same namespace whose selector matches the pod template
    /// labels, usually with `maxUnavailable: 1` (or a `minAvailable` below the replica count, so
    /// drains can still progress).
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: policy/v1
    /// kind: PodDisruptionBudget
    /// metadata: {name: web}
    /// spec:
    ///   maxUnavailable: 1
    ///   selector:
    ///     matchLabels: {app: web}
    /// ```
    pub struct MissingPodDisruptionBudget {
        code: "REL001",
        name: "missing-pod-disruption-budget",
        group: Reliability,
        severity: Medium,
        guide: ["G5.1", "G3.7"],
        references: [],
    }
}

impl Rule for MissingPodDisruptionBudget {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        // The budgets of each namespace: workloads look only at their own namespace's.
        let mut budgets: HashMap<Option<&str>, Vec<_>> = HashMap::new();
        for p in set.of_kind("policy", "PodDisruptionBudget") {
            let selector = LabelSelector::from_field(p.spec().and_then(|s| s.get("selector")));
            // policy/v1beta1 read an empty selector as selecting nothing.
            let selector =
                selector.map(|s| s.filter(|s| !(s.is_empty() && p.api_version == "policy/v1beta1")));
            budgets.entry(p.effective_namespace()).or_default().push(selector);
        }
        for o in replicated_kinds(set) {
            let Some(w) = Workload::of(o) else { continue };
            let hpa = autoscalers(set, o).into_iter().next();
            let why = match (w.replicas(), hpa) {
                (_, Some(h)) => crate::msg!("rule-rel001-scaled", name = &h.name),
                (Some(n), None) if n > 1 => crate::msg!("rule-rel001-replicas", count = n),
                _ => continue,
            };
            let labels = labels_of(w.pod_labels());
            let covered = budgets.get(&o.effective_namespace()).into_iter().flatten().any(|s| match s {
                Ok(Some(s)) => s.matches(&labels),
                Ok(None) => false,
                Err(_) => true,
            });
            if covered {
                continue;
            }
            let ns = o.effective_namespace().unwrap_or("default");
            let path = if w.replicas().is_some() {
                FieldPath::root().keys(&["spec", "replicas"])
            } else {
                FieldPath::root().keys(&["metadata", "name"])
            };
            cx.report(
                self,
                o,
                path,
                crate::msg!("rule-rel001-message", kind = &o.kind, name = &o.name, why = why),
            )
            .note(crate::msg!("rule-rel001-note", namespace = ns))
            .help(crate::msg!("rule-rel001-help", namespace = ns));
        }
    }
}
