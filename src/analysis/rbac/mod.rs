//! RBAC effective permissions, offline: a graph of Roles, ClusterRoles (aggregation resolved),
//! bindings, ServiceAccounts, workloads and EKS IAM mappings, built once per object set from the
//! manifests plus the cluster's default roles, then queried with the authorizer's exact matching
//! (who can, can I, a subject's rules) and searched for privilege-escalation paths.

pub mod authz;
pub mod escalation;
pub mod identity;
pub mod query;
pub mod resources;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::document::node::CompactString;
use crate::document::{FieldPath, Node, yaml};
use crate::i18n::Msg;
use crate::model::selector::LabelSelector;
use crate::model::{Object, ObjectSet, Workload};

pub use authz::{Names, PolicyRule, Request, Target};
pub use identity::{IamKind, Identity, IdentityMapping, Subject, SubjectKind};

/// The default roles and bindings every cluster has (Kubernetes v1.31 bootstrap policy).
pub const DEFAULTS_YAML: &str = include_str!("defaults.yaml");

pub type RoleId = usize;
pub type BindingId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum RoleKind {
    Role,
    ClusterRole,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum BindingKind {
    RoleBinding,
    ClusterRoleBinding,
}

/// A Role or ClusterRole.
#[derive(Debug)]
pub struct Role {
    pub kind: RoleKind,
    pub name: String,
    pub namespace: Option<String>,
    /// Index in the object set; `None` for a built-in default.
    pub object: Option<usize>,
    pub labels: crate::model::selector::Labels,
    /// The `rules` as written.
    pub own_rules: Vec<PolicyRule>,
    /// `aggregationRule.clusterRoleSelectors`, when the ClusterRole is aggregated (valid ones only).
    pub aggregation: Option<Vec<LabelSelector>>,
    /// `clusterRoleSelectors` items that cannot be read.
    pub invalid_selectors: Vec<InvalidSelector>,
    /// Effective rules: its own, or for an aggregated role those of every selected ClusterRole.
    pub effective: Vec<RuleRef>,
}

/// A rule of some role: `roles[role].own_rules[index]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleRef {
    pub role: RoleId,
    pub index: usize,
}

/// A RoleBinding or ClusterRoleBinding.
#[derive(Debug)]
pub struct Binding {
    pub kind: BindingKind,
    pub name: String,
    pub namespace: Option<String>,
    pub object: Option<usize>,
    pub role_kind: RoleKind,
    pub role_name: String,
    /// The role it grants, when it exists (in the manifests or the defaults).
    pub role: Option<RoleId>,
    pub subjects: Vec<Subject>,
}

/// A ServiceAccount known to exist: declared, or the `default` of a namespace in use.
#[derive(Clone, Debug)]
pub struct ServiceAccountInfo {
    pub namespace: String,
    pub name: String,
    pub object: Option<usize>,
    /// `automountServiceAccountToken` on the ServiceAccount, when set.
    pub automount: Option<bool>,
}

/// A pod-bearing object and the ServiceAccount its pods run as. One per workload of the input
/// (hundreds of thousands in a large one): names are kept inline and the path shared.
#[derive(Clone, Debug)]
pub struct WorkloadInfo {
    pub object: usize,
    pub namespace: CompactString,
    pub service_account: CompactString,
    /// Whether the pods get an API token: automount (pod setting, else the ServiceAccount's,
    /// else true) or a projected `serviceAccountToken` volume.
    pub token_mounted: bool,
    /// Path to `serviceAccountName` (or the pod spec when unset).
    pub path: FieldPath,
}

/// An `aggregationRule.clusterRoleSelectors` item the API server would reject. It aggregates
/// nothing here (the server refuses the whole ClusterRole) and is listed for reporting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidSelector {
    pub path: FieldPath,
    pub message: Msg,
}

/// Where a grant applies.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Every namespace and the cluster-scoped resources (a ClusterRoleBinding).
    Cluster,
    /// One namespace (a RoleBinding).
    Namespace(String),
}

impl Scope {
    /// The scope in messages: `cluster-wide`, `in namespace team-a`.
    #[must_use]
    pub fn msg(&self) -> crate::i18n::Msg {
        match self {
            Self::Cluster => crate::msg!("rbac-scope-cluster"),
            Self::Namespace(ns) => crate::msg!("rbac-scope-namespace", namespace = ns),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Cluster => f.write_str("cluster-wide"),
            Self::Namespace(ns) => write!(f, "in namespace {ns}"),
        }
    }
}

