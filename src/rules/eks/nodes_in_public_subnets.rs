use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags node groups whose nodes run in public subnets.
    ///
    /// ## Why is this bad?
    /// Nodes in public subnets get public IP addresses: every port opened by a security group,
    /// a NodePort service or a hostPort is reachable from the internet. eksctl puts nodes in
    /// public subnets unless `privateNetworking` is set. CIS 5.4.3 asks for private nodes.
    ///
    /// ## How to fix
    /// Run nodes in private subnets with a NAT gateway for egress (eksctl
    /// `privateNetworking: true`; private `subnet_ids` in Terraform; Karpenter
    /// `associatePublicIPAddress: false`), and expose workloads through load balancers.
    ///
    /// ## Example
    /// ```yaml
    /// managedNodeGroups:
    ///   - name: workers
    ///     privateNetworking: false   # flagged
    /// ```
    pub struct NodesInPublicSubnets {
        code: "EKS007",
        name: "nodes-in-public-subnets",
        group: Eks,
        severity: Medium,
        guide: ["G5.4"],
        references: [
            "cis-eks-1.8:5.4.3",
            "nsa-cisa:worker-node-segmentation",
        ],
    }
}

impl Rule for NodesInPublicSubnets {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        for ng in &c.node_groups {
            if ng.private_networking.is_false() {
                cx.report_field(
                    self,
                    c,
                    &ng.private_networking,
                    crate::msg!("rule-eks007-message", group = super::node_group(ng)),
                )
                .help(crate::msg!("rule-eks007-help", form = super::form(c, Some(ng))));
            }
        }
    }
}
