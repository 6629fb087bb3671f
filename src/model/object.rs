//! Kubernetes objects: identity (apiVersion, kind, namespace, name), where they came from, and
//! their document tree. Objects from a live API or an admission request have no source file.

use std::sync::Arc;

use serde::Serialize;

use crate::document::{FieldPath, Located, Node, SourceFile, Span, node::CompactString};
use crate::i18n::Msg;

/// Where an object was read from.
#[derive(Clone, Debug)]
pub struct Origin {
    pub file: Arc<SourceFile>,
    /// 0-based document index in the file's stream.
    pub document: usize,
    /// Path of the object inside its document (`items[3]` for members of a `List`).
    pub path_in_document: FieldPath,
}

/// One Kubernetes object.
#[derive(Debug)]
pub struct Object {
    /// Position in the run's [`ObjectSet`].
    pub index: usize,
    /// Its `apiVersion`, `kind`, name and namespace, read as fields of the object (`object.kind`):
    /// one copy, which every finding about the object shares.
    pub id: Arc<ObjectRef>,
    pub origin: Option<Origin>,
    /// The object's document tree. Empty (a null node keeping the tree's span) once
    /// [`ObjectSet::check_dropping_trees`] has passed the object: from there on only the identity,
    /// origin and index are left to read (see [`ObjectSet::has_trees`]).
    pub root: Node,
    /// The scope the object belongs to (see [`ObjectSet::scopes`]); 0 when the run has one.
    pub scope: usize,
    /// Labels the build adds to the object (kustomize `commonLabels` and `labels` of the
    /// kustomizations that list its file), under its own.
    pub added_labels: Vec<(String, String)>,
}

/// The identity of an object, as reports show it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ObjectRef {
    #[serde(rename = "apiVersion")]
    pub api_version: CompactString,
    pub kind: CompactString,
    /// `metadata.namespace` as written; `None` when absent (kubectl then uses its context).
    pub namespace: Option<CompactString>,
    /// `metadata.name`, or `metadata.generateName` when only that is set.
    pub name: CompactString,
}

impl std::ops::Deref for Object {
    type Target = ObjectRef;

    fn deref(&self) -> &ObjectRef {
        &self.id
    }
}

/// The `apiVersion` of an [`ObjectRef`] naming a Terraform resource or module.
pub const TERRAFORM: &str = "terraform";
/// The `apiVersion` of an [`ObjectRef`] naming a CloudFormation resource.
pub const CLOUDFORMATION: &str = "cloudformation";

impl ObjectRef {
    /// A Terraform resource or module (`kind` its type, `aws_eks_cluster`, or empty for a
    /// `module` block; `address` as Terraform writes it, `aws_eks_cluster.this`) or a
    /// CloudFormation resource (`kind` `AWS::EKS::Cluster`, `address` its logical ID).
    #[must_use]
    pub fn resource(kind: &str, address: &str) -> Self {
        let cloudformation = kind.contains("::");
        let kind = if kind.is_empty() { address.split('.').next().unwrap_or("module") } else { kind };
        Self {
            api_version: if cloudformation { CLOUDFORMATION } else { TERRAFORM }.into(),
            kind: kind.into(),
            namespace: None,
            name: address.into(),
        }
    }
}

impl std::fmt::Display for ObjectRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::diagnostic::escape_inline as e;
        // A Terraform address already says its type (`aws_eks_cluster.this`, `module.eks`).
        if self.api_version == TERRAFORM {
            return f.write_str(&e(&self.name));
        }
        match &self.namespace {
            Some(ns) => write!(f, "{} {}/{}", e(&self.kind), e(ns), e(&self.name)),
            None => write!(f, "{} {}", e(&self.kind), e(&self.name)),
        }
    }
}

/// Whether objects of a kind have no namespace.
#[must_use]
pub fn is_cluster_scoped_kind(kind: &str) -> bool {
    CLUSTER_SCOPED.contains(&kind)
}

/// Kinds that are not namespaced (a manifest's namespace on them is ignored by the API server).
const CLUSTER_SCOPED: &[&str] = &[
    "APIService",
    "CertificateSigningRequest",
    "ClusterRole",
    "ClusterRoleBinding",
    "CSIDriver",
    "CSINode",
    "CustomResourceDefinition",
    "IngressClass",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PodSecurityPolicy",
    "PriorityClass",
    "RuntimeClass",
    "StorageClass",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
];