/// The RBAC graph of one object set.
#[derive(Debug, Default)]
pub struct Graph {
    pub roles: Vec<Role>,
    pub bindings: Vec<Binding>,
    pub service_accounts: Vec<ServiceAccountInfo>,
    pub workloads: Vec<WorkloadInfo>,
    /// IAM principals mapped to Kubernetes identities (aws-auth, plus any given to
    /// [`Graph::build_with`]).
    pub mappings: Vec<IdentityMapping>,
    /// Custom resources the input's CustomResourceDefinitions declare cluster-scoped, as
    /// `(group, plural)`: RoleBindings cannot grant them (other custom resources are taken as
    /// namespaced).
    pub cluster_scoped: BTreeSet<(String, String)>,
    cluster_roles: HashMap<String, RoleId>,
    roles_by_ns: HashMap<(String, String), RoleId>,
    /// The bindings naming each user and group, built on first use (after the graph is built).
    subject_index: std::sync::OnceLock<SubjectIndex>,
}

/// Binding ids by the user name or group a subject stands for: a ServiceAccount subject is the
/// user `system:serviceaccount:<namespace>:<name>`, as [`Identity::matches`] reads it.
#[derive(Debug, Default)]
struct SubjectIndex {
    users: HashMap<String, Vec<usize>>,
    groups: HashMap<String, Vec<usize>>,
}

