use std::sync::Arc;

use crate::analysis::netpol::assertions::{Expect, Outcome};
use crate::analysis::netpol::{Endpoint, Model};
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags reachability assertions of `.ladrillo.yaml` that the NetworkPolicies break.
    ///
    /// ## Why is this bad?
    /// The assertions state the segmentation the cluster must have, such as the guide's
    /// "backend reachable only from frontend". A violated `deny` means a connection the design
    /// forbids is open; a violated `allow` means a flow the application needs is blocked. An
    /// assertion whose endpoints match no workload is reported too, so a typo cannot pass.
    /// Connections that depend on namespace labels absent from the input are reported at a
    /// lower severity, as possible violations.
    ///
    /// ## How to fix
    /// Change the NetworkPolicies (or the assertion, if the design changed). `ladrillo netpol
    /// explain SRC DST PORT` names the policies and rules involved.
    ///
    /// ## Example
    /// ```yaml
    /// # .ladrillo.yaml
    /// reachability:
    ///   deny:
    ///     - {from: "shop/app=worker", to: "shop/app=backend"}
    ///   allow:
    ///     - {from: "shop/app=frontend", to: "shop/app=backend", port: 8080}
    /// ```
    pub struct ReachabilityAssertionViolated {
        code: "NET106",
        name: "reachability-assertion-violated",
        group: Network,
        severity: High,
        also_severity: [Medium],
        guide: ["G4.4"],
        references: [],
    }
}

impl Rule for ReachabilityAssertionViolated {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let reach = Arc::clone(&cx.options.reachability);
        if reach.assertions.is_empty() {
            return;
        }
        let model = Model::of(set);
        for a in &reach.assertions {
            match a.check(&model) {
                // Reported by `check_run`: an assertion may name pods of one scope only.
                Outcome::Holds | Outcome::Empty(_) => {}
                Outcome::Violated(violations) => {
                    for v in violations {
                        let (src, dst) = (model.endpoint_text(v.src), model.endpoint_text(v.dst));
                        let message = match (a.expect, v.uncertain) {
                            (Expect::Deny, false) => crate::msg!(
                                "rule-net106-deny",
                                src = &src,
                                dst = &dst,
                                allowed = v.allowed.definite.to_string(),
                                assertion = assertion(a)
                            ),
                            (Expect::Deny, true) => crate::msg!(
                                "rule-net106-deny-maybe",
                                src = &src,
                                dst = &dst,
                                allowed = v.allowed.uncertain().to_string(),
                                assertion = assertion(a)
                            ),
                            (Expect::Allow, false) => crate::msg!(
                                "rule-net106-allow",
                                src = &src,
                                dst = &dst,
                                allowed = v.allowed.definite.to_string(),
                                assertion = assertion(a)
                            ),
                            (Expect::Allow, true) => crate::msg!(
                                "rule-net106-allow-maybe",
                                src = &src,
                                dst = &dst,
                                assertion = assertion(a)
                            ),
                        };
                        let mut r = cx
                            .report_at(self, reach.file.clone(), a.span, message)
                            .help(crate::msg!("rule-net106-help-2", src = &src, dst = &dst));
                        if v.uncertain {
                            let ns = model.unknown_in(v.src, v.dst).join("\", \"");
                            r = r
                                .severity(Severity::Medium)
                                .note(crate::msg!("rule-net106-note", namespace = ns));
                        }
                        if let Endpoint::Workload(i) = v.dst
                            && let Some(o) = model.workloads.get(i).and_then(|w| set.get(w.object))
                        {
                            let _ = r.object(o);
                        }
                    }
                }
            }
        }
    }

    fn check_run(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let reach = Arc::clone(&cx.options.reachability);
        if reach.assertions.is_empty() {
            return;
        }
        // Against every object of the run: naming pods of one scope only is fine.
        let model = Model::of(set);
        for a in &reach.assertions {
            let kind = if a.expect == Expect::Deny { "deny" } else { "allow" };
            if let Outcome::Empty(side) = a.check(&model) {
                cx.report_at(
                    self,
                    reach.file.clone(),
                    a.span,
                    crate::msg!("rule-net106-empty", side = side, kind = kind, assertion = assertion(a)),
                )
                .severity(Severity::Medium)
                .help(crate::msg!("rule-net106-help"));
            }
        }
    }
}

/// An assertion as its messages name it: `from` and `to` as written, and the port.
fn assertion(a: &crate::analysis::netpol::assertions::Assertion) -> crate::i18n::Msg {
    match a.port {
        Some((n, p)) => crate::msg!(
            "net-assertion-port",
            from = a.from.text(),
            to = a.to.text(),
            protocol = p.as_str(),
            port = n.to_string()
        ),
        None => crate::msg!("net-assertion", from = a.from.text(), to = a.to.text()),
    }
}
