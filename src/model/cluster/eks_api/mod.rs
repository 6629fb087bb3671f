//! The EKS API as Terraform resources and CloudFormation templates spell it. Both describe the
//! same API objects — cluster, managed node group (with its launch template), add-on, access
//! entry and policy, Pod Identity association, Fargate profile, OIDC provider, cluster role —
//! under their own key names and with a few defaults of their own; a [`Dialect`] names them, and
//! one reader builds the model from either form.
//!
//! A resource belongs to a cluster when its cluster-name key refers to that cluster's resource
//! or names it literally; when the input defines a single cluster, every EKS resource joins it.

use std::sync::Arc;

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node, SourceFile, Span};

use super::read::{Fallback, Reader};
use super::{AuthMode, Cluster, Field, LogType, Place, Spanned, Tag};

mod dialect;
mod identity;
mod nodes;

pub(super) use dialect::*;
use identity::{access_entries, addons_of, oidc, pod_identities, role_policies};
pub(super) use identity::{access_policy, addon_association};
use nodes::{fargate, node_group};
pub(super) use nodes::{fargate_profile, from_template, taint};

/// One resource of a Terraform module or CloudFormation template.
pub(crate) struct Res<'a> {
    pub file: &'a Arc<SourceFile>,
    /// The Terraform address (`aws_eks_cluster.this`) or CloudFormation logical ID.
    pub address: String,
    /// The resource type (`aws_eks_cluster`, `AWS::EKS::Cluster`).
    pub kind: &'a str,
    /// Where findings about the resource as a whole point.
    pub head: Span,
    /// Arguments or properties, evaluated.
    pub body: &'a Node,
    /// Terraform variable references in the body (see [`crate::document::hcl::VarUse`]).
    pub vars: &'a [crate::document::hcl::VarUse],
}

impl<'a> Res<'a> {
    /// A reader of the resource's body; every place it gives names the resource as its object.
    pub fn reader(&self) -> Reader<'a> {
        let mut r = Reader::new(Some(Arc::clone(self.file)), self.body, self.head, Some(self.link()));
        r.vars = self.vars;
        r
    }

    /// The resource as the object of findings: its Terraform address (`aws_eks_cluster.this`,
    /// `module.eks`) or CloudFormation logical ID with its type.
    pub fn link(&self) -> super::ObjectLink {
        super::ObjectLink { object: crate::model::ObjectRef::resource(self.kind, &self.address), index: None }
    }

    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.body.get(key)
    }
}

/// The resources of one Terraform module or CloudFormation template.
pub(crate) trait Resources {
    /// The resources of one type that may be created.
    fn of_type<'a>(&'a self, kind: &str) -> Vec<Res<'a>>;
    /// The resource a reference address points at (`aws_kms_key.this.arn`, `Key.Arn`).
    fn at(&self, address: &str) -> Option<Res<'_>>;
    /// The region the clusters are created in.
    fn region(&self, at: &Place) -> Field<String>;
}

pub(crate) const WHY_ADDON_VERSION: &str = "EKS installs the add-on's default version";
pub(crate) const WHY_TAGS: &str = "no tags";

pub(crate) fn p(s: &str) -> FieldPath {
    FieldPath::parse(s)
}

const WHY_ELSEWHERE: &str = "the cluster is not defined in this module or template";