impl SubjectIndex {
    fn build(bindings: &[Binding]) -> Self {
        let mut index = Self::default();
        for (id, b) in bindings.iter().enumerate() {
            for s in &b.subjects {
                let ids = match s.kind {
                    SubjectKind::User => index.users.entry(s.name.clone()).or_default(),
                    SubjectKind::Group => index.groups.entry(s.name.clone()).or_default(),
                    SubjectKind::ServiceAccount => {
                        let Some(ns) =
                            s.namespace.as_deref().filter(|n| !n.is_empty()).or(b.namespace.as_deref())
                        else {
                            continue;
                        };
                        index.users.entry(format!("system:serviceaccount:{ns}:{}", s.name)).or_default()
                    }
                };
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
        }
        index
    }
}

impl Graph {
    /// Ids of the bindings with a subject that covers an identity, ascending: the same bindings
    /// as testing [`Identity::matches`] on every subject of every binding, looked up by name.
    #[must_use]
    pub fn bindings_of(&self, identity: &Identity) -> Vec<usize> {
        let index = self.subject_index.get_or_init(|| SubjectIndex::build(&self.bindings));
        let mut ids: Vec<usize> = identity
            .user
            .iter()
            .filter_map(|u| index.users.get(u))
            .chain(identity.groups.iter().filter_map(|g| index.groups.get(g)))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The graph of a set, built once and shared by every rule of the run: its objects, the
    /// cluster's default roles, and the EKS access entries of the set's clusters.
    #[must_use]
    pub fn of(set: &ObjectSet) -> Arc<Graph> {
        set.analysis(|s| Graph::build_with(s, &access_entry_mappings(s.clusters())))
    }

    /// Builds the graph from a set plus identity mappings from elsewhere (EKS access entries,
    /// whose access policies map to the equivalent default ClusterRoles); aws-auth ConfigMaps in
    /// the set are always read.
    #[must_use]
    pub fn build_with(set: &ObjectSet, extra_mappings: &[IdentityMapping]) -> Graph {
        let mut g = Graph::default();
        // Manifests first, so a manifest replaces a default of the same kind and name.
        let mut seen_cluster_bindings = BTreeSet::new();
        for o in set.iter() {
            g.add_object(o, Some(o.index), &mut seen_cluster_bindings);
        }
        for o in defaults().iter() {
            g.add_object(o, None, &mut seen_cluster_bindings);
        }
        for o in &access_policy_bindings(extra_mappings) {
            g.add_object(o, None, &mut seen_cluster_bindings);
        }
        g.resolve_aggregation();
        for b in &mut g.bindings {
            b.role = match b.role_kind {
                RoleKind::ClusterRole => g.cluster_roles.get(&b.role_name).copied(),
                RoleKind::Role => b
                    .namespace
                    .as_ref()
                    .and_then(|ns| g.roles_by_ns.get(&(ns.clone(), b.role_name.clone())).copied()),
            };
        }
        g.add_service_accounts(set);
        g.cluster_scoped = cluster_scoped_custom_resources(set);
        g.mappings = identity::aws_auth_mappings(set);
        g.mappings.extend(extra_mappings.iter().cloned());
        g
    }

    fn add_object(
        &mut self,
        o: &Object,
        index: Option<usize>,
        seen: &mut BTreeSet<(BindingKind, String, String)>,
    ) {
        let rbac = o.group() == "rbac.authorization.k8s.io";
        match o.kind.as_str() {
            "Role" | "ClusterRole" if rbac => {
                let kind = if o.kind == "Role" { RoleKind::Role } else { RoleKind::ClusterRole };
                let namespace = (kind == RoleKind::Role)
                    .then(|| o.effective_namespace().unwrap_or("default").to_string());
                let exists = match &namespace {
                    None => self.cluster_roles.contains_key(o.name.as_str()),
                    Some(ns) => self.roles_by_ns.contains_key(&(ns.clone(), o.name.to_string())),
                };
                // A later manifest wins over an earlier one, as with `kubectl apply`; defaults never
                // replace manifests.
                if exists && index.is_none() {
                    return;
                }
                let (aggregation, invalid_selectors) = match o
                    .root
                    .at(&["aggregationRule", "clusterRoleSelectors"])
                    .filter(|_| kind == RoleKind::ClusterRole)
                {
                    Some(n) => {
                        let (sels, invalid) = aggregation_selectors(n);
                        (Some(sels), invalid)
                    }
                    None => (None, Vec::new()),
                };
                let role = Role {
                    kind,
                    name: o.name.to_string(),
                    namespace: namespace.clone(),
                    object: index,
                    labels: o
                        .labels()
                        .into_iter()
                        .flat_map(Node::entries)
                        .map(|(k, v)| (k.to_string(), v.string_map_value().unwrap_or_default()))
                        .collect(),
                    own_rules: o
                        .root
                        .get("rules")
                        .into_iter()
                        .flat_map(Node::items)
                        .map(parse_rule)
                        .collect(),
                    aggregation,
                    invalid_selectors,
                    effective: Vec::new(),
                };
                let id = match &namespace {
                    None => self.cluster_roles.get(o.name.as_str()).copied(),
                    Some(ns) => self.roles_by_ns.get(&(ns.clone(), o.name.to_string())).copied(),
                };
                match id {
                    Some(id) => {
                        if let Some(slot) = self.roles.get_mut(id) {
                            *slot = role;
                        }
                    }
                    None => {
                        let id = self.roles.len();
                        match namespace {
                            None => self.cluster_roles.insert(o.name.to_string(), id),
                            Some(ns) => self.roles_by_ns.insert((ns, o.name.to_string()), id),
                        };
                        self.roles.push(role);
                    }
                }
            }
            "RoleBinding" | "ClusterRoleBinding" if rbac => {
                let kind = if o.kind == "RoleBinding" {
                    BindingKind::RoleBinding
                } else {
                    BindingKind::ClusterRoleBinding
                };
                let namespace = (kind == BindingKind::RoleBinding)
                    .then(|| o.effective_namespace().unwrap_or("default").to_string());
                let key = (kind, namespace.clone().unwrap_or_default(), o.name.to_string());
                if seen.contains(&key) && index.is_none() {
                    return;
                }
                let role_ref = o.root.get("roleRef");
                let role_kind = match role_ref.and_then(|r| r.get("kind")).and_then(Node::as_str) {
                    Some("Role") => RoleKind::Role,
                    Some("ClusterRole") => RoleKind::ClusterRole,
                    _ => return,
                };
                // A ClusterRoleBinding can only grant a ClusterRole.
                if kind == BindingKind::ClusterRoleBinding && role_kind == RoleKind::Role {
                    return;
                }
                // The API server refuses a binding with a subject it cannot validate: such a
                // binding grants nothing (`invalid-role-binding` says why).
                if !invalid_subjects(o).is_empty() {
                    return;
                }
                let mut subjects: Vec<Subject> =
                    o.root.get("subjects").into_iter().flat_map(Node::items).map(parse_subject).collect();
                // The authorizer reads a ServiceAccount subject without a namespace as the
                // RoleBinding's own namespace.
                for s in &mut subjects {
                    if s.kind == SubjectKind::ServiceAccount && s.namespace.is_none() {
                        s.namespace.clone_from(&namespace);
                    }
                }
                let binding = Binding {
                    kind,
                    name: o.name.to_string(),
                    namespace,
                    object: index,
                    role_kind,
                    role_name: role_ref
                        .and_then(|r| r.get("name"))
                        .and_then(Node::as_str)
                        .unwrap_or_default()
                        .to_string(),
                    role: None,
                    subjects,
                };
                if seen.insert(key.clone()) {
                    self.bindings.push(binding);
                } else if let Some(b) = self
                    .bindings
                    .iter_mut()
                    .find(|b| (b.kind, b.namespace.clone().unwrap_or_default(), b.name.clone()) == key)
                {
                    *b = binding;
                }
            }
            _ => {}
        }
    }

    /// Fills `effective` for every role: aggregated ClusterRoles take the union of the rules of
    /// every ClusterRole their selectors match, to a fixed point (aggregates of aggregates).
    fn resolve_aggregation(&mut self) {
        let mut effective: Vec<BTreeSet<RuleRef>> = self
            .roles
            .iter()
            .enumerate()
            .map(|(id, r)| {
                if r.aggregation.is_some() {
                    BTreeSet::new()
                } else {
                    (0..r.own_rules.len()).map(|index| RuleRef { role: id, index }).collect()
                }
            })
            .collect();
        let members: Vec<(RoleId, Vec<RoleId>)> = self
            .roles
            .iter()
            .enumerate()
            .filter_map(|(id, r)| {
                let sels = r.aggregation.as_ref()?;
                let m = self
                    .roles
                    .iter()
                    .enumerate()
                    .filter(|(other, o)| {
                        *other != id
                            && o.kind == RoleKind::ClusterRole
                            && sels.iter().any(|s| s.matches(&o.labels))
                    })
                    .map(|(other, _)| other)
                    .collect();
                Some((id, m))
            })
            .collect();
        for _ in 0..=self.roles.len() {
            let mut changed = false;
            for (id, m) in &members {
                let union: BTreeSet<RuleRef> =
                    m.iter().filter_map(|o| effective.get(*o)).flatten().copied().collect();
                if let Some(own) = effective.get_mut(*id)
                    && union.len() != own.len()
                {
                    *own = union;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for (role, eff) in self.roles.iter_mut().zip(effective) {
            role.effective = eff.into_iter().collect();
        }
    }

    fn add_service_accounts(&mut self, set: &ObjectSet) {
        let mut sas: BTreeMap<(String, String), ServiceAccountInfo> = BTreeMap::new();
        for o in set.of_kind("", "ServiceAccount") {
            let ns = o.effective_namespace().unwrap_or("default").to_string();
            sas.insert(
                (ns.clone(), o.name.to_string()),
                ServiceAccountInfo {
                    namespace: ns,
                    name: o.name.to_string(),
                    object: Some(o.index),
                    automount: o.root.get("automountServiceAccountToken").and_then(Node::as_bool),
                },
            );
        }
        // Every namespace in use has a `default` ServiceAccount.
        let namespaces: BTreeSet<String> = set
            .iter()
            .filter_map(|o| {
                if o.kind == "Namespace" {
                    Some(o.name.to_string())
                } else {
                    o.effective_namespace().map(str::to_string)
                }
            })
            .collect();
        for ns in namespaces {
            sas.entry((ns.clone(), "default".into())).or_insert(ServiceAccountInfo {
                namespace: ns,
                name: "default".into(),
                object: None,
                automount: None,
            });
        }
        for o in set.iter() {
            let Some(w) = Workload::of(o) else { continue };
            let ns = o.effective_namespace().unwrap_or("default").to_string();
            let sa = w.service_account().to_string();
            let info = sas.entry((ns.clone(), sa.clone())).or_insert(ServiceAccountInfo {
                namespace: ns.clone(),
                name: sa.clone(),
                object: None,
                automount: None,
            });
            let pod_automount =
                w.spec.and_then(|s| s.get("automountServiceAccountToken")).and_then(Node::as_bool);
            let projected =
                w.spec.into_iter().flat_map(|s| s.get("volumes").into_iter().flat_map(Node::items)).any(
                    |v| {
                        v.at(&["projected", "sources"])
                            .into_iter()
                            .flat_map(Node::items)
                            .any(|s| s.get("serviceAccountToken").is_some())
                    },
                );
            // The field that names the account, else the one written empty.
            let key = w.service_account_field().map(|(field, _)| field).or_else(|| {
                ["serviceAccountName", "serviceAccount"]
                    .into_iter()
                    .find(|k| w.spec.and_then(|s| s.get(k)).is_some())
            });
            let mut path = key.map_or_else(|| w.spec_path(&[]), |k| w.spec_path(&[k]));
            path.share();
            self.workloads.push(WorkloadInfo {
                object: o.index,
                namespace: ns.into(),
                service_account: sa.into(),
                token_mounted: pod_automount.or(info.automount).unwrap_or(true) || projected,
                path,
            });
        }
        self.workloads.shrink_to_fit();
        self.service_accounts = sas.into_values().collect();
    }

    /// A rule by the reference this graph handed out.
    #[must_use]
    #[allow(clippy::indexing_slicing, reason = "RuleRefs and RoleIds come from this graph's own vectors")]
    pub fn rule(&self, r: RuleRef) -> &PolicyRule {
        &self.roles[r.role].own_rules[r.index]
    }

    /// A role by an id this graph handed out.
    #[must_use]
    #[allow(
        clippy::indexing_slicing,
        reason = "RoleIds come from this graph's own vectors, which never shrink"
    )]
    pub fn role(&self, id: RoleId) -> &Role {
        &self.roles[id]
    }

    /// A binding by an id this graph handed out (`Grant::binding`, `Hit::binding`).
    #[must_use]
    #[allow(
        clippy::indexing_slicing,
        reason = "binding ids come from this graph's own vectors, which never shrink"
    )]
    pub fn binding(&self, id: usize) -> &Binding {
        &self.bindings[id]
    }

