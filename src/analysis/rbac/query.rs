//! Questions asked of the graph: which bindings grant a request (and so who can do it), whether
//! an identity can, and every rule an identity holds. Each answer names the binding, the role and
//! the rule responsible.

use serde::Serialize;

use crate::i18n::Msg;

use super::authz::{Names, PolicyRule, Request, Target};
use super::identity::{Identity, Subject};
use super::resources;
use super::{BindingId, BindingKind, Graph, RuleRef, Scope};
use crate::document::Node;

/// Where a request is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Where {
    /// In one namespace: ClusterRoleBindings and that namespace's RoleBindings apply.
    Namespace(String),
    /// At cluster level (cluster-scoped resources, non-resource URLs, or a namespaced resource
    /// in every namespace): only ClusterRoleBindings apply.
    Cluster,
    /// In any namespace: every binding applies, each within its own scope.
    Anywhere,
}

/// One binding rule that grants a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    pub binding: BindingId,
    pub rule: RuleRef,
    pub scope: Scope,
}

/// Whether a request can be made inside a namespace at all (RoleBindings can only grant those).
/// Unknown resources (custom resources) are taken as namespaced.
#[must_use]
pub fn is_namespaced(request: &Request) -> bool {
    match &request.target {
        Target::NonResource(_) => false,
        Target::Resource { group, resource, .. } => resources::is_namespaced(group, resource).unwrap_or(true),
    }
}

impl Graph {
    /// Whether a request can be made inside a namespace: [`is_namespaced`], except for custom
    /// resources the input's CustomResourceDefinitions declare cluster-scoped.
    #[must_use]
    pub fn is_namespaced(&self, request: &Request) -> bool {
        match &request.target {
            Target::Resource { group, resource, .. }
                if self.cluster_scoped.contains(&(group.clone(), resource.clone())) =>
            {
                false
            }
            _ => is_namespaced(request),
        }
    }

    /// Every binding rule granting the request at `at`.
    #[must_use]
    pub fn grants(&self, request: &Request, at: &Where, names: Names) -> Vec<Grant> {
        // `get namespaces NAME` is made in namespace NAME, so RoleBindings there apply to it.
        let namespace_object = matches!(&request.target, Target::Resource { group, resource, name: Some(_), .. } if group.is_empty() && resource == "namespaces");
        let namespaced = self.is_namespaced(request) || namespace_object;
        let mut out = Vec::new();
        for (id, b) in self.bindings.iter().enumerate() {
            let applies = match (b.kind, at) {
                (BindingKind::ClusterRoleBinding, _) => true,
                (BindingKind::RoleBinding, Where::Namespace(ns)) => {
                    namespaced && b.namespace.as_ref() == Some(ns)
                }
                (BindingKind::RoleBinding, Where::Anywhere) => namespaced,
                (BindingKind::RoleBinding, Where::Cluster) => false,
            };
            let Some(role) = self.role_of(b).filter(|_| applies) else { continue };
            for &r in &role.effective {
                if self.rule(r).allows(request, names) {
                    out.push(Grant { binding: id, rule: r, scope: Graph::scope_of(b) });
                }
            }
        }
        out
    }

    /// The grants that apply to an identity.
    #[must_use]
    pub fn allowed(&self, identity: &Identity, request: &Request, at: &Where, names: Names) -> Vec<Grant> {
        self.grants(request, at, names)
            .into_iter()
            .filter(|g| {
                let b = self.binding(g.binding);
                b.subjects.iter().any(|s| identity.matches(s, b.namespace.as_deref()))
            })
            .collect()
    }

    /// Who can make a request: one entry per binding subject and rule, plus IAM principals mapped
    /// into a granted group or user name.
    #[must_use]
    pub fn who_can(&self, request: &Request, at: &Where) -> Vec<WhoCan> {
        let mut out = Vec::new();
        for g in self.grants(request, at, Names::Exact) {
            let b = self.binding(g.binding);
            for s in &b.subjects {
                out.push(self.who_can_entry(&g, s.kind_name(), &s.name, s.namespace.clone(), None));
            }
            for m in &self.mappings {
                let id = m.identity();
                if b.subjects.iter().any(|s| id.matches(s, b.namespace.as_deref())) {
                    let kind = match m.kind {
                        super::IamKind::Role => "IAMRole",
                        super::IamKind::User => "IAMUser",
                    };
                    out.push(self.who_can_entry(&g, kind, &m.arn, None, Some(m.source.clone())));
                }
            }
        }
        out.sort_by(|a, b| {
            (&a.kind, &a.namespace, &a.name, &a.binding).cmp(&(&b.kind, &b.namespace, &b.name, &b.binding))
        });
        out.dedup();
        out
    }