/// `metadata.name` (or `generateName`): the API server rejects an object without one.
fn object_name(root: &Node) -> Result<CompactString, (Span, Msg)> {
    let Some(meta) = root.get("metadata") else {
        return Err((
            root.locate(&FieldPath::root()).span,
            crate::msg!("object-no-field", field = "metadata.name"),
        ));
    };
    if meta.as_map().is_none() {
        return Err((meta.span(), crate::msg!("object-metadata-not-object", found = meta.type_msg())));
    }
    let Some(name) = meta.get("name").or_else(|| meta.get("generateName")) else {
        let key = root.as_map().and_then(|m| m.entries.iter().find(|e| e.key == "metadata"));
        return Err((
            key.map_or(meta.span(), |e| e.key_span),
            crate::msg!("object-no-field", field = "metadata.name"),
        ));
    };
    match name.as_str().filter(|s| !s.is_empty()) {
        Some(n) => Ok(n.into()),
        None => Err((
            name.span(),
            crate::msg!("object-field-not-text", field = "metadata.name", found = name.type_msg()),
        )),
    }
}

/// Kinds of other API groups that ladrillo reads: eksctl's `ClusterConfig` and Karpenter's
/// node pools and classes.
const ANALYSED_EXTENSIONS: &[(&str, &str)] =
    &[("eksctl.io", "ClusterConfig"), ("karpenter.sh", "NodePool"), ("karpenter.k8s.aws", "EC2NodeClass")];

/// Whether ladrillo analyses objects of a kind: every kind of a Kubernetes API group (the core
/// group, groups without a dot, `*.k8s.io` except kustomize's) and the few extension kinds the
/// cluster model reads. Other kinds (custom resources, tool configs such as `IstioOperator`)
/// are only context.
#[must_use]
pub fn is_analysed_kind(api_version: &str, kind: &str) -> bool {
    let group = api_version.rsplit_once('/').map_or("", |(g, _)| g);
    let kubernetes = !group.contains('.') || (group.ends_with(".k8s.io") && !group.starts_with("kustomize."));
    kubernetes || ANALYSED_EXTENSIONS.iter().any(|&(g, k)| g == group && k == kind)
}

/// The `apiVersion` and `kind` of a document of a kind ladrillo does not analyse (see
/// [`is_analysed_kind`]) that has no `metadata.name`: valid for the tool that reads it (an
/// `IstioOperator` read by `istioctl`, a kustomize `Component`), it is skipped, not an error.
#[must_use]
pub fn unanalysed_without_name(root: &Node) -> Option<(String, String)> {
    let api_version = root.get("apiVersion")?.as_str().filter(|s| !s.is_empty())?;
    let kind = root.get("kind")?.as_str().filter(|s| !s.is_empty())?;
    if is_analysed_kind(api_version, kind) {
        return None;
    }
    let named = root
        .get("metadata")
        .and_then(|m| m.get("name").or_else(|| m.get("generateName")))
        .and_then(Node::as_str)
        .is_some_and(|n| !n.is_empty());
    (!named).then(|| (api_version.to_string(), kind.to_string()))
}

impl Object {
    /// Reads the identity of a document root. `Ok(None)` when the document is not a Kubernetes
    /// object at all (no `apiVersion` and no `kind`); an error when it is half of one.
    pub fn from_root(root: Node, origin: Option<Origin>) -> Result<Option<Object>, (Span, Msg)> {
        if root.as_map().is_none() {
            return Ok(None);
        }
        let api_version = root.get("apiVersion");
        let kind = root.get("kind");
        if api_version.is_none() && kind.is_none() {
            return Ok(None);
        }
        // A Helm chart's `Chart.yaml` has an apiVersion but is not a Kubernetes object.
        if kind.is_none()
            && root.get("metadata").is_none()
            && root.get("name").is_some()
            && root.get("version").is_some()
        {
            return Ok(None);
        }
        let text = |n: Option<&Node>, field: &str| -> Result<CompactString, (Span, Msg)> {
            match n {
                Some(v) => v.as_str().filter(|s| !s.is_empty()).map(CompactString::from).ok_or_else(|| {
                    (v.span(), crate::msg!("object-field-not-text", field = field, found = v.type_msg()))
                }),
                None => {
                    Err((root.locate(&FieldPath::root()).span, crate::msg!("object-no-field", field = field)))
                }
            }
        };
        let api_version = text(api_version, "apiVersion")?;
        let kind = text(kind, "kind")?;
        let meta = root.get("metadata");
        let name = object_name(&root)?;
        let namespace = if CLUSTER_SCOPED.contains(&kind.as_str()) {
            None
        } else {
            meta.and_then(|m| m.get("namespace")).and_then(Node::as_str).map(CompactString::from)
        };
        Ok(Some(Object {
            index: 0,
            id: Arc::new(ObjectRef { api_version, kind, namespace, name }),
            origin,
            root,
            scope: 0,
            added_labels: Vec::new(),
        }))
    }

