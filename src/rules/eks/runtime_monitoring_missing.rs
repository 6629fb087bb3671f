use crate::model::cluster::{Cluster, NodeGroupKind};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters with EC2 nodes but no GuardDuty runtime monitoring agent add-on.
    ///
    /// ## Why is this bad?
    /// Audit logs show API calls, not what runs inside containers: reverse shells, crypto
    /// miners and privilege escalation on the node are only seen by a runtime agent. GuardDuty
    /// can also deploy the agent itself (automated agent management) and Falco is an
    /// alternative, neither visible in a cluster definition, hence the low severity.
    ///
    /// ## How to fix
    /// Enable GuardDuty EKS Runtime Monitoring and add the `aws-guardduty-agent` add-on (it
    /// does not run on Fargate), or waive the rule where another runtime tool is deployed.
    ///
    /// Not reported for a control plane on AWS Outposts, where add-ons are not supported.
    ///
    /// ## Example
    /// ```yaml
    /// addons:   # flagged: no aws-guardduty-agent
    ///   - name: vpc-cni
    /// managedNodeGroups:
    ///   - name: workers
    /// ```
    pub struct RuntimeMonitoringMissing {
        code: "EKS023",
        name: "runtime-monitoring-missing",
        group: Eks,
        severity: Low,
        guide: ["G4.8"],
        references: [
            "nsa-cisa:threat-detection",
        ],
    }
}

impl Rule for RuntimeMonitoringMissing {
    fn applies_on_outposts(&self) -> bool {
        false
    }

    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        let ec2_nodes = c.node_groups.iter().any(|n| n.kind != NodeGroupKind::Fargate);
        // GuardDuty may install and manage the agent itself (EKS_ADDON_MANAGEMENT).
        if ec2_nodes
            && !c.addons.is_unknown()
            && c.addon("aws-guardduty-agent").is_none()
            && !c.guardduty_managed_agent.is_true()
        {
            cx.report_field(
                self,
                c,
                &c.addons,
                crate::msg!("rule-eks023-message", cluster = super::cluster(c)),
            )
            .help(crate::msg!("rule-eks023-help"));
        }
    }
}
