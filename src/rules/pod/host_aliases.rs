use crate::document::Node;
use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags pods that write entries into their `/etc/hosts` with `hostAliases`.
    ///
    /// An empty `hostAliases` list is left alone.
    ///
    /// ## Why is this bad?
    /// `hostAliases` pins names to addresses inside the pod, out of sight of DNS, its logs and
    /// the cluster's network policy tooling: a name such as the registry, an AWS endpoint or a
    /// database can be sent to an address nobody reviews, and the entry silently goes stale when
    /// the real address changes. The kubelet manages the file, so changing it later means
    /// replacing the pod.
    ///
    /// ## How to fix
    /// Resolve names through DNS: a Service (an `ExternalName` Service for an outside name), a
    /// Route 53 private hosted zone, or CoreDNS configuration that is reviewed with the cluster.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   hostAliases:   # flagged
    ///     - ip: 10.0.0.12
    ///       hostnames: [db.internal]
    /// ```
    pub struct HostAliases {
        code: "POD024",
        name: "host-aliases",
        group: Pod,
        severity: Low,
        guide: [],
        references: ["trivy:KSV-0007"],
    }
}

impl Rule for HostAliases {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        let Some(aliases) = w.spec.and_then(|s| s.get("hostAliases")) else { return };
        if aliases.items().next().is_none() {
            return;
        }
        let names: Vec<&str> = aliases
            .items()
            .flat_map(|a| a.get("hostnames").into_iter().flat_map(Node::items))
            .filter_map(Node::as_str)
            .collect();
        let message = if names.is_empty() {
            crate::msg!("rule-pod024-no-names")
        } else {
            crate::msg!("rule-pod024-message", names = names.join(", "))
        };
        cx.report(self, w.object, w.spec_path(&["hostAliases"]), message)
            .help(crate::msg!("rule-pod024-help"));
    }
}
