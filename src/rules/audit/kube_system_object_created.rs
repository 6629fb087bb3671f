use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};

crate::declare_detection! {
    /// Flags objects created in `kube-system` by anyone who is not a cluster component.
    ///
    /// Cluster components are the control plane, nodes, `kube-system` service accounts and
    /// EKS's own `eks:*` principals. Subresources (exec, eviction, …) are other detections'.
    ///
    /// ## Why is this bad?
    /// `kube-system` runs the cluster's own components with the most powerful service accounts;
    /// a pod, role binding or secret added there by a person hides among them and inherits
    /// their reach. The guide gives nobody create or delete rights there.
    ///
    /// ## How to fix
    /// Find out what was created and why; delete it unless it belongs to an add-on install, and
    /// remove write access to `kube-system` from people (`kube-system-write` in group `rbac`).
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","user":{"username":"alice"},"objectRef":{"resource":"pods","namespace":"kube-system","name":"tools"},"responseStatus":{"code":201}}
    /// ```
    pub struct KubeSystemObjectCreated {
        code: "AUD020",
        name: "kube-system-object-created",
        severity: Medium,
        level: Metadata,
        guide: ["G4.1", "G4.8"],
        references: [
            "falco:Pod Created in Kube Namespace",
            "falco:Service Account Created in Kube Namespace",
            "panther:Kubernetes.Pod.SystemNamespace",
            "mitre:T1610",
        ],
    }
}

impl Detection for KubeSystemObjectCreated {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.verb() != "create"
            || ev.namespace() != Some("kube-system")
            || !ev.subresource().is_empty()
            || !ev.allowed()
            || ev.dry_run()
            || principal::system_user(ev.username())
        {
            return;
        }
        let user = text::user(ev);
        let name = text::name_or_generated(ev.name());
        cx.alert(self, ev, crate::msg!("audit-kube-system-created", user = user, resource = ev.resource(), name = name));
    }
}
