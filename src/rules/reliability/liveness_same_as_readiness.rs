//! REL009: a liveness probe that asks exactly what the readiness probe asks.

use crate::model::Workload;
use crate::rules::{Context, Rule};

/// The probe handlers.
const HANDLERS: &[&str] = &["httpGet", "tcpSocket", "grpc", "exec"];

crate::declare_rule! {
    /// Flags containers whose liveness probe runs the same check as their readiness probe.
    ///
    /// The probes are the same when they use the same handler (`httpGet`, `tcpSocket`, `grpc` or
    /// `exec`) with the same settings (path, port, host, scheme, headers, command); timing
    /// fields (`periodSeconds`, `failureThreshold`, …) are not compared.
    ///
    /// ## Why is this bad?
    /// Readiness answers "can this pod take traffic now?", liveness "is this process stuck for
    /// good?". When both ask the same question, a pod that is only slow (a traffic peak, a slow
    /// database it checks) is first taken out of its Services and then restarted. The restart
    /// throws away the warm state, moves its load onto the other replicas, which then fail the
    /// same way: an overload becomes a cascade of restarts.
    ///
    /// ## How to fix
    /// Point the liveness probe at a cheap check that only proves the process responds (no
    /// dependency checks), with a higher `failureThreshold` than readiness; or drop the liveness
    /// probe when the process exits by itself on fatal errors.
    ///
    /// ## Example
    /// ```yaml
    /// readinessProbe:
    ///   httpGet: {path: /health, port: 8080}
    /// livenessProbe:
    ///   httpGet: {path: /health, port: 8080}   # flagged: the same check
    /// ```
    pub struct LivenessSameAsReadiness {
        code: "REL009",
        name: "liveness-same-as-readiness",
        group: Reliability,
        severity: Low,
        guide: ["G5.1"],
        references: [],
    }
}

impl Rule for LivenessSameAsReadiness {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            let (Some(liveness), Some(readiness)) =
                (c.node.get("livenessProbe"), c.node.get("readinessProbe"))
            else {
                continue;
            };
            for handler in HANDLERS {
                let (Some(l), Some(r)) = (liveness.get(handler), readiness.get(handler)) else { continue };
                if l.to_json() != r.to_json() {
                    continue;
                }
                cx.report(
                    self,
                    w.object,
                    c.path.clone().keys(&["livenessProbe", handler]),
                    crate::msg!("rule-rel009-message", container = c.describe_msg(), handler = *handler),
                )
                .help(crate::msg!("rule-rel009-help"));
            }
        }
    }
}
