//! Managed node groups with their launch templates, and Fargate profiles.

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node};

use super::super::aws_json::eks_effect;
use super::super::read::Reader;
use super::super::{Field, Imds, NodeGroup, NodeGroupKind, Place, Scaling, Ssh, Taint, Volume, ami_family};
use super::{
    Dialect, LaunchTemplateKeys, RemoteAccessKeys, Res, Resources, WHY_TAGS, head, name, opt_ref, p,
};

const WHY_FARGATE_PRIVATE: &str = "Fargate pods run only in private subnets";

/// What a node group's launch template argument resolves to.
enum Template<'a> {
    /// None: EKS's own launch template applies.
    None,
    /// One defined elsewhere (or not resolvable from the files).
    Elsewhere(Place),
    Resolved(Res<'a>),
}

pub(crate) fn node_group<S: Resources>(
    src: &S,
    d: &Dialect,
    res: &Res<'_>,
    errors: &mut Vec<InputError>,
) -> NodeGroup {
    let k = &d.node_group;
    let mut r = res.reader();
    let at = head(d, &r, res, k.name);
    let unknown = format!("not expressed in {}", d.form);
    let mut ng = NodeGroup::unknown(NodeGroupKind::Managed, at.clone(), &unknown);
    ng.name = name(d, &mut r, k.name, &at);
    ng.instance_types =
        r.strings(&p(k.instance_types.0), Some((vec!["t3.medium".into()], k.instance_types.1)));
    ng.ami_family = match r.get(&p(k.ami_type)) {
        Some(_) => r.string(&p(k.ami_type), None).map(|t| ami_family(&t)),
        None => Field::unknown(r.place(&p(k.ami_type)), "EKS chooses the AMI type"),
    };
    ng.subnets = r.strings(&p(k.subnets), None);
    ng.spot = r.string(&p(k.capacity_type.0), Some(("ON_DEMAND", k.capacity_type.1))).map(|t| t == "SPOT");
    let [min, desired, max] = k.scaling;
    ng.scaling =
        Scaling { min: r.int(&p(min), None), desired: r.int(&p(desired), None), max: r.int(&p(max), None) };
    ng.labels =
        r.string_map(&p(k.labels), Some(((), d.why_none))).map(|v| v.into_iter().map(|t| t.value).collect());
    ng.taints = taints(&mut r, &p(k.taints.0), k.taints.1, d.why_none);
    ng.tags = r.string_map(&p(k.tags), Some(((), WHY_TAGS)));
    let (lt_key, lt_refs) = k.launch_template;
    let template = match r.get(&p(lt_key)) {
        None => Template::None,
        Some(_) => lt_refs
            .iter()
            .find_map(|key| r.get(&p(key)))
            .and_then(Node::reference_address)
            .and_then(|a| src.at(a))
            .filter(|t| t.kind == d.launch_template.kind)
            .map_or_else(|| Template::Elsewhere(r.place(&p(lt_key))), Template::Resolved),
    };
    match template {
        Template::None => {
            let disk = p(k.disk_size.0);
            let own = "EKS's own launch template decides";
            ng.volume = Volume {
                volume_type: Field::unknown(r.place(&disk), "chosen by EKS"),
                size_gib: r.int(&disk, Some((20, k.disk_size.1))),
                encrypted: Field::unknown(r.place(&disk), own),
                kms_key: Field::unknown(r.place(&disk), own),
            };
            let at = r.place(&p(lt_key));
            ng.imds = Imds {
                v2_required: Field::unknown(at.clone(), own),
                hop_limit: Field::unknown(at.clone(), own),
                pods_blocked: Field::unknown(at, &unknown),
            };
            ng.ssh = remote_access(&mut r, &k.remote_access);
        }
        Template::Elsewhere(at) => {
            let why = format!("set by a launch template outside this {}", d.container);
            ng.volume = Volume {
                volume_type: Field::unknown(at.clone(), &why),
                size_gib: Field::unknown(at.clone(), &why),
                encrypted: Field::unknown(at.clone(), &why),
                kms_key: Field::unknown(at.clone(), &why),
            };
            ng.imds = Imds {
                v2_required: Field::unknown(at.clone(), &why),
                hop_limit: Field::unknown(at.clone(), &why),
                pods_blocked: Field::unknown(at.clone(), &unknown),
            };
            ng.ssh = Ssh {
                enabled: Field::unknown(at.clone(), &why),
                source_security_groups: Field::unknown(at, &why),
            };
        }
        Template::Resolved(lt) => {
            let mut lr = lt.reader();
            let (volume, imds, ssh) = from_template(&mut lr, &d.launch_template, &unknown, d.why_none);
            ng.volume = volume;
            ng.imds = imds;
            ng.ssh = ssh.unwrap_or_else(|| remote_access(&mut r, &k.remote_access));
            errors.append(&mut lr.errors);
        }
    }
    errors.append(&mut r.errors);
    ng
}

