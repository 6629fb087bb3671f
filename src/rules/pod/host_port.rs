use crate::document::Node;
use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags container ports bound on the node with a non-zero `hostPort`.
    ///
    /// A `hostPort` outside 1–65535 (such as `-1`) is reported as invalid: the API server
    /// validates port numbers and rejects the pod.
    ///
    /// ## Why is this bad?
    /// A host port opens the container on the node's own address, outside Services: it bypasses
    /// the load balancer and security groups set up for the Service, is easy to forget, limits the
    /// pod to one replica per node and pins the pod to nodes where the port is free. The Pod
    /// Security Standards baseline forbids it.
    ///
    /// ## How to fix
    /// Remove `hostPort` and expose the port through a Service (`ClusterIP`, or a load balancer
    /// when it must be reachable from outside).
    ///
    /// ## Example
    /// ```yaml
    /// ports:
    ///   - containerPort: 8080
    ///     hostPort: 8080   # flagged
    /// ```
    pub struct HostPort {
        code: "POD010",
        name: "host-port",
        group: Pod,
        severity: Medium,
        guide: ["G4.3"],
        references: [
            "pss:baseline:hostPorts",
            "checkov:CKV_K8S_26",
            "trivy:KSV-0024",
            "kubescape:C-0044",
        ],
    }
}

impl Rule for HostPort {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            let ports = c.node.get("ports").into_iter().flat_map(Node::items).enumerate();
            for (i, port) in ports {
                let Some(host_port) = port.get("hostPort").and_then(Node::as_i64).filter(|p| *p != 0) else {
                    continue;
                };
                let path = c.path.clone().key("ports").index(i).key("hostPort");
                // The API server validates the number before anything else: no pod exists with it.
                if crate::model::validation::port_number(host_port).is_err() {
                    cx.report(
                        self,
                        w.object,
                        path,
                        crate::msg!(
                            "rule-pod010-invalid",
                            container = c.describe_msg(),
                            port = host_port.to_string()
                        ),
                    )
                    .help(crate::msg!("rule-pod010-help"));
                    continue;
                }
                let message = crate::msg!(
                    "rule-pod010-message",
                    container = c.describe_msg(),
                    port = host_port.to_string()
                );
                cx.report(self, w.object, path, message).help(crate::msg!("rule-pod010-help-2"));
            }
        }
    }
}
