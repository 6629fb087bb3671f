//! REL008: PodDisruptionBudgets that allow no voluntary eviction at all.

use super::autoscalers;
use crate::analysis::netpol::Model;
use crate::document::{FieldPath, Node};
use crate::model::selector::LabelSelector;
use crate::model::{Object, ObjectSet, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags PodDisruptionBudgets that never allow a voluntary eviction.
    ///
    /// That is `maxUnavailable` of `0` or `0%`, `minAvailable` of `100%`, or a `minAvailable`
    /// that is at least the number of pods the budget selects. The pods are counted only when
    /// every workload the selector matches in the scan is a Deployment, StatefulSet or
    /// ReplicaSet with a known replica count that no HorizontalPodAutoscaler scales (replicas
    /// default to 1); otherwise the count is unknown and only the first two forms are reported.
    /// Percentages of `minAvailable` are rounded up, as the disruption controller does.
    ///
    /// ## Why is this bad?
    /// A node drain evicts pods through the budget; when it allows no disruption the drain waits
    /// forever. EKS managed node group upgrades and Karpenter consolidation then stall or fail
    /// (`PodEvictionFailure`), and the cluster falls behind on patches. The budget does not make
    /// the workload more available: an involuntary failure still takes the pods down.
    ///
    /// ## How to fix
    /// Run more replicas than `minAvailable`, or use `maxUnavailable: 1` (or a percentage), which
    /// keeps allowing one eviction at a time as the workload scales.
    ///
    /// ## Example
    /// ```yaml
    /// kind: PodDisruptionBudget
    /// spec:
    ///   maxUnavailable: 0   # flagged
    ///   selector: {matchLabels: {app: web}}
    /// ```
    pub struct PdbBlocksEviction {
        code: "REL008",
        name: "pdb-blocks-eviction",
        group: Reliability,
        severity: Medium,
        guide: ["G5.1"],
        references: ["kube-linter:pdb-max-unavailable", "kube-linter:pdb-min-available"],
    }
}

/// An `IntOrString` budget value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Amount {
    Count(i64),
    Percent(i64),
}

impl Amount {
    fn of(node: Option<&Node>) -> Option<Self> {
        let node = node?;
        if let Some(n) = node.as_i64() {
            return Some(Self::Count(n));
        }
        let percent = node.as_str()?.strip_suffix('%')?.parse().ok()?;
        Some(Self::Percent(percent))
    }

    /// Pods out of `total` this amount stands for, rounded up.
    fn of_total(self, total: i64) -> i64 {
        match self {
            Self::Count(n) => n,
            Self::Percent(p) => (p.saturating_mul(total) + 99) / 100,
        }
    }

    fn show(self) -> String {
        match self {
            Self::Count(n) => n.to_string(),
            Self::Percent(p) => format!("{p}%"),
        }
    }
}

impl Rule for PdbBlocksEviction {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        for pdb in set.of_kind("policy", "PodDisruptionBudget") {
            let spec = pdb.spec();
            if let Some(max) = Amount::of(spec.and_then(|s| s.get("maxUnavailable"))) {
                if matches!(max, Amount::Count(0) | Amount::Percent(0)) {
                    cx.report(
                        self,
                        pdb,
                        FieldPath::parse("spec.maxUnavailable"),
                        crate::msg!("rule-rel008-max-zero", value = max.show()),
                    )
                    .help(crate::msg!("rule-rel008-help"));
                }
                continue;
            }
            let Some(min) = Amount::of(spec.and_then(|s| s.get("minAvailable"))) else { continue };
            let path = FieldPath::parse("spec.minAvailable");
            if matches!(min, Amount::Percent(p) if p >= 100) {
                cx.report(self, pdb, path, crate::msg!("rule-rel008-min-all", value = min.show()))
                    .help(crate::msg!("rule-rel008-help"));
                continue;
            }
            let Some((total, names)) = selected_pods(set, pdb) else { continue };
            if total > 0 && min.of_total(total) >= total {
                cx.report(
                    self,
                    pdb,
                    path,
                    crate::msg!(
                        if total == 1 { "rule-rel008-min-one" } else { "rule-rel008-min" },
                        value = min.show(),
                        total = total.to_string(),
                        workloads = names.join(", ")
                    ),
                )
                .help(crate::msg!("rule-rel008-help"));
            }
        }
    }
}

/// The pods a budget selects, counted from the replicas of the workloads it matches, with
/// their names; `None` when the count is unknown (no match, a kind without replicas, an
/// autoscaler, an invalid selector).
fn selected_pods(set: &ObjectSet, pdb: &Object) -> Option<(i64, Vec<String>)> {
    let selector = LabelSelector::from_field(pdb.spec().and_then(|s| s.get("selector"))).ok()??;
    if selector.is_empty() {
        return None;
    }
    let model = Model::of(set);
    let namespace = pdb.effective_namespace().unwrap_or("default");
    let mut total = 0i64;
    let mut names = Vec::new();
    for pods in model.workloads_in(namespace).iter().filter(|w| selector.matches(&w.labels)) {
        let object = set.get(pods.object)?;
        let replicated = object.is("apps", "Deployment")
            || object.is("apps", "StatefulSet")
            || object.is("apps", "ReplicaSet");
        if !replicated || !autoscalers(set, object).is_empty() {
            return None;
        }
        let replicas = match object.spec().and_then(|s| s.get("replicas")) {
            None => 1,
            Some(_) => Workload::of(object)?.replicas()?,
        };
        total = total.saturating_add(replicas);
        names.push(format!("{} \"{}\"", object.kind, object.name));
    }
    (!names.is_empty()).then_some((total, names))
}
