//! The Pod Security policy a workload is judged at, and why: its namespace's enforce label when
//! the Namespace is in the input and labelled (what admission does), else the target level from
//! `pss:` in `.ladrillo.yaml` or ladrillo's default (what the user wants, not what admission
//! does: a namespace without an enforce label admits every pod).

use crate::analysis::pss::{CheckId, NamespacePolicy, PSS_LABEL_PREFIX, Policy, Violation};
use crate::i18n::Msg;
use crate::rules::RuleOptions;

/// The policy a workload is checked against.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    pub policy: Policy,
    /// Whether admission enforces it (the namespace's own enforce label).
    pub enforced: bool,
    /// Why this policy, for the finding's note.
    pub why: Msg,
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
        crate::msg!("pss-origin-configured", policy = default.to_string())
    } else {
        crate::msg!("pss-origin-default", policy = default.to_string())
    };
    let label = format!("{PSS_LABEL_PREFIX}enforce");
    match labels {
        Some(p) if p.has_enforce() => {
            let policy = p.enforce_policy(default);
            let why = if matches!(p.enforce.level, Some(Err(_))) {
                crate::msg!("pss-why-enforced-invalid", namespace = ns, policy = policy.to_string())
            } else {
                crate::msg!("pss-why-enforced", namespace = ns, policy = policy.to_string())
            };
            Target { policy, enforced: true, why, configured: false, namespace_known: true }
        }
        Some(p) => Target {
            policy: p.enforce_policy(default),
            enforced: false,
            configured: options.pss_configured,
            namespace_known: true,
            why: crate::msg!("pss-why-unlabelled", namespace = ns, label = label, origin = origin),
        },
        None => Target {
            policy: default,
            enforced: false,
            configured: options.pss_configured,
            namespace_known: false,
            why: crate::msg!("pss-why-absent", namespace = ns, origin = origin),
        },
    }
}

/// How the policy reads at the start of a message.
pub(crate) fn wording(target: &Target) -> Msg {
    let policy = target.policy.to_string();
    if target.enforced {
        crate::msg!("pss-violates", policy = policy)
    } else {
        // A level the user wants, not one admission applies: say whose it is and that admission
        // does not (or is not known to) enforce it.
        let whose = if target.configured {
            crate::msg!("pss-whose-configured")
        } else {
            crate::msg!("pss-whose-default")
        };
        let admission = if target.namespace_known {
            crate::msg!("pss-admission-unlabelled")
        } else {
            crate::msg!("pss-admission-unknown")
        };
        crate::msg!("pss-target", policy = policy, whose = whose, admission = admission)
    }
}

/// A note for findings evaluated as an older API server does, when one is emulated.
pub(crate) fn emulation_note(options: &RuleOptions) -> Option<Msg> {
    options.pss_kubernetes_version.map(|r| crate::msg!("pss-emulation", release = r.to_string()))
}

/// A violation's reason: the API server's own phrase (kept in English, as the API server writes
/// it) after what the check means in the reader's language.
pub(crate) fn reason(v: &Violation) -> Msg {
    let upstream = v.full();
    match v.check {
        CheckId::AppArmorProfile => crate::msg!("pss-check-app-armor-profile", upstream = upstream),
        CheckId::CapabilitiesBaseline => crate::msg!("pss-check-capabilities-baseline", upstream = upstream),
        CheckId::HostNamespaces => crate::msg!("pss-check-host-namespaces", upstream = upstream),
        CheckId::HostPathVolumes => crate::msg!("pss-check-host-path-volumes", upstream = upstream),
        CheckId::HostPorts => crate::msg!("pss-check-host-ports", upstream = upstream),
        CheckId::HostProbesAndHostLifecycle => crate::msg!("pss-check-host-probes", upstream = upstream),
        CheckId::Privileged => crate::msg!("pss-check-privileged", upstream = upstream),
        CheckId::ProcMount | CheckId::ProcMountRestricted => {
            crate::msg!("pss-check-proc-mount", upstream = upstream)
        }
        CheckId::SeLinuxOptions => crate::msg!("pss-check-selinux-options", upstream = upstream),
        CheckId::SeccompProfileBaseline => crate::msg!("pss-check-seccomp-baseline", upstream = upstream),
        CheckId::Sysctls => crate::msg!("pss-check-sysctls", upstream = upstream),
        CheckId::WindowsHostProcess => crate::msg!("pss-check-windows-host-process", upstream = upstream),
        CheckId::AllowPrivilegeEscalation => {
            crate::msg!("pss-check-allow-privilege-escalation", upstream = upstream)
        }
        CheckId::CapabilitiesRestricted => {
            crate::msg!("pss-check-capabilities-restricted", upstream = upstream)
        }
        CheckId::RestrictedVolumes => crate::msg!("pss-check-restricted-volumes", upstream = upstream),
        CheckId::RunAsNonRoot => crate::msg!("pss-check-run-as-non-root", upstream = upstream),
        CheckId::RunAsUser => crate::msg!("pss-check-run-as-user", upstream = upstream),
        CheckId::SeccompProfileRestricted => {
            crate::msg!("pss-check-seccomp-restricted", upstream = upstream)
        }
    }
}

