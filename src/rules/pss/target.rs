//! The Pod Security policy a workload is judged at, and why: its namespace's enforce label when
//! the Namespace is in the input and labelled (what admission does), else the target level from
//! `pss:` in `.ladrillo.yaml` or ladrillo's default (what the user wants, not what admission
//! does: a namespace without an enforce label admits every pod).

use crate::analysis::pss::{NamespacePolicy, PSS_LABEL_PREFIX, Policy};
use crate::rules::RuleOptions;

/// The policy a workload is checked against.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    pub policy: Policy,
    /// Whether admission enforces it (the namespace's own enforce label).
    pub enforced: bool,
    /// Why this policy, for the finding's note.
    pub why: String,
    /// Whether the level comes from `pss:` in `.ladrillo.yaml` (else it is ladrillo's default),
    /// when admission does not enforce it.
    pub configured: bool,
    /// Whether the Namespace is in the input (its labels are known).
    pub namespace_known: bool,
}

/// Resolves the policy of a workload in namespace `ns`; `labels` is the Namespace's, when it
/// is in the input.
pub(crate) fn resolve(ns: &str, labels: Option<&NamespacePolicy>, options: &RuleOptions) -> Target {
    let default = options.pss;
    let origin = if options.pss_configured {
        format!("{default} is the target level set by `pss:` in .ladrillo.yaml")
    } else {
        format!(
            "{default} is ladrillo's default target level (set `pss:` in .ladrillo.yaml to choose another)"
        )
    };
    match labels {
        Some(p) if p.has_enforce() => {
            let policy = p.enforce_policy(default);
            let why = if matches!(p.enforce.level, Some(Err(_))) {
                format!(
                    "namespace \"{ns}\" has an invalid enforce label, which the API server reads as \
                     {policy}: it rejects these pods"
                )
            } else {
                format!("namespace \"{ns}\" enforces {policy}: the API server rejects these pods")
            };
            Target { policy, enforced: true, why, configured: false, namespace_known: true }
        }
        Some(p) => Target {
            policy: p.enforce_policy(default),
            enforced: false,
            configured: options.pss_configured,
            namespace_known: true,
            why: format!(
                "not enforced: namespace \"{ns}\" has no {PSS_LABEL_PREFIX}enforce label, so Pod Security \
                 admission admits these pods (EKS enforces privileged by default); {origin}"
            ),
        },
        None => Target {
            policy: default,
            enforced: false,
            configured: options.pss_configured,
            namespace_known: false,
            why: format!(
                "not known to be enforced: namespace \"{ns}\" is not in the input, so its enforce label \
                 is unknown (without one, EKS admits every pod: privileged); {origin}"
            ),
        },
    }
}

/// How the policy reads at the start of a message.
pub(crate) fn wording(target: &Target) -> String {
    if target.enforced {
        format!("violates PodSecurity \"{}\"", target.policy)
    } else {
        // A level the user wants, not one admission applies: say whose it is and that admission
        // does not (or is not known to) enforce it.
        let whose = if target.configured { "set by `pss:`" } else { "ladrillo's default" };
        let admission = if target.namespace_known {
            "not enforced by admission"
        } else {
            "not known to be enforced by admission"
        };
        format!("does not meet the target Pod Security level \"{}\" ({whose}, {admission})", target.policy)
    }
}

/// A note for findings evaluated as an older API server does, when one is emulated.
pub(crate) fn emulation_note(options: &RuleOptions) -> Option<String> {
    options
        .pss_kubernetes_version
        .map(|r| format!("evaluated as the API server of Kubernetes 1.{r} does (`pss.kubernetes-version`)"))
}