    fn who_can_entry(
        &self,
        g: &Grant,
        kind: &str,
        name: &str,
        namespace: Option<String>,
        via: Option<String>,
    ) -> WhoCan {
        let b = self.binding(g.binding);
        WhoCan {
            kind: kind.to_string(),
            name: name.to_string(),
            namespace,
            binding: b.to_string(),
            role: self.role_of(b).map(ToString::to_string).unwrap_or_default(),
            rule_from: self.rule_origin(b, g.rule),
            rule: self.rule(g.rule).clone(),
            scope: g.scope.clone(),
            via,
            marks: self.marks(b, g.rule),
        }
    }

    /// The marks of a binding, its role and the role a rule was aggregated from.
    fn marks(&self, b: &super::Binding, r: RuleRef) -> [Option<super::Mark>; 3] {
        let from = (b.role != Some(r.role)).then(|| self.role(r.role).mark()).flatten();
        [b.mark(), self.role_of(b).and_then(super::Role::mark), from]
    }

    /// The aggregated-from role, when a rule reached the binding's role through aggregation.
    #[must_use]
    pub fn rule_origin(&self, b: &super::Binding, r: RuleRef) -> Option<String> {
        (b.role != Some(r.role)).then(|| self.role(r.role).to_string())
    }

    /// [`Graph::rule_origin`] as a message argument, its mark in the reader's language.
    #[must_use]
    pub fn rule_origin_label(&self, b: &super::Binding, r: RuleRef) -> Option<crate::i18n::Arg> {
        (b.role != Some(r.role)).then(|| self.role(r.role).label())
    }

    /// Every rule an identity holds, with the binding and role that give it.
    #[must_use]
    pub fn rules_of(&self, identity: &Identity) -> Vec<EffectiveRule> {
        let mut out = Vec::new();
        for b in &self.bindings {
            if !b.subjects.iter().any(|s| identity.matches(s, b.namespace.as_deref())) {
                continue;
            }
            let Some(role) = self.role_of(b) else { continue };
            for &r in &role.effective {
                // A RoleBinding never grants non-resource URLs.
                if b.kind == BindingKind::RoleBinding && self.rule(r).resources.is_empty() {
                    continue;
                }
                out.push(EffectiveRule {
                    scope: Graph::scope_of(b),
                    binding: b.to_string(),
                    role: role.to_string(),
                    rule_from: self.rule_origin(b, r),
                    rule: self.rule(r).clone(),
                    marks: self.marks(b, r),
                });
            }
        }
        out
    }

    /// The identity a subject has, with groups from IAM mappings when the subject is a mapped
    /// user name.
    #[must_use]
    pub fn identity_of(&self, subject: &Subject) -> Identity {
        let mut id = Identity::of(subject);
        if subject.kind == super::SubjectKind::User {
            for m in self.mappings.iter().filter(|m| m.username.as_deref() == Some(subject.name.as_str())) {
                for g in &m.groups {
                    id.add_group(g);
                }
            }
        }
        id
    }

    /// The ServiceAccounts of the input that are members of a group (`system:serviceaccounts`,
    /// `system:serviceaccounts:NS`, `system:authenticated`): the members the input itself
    /// declares, for `who-can --expand-groups`. Users and IAM principals in a group are known
    /// only through the identity mappings, which `who_can` lists already.
    #[must_use]
    pub fn service_accounts_in(&self, group: &str) -> Vec<&super::ServiceAccountInfo> {
        self.service_accounts
            .iter()
            .filter(|sa| {
                let subject = Subject {
                    kind: super::SubjectKind::ServiceAccount,
                    name: sa.name.clone(),
                    namespace: Some(sa.namespace.clone()),
                };
                Identity::of(&subject).groups.iter().any(|g| g == group)
            })
            .collect()
    }

