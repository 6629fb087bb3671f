//! RBAC016: subjects outside the platform that can change objects in kube-system.

use crate::analysis::rbac::query::is_namespaced;
use crate::analysis::rbac::{BindingKind, Graph, Request};
use crate::document::FieldPath;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

use super::support::{is_kube_system_sa, who};

crate::declare_rule! {
    /// Flags subjects outside the platform that can change objects in `kube-system`.
    ///
    /// Users, groups and ServiceAccounts of other namespaces are covered.
    ///
    /// ## Why is this bad?
    /// `kube-system` holds the cluster's own components (CNI, DNS, kube-proxy, the aws-auth
    /// ConfigMap) and their highly privileged ServiceAccounts. Writing there means replacing them or
    /// running pods as their identities; the guide forbids create and delete in kube-system for
    /// everyone but the platform.
    ///
    /// ## How to fix
    /// Grant write rights in the application namespaces only; manage kube-system through the
    /// cluster's add-on tooling.
    ///
    /// ## Example
    /// ```yaml
    /// kind: RoleBinding
    /// metadata: {name: ops, namespace: kube-system}
    /// roleRef: {kind: ClusterRole, name: edit}
    /// subjects: [{kind: Group, name: ops}]   # flagged
    /// ```
    pub struct KubeSystemWrite {
        code: "RBAC016",
        name: "kube-system-write",
        group: Rbac,
        severity: Medium,
        guide: ["G4.1"],
        references: ["trivy:KSV-0115"],
    }
}

const WRITE: &[&str] = &["create", "update", "patch", "delete", "deletecollection", "*"];

impl Rule for KubeSystemWrite {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let graph = Graph::of(set);
        for b in &graph.bindings {
            let Some(object) = b.object.and_then(|i| set.get(i)) else { continue };
            if b.kind == BindingKind::RoleBinding && b.namespace.as_deref() != Some("kube-system") {
                continue;
            }
            let Some(role) = graph.role_of(b) else { continue };
            // The first written resource that can live in a namespace.
            let found = role.effective.iter().find_map(|&r| {
                let pr = graph.rule(r);
                if !pr.verbs.iter().any(|v| WRITE.contains(&v.as_str())) {
                    return None;
                }
                let group = pr.api_groups.first().map_or("", String::as_str);
                pr.resources
                    .iter()
                    .find(|res| {
                        let (name, sub) =
                            res.split_once('/').map_or((res.as_str(), None), |(a, b)| (a, Some(b)));
                        name == "*" || is_namespaced(&Request::resource("create", group, name, sub))
                    })
                    .map(|res| (r, res.clone()))
            });
            let Some((rule, resource)) = found else { continue };
            for (i, s) in b.subjects.iter().enumerate() {
                if s.is_system() || is_kube_system_sa(s) {
                    continue;
                }
                cx.report(
                    self,
                    object,
                    FieldPath::root().key("subjects").index(i),
                    crate::msg!(
                        "rule-rbac016-message",
                        who = who(s),
                        resource = &resource,
                        role = role.to_string()
                    ),
                )
                .help(crate::msg!("rule-rbac016-help"))
                .note(crate::msg!(
                    "rule-rbac016-note",
                    binding = b.to_string(),
                    role = role.to_string(),
                    rule = graph.rule(rule).describe()
                ));
            }
        }
    }
}
