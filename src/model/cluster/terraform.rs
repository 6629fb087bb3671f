//! Terraform → [`Cluster`]: one cluster per `aws_eks_cluster` resource and per
//! terraform-aws-modules/eks `module` block (v21 variable names and defaults), with the node
//! groups, launch templates, add-ons, access entries, Fargate profiles, OIDC providers and role
//! policy attachments of the same module linked to it. Absent arguments take the AWS provider's
//! (or the module's) documented default, cited from eks-facts §5; values Terraform only knows at
//! apply time stay unknown.
//!
//! A resource belongs to a cluster when its `cluster_name` refers to that cluster's resource,
//! or names it literally; when the module defines a single cluster, every EKS resource joins it.

use std::sync::Arc;

use crate::diagnostic::InputError;
use crate::document::hcl::{Block, Module};
use crate::document::{FieldPath, Node};

use super::aws_json::eks_effect;
use super::read::Reader;
use super::{
    AccessEntry, AccessPolicy, AccessScope, Addon, AuthMode, Cluster, Field, Imds, LogType, NodeGroup,
    NodeGroupKind, Place, PodIdentityAssociation, Scaling, SourceKind, Ssh, Taint, Volume, ami_family,
};

mod module;
use module::{is_eks_module, module_cluster};

const WHY_PUBLIC: &str = "`endpoint_public_access` defaults to true";
const WHY_PRIVATE: &str = "`endpoint_private_access` defaults to false";
const WHY_CIDRS: &str = "EKS opens the public endpoint to 0.0.0.0/0";
const WHY_SECRETS: &str = "no `encryption_config`: secrets use no customer key";
const WHY_LOGGING: &str = "`enabled_cluster_log_types` defaults to none";
const WHY_AUTH: &str = "EKS uses CONFIG_MAP when `authentication_mode` is omitted";
const WHY_BOOTSTRAP_NO_BLOCK: &str = "without `access_config`, EKS grants the cluster creator admin";
const WHY_BOOTSTRAP_BLOCK: &str = "with `access_config` and the argument omitted, the provider sends false";
const WHY_NONE: &str = "none in the Terraform module";
const WHY_OIDC: &str = "no `aws_iam_openid_connect_provider` for the cluster issuer in the module";
const WHY_TAGS: &str = "no tags";
const WHY_INSTANCE: &str = "EKS uses t3.medium when `instance_types` is unset";
const WHY_DISK: &str = "`disk_size` defaults to 20 GiB without a launch template";
const WHY_SPOT: &str = "`capacity_type` defaults to ON_DEMAND";
const WHY_SSH: &str = "no `remote_access` block: no SSH access";
const WHY_SSH_OPEN: &str = "`remote_access` without `source_security_group_ids` opens SSH to 0.0.0.0/0";
const WHY_LT_ENCRYPTED: &str = "launch template volumes are not encrypted unless `encrypted = true`";
const WHY_LT_TOKENS: &str = "`metadata_options` without `http_tokens` allows IMDSv1";
const WHY_LT_HOPS: &str = "`http_put_response_hop_limit` defaults to 1";
const WHY_ADDON_VERSION: &str = "EKS installs the add-on's default version";
const WHY_ENTRY_TYPE: &str = "`type` defaults to STANDARD";

fn p(s: &str) -> FieldPath {
    FieldPath::parse(s)
}

