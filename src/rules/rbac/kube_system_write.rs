//! RBAC016: subjects outside the platform that can change objects in kube-system.

use crate::analysis::rbac::resources;
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
                pr.api_groups.iter().find_map(|group| {
                    pr.resources
                        .iter()
                        .find(|res| writes_namespaced(&graph, group, res))
                        .map(|res| (r, res.clone()))
                })
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
                        role = role.label()
                    ),
                )
                .help(crate::msg!("rule-rbac016-help"))
                .note(crate::msg!(
                    "rule-rbac016-note",
                    binding = b.label(),
                    role = role.label(),
                    rule = graph.rule(rule).describe()
                ));
            }
        }
    }
}

/// Whether one `apiGroups` entry and one `resources` entry of a rule match a resource that lives
/// in a namespace, as RBAC matches them: `*` is every resource of the group, `*/sub` that
/// subresource of any, and anything else only itself (`*/*` and `pods/*` match only a
/// subresource named `*`, which none is). A built-in group serves only its own resources
/// (`configmaps` under `rbac.authorization.k8s.io` grants nothing); other groups may serve
/// namespaced custom resources.
fn writes_namespaced(graph: &Graph, group: &str, resource: &str) -> bool {
    let (name, sub) = resource.split_once('/').map_or((resource, None), |(a, b)| (a, Some(b)));
    if sub == Some("*") {
        return false;
    }
    let custom_group = group == "*" || !resources::is_builtin_group(group);
    if name == "*" {
        return custom_group || resources::has_namespaced(group);
    }
    if group == "*" {
        return resources::namespaced_in_any_group(name).unwrap_or(true);
    }
    if !custom_group && resources::is_namespaced(group, name).is_none() {
        return false;
    }
    graph.is_namespaced(&Request::resource("create", group, name, sub))
}
