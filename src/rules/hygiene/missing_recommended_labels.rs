//! HYG003: workloads without the `app.kubernetes.io/name` recommended label.

use crate::document::FieldPath;
use crate::model::{Object, Workload};
use crate::rules::{Context, Rule};

const NAME_LABEL: &str = "app.kubernetes.io/name";

crate::declare_rule! {
    /// Flags workloads without the `app.kubernetes.io/name` label.
    ///
    /// Every pod-bearing kind is checked for `app.kubernetes.io/name` in its own
    /// `metadata.labels`: the first of Kubernetes' recommended labels.
    ///
    /// ## Why is this bad?
    /// Without a common application label, dashboards, cost reports, network policies and
    /// incident response cannot tell which application an object belongs to; the guide asks for
    /// mandatory tags on every resource for traceability.
    ///
    /// ## How to fix
    /// Label every object of the application with `app.kubernetes.io/name` (and ideally
    /// `app.kubernetes.io/instance`, `version`, `component`, `part-of`, `managed-by`); kustomize
    /// `labels` or Helm's helpers add them everywhere at once.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   name: web
    ///   labels:
    ///     app: web          # flagged: no app.kubernetes.io/name
    /// ```
    pub struct MissingRecommendedLabels {
        code: "HYG003",
        name: "missing-recommended-labels",
        group: Hygiene,
        severity: Low,
        guide: ["G5.3"],
        references: ["kubescape:C-0077", "kubescape:C-0076"],
    }
}

impl Rule for MissingRecommendedLabels {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !Workload::is_pod_bearing(o) {
            return;
        }
        if o.label(NAME_LABEL).is_some_and(|v| !v.is_empty()) {
            return;
        }
        cx.report(
            self,
            o,
            FieldPath::root().keys(&["metadata", "labels", NAME_LABEL]),
            crate::msg!("rule-hyg003-message", kind = &o.kind, name = &o.name, label = NAME_LABEL),
        )
        .help(crate::msg!("rule-hyg003-help", label = NAME_LABEL));
    }
}
