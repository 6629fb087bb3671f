use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags node groups whose root volumes are not encrypted.
    ///
    /// ## Why is this bad?
    /// Node volumes hold container images, logs, `emptyDir` data and cached secrets. eksctl leaves
    /// `volumeEncrypted` unset, which inherits the unencrypted EKS AMI snapshot; EBS is not
    /// encrypted unless asked. The guide requires encryption at rest.
    ///
    /// ## How to fix
    /// Set `volumeEncrypted: true` (optionally `volumeKmsKeyID`) in eksctl, `encrypted = true`
    /// in the launch template's block device mapping, or `encrypted: true` in the Karpenter
    /// `EC2NodeClass`. The account-level "EBS encryption by default" setting also covers it, but
    /// an audit of files cannot see it.
    ///
    /// ## Example
    /// ```yaml
    /// managedNodeGroups:
    ///   - name: workers
    ///     volumeEncrypted: false   # flagged
    /// ```
    pub struct UnencryptedNodeVolume {
        code: "EKS009",
        name: "unencrypted-node-volume",
        group: Eks,
        severity: Medium,
        guide: ["G4.7"],
        references: [
            "nsa-cisa:encryption",
        ],
    }
}

impl Rule for UnencryptedNodeVolume {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        for ng in &c.node_groups {
            if ng.volume.encrypted.is_false() {
                cx.report_field(
                    self,
                    c,
                    &ng.volume.encrypted,
                    crate::msg!("rule-eks009-message", group = super::node_group(ng)),
                )
                .help(crate::msg!("rule-eks009-help", form = super::form(c, Some(ng))))
                .note(crate::msg!("rule-eks009-note"));
            }
        }
    }
}
