use crate::document::FieldPath;
use crate::model::selector::{LabelSelector, labels_of};
use crate::model::{Object, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags Deployments, ReplicaSets, StatefulSets and DaemonSets whose `spec.selector` does
    /// not match their own pod template labels.
    ///
    /// ## Why is this bad?
    /// The API server refuses such an object (`selector does not match template labels`), so
    /// the rollout fails; a selector that is too broad instead adopts pods of other workloads.
    /// Finding it in review saves a failed deployment.
    ///
    /// ## How to fix
    /// Make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels`.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   selector: {matchLabels: {app: web}}   # flagged
    ///   template:
    ///     metadata: {labels: {app: frontend}}
    /// ```
    pub struct SelectorMismatch {
        code: "REL003",
        name: "selector-mismatch",
        group: Reliability,
        severity: Medium,
        guide: [],
        references: ["kube-linter:mismatching-selector"],
    }
}

impl Rule for SelectorMismatch {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        let o: &Object = w.object;
        let kinds = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"];
        if !kinds.iter().any(|k| o.is("apps", k)) {
            return;
        }
        // An unreadable selector is reported by the API server with its own message.
        let Ok(Some(selector)) = LabelSelector::from_field(o.spec().and_then(|s| s.get("selector"))) else {
            return;
        };
        let labels = labels_of(w.pod_labels());
        if selector.matches(&labels) {
            return;
        }
        cx.report(
            self,
            o,
            FieldPath::parse("spec.selector"),
            crate::msg!(
                "rule-rel003-message",
                selector = selector.to_string(),
                kind = &o.kind,
                name = &o.name
            ),
        )
        .help(crate::msg!("rule-rel003-help"));
    }
}