    /// The role a binding grants, if it exists.
    #[must_use]
    pub fn role_of(&self, b: &Binding) -> Option<&Role> {
        b.role.and_then(|r| self.roles.get(r))
    }

    #[must_use]
    pub fn cluster_role(&self, name: &str) -> Option<&Role> {
        self.cluster_roles.get(name).and_then(|id| self.roles.get(*id))
    }

    /// Where a binding's grants apply.
    #[must_use]
    pub fn scope_of(b: &Binding) -> Scope {
        match (&b.kind, &b.namespace) {
            (BindingKind::RoleBinding, Some(ns)) => Scope::Namespace(ns.clone()),
            _ => Scope::Cluster,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.bare())?;
        if let Some(mark) = self.mark() {
            f.write_str(mark.english())?;
        }
        Ok(())
    }
}

/// What `Display` writes after a role or binding that has no manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A default of the cluster.
    Default,
    /// A binding that stands for an EKS access policy.
    AccessPolicy,
}

impl Mark {
    fn english(self) -> &'static str {
        match self {
            Self::Default => " (default)",
            Self::AccessPolicy => " (EKS access policy)",
        }
    }

    /// A role or binding as `Display` wrote it (with `mark`), in a language.
    #[must_use]
    pub fn render(mark: Option<Mark>, text: &str, lang: crate::i18n::Lang) -> String {
        let Some(mark) = mark else { return text.to_string() };
        let Some(bare) = text.strip_suffix(mark.english()) else { return text.to_string() };
        crate::t!(lang, mark.message_id(), name = bare)
    }

    /// A role or binding named `bare`, with its mark, as a message argument: the mark is
    /// translated (`(default)`, `(predeterminado)`).
    fn label(mark: Option<Mark>, bare: String) -> crate::i18n::Arg {
        match mark {
            None => bare.into(),
            Some(m) => crate::msg!(m.message_id(), name = bare).into(),
        }
    }

    fn message_id(self) -> &'static str {
        match self {
            Self::Default => "rbac-mark-default",
            Self::AccessPolicy => "rbac-mark-access-policy",
        }
    }
}

