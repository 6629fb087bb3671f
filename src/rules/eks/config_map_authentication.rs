use crate::model::cluster::{AuthMode, Cluster};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters that authenticate only through the `aws-auth` ConfigMap.
    ///
    /// ## Why is this bad?
    /// The `aws-auth` ConfigMap is deprecated: a single malformed edit can lock everyone out, it
    /// is invisible to IAM, and anyone who can edit it in `kube-system` can make themselves
    /// admin. Access entries are managed through the EKS API, audited in CloudTrail and scoped
    /// with access policies. The raw API, Terraform and CloudFormation default to `CONFIG_MAP`.
    ///
    /// ## How to fix
    /// Switch the authentication mode to `API_AND_CONFIG_MAP`, migrate the mappings to access
    /// entries, then to `API`. The change is one-way.
    ///
    /// Not reported for a control plane on AWS Outposts, where CONFIG_MAP is the only mode EKS
    /// accepts.
    ///
    /// ## Example
    /// ```yaml
    /// accessConfig:
    ///   authenticationMode: CONFIG_MAP   # flagged
    /// ```
    pub struct ConfigMapAuthentication {
        code: "EKS013",
        name: "config-map-authentication",
        group: Eks,
        severity: Medium,
        guide: ["G4.2"],
        references: [
            "cis-eks-1.8:4.1.7",
            "nsa-cisa:authentication",
        ],
    }
}

impl Rule for ConfigMapAuthentication {
    fn applies_on_outposts(&self) -> bool {
        false
    }

    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        if c.access.mode.value() == Some(&AuthMode::ConfigMap) {
            cx.report_field(
                self,
                c,
                &c.access.mode,
                crate::msg!("rule-eks013-message", cluster = super::cluster(c)),
            )
            .help(crate::msg!("rule-eks013-help", form = super::form(c, None)));
        }
    }
}
