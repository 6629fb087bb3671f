use crate::analysis::capacity;
use crate::model::ObjectSet;
use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters whose node groups, at their maximum size, cannot hold the pods the
    /// workloads of the same scan ask for, given the VPC CNI's max pods per instance type.
    ///
    /// ## Why is this bad?
    /// With the Amazon VPC CNI every pod takes an IP address from the node's ENIs, so a node
    /// holds at most `ENIs × (IPv4 per ENI − 1) + 2` pods — 17 on a t3.medium, whatever its CPU
    /// and memory. When the replicas of the workloads, plus one pod per DaemonSet on every node
    /// (including the VPC CNI and kube-proxy), exceed what the node groups hold at their maximum
    /// size, pods stay Pending and the Cluster Autoscaler cannot help. The guide's capacity
    /// figures overcount (it gives 18 for a t3.medium).
    ///
    /// ## How to fix
    /// Raise the node groups' maximum size, use instance types with more ENIs and addresses
    /// (`ladrillo max-pods --all` lists them), enable VPC CNI prefix delegation, or run fewer
    /// replicas. Only the secondary-IP mode is assumed; with prefix delegation the capacity is
    /// higher.
    ///
    /// ## Example
    /// ```yaml
    /// managedNodeGroups:
    ///   - name: workers
    ///     instanceType: t3.medium
    ///     maxSize: 2          # flagged with a Deployment of 40 replicas: 2 × (17 − 2) = 30 pods
    /// ```
    pub struct InsufficientPodCapacity {
        code: "EKS025",
        name: "insufficient-pod-capacity",
        group: Eks,
        severity: Medium,
        guide: ["G2.3", "G3.6"],
        references: [],
    }
}

impl Rule for InsufficientPodCapacity {
    fn check_cluster_objects(&self, cx: &mut Context<'_>, c: &Cluster, set: &ObjectSet) {
        // Auto Mode (like Karpenter) adds nodes on demand.
        if c.node_groups.is_empty() || c.auto_mode.is_true() {
            return;
        }
        let groups: Vec<_> = c.node_groups.iter().map(|ng| capacity::node_group(c, ng)).collect();
        // Fargate, Karpenter or an unknown size: the cluster may grow past any figure.
        if groups.iter().any(|g| g.capacity.is_none()) {
            return;
        }
        let demand = capacity::demand(set);
        if !demand.unknown.is_empty() || demand.total == 0 {
            return;
        }
        let Some(usable) = capacity::usable(&groups, demand.daemonsets.len()) else { return };
        if demand.total <= usable {
            return;
        }
        let biggest = c.node_groups.iter().zip(&groups).max_by_key(|(_, g)| g.capacity).map(|(ng, _)| ng);
        let Some(ng) = biggest else { return };
        let mut report = cx
            .report_field(
                self,
                c,
                &ng.scaling.max,
                crate::msg!(
                    "rule-eks025-message",
                    cluster = super::cluster(c),
                    total = demand.total.to_string(),
                    usable = usable.to_string()
                ),
            )
            .help(crate::msg!("rule-eks025-help"));
        for g in &groups {
            report = report.note(g.describe_msg());
        }
        report = report.note(crate::msg!(
            "rule-eks025-daemonsets",
            count = demand.daemonsets.len(),
            daemonsets = demand.daemonsets.join(", ")
        ));
        let top: Vec<String> = demand.workloads.iter().take(5).map(|(w, p)| format!("{w} ({p})")).collect();
        let more = demand.workloads.len().saturating_sub(5);
        let more: crate::i18n::Arg =
            if more > 0 { crate::msg!("rule-eks025-more", count = more).into() } else { "".into() };
        let _ = report.note(crate::msg!("rule-eks025-largest", workloads = top.join(", "), more = more));
    }
}