/// The clusters a Terraform module defines.
#[must_use]
pub fn clusters(module: &Module) -> (Vec<Cluster>, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut out: Vec<(Option<String>, Cluster)> = Vec::new();
    for block in module.resources("aws_eks_cluster").filter(|b| exists(b)) {
        out.push((Some(block.address()), resource_cluster(module, block, &mut errors)));
    }
    // `create = false` makes the eks module (or one of its node groups) create nothing.
    let created = |b: &Block| b.get("create").and_then(Node::as_bool) != Some(false);
    for block in module.blocks_of("module").filter(|b| is_eks_module(b) && exists(b) && created(b)) {
        out.push((None, module_cluster(block, &mut errors)));
    }
    if out.is_empty() {
        return (Vec::new(), errors);
    }
    let owner = |b: &Block, clusters: &[(Option<String>, Cluster)]| -> Option<usize> {
        let node = b.get("cluster_name")?;
        if let Some(addr) = node.reference_address() {
            return clusters
                .iter()
                .position(|(a, _)| a.as_deref().is_some_and(|a| addr.starts_with(&format!("{a}."))));
        }
        if let Some(name) = node.as_str().filter(|_| node.is_literal())
            && let Some(i) = clusters.iter().position(|(_, c)| c.name.value().is_some_and(|n| n == name))
        {
            return Some(i);
        }
        (clusters.len() == 1).then_some(0)
    };
    let mut node_groups = Vec::new();
    for b in module.resources("aws_eks_node_group").filter(|b| exists(b)) {
        node_groups.push((owner(b, &out), node_group(module, b, &mut errors)));
    }
    for b in module.resources("aws_eks_fargate_profile").filter(|b| exists(b)) {
        node_groups.push((owner(b, &out), fargate(b, &mut errors)));
    }
    for (i, ng) in node_groups {
        if let Some(i) = i {
            out[i].1.node_groups.push(ng);
        }
    }
    for i in 0..out.len() {
        let Some(addr) = out[i].0.clone() else { continue };
        let mine = |b: &&Block| owner(b, &out) == Some(i);
        let addons: Vec<&Block> =
            module.resources("aws_eks_addon").filter(|b| exists(b)).filter(mine).collect();
        let entries: Vec<&Block> =
            module.resources("aws_eks_access_entry").filter(|b| exists(b)).filter(mine).collect();
        let associations: Vec<&Block> = module
            .resources("aws_eks_access_policy_association")
            .filter(|b| exists(b))
            .filter(mine)
            .collect();
        let pods: Vec<&Block> =
            module.resources("aws_eks_pod_identity_association").filter(|b| exists(b)).filter(mine).collect();
        let c = &mut out[i].1;
        c.addons = resource_addons(c, &addons, &mut errors);
        c.access.entries = access_entries(c, &entries, &associations, &mut errors);
        c.identity.pod_identity = pod_identities(c, &pods, &addons, &mut errors);
        c.identity.oidc_provider = oidc(module, &addr, &c.at);
    }
    // GuardDuty is account-wide: a managed runtime agent enabled here covers every cluster.
    if let Some(b) = module.resources("aws_guardduty_detector_feature").filter(|b| exists(b)).find(|b| {
        super::guardduty_manages_agent(&b.body, ["name", "status", "additional_configuration", "name"])
    }) {
        for (_, c) in &mut out {
            c.guardduty_managed_agent = Field::known(true, reader(b).place(&p("name")));
        }
    }
    (out.into_iter().map(|(_, c)| c).collect(), errors)
}

/// False only for a literal `count = 0` (or an empty literal `for_each`).
fn exists(b: &Block) -> bool {
    let zero_count = b.get("count").and_then(Node::as_i64) == Some(0);
    let empty_each = b.get("for_each").is_some_and(|n| {
        n.is_literal()
            && (n.as_seq().is_some_and(<[Node]>::is_empty) || n.as_map().is_some_and(|m| m.is_empty()))
    });
    !(zero_count || empty_each)
}

fn reader<'a>(b: &'a Block) -> Reader<'a> {
    Reader::new(Some(Arc::clone(&b.file)), &b.body, b.head, None)
}

