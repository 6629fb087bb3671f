//! RBAC017: workloads whose mounted ServiceAccount token carries an escalation primitive.

use std::collections::HashMap;

use crate::analysis::rbac::escalation::{Hit, Primitive};
use crate::analysis::rbac::{Graph, Identity, Subject};
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags workloads whose pods mount the token of a ServiceAccount that can escalate.
    ///
    /// ## Why is this bad?
    /// Whoever gets code execution in the pod (a vulnerable dependency, an exposed debug endpoint)
    /// reads the token from `/var/run/secrets/kubernetes.io/serviceaccount` and holds every
    /// permission of the ServiceAccount. When those include cluster-admin rights, bind, escalate,
    /// impersonate, every Secret, nodes/proxy, token creation, CSR approval or webhook writes, one
    /// compromised pod is a compromised cluster. Group bindings (`system:serviceaccounts`) count.
    ///
    /// ## How to fix
    /// Give the workload its own ServiceAccount with only what it needs, and set
    /// `automountServiceAccountToken: false` when it does not call the API server.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   template:
    ///     spec:
    ///       serviceAccountName: deployer   # flagged: deployer is bound to cluster-admin
    /// ```
    pub struct WorkloadTokenEscalation {
        code: "RBAC017",
        name: "workload-token-escalation",
        group: Rbac,
        severity: High,
        also_severity: [Critical],
        guide: ["G4.1", "G5.4"],
        references: ["cis-eks-1.8:4.1.6", "kubescape:C-0053"],
    }
}

impl Rule for WorkloadTokenEscalation {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let graph = Graph::of(set);
        let mut by_sa: HashMap<Subject, Vec<Hit>> = HashMap::new();
        for w in graph.workloads.iter().filter(|w| w.token_mounted) {
            let sa = Subject::service_account(&w.namespace, &w.service_account);
            let hits =
                by_sa.entry(sa.clone()).or_insert_with(|| graph.dangerous_hits(&Identity::of(&sa))).clone();
            let Some(first) = hits.first() else { continue };
            let Some(object) = set.get(w.object) else { continue };
            let mut report = cx
                .report(
                    self,
                    object,
                    w.path.clone(),
                    crate::msg!(
                        "rule-rbac017-message",
                        account = sa.to_string(),
                        action = first.primitive.action(),
                        scope = first.scope.msg()
                    ),
                )
                .help(crate::msg!("rule-rbac017-help"));
            // Cluster-admin rights include every other primitive; one chain says it all.
            let shown = if first.primitive == Primitive::ClusterAdmin {
                std::slice::from_ref(first)
            } else {
                &hits[..]
            };
            for h in shown {
                report = report.note(graph.chain(sa.to_string(), h));
            }
            if first.primitive == Primitive::ClusterAdmin {
                let _ = report.severity(Severity::Critical);
            }
        }
    }
}