/// What a launch template (a template resource of a module or stack, a version of
/// `describe-launch-template-versions` output) sets for the nodes of a managed node group: the
/// root volume, IMDS, and SSH when it names a key pair (`None` otherwise: the node group's
/// remote access applies). `unknown` is why IMDS blocking for pods is not known.
pub(crate) fn from_template(
    lr: &mut Reader<'_>,
    l: &LaunchTemplateKeys,
    unknown: &str,
    why_none: &'static str,
) -> (Volume, Imds, Option<Ssh>) {
    let [volume_type, size, encrypted, kms] = l.ebs_keys;
    let ebs = p(l.ebs);
    let volume = Volume {
        volume_type: lr.string(&ebs.clone().key(volume_type), None),
        size_gib: lr.int(&ebs.clone().key(size), None),
        encrypted: if lr.get(&p(l.block_devices)).is_some() {
            lr.bool(&ebs.clone().key(encrypted), Some((false, l.why_unencrypted)))
        } else {
            Field::unknown(lr.place(&p(l.block_devices)), "the AMI's volume settings apply")
        },
        kms_key: opt_ref(lr, &ebs.clone().key(kms), why_none),
    };
    let metadata = p(l.metadata);
    // Without metadata options EC2 applies the AMI's IMDS support (eks-facts §5.3).
    let imds = if lr.get(&metadata).is_some() {
        Imds {
            v2_required: lr.string(&p(l.http_tokens.0), l.http_tokens.1).map(|t| t == "required"),
            hop_limit: lr.int(&p(l.hop_limit.0), l.hop_limit.1),
            pods_blocked: Field::unknown(lr.place(&metadata), unknown),
        }
    } else {
        let at = lr.place(&metadata);
        Imds {
            v2_required: Field::unknown(at.clone(), "the AMI's IMDS support applies"),
            hop_limit: Field::unknown(at.clone(), "the AMI's IMDS support applies"),
            pods_blocked: Field::unknown(at, unknown),
        }
    };
    let ssh = lr.get(&p(l.key_name)).is_some().then(|| Ssh {
        enabled: lr.string(&p(l.key_name), None).map(|_| true),
        source_security_groups: Field::unknown(
            lr.place(&p(l.key_name)),
            "set by the template's security groups",
        ),
    });
    (volume, imds, ssh)
}

fn remote_access(r: &mut Reader<'_>, k: &RemoteAccessKeys) -> Ssh {
    if r.get(&p(k.block)).is_none() {
        let at = r.place(&p(k.block));
        return Ssh {
            enabled: Field::default(false, at.clone(), k.why_none),
            source_security_groups: Field::default(Vec::new(), at, k.why_none),
        };
    }
    Ssh {
        enabled: r.string(&p(k.key), None).map(|_| true),
        source_security_groups: r.strings(&p(k.source_groups), Some((Vec::new(), k.why_open))),
    }
}

/// A list of taints, each with key, value and effect keys.
fn taints(
    r: &mut Reader<'_>,
    path: &FieldPath,
    keys: [&str; 3],
    why_none: &'static str,
) -> Field<Vec<Taint>> {
    let Some(node) = r.get(path) else { return Field::default(Vec::new(), r.place(path), why_none) };
    if let Some(f) = r.symbolic(node, path) {
        return f;
    }
    let mut out = Vec::new();
    for (tp, _) in r.list(path).unwrap_or_default() {
        match taint(r, &tp, keys, why_none) {
            Some(t) => out.push(t),
            None => return Field::unknown(r.place(&tp), "incomplete taint"),
        }
    }
    Field::known(out, r.place(path))
}

/// One taint at `path`; `None` when a part is not known.
pub(crate) fn taint(
    r: &mut Reader<'_>,
    path: &FieldPath,
    keys: [&str; 3],
    why_none: &'static str,
) -> Option<Taint> {
    let [key, value, effect] = keys;
    let key = r.string(&path.clone().key(key), None);
    let value = r.opt_string(&path.clone().key(value), why_none);
    let effect = r.string(&path.clone().key(effect), None);
    match (key.value(), value.value(), effect.value()) {
        (Some(k), Some(v), Some(e)) => {
            Some(Taint { key: k.clone(), value: v.clone(), effect: eks_effect(e) })
        }
        _ => None,
    }
}

pub(crate) fn fargate(d: &Dialect, res: &Res<'_>, errors: &mut Vec<InputError>) -> NodeGroup {
    let k = &d.fargate;
    let mut r = res.reader();
    let at = r.place(&p(k.name));
    let mut ng = NodeGroup::unknown(NodeGroupKind::Fargate, at.clone(), "does not apply to Fargate");
    ng.name = r.string(&p(k.name), None);
    ng.subnets = r.strings(&p(k.subnets), None);
    ng.private_networking = Field::default(true, at, WHY_FARGATE_PRIVATE);
    if let Some(tags) = k.tags {
        ng.tags = r.string_map(&p(tags), Some(((), WHY_TAGS)));
    }
    errors.append(&mut r.errors);
    ng
}

/// A Fargate profile of the given name, placed at `at` (the eks module's map entries).
pub(crate) fn fargate_profile(at: Place, name: Field<String>) -> NodeGroup {
    let mut ng = NodeGroup::unknown(NodeGroupKind::Fargate, at.clone(), "does not apply to Fargate");
    ng.name = name;
    ng.private_networking = Field::default(true, at, WHY_FARGATE_PRIVATE);
    ng
}
