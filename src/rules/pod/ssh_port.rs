use crate::document::{FieldPath, Node};
use crate::model::{Object, Workload};
use crate::rules::{Context, Rule};

/// The SSH port.
const SSH: i64 = 22;

crate::declare_rule! {
    /// Flags containers and Services that expose TCP port 22, the SSH port.
    ///
    /// A container is flagged for a `ports[].containerPort` of 22, a Service for a port whose
    /// `port` or numeric `targetPort` is 22. Ports declared with protocol `UDP` or `SCTP` are not
    /// SSH and are left alone. A named `targetPort` is not resolved here.
    ///
    /// ## Why is this bad?
    /// An SSH server in a container is a second way in that bypasses `kubectl exec` and its RBAC
    /// and audit trail, usually with long-lived keys or passwords baked into the image. Containers
    /// are meant to be replaced, not logged into; an exposed port 22 is also what scanners try
    /// first.
    ///
    /// ## How to fix
    /// Remove the SSH server from the image and the port from the manifest. Debug with
    /// `kubectl exec` or `kubectl debug` (ephemeral containers), which RBAC controls and the
    /// audit log records.
    ///
    /// ## Example
    /// ```yaml
    /// ports:
    ///   - containerPort: 22   # flagged
    /// ```
    pub struct SshPort {
        code: "POD023",
        name: "ssh-port",
        group: Pod,
        severity: Medium,
        guide: ["G4.3"],
        references: ["kube-linter:ssh-port", "kubescape:C-0042"],
    }
}

/// Whether a port entry is TCP (the default protocol).
fn is_tcp(port: &Node) -> bool {
    port.get("protocol").and_then(Node::as_str).is_none_or(|p| p == "TCP")
}

impl Rule for SshPort {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            for (i, port) in c.node.get("ports").into_iter().flat_map(Node::items).enumerate() {
                if port.get("containerPort").and_then(Node::as_i64) != Some(SSH) || !is_tcp(port) {
                    continue;
                }
                cx.report(
                    self,
                    w.object,
                    c.path.clone().key("ports").index(i).key("containerPort"),
                    crate::msg!("rule-pod023-container", container = c.describe_msg()),
                )
                .help(crate::msg!("rule-pod023-help"));
            }
        }
    }

    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !o.is("", "Service") {
            return;
        }
        let ports = o.spec().and_then(|s| s.get("ports")).into_iter().flat_map(Node::items).enumerate();
        for (i, port) in ports {
            if !is_tcp(port) {
                continue;
            }
            let number = port.get("port").and_then(Node::as_i64);
            let target = port.get("targetPort").and_then(Node::as_i64);
            let (field, message) = match (number, target) {
                (Some(SSH), _) => ("port", crate::msg!("rule-pod023-service-port")),
                (Some(n), Some(SSH)) => {
                    ("targetPort", crate::msg!("rule-pod023-service-target", port = n.to_string()))
                }
                _ => continue,
            };
            cx.report(self, o, FieldPath::root().keys(&["spec", "ports"]).index(i).key(field), message)
                .help(crate::msg!("rule-pod023-help"));
        }
    }
}
