//! Cluster facts read from Kubernetes objects in the scan: `kube-system/aws-auth` mappings
//! (`data.mapRoles`, `mapUsers`, `mapAccounts`, YAML held in strings) and Karpenter `NodePool`
//! objects with their `EC2NodeClass`.

use std::sync::Arc;

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node, SourceFile, Span, yaml};
use crate::model::{Object, ObjectSet};

use super::read::Reader;
use super::{AwsAuthMapping, Field, MappingKind, NodeGroup, NodeGroupKind, ObjectLink, Place, Tag, Volume};

/// Whether an object is the `aws-auth` ConfigMap.
#[must_use]
pub fn is_aws_auth(o: &Object) -> bool {
    o.is("", "ConfigMap") && o.name == "aws-auth" && o.namespace.as_deref().is_none_or(|n| n == "kube-system")
}

/// A Karpenter `NodePool` as a node group, with the cluster its `EC2NodeClass` names.
pub struct Pool {
    pub node_group: NodeGroup,
    /// The value of the `karpenter.sh/discovery` tag the class selects subnets or security groups
    /// by: the cluster's name, by the convention of Karpenter's getting-started guide.
    pub cluster: Option<Field<String>>,
}

/// aws-auth mappings and Karpenter node pools found in the object set.
#[must_use]
pub fn read(set: &ObjectSet) -> (Vec<AwsAuthMapping>, Vec<Pool>, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut mappings = Vec::new();
    for o in set.iter().filter(|o| is_aws_auth(o)) {
        mappings.extend(aws_auth(o, &mut errors));
    }
    let mut pools = Vec::new();
    for o in set.of_kind("karpenter.sh", "NodePool") {
        let class_name =
            o.root.at(&["spec", "template", "spec", "nodeClassRef", "name"]).and_then(Node::as_str);
        // The nearest class of that name when several files define one (see `Object::nearest`).
        let class = o.nearest(
            set.of_kind("karpenter.k8s.aws", "EC2NodeClass").filter(|c| Some(c.name.as_str()) == class_name),
        );
        let cluster = class.and_then(discovery_tag);
        pools.push(Pool { node_group: karpenter(o, class, &mut errors), cluster });
    }
    (mappings, pools, errors)
}

/// The `karpenter.sh/discovery` tag value an `EC2NodeClass` selects subnets or security groups
/// by, with its place.
fn discovery_tag(class: &Object) -> Option<Field<String>> {
    let file = class.origin.as_ref().map(|o| Arc::clone(&o.file));
    let mut r = Reader::new(file, &class.root, class.head(), link(class));
    for terms in ["subnetSelectorTerms", "securityGroupSelectorTerms"] {
        let items = r.list(&FieldPath::root().keys(&["spec", terms])).unwrap_or_default();
        for (tp, term) in items {
            if let Some(value) = term.at(&["tags", "karpenter.sh/discovery"]).and_then(Node::as_str) {
                let at = r.place(&tp.keys(&["tags", "karpenter.sh/discovery"]));
                return Some(Field::known(value.to_string(), at));
            }
        }
    }
    None
}

fn link(o: &Object) -> Option<ObjectLink> {
    Some(ObjectLink { object: o.object_ref(), index: Some(o.index) })
}

