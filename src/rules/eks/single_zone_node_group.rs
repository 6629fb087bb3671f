use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags node groups confined to one Availability Zone.
    ///
    /// ## Why is this bad?
    /// A zone outage takes every node of the group down at once; workloads that only fit on
    /// this group stop. The guide asks for node groups spread over several zones.
    ///
    /// ## How to fix
    /// Give the group subnets (or zones) in at least two Availability Zones, or run one group
    /// per zone with the Cluster Autoscaler balancing them.
    ///
    /// ## Example
    /// ```yaml
    /// managedNodeGroups:
    ///   - name: workers
    ///     availabilityZones: ["eu-west-1a"]   # flagged
    /// ```
    pub struct SingleZoneNodeGroup {
        code: "EKS008",
        name: "single-zone-node-group",
        group: Eks,
        severity: Low,
        guide: ["G5.1", "G2.5"],
        references: [],
    }
}

impl Rule for SingleZoneNodeGroup {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        for ng in &c.node_groups {
            if ng.availability_zones.is(|z| z.len() == 1) {
                let zone = ng.availability_zones.items().next().cloned().unwrap_or_default();
                cx.report_field(
                    self,
                    c,
                    &ng.availability_zones,
                    crate::msg!("rule-eks008-zone", group = super::node_group(ng), zone = zone),
                )
                .help(crate::msg!("rule-eks008-help"));
            } else if ng.availability_zones.is_unknown() && ng.subnets.is(|s| s.len() == 1) {
                cx.report_field(
                    self,
                    c,
                    &ng.subnets,
                    crate::msg!("rule-eks008-subnet", group = super::node_group(ng)),
                )
                .help(crate::msg!("rule-eks008-help-2"));
            }
        }
    }
}
