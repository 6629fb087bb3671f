use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};
use crate::document::Node;
use crate::finding::Severity;

crate::declare_detection! {
    /// Flags changes to the `aws-auth` ConfigMap in `kube-system`, which maps IAM roles and users
    /// to Kubernetes users and groups; critical when the new mapping grants `system:masters`.
    ///
    /// EKS logs updates, patches and deletions of `aws-auth` at `RequestResponse` level, so the
    /// new mappings are usually in the event; without them the change is still reported.
    /// Changes by EKS itself (`eks:*`, node group management) are left out.
    ///
    /// ## Why is this bad?
    /// One line in `aws-auth` turns any IAM principal into a cluster administrator, outside
    /// Kubernetes RBAC and invisible to `kubectl get clusterrolebindings`.
    ///
    /// ## How to fix
    /// Compare the mappings with the intended ones and revert; move to EKS access entries
    /// (authentication mode `API`), which are IAM-governed and logged in CloudTrail.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"update","user":{"username":"alice"},"objectRef":{"resource":"configmaps","namespace":"kube-system","name":"aws-auth"},"responseStatus":{"code":200}}
    /// ```
    pub struct AwsAuthChanged {
        code: "AUD037",
        name: "aws-auth-changed",
        severity: High,
        also_severity: [Critical],
        level: Metadata,
        guide: ["G4.2", "G4.8"],
        references: ["mitre:T1098"],
    }
}

impl Detection for AwsAuthChanged {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "configmaps"
            || ev.namespace() != Some("kube-system")
            || ev.name() != Some("aws-auth")
            || !matches!(ev.verb(), "create" | "update" | "patch" | "delete")
            || !ev.allowed()
            || ev.dry_run()
            || principal::system_user(ev.username())
        {
            return;
        }
        let masters = cx.written(ev).is_some_and(|w| {
            ["mapRoles", "mapUsers"].iter().any(|k| {
                w.object.root.at(&["data", k]).and_then(Node::as_str).is_some_and(|m| m.contains("system:masters"))
            })
        });
        let user = text::user(ev);
        let a = cx.alert(self, ev, crate::msg!("audit-aws-auth", user = user, verb = ev.verb()));
        if masters {
            a.severity = Severity::Critical;
            a.note(crate::msg!("audit-note-masters"));
        }
    }
}
