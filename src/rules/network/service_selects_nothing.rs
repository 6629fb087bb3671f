use crate::analysis::netpol::Model;
use crate::document::FieldPath;
use crate::model::ObjectSet;
use crate::model::selector::{LabelSelector, labels_of};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags Services whose selector matches no workload of their namespace.
    ///
    /// ## Why is this bad?
    /// A Service that selects no pod has no endpoints: clients get connection errors, and a
    /// label typo or a renamed app stays hidden until traffic fails. Only namespaces that have
    /// workloads in the scan are checked, so a scan of Services alone does not fire; Services
    /// without a selector (endpoints managed by hand, `ExternalName`) are not checked.
    /// Namespaces with a custom resource that describes pods for its operator
    /// (`spec.podMetadata`, as prometheus-operator's `Prometheus` and `Alertmanager` have, or a pod
    /// `spec.template`) are not checked either: the operator's pods carry labels the scan does
    /// not see.
    ///
    /// ## How to fix
    /// Make `spec.selector` equal to labels of the pod template of the workload it fronts.
    ///
    /// ## Example
    /// ```yaml
    /// kind: Service
    /// spec:
    ///   selector: {app: bakend}   # flagged: the pods are labelled app=backend
    /// ```
    pub struct ServiceSelectsNothing {
        code: "NET108",
        name: "service-selects-nothing",
        group: Network,
        severity: Low,
        guide: [],
        references: ["kube-linter:dangling-service"],
    }
}

impl Rule for ServiceSelectsNothing {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let model = Model::of(set);
        for service in set.of_kind("", "Service") {
            let Some(selector) = service.spec().and_then(|s| s.get("selector")) else { continue };
            let wanted = LabelSelector::from_map(selector);
            if wanted.is_empty() {
                continue;
            }
            let namespace = service.effective_namespace().unwrap_or("default");
            if model.has_operator_pods(namespace) {
                continue;
            }
            let mut in_namespace = model.workloads_in(namespace).iter().peekable();
            if in_namespace.peek().is_none() || in_namespace.any(|w| wanted.matches(&w.labels)) {
                continue;
            }
            let labels = labels_of(Some(selector));
            let shown: Vec<String> = labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
            cx.report(
                self,
                service,
                FieldPath::parse("spec.selector"),
                crate::msg!("rule-net108-message", selector = shown.join(","), namespace = namespace),
            )
            .help(crate::msg!("rule-net108-help"));
        }
    }
}
