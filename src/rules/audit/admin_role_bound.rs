use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};
use crate::document::Node;
use crate::finding::Severity;

crate::declare_detection! {
    /// Flags RoleBindings and ClusterRoleBindings written to grant `cluster-admin` or `admin`.
    ///
    /// Critical when a ClusterRoleBinding grants `cluster-admin`. The binding's `roleRef` is in
    /// the request body: events logged at `Metadata` level are counted as not evaluated.
    ///
    /// ## Why is this bad?
    /// Binding `cluster-admin` is the shortest way to full control of the cluster and a classic
    /// persistence step: the subjects keep it until someone notices. `admin` gives full control
    /// of a namespace, its secrets and its RBAC included.
    ///
    /// ## How to fix
    /// Check the subjects; delete the binding unless it was an approved change, and grant a
    /// narrower role.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"clusterrolebindings","apiGroup":"rbac.authorization.k8s.io","name":"backdoor"},"responseStatus":{"code":201},
    ///  "requestObject":{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"backdoor"},
    ///   "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},"subjects":[{"kind":"User","name":"mallory"}]}}
    /// ```
    pub struct AdminRoleBound {
        code: "AUD021",
        name: "admin-role-bound",
        severity: High,
        also_severity: [Critical],
        level: Request,
        guide: ["G4.1", "G4.8"],
        references: [
            "falco:Attach to cluster-admin Role",
            "panther:Kubernetes.ClusterRoleBinding.Privileged",
            "mitre:T1098.006",
        ],
    }
}

impl Detection for AdminRoleBound {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        let resource = ev.resource();
        if !matches!(resource, "clusterrolebindings" | "rolebindings")
            || !ev.subresource().is_empty()
            || !ev.wrote()
            || principal::system_user(ev.username())
        {
            return;
        }
        let Some(w) = cx.written(ev) else {
            cx.not_evaluated(self);
            return;
        };
        let root = &w.object.root;
        let role = root.at(&["roleRef", "name"]).and_then(Node::as_str).unwrap_or_default().to_string();
        let role_kind = root.at(&["roleRef", "kind"]).and_then(Node::as_str).unwrap_or("ClusterRole").to_string();
        if role_kind != "ClusterRole" || !matches!(role.as_str(), "cluster-admin" | "admin") {
            return;
        }
        let subjects: Vec<String> = root
            .get("subjects")
            .into_iter()
            .flat_map(Node::items)
            .map(|s| {
                let kind = s.get("kind").and_then(Node::as_str).unwrap_or("?");
                let name = s.get("name").and_then(Node::as_str).unwrap_or("?");
                match s.get("namespace").and_then(Node::as_str) {
                    Some(ns) => format!("{kind} {ns}/{name}"),
                    None => format!("{kind} {name}"),
                }
            })
            .collect();
        let binding = w.object.name.clone();
        let kind = w.object.kind.clone();
        let user = text::user(ev);
        let a = cx.alert(
            self,
            ev,
            crate::msg!("audit-admin-role-bound", user = user, role = &role, kind = kind, binding = binding),
        );
        if resource == "clusterrolebindings" && role == "cluster-admin" {
            a.severity = Severity::Critical;
        }
        if !subjects.is_empty() {
            a.note(crate::msg!("audit-note-subjects", subjects = subjects.join(", ")));
        }
    }
}