fn aws_auth(o: &Object, errors: &mut Vec<InputError>) -> Vec<AwsAuthMapping> {
    let mut out = Vec::new();
    let file = o.origin.as_ref().map(|or| Arc::clone(&or.file));
    for (key, kind) in [
        ("mapRoles", MappingKind::Role),
        ("mapUsers", MappingKind::User),
        ("mapAccounts", MappingKind::Account),
    ] {
        let Some(node) = o.root.at(&["data", key]) else { continue };
        let path = FieldPath::root().keys(&["data", key]);
        let outer = o.locate(&path).span;
        let Some(text) = node.as_str() else {
            if let Some(f) = &file {
                errors.push(InputError::at(
                    f,
                    node.span(),
                    crate::msg!("input-aws-auth-not-string", key = key),
                ));
            }
            continue;
        };
        let stream = yaml::parse(text);
        let map_span =
            |s: Span| file.as_ref().map_or(outer, |f| inner_span(f, node, text, s).unwrap_or(outer));
        for e in &stream.errors {
            if let Some(f) = &file {
                let at = map_span(e.span);
                let message = crate::msg!("input-aws-auth-invalid-yaml", key = key, why = e.message.clone());
                errors.push(InputError::at(f, at, message));
            }
        }
        let Some(doc) = stream.documents.into_iter().next() else { continue };
        let place = |s: Span, p: FieldPath| Place {
            file: file.clone(),
            span: map_span(s),
            path: p,
            missing: None,
            object: link(o),
            set_by: None,
        };
        for (i, item) in doc.root.items().enumerate() {
            let item_path = path.clone().index(i);
            let at = place(head(item), item_path.clone());
            let field = |k: &str| item.get(k).filter(|n| !n.is_null());
            let text_field = |k: &str| -> Field<String> {
                match field(k).and_then(Node::as_str) {
                    Some(s) => {
                        Field::known(s.to_string(), place(entry_span(item, k), item_path.clone().key(k)))
                    }
                    None => Field::unknown(at.clone(), format!("no `{k}`")),
                }
            };
            let (arn, username, groups) = if kind == MappingKind::Account {
                let acct = match item.scalar_text() {
                    Some(s) => Field::known(s, at.clone()),
                    None => Field::unknown(at.clone(), "not an account id"),
                };
                (
                    acct,
                    Field::default(None, at.clone(), "accounts map each principal to its ARN"),
                    Field::default(Vec::new(), at.clone(), "no groups"),
                )
            } else {
                let arn_key = if kind == MappingKind::Role { "rolearn" } else { "userarn" };
                let groups = match field("groups") {
                    None => Field::default(Vec::new(), at.clone(), "no groups"),
                    Some(g) => {
                        let gs: Option<Vec<String>> = g
                            .as_seq()
                            .map(|s| s.iter().filter_map(|x| x.as_str().map(str::to_string)).collect());
                        match gs {
                            Some(gs) => Field::known(
                                gs,
                                place(entry_span(item, "groups"), item_path.clone().key("groups")),
                            ),
                            None => Field::unknown(at.clone(), "groups is not a list"),
                        }
                    }
                };
                (text_field(arn_key), text_field("username").map(Some), groups)
            };
            out.push(AwsAuthMapping { at, kind, arn, username, groups });
        }
    }
    out
}

fn head(n: &Node) -> Span {
    n.as_map().and_then(|m| m.entries.first()).map_or(n.span(), |e| e.key_span.join(e.value.span()))
}

fn entry_span(n: &Node, key: &str) -> Span {
    n.as_map().and_then(|m| m.entry(key)).map_or(n.span(), |e| match e.value.value {
        crate::document::Value::Seq(_) | crate::document::Value::Map(_) => e.key_span,
        _ => e.key_span.join(e.value.span()),
    })
}

/// Maps a span inside a literal block scalar (`|`) back to the file: content line `k` is `k`
/// lines below the first content line, shifted by the block's indentation. Quoted, plain and
/// folded strings (whose escapes or folding move offsets) give `None`; the caller then uses the
/// whole value.
fn inner_span(file: &SourceFile, node: &Node, text: &str, inner: Span) -> Option<Span> {
    let first_line = file.position(node.span().start).line;
    if !last_word_before(file, node.span().start, first_line)?.starts_with('|') {
        return None;
    }
    let indent = (node.span().start - file.line_start(first_line)?) as usize;
    let map = |off: u32| -> Option<u32> {
        let off = (off as usize).min(text.len());
        let line = text[..off].matches('\n').count();
        let col = off - text[..off].rfind('\n').map_or(0, |i| i + 1);
        let start = file.line_start(first_line + line)? as usize;
        u32::try_from(start + indent + col).ok()
    };
    let span = Span { start: map(inner.start)?, end: map(inner.end)? };
    // The mapped text must be the text the inner parser saw (indentation indicators, tabs or a
    // less-indented first line would shift it); otherwise use the whole value.
    let outer = file.slice(span.range())?;
    let seen = text.get(inner.range())?;
    (outer.lines().next() == seen.lines().next()).then_some(span)
}

