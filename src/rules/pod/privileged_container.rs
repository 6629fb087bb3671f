use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers that run privileged.
    ///
    /// ## Why is this bad?
    /// A privileged container has every capability and access to all host devices: it is root on
    /// the node. Escaping to the node, reading other pods' secrets and reaching the instance's IAM
    /// role are one step away. The guide's Pod Security Admission baseline forbids it.
    ///
    /// ## How to fix
    /// Remove `securityContext.privileged: true`; grant only the specific capability the
    /// container needs, if any.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app
    ///     securityContext:
    ///       privileged: true   # flagged
    /// ```
    pub struct PrivilegedContainer {
        code: "POD001",
        name: "privileged-container",
        group: Pod,
        severity: Critical,
        guide: ["G4.3"],
        references: [
            "cis-eks-1.8:4.2.1",
            "pss:baseline:privileged",
            "nsa-cisa:pod-security",
            "checkov:CKV_K8S_16",
            "trivy:KSV-0017",
            "kube-linter:privileged-container",
            "kubescape:C-0057",
        ],
    }
}

impl Rule for PrivilegedContainer {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            if let Some(s) = c.own(&["privileged"]).filter(|s| s.node.as_bool() == Some(true)) {
                cx.report(
                    self,
                    w.object,
                    s.path,
                    crate::msg!("rule-pod001-message", container = c.describe_msg()),
                )
                .help(crate::msg!("rule-pod001-help"));
            }
        }
    }
}