fn resource_cluster(module: &Module, b: &Block, errors: &mut Vec<InputError>) -> Cluster {
    let mut r = reader(b);
    let at = r.place(&p("name"));
    let mut c = Cluster::unknown(SourceKind::Terraform, at, "not expressed in Terraform");
    c.name = r.string(&p("name"), None);
    c.region = region(module, &c.at);
    c.version = r.string(&p("version"), None);
    c.endpoint.public_access = r.bool(&p("vpc_config[0].endpoint_public_access"), Some((true, WHY_PUBLIC)));
    c.auto_mode = r.bool(
        &p("compute_config[0].enabled"),
        Some((false, "Auto Mode is off unless `compute_config.enabled`")),
    );
    c.endpoint.private_access =
        r.bool(&p("vpc_config[0].endpoint_private_access"), Some((false, WHY_PRIVATE)));
    c.endpoint.public_cidrs = r.spanned_strings(
        &p("vpc_config[0].public_access_cidrs"),
        Some((vec!["0.0.0.0/0".into()], WHY_CIDRS)),
    );
    c.secrets_key = if r.get(&p("encryption_config")).is_some() {
        r.string_or_reference(&p("encryption_config[0].provider[0].key_arn"), None).map(Some)
    } else {
        Field::default(None, r.place(&p("encryption_config")), WHY_SECRETS)
    };
    c.logging = log_types(&mut r, &p("enabled_cluster_log_types"), Some((Vec::new(), WHY_LOGGING)));
    c.access.mode = auth_mode(&mut r, &p("access_config[0].authentication_mode"), WHY_AUTH);
    c.access.bootstrap_creator_admin = if r.get(&p("access_config")).is_some() {
        r.bool(
            &p("access_config[0].bootstrap_cluster_creator_admin_permissions"),
            Some((false, WHY_BOOTSTRAP_BLOCK)),
        )
    } else {
        Field::default(true, r.place(&p("access_config")), WHY_BOOTSTRAP_NO_BLOCK)
    };
    c.cluster_role.arn = r.string(&p("role_arn"), None).map(Some);
    c.cluster_role.policies = role_policies(module, b.get("role_arn"), &r.place(&p("role_arn")));
    c.tags = r.string_map(&p("tags"), Some(((), WHY_TAGS)));
    errors.append(&mut r.errors);
    c
}

/// The region of the default `provider "aws"` block, when literal.
fn region(module: &Module, at: &Place) -> Field<String> {
    let provider = module.blocks_of("provider").find(|b| b.name() == Some("aws") && b.get("alias").is_none());
    match provider {
        Some(b) if b.get("region").is_some() => {
            let mut r = reader(b);
            r.string(&p("region"), None)
        }
        _ => Field::unknown(at.clone(), "set by the provider configuration or environment"),
    }
}