/// The help line of a check.
pub(crate) fn help(check: CheckId) -> Msg {
    crate::msg!(match check {
        CheckId::AppArmorProfile => "rule-pss001-help-app-armor-profile",
        CheckId::CapabilitiesBaseline => "rule-pss001-help-capabilities-baseline",
        CheckId::HostNamespaces => "rule-pss001-help-host-namespaces",
        CheckId::HostPathVolumes => "rule-pss001-help-host-path-volumes",
        CheckId::HostPorts => "rule-pss001-help-host-ports",
        CheckId::HostProbesAndHostLifecycle => "rule-pss001-help-host-probes",
        CheckId::Privileged => "rule-pss001-help-privileged",
        CheckId::ProcMount | CheckId::ProcMountRestricted => "rule-pss001-help-proc-mount",
        CheckId::SeLinuxOptions => "rule-pss001-help-selinux-options",
        CheckId::SeccompProfileBaseline => "rule-pss001-help-seccomp-baseline",
        CheckId::Sysctls => "rule-pss001-help-sysctls",
        CheckId::WindowsHostProcess => "rule-pss001-help-windows-host-process",
        CheckId::AllowPrivilegeEscalation => "rule-pss001-help-allow-privilege-escalation",
        CheckId::CapabilitiesRestricted => "rule-pss001-help-capabilities-restricted",
        CheckId::RestrictedVolumes => "rule-pss001-help-restricted-volumes",
        CheckId::RunAsNonRoot => "rule-pss001-help-run-as-non-root",
        CheckId::RunAsUser => "rule-pss001-help-run-as-user",
        CheckId::SeccompProfileRestricted => "rule-pss001-help-seccomp-restricted",
    })
}

/// A note naming the containers without a name by their position, when the reason (the API
/// server's words, which quote names) shows one as `""`.
pub(crate) fn unnamed_note(w: &crate::model::Workload<'_>, v: &Violation) -> Option<Msg> {
    if !v.detail.contains("\"\"") {
        return None;
    }
    let unnamed: Vec<String> = w
        .containers()
        .filter(|c| c.name.is_empty())
        .map(|c| format!("{}[{}]", c.kind.field(), c.index))
        .collect();
    (!unnamed.is_empty()).then(|| crate::msg!("rule-pss001-note-unnamed", containers = unnamed.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every check has a reason and a help line in both languages, and the English reason is the
    /// API server's phrase alone.
    #[test]
    fn every_check_has_its_texts() {
        for level in [crate::analysis::pss::Level::Baseline, crate::analysis::pss::Level::Restricted] {
            for check in crate::analysis::pss::checks_of(level) {
                let v = Violation {
                    check,
                    reason: "phrase",
                    detail: "detail".into(),
                    site: crate::analysis::pss::Site::Spec(&[]),
                    causes: Vec::new(),
                };
                assert_eq!(reason(&v).render(Lang::En), "phrase (detail)");
                let es = reason(&v).render(Lang::Es);
                assert!(es.contains("«phrase (detail)»") && es.len() > 20, "{check}: {es}");
                for lang in Lang::ALL {
                    assert!(crate::i18n::has(lang, &help(check).id), "{check}: no help in {lang:?}");
                }
            }
        }
    }
}
