use crate::analysis::pss::{NamespacePolicy, PSS_LABEL_PREFIX};
use crate::document::FieldPath;
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags namespaces without a `pod-security.kubernetes.io/enforce` label.
    ///
    /// ## Why is this bad?
    /// Without the label, Pod Security admission applies the cluster default, which on EKS (and
    /// upstream, unless configured) is `privileged`: any pod is admitted, root and host access
    /// included. The guide asks for Pod Security Admission on every namespace.
    ///
    /// ## How to fix
    /// Label the namespace with the level its workloads need, `restricted` when possible, and pin
    /// the version so upgrades do not change the policy unannounced.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Namespace
    /// metadata:
    ///   name: web                  # flagged: no enforce label
    ///   labels:
    ///     pod-security.kubernetes.io/warn: restricted
    /// ```
    pub struct NamespaceWithoutPssEnforce {
        code: "PSS002",
        name: "namespace-without-pss-enforce",
        group: Pss,
        severity: Medium,
        guide: ["G4.3"],
        references: [
            "pss:baseline",
            "pss:restricted",
            "nsa-cisa:pod-security",
            "kubescape:C-0068",
        ],
    }
}

impl Rule for NamespaceWithoutPssEnforce {
    fn check_object(&self, cx: &mut Context<'_>, object: &Object) {
        if !object.is("", "Namespace") || NamespacePolicy::of(object).has_enforce() {
            return;
        }
        let key = format!("{PSS_LABEL_PREFIX}enforce");
        // At the labels when there are some, else at the name.
        let path = if object.labels().is_some() {
            FieldPath::root().keys(&["metadata", "labels", &key])
        } else {
            FieldPath::root().keys(&["metadata", "name"])
        };
        cx.report(
            self,
            object,
            path,
            crate::msg!("rule-pss002-message", namespace = &object.name, label = &key),
        )
        .help(crate::msg!("rule-pss002-help", label = &key));
    }
}
