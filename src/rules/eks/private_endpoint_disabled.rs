use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters whose private API endpoint is disabled.
    ///
    /// ## Why is this bad?
    /// Without the private endpoint, nodes and everything else in the VPC talk to the API server
    /// through its public endpoint, over the internet path, and the public endpoint cannot be
    /// closed. CIS 5.4.2 asks for the private endpoint on and the public one off.
    ///
    /// ## How to fix
    /// Enable the private endpoint (eksctl `vpc.clusterEndpoints.privateAccess: true`,
    /// Terraform `endpoint_private_access = true`); the VPC needs DNS hostnames and support.
    ///
    /// ## Example
    /// ```yaml
    /// vpc:
    ///   clusterEndpoints:
    ///     privateAccess: false   # flagged
    /// ```
    pub struct PrivateEndpointDisabled {
        code: "EKS004",
        name: "private-endpoint-disabled",
        group: Eks,
        severity: Medium,
        guide: ["G5.4"],
        references: [
            "cis-eks-1.8:5.4.2",
            "nsa-cisa:control-plane",
        ],
    }
}

impl Rule for PrivateEndpointDisabled {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        if c.endpoint.private_access.is_false() {
            cx.report_field(
                self,
                c,
                &c.endpoint.private_access,
                crate::msg!("rule-eks004-message", cluster = super::cluster(c)),
            )
            .help(crate::msg!("rule-eks004-help", form = super::form(c, None)));
        }
    }
}
