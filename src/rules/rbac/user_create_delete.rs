//! RBAC015: people (users and groups) bound to roles that create or delete objects.

use crate::analysis::rbac::Graph;
use crate::document::FieldPath;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{is_human, who};

crate::declare_rule! {
    /// Flags users and groups bound to a role that can create or delete objects.
    ///
    /// ## Why is this bad?
    /// The guide's least-privilege model gives developers `get`, `list` and `watch` in their own
    /// namespaces; changes reach the cluster through a pipeline whose identity is audited and
    /// reviewed. People holding create and delete rights change production by hand, and their
    /// credentials become a path to those changes.
    ///
    /// ## How to fix
    /// Bind people to read-only roles (`view`, or a Role with get/list/watch) and let a deployment
    /// pipeline's ServiceAccount write. Waive the finding for administrators' break-glass groups.
    ///
    /// ## Example
    /// ```yaml
    /// kind: RoleBinding
    /// roleRef: {kind: ClusterRole, name: edit}
    /// subjects:
    ///   - {kind: Group, name: developers}   # flagged
    /// ```
    pub struct UserCreateDelete {
        code: "RBAC015",
        name: "user-create-delete",
        group: Rbac,
        severity: Low,
        guide: ["G4.1"],
        references: ["kubescape:C-0007"],
    }
}

const CHANGE: &[&str] = &["create", "delete", "deletecollection", "*"];

impl Rule for UserCreateDelete {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let graph = Graph::of(set);
        for b in &graph.bindings {
            let Some(object) = b.object.and_then(|i| set.get(i)) else { continue };
            let Some(role) = graph.role_of(b) else { continue };
            let Some(&rule) = role.effective.iter().find(|&&r| {
                let pr = graph.rule(r);
                !pr.resources.is_empty() && pr.verbs.iter().any(|v| CHANGE.contains(&v.as_str()))
            }) else {
                continue;
            };
            let scope = Graph::scope_of(b);
            for (i, s) in b.subjects.iter().enumerate().filter(|(_, s)| is_human(s)) {
                let from: crate::i18n::Arg = graph
                    .rule_origin_label(b, rule)
                    .map_or_else(|| "".into(), |o| crate::msg!("rbac-aggregated-from", origin = o).into());
                cx.report(
                    self,
                    object,
                    FieldPath::root().key("subjects").index(i),
                    crate::msg!(
                        "rule-rbac015-message",
                        who = who(s),
                        scope = scope.msg(),
                        role = role.label()
                    ),
                )
                .help(crate::msg!("rule-rbac015-help"))
                .note(crate::msg!(
                    "rule-rbac015-note",
                    rule = graph.rule(rule).describe(),
                    from = from
                ));
            }
        }
    }
}