    /// The identity of an IAM principal through the mappings.
    #[must_use]
    pub fn identity_of_arn(&self, arn: &str) -> Option<(Identity, String)> {
        self.mappings.iter().find(|m| m.arn == arn).map(|m| (m.identity(), m.source.clone()))
    }
}

impl Subject {
    #[must_use]
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            super::SubjectKind::User => "User",
            super::SubjectKind::Group => "Group",
            super::SubjectKind::ServiceAccount => "ServiceAccount",
        }
    }
}

/// An answer line of `who-can`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WhoCan {
    pub kind: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    pub scope: Scope,
    pub binding: String,
    pub role: String,
    #[serde(rename = "ruleFrom", skip_serializing_if = "Option::is_none")]
    pub rule_from: Option<String>,
    pub rule: PolicyRule,
    /// The IAM mapping that gives this principal the bound identity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The marks of `binding`, `role` and `rule_from` (shown in the reader's language).
    #[serde(skip)]
    pub marks: [Option<super::Mark>; 3],
}

/// A rule held by a subject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EffectiveRule {
    pub scope: Scope,
    pub binding: String,
    pub role: String,
    #[serde(rename = "ruleFrom", skip_serializing_if = "Option::is_none")]
    pub rule_from: Option<String>,
    pub rule: PolicyRule,
    /// The marks of `binding`, `role` and `rule_from` (shown in the reader's language).
    #[serde(skip)]
    pub marks: [Option<super::Mark>; 3],
}

/// Refuses empty words (a verb, namespace or name from an unset variable).
pub fn check_words(verb: &str, name: Option<&str>, namespace: Option<&str>) -> Result<(), Msg> {
    if verb.is_empty() {
        return Err(crate::msg!("rbac-empty-verb"));
    }
    if namespace == Some("") {
        return Err(crate::msg!("rbac-empty-namespace"));
    }
    if name == Some("") {
        return Err(crate::msg!("rbac-empty-name"));
    }
    Ok(())
}

/// Whether a resource written on the command line may name a custom resource of the input:
/// not a URL, and no group given (`gateways`, `gateways/status`).
#[must_use]
pub fn may_name_input_resource(resource: &str) -> bool {
    let res = resource.split_once('/').map_or(resource, |(r, _)| r);
    !resource.starts_with('/') && !res.is_empty() && !res.contains('.')
}

/// Builds a request from command-line words: `VERB RESOURCE[/SUBRESOURCE]` where RESOURCE is a
/// built-in name (`pods`), `NAME.GROUP` (`deployments.apps`, `widgets.example.com`) or a
/// non-resource URL (`/metrics`), with an optional object name and namespace.
///
/// Without a namespace, a namespaced resource is asked about in any namespace; `get namespaces
/// NAME` is asked in namespace NAME, as the API server does.
pub fn parse_request(
    verb: &str,
    resource: &str,
    name: Option<&str>,
    namespace: Option<&str>,
) -> Result<(Request, Where), Msg> {
    check_words(verb, name, namespace)?;
    if resource.starts_with('/') {
        let req = Request { verb: verb.to_string(), target: Target::NonResource(resource.to_string()) };
        return Ok((req, Where::Cluster));
    }
    let (res, sub) = match resource.split_once('/') {
        Some((r, s)) if !s.is_empty() && !s.contains('/') => (r, Some(s)),
        Some(_) => return Err(crate::msg!("rbac-resource-form", resource = resource)),
        None => (resource, None),
    };
    let (res, group) = match res.split_once('.') {
        Some((r, g)) => (r.to_string(), g.to_string()),
        None => match resources::group_of(res) {
            Some(g) => (res.to_string(), g.to_string()),
            None => {
                return Err(crate::msg!("rbac-unknown-resource", resource = res));
            }
        },
    };
    if res.is_empty() {
        return Err(crate::msg!("rbac-resource-empty", resource = resource));
    }
    let req = Request {
        verb: verb.to_string(),
        target: Target::Resource {
            group: group.clone(),
            resource: res.clone(),
            subresource: sub.map(str::to_string),
            name: name.map(str::to_string),
        },
    };
    let at = match namespace {
        _ if !is_namespaced(&req) => {
            if res == "namespaces" && namespace.is_none() {
                name.map_or(Where::Cluster, |n| Where::Namespace(n.to_string()))
            } else if res == "namespaces" {
                namespace.map_or(Where::Cluster, |n| Where::Namespace(n.to_string()))
            } else {
                Where::Cluster
            }
        }
        Some(ns) => Where::Namespace(ns.to_string()),
        None => Where::Anywhere,
    };
    Ok((req, at))
}

