use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters whose public API endpoint accepts connections from any address.
    ///
    /// ## Why is this bad?
    /// With the public endpoint open to `0.0.0.0/0`, anyone on the internet can reach the
    /// Kubernetes API server: every stolen credential, token or authentication flaw is
    /// exploitable from anywhere. It is the EKS default unless CIDRs are set.
    ///
    /// ## How to fix
    /// Disable the public endpoint and use the private one, or restrict it to the addresses
    /// that need it (eksctl `vpc.publicAccessCIDRs`, Terraform `public_access_cidrs`).
    ///
    /// ## Example
    /// ```yaml
    /// vpc:
    ///   publicAccessCIDRs: ["0.0.0.0/0"]   # flagged
    /// ```
    pub struct PublicEndpointOpenToInternet {
        code: "EKS002",
        name: "public-endpoint-open-to-internet",
        group: Eks,
        severity: High,
        guide: ["G5.4"],
        references: [
            "cis-eks-1.8:5.4.1",
            "nsa-cisa:control-plane",
            "checkov:CKV_AWS_38",
            "trivy:AVD-AWS-0041",
            // An endpoint open to everyone is a public endpoint: the peers' "public access
            // enabled" checks fail on it too.
            "checkov:CKV_AWS_39",
            "trivy:AVD-AWS-0040",
        ],
    }
}

/// Whether a CIDR admits every address.
#[must_use]
pub fn is_open(cidr: &str) -> bool {
    matches!(cidr.trim(), "0.0.0.0/0" | "::/0")
}

impl Rule for PublicEndpointOpenToInternet {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        if !c.endpoint.public_access.is_true() {
            return;
        }
        let Some(cidrs) = c.endpoint.public_cidrs.value() else { return };
        if let Some(open) = cidrs.iter().find(|s| is_open(&s.value)) {
            let message = crate::msg!("rule-eks002-message", cluster = super::cluster(c), cidr = &open.value);
            let report = if c.endpoint.public_cidrs.is_default() {
                cx.report_field(self, c, &c.endpoint.public_cidrs, message)
            } else {
                cx.report_cluster(self, c, &open.at, message)
            };
            report.help(crate::msg!("rule-eks002-help", form = super::form(c, None)));
        }
    }
}
