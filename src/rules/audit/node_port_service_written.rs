use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};
use crate::document::Node;

crate::declare_detection! {
    /// Flags Services created or changed to type `NodePort`.
    ///
    /// The type is in the request body (the stored object for a patch): events logged at
    /// `Metadata` level are counted as not evaluated.
    ///
    /// ## Why is this bad?
    /// A NodePort opens the same port on every node; where nodes have public addresses or a
    /// security group allows it, the workload is on the internet without a load balancer, TLS
    /// or any of the controls in front of the cluster.
    ///
    /// ## How to fix
    /// Use a `ClusterIP` Service behind an Ingress or a load balancer; if the port must stay,
    /// check the nodes' security groups.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"services","namespace":"shop","name":"db"},"responseStatus":{"code":201},
    ///  "requestObject":{"apiVersion":"v1","kind":"Service","metadata":{"name":"db"},"spec":{"type":"NodePort","ports":[{"port":5432}]}}}
    /// ```
    pub struct NodePortServiceWritten {
        code: "AUD033",
        name: "node-port-service-written",
        severity: Medium,
        level: Request,
        guide: ["G5.4", "G4.8"],
        references: [
            "falco:Create NodePort Service",
            "panther:Kubernetes.Service.NodePort.Deployed",
        ],
    }
}

impl Detection for NodePortServiceWritten {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "services" || !ev.subresource().is_empty() || !ev.wrote() || principal::system_user(ev.username())
        {
            return;
        }
        let Some(w) = cx.written(ev) else {
            cx.not_evaluated(self);
            return;
        };
        if w.object.root.at(&["spec", "type"]).and_then(Node::as_str) != Some("NodePort") {
            return;
        }
        let ports: Vec<String> = w
            .object
            .root
            .at(&["spec", "ports"])
            .into_iter()
            .flat_map(Node::items)
            .filter_map(|p| p.get("nodePort").or_else(|| p.get("port")).and_then(Node::as_i64))
            .map(|p| p.to_string())
            .collect();
        let name = w.object.name.clone();
        let user = text::user(ev);
        let ns = ev.namespace().unwrap_or("default");
        let a = cx.alert(self, ev, crate::msg!("audit-node-port", user = user, ns = ns, name = name));
        if !ports.is_empty() {
            a.note(crate::msg!("audit-note-ports", ports = ports.join(", ")));
        }
    }
}