/// A request as asked on the command line, resolved against the input: one [`Request`] per API
/// group the resource is served from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub requests: Vec<Request>,
    pub at: Where,
    /// The API groups a resource named without one (`gateways`) was matched in, from the
    /// input's own roles and CustomResourceDefinitions; empty for built-in resources and
    /// `RESOURCE.GROUP`.
    pub matched_groups: Vec<String>,
}

/// [`parse_request`], where a resource that is not built-in and is named without a group
/// (`gateways`, a custom resource) is looked up in the input: every API group whose rules in the
/// input's Roles and ClusterRoles name it, and the group of a CustomResourceDefinition serving
/// it. The question is then asked of each group.
pub fn parse_request_in(
    graph: &Graph,
    set: &crate::model::ObjectSet,
    verb: &str,
    resource: &str,
    name: Option<&str>,
    namespace: Option<&str>,
) -> Result<Asked, Msg> {
    check_words(verb, name, namespace)?;
    let unknown = match parse_request(verb, resource, name, namespace) {
        Ok((req, at)) => {
            // A custom resource the input declares cluster-scoped is asked about cluster-wide.
            let at = if is_namespaced(&req) && !graph.is_namespaced(&req) { Where::Cluster } else { at };
            return Ok(Asked { requests: vec![req], at, matched_groups: Vec::new() });
        }
        Err(e) => e,
    };
    if !may_name_input_resource(resource) {
        return Err(unknown);
    }
    let (res, sub) = resource.split_once('/').map_or((resource, None), |(r, s)| (r, Some(s)));
    let groups = groups_serving(graph, set, res);
    if groups.is_empty() {
        return Err(crate::msg!("rbac-unknown-resource-input", resource = res));
    }
    let mut requests = Vec::new();
    let mut at = None;
    for g in &groups {
        let qualified = match sub {
            Some(s) => format!("{res}.{g}/{s}"),
            None => format!("{res}.{g}"),
        };
        let (req, w) = parse_request(verb, &qualified, name, namespace)?;
        requests.push(req);
        at.get_or_insert(w);
    }
    // A cluster-scoped custom resource is asked about at cluster level, as a built-in one is.
    let at = match at {
        _ if requests.iter().all(|r| !graph.is_namespaced(r)) => Where::Cluster,
        Some(w) => w,
        None => Where::Anywhere,
    };
    Ok(Asked { requests, at, matched_groups: groups })
}

/// The API groups that serve a resource according to the input: named together with it in a
/// rule of a Role or ClusterRole (`*` names no group), or by a CustomResourceDefinition. Sorted.
#[must_use]
pub fn groups_serving(graph: &Graph, set: &crate::model::ObjectSet, resource: &str) -> Vec<String> {
    let mut out = std::collections::BTreeSet::new();
    for role in &graph.roles {
        for rule in &role.own_rules {
            let names = rule
                .resources
                .iter()
                .any(|r| r == resource || r.split_once('/').is_some_and(|(rr, _)| rr == resource));
            if names {
                out.extend(rule.api_groups.iter().filter(|g| *g != "*").cloned());
            }
        }
    }
    for crd in set.of_kind("apiextensions.k8s.io", "CustomResourceDefinition") {
        let plural = crd.root.get("spec").and_then(|s| s.get("names")).and_then(|n| n.get("plural"));
        let group = crd.root.get("spec").and_then(|s| s.get("group")).and_then(Node::as_str);
        if plural.and_then(Node::as_str) == Some(resource)
            && let Some(g) = group
        {
            out.insert(g.to_string());
        }
    }
    out.into_iter().collect()
}
