//! Pod capacity of an EKS cluster's node groups (nodes × VPC CNI max pods) against the pods the
//! workloads of the same scan ask for. Only what is known is counted: an unknown instance type,
//! maximum size or replica count makes the answer unknown, never a shortage.

use serde::Serialize;

use super::maxpods::{self, Ceiling, MaxPods, Networking};
use crate::model::cluster::{Cluster, NodeGroup, NodeGroupKind};
use crate::model::{ObjectSet, Workload};

/// DaemonSets every EKS node runs whether or not the scan contains them (the VPC CNI and
/// kube-proxy add-ons); the max-pods formula's `+ 2` reserves their slots.
const NODE_DAEMONS: &[&str] = &["aws-node", "kube-proxy"];

/// What one node group can hold.
#[derive(Clone, Debug, Serialize)]
pub struct NodeGroupCapacity {
    /// The cluster's name; `None` when the input does not say it.
    pub cluster: Option<String>,
    /// The file the node group is defined in, when there is one.
    pub file: Option<String>,
    /// The line it starts at in that file.
    pub line: Option<usize>,
    /// The node group's name; `None` when the input does not say it (AWS generates one).
    pub node_group: Option<String>,
    pub kind: &'static str,
    /// The instance type with the fewest pods per node, when known.
    pub instance_type: Option<String>,
    pub max_nodes: Option<i64>,
    /// Max pods per node (the larger value when it depends on an unknown vCPU count).
    pub pods_per_node: Option<u32>,
    /// `max_nodes × pods_per_node`; `None` when unknown or unbounded.
    pub capacity: Option<u64>,
    /// Why the capacity is unknown or unbounded, if it is (English, as machine outputs give it).
    pub note: Option<String>,
    /// The same as a message, for reports in the reader's language.
    #[serde(skip)]
    pub note_msg: Option<crate::i18n::Msg>,
}

impl NodeGroupCapacity {
    /// `managed node group "workers": 5 nodes × 17 pods (t3.medium) = 85 pods`, as a message for
    /// reports in the reader's language; a node group without a known name is named by its line.
    #[must_use]
    pub fn describe_msg(&self) -> crate::i18n::Msg {
        let kind = match self.kind {
            "managed node group" => "managed",
            "node group" => "self-managed",
            "Fargate profile" => "fargate",
            _ => "karpenter",
        };
        let which = match (&self.node_group, self.line) {
            (Some(name), _) => crate::msg!("eks-node-group-named", kind = kind, name = name),
            (None, Some(line)) => crate::msg!("capacity-group-at-line", kind = kind, line = line.to_string()),
            (None, None) => crate::msg!("capacity-group-unnamed", kind = kind),
        };
        match (self.max_nodes, self.pods_per_node, self.capacity) {
            (Some(n), Some(p), Some(c)) => crate::msg!(
                "capacity-group-fit",
                group = which,
                nodes = n.to_string(),
                pods = p.to_string(),
                instance = self.instance_type.as_deref().map(|t| format!(" ({t})")).unwrap_or_default(),
                capacity = c.to_string()
            ),
            _ => crate::msg!(
                "capacity-group-note",
                group = which,
                note = self.note_msg.clone().unwrap_or_else(|| crate::msg!("capacity-note-unknown"))
            ),
        }
    }

    /// `cluster "prod"`, or `cluster (name not set in the input)`, as a message.
    #[must_use]
    pub fn describe_cluster(&self) -> crate::i18n::Msg {
        match &self.cluster {
            Some(name) => crate::msg!("eks-cluster-named", name = name),
            None => crate::msg!("capacity-cluster-unnamed"),
        }
    }

    /// Says why the capacity is unknown or unbounded.
    fn unknown(&mut self, why: crate::i18n::Msg) {
        self.note = Some(why.render(crate::i18n::Lang::En));
        self.note_msg = Some(why);
    }
}