    #[must_use]
    pub fn object_ref(&self) -> ObjectRef {
        ObjectRef::clone(&self.id)
    }

    /// The API group (`apps` for `apps/v1`, empty for the core group). Kinds once served under
    /// `extensions` (removed in Kubernetes 1.16 and 1.22) are given their current group, so a
    /// DaemonSet written as `extensions/v1beta1` is audited like an `apps/v1` one; the
    /// `removed-api-version` rule reports the version itself.
    #[must_use]
    pub fn group(&self) -> &str {
        let group = self.api_version.rsplit_once('/').map_or("", |(g, _)| g);
        if group != "extensions" {
            return group;
        }
        match self.kind.as_str() {
            "Deployment" | "DaemonSet" | "ReplicaSet" => "apps",
            "NetworkPolicy" | "Ingress" => "networking.k8s.io",
            "PodSecurityPolicy" => "policy",
            _ => group,
        }
    }

    #[must_use]
    pub fn is(&self, group: &str, kind: &str) -> bool {
        self.kind == kind && self.group() == group
    }

    #[must_use]
    pub fn is_cluster_scoped(&self) -> bool {
        CLUSTER_SCOPED.contains(&self.kind.as_str())
    }

    /// The namespace the object lands in when applied without `-n` (`default` when unset).
    #[must_use]
    pub fn effective_namespace(&self) -> Option<&str> {
        if self.is_cluster_scoped() { None } else { Some(self.namespace.as_deref().unwrap_or("default")) }
    }

    #[must_use]
    pub fn metadata(&self) -> Option<&Node> {
        self.root.get("metadata")
    }

    #[must_use]
    pub fn labels(&self) -> Option<&Node> {
        self.root.at(&["metadata", "labels"])
    }

    #[must_use]
    pub fn annotations(&self) -> Option<&Node> {
        self.root.at(&["metadata", "annotations"])
    }

    /// A label of the object, or one its build adds (see [`Object::added_labels`]).
    #[must_use]
    pub fn label(&self, key: &str) -> Option<&str> {
        match self.labels().and_then(|l| l.get(key)) {
            // Kubernetes reads a null label value as the empty string.
            Some(v) if v.is_null() => Some(""),
            Some(v) => v.as_str(),
            None => self.added_labels.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()),
        }
    }

    #[must_use]
    pub fn spec(&self) -> Option<&Node> {
        self.root.get("spec")
    }

    /// Where a field of this object is, for reports.
    #[must_use]
    pub fn locate(&self, path: &FieldPath) -> Located {
        self.root.locate(path)
    }

    /// What the API server keys the object by: group, kind, namespace (as applied without
    /// `-n`) and name. Two objects with one identity in one cluster are one object.
    #[must_use]
    pub fn identity(&self) -> (&str, &str, Option<&str>, &str) {
        (self.group(), &self.kind, self.effective_namespace(), &self.name)
    }

    /// The directory of the object's file (`None` without a file).
    fn directory(&self) -> Option<&std::path::Path> {
        let file = &self.origin.as_ref()?.file;
        match &file.path {
            Some(p) => p.parent(),
            None => std::path::Path::new(&file.display).parent(),
        }
    }

    /// How close another object of the scan is, for resolving a reference by name when several
    /// objects answer it: 0 in the same file, 1 in the same directory, 2 in the same scope,
    /// 3 elsewhere.
    #[must_use]
    pub fn distance(&self, other: &Object) -> u8 {
        let file = |o: &Object| o.origin.as_ref().map(|or| Arc::as_ptr(&or.file));
        if file(self).is_some() && file(self) == file(other) {
            0
        } else if self.directory().is_some() && self.directory() == other.directory() {
            1
        } else if self.scope == other.scope {
            2
        } else {
            3
        }
    }

    /// Of the objects answering a reference from this one, the nearest (see
    /// [`Object::distance`]), the first in input order among equals.
    pub fn nearest<'a>(&self, candidates: impl IntoIterator<Item = &'a Object>) -> Option<&'a Object> {
        candidates.into_iter().min_by_key(|c| (self.distance(c), c.index))
    }

    /// The span to show for the object as a whole: its name, else its kind.
    #[must_use]
    pub fn head(&self) -> Span {
        let name = FieldPath::root().keys(&["metadata", "name"]);
        let located = self.locate(&name);
        if located.missing.is_none() {
            located.span
        } else {
            self.locate(&FieldPath::root().key("kind")).span
        }
    }
}

