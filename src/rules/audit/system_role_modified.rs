use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};

crate::declare_detection! {
    /// Flags changes to and deletions of the built-in `system:` Roles and ClusterRoles by anyone
    /// who is not a cluster component.
    ///
    /// `system:coredns` is left out: its add-on updates it.
    ///
    /// ## Why is this bad?
    /// The `system:` roles are what the control plane, nodes and controllers run with. Widening
    /// one (`system:node`, `system:kube-scheduler`) hides a backdoor where nobody reviews;
    /// narrowing or deleting one breaks the cluster.
    ///
    /// ## How to fix
    /// Compare the role with its default (the API server restores defaults of roles it owns
    /// on restart unless `rbac.authorization.kubernetes.io/autoupdate: "false"` is set) and
    /// revert the change.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"patch","user":{"username":"alice"},"objectRef":{"resource":"clusterroles","apiGroup":"rbac.authorization.k8s.io","name":"system:node"},"responseStatus":{"code":200}}
    /// ```
    pub struct SystemRoleModified {
        code: "AUD023",
        name: "system-role-modified",
        severity: High,
        level: Metadata,
        guide: ["G4.1", "G4.8"],
        references: [
            "falco:System ClusterRole Modified/Deleted",
            "panther:Kubernetes.SystemRole.Modified",
            "mitre:T1098.006",
        ],
    }
}

impl Detection for SystemRoleModified {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        let Some(name) = ev.name() else { return };
        if !matches!(ev.resource(), "clusterroles" | "roles")
            || !name.starts_with("system:")
            || matches!(name, "system:coredns" | "system:managed-certificate-controller")
            || !matches!(ev.verb(), "update" | "patch" | "delete")
            || !ev.allowed()
            || ev.dry_run()
            || principal::system_user(ev.username())
        {
            return;
        }
        let user = text::user(ev);
        let kind = if ev.resource() == "roles" { "Role" } else { "ClusterRole" };
        cx.alert(self, ev, crate::msg!("audit-system-role", user = user, verb = ev.verb(), kind = kind, name = name));
    }
}