/// The clusters of a module or template: those of its cluster resources, then `extra` ones
/// read otherwise (the terraform-aws-modules/eks module), with the resources linked to them.
pub(super) fn clusters<S: Resources>(
    src: &S,
    d: &Dialect,
    extra: Vec<Cluster>,
    errors: &mut Vec<InputError>,
) -> Vec<Cluster> {
    let mut out: Vec<(Option<String>, Cluster)> = Vec::new();
    for res in src.of_type(d.cluster.kind) {
        out.push((Some(res.address.clone()), cluster(src, d, &res, errors)));
    }
    out.extend(extra.into_iter().map(|c| (None, c)));
    let (ng_res, fargate_res) = (src.of_type(d.node_group.kind), src.of_type(d.fargate.kind));
    if out.is_empty() && ng_res.is_empty() && fargate_res.is_empty() {
        return Vec::new();
    }
    let mut node_groups = Vec::new();
    for res in &ng_res {
        node_groups.push((owner(src, d, res, &out), res, node_group(src, d, res, errors)));
    }
    for res in &fargate_res {
        node_groups.push((owner(src, d, res, &out), res, fargate(d, res, errors)));
    }
    // Node groups of a cluster defined elsewhere (another module, another stack) are still
    // checked on their own fields, under a cluster whose settings are all unknown.
    let mut elsewhere: Vec<(String, usize)> = Vec::new();
    for (i, res, ng) in node_groups {
        if let Some((_, c)) = i.and_then(|i| out.get_mut(i)) {
            c.node_groups.push(ng);
            continue;
        }
        let named = res.get(d.cluster_name);
        let key = named
            .and_then(|n| {
                n.reference_address().map(str::to_string).or_else(|| n.as_str().map(str::to_string))
            })
            .unwrap_or_default();
        let at = match elsewhere.iter().find(|(k, _)| *k == key) {
            Some(&(_, at)) => at,
            None => {
                let mut r = res.reader();
                let place = r.place(&p(d.cluster_name));
                let mut c = Cluster::unknown(d.source, place, WHY_ELSEWHERE);
                c.name = match named {
                    Some(n) if n.is_literal() => r.string(&p(d.cluster_name), None),
                    _ => Field::unknown(c.at.clone(), WHY_ELSEWHERE),
                };
                out.push((None, c));
                elsewhere.push((key, out.len() - 1));
                out.len() - 1
            }
        };
        if let Some((_, c)) = out.get_mut(at) {
            c.node_groups.push(ng);
        }
    }
    for i in 0..out.len() {
        let Some(address) = out.get(i).and_then(|(a, _)| a.clone()) else { continue };
        let mine = |kind: &str| -> Vec<Res<'_>> {
            src.of_type(kind).into_iter().filter(|r| owner(src, d, r, &out) == Some(i)).collect()
        };
        let addons = mine(d.addon.kind);
        let entries = mine(d.access_entry.kind);
        let associations = match d.access_entry.policies {
            Policies::Separate(kind, _) => mine(kind),
            Policies::Embedded(_) => Vec::new(),
        };
        let pods = mine(d.pod_identity.kind);
        let Some((_, c)) = out.get_mut(i) else { continue };
        c.addons = addons_of(d, c, &addons, errors);
        c.access.entries = access_entries(d, c, &entries, &associations, errors);
        c.identity.pod_identity = pod_identities(d, c, &pods, &addons, errors);
        c.identity.oidc_provider = oidc(src, d, &address, &c.at);
    }
    // GuardDuty is account-wide: a managed runtime agent enabled here covers every cluster.
    let g = &d.guardduty;
    let detectors = src.of_type(g.kind);
    let managed = detectors.iter().find(|res| {
        let features: Vec<&Node> = match g.features {
            Some(key) => res.get(key).into_iter().flat_map(Node::items).collect(),
            None => vec![res.body],
        };
        features.into_iter().any(|f| super::guardduty_manages_agent(f, g.keys))
    });
    if let Some(res) = managed {
        let at = res.reader().place(&p(g.at));
        for (_, c) in &mut out {
            c.guardduty_managed_agent = Field::known(true, at.clone());
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

/// The index of the cluster a resource belongs to.
fn owner<S: Resources>(
    src: &S,
    d: &Dialect,
    res: &Res<'_>,
    clusters: &[(Option<String>, Cluster)],
) -> Option<usize> {
    let node = res.get(d.cluster_name);
    if let Some(address) = node.and_then(Node::reference_address) {
        let target = src.at(address)?.address;
        return clusters.iter().position(|(a, _)| a.as_deref() == Some(target.as_str()));
    }
    if let Some(name) = node.filter(|n| n.is_literal()).and_then(Node::as_str)
        && let Some(i) = clusters.iter().position(|(_, c)| c.name.value().is_some_and(|n| n == name))
    {
        return Some(i);
    }
    (clusters.len() == 1).then_some(0)
}

/// The resource's name, or unknown when the form generates one.
pub(crate) fn name(d: &Dialect, r: &mut Reader<'_>, key: &str, at: &Place) -> Field<String> {
    match d.generated_name {
        Some(why) if r.get(&p(key)).is_none() => Field::unknown(at.clone(), why),
        _ => r.string(&p(key), None),
    }
}

/// The place a resource's findings point at: its name, or its head.
pub(crate) fn head(d: &Dialect, r: &Reader<'_>, res: &Res<'_>, key: &str) -> Place {
    let mut at = r.place(&p(key));
    if d.at_head {
        at.span = res.head;
    }
    at
}

fn cluster<S: Resources>(src: &S, d: &Dialect, res: &Res<'_>, errors: &mut Vec<InputError>) -> Cluster {
    let k = &d.cluster;
    let mut r = res.reader();
    let at = head(d, &r, res, k.name);
    let mut c = Cluster::unknown(d.source, at.clone(), &format!("not expressed in {}", d.form));
    c.name = name(d, &mut r, k.name, &at);
    c.region = src.region(&c.at);
    c.version = r.string(&p(k.version), None);
    let o = &k.outpost;
    c.outpost = outpost(&mut r, &p(o.block), &p(o.arns), &p(o.instance_type), o.why_region);
    let (public, private, cidrs) = if c.on_outposts() {
        let why = super::WHY_LOCAL_ENDPOINT;
        ((false, why), (true, why), (Vec::new(), why))
    } else {
        (
            (true, k.public_access.1),
            (false, k.private_access.1),
            (vec!["0.0.0.0/0".into()], "EKS opens the public endpoint to 0.0.0.0/0"),
        )
    };
    c.endpoint.public_access = r.bool(&p(k.public_access.0), Some(public));
    c.auto_mode = r.bool(&p(k.auto_mode.0), Some((false, k.auto_mode.1)));
    c.endpoint.private_access = r.bool(&p(k.private_access.0), Some(private));
    c.endpoint.public_cidrs = super::no_cidrs_is_open(r.spanned_strings(&p(k.public_cidrs), Some(cidrs)));
    let (block, key_arn, why) = k.encryption;
    c.secrets_key = if r.get(&p(block)).is_some() {
        match r.spanned_strings(&p(k.encryption_resources), None) {
            // `resources = []` (or a list without `secrets`) encrypts nothing EKS knows of.
            Field::Known { value, at } if !value.iter().any(|s| s.value == "secrets") => {
                Field::known(None, at)
            }
            _ => r.string_or_reference(&p(key_arn), None).map(Some),
        }
    } else {
        Field::default(None, r.place(&p(block)), why)
    };
    c.logging = log_types(&mut r, &p(k.logging.path), k.logging.item_key, Some((Vec::new(), k.logging.why)));
    c.access.mode = auth_mode(&mut r, &p(k.auth_mode.0), k.auth_mode.1);
    let b = &k.bootstrap;
    c.access.bootstrap_creator_admin = match b.false_in_block {
        Some((block, why_false)) if r.get(&p(block)).is_some() => {
            r.bool(&p(b.path), Some((false, why_false)))
        }
        Some((block, _)) => Field::default(true, r.place(&p(block)), b.why_true),
        None => r.bool(&p(b.path), Some((true, b.why_true))),
    };
    c.cluster_role.arn = r.string(&p(k.role_arn), None).map(Some);
    c.cluster_role.policies = role_policies(src, d, res.get(k.role_arn), &r.place(&p(k.role_arn)));
    c.tags = tags(&mut r, &p(k.tags.0), k.tags.1);
    errors.append(&mut r.errors);
    c
}

/// The control plane on AWS Outposts: the block (Terraform `outpost_config`, CloudFormation
/// `OutpostConfig`, describe-cluster `outpostConfig`) with its Outpost ARNs and instance type;
/// absent, the control plane runs in the Region. A block the input cannot tell (a Terraform
/// `dynamic` block, a CloudFormation `!If`) is unknown.
pub(super) fn outpost(
    r: &mut Reader<'_>,
    block: &FieldPath,
    arns: &FieldPath,
    instance_type: &FieldPath,
    why_region: &'static str,
) -> Field<Option<super::OutpostControlPlane>> {
    let Some(node) = r.get(block) else { return Field::default(None, r.place(block), why_region) };
    if let Some(f) = r.symbolic(node, block) {
        return f;
    }
    let outpost_arns = r.strings(arns, None).value().cloned().unwrap_or_default();
    let instance_type = r.get(instance_type).filter(|n| n.is_literal()).and_then(super::read::scalar);
    Field::known(Some(super::OutpostControlPlane { outpost_arns, instance_type }), r.place(block))
}

/// Control-plane log types: a list of names, or of items holding a name under `item_key`.
pub(super) fn log_types(
    r: &mut Reader<'_>,
    path: &FieldPath,
    item_key: Option<&str>,
    default: Fallback<Vec<String>>,
) -> Field<Vec<LogType>> {
    let names = match item_key {
        None => r.spanned_strings(path, default),
        Some(key) => {
            let Some(node) = r.get(path) else { return absent(r, path, default.map(|(_, why)| why)) };
            if let Some(f) = r.symbolic(node, path) {
                return f;
            }
            let mut names = Vec::new();
            for (item, _) in r.list(path).unwrap_or_default() {
                match r.string(&item.clone().key(key), None) {
                    Field::Known { value, at } => names.push(Spanned { value, at }),
                    _ => return Field::unknown(r.place(&item), "a log type is computed"),
                }
            }
            Field::known(names, r.place(path))
        }
    };
    let mut out = Vec::new();
    for t in names.items() {
        match LogType::parse(&t.value) {
            Some(lt) => out.push(lt),
            None => {
                if let Some(f) = &r.file {
                    r.errors.push(InputError::at(
                        f,
                        t.at.span,
                        crate::msg!("input-unknown-log-type", value = t.value.as_str()),
                    ));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    names.map(|_| out)
}

/// An empty list that applies when a field is absent, or unknown without a default.
fn absent<T>(r: &Reader<'_>, path: &FieldPath, why: Option<&'static str>) -> Field<Vec<T>> {
    match why {
        Some(why) => Field::default(Vec::new(), r.place(path), why),
        None => Field::unknown(r.place(path), "not set"),
    }
}

pub(super) fn auth_mode(r: &mut Reader<'_>, path: &FieldPath, why: &'static str) -> Field<AuthMode> {
    match r.string(path, Some((AuthMode::ConfigMap.as_str(), why))) {
        Field::Unknown { at, reason } => Field::Unknown { at, reason },
        f => match f.value().and_then(|s| AuthMode::parse(s)) {
            Some(m) => f.map(|_| m),
            None => Field::unknown(f.at().clone(), "unrecognised authentication mode"),
        },
    }
}

/// Tags as a map or as a list of `{Key, Value}`.
fn tags(r: &mut Reader<'_>, path: &FieldPath, shape: TagShape) -> Field<Vec<Spanned<Tag>>> {
    if let TagShape::Map = shape {
        return r.string_map(path, Some(((), WHY_TAGS)));
    }
    let Some(node) = r.get(path) else { return Field::default(Vec::new(), r.place(path), WHY_TAGS) };
    if let Some(f) = r.symbolic(node, path) {
        return f;
    }
    let mut out = Vec::new();
    for (tp, _) in r.list(path).unwrap_or_default() {
        let key = r.string(&tp.clone().key("Key"), None);
        let value = r.string(&tp.clone().key("Value"), Some(("", "empty")));
        match (key.value(), value.value()) {
            (Some(k), Some(v)) => {
                out.push(Spanned { value: Tag { key: k.clone(), value: v.clone() }, at: r.place(&tp) });
            }
            _ => return Field::unknown(r.place(&tp), "a tag is computed"),
        }
    }
    Field::known(out, r.place(path))
}

/// A list of resources linked to a cluster: known when there are some, else none by default.
pub(crate) fn list_field<T>(c: &Cluster, items: Vec<T>, why_none: &'static str) -> Field<Vec<T>> {
    if items.is_empty() {
        Field::default(items, c.at.clone(), why_none)
    } else {
        Field::known(items, c.at.clone())
    }
}

/// An optional string: absent is none; a reference to another resource is unknown (an ARN that
/// exists only once the resource does).
pub(crate) fn opt_ref(r: &mut Reader<'_>, path: &FieldPath, why_none: &'static str) -> Field<Option<String>> {
    if r.get(path).is_none() {
        return Field::default(None, r.place(path), why_none);
    }
    r.string(path, None).map(Some)
}

#[cfg(test)]
mod tests;
