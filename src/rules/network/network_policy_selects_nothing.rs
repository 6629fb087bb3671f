use crate::analysis::netpol::Model;
use crate::document::FieldPath;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags NetworkPolicies whose pod selector matches no workload of their namespace.
    ///
    /// ## Why is this bad?
    /// A policy that selects no pod isolates nothing: a label typo or a renamed app leaves the
    /// workload it was written for open while the policy looks like protection in review.
    /// Only namespaces that have workloads in the scan are checked, so a scan of policies
    /// alone does not fire.
    /// Namespaces with a custom resource that describes pods for its operator
    /// (`spec.podMetadata`, as prometheus-operator's `Prometheus` and `Alertmanager` have, or a pod
    /// `spec.template`) are not checked either: the operator's pods carry labels the scan does
    /// not see.
    ///
    /// ## How to fix
    /// Make `spec.podSelector` match the pod template labels of the workload it protects, or
    /// delete the policy.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   podSelector:
    ///     matchLabels: {app: bakend}   # flagged: the pods are labelled app=backend
    /// ```
    pub struct NetworkPolicySelectsNothing {
        code: "NET104",
        name: "network-policy-selects-nothing",
        group: Network,
        severity: Low,
        guide: ["G4.4"],
        references: ["kube-linter:dangling-networkpolicy"],
    }
}

impl Rule for NetworkPolicySelectsNothing {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let model = Model::of(set);
        for p in &model.policies {
            let in_namespace = model.workloads_in(&p.namespace);
            if p.pod_selector.is_empty() || in_namespace.is_empty() || model.has_operator_pods(&p.namespace) {
                continue;
            }
            if in_namespace.iter().any(|w| p.pod_selector.matches(&w.labels)) {
                continue;
            }
            let Some(object) = set.get(p.object) else { continue };
            cx.report(
                self,
                object,
                FieldPath::parse("spec.podSelector"),
                crate::msg!(
                    "rule-net104-message",
                    selector = p.pod_selector.to_string(),
                    namespace = &p.namespace
                ),
            )
            .help(crate::msg!("rule-net104-help"));
        }
    }
}