/// `Kind ns/name` for a namespaced object, `ClusterKind name` for a cluster-wide one, names
/// escaped for one line.
fn qualified(kind: &str, cluster_kind: &str, namespace: Option<&str>, name: &str) -> String {
    use crate::diagnostic::escape_inline as e;
    match namespace {
        Some(ns) => format!("{kind} {}/{}", e(ns), e(name)),
        None => format!("{cluster_kind} {}", e(name)),
    }
}

impl Role {
    /// The mark after the role's name: `(default)` for a built-in role.
    #[must_use]
    pub fn mark(&self) -> Option<Mark> {
        self.object.is_none().then_some(Mark::Default)
    }

    /// `Role ns/name` or `ClusterRole name`, without the mark.
    fn bare(&self) -> String {
        qualified("Role", "ClusterRole", self.namespace.as_deref(), &self.name)
    }

    /// The role as messages name it: as `Display` writes it, its mark in the reader's language.
    #[must_use]
    pub fn label(&self) -> crate::i18n::Arg {
        Mark::label(self.mark(), self.bare())
    }
}

impl Binding {
    /// The mark after the binding's name, when it has no manifest: a default of the cluster or an
    /// EKS access policy.
    #[must_use]
    pub fn mark(&self) -> Option<Mark> {
        self.object.is_none().then(|| {
            if self.name.starts_with(ACCESS_POLICY_PREFIX) { Mark::AccessPolicy } else { Mark::Default }
        })
    }

