use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags spot node groups that can use only one instance type.
    ///
    /// ## Why is this bad?
    /// Spot capacity is reclaimed per instance type and zone; a group with a single type loses
    /// all its nodes together and may find no capacity to replace them. The guide recommends
    /// diversified spot groups.
    ///
    /// ## How to fix
    /// List several instance types of similar size (eksctl `instanceTypes`, Terraform
    /// `instance_types`, Karpenter requirements), across families and generations.
    ///
    /// ## Example
    /// ```yaml
    /// managedNodeGroups:
    ///   - name: batch
    ///     spot: true
    ///     instanceTypes: ["m5.large"]   # flagged
    /// ```
    pub struct SpotWithoutDiversity {
        code: "EKS019",
        name: "spot-without-diversity",
        group: Eks,
        severity: Low,
        guide: ["G5.6"],
        references: [],
    }
}

impl Rule for SpotWithoutDiversity {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        for ng in &c.node_groups {
            if ng.spot.is_true() && ng.instance_types.is(|t| t.len() < 2) {
                cx.report_field(
                    self,
                    c,
                    &ng.instance_types,
                    crate::msg!("rule-eks019-message", group = super::node_group(ng)),
                )
                .help(crate::msg!("rule-eks019-help"));
            }
        }
    }
}