/// All objects of one run, in input order, and the EKS clusters their inputs define.
/// Cross-object analyses (RBAC, NetworkPolicy, disruption budgets) read the whole set.
///
/// The set numbers its objects ([`ObjectSet::push`] sets [`Object::index`]) and owns the cache
/// of analyses built from it: any change to the set empties the cache, so an analysis never
/// describes an older set.
#[derive(Debug, Default)]
pub struct ObjectSet {
    objects: Vec<Object>,
    /// Names of the scopes (see [`ObjectSet::scopes`]); empty when the run is one scope.
    scopes: Vec<String>,
    /// Every input was declared one cluster (`--one-cluster`).
    one_cluster: bool,
    clusters: Vec<crate::model::cluster::Cluster>,
    /// Analyses built from the complete set, at most once each (see [`ObjectSet::analysis`]).
    cache: AnalysisCache,
    /// The objects' trees were dropped ([`ObjectSet::check_dropping_trees`]).
    trees_dropped: bool,
}

/// Whole-set analyses (the RBAC graph, the NetworkPolicy model, …) shared by every rule of a run,
/// one per type, filled lazily on first use.
#[derive(Default)]
struct AnalysisCache {
    slots: std::sync::Mutex<Vec<(std::any::TypeId, Arc<Slot>)>>,
}

type Slot = std::sync::OnceLock<Arc<dyn std::any::Any + Send + Sync>>;

impl std::fmt::Debug for AnalysisCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnalysisCache")
    }
}

impl ObjectSet {
    /// The analysis of type `T` for this set, built by `build` on first use. Rules share it
    /// through this cache instead of rebuilding it once per rule; rules running in parallel
    /// wait for the one build rather than repeating it. Not once the trees are dropped (see
    /// [`ObjectSet::has_trees`]): an analysis built then would read empty objects.
    pub fn analysis<T: std::any::Any + Send + Sync>(&self, build: impl FnOnce(&ObjectSet) -> T) -> Arc<T> {
        debug_assert!(!self.trees_dropped, "an analysis of a set whose trees were dropped");
        let id = std::any::TypeId::of::<T>();
        let slot = {
            let mut slots = self.cache.slots.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            match slots.iter().find(|(t, _)| *t == id) {
                Some((_, s)) => Arc::clone(s),
                None => {
                    let s = Arc::new(Slot::new());
                    slots.push((id, Arc::clone(&s)));
                    s
                }
            }
        };
        // Built outside the list's lock, so a builder may ask for another analysis.
        let value = slot.get_or_init(|| Arc::new(build(self)) as Arc<dyn std::any::Any + Send + Sync>);
        Arc::clone(value).downcast::<T>().unwrap_or_else(|_| unreachable!("slots are keyed by type"))
    }

    /// Drops the analyses built so far (the RBAC graph, the NetworkPolicy model, the indexes):
    /// for a caller done with the cross-object rules. A later [`ObjectSet::analysis`] rebuilds.
    pub fn drop_analyses(&mut self) {
        self.cache = AnalysisCache::default();
    }

    /// Forgets the analyses built so far, for a caller that holds the set shared and is done
    /// with them (a phase of the cross-object rules); each is freed once its last reader drops
    /// it, and a later [`ObjectSet::analysis`] rebuilds it.
    pub fn forget_analyses(&self) {
        self.cache.slots.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
    }

