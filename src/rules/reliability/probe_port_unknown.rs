//! REL007: probes aimed at a named port their container does not declare.

use crate::document::Node;
use crate::model::Workload;
use crate::rules::{Context, Rule};

/// The probes of a container, in the order the kubelet starts them.
const PROBES: &[&str] = &["startupProbe", "livenessProbe", "readinessProbe"];

/// The probe handlers that take a port.
const HANDLERS: &[&str] = &["httpGet", "tcpSocket", "grpc"];

crate::declare_rule! {
    /// Flags liveness, readiness and startup probes whose named port is not a port name of their container.
    ///
    /// The kubelet resolves a named probe port (`httpGet.port: http`) among the `ports` of the
    /// same container only. A numeric port needs no declaration (`ports` is informational for
    /// the kubelet), so it is not reported; `grpc.port` is always a number.
    ///
    /// ## Why is this bad?
    /// The API server accepts the name, but the kubelet cannot resolve it, so the probe fails
    /// every time: a liveness probe restarts the container in a loop, a startup probe kills it
    /// before it serves, and a readiness probe keeps the pod out of its Services forever. The
    /// usual cause is a port renamed or moved to another container (a sidecar) without the probe.
    ///
    /// ## How to fix
    /// Name the port in the container's `ports` (`- name: http, containerPort: 8080`), or point
    /// the probe at the port number.
    ///
    /// ## Example
    /// ```yaml
    /// ports:
    ///   - name: web
    ///     containerPort: 8080
    /// livenessProbe:
    ///   httpGet: {path: /healthz, port: http}   # flagged: the port is named web
    /// ```
    pub struct ProbePortUnknown {
        code: "REL007",
        name: "probe-port-unknown",
        group: Reliability,
        severity: Medium,
        guide: ["G5.1"],
        references: ["kube-linter:liveness-port", "kube-linter:readiness-port", "kube-linter:startup-port"],
    }
}

impl Rule for ProbePortUnknown {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            let names: Vec<&str> = c
                .node
                .get("ports")
                .into_iter()
                .flat_map(Node::items)
                .filter_map(|p| p.get("name").and_then(Node::as_str))
                .collect();
            for probe in PROBES {
                let Some(node) = c.node.get(probe) else { continue };
                for handler in HANDLERS {
                    let Some(port) = node.get(handler).and_then(|h| h.get("port")) else { continue };
                    // A number, or a digit string the API server reads as one, resolves without a name.
                    let Some(name) =
                        port.as_str().filter(|s| !s.is_empty() && !s.bytes().all(|b| b.is_ascii_digit()))
                    else {
                        continue;
                    };
                    if names.contains(&name) {
                        continue;
                    }
                    let message = if names.is_empty() {
                        crate::msg!(
                            "rule-rel007-none",
                            probe = *probe,
                            container = c.describe_msg(),
                            port = name
                        )
                    } else {
                        crate::msg!(
                            "rule-rel007-named",
                            probe = *probe,
                            container = c.describe_msg(),
                            port = name,
                            names = names.join(", ")
                        )
                    };
                    cx.report(self, w.object, c.path.clone().keys(&[probe, handler, "port"]), message)
                        .help(crate::msg!("rule-rel007-help"));
                }
            }
        }
    }
}
