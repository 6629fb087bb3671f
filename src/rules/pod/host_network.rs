use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags pods that share the node's network namespace (`hostNetwork: true`).
    ///
    /// ## Why is this bad?
    /// A host-network pod sees every interface of the node, can sniff and bind on them, reaches
    /// services listening only on the node's localhost (the kubelet's ports, for one) and is not
    /// isolated by NetworkPolicies the way ordinary pods are. On EKS it also reaches the instance
    /// metadata service directly, so an IMDS hop limit of 1 no longer keeps it from the node's
    /// IAM role credentials.
    ///
    /// ## How to fix
    /// Remove `hostNetwork: true`; expose the pod through a Service instead. Node agents that
    /// truly need it (CNI, kube-proxy) belong in `kube-system` with a waiver.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   hostNetwork: true   # flagged
    /// ```
    pub struct HostNetwork {
        code: "POD007",
        name: "host-network",
        group: Pod,
        severity: High,
        guide: ["G4.3"],
        references: [
            "cis-eks-1.8:4.2.4",
            "pss:baseline:hostNamespaces",
            "nsa-cisa:pod-security",
            "checkov:CKV_K8S_19",
            "trivy:KSV-0009",
            "kube-linter:host-network",
            "kubescape:C-0041",
        ],
    }
}

impl Rule for HostNetwork {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        if w.spec.and_then(|s| s.get("hostNetwork")).and_then(|n| n.as_bool()) == Some(true) {
            cx.report(self, w.object, w.spec_path(&["hostNetwork"]), crate::msg!("rule-pod007-message"))
                .help(crate::msg!("rule-pod007-help"))
                .note(crate::msg!("rule-pod007-note"));
        }
    }
}
