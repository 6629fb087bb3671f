use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags node groups that allow SSH without restricting who can connect.
    ///
    /// ## Why is this bad?
    /// With remote access enabled and no source security groups, EKS opens port 22 (3389 on
    /// Windows) to `0.0.0.0/0`; on nodes with public IPs that is the whole internet. Shell
    /// access to nodes should go through SSM Session Manager instead.
    ///
    /// ## How to fix
    /// Disable SSH (eksctl `ssh.allow: false`) and use SSM (`ssh.enableSsm`), or restrict it to
    /// a bastion's security group (`ssh.sourceSecurityGroupIds`, Terraform
    /// `remote_access.source_security_group_ids`).
    ///
    /// ## Example
    /// ```yaml
    /// managedNodeGroups:
    ///   - name: workers
    ///     ssh:
    ///       allow: true   # flagged
    ///       publicKeyName: ops
    /// ```
    pub struct SshOpenToInternet {
        code: "EKS011",
        name: "ssh-open-to-internet",
        group: Eks,
        severity: High,
        also_severity: [Medium],
        guide: ["G5.4"],
        references: [
            "nsa-cisa:worker-node-segmentation",
            "checkov:CKV_AWS_100",
        ],
    }
}

impl Rule for SshOpenToInternet {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        for ng in &c.node_groups {
            if ng.ssh.enabled.is_true() && ng.ssh.source_security_groups.is(Vec::is_empty) {
                let report = cx
                    .report_field(
                        self,
                        c,
                        &ng.ssh.enabled,
                        crate::msg!("rule-eks011-message", group = super::node_group(ng)),
                    )
                    .help(crate::msg!("rule-eks011-help"));
                if ng.private_networking.is_true() {
                    let _ = report
                        .severity(crate::finding::Severity::Medium)
                        .note(crate::msg!("rule-eks011-note"));
                }
            }
        }
    }
}
