//! RBAC008: subjects that can create pods where a more privileged ServiceAccount lives.

use std::collections::HashMap;

use crate::analysis::rbac::escalation::{Hit, Primitive};
use crate::analysis::rbac::{Graph, Identity, Scope, ServiceAccountInfo, Subject};
use crate::document::FieldPath;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::who;

crate::declare_rule! {
    /// Flags subjects that can create pods where a more privileged ServiceAccount lives.
    ///
    /// Pod controllers (Deployments, Jobs, …) count as pods; "more privileged" means the
    /// ServiceAccount holds a dangerous permission the subject lacks.
    ///
    /// ## Why is this bad?
    /// A pod may run as any ServiceAccount of its namespace, and no permission on the
    /// ServiceAccount is checked. Whoever can create a pod, Deployment, Job or other controller
    /// there can run one as the privileged ServiceAccount and read its token, gaining everything it
    /// has. "Dangerous" means any of: cluster-admin rights, escalate or bind (with their
    /// preconditions), impersonate, secrets in every namespace, nodes/proxy, token creation, CSR
    /// approval, webhook configuration writes.
    ///
    /// ## How to fix
    /// Keep privileged ServiceAccounts in namespaces where only administrators create workloads, or
    /// remove the pod-creating permission from the subject.
    ///
    /// ## Example
    /// ```yaml
    /// # Role in namespace ci lets developers create Deployments, and the
    /// # ServiceAccount ci/deployer is bound to cluster-admin: flagged on the developers' binding.
    /// ```
    pub struct PodCreateTokenTheft {
        code: "RBAC008",
        name: "pod-create-token-theft",
        group: Rbac,
        severity: High,
        guide: ["G4.1", "G5.4"],
        references: [
            "cis-eks-1.8:4.1.4",
            "nsa-cisa:rbac",
            "kube-linter:access-to-create-pods",
            "trivy:KSV-0048",
        ],
    }
}

impl Rule for PodCreateTokenTheft {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let graph = Graph::of(set);
        // Each identity's primitives are computed once per scan.
        let mut sa_hits: HashMap<(String, String), Vec<Hit>> = HashMap::new();
        let mut held_by: HashMap<Subject, Vec<(Primitive, Scope)>> = HashMap::new();
        // The ServiceAccounts a pod creator can run pods as, by namespace, in graph order.
        let all_accounts: Vec<&ServiceAccountInfo> = graph.service_accounts.iter().collect();
        let mut accounts_by_ns: HashMap<&str, Vec<&ServiceAccountInfo>> = HashMap::new();
        for sa in &graph.service_accounts {
            accounts_by_ns.entry(sa.namespace.as_str()).or_default().push(sa);
        }
        for (id, b) in graph.bindings.iter().enumerate() {
            let Some(object) = b.object.and_then(|i| set.get(i)) else { continue };
            let Some(create) = graph.binding_hit(id, Primitive::PodCreate) else { continue };
            for (i, subject) in b.subjects.iter().enumerate() {
                if subject.is_system() {
                    continue;
                }
                let held = held_by
                    .entry(subject.clone())
                    .or_insert_with(|| {
                        graph
                            .dangerous_hits(&graph.identity_of(subject))
                            .iter()
                            .map(|h| (h.primitive, h.scope.clone()))
                            .collect()
                    })
                    .clone();
                let mut best: Option<(Subject, Vec<Hit>)> = None;
                let in_scope: &[&ServiceAccountInfo] = match &create.scope {
                    Scope::Cluster => &all_accounts,
                    Scope::Namespace(ns) => accounts_by_ns.get(ns.as_str()).map_or(&[], Vec::as_slice),
                };
                for sa in in_scope {
                    let sa_subject = Subject::service_account(&sa.namespace, &sa.name);
                    if sa_subject == *subject {
                        continue;
                    }
                    let hits = sa_hits
                        .entry((sa.namespace.clone(), sa.name.clone()))
                        .or_insert_with(|| graph.dangerous_hits(&Identity::of(&sa_subject)));
                    // Gained: a primitive the subject lacks, or holds only in a narrower scope.
                    let gained: Vec<Hit> = hits
                        .iter()
                        .filter(|h| {
                            !held.iter().any(|(p, scope)| {
                                *p == h.primitive && (*scope == Scope::Cluster || *scope == h.scope)
                            })
                        })
                        .cloned()
                        .collect();
                    if !gained.is_empty() && best.as_ref().is_none_or(|(_, g)| gained.len() > g.len()) {
                        best = Some((sa_subject, gained));
                    }
                }
                let Some((sa, gained)) = best else { continue };
                let Some(first) = gained.first() else { continue };
                let message = crate::msg!(
                    "rule-rbac008-message",
                    who = who(subject),
                    action = Primitive::PodCreate.action(),
                    scope = create.scope.msg(),
                    account = sa.to_string(),
                    gained = first.primitive.action(),
                    gained_scope = first.scope.msg()
                );
                let mut report = cx
                    .report(self, object, FieldPath::root().key("subjects").index(i), message)
                    .help(crate::msg!("rule-rbac008-help"))
                    .note(graph.subject_chain(subject, &create));
                for h in &gained {
                    report =
                        report.note(graph.chain(crate::msg!("rbac-then-as", account = sa.to_string()), h));
                }
            }
        }
    }
}
