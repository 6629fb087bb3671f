//! RBAC013: Flags subjects that can approve or sign CertificateSigningRequests.

use crate::analysis::rbac::escalation::Primitive;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{Spec, report_primitive};

crate::declare_rule! {
    /// Flags subjects that can approve or sign CertificateSigningRequests.
    ///
    /// ## Why is this bad?
    /// Approving a CSR takes `update` on `certificatesigningrequests/approval` plus `approve` on the
    /// signer; signing takes `update` on `certificatesigningrequests/status` plus `sign`. Together they
    /// issue client certificates for identities of the subject's choosing. The first half without the
    /// second yields nothing and is reported as low.
    ///
    /// ## How to fix
    /// Leave approval to the controller manager; grant `approve` only for named signers to a dedicated approver.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [certificates.k8s.io]
    ///     resources: [certificatesigningrequests/approval]
    ///     verbs: [update]      # flagged
    ///   - apiGroups: [certificates.k8s.io]
    ///     resources: [signers]
    ///     verbs: [approve]
    /// ```
    pub struct CsrApprove {
        code: "RBAC013",
        name: "csr-approve",
        group: Rbac,
        severity: High,
        also_severity: [Low],
        guide: ["G4.1", "G5.4"],
        references: ["checkov:CKV_K8S_156"],
    }
}

impl Rule for CsrApprove {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let spec = Spec { primitive: Primitive::CsrApprove, help: "rule-rbac013-help", severity: |_| None };
        report_primitive(self, cx, set, &spec);
    }
}