    /// `RoleBinding ns/name` or `ClusterRoleBinding name`, without the mark.
    fn bare(&self) -> String {
        qualified("RoleBinding", "ClusterRoleBinding", self.namespace.as_deref(), &self.name)
    }

    /// The binding as messages name it: as `Display` writes it, its mark in the reader's language.
    #[must_use]
    pub fn label(&self) -> crate::i18n::Arg {
        Mark::label(self.mark(), self.bare())
    }

    /// `RoleBinding "x"` / `ClusterRoleBinding "x"`, for messages.
    #[must_use]
    pub fn kind_text(&self) -> String {
        format!("{:?} \"{}\"", self.kind, crate::diagnostic::escape_inline(&self.name))
    }
}

impl fmt::Display for Binding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.bare())?;
        // Bindings without a manifest are the cluster's defaults or stand for EKS access policies.
        if let Some(mark) = self.mark() {
            f.write_str(mark.english())?;
        }
        Ok(())
    }
}

/// Name prefix of the bindings that stand for EKS access policies.
const ACCESS_POLICY_PREFIX: &str = "eks-access-policy:";

fn strings(node: Option<&Node>) -> Vec<String> {
    node.into_iter().flat_map(Node::items).filter_map(Node::scalar_text).collect()
}

/// Reads `aggregationRule.clusterRoleSelectors`; items are ORed, an empty one selects every
/// ClusterRole, and an item that cannot be read is set aside with its path.
pub fn aggregation_selectors(list: &Node) -> (Vec<LabelSelector>, Vec<InvalidSelector>) {
    let (mut valid, mut invalid) = (Vec::new(), Vec::new());
    for (i, item) in list.items().enumerate() {
        match LabelSelector::from_node(item) {
            Ok(s) => valid.push(s),
            Err(e) => invalid.push(InvalidSelector {
                path: FieldPath::root().keys(&["aggregationRule", "clusterRoleSelectors"]).index(i),
                message: e.message,
            }),
        }
    }
    (valid, invalid)
}

fn parse_rule(node: &Node) -> PolicyRule {
    PolicyRule {
        verbs: strings(node.get("verbs")),
        api_groups: strings(node.get("apiGroups")),
        resources: strings(node.get("resources")),
        resource_names: strings(node.get("resourceNames")),
        non_resource_urls: strings(node.get("nonResourceURLs")),
    }
}

/// The subjects of a RoleBinding or ClusterRoleBinding the API server rejects, as Kubernetes
/// validates them (`ValidateRoleBindingSubject`): a name is required; the kind is `User`,
/// `Group` or `ServiceAccount`; a user or group has the API group `rbac.authorization.k8s.io`
/// (the default when absent); a ServiceAccount has no API group, a name that is a DNS subdomain,
/// and a namespace in a ClusterRoleBinding. Each with its field and why (a message of
/// `rule-rbac020-*`).
#[must_use]
pub fn invalid_subjects(binding: &Object) -> Vec<(FieldPath, Msg)> {
    let namespaced = binding.kind == "RoleBinding";
    let mut out = Vec::new();
    for (i, s) in binding.root.get("subjects").into_iter().flat_map(Node::items).enumerate() {
        let path = FieldPath::root().key("subjects").index(i);
        let text = |k: &str| s.get(k).filter(|n| !n.is_null()).map(|n| n.scalar_text().unwrap_or_default());
        let name = text("name").unwrap_or_default();
        let group = text("apiGroup").unwrap_or_default();
        let kind = text("kind").unwrap_or_default();
        if name.is_empty() {
            out.push((path.clone().key("name"), crate::msg!("rule-rbac020-no-name")));
        }
        match kind.as_str() {
            "User" | "Group" => {
                if !group.is_empty() && group != "rbac.authorization.k8s.io" {
                    out.push((
                        path.key("apiGroup"),
                        crate::msg!("rule-rbac020-user-group", kind = kind.as_str(), group = group),
                    ));
                }
            }
            "ServiceAccount" => {
                if !group.is_empty() {
                    out.push((
                        path.clone().key("apiGroup"),
                        crate::msg!("rule-rbac020-sa-group", group = group),
                    ));
                }
                if !name.is_empty() && crate::model::validation::dns_subdomain(&name).is_err() {
                    let why = if name.len() > crate::model::validation::SUBDOMAIN_MAX {
                        crate::msg!(
                            "rule-rbac020-sa-name-long",
                            max = crate::model::validation::SUBDOMAIN_MAX
                        )
                    } else {
                        crate::msg!("rule-rbac020-sa-name", name = name.as_str())
                    };
                    out.push((path.clone().key("name"), why));
                }
                if !namespaced && text("namespace").unwrap_or_default().is_empty() {
                    out.push((path.key("namespace"), crate::msg!("rule-rbac020-sa-namespace")));
                }
            }
            _ => out.push((path.key("kind"), crate::msg!("rule-rbac020-kind", kind = kind))),
        }
    }
    out
}

