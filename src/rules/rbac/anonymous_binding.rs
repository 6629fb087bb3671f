//! RBAC003: bindings that grant permissions to anonymous or to every signed-in identity.

use crate::analysis::rbac::{Graph, SubjectKind};
use crate::document::FieldPath;
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags bindings to anonymous, unauthenticated or all authenticated identities.
    ///
    /// The subjects are `system:anonymous`, `system:unauthenticated` and `system:authenticated`.
    ///
    /// ## Why is this bad?
    /// `system:anonymous` and `system:unauthenticated` are anyone who can reach the API endpoint,
    /// without credentials. `system:authenticated` is every identity the cluster accepts: on EKS
    /// every mapped IAM principal, every node and every ServiceAccount of every pod. The defaults
    /// give these groups only discovery; anything more reaches far beyond its intended audience.
    ///
    /// ## How to fix
    /// Bind the role to the users, groups or ServiceAccounts that need it.
    ///
    /// ## Example
    /// ```yaml
    /// kind: ClusterRoleBinding
    /// subjects:
    ///   - {kind: Group, name: system:unauthenticated}   # flagged
    /// ```
    pub struct AnonymousBinding {
        code: "RBAC003",
        name: "anonymous-binding",
        group: Rbac,
        severity: Critical,
        also_severity: [Medium],
        guide: ["G4.1", "G5.4"],
        references: [
            "nsa-cisa:authentication",
            "trivy:KSV-01011",
            "trivy:KSV-0122",
            "kubescape:C-0262",
            "kubescape:C-0265",
        ],
    }
}

impl Rule for AnonymousBinding {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        // Only the input's own bindings are reported: without one (a review of a Pod), the graph
        // and the cluster's default roles in it are not built.
        let is_binding = |o: &crate::model::Object| {
            o.group() == "rbac.authorization.k8s.io"
                && matches!(o.kind.as_str(), "RoleBinding" | "ClusterRoleBinding")
        };
        if !set.iter().any(is_binding) {
            return;
        }
        let graph = Graph::of(set);
        for b in &graph.bindings {
            let Some(object) = b.object.and_then(|i| set.get(i)) else { continue };
            let role: crate::i18n::Arg = graph.role_of(b).map_or_else(
                || {
                    let role = format!("{:?} {}", b.role_kind, b.role_name);
                    crate::msg!("rule-rbac003-role-not-found", role = role).into()
                },
                crate::analysis::rbac::Role::label,
            );
            for (i, s) in b.subjects.iter().enumerate() {
                let everyone_signed_in = s.kind == SubjectKind::Group && s.name == "system:authenticated";
                if !s.is_anonymous() && !everyone_signed_in {
                    continue;
                }
                let path = FieldPath::root().key("subjects").index(i);
                let audience = if everyone_signed_in { "authenticated" } else { "anonymous" };
                let report = cx
                    .report(
                        self,
                        object,
                        path,
                        crate::msg!(
                            "rule-rbac003-message",
                            binding = b.kind_text(),
                            role = role.clone(),
                            audience = audience,
                            subject = s.to_string()
                        ),
                    )
                    .help(crate::msg!("rule-rbac003-help"));
                if everyone_signed_in {
                    let _ = report.severity(Severity::Medium);
                }
            }
        }
    }
}