    /// Whether the objects still have their document trees: false once
    /// [`ObjectSet::check_dropping_trees`] ran, after which every [`Object::root`] is empty and
    /// nothing that reads trees (rules, analyses, [`Object::locate`]) may run on the set.
    #[must_use]
    pub fn has_trees(&self) -> bool {
        !self.trees_dropped
    }

    /// Runs `check` once on every object, `chunk` objects at a time (in parallel within a chunk
    /// when `parallel`), and drops the chunk's trees once its checks returned; `each` receives
    /// every chunk's results, in object order, with the index of the chunk's first object,
    /// before the next chunk runs. The trees, about twice the input text, then shrink
    /// while what the checks return grows, instead of both being alive at the end. The analyses
    /// are dropped too; the set is left without trees (see [`ObjectSet::has_trees`]).
    pub fn check_dropping_trees<T: Send>(
        &mut self,
        chunk: usize,
        parallel: bool,
        check: impl Fn(&Object) -> T + Sync,
        mut each: impl FnMut(usize, Vec<T>),
    ) {
        use rayon::prelude::*;
        self.drop_analyses();
        self.trees_dropped = true;
        // A chunk's trees are dropped here, on the calling thread, once its checks returned, not
        // by the worker that checked each object: a worker's allocator cache hands the slots a
        // tree just freed to the findings it makes next, one or two on every page, and pages
        // that are mostly free stay resident to the end (at 200,000 objects 501 MB at the end of
        // this stage, against 339 MB this way).
        for (c, objects) in self.objects.chunks_mut(chunk.max(1)).enumerate() {
            let out: Vec<T> = if parallel {
                objects.par_iter().map(&check).collect()
            } else {
                objects.iter().map(&check).collect()
            };
            for o in objects.iter_mut() {
                o.root = Node::new(o.root.span(), crate::document::Value::Null);
            }
            each(c * chunk.max(1), out);
        }
    }

    /// Adds an object at the end of the set and returns its index (also set in the object).
    /// Room for `additional` more objects, so a large input's list is not grown by doubling
    /// (which keeps up to half of it unused for the whole run).
    pub fn reserve(&mut self, additional: usize) {
        self.objects.reserve_exact(additional);
    }

    pub fn push(&mut self, mut object: Object) -> usize {
        self.cache = AnalysisCache::default();
        let index = self.objects.len();
        object.index = index;
        self.objects.push(object);
        index
    }

    /// The EKS clusters defined by the run's inputs (built by the input loader from this set and
    /// the cluster definitions beside it).
    #[must_use]
    pub fn clusters(&self) -> &[crate::model::cluster::Cluster] {
        &self.clusters
    }

    /// Sets the clusters of the run; analyses built before are dropped.
    pub fn set_clusters(&mut self, clusters: Vec<crate::model::cluster::Cluster>) {
        self.cache = AnalysisCache::default();
        self.clusters = clusters;
    }

    /// The scopes of the run, by [`Object::scope`]: groups of inputs that are resolved as one
    /// cluster (a kustomize tree, a Helm chart, a repository; see `input::scope`). Cross-object
    /// relations (a policy selecting pods, an autoscaler's target, a namespace's labels) never
    /// cross a scope. Empty when the whole run is one scope.
    #[must_use]
    pub fn scopes(&self) -> &[String] {
        &self.scopes
    }

    /// Whether every input was declared one cluster (`--one-cluster`): then two objects with
    /// one identity are duplicates wherever they are, not variants in different directories.
    #[must_use]
    pub fn one_cluster(&self) -> bool {
        self.one_cluster
    }

    /// Declares every input one cluster (see [`ObjectSet::one_cluster`]).
    pub fn set_one_cluster(&mut self, one_cluster: bool) {
        self.one_cluster = one_cluster;
    }

    /// Assigns each object its scope (`scope_of` returns an index into `names`).
    pub fn set_scopes(&mut self, names: Vec<String>, scope_of: impl Fn(&Object) -> usize) {
        self.cache = AnalysisCache::default();
        for o in &mut self.objects {
            o.scope = if names.len() > 1 { scope_of(o).min(names.len() - 1) } else { 0 };
        }
        self.scopes = if names.len() > 1 { names } else { Vec::new() };
    }