fn parse_subject(node: &Node) -> Subject {
    let s = |k: &str| node.get(k).and_then(Node::as_str).map(str::to_string);
    let kind = match s("kind").as_deref() {
        Some("Group") => SubjectKind::Group,
        Some("ServiceAccount") => SubjectKind::ServiceAccount,
        _ => SubjectKind::User,
    };
    Subject {
        kind,
        name: s("name").unwrap_or_default(),
        namespace: s("namespace").filter(|n| !n.is_empty() && kind == SubjectKind::ServiceAccount),
    }
}

/// The embedded default objects, parsed once per process.
fn defaults() -> &'static ObjectSet {
    static DEFAULTS: std::sync::OnceLock<ObjectSet> = std::sync::OnceLock::new();
    DEFAULTS.get_or_init(|| {
        let stream = yaml::parse(DEFAULTS_YAML);
        stream.documents.into_iter().filter_map(|d| Object::from_root(d.root, None).ok().flatten()).collect()
    })
}

/// The default ClusterRole an EKS access policy is equivalent to (AWS documents each policy by
/// the Kubernetes role it matches).
fn policy_role(arn: &str) -> Option<&'static str> {
    match arn.rsplit('/').next()? {
        "AmazonEKSClusterAdminPolicy" => Some("cluster-admin"),
        "AmazonEKSAdminPolicy" => Some("admin"),
        "AmazonEKSEditPolicy" => Some("edit"),
        "AmazonEKSViewPolicy" => Some("view"),
        _ => None,
    }
}

