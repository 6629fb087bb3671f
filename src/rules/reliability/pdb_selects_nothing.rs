use crate::analysis::netpol::Model;
use crate::document::FieldPath;
use crate::model::ObjectSet;
use crate::model::selector::LabelSelector;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags PodDisruptionBudgets whose selector matches no workload of their namespace.
    ///
    /// Only namespaces where the scan has workloads are checked.
    /// Namespaces with a custom resource that describes pods for its operator
    /// (`spec.podMetadata`, as prometheus-operator's `Prometheus` and `Alertmanager` have, or a pod
    /// `spec.template`) are not checked either: the operator's pods carry labels the scan does
    /// not see.
    ///
    /// ## Why is this bad?
    /// A budget that selects no pod protects nothing: node drains and upgrades may evict every
    /// replica of the workload it was written for at once, while the manifest looks protected.
    ///
    /// ## How to fix
    /// Make `spec.selector` match the pod template labels of the workload to protect.
    ///
    /// ## Example
    /// ```yaml
    /// kind: PodDisruptionBudget
    /// spec:
    ///   maxUnavailable: 1
    ///   selector: {matchLabels: {app: wbe}}   # flagged: the pods are labelled app=web
    /// ```
    pub struct PdbSelectsNothing {
        code: "REL005",
        name: "pdb-selects-nothing",
        group: Reliability,
        severity: Low,
        guide: ["G5.1"],
        references: [],
    }
}

impl Rule for PdbSelectsNothing {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let model = Model::of(set);
        for pdb in set.of_kind("policy", "PodDisruptionBudget") {
            // An absent selector selects nothing on purpose (policy/v1); an invalid one is the
            // API server's to report.
            let Ok(Some(selector)) = LabelSelector::from_field(pdb.spec().and_then(|s| s.get("selector")))
            else {
                continue;
            };
            if selector.is_empty() {
                continue; // every pod of the namespace (policy/v1beta1, removed in 1.25, read it as none)
            }
            let namespace = pdb.effective_namespace().unwrap_or("default");
            if model.has_operator_pods(namespace) {
                continue;
            }
            let mut in_namespace = model.workloads_in(namespace).iter().peekable();
            if in_namespace.peek().is_none() || in_namespace.any(|w| selector.matches(&w.labels)) {
                continue;
            }
            cx.report(
                self,
                pdb,
                FieldPath::parse("spec.selector"),
                crate::msg!("rule-rel005-message", selector = selector.to_string(), namespace = namespace),
            )
            .help(crate::msg!("rule-rel005-help"));
        }
    }
}
