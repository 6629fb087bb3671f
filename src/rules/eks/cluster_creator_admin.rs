use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters that grant cluster-admin to the IAM principal that creates them.
    ///
    /// ## Why is this bad?
    /// By default EKS makes the creating principal (often a CI role or a person's SSO role) a
    /// permanent cluster administrator. In `CONFIG_MAP` mode that grant is invisible; with access
    /// entries it is an entry nobody asked for. Admin access should be granted explicitly.
    ///
    /// ## How to fix
    /// Set `bootstrapClusterCreatorAdminPermissions: false` (Terraform
    /// `bootstrap_cluster_creator_admin_permissions = false`) and grant admin through an
    /// explicit access entry for a dedicated role.
    ///
    /// Not reported for a control plane on AWS Outposts, where EKS accepts only
    /// `bootstrapClusterCreatorAdminPermissions: true`.
    ///
    /// ## Example
    /// ```yaml
    /// accessConfig:
    ///   bootstrapClusterCreatorAdminPermissions: true   # flagged
    /// ```
    pub struct ClusterCreatorAdmin {
        code: "EKS014",
        name: "cluster-creator-admin",
        group: Eks,
        severity: Low,
        guide: ["G4.1", "G4.2"],
        references: [
            "cis-eks-1.8:4.1.1",
            "nsa-cisa:authentication",
        ],
    }
}

impl Rule for ClusterCreatorAdmin {
    fn applies_on_outposts(&self) -> bool {
        false
    }

    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        if c.access.bootstrap_creator_admin.is_true() {
            cx.report_field(
                self,
                c,
                &c.access.bootstrap_creator_admin,
                crate::msg!("rule-eks014-message", cluster = super::cluster(c)),
            )
            .help(crate::msg!("rule-eks014-help", form = super::form(c, None)));
        }
    }
}
