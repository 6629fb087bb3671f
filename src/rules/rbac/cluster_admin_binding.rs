//! RBAC002: cluster-admin (or a role equal to it) bound to subjects that are not the platform's.

use crate::analysis::rbac::{BindingKind, Graph};
use crate::document::FieldPath;
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{iam_label, who};

crate::declare_rule! {
    /// Flags cluster-admin (or any `*` on `*` role) bound to non-system subjects.
    ///
    /// Also flags IAM principals that aws-auth maps to `system:masters`.
    ///
    /// ## Why is this bad?
    /// Full rights on every resource are rarely needed and make every credential of the subject a
    /// cluster takeover: a leaked CI token, a compromised pod running as the ServiceAccount, an IAM
    /// role assumed by too many people. `system:masters` is worse still: it bypasses RBAC entirely
    /// and cannot be revoked by editing bindings. A RoleBinding to such a role gives the same full
    /// control over one namespace.
    ///
    /// ## How to fix
    /// Bind a role with the permissions the subject needs; keep cluster-admin for break-glass
    /// identities. On EKS, replace `system:masters` mappings by access entries with scoped policies.
    ///
    /// ## Example
    /// ```yaml
    /// kind: ClusterRoleBinding
    /// roleRef: {kind: ClusterRole, name: cluster-admin}
    /// subjects:
    ///   - {kind: ServiceAccount, name: ci, namespace: tools}   # flagged
    /// ```
    pub struct ClusterAdminBinding {
        code: "RBAC002",
        name: "cluster-admin-binding",
        group: Rbac,
        severity: Critical,
        also_severity: [High],
        guide: ["G4.1", "G4.2", "G5.4"],
        references: [
            "cis-eks-1.8:4.1.1",
            "nsa-cisa:rbac",
            "kube-linter:cluster-admin-role-binding",
            "trivy:KSV-0111",
            "kubescape:C-0035",
        ],
    }
}

impl Rule for ClusterAdminBinding {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let graph = Graph::of(set);
        for (id, b) in graph.bindings.iter().enumerate() {
            let Some(object) = b.object.and_then(|i| set.get(i)) else { continue };
            let Some(role) = graph.role_of(b) else { continue };
            let Some(&rule) = role.effective.iter().find(|&&r| graph.rule(r).is_full_wildcard()) else {
                continue;
            };
            let hit = crate::analysis::rbac::escalation::Hit::new(
                crate::analysis::rbac::escalation::Primitive::ClusterAdmin,
                id,
                rule,
                Graph::scope_of(b),
            );
            for (i, subject) in b.subjects.iter().enumerate() {
                if subject.is_system() {
                    continue;
                }
                let path = FieldPath::root().key("subjects").index(i);
                let (message, severity) = match b.kind {
                    BindingKind::ClusterRoleBinding => {
                        (crate::msg!("rule-rbac002-cluster", who = who(subject), role = role.label()), None)
                    }
                    BindingKind::RoleBinding => (
                        crate::msg!(
                            "rule-rbac002-namespace",
                            who = who(subject),
                            role = role.label(),
                            namespace = b.namespace.as_deref().unwrap_or("default")
                        ),
                        Some(Severity::High),
                    ),
                };
                let report = cx
                    .report(self, object, path, message)
                    .help(crate::msg!("rule-rbac002-help"))
                    .note(graph.subject_chain(subject, &hit));
                if let Some(s) = severity {
                    let _ = report.severity(s);
                }
            }
        }
        for m in graph.mappings.iter().filter(|m| m.groups.iter().any(|g| g == "system:masters")) {
            let Some((index, path)) = &m.object else { continue };
            let Some(object) = set.get(*index) else { continue };
            cx.report(
                self,
                object,
                path.clone(),
                crate::msg!("rule-rbac002-masters", principal = iam_label(m), source = &m.source),
            )
            .help(crate::msg!("rule-rbac002-help-2"))
            .note(crate::msg!("rule-rbac002-masters-note"));
        }
    }
}
