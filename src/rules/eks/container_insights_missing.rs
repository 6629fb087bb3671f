use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters without the Container Insights add-on (`amazon-cloudwatch-observability`).
    ///
    /// ## Why is this bad?
    /// Without node and pod metrics and container logs in CloudWatch there is nothing to alert
    /// on (CPU and memory thresholds, restarts) and little to investigate with. Other stacks
    /// (Prometheus, fluent-bit installed by Helm) can do the same job but are not visible in a
    /// cluster definition, hence the low severity.
    ///
    /// ## How to fix
    /// Add the `amazon-cloudwatch-observability` add-on, with an IRSA or Pod Identity role
    /// carrying `CloudWatchAgentServerPolicy`, or waive the rule where another stack is used.
    ///
    /// Not reported for a control plane on AWS Outposts, where add-ons are not supported.
    ///
    /// ## Example
    /// ```yaml
    /// addons:   # flagged: no amazon-cloudwatch-observability
    ///   - name: vpc-cni
    /// ```
    pub struct ContainerInsightsMissing {
        code: "EKS022",
        name: "container-insights-missing",
        group: Eks,
        severity: Low,
        guide: ["G3.5"],
        references: [],
    }
}

impl Rule for ContainerInsightsMissing {
    fn applies_on_outposts(&self) -> bool {
        false
    }

    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        if !c.addons.is_unknown() && c.addon("amazon-cloudwatch-observability").is_none() {
            cx.report_field(
                self,
                c,
                &c.addons,
                crate::msg!("rule-eks022-message", cluster = super::cluster(c)),
            )
            .help(crate::msg!("rule-eks022-help"));
        }
    }
}