/// The last word before an offset on line `line` (1-based, the offset's), on the closest line
/// above with one when there is none before it on its own line: a block scalar's indicator.
fn last_word_before(file: &SourceFile, offset: u32, line: usize) -> Option<String> {
    for l in (1..=line).rev() {
        let text = file.line_text(l);
        let upto = if l == line { offset.saturating_sub(file.line_start(l)?) as usize } else { text.len() };
        if let Some(word) = text.get(..upto.min(text.len()))?.split_whitespace().last() {
            return Some(word.to_owned());
        }
    }
    None
}

fn karpenter(pool: &Object, class: Option<&Object>, errors: &mut Vec<InputError>) -> NodeGroup {
    let file = pool.origin.as_ref().map(|o| Arc::clone(&o.file));
    let mut r = Reader::new(file, &pool.root, pool.head(), link(pool));
    let p = |s: &str| FieldPath::parse(s);
    let at = r.place(&p("metadata.name"));
    let mut ng = NodeGroup::unknown(NodeGroupKind::Karpenter, at, "not expressed by Karpenter objects");
    ng.name = r.string(&p("metadata.name"), None);
    let reqs = r.list(&p("spec.template.spec.requirements")).unwrap_or_default();
    let requirement = |key: &str| {
        reqs.iter().find(|(_, n)| {
            n.get("key").and_then(Node::as_str) == Some(key)
                && n.get("operator").and_then(Node::as_str) == Some("In")
        })
    };
    if let Some((rp, _)) = requirement("node.kubernetes.io/instance-type") {
        ng.instance_types = r.strings(&rp.clone().key("values"), None);
    }
    if let Some((rp, _)) = requirement("topology.kubernetes.io/zone") {
        ng.availability_zones = r.strings(&rp.clone().key("values"), None);
    }
    ng.spot = match requirement("karpenter.sh/capacity-type") {
        Some((rp, _)) => r.strings(&rp.clone().key("values"), None).map(|v| v.iter().any(|c| c == "spot")),
        // Karpenter launches on-demand capacity when no capacity-type requirement is given.
        None => Field::default(
            false,
            r.place(&p("spec.template.spec.requirements")),
            "Karpenter launches on-demand capacity by default",
        ),
    };
    ng.labels = r
        .string_map(&p("spec.template.metadata.labels"), Some(((), "none set")))
        .map(|v| v.into_iter().map(|t| t.value).collect::<Vec<Tag>>());
    errors.append(&mut r.errors);
    if let Some(class) = class {
        let file = class.origin.as_ref().map(|o| Arc::clone(&o.file));
        let mut c = Reader::new(file, &class.root, class.head(), link(class));
        // Karpenter's EC2NodeClass defaults (karpenter.sh docs, "EC2NodeClass / metadataOptions"):
        // httpTokens required, hop limit 1.
        ng.imds.v2_required = c
            .string(
                &p("spec.metadataOptions.httpTokens"),
                Some(("required", "Karpenter requires IMDSv2 by default")),
            )
            .map(|t| t == "required");
        ng.imds.hop_limit = c.int(
            &p("spec.metadataOptions.httpPutResponseHopLimit"),
            Some((1, "Karpenter uses hop limit 1 by default")),
        );
        ng.ami_family = c.string(&p("spec.amiFamily"), None).map(|f| super::ami_family(&f));
        if let Some(list) = c.list(&p("spec.blockDeviceMappings")) {
            let root = list
                .iter()
                .find(|(_, n)| n.get("rootVolume").and_then(Node::as_bool) == Some(true))
                .or(list.first());
            if let Some((bp, _)) = root {
                let e = |k: &str| bp.clone().keys(&["ebs", k]);
                ng.volume = Volume {
                    volume_type: c.string(&e("volumeType"), None),
                    size_gib: Field::unknown(c.place(&e("volumeSize")), "a Kubernetes quantity"),
                    encrypted: c.bool(
                        &e("encrypted"),
                        Some((false, "EBS volumes are unencrypted unless `encrypted: true`")),
                    ),
                    kms_key: c.opt_string(&e("kmsKeyID"), "the AWS-managed EBS key when encrypted"),
                };
            }
        }
        if let Some(public) = c.get(&p("spec.associatePublicIPAddress")).and_then(Node::as_bool) {
            ng.private_networking = Field::known(!public, c.place(&p("spec.associatePublicIPAddress")));
        }
        ng.tags = c.string_map(&p("spec.tags"), Some(((), "none set")));
        errors.append(&mut c.errors);
    }
    ng
}