    /// Splits the set into one set per scope (each knowing the run's clusters), with the index
    /// each object had here; [`ObjectSet::join`] puts them back.
    #[must_use]
    pub fn split(self) -> (Vec<(Vec<usize>, ObjectSet)>, Vec<String>) {
        let ObjectSet { objects, scopes, one_cluster, clusters, .. } = self;
        let mut parts: Vec<(Vec<usize>, ObjectSet)> = (0..scopes.len().max(1))
            .map(|_| {
                (Vec::new(), ObjectSet { clusters: clusters.clone(), one_cluster, ..ObjectSet::default() })
            })
            .collect();
        for o in objects {
            let at = o.scope.min(parts.len() - 1);
            if let Some((indices, set)) = parts.get_mut(at) {
                indices.push(o.index);
                set.push(o);
            }
        }
        (parts, scopes)
    }

    /// The set [`ObjectSet::split`] came from: every object back at its index.
    #[must_use]
    pub fn join(parts: Vec<(Vec<usize>, ObjectSet)>, scopes: Vec<String>) -> ObjectSet {
        let mut clusters = Vec::new();
        let mut all: Vec<Object> = Vec::new();
        let one_cluster = parts.iter().any(|(_, set)| set.one_cluster);
        for (indices, set) in parts {
            if clusters.is_empty() {
                clusters = set.clusters;
            }
            for (i, mut o) in indices.into_iter().zip(set.objects) {
                o.index = i;
                all.push(o);
            }
        }
        all.sort_by_key(|o| o.index);
        ObjectSet { objects: all, scopes, one_cluster, clusters, ..ObjectSet::default() }
    }

    /// The object at an index.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&Object> {
        self.objects.get(index)
    }

    /// Every object, in input order (an object's [`Object::index`] is its position here).
    #[must_use]
    pub fn objects(&self) -> &[Object] {
        &self.objects
    }

    pub fn iter(&self) -> impl Iterator<Item = &Object> {
        self.objects.iter()
    }

    /// Objects of one kind in one API group, in input order. Indexed on first use: rules that
    /// look up related objects for every object stay linear in the size of the set.
    pub fn of_kind<'a>(&'a self, group: &str, kind: &str) -> impl Iterator<Item = &'a Object> + 'a {
        let ids = self.analysis(KindIndex::build).get(group, kind);
        (0..ids.len()).filter_map(move |i| ids.get(i).and_then(|&id| self.objects.get(id)))
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }
}

/// Object indices by kind, then API group.
struct KindIndex(std::collections::HashMap<String, std::collections::HashMap<String, Arc<[usize]>>>);

impl KindIndex {
    fn build(set: &ObjectSet) -> Self {
        let mut ids: std::collections::HashMap<String, std::collections::HashMap<String, Vec<usize>>> =
            std::collections::HashMap::new();
        for (i, o) in set.objects.iter().enumerate() {
            ids.entry(o.kind.to_string()).or_default().entry(o.group().to_string()).or_default().push(i);
        }
        Self(
            ids.into_iter()
                .map(|(kind, groups)| (kind, groups.into_iter().map(|(g, v)| (g, Arc::from(v))).collect()))
                .collect(),
        )
    }

    fn get(&self, group: &str, kind: &str) -> Arc<[usize]> {
        self.0.get(kind).and_then(|g| g.get(group)).map_or_else(|| Arc::from([]), Arc::clone)
    }
}

impl FromIterator<Object> for ObjectSet {
    fn from_iter<I: IntoIterator<Item = Object>>(iter: I) -> Self {
        let mut set = ObjectSet::default();
        for o in iter {
            set.push(o);
        }
        set
    }
}

impl Extend<Object> for ObjectSet {
    fn extend<I: IntoIterator<Item = Object>>(&mut self, iter: I) {
        for o in iter {
            self.push(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_stay_small_and_read_their_identity_as_fields() {
        // Every object of a run is kept until the report is written.
        assert_eq!(std::mem::size_of::<Object>(), 120);
        let text = r#"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "n"}}"#;
        let root = crate::document::json::parse(text).unwrap();
        let object = Object::from_root(root, None).unwrap().unwrap();
        assert_eq!(
            (object.api_version.as_str(), object.kind.as_str(), object.name.as_str()),
            ("v1", "Pod", "p")
        );
        assert_eq!(object.namespace.as_deref(), Some("n"));
        assert_eq!(object.object_ref(), *object.id);
    }
}
