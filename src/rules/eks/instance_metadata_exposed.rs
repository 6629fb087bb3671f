use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags node groups that allow IMDSv1 or let pods reach the instance metadata service.
    ///
    /// ## Why is this bad?
    /// IMDSv1 answers plain GET requests, so any SSRF in a pod hands out the node role's
    /// credentials. With IMDSv2 and a hop limit of 2 or more, pods on the pod network can still
    /// fetch a token and the node's credentials, bypassing IRSA or Pod Identity.
    ///
    /// ## How to fix
    /// Require IMDSv2 (`httpTokens: required`; eksctl `disableIMDSv1: true`) and keep the hop
    /// limit at 1 unless a pod truly needs IMDS (eksctl `disablePodIMDS: true` blocks pods).
    ///
    /// ## Example
    /// ```yaml
    /// managedNodeGroups:
    ///   - name: workers
    ///     disableIMDSv1: false   # flagged
    /// ```
    pub struct InstanceMetadataExposed {
        code: "EKS010",
        name: "instance-metadata-exposed",
        group: Eks,
        severity: High,
        also_severity: [Medium],
        guide: ["G3.2"],
        references: [
            "nsa-cisa:cloud-metadata",
            "checkov:CKV_AWS_79",
            "checkov:CKV_AWS_341",
            "kubescape:C-0052",
        ],
    }
}

impl Rule for InstanceMetadataExposed {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        for ng in &c.node_groups {
            if ng.imds.v2_required.is_false() {
                cx.report_field(
                    self,
                    c,
                    &ng.imds.v2_required,
                    crate::msg!("rule-eks010-message", group = super::node_group(ng)),
                )
                .help(crate::msg!("rule-eks010-help", form = super::form(c, Some(ng))));
            } else if ng.imds.hop_limit.is(|h| *h > 1) && !ng.imds.pods_blocked.is_true() {
                let hops = ng.imds.hop_limit.value().copied().unwrap_or_default();
                cx.report_field(
                    self,
                    c,
                    &ng.imds.hop_limit,
                    crate::msg!("rule-eks010-hops", group = super::node_group(ng), hops = hops.to_string()),
                )
                .severity(crate::finding::Severity::Medium)
                .help(crate::msg!("rule-eks010-help-2"));
            }
        }
    }
}
