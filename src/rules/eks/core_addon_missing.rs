use crate::model::cluster::{Cluster, tables};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters missing a core add-on: vpc-cni, coredns, kube-proxy or aws-ebs-csi-driver.
    ///
    /// ## Why is this bad?
    /// Pod networking, DNS and Services need the first three; as EKS managed add-ons they are
    /// patched and version-checked by EKS, while self-managed copies drift. Without the EBS CSI
    /// driver, `PersistentVolumeClaim`s on EBS (and encrypted `gp3` storage classes) cannot be
    /// provisioned. eksctl installs the first three by default, not the EBS CSI driver.
    ///
    /// ## How to fix
    /// List the add-ons in the cluster definition (eksctl `addons`, Terraform `aws_eks_addon`),
    /// the EBS CSI driver with an IRSA or Pod Identity role carrying `AmazonEBSCSIDriverPolicy`.
    ///
    /// Not reported for a control plane on AWS Outposts, where add-ons are not supported.
    ///
    /// ## Example
    /// ```yaml
    /// addons:              # flagged: no aws-ebs-csi-driver
    ///   - name: vpc-cni
    /// ```
    pub struct CoreAddonMissing {
        code: "EKS016",
        name: "core-addon-missing",
        group: Eks,
        severity: Low,
        guide: ["G3.3", "G2.4"],
        references: [],
    }
}

impl Rule for CoreAddonMissing {
    fn applies_on_outposts(&self) -> bool {
        false
    }

    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        // Auto Mode runs networking, DNS, kube-proxy and block storage itself; unknown is no answer.
        if c.addons.is_unknown() || !c.auto_mode.is_false() {
            return;
        }
        let missing: Vec<&str> =
            tables::CORE_ADDONS.iter().copied().filter(|n| c.addon(n).is_none()).collect();
        if missing.is_empty() {
            return;
        }
        cx.report_field(
            self,
            c,
            &c.addons,
            crate::msg!(
                "rule-eks016-message",
                cluster = super::cluster(c),
                count = missing.len(),
                addons = missing.join(", ")
            ),
        )
        .help(crate::msg!("rule-eks016-help"));
    }
}
