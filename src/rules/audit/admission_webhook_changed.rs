use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};

const RESOURCES: &[(&str, &str)] = &[
    ("mutatingwebhookconfigurations", "MutatingWebhookConfiguration"),
    ("validatingwebhookconfigurations", "ValidatingWebhookConfiguration"),
    ("validatingadmissionpolicies", "ValidatingAdmissionPolicy"),
    ("validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding"),
    ("mutatingadmissionpolicies", "MutatingAdmissionPolicy"),
    ("mutatingadmissionpolicybindings", "MutatingAdmissionPolicyBinding"),
];

crate::declare_detection! {
    /// Flags admission webhook configurations and admission policies created, changed or deleted
    /// by anyone who is not a cluster component.
    ///
    /// ## Why is this bad?
    /// A mutating webhook sees, and may rewrite, every object it selects: it can inject a
    /// sidecar into every pod or read every Secret written. Deleting or loosening a validating
    /// webhook or policy switches off a control (an image signature check, a policy engine).
    ///
    /// ## How to fix
    /// Compare the configuration with what the owning add-on installs; revert unexpected
    /// changes and remove write access to admission configuration (`webhook-config-write` in
    /// group `rbac`).
    ///
    /// ## Example
    /// ```json
    /// {"verb":"delete","user":{"username":"alice"},"objectRef":{"resource":"validatingwebhookconfigurations","apiGroup":"admissionregistration.k8s.io","name":"kyverno-resource-validating-webhook-cfg"},"responseStatus":{"code":200}}
    /// ```
    pub struct AdmissionWebhookChanged {
        code: "AUD032",
        name: "admission-webhook-changed",
        severity: High,
        level: Metadata,
        guide: ["G4.8"],
        references: ["panther:Kubernetes.AdmissionController.Created", "mitre:T1562.001"],
    }
}

impl Detection for AdmissionWebhookChanged {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        let Some((_, kind)) = RESOURCES.iter().find(|(r, _)| *r == ev.resource()) else { return };
        let verb = ev.verb();
        if !matches!(verb, "create" | "update" | "patch" | "delete") {
            return;
        }
        if !ev.subresource().is_empty() || !ev.allowed() || ev.dry_run() || principal::system_user(ev.username()) {
            return;
        }
        let user = text::user(ev);
        let name = ev.name().unwrap_or("?");
        cx.alert(self, ev, crate::msg!("audit-webhook-changed", user = user, verb = verb, kind = *kind, name = name));
    }
}
