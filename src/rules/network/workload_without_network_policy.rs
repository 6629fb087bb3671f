use crate::analysis::netpol::Model;
use crate::document::FieldPath;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags workloads that no NetworkPolicy selects.
    ///
    /// ## Why is this bad?
    /// A pod that no NetworkPolicy selects is not isolated in either direction: every pod of
    /// the cluster and every outside address can connect to it, and it can connect anywhere.
    /// Segmentation as the guide asks for (backend reachable only from frontend) needs each
    /// workload covered by a policy, if only a namespace-wide default deny.
    ///
    /// ## How to fix
    /// Add a default-deny policy to the namespace (`podSelector: {}`), or a policy whose
    /// `podSelector` matches the workload's pod labels and allows only the traffic it needs.
    ///
    /// ## Example
    /// ```yaml
    /// kind: Deployment
    /// metadata: {name: api, namespace: shop}   # flagged when no policy selects app=api
    /// spec:
    ///   template:
    ///     metadata: {labels: {app: api}}
    /// ```
    pub struct WorkloadWithoutNetworkPolicy {
        code: "NET103",
        name: "workload-without-network-policy",
        group: Network,
        severity: Medium,
        guide: ["G4.4"],
        references: [
            "cis-eks-1.8:4.3.2",
            "nsa-cisa:network-policies",
            "kube-linter:non-isolated-pod",
            "checkov:CKV2_K8S_6",
            "trivy:KSV-0038",
            "kubescape:C-0030",
        ],
    }
}

impl Rule for WorkloadWithoutNetworkPolicy {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let model = Model::of(set);
        for w in &model.workloads {
            if model.selecting(w).next().is_some() {
                continue;
            }
            let Some(object) = set.get(w.object) else { continue };
            if w.host_network {
                // Policies pass host network pods by; say so rather than suggest a policy.
                let path = crate::model::Workload::of(object)
                    .map_or_else(FieldPath::root, |wl| wl.spec_path(&["hostNetwork"]));
                cx.report(
                    self,
                    object,
                    path,
                    crate::msg!("rule-net103-host-network", workload = w.id.to_string()),
                )
                .help(crate::msg!("rule-net103-help"));
                continue;
            }
            cx.report(
                self,
                object,
                FieldPath::parse("metadata.name"),
                crate::msg!("rule-net103-message", workload = w.id.to_string()),
            )
            .help(crate::msg!("rule-net103-help-2"));
        }
    }
}