/// Bindings equivalent to the access policies of the mappings, as objects without a source.
fn access_policy_bindings(mappings: &[IdentityMapping]) -> Vec<Object> {
    let mut out = Vec::new();
    for m in mappings {
        let group = format!("eks:access-entry:{}", m.arn);
        for (role, scope) in &m.access_policies {
            let subjects = serde_json::json!([{ "kind": "Group", "name": group, "apiGroup": "rbac.authorization.k8s.io" }]);
            let role_ref = serde_json::json!({ "apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role });
            let name = format!("{ACCESS_POLICY_PREFIX}{role}:{}", m.arn);
            let docs: Vec<serde_json::Value> = match scope {
                None => vec![serde_json::json!({
                    "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                    "metadata": { "name": name }, "roleRef": role_ref, "subjects": subjects,
                })],
                Some(namespaces) => namespaces
                    .iter()
                    .map(|ns| serde_json::json!({
                        "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                        "metadata": { "name": name, "namespace": ns }, "roleRef": role_ref, "subjects": subjects,
                    }))
                    .collect(),
            };
            out.extend(
                docs.iter().filter_map(|d| Object::from_root(Node::from_json(d), None).ok().flatten()),
            );
        }
    }
    out
}

/// `(group, plural)` of the CustomResourceDefinitions with `scope: Cluster`.
fn cluster_scoped_custom_resources(set: &ObjectSet) -> BTreeSet<(String, String)> {
    set.of_kind("apiextensions.k8s.io", "CustomResourceDefinition")
        .filter_map(|crd| {
            let spec = crd.root.get("spec")?;
            let plural = spec.get("names")?.get("plural")?.as_str()?;
            let group = spec.get("group")?.as_str()?;
            (spec.get("scope")?.as_str()? == "Cluster").then(|| (group.to_string(), plural.to_string()))
        })
        .collect()
}

/// The IAM principals of EKS access entries with the Kubernetes user name and groups they
/// authenticate as, and their access policies as the equivalent default ClusterRoles (EKS
/// authorizes those outside RBAC; the graph treats them as bindings without a manifest).
#[must_use]
pub fn access_entry_mappings(clusters: &[crate::model::cluster::Cluster]) -> Vec<IdentityMapping> {
    let mut out = Vec::new();
    for c in clusters {
        for e in c.access.entries.value().into_iter().flatten() {
            let Some(arn) = e.principal_arn.value() else { continue };
            let kind = if arn.contains(":user/") { identity::IamKind::User } else { identity::IamKind::Role };
            let at = e.at.file.as_ref().map(|f| {
                let p = f.position(e.at.span.start);
                format!(" ({}:{})", f.display, p.line)
            });
            let mut groups = e.groups.value().cloned().unwrap_or_default();
            let access_policies: Vec<(String, Option<Vec<String>>)> = e
                .policies
                .iter()
                .filter_map(|p| {
                    let role = policy_role(p.policy_arn.value()?)?;
                    let scope = match p.scope.value()? {
                        crate::model::cluster::AccessScope::Cluster => None,
                        crate::model::cluster::AccessScope::Namespaces(ns) => Some(ns.clone()),
                    };
                    Some((role.to_string(), scope))
                })
                .collect();
            if !access_policies.is_empty() {
                // Access policies are bound to this entry alone, through a group of its own.
                groups.push(format!("eks:access-entry:{arn}"));
            }
            out.push(IdentityMapping {
                arn: arn.clone(),
                kind,
                username: e.username.value().cloned().flatten(),
                groups,
                source: format!("EKS access entry{}", at.unwrap_or_default()),
                object: None,
                access_policies,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_aggregate() {
        let g = Graph::build_with(&ObjectSet::default(), &[]);
        assert!(defaults().len() >= 20);
        let admin = g.cluster_role("admin").unwrap();
        let edit = g.cluster_role("edit").unwrap();
        let view = g.cluster_role("view").unwrap();
        assert!(view.effective.len() >= 10);
        assert!(edit.effective.len() > view.effective.len());
        assert!(admin.effective.len() > edit.effective.len());
        assert!(g.bindings.iter().any(|b| b.name == "cluster-admin" && b.role.is_some()));
    }

    #[test]
    fn invalid_aggregation_selectors_aggregate_nothing_and_are_listed() {
        let text = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: agg}\n\
                    aggregationRule: {clusterRoleSelectors: [\
                    {matchExpressions: [{key: team, operator: Exists, values: [a]}]}, \
                    {matchLabels: {team: a}}]}\n\
                    ---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n\
                    metadata: {name: a, labels: {team: a}}\nrules: [{apiGroups: [''], resources: [pods], verbs: [get]}]\n\
                    ---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n\
                    metadata: {name: b, labels: {team: b}}\nrules: [{apiGroups: [''], resources: [nodes], verbs: [get]}]\n";
        let set: ObjectSet = yaml::parse(text)
            .documents
            .into_iter()
            .filter_map(|d| Object::from_root(d.root, None).ok().flatten())
            .collect();
        let g = Graph::build_with(&set, &[]);
        let agg = g.cluster_role("agg").unwrap();
        assert_eq!(agg.aggregation.as_ref().map(Vec::len), Some(1));
        assert_eq!(agg.invalid_selectors.len(), 1);
        assert_eq!(agg.invalid_selectors[0].path.to_string(), "aggregationRule.clusterRoleSelectors[0]");
        assert_eq!(
            agg.invalid_selectors[0].message.render(crate::i18n::Lang::En),
            "operator Exists takes no values"
        );
        // Only `a` joins: the invalid selector (Exists team) would also have matched `b`.
        let a = g.cluster_role("a").unwrap();
        assert_eq!(agg.effective.len(), 1);
        assert_eq!(g.roles[agg.effective[0].role].name, a.name);
    }

    #[test]
    fn extra_identity_mappings_are_honoured() {
        // The seam for EKS access entries from the cluster model.
        let mapping = IdentityMapping {
            access_policies: Vec::new(),
            arn: "arn:aws:iam::111122223333:role/ops".into(),
            kind: IamKind::Role,
            username: None,
            groups: vec!["system:masters".into()],
            source: "access entry".into(),
            object: None,
        };
        let g = Graph::build_with(&ObjectSet::default(), &[mapping]);
        let (id, source) = g.identity_of_arn("arn:aws:iam::111122223333:role/ops").unwrap();
        assert_eq!(source, "access entry");
        let req = Request::resource("delete", "", "nodes", None);
        assert!(!g.allowed(&id, &req, &query::Where::Cluster, Names::Exact).is_empty());
    }
}
