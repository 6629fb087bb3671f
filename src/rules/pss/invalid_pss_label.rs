use crate::analysis::pss::NamespacePolicy;
use crate::document::FieldPath;
use crate::finding::Severity;
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags invalid or misspelt `pod-security.kubernetes.io/*` namespace labels.
    ///
    /// ## Why is this bad?
    /// The API server refuses a namespace whose Pod Security level or version label is invalid
    /// (`must be one of privileged, baseline, restricted`, `must be "latest" or "v1.x"`); where
    /// such a label exists anyway, admission falls back to restricted for enforce and privileged
    /// for audit and warn. A misspelt label name (`enforce-verison`) is silently ignored, so the
    /// policy is not what was meant.
    ///
    /// ## How to fix
    /// Use a level of `privileged`, `baseline` or `restricted`, a version of `latest` or `v1.N`,
    /// and only the label names `enforce`, `audit`, `warn` and their `-version` forms.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   labels:
    ///     pod-security.kubernetes.io/enforce: strict        # flagged
    ///     pod-security.kubernetes.io/enforce-version: 1.30  # flagged: v1.30
    /// ```
    pub struct InvalidPssLabel {
        code: "PSS004",
        name: "invalid-pss-label",
        group: Pss,
        severity: High,
        also_severity: [Medium],
        guide: ["G4.3"],
        references: ["pss:baseline", "pss:restricted"],
    }
}

impl Rule for InvalidPssLabel {
    fn check_object(&self, cx: &mut Context<'_>, object: &Object) {
        if !object.is("", "Namespace") {
            return;
        }
        for p in NamespacePolicy::of(object).problems {
            let path = FieldPath::root().keys(&["metadata", "labels", &p.key]);
            // The problem's English text is the analysis's; the message says the same by kind.
            let unknown_name = p.message.starts_with("is not");
            let message = if unknown_name {
                crate::msg!("rule-pss004-unknown", label = &p.key)
            } else if p.key.ends_with("-version") {
                crate::msg!("rule-pss004-version", label = &p.key, value = &p.value)
            } else {
                crate::msg!("rule-pss004-level", label = &p.key, value = &p.value)
            };
            let r = cx.report(self, object, path, message);
            if unknown_name {
                let _ = r.severity(Severity::Medium).help(crate::msg!("rule-pss004-help"));
            } else {
                let _ = r.help(crate::msg!("rule-pss004-help-2"));
            }
        }
    }
}
