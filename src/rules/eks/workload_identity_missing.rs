use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters with neither IRSA (an OIDC provider) nor EKS Pod Identity.
    ///
    /// ## Why is this bad?
    /// Without a workload identity mechanism, pods that call AWS use the node's instance role:
    /// every pod on the node gets every permission any of them needs, and long-lived access keys
    /// creep into manifests. eksctl does not create the OIDC provider unless asked.
    ///
    /// ## How to fix
    /// Create the IAM OIDC provider (eksctl `iam.withOIDC: true`) and give each application its
    /// own role through IRSA, or use EKS Pod Identity (the `eks-pod-identity-agent` add-on and
    /// `iam.podIdentityAssociations`).
    ///
    /// Not reported for a control plane on AWS Outposts, where neither `iam.withOIDC` nor
    /// add-ons (the Pod Identity agent is one) are supported.
    ///
    /// ## Example
    /// ```yaml
    /// iam:
    ///   withOIDC: false   # flagged
    /// ```
    pub struct WorkloadIdentityMissing {
        code: "EKS006",
        name: "workload-identity-missing",
        group: Eks,
        severity: Medium,
        guide: ["G3.2"],
        references: ["cis-eks-1.8:5.2.1"],
    }
}

impl Rule for WorkloadIdentityMissing {
    fn applies_on_outposts(&self) -> bool {
        false
    }

    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        if c.identity.oidc_provider.is_false() && c.identity.pod_identity.is(Vec::is_empty) {
            cx.report_field(
                self,
                c,
                &c.identity.oidc_provider,
                crate::msg!("rule-eks006-message", cluster = super::cluster(c)),
            )
            .help(crate::msg!("rule-eks006-help", form = super::form(c, None)));
        }
    }
}
