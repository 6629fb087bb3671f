//! The EKS API responses `scan --eks` gathers, as one JSON document: `describe-cluster` output
//! with the cluster's node groups, Fargate profiles, add-ons, access entries (with their associated access
//! policies) and Pod Identity associations, each item exactly as the API returns it:
//!
//! ```json
//! { "cluster": { … },
//!   "nodegroups": [ { "nodegroup": { … } } ],
//!   "fargateProfiles": [ { "fargateProfile": { … } } ],
//!   "addons": [ { "addon": { … } } ],
//!   "accessEntries": [ { "accessEntry": { … }, "associatedAccessPolicies": [ … ] } ],
//!   "podIdentityAssociations": [ { "association": { … } } ],
//!   "unknown": { "addons": "eks:ListAddons was denied" } }
//! ```
//!
//! The cluster is read as `describe-cluster` output is ([`super::aws_json`]), node groups as
//! `describe-nodegroup` output, Fargate profiles as `describe-fargate-profile` output, access
//! entries as `describe-access-entry` and `list-associated-access-policies` output
//! ([`super::access_entries`], the reader of those files too); a list that was read is known
//! (empty when the cluster has none), a list that could not be read is unknown with the reason
//! under `unknown`.

use std::sync::Arc;

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node, SourceFile};

use super::access_entries;
use super::read::Reader;
use super::{AccessEntry, Addon, Cluster, Field, NodeGroup, PodIdentityAssociation};

/// The keys of the document besides `cluster`.
pub const LISTS: [&str; 6] =
    ["nodegroups", "fargateProfiles", "addons", "accessEntries", "podIdentityAssociations", "unknown"];

/// Whether a document root is an EKS snapshot: `cluster` and at least one of [`LISTS`], nothing else.
#[must_use]
pub fn recognize(root: &Node) -> bool {
    let Some(map) = root.as_map() else { return false };
    root.get("cluster").and_then(Node::as_map).is_some_and(|c| c.get("name").is_some())
        && map.len() > 1
        && map.iter().all(|(k, _)| k == "cluster" || LISTS.contains(&k))
}

fn p(s: &str) -> FieldPath {
    FieldPath::parse(s)
}

/// The cluster of a snapshot, with everything the snapshot lists.
#[must_use]
pub fn read(file: &Arc<SourceFile>, root: &Node) -> (Cluster, Vec<InputError>) {
    let (mut c, mut errors) = Cluster::from_describe_cluster(file, root);
    let head = root.locate(&p("cluster.name")).span;
    let r = item_reader(file, root, head);
    let unknown = |key: &str| root.at(&["unknown", key]).and_then(Node::as_str).map(str::to_string);
    if unknown("nodegroups").is_none() {
        for item in root.get("nodegroups").into_iter().flat_map(Node::items) {
            let (ng, _, errs) = NodeGroup::from_describe_nodegroup(file, item);
            errors.extend(errs);
            c.node_groups.push(ng);
        }
    }
    if unknown("fargateProfiles").is_none() {
        for item in root.get("fargateProfiles").into_iter().flat_map(Node::items) {
            let mut r = item_reader(file, item, head);
            c.node_groups.push(fargate_profile(&mut r));
            errors.append(&mut r.errors);
        }
    }
    let list = List { file, root, head, r: &r };
    c.addons = list.read("addons", unknown("addons"), &mut errors, addon);
    c.access.entries = list.read("accessEntries", unknown("accessEntries"), &mut errors, access_entry);
    c.identity.pod_identity =
        list.read("podIdentityAssociations", unknown("podIdentityAssociations"), &mut errors, pod_identity);
    (c, errors)
}

/// A reader of one item (or the whole document), whose absent fields point at the cluster.
fn item_reader<'a>(file: &Arc<SourceFile>, node: &'a Node, head: crate::document::Span) -> Reader<'a> {
    let mut r = Reader::new(Some(Arc::clone(file)), node, head, None);
    r.anchor = 1;
    r
}

/// The lists of one snapshot document.
struct List<'a> {
    file: &'a Arc<SourceFile>,
    root: &'a Node,
    head: crate::document::Span,
    r: &'a Reader<'a>,
}

impl List<'_> {
    /// The list under `key` read item by item, known; unknown when it was not read (`why`).
    fn read<T>(
        &self,
        key: &str,
        why: Option<String>,
        errors: &mut Vec<InputError>,
        read: impl Fn(&mut Reader<'_>) -> T,
    ) -> Field<Vec<T>> {
        let at = self.r.place(&p(key));
        let items = match (why, self.root.get(key)) {
            (Some(reason), _) => return Field::unknown(at, reason),
            (None, None) => return Field::unknown(at, format!("`{key}` was not read")),
            (None, Some(l)) => l,
        };
        let mut out = Vec::new();
        for item in items.items() {
            let mut r = item_reader(self.file, item, self.head);
            out.push(read(&mut r));
            errors.append(&mut r.errors);
        }
        Field::known(out, at)
    }
}

/// A Fargate profile: its name and subnets (the node settings do not apply to Fargate).
fn fargate_profile(r: &mut Reader<'_>) -> NodeGroup {
    let at = r.place(&p("fargateProfile.fargateProfileName"));
    let mut ng = super::eks_api::fargate_profile(at, r.string(&p("fargateProfile.fargateProfileName"), None));
    ng.subnets = r.strings(&p("fargateProfile.subnets"), None);
    ng.tags = r.string_map(&p("fargateProfile.tags"), Some(((), "no tags")));
    ng
}

fn addon(r: &mut Reader<'_>) -> Addon {
    Addon {
        at: r.place(&p("addon.addonName")),
        name: r.string(&p("addon.addonName"), None),
        version: r.opt_string(&p("addon.addonVersion"), "no version"),
        service_account_role_arn: r.opt_string(&p("addon.serviceAccountRoleArn"), "no role"),
        configuration_values: r.opt_string(&p("addon.configurationValues"), "no configuration"),
    }
}

/// An access entry with its policies: `describe-access-entry` and
/// `list-associated-access-policies` output, read as when they are files.
fn access_entry(r: &mut Reader<'_>) -> AccessEntry {
    let mut entry = access_entries::entry(r, &p("accessEntry"));
    entry.policies = access_entries::policies(r, &p("associatedAccessPolicies"));
    entry
}

fn pod_identity(r: &mut Reader<'_>) -> PodIdentityAssociation {
    PodIdentityAssociation {
        at: r.place(&p("association.serviceAccount")),
        namespace: r.string(&p("association.namespace"), None),
        service_account: r.string(&p("association.serviceAccount"), None),
        role_arn: r.opt_string(&p("association.roleArn"), "no role"),
    }
}
