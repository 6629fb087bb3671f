//! REL002: Deployments and StatefulSets that run a single pod.

use super::{autoscalers, replicated_kinds};
use crate::document::{FieldPath, Node};
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags Deployments and StatefulSets that run a single replica.
    ///
    /// They are flagged when `spec.replicas` is 1 or unset (the default is 1), unless a
    /// HorizontalPodAutoscaler of the scanned objects targets them (`scaleTargetRef` kind and
    /// name, same namespace) with `minReplicas` above 1. With such an autoscaler the
    /// `replicas` field is not what runs; with one whose `minReplicas` is 1 (its default) the
    /// workload can still shrink to one pod. `replicas: 0` (scaled down on purpose) is not
    /// flagged.
    ///
    /// ## Why is this bad?
    /// A single pod is an outage at every node drain, node failure, zone failure and rollout of a
    /// StatefulSet. The guide spreads node groups over several Availability Zones and scales
    /// pods with an HPA (minimum 3 in its example); one replica defeats both.
    ///
    /// ## How to fix
    /// Run at least two replicas (three across zones for critical services), or let a
    /// HorizontalPodAutoscaler manage them with `minReplicas: 2` or more. Add a
    /// PodDisruptionBudget and topology spread constraints.
    ///
    /// ## Example
    /// ```yaml
    /// kind: Deployment
    /// spec:
    ///   replicas: 1     # flagged
    /// ```
    pub struct SingleReplica {
        code: "REL002",
        name: "single-replica",
        group: Reliability,
        severity: Medium,
        guide: ["G5.1", "G3.7"],
        references: ["kube-linter:minimum-three-replicas"],
    }
}

impl Rule for SingleReplica {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        for o in replicated_kinds(set) {
            let replicas = o.spec().and_then(|s| s.get("replicas")).filter(|r| !r.is_null());
            let hpas = autoscalers(set, o);
            let path = FieldPath::root().keys(&["spec", "replicas"]);
            if hpas.is_empty() {
                let message = match replicas.map(Node::as_i64) {
                    None => crate::msg!("rule-rel002-default", kind = &o.kind, name = &o.name),
                    Some(Some(1)) => crate::msg!("rule-rel002-message", kind = &o.kind, name = &o.name),
                    // Other counts are fine; a non-number is not known.
                    Some(_) => continue,
                };
                cx.report(self, o, path, message).help(crate::msg!("rule-rel002-help"));
                continue;
            }
            // Every autoscaler must keep at least two pods (several would fight; the lowest wins).
            let mut lowest: Option<(i64, &crate::model::Object)> = None;
            for h in &hpas {
                let min = match h.spec().and_then(|s| s.get("minReplicas")).filter(|m| !m.is_null()) {
                    None => 1,
                    Some(m) => match m.as_i64() {
                        Some(v) => v,
                        None => continue,
                    },
                };
                if lowest.is_none_or(|(l, _)| min < l) {
                    lowest = Some((min, *h));
                }
            }
            // Shown at the autoscaler's minReplicas, about the workload (its waivers apply).
            if let Some((min, hpa)) = lowest.filter(|(m, _)| *m <= 1) {
                let name = &hpa.name;
                cx.report(
                    self,
                    hpa,
                    FieldPath::root().keys(&["spec", "minReplicas"]),
                    crate::msg!(
                        "rule-rel002-autoscaler",
                        kind = &o.kind,
                        name = &o.name,
                        autoscaler = name,
                        min = min.to_string()
                    ),
                )
                .object(o)
                .note(crate::msg!("rule-rel002-note", autoscaler = name))
                .help(crate::msg!("rule-rel002-help-2", autoscaler = name));
            }
        }
    }
}
