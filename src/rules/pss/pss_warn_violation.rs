use crate::analysis::pss::{self, Level, MODES};
use crate::model::{ObjectSet, Workload};
use crate::rules::{Context, Rule};

use super::pss_violation::{covered, namespace_policies};
use super::target;

crate::declare_rule! {
    /// Flags workloads that Pod Security admission admits but warns about or audits: their namespace's `warn` or `audit` label is stricter than what they meet.
    ///
    /// A namespace may enforce one level and ask to be warned (`pod-security.kubernetes.io/warn`)
    /// or to record audit annotations (`…/audit`) at a stricter one, often while moving to it.
    /// Each workload is evaluated at those policies exactly as the API server does; checks that
    /// `pss-violation` already reports for the workload, and checks another selected rule
    /// reports field by field, are left out. Only namespaces in the input are read: an unset or
    /// invalid audit or warn level is `privileged` (nothing to report).
    ///
    /// ## Why is this bad?
    /// The warning is printed by `kubectl` and the audit annotation lands in the audit log, where
    /// both are easy to miss; the namespace owner asked for this level, and the pods do not meet
    /// it, so the move to enforcing it will reject them.
    ///
    /// ## How to fix
    /// Change the pod template as each reason says (the wording is the API server's).
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Namespace
    /// metadata:
    ///   name: shop
    ///   labels:
    ///     pod-security.kubernetes.io/enforce: baseline
    ///     pod-security.kubernetes.io/warn: restricted   # pods of shop not meeting restricted are flagged
    /// ```
    pub struct PssWarnViolation {
        code: "PSS005",
        name: "pss-warn-violation",
        group: Pss,
        severity: Low,
        guide: ["G4.3"],
        references: ["pss:baseline", "pss:restricted"],
    }
}

impl Rule for PssWarnViolation {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let namespaces = namespace_policies(set);
        let release = cx.options.pss_kubernetes_version;
        for object in set.iter() {
            let Some(w) = Workload::of(object) else { continue };
            let ns = object.effective_namespace().unwrap_or("default");
            let Some(labels) = namespaces.of(object) else { continue };
            // Modes resolving to one policy are reported together, as the API server reuses
            // one result for them.
            let mut policies: Vec<(pss::Policy, Vec<&str>)> = Vec::new();
            for mode in MODES.into_iter().skip(1) {
                let Some(policy) = labels.mode_policy(mode) else { continue };
                match policies.iter_mut().find(|(p, _)| *p == policy) {
                    Some((_, modes)) => modes.push(mode),
                    None => policies.push((policy, vec![mode])),
                }
            }
            if policies.is_empty() {
                continue;
            }
            // What pss-violation reports already, at the enforced or target policy.
            let main = target::resolve(ns, Some(&labels), cx.options);
            let reported: Vec<_> = if main.policy.level == Level::Privileged {
                Vec::new()
            } else {
                let e = pss::evaluate_on(&w, main.policy, release);
                if !e.invalid.is_empty() {
                    continue;
                }
                e.violations.into_iter().map(|v| v.check).collect()
            };
            for (policy, modes) in policies {
                let evaluation = pss::evaluate_on(&w, policy, release);
                // The modes asking for this policy: `audit`, `warn`, or both.
                let (what, note) = match modes.as_slice() {
                    ["audit"] => ("rule-pss005-audit", "rule-pss005-note-audit"),
                    ["warn"] => ("rule-pss005-warn", "rule-pss005-note-warn"),
                    _ => ("rule-pss005-both", "rule-pss005-note-both"),
                };
                for v in &evaluation.violations {
                    if reported.contains(&v.check) || covered(v, &w, &cx.options.selected_rules) {
                        continue;
                    }
                    let emulation = target::emulation_note(cx.options);
                    let message = crate::msg!(what, policy = policy.to_string(), reason = target::reason(v));
                    let mut r = cx
                        .report(self, object, v.site.path(&w), message)
                        .help(target::help(v.check))
                        .note(crate::msg!(
                            note,
                            namespace = ns,
                            policy = policy.to_string(),
                            level = v.check.level().to_string(),
                            control = v.check.control()
                        ));
                    if let Some(note) = emulation {
                        r = r.note(note);
                    }
                    if let Some(note) = target::unnamed_note(&w, v) {
                        r = r.note(note);
                    }
                    drop(r);
                }
            }
        }
    }
}
