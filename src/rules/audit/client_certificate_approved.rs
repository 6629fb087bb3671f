use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};
use crate::document::Node;

crate::declare_detection! {
    /// Flags approvals of certificate signing requests for client certificates: any approval
    /// for the `kubernetes.io/kube-apiserver-client` signer, and approvals of kubelet client
    /// certificates (`kube-apiserver-client-kubelet`) by anyone who is not a cluster component.
    ///
    /// The signer and the condition are in the request body: events logged at `Metadata` level
    /// are counted as not evaluated.
    ///
    /// ## Why is this bad?
    /// A client certificate authenticates as whatever user and groups it names, for as long as
    /// it is valid, and cannot be revoked: an approved CSR naming `system:masters` is a
    /// permanent cluster administrator.
    ///
    /// ## How to fix
    /// Find who requested and who approved; if unexpected, rotate the cluster CA is the only
    /// revocation, so at least remove the RBAC grants of the certificate's user and groups and
    /// remove `approve` on `signers` (`csr-approve` in group `rbac`).
    ///
    /// ## Example
    /// ```json
    /// {"verb":"update","objectRef":{"resource":"certificatesigningrequests","subresource":"approval","apiGroup":"certificates.k8s.io","name":"csr-x"},"responseStatus":{"code":200},
    ///  "requestObject":{"apiVersion":"certificates.k8s.io/v1","kind":"CertificateSigningRequest","metadata":{"name":"csr-x"},
    ///   "spec":{"signerName":"kubernetes.io/kube-apiserver-client","usages":["client auth"]},"status":{"conditions":[{"type":"Approved","status":"True"}]}}}
    /// ```
    pub struct ClientCertificateApproved {
        code: "AUD031",
        name: "client-certificate-approved",
        severity: High,
        also_severity: [Critical],
        level: Request,
        guide: ["G4.2", "G4.8"],
        references: ["panther:Kubernetes.ClientCertificate.Created", "mitre:T1098"],
    }
}

impl Detection for ClientCertificateApproved {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "certificatesigningrequests"
            || ev.subresource() != "approval"
            || !matches!(ev.verb(), "update" | "patch")
            || !ev.allowed()
            || ev.dry_run()
        {
            return;
        }
        let system = principal::system_user(ev.username());
        let Some(w) = cx.written(ev) else {
            cx.not_evaluated(self);
            return;
        };
        let root = &w.object.root;
        let approved = root.at(&["status", "conditions"]).into_iter().flat_map(Node::items).any(|c| {
            c.get("type").and_then(Node::as_str) == Some("Approved")
                && c.get("status").and_then(Node::as_str).is_none_or(|s| s == "True")
        });
        let signer = root.at(&["spec", "signerName"]).and_then(Node::as_str).unwrap_or_default().to_string();
        let groups: Vec<String> = root
            .at(&["spec", "groups"])
            .into_iter()
            .flat_map(Node::items)
            .filter_map(Node::as_str)
            .map(str::to_string)
            .collect();
        let name = w.object.name.clone();
        let reported = match signer.as_str() {
            "kubernetes.io/kube-apiserver-client" => true,
            "kubernetes.io/kube-apiserver-client-kubelet" => !system,
            _ => false,
        };
        if !approved || !reported {
            return;
        }
        let user = text::user(ev);
        let a = cx.alert(self, ev, crate::msg!("audit-csr-approved", user = user, name = name, signer = signer));
        if !groups.is_empty() {
            a.note(crate::msg!("audit-note-requested-groups", groups = groups.join(", ")));
        }
        if groups.iter().any(|g| g == "system:masters") {
            a.severity = crate::finding::Severity::Critical;
        }
    }
}
