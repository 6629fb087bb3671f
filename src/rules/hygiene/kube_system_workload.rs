//! HYG002: user workloads placed in `kube-system`.

use crate::document::FieldPath;
use crate::model::{Object, Workload};
use crate::rules::{Context, Rule};

/// Workloads that EKS, its add-ons and AWS's documented controllers install in `kube-system`.
const SYSTEM_WORKLOADS: &[&str] = &[
    "aws-node",
    "kube-proxy",
    "coredns",
    "kube-dns",
    "eks-pod-identity-agent",
    "ebs-csi-controller",
    "ebs-csi-node",
    "ebs-csi-node-windows",
    "efs-csi-controller",
    "efs-csi-node",
    "fsx-csi-controller",
    "fsx-csi-node",
    "s3-csi-node",
    "snapshot-controller",
    "aws-load-balancer-controller",
    "cluster-autoscaler",
    "metrics-server",
    "secrets-store-csi-driver",
    "csi-secrets-store-provider-aws",
];

crate::declare_rule! {
    /// Flags user workloads placed in the `kube-system` namespace.
    ///
    /// Every pod-bearing kind whose namespace is `kube-system` is flagged, except the ones EKS
    /// and its common add-ons install there (`aws-node`, `kube-proxy`, `coredns`, the
    /// EBS/EFS/FSx/S3 CSI drivers, `eks-pod-identity-agent`, `aws-load-balancer-controller`,
    /// `cluster-autoscaler`, `metrics-server`, the Secrets Store CSI driver and its AWS
    /// provider).
    ///
    /// ## Why is this bad?
    /// `kube-system` holds the cluster's own components and their service accounts, some of
    /// them highly privileged. A workload there shares that boundary: admission policies and
    /// Pod Security labels are usually relaxed for it, and anyone allowed to manage it can reach
    /// the system components. The guide keeps users out of `kube-system` entirely.
    ///
    /// ## How to fix
    /// Move the workload to a namespace of its own, with its own service account and RBAC.
    ///
    /// ## Example
    /// ```yaml
    /// kind: Deployment
    /// metadata:
    ///   name: billing-api
    ///   namespace: kube-system   # flagged
    /// ```
    pub struct KubeSystemWorkload {
        code: "HYG002",
        name: "kube-system-workload",
        group: Hygiene,
        severity: Medium,
        guide: ["G4.1"],
        references: ["trivy:KSV-0037"],
    }
}

impl Rule for KubeSystemWorkload {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !Workload::is_pod_bearing(o) {
            return;
        }
        if o.namespace.as_deref() != Some("kube-system") || SYSTEM_WORKLOADS.contains(&o.name.as_str()) {
            return;
        }
        cx.report(
            self,
            o,
            FieldPath::root().keys(&["metadata", "namespace"]),
            crate::msg!("rule-hyg002-message", kind = &o.kind, name = &o.name),
        )
        .help(crate::msg!("rule-hyg002-help"));
    }
}