/// The capacity of one node group, assuming the VPC CNI's default secondary-IP mode.
#[must_use]
pub fn node_group(cluster: &Cluster, ng: &NodeGroup) -> NodeGroupCapacity {
    let mut out = NodeGroupCapacity {
        cluster: cluster.name.value().filter(|n| !n.is_empty()).cloned(),
        file: ng.at.file.as_ref().map(|f| f.display.clone()),
        line: ng.at.file.as_ref().map(|f| f.position(ng.at.span.start).line),
        node_group: ng.name.value().filter(|n| !n.is_empty()).cloned(),
        kind: ng.kind.describe(),
        instance_type: None,
        max_nodes: ng.scaling.max.value().copied(),
        pods_per_node: None,
        capacity: None,
        note: None,
        note_msg: None,
    };
    let ceiling = match ng.kind {
        NodeGroupKind::Fargate => {
            out.unknown(crate::msg!("capacity-note-fargate"));
            return out;
        }
        NodeGroupKind::Karpenter => {
            out.unknown(crate::msg!("capacity-note-karpenter"));
            return out;
        }
        NodeGroupKind::Managed => Ceiling::ManagedNodeGroup,
        NodeGroupKind::SelfManaged => Ceiling::None,
    };
    let Some(types) = ng.instance_types.value().filter(|t| !t.is_empty()) else {
        out.unknown(crate::msg!("capacity-note-no-instance-types"));
        return out;
    };
    let mut smallest: Option<(u32, &str)> = None;
    for t in types {
        let per_node = maxpods::lookup(t).map(|it| it.max_pods(Networking::default(), ceiling));
        let per_node = match per_node {
            Some(MaxPods::Exact(n)) => n,
            Some(MaxPods::DependsOnVcpus { over_30_vcpus, .. }) => over_30_vcpus,
            _ => {
                out.unknown(crate::msg!("capacity-note-no-eni-data", instance_type = t.as_str()));
                return out;
            }
        };
        if smallest.is_none_or(|(n, _)| per_node < n) {
            smallest = Some((per_node, t));
        }
    }
    let Some((per_node, t)) = smallest else { return out };
    out.instance_type = Some(t.to_string());
    out.pods_per_node = Some(per_node);
    match out.max_nodes {
        Some(n) if n >= 0 => out.capacity = Some(u64::try_from(n).unwrap_or(0) * u64::from(per_node)),
        _ => out.unknown(crate::msg!("capacity-note-no-max-size")),
    }
    out
}

/// Pods the workloads of a scan ask for.
#[derive(Clone, Debug, Default)]
pub struct Demand {
    /// Pods of non-DaemonSet workloads, largest first: (description, pods).
    pub workloads: Vec<(String, u64)>,
    pub total: u64,
    /// DaemonSets, each taking one slot on every node (the EKS node daemons included).
    pub daemonsets: Vec<String>,
    /// Workloads whose pod count could not be read.
    pub unknown: Vec<String>,
}

/// What the workloads of the set ask for.
#[must_use]
pub fn demand(set: &ObjectSet) -> Demand {
    let mut d = Demand::default();
    for o in set.iter() {
        let Some(w) = Workload::of(o) else { continue };
        let what = format!("{} {}", o.kind, o.name);
        let pods = match o.kind.as_str() {
            "DaemonSet" => {
                d.daemonsets.push(o.name.to_string());
                continue;
            }
            "PodTemplate" => continue,
            "Pod" => Some(1),
            "Job" | "CronJob" => {
                let spec =
                    if o.kind == "CronJob" { o.root.at(&["spec", "jobTemplate", "spec"]) } else { o.spec() };
                match spec.and_then(|s| s.get("parallelism")) {
                    None => Some(1),
                    Some(p) => p.as_i64(),
                }
            }
            _ => match o.spec().and_then(|s| s.get("replicas")) {
                None => Some(1),
                Some(r) => r.as_i64(),
            },
        };
        let _ = w;
        match pods.and_then(|p| u64::try_from(p).ok()) {
            Some(p) => {
                d.total += p;
                d.workloads.push((what, p));
            }
            None => d.unknown.push(what),
        }
    }
    for daemon in NODE_DAEMONS {
        if !d.daemonsets.iter().any(|n| n == daemon) {
            d.daemonsets.push((*daemon).to_string());
        }
    }
    d.workloads.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    d
}

/// The capacity left for non-DaemonSet pods: every node gives up one slot per DaemonSet.
#[must_use]
pub fn usable(groups: &[NodeGroupCapacity], daemonsets: usize) -> Option<u64> {
    let mut total = 0u64;
    for g in groups {
        let (Some(nodes), Some(per_node)) = (g.max_nodes, g.pods_per_node) else { return None };
        let free = u64::from(per_node).saturating_sub(daemonsets as u64);
        total += u64::try_from(nodes).unwrap_or(0) * free;
    }
    Some(total)
}