fn log_types(
    r: &mut Reader<'_>,
    path: &FieldPath,
    default: super::read::Fallback<Vec<String>>,
) -> Field<Vec<LogType>> {
    let types = r.spanned_strings(path, default);
    let mut out = Vec::new();
    for t in types.items() {
        match LogType::parse(&t.value) {
            Some(lt) => out.push(lt),
            None => {
                if let Some(f) = &r.file {
                    r.errors.push(InputError::at(
                        f,
                        t.at.span,
                        format!(
                            "unknown log type `{}`; expected api, audit, authenticator, controllerManager or scheduler",
                            t.value
                        ),
                    ));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    types.map(|_| out)
}

fn auth_mode(r: &mut Reader<'_>, path: &FieldPath, why: &'static str) -> Field<AuthMode> {
    let mode = r.string(path, Some((AuthMode::ConfigMap.as_str(), why)));
    match mode {
        Field::Unknown { at, reason } => Field::Unknown { at, reason },
        f => match f.value().and_then(|s| AuthMode::parse(s)) {
            Some(m) => f.map(|_| m),
            None => Field::unknown(f.at().clone(), "unrecognised authentication mode"),
        },
    }
}

/// Managed policies attached to the role a `role_arn` refers to (`aws_iam_role.x.arn`), by
/// `aws_iam_role_policy_attachment` or the role's `managed_policy_arns`.
fn role_policies(module: &Module, role_arn: Option<&Node>, at: &Place) -> Field<Vec<String>> {
    let Some(addr) = role_arn.and_then(Node::reference_address) else {
        return Field::unknown(at.clone(), "the role is not defined in this module");
    };
    let Some(role) = module.resource_at(addr).filter(|r| r.resource_type() == Some("aws_iam_role")) else {
        return Field::unknown(at.clone(), "the role is not defined in this module");
    };
    let role_addr = format!("{}.", role.address());
    let mut policies = Vec::new();
    for n in role.get("managed_policy_arns").into_iter().flat_map(Node::items) {
        match n.as_str().filter(|_| n.is_literal()) {
            Some(s) => policies.push(policy_name(s)),
            None => return Field::unknown(at.clone(), "a managed policy ARN is computed"),
        }
    }
    for a in module.resources("aws_iam_role_policy_attachment").filter(|b| exists(b)) {
        let to_role = a.get("role").is_some_and(|n| {
            n.reference_address().is_some_and(|r| r.starts_with(&role_addr))
                || n.as_str().is_some_and(|s| Some(s) == role.get("name").and_then(Node::as_str))
        });
        if !to_role {
            continue;
        }
        match a.get("policy_arn").and_then(Node::as_str) {
            Some(s) if a.get("policy_arn").is_some_and(Node::is_literal) => policies.push(policy_name(s)),
            _ => return Field::unknown(at.clone(), "an attached policy ARN is computed"),
        }
    }
    Field::known(policies, at.clone())
}

/// AWS managed policies by name (`AmazonEKSClusterPolicy`), as eksctl names them; others by ARN.
fn policy_name(arn: &str) -> String {
    arn.strip_prefix("arn:aws:iam::aws:policy/").unwrap_or(arn).to_string()
}

fn oidc(module: &Module, cluster_addr: &str, at: &Place) -> Field<bool> {
    let issuer = format!("{cluster_addr}.identity");
    let providers: Vec<&Block> =
        module.resources("aws_iam_openid_connect_provider").filter(|b| exists(b)).collect();
    let url = |b: &Block| b.get("url").and_then(Node::reference_address).map(str::to_string);
    if let Some(b) = providers.iter().find(|b| url(b).is_some_and(|a| a.starts_with(&issuer))) {
        return Field::known(true, reader(b).place(&p("url")));
    }
    // A provider for another cluster of the module is not this cluster's, nor one whose literal
    // URL is not an EKS issuer (a CI provider); a computed URL or a literal issuer might be.
    let other_cluster = |b: &&Block| {
        url(b).is_some_and(|a| a.starts_with("aws_eks_cluster."))
            || b.get("url")
                .filter(|n| n.is_literal())
                .and_then(Node::as_str)
                .is_some_and(|u| !is_eks_issuer(u))
    };
    if providers.iter().all(other_cluster) {
        Field::default(false, at.clone(), WHY_OIDC)
    } else {
        Field::unknown(at.clone(), "an OIDC provider exists whose issuer may be this cluster's")
    }
}

/// Whether a URL can be an EKS cluster's OIDC issuer (`https://oidc.eks.<region>.amazonaws.com/id/…`).
pub(super) fn is_eks_issuer(url: &str) -> bool {
    let host = url.strip_prefix("https://").unwrap_or(url);
    host.starts_with("oidc.eks.")
}

fn list_field<T>(c: &Cluster, items: Vec<T>) -> Field<Vec<T>> {
    if items.is_empty() {
        Field::default(items, c.at.clone(), WHY_NONE)
    } else {
        Field::known(items, c.at.clone())
    }
}

fn resource_addons(c: &Cluster, blocks: &[&Block], errors: &mut Vec<InputError>) -> Field<Vec<Addon>> {
    let mut out = Vec::new();
    for b in blocks {
        let mut r = reader(b);
        out.push(Addon {
            at: r.place(&p("addon_name")),
            name: r.string(&p("addon_name"), None),
            version: r.opt_string(&p("addon_version"), WHY_ADDON_VERSION),
            service_account_role_arn: opt_ref(&mut r, &p("service_account_role_arn")),
            configuration_values: r.opt_string(&p("configuration_values"), WHY_NONE),
        });
        errors.append(&mut r.errors);
    }
    // A name known only at apply (`for_each` with `addon_name = each.key`) may be any add-on.
    if let Some(a) = out.iter().find(|a| a.name.is_unknown()) {
        return Field::unknown(a.at.clone(), "an add-on's name is known only at apply");
    }
    list_field(c, out)
}

/// An optional ARN: absent is none; a reference to a resource of the module is unknown (the
/// ARN exists only after apply).
fn opt_ref(r: &mut Reader<'_>, path: &FieldPath) -> Field<Option<String>> {
    if r.get(path).is_none() {
        return Field::default(None, r.place(path), WHY_NONE);
    }
    r.string(path, None).map(Some)
}

fn access_entries(
    c: &Cluster,
    entries: &[&Block],
    associations: &[&Block],
    errors: &mut Vec<InputError>,
) -> Field<Vec<AccessEntry>> {
    let key =
        |n: Option<&Node>| n.and_then(|n| n.reference_address().or_else(|| n.as_str())).map(str::to_string);
    let mut out = Vec::new();
    for b in entries {
        let mut r = reader(b);
        let principal = key(b.get("principal_arn"));
        let mut policies = Vec::new();
        for a in associations.iter().filter(|a| {
            let k = key(a.get("principal_arn"));
            k.is_some() && (k == principal || principal_refers_to_entry(a, b))
        }) {
            let mut ar = reader(a);
            policies.push(access_policy(&mut ar, &FieldPath::root(), "policy_arn", "access_scope[0]"));
            errors.append(&mut ar.errors);
        }
        out.push(AccessEntry {
            at: r.place(&p("principal_arn")),
            principal_arn: r.string(&p("principal_arn"), None),
            kind: r.string(&p("type"), Some(("STANDARD", WHY_ENTRY_TYPE))),
            username: r.opt_string(&p("user_name"), WHY_NONE),
            groups: r.strings(&p("kubernetes_groups"), Some((Vec::new(), WHY_NONE))),
            policies,
        });
        errors.append(&mut r.errors);
    }
    list_field(c, out)
}

/// `principal_arn = aws_eks_access_entry.x.principal_arn` in an association.
fn principal_refers_to_entry(association: &Block, entry: &Block) -> bool {
    association
        .get("principal_arn")
        .and_then(Node::reference_address)
        .is_some_and(|a| a.starts_with(&format!("{}.", entry.address())))
}

fn access_policy(r: &mut Reader<'_>, base: &FieldPath, arn_key: &str, scope_key: &str) -> AccessPolicy {
    let scope_path = base.clone().join(&p(scope_key));
    let scope_type = r.string(&scope_path.clone().key("type"), None);
    let namespaces = r.strings(&scope_path.clone().key("namespaces"), Some((Vec::new(), WHY_NONE)));
    let scope = match scope_type.value().map(String::as_str) {
        Some("cluster") => scope_type.map(|_| AccessScope::Cluster),
        Some("namespace") => match namespaces.value() {
            Some(ns) => scope_type.map(|_| AccessScope::Namespaces(ns.clone())),
            None => Field::unknown(namespaces.at().clone(), "namespaces are computed"),
        },
        _ => Field::unknown(scope_type.at().clone(), "unrecognised access scope"),
    };
    AccessPolicy { at: r.place(base), policy_arn: r.string(&base.clone().join(&p(arn_key)), None), scope }
}

fn pod_identities(
    c: &Cluster,
    blocks: &[&Block],
    addons: &[&Block],
    errors: &mut Vec<InputError>,
) -> Field<Vec<PodIdentityAssociation>> {
    let mut out = Vec::new();
    for b in blocks {
        let mut r = reader(b);
        out.push(PodIdentityAssociation {
            at: r.place(&p("service_account")),
            namespace: r.string(&p("namespace"), None),
            service_account: r.string(&p("service_account"), None),
            role_arn: opt_ref(&mut r, &p("role_arn")),
        });
        errors.append(&mut r.errors);
    }
    for b in addons {
        let mut r = reader(b);
        for (path, _) in r.list(&p("pod_identity_association")).unwrap_or_default() {
            out.push(PodIdentityAssociation {
                at: r.place(&path),
                namespace: Field::default(
                    "kube-system".into(),
                    r.place(&path),
                    "add-on associations live in kube-system",
                ),
                service_account: r.string(&path.clone().key("service_account"), None),
                role_arn: opt_ref(&mut r, &path.clone().key("role_arn")),
            });
        }
        errors.append(&mut r.errors);
    }
    list_field(c, out)
}

fn node_group(module: &Module, b: &Block, errors: &mut Vec<InputError>) -> NodeGroup {
    let mut r = reader(b);
    let at = r.place(&p("node_group_name"));
    let mut ng = NodeGroup::unknown(NodeGroupKind::Managed, at, "not expressed in Terraform");
    ng.name = r.string(&p("node_group_name"), None);
    ng.instance_types = r.strings(&p("instance_types"), Some((vec!["t3.medium".into()], WHY_INSTANCE)));
    ng.ami_family = match r.get(&p("ami_type")) {
        Some(_) => r.string(&p("ami_type"), None).map(|t| ami_family(&t)),
        None => Field::unknown(r.place(&p("ami_type")), "EKS chooses the AMI type"),
    };
    ng.subnets = r.strings(&p("subnet_ids"), None);
    ng.spot = r.string(&p("capacity_type"), Some(("ON_DEMAND", WHY_SPOT))).map(|t| t == "SPOT");
    ng.scaling = Scaling {
        min: r.int(&p("scaling_config[0].min_size"), None),
        desired: r.int(&p("scaling_config[0].desired_size"), None),
        max: r.int(&p("scaling_config[0].max_size"), None),
    };
    ng.labels =
        r.string_map(&p("labels"), Some(((), WHY_NONE))).map(|v| v.into_iter().map(|t| t.value).collect());
    ng.taints = taints(&mut r, &p("taint"), "key", "value", "effect");
    ng.tags = r.string_map(&p("tags"), Some(((), WHY_TAGS)));
    let template = launch_template(module, &r, b);
    match template {
        LaunchTemplate::None => {
            ng.volume = Volume {
                volume_type: Field::unknown(r.place(&p("disk_size")), "chosen by EKS"),
                size_gib: r.int(&p("disk_size"), Some((20, WHY_DISK))),
                encrypted: Field::unknown(r.place(&p("disk_size")), "EKS's own launch template decides"),
                kms_key: Field::unknown(r.place(&p("disk_size")), "EKS's own launch template decides"),
            };
            ng.imds = Imds {
                v2_required: Field::unknown(
                    r.place(&p("launch_template")),
                    "EKS's own launch template decides",
                ),
                hop_limit: Field::unknown(
                    r.place(&p("launch_template")),
                    "undocumented for EKS's own launch template",
                ),
                pods_blocked: Field::unknown(r.place(&p("launch_template")), "not expressed in Terraform"),
            };
            ng.ssh = remote_access(&mut r);
        }
        LaunchTemplate::Unknown(at) => {
            ng.volume = Volume {
                volume_type: Field::unknown(at.clone(), "set by a launch template outside this module"),
                size_gib: Field::unknown(at.clone(), "set by a launch template outside this module"),
                encrypted: Field::unknown(at.clone(), "set by a launch template outside this module"),
                kms_key: Field::unknown(at.clone(), "set by a launch template outside this module"),
            };
            ng.imds = Imds {
                v2_required: Field::unknown(at.clone(), "set by a launch template outside this module"),
                hop_limit: Field::unknown(at.clone(), "set by a launch template outside this module"),
                pods_blocked: Field::unknown(at.clone(), "not expressed in Terraform"),
            };
            ng.ssh = Ssh {
                enabled: Field::unknown(at.clone(), "set by a launch template outside this module"),
                source_security_groups: Field::unknown(at, "set by a launch template outside this module"),
            };
        }
        LaunchTemplate::Block(lt) => {
            let mut lr = reader(lt);
            ng.volume = Volume {
                volume_type: lr.string(&p("block_device_mappings[0].ebs[0].volume_type"), None),
                size_gib: lr.int(&p("block_device_mappings[0].ebs[0].volume_size"), None),
                encrypted: if lr.get(&p("block_device_mappings")).is_some() {
                    lr.bool(&p("block_device_mappings[0].ebs[0].encrypted"), Some((false, WHY_LT_ENCRYPTED)))
                } else {
                    Field::unknown(lr.place(&p("block_device_mappings")), "the AMI's volume settings apply")
                },
                kms_key: opt_ref(&mut lr, &p("block_device_mappings[0].ebs[0].kms_key_id")),
            };
            ng.imds = if lr.get(&p("metadata_options")).is_some() {
                Imds {
                    v2_required: lr
                        .string(&p("metadata_options[0].http_tokens"), Some(("optional", WHY_LT_TOKENS)))
                        .map(|t| t == "required"),
                    hop_limit: lr
                        .int(&p("metadata_options[0].http_put_response_hop_limit"), Some((1, WHY_LT_HOPS))),
                    pods_blocked: Field::unknown(
                        lr.place(&p("metadata_options")),
                        "not expressed in Terraform",
                    ),
                }
            } else {
                let at = lr.place(&p("metadata_options"));
                Imds {
                    v2_required: Field::unknown(at.clone(), "the AMI's IMDS support applies"),
                    hop_limit: Field::unknown(at.clone(), "the AMI's IMDS support applies"),
                    pods_blocked: Field::unknown(at, "not expressed in Terraform"),
                }
            };
            ng.ssh = if lr.get(&p("key_name")).is_some() {
                Ssh {
                    enabled: lr.string(&p("key_name"), None).map(|_| true),
                    source_security_groups: Field::unknown(
                        lr.place(&p("key_name")),
                        "set by the template's security groups",
                    ),
                }
            } else {
                remote_access(&mut r)
            };
            errors.append(&mut lr.errors);
        }
    }
    errors.append(&mut r.errors);
    ng
}

enum LaunchTemplate<'a> {
    None,
    Unknown(Place),
    Block(&'a Block),
}

fn launch_template<'a>(module: &'a Module, r: &Reader<'_>, b: &Block) -> LaunchTemplate<'a> {
    let Some(lt) = b.get("launch_template").and_then(|n| n.items().next()) else {
        return if b.get("launch_template").is_some_and(Node::is_unknown) {
            LaunchTemplate::Unknown(r.place(&p("launch_template")))
        } else {
            LaunchTemplate::None
        };
    };
    let target = ["id", "name"].iter().find_map(|k| lt.get(k)).and_then(Node::reference_address);
    match target
        .and_then(|a| module.resource_at(a))
        .filter(|t| t.resource_type() == Some("aws_launch_template"))
    {
        Some(t) => LaunchTemplate::Block(t),
        None => LaunchTemplate::Unknown(r.place(&p("launch_template"))),
    }
}

fn remote_access(r: &mut Reader<'_>) -> Ssh {
    if r.get(&p("remote_access")).is_none() {
        let at = r.place(&p("remote_access"));
        return Ssh {
            enabled: Field::default(false, at.clone(), WHY_SSH),
            source_security_groups: Field::default(Vec::new(), at, WHY_SSH),
        };
    }
    Ssh {
        enabled: r.string(&p("remote_access[0].ec2_ssh_key"), None).map(|_| true),
        source_security_groups: r
            .strings(&p("remote_access[0].source_security_group_ids"), Some((Vec::new(), WHY_SSH_OPEN))),
    }
}

fn taints(r: &mut Reader<'_>, path: &FieldPath, key: &str, value: &str, effect: &str) -> Field<Vec<Taint>> {
    if r.get(path).is_some_and(Node::is_unknown) {
        return Field::unknown(r.place(path), "computed, not known from the files");
    }
    let Some(items) = r.list(path) else { return Field::default(Vec::new(), r.place(path), WHY_NONE) };
    let mut out = Vec::new();
    for (tp, _) in items {
        let k = r.string(&tp.clone().key(key), None);
        let v = r.opt_string(&tp.clone().key(value), WHY_NONE);
        let e = r.string(&tp.clone().key(effect), None);
        match (k.value(), v.value(), e.value()) {
            (Some(k), Some(v), Some(e)) => {
                out.push(Taint { key: k.clone(), value: v.clone(), effect: eks_effect(e) })
            }
            _ => return Field::unknown(r.place(&tp), "incomplete taint"),
        }
    }
    Field::known(out, r.place(path))
}

fn fargate(b: &Block, errors: &mut Vec<InputError>) -> NodeGroup {
    let mut r = reader(b);
    let at = r.place(&p("fargate_profile_name"));
    let mut ng = NodeGroup::unknown(NodeGroupKind::Fargate, at.clone(), "does not apply to Fargate");
    ng.name = r.string(&p("fargate_profile_name"), None);
    ng.subnets = r.strings(&p("subnet_ids"), None);
    ng.private_networking = Field::default(true, at, "Fargate pods run only in private subnets");
    ng.tags = r.string_map(&p("tags"), Some(((), WHY_TAGS)));
    errors.append(&mut r.errors);
    ng
}

#[cfg(test)]
mod tests;
