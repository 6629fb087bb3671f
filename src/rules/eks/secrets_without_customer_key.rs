use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters whose Kubernetes secrets are not encrypted with a customer KMS key.
    ///
    /// ## Why is this bad?
    /// Since Kubernetes 1.28 EKS encrypts API data with an AWS-owned key, but only a customer
    /// managed KMS key gives you control of who can decrypt secrets, an audit trail of every
    /// use in CloudTrail, rotation, and the ability to revoke access. CIS 5.3.1 requires it.
    ///
    /// ## How to fix
    /// Encrypt secrets with a symmetric customer KMS key in the cluster's region: eksctl
    /// `secretsEncryption.keyARN`, Terraform `encryption_config`, CloudFormation
    /// `EncryptionConfig`. It can be added to an existing cluster, and cannot be removed.
    ///
    /// Not reported for a control plane on AWS Outposts, where KMS secrets encryption is not
    /// supported.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: eksctl.io/v1alpha5
    /// kind: ClusterConfig
    /// metadata:
    ///   name: prod   # flagged: no secretsEncryption
    ///   region: eu-west-1
    /// ```
    pub struct SecretsWithoutCustomerKey {
        code: "EKS001",
        name: "secrets-without-customer-key",
        group: Eks,
        severity: Medium,
        guide: ["G4.6", "G4.7"],
        references: [
            "cis-eks-1.8:5.3.1",
            "nsa-cisa:secrets",
            "checkov:CKV_AWS_58",
            "trivy:AVD-AWS-0039",
            "kubescape:C-0066",
        ],
    }
}

impl Rule for SecretsWithoutCustomerKey {
    fn applies_on_outposts(&self) -> bool {
        false
    }

    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        if c.secrets_key.is(Option::is_none) {
            cx.report_field(
                self,
                c,
                &c.secrets_key,
                crate::msg!("rule-eks001-message", cluster = super::cluster(c)),
            )
            .help(crate::msg!("rule-eks001-help", form = super::form(c, None)));
        }
    }
}
