use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

use super::public_endpoint_open_to_internet::is_open;

crate::declare_rule! {
    /// Flags clusters with a public API endpoint restricted to some CIDRs.
    ///
    /// ## Why is this bad?
    /// A public endpoint, even behind an allow-list, keeps the API server reachable from the
    /// internet side of AWS; CIS 5.4.2 asks for the private endpoint only. Endpoints open to
    /// every address are reported by `public-endpoint-open-to-internet` instead.
    ///
    /// ## How to fix
    /// Turn the public endpoint off and reach the API through the VPC (VPN, bastion, SSM), with
    /// the private endpoint on.
    ///
    /// ## Example
    /// ```yaml
    /// vpc:
    ///   clusterEndpoints:
    ///     publicAccess: true   # flagged
    ///     privateAccess: true
    ///   publicAccessCIDRs: ["203.0.113.0/24"]
    /// ```
    pub struct PublicEndpoint {
        code: "EKS003",
        name: "public-endpoint",
        group: Eks,
        severity: Medium,
        guide: ["G5.4"],
        references: [
            "cis-eks-1.8:5.4.2",
            "nsa-cisa:control-plane",
            "checkov:CKV_AWS_39",
            "trivy:AVD-AWS-0040",
        ],
    }
}

impl Rule for PublicEndpoint {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        let open = c.endpoint.public_cidrs.items().any(|s| is_open(&s.value));
        if c.endpoint.public_access.is_true() && !open {
            cx.report_field(
                self,
                c,
                &c.endpoint.public_access,
                crate::msg!("rule-eks003-message", cluster = super::cluster(c)),
            )
            .help(crate::msg!("rule-eks003-help", form = super::form(c, None)));
        }
    }
}
