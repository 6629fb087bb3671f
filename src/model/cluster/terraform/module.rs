//! The terraform-aws-modules/eks module → [`Cluster`]: one cluster per `module` block whose
//! `source` is the registry module or its Git repository, with its managed and self-managed node
//! groups, Fargate profiles, add-ons and access entries. Inputs are read under the names and with
//! the defaults of the block's major version ([`super::era`]): v21 (eks-facts §5.9), or v20 and
//! v19, whose cluster inputs carry a `cluster_` prefix and whose defaults differ where noted.
//! Values the module computes stay unknown.

use crate::diagnostic::InputError;
use crate::document::hcl::Block;
use crate::document::{FieldPath, Node};
use crate::model::cluster::eks_api::{
    self, AccessPolicyKeys, WHY_ADDON_VERSION, access_policy, addon_association, auth_mode, list_field,
    log_types, opt_ref, p, taint,
};
use crate::model::cluster::read::Reader;
use crate::model::cluster::{
    AccessEntry, AccessPolicy, AccessScope, Addon, AuthMode, CLUSTER_ADMIN_POLICY, Cluster, ClusterRole,
    Field, Imds, NodeGroup, NodeGroupKind, PodIdentityAssociation, Scaling, SourceKind, Ssh, Taint, Volume,
    ami_family,
};

use super::era::{Era, Inputs};
use super::{WHY_ENTRY_TYPE, WHY_INSTANCE, WHY_LT_ENCRYPTED, WHY_NONE, WHY_SSH_OPEN, reader};

const WHY_TAGS: &str = "no tags";
/// `access_entries.<name>.policy_associations.<name>`.
const MODULE_POLICY: AccessPolicyKeys = AccessPolicyKeys {
    arn: "policy_arn",
    scope: "access_scope",
    scope_type: "type",
    namespaces: "namespaces",
};
const WHY_M_REGION: &str = "no `outpost_config`: the eks module creates the control plane in the AWS Region";
const WHY_M_PUBLIC: &str = "the eks module defaults `endpoint_public_access` to false";
const WHY_M_PRIVATE: &str = "the eks module defaults `endpoint_private_access` to true";
const WHY_M_CIDRS: &str = "the eks module defaults `endpoint_public_access_cidrs` to 0.0.0.0/0";
const WHY_M_LOGS: &str = "the eks module enables audit, api and authenticator logs";
const WHY_M_KEY: &str = "the eks module creates a KMS key for secrets (`create_kms_key`)";
const WHY_M_AUTH: &str = "the eks module defaults to API_AND_CONFIG_MAP";
const WHY_M_BOOTSTRAP: &str =
    "the eks module always sends `bootstrap_cluster_creator_admin_permissions = false`";
const WHY_M_IRSA: &str = "the eks module's `enable_irsa` defaults to true";
const WHY_M_ADDONS: &str = "the eks module installs no add-ons by default and disables self-managed ones";
const WHY_M_ROLE: &str = "the eks module creates the cluster role with AmazonEKSClusterPolicy";
const WHY_M_AMI: &str = "the node group sub-module uses AL2023_x86_64_STANDARD";
const WHY_M_SPOT: &str = "the node group sub-module uses ON_DEMAND";
const WHY_M_SIZE: &str = "the node group sub-module uses min 1, desired 1, max 3";
const WHY_M_TOKENS: &str = "the node group sub-module requires IMDSv2";
const WHY_M_HOPS: &str = "the node group sub-module sets the hop limit to 1";
const WHY_M_VOLUME: &str = "`block_device_mappings = null`: no volume encryption unless set";
const WHY_M_SSH: &str = "the node group sub-module sets no `remote_access` or `key_name`";
// Before v21 (the module's UPGRADE-19.0, -20.0 and -21.0 notes; eks-facts §5.9 for the hop limit).
const WHY_M20_PUBLIC: &str = "the eks module defaults `cluster_endpoint_public_access` to false";
const WHY_M20_PRIVATE: &str = "the eks module defaults `cluster_endpoint_private_access` to true";
const WHY_M20_CIDRS: &str = "the eks module defaults `cluster_endpoint_public_access_cidrs` to 0.0.0.0/0";
const WHY_M20_AUTO: &str = "the eks module leaves Auto Mode off unless `cluster_compute_config.enabled`";
const WHY_M20_ADDONS: &str = "the eks module installs no add-ons unless `cluster_addons` lists them";
const WHY_M19_AUTH: &str = "before v20 the eks module sends no `access_config`: EKS uses CONFIG_MAP";
const WHY_M19_BOOTSTRAP: &str =
    "before v20 the eks module sends no `access_config`: EKS grants the cluster creator admin";
const WHY_M20_HOPS: &str = "before v21 the node group sub-module sets the hop limit to 2";
const WHY_M20_AMI: &str = "before v21 the node group sub-module leaves `ami_type` to EKS";
/// Why a default that changed between versions is unknown.
const WHY_UNPINNED: &str = "the eks module's version is not pinned, and this default depends on it";
const WHY_BEFORE_19: &str = "the eks module's defaults before v19 are not modelled";

/// The registry source of the terraform-aws-modules/eks root module.
const EKS_MODULE: &str = "terraform-aws-modules/eks/aws";

pub(super) fn is_eks_module(b: &Block) -> bool {
    b.get("source").and_then(Node::as_str).is_some_and(|s| {
        // A Git source may pin a ref (`?ref=v20.8.5`).
        let s = s.split_once('?').map_or(s, |(s, _)| s).trim_end_matches('/');
        s == EKS_MODULE || s.ends_with("/terraform-aws-eks") || s.ends_with("/terraform-aws-eks.git")
    })
}

/// Which defaults apply: the pinned version's; an unpinned block with v21 names takes v21's (the
/// registry serves the latest version), one with v20 names [`Era::Unknown`]: defaults that
/// changed between versions are unknown.
fn defaults_era(inputs: &Inputs<'_>) -> Era {
    match inputs.era {
        Era::Unknown if !inputs.prefixed() => Era::V21,
        era => era,
    }
}

/// A default the module has had since v19 (the endpoint's access, the KMS key).
fn since_19<T>(
    era: Era,
    v21: (T, &'static str),
    v20: (T, &'static str),
) -> Result<(T, &'static str), &'static str> {
    match era {
        Era::V21 => Ok(v21),
        Era::V20 | Era::V19 => Ok(v20),
        Era::Before19 => Err(WHY_BEFORE_19),
        Era::Unknown => Err(WHY_UNPINNED),
    }
}

/// The module's `outpost_config`: a map with entries puts the control plane on AWS Outposts
/// (the module creates a local cluster when it is not empty); absent, null or empty, the
/// control plane runs in the Region.
fn outpost(r: &mut Reader<'_>, b: &Block) -> Field<Option<crate::model::cluster::OutpostControlPlane>> {
    let path = p("outpost_config");
    match b.get("outpost_config") {
        None => Field::default(None, r.place(&path), WHY_M_REGION),
        Some(n) if !n.is_literal() => {
            r.symbolic(n, &path).unwrap_or_else(|| Field::unknown(r.place(&path), "computed"))
        }
        Some(n) if n.is_null() || n.as_map().is_some_and(|m| m.entries.is_empty()) => {
            Field::known(None, r.place(&path))
        }
        Some(_) => {
            let outpost_arns =
                r.strings(&path.clone().key("outpost_arns"), None).value().cloned().unwrap_or_default();
            let instance_type = r
                .get(&path.clone().key("control_plane_instance_type"))
                .filter(|n| n.is_literal())
                .and_then(crate::model::cluster::read::scalar);
            Field::known(
                Some(crate::model::cluster::OutpostControlPlane { outpost_arns, instance_type }),
                r.place(&path),
            )
        }
    }
}

/// A terraform-aws-modules/eks `module` block, with the module's defaults.
pub(super) fn cluster(b: &Block, errors: &mut Vec<InputError>) -> Cluster {
    let inputs = Inputs::new(b, errors);
    let era = defaults_era(&inputs);
    let n = |v21: &'static str| p(inputs.name(v21));
    let pre21 = inputs.prefixed();
    let mut r = reader(b);
    let at = r.place(&n("name"));
    let mut c = Cluster::unknown(SourceKind::Terraform, at, "not expressed by the eks module");
    c.name = r.string(&n("name"), None);
    c.version = r.string(&n("kubernetes_version"), None);
    c.outpost = outpost(&mut r, b);
    let default =
        |r: &mut Reader<'_>, path: &FieldPath, d: Result<(bool, &'static str), &'static str>| match d {
            Ok(d) => r.bool(path, Some(d)),
            Err(why) if r.get(path).is_none() => Field::unknown(r.place(path), why),
            Err(_) => r.bool(path, None),
        };
    let public = since_19(era, (false, WHY_M_PUBLIC), (false, WHY_M20_PUBLIC));
    c.endpoint.public_access = default(&mut r, &n("endpoint_public_access"), public);
    let why_auto = if pre21 {
        WHY_M20_AUTO
    } else {
        "the eks module leaves Auto Mode off unless `compute_config.enabled`"
    };
    c.auto_mode = r.bool(&n("compute_config").key("enabled"), Some((false, why_auto)));
    let private = since_19(era, (true, WHY_M_PRIVATE), (true, WHY_M20_PRIVATE));
    c.endpoint.private_access = default(&mut r, &n("endpoint_private_access"), private);
    let why_cidrs = if pre21 { WHY_M20_CIDRS } else { WHY_M_CIDRS };
    c.endpoint.public_cidrs = super::super::no_cidrs_is_open(
        r.spanned_strings(&n("endpoint_public_access_cidrs"), Some((vec!["0.0.0.0/0".into()], why_cidrs))),
    );
    let encryption = n("encryption_config");
    let key = |s: &str| encryption.clone().join(&p(s));
    c.secrets_key = match b.get(inputs.name("encryption_config")) {
        Some(n) if n.is_null() && !n.is_unknown() => Field::known(None, r.place(&encryption)),
        // Before v21 an empty map turns encryption off (the module encrypts when it has entries).
        Some(n) if n.is_literal() && n.as_map().is_some_and(|m| m.entries.is_empty()) && era != Era::V21 => {
            match era {
                Era::V20 | Era::V19 => Field::known(None, r.place(&encryption)),
                Era::Before19 => Field::unknown(r.place(&encryption), WHY_BEFORE_19),
                _ => Field::unknown(r.place(&encryption), WHY_UNPINNED),
            }
        }
        // `resources = []` (or a list without `secrets`) encrypts nothing EKS knows of.
        Some(n)
            if n.get("resources").and_then(Node::as_seq).is_some_and(|items| {
                !items.iter().any(|i| i.is_literal() && i.as_str() == Some("secrets"))
                    && items.iter().all(Node::is_literal)
            }) =>
        {
            Field::known(None, r.place(&key("resources")))
        }
        Some(n) if n.get("provider_key_arn").is_some() => {
            r.string_or_reference(&key("provider_key_arn"), None).map(Some)
        }
        Some(n) if !n.is_literal() => r.symbolic(n, &encryption).unwrap_or_else(|| unreachable(&c)),
        _ => match default(&mut r, &p("create_kms_key"), since_19(era, (true, WHY_M_KEY), (true, WHY_M_KEY)))
        {
            f if f.is_true() => f.map(|_| Some("created by the eks module".to_string())),
            f if f.is_false() => {
                Field::unknown(f.at().clone(), "no key given while `create_kms_key = false`")
            }
            f => f.map(|_| None),
        },
    };
    c.logging = log_types(
        &mut r,
        &n("enabled_log_types"),
        None,
        Some((vec!["audit".into(), "api".into(), "authenticator".into()], WHY_M_LOGS)),
    );
    let mode = p("authentication_mode");
    c.access.mode = match (r.get(&mode), era) {
        (Some(_), _) => auth_mode(&mut r, &mode, WHY_M_AUTH),
        (None, Era::V21 | Era::V20) => Field::default(AuthMode::ApiAndConfigMap, r.place(&mode), WHY_M_AUTH),
        (None, Era::V19 | Era::Before19) => Field::default(AuthMode::ConfigMap, r.place(&mode), WHY_M19_AUTH),
        (None, Era::Unknown) => Field::unknown(r.place(&mode), WHY_UNPINNED),
    };
    c.access.bootstrap_creator_admin = match era {
        Era::V21 | Era::V20 => Field::default(false, c.at.clone(), WHY_M_BOOTSTRAP),
        Era::V19 | Era::Before19 => Field::default(true, c.at.clone(), WHY_M19_BOOTSTRAP),
        Era::Unknown => Field::unknown(c.at.clone(), WHY_UNPINNED),
    };
    c.access.entries = module_access_entries(&mut r, &c);
    c.identity.oidc_provider = r.bool(&p("enable_irsa"), Some((true, WHY_M_IRSA)));
    let addons = n("addons");
    c.identity.pod_identity = module_pod_identities(&mut r, &c, &addons);
    c.addons = module_addons(&mut r, &addons, if pre21 { WHY_M20_ADDONS } else { WHY_M_ADDONS });
    c.cluster_role = if r.get(&p("iam_role_arn")).is_some()
        && !r.bool(&p("create_iam_role"), Some((true, WHY_M_ROLE))).is_true()
    {
        ClusterRole {
            arn: r.string(&p("iam_role_arn"), None).map(Some),
            policies: Field::unknown(r.place(&p("iam_role_arn")), "an existing role is used"),
        }
    } else {
        ClusterRole {
            arn: Field::unknown(c.at.clone(), "the eks module creates the role"),
            policies: Field::default(vec!["AmazonEKSClusterPolicy".into()], c.at.clone(), WHY_M_ROLE),
        }
    };
    c.tags = r.string_map(&p("tags"), Some(((), WHY_TAGS)));
    let groups = p("eks_managed_node_groups");
    let names: Vec<String> = b
        .get("eks_managed_node_groups")
        .into_iter()
        .flat_map(Node::entries)
        .filter(|(_, g)| g.get("create").and_then(Node::as_bool) != Some(false))
        .map(|(k, _)| k.to_string())
        .collect();
    // Before v21, `eks_managed_node_group_defaults` holds what a group leaves out.
    let group_defaults = pre21.then(|| p("eks_managed_node_group_defaults"));
    for name in names {
        let path = groups.clone().key(&name);
        c.node_groups.push(module_node_group(&mut r, &path, group_defaults.as_ref(), &name, era));
    }
    // Self-managed groups: their sub-module's defaults are not in eks-facts, so only what is
    // written is read.
    let self_managed: Vec<String> = b
        .get("self_managed_node_groups")
        .into_iter()
        .flat_map(Node::entries)
        .filter(|(_, g)| g.get("create").and_then(Node::as_bool) != Some(false))
        .map(|(k, _)| k.to_string())
        .collect();
    for name in self_managed {
        let path = p("self_managed_node_groups").key(&name);
        let mut ng = NodeGroup::unknown(
            NodeGroupKind::SelfManaged,
            r.place(&path),
            "not read for self-managed groups",
        );
        ng.name =
            r.string(&path.clone().key("name"), Some((name.as_str(), "the map key names the node group")));
        if r.get(&path.clone().key("instance_type")).is_some() {
            ng.instance_types = r.string(&path.clone().key("instance_type"), None).map(|t| vec![t]);
        }
        c.node_groups.push(ng);
    }
    let profiles: Vec<String> =
        b.get("fargate_profiles").into_iter().flat_map(Node::entries).map(|(k, _)| k.to_string()).collect();
    for name in profiles {
        let path = p("fargate_profiles").key(&name);
        let name =
            r.string(&path.clone().key("name"), Some((name.as_str(), "the map key names the profile")));
        c.node_groups.push(eks_api::fargate_profile(r.place(&path), name));
    }
    errors.append(&mut r.errors);
    c
}

fn unreachable(c: &Cluster) -> Field<Option<String>> {
    Field::unknown(c.at.clone(), "computed, not known from the files")
}

fn module_access_entries(r: &mut Reader<'_>, c: &Cluster) -> Field<Vec<AccessEntry>> {
    let base = p("access_entries");
    if let Some(n) = r.get(&base)
        && let Some(f) = r.symbolic::<Vec<AccessEntry>>(n, &base)
    {
        return f;
    }
    let names: Vec<String> =
        r.get(&base).into_iter().flat_map(Node::entries).map(|(k, _)| k.to_string()).collect();
    let mut out = Vec::new();
    for name in &names {
        let path = base.clone().key(name);
        let pol_base = path.clone().key("policy_associations");
        let pol_names: Vec<String> =
            r.get(&pol_base).into_iter().flat_map(Node::entries).map(|(k, _)| k.to_string()).collect();
        let policies = pol_names
            .iter()
            .map(|pn| access_policy(&MODULE_POLICY, r, &pol_base.clone().key(pn), WHY_NONE))
            .collect();
        out.push(AccessEntry {
            at: r.place(&path),
            principal_arn: r.string(&path.clone().key("principal_arn"), None),
            kind: r.string(&path.clone().key("type"), Some(("STANDARD", WHY_ENTRY_TYPE))),
            username: r.opt_string(&path.clone().key("user_name"), WHY_NONE),
            groups: r.strings(&path.clone().key("kubernetes_groups"), Some((Vec::new(), WHY_NONE))),
            policies,
        });
    }
    let creator = p("enable_cluster_creator_admin_permissions");
    let admin = r.bool(&creator, Some((false, "the eks module adds no creator entry by default")));
    if admin.is_true() {
        let at = r.place(&creator);
        out.push(AccessEntry {
            at: at.clone(),
            principal_arn: Field::unknown(at.clone(), "the identity that runs Terraform"),
            kind: Field::default("STANDARD".into(), at.clone(), WHY_ENTRY_TYPE),
            username: Field::default(None, at.clone(), WHY_NONE),
            groups: Field::default(Vec::new(), at.clone(), WHY_NONE),
            policies: vec![AccessPolicy {
                at: at.clone(),
                policy_arn: Field::known(CLUSTER_ADMIN_POLICY.into(), at.clone()),
                scope: Field::known(AccessScope::Cluster, at),
            }],
        });
    }
    if admin.is_unknown() {
        return Field::unknown(admin.at().clone(), "unknown whether the creator gets an entry");
    }
    if r.get(&base).is_some() || !out.is_empty() {
        Field::known(out, r.place(&base))
    } else {
        Field::default(out, c.at.clone(), WHY_NONE)
    }
}

/// Pod Identity associations given to the module's add-ons (`addons.<name>.pod_identity_association`).
fn module_pod_identities(
    r: &mut Reader<'_>,
    c: &Cluster,
    base: &FieldPath,
) -> Field<Vec<PodIdentityAssociation>> {
    let Some(n) = r.get(base) else { return Field::default(Vec::new(), c.at.clone(), WHY_NONE) };
    if let Some(f) = r.symbolic(n, base) {
        return f;
    }
    let names: Vec<String> = n.entries().map(|(k, _)| k.to_string()).collect();
    let mut out = Vec::new();
    for name in names {
        let path = base.clone().key(&name).key("pod_identity_association");
        if let Some(node) = r.get(&path)
            && !node.is_literal()
        {
            return Field::unknown(r.place(&path), "computed, not known from the files");
        }
        for (ip, _) in r.list(&path).unwrap_or_default() {
            out.push(addon_association(r, &ip, "service_account", "role_arn", WHY_NONE));
        }
    }
    list_field(c, out, WHY_NONE)
}

fn module_addons(r: &mut Reader<'_>, base: &FieldPath, why_none: &'static str) -> Field<Vec<Addon>> {
    let Some(n) = r.get(base) else { return Field::default(Vec::new(), r.place(base), why_none) };
    if let Some(f) = r.symbolic(n, base) {
        return f;
    }
    let names: Vec<String> = n.entries().map(|(k, _)| k.to_string()).collect();
    let mut out = Vec::new();
    for key in names {
        let path = base.clone().key(&key);
        out.push(Addon {
            at: r.place(&path),
            name: r.string(&path.clone().key("name"), Some((key.as_str(), "the map key names the add-on"))),
            version: r.opt_string(&path.clone().key("addon_version"), WHY_ADDON_VERSION),
            service_account_role_arn: opt_ref(r, &path.clone().key("service_account_role_arn"), WHY_NONE),
            configuration_values: r.opt_string(&path.clone().key("configuration_values"), WHY_NONE),
        });
    }
    Field::known(out, r.place(base))
}

fn module_node_group(
    r: &mut Reader<'_>,
    path: &FieldPath,
    defaults: Option<&FieldPath>,
    key: &str,
    era: Era,
) -> NodeGroup {
    // A group's input, or the same input of the defaults map when the group leaves it out (the
    // whole top-level value is taken, as the module's `try` does).
    let inherited: Vec<String> = defaults
        .and_then(|d| r.get(d))
        .into_iter()
        .flat_map(Node::entries)
        .map(|(top, _)| top.to_string())
        .filter(|top| r.get(&path.clone().key(top)).is_none())
        .collect();
    let k = |s: &str| {
        let top = s.split('.').next().unwrap_or(s);
        match defaults {
            Some(d) if inherited.iter().any(|t| t == top) => d.clone().join(&p(s)),
            _ => path.clone().join(&p(s)),
        }
    };
    let at = r.place(path);
    let mut ng = NodeGroup::unknown(NodeGroupKind::Managed, at, "not expressed by the eks module");
    ng.name = r.string(&path.clone().key("name"), Some((key, "the map key names the node group")));
    ng.instance_types = r.strings(&k("instance_types"), Some((vec!["t3.medium".into()], WHY_INSTANCE)));
    let ami = k("ami_type");
    ng.ami_family = match era {
        Era::V21 => r.string(&ami, Some(("AL2023_x86_64_STANDARD", WHY_M_AMI))),
        _ if r.get(&ami).is_none() => Field::unknown(r.place(&ami), WHY_M20_AMI),
        _ => r.string(&ami, None),
    }
    .map(|t| ami_family(&t));
    ng.subnets = r.strings(&k("subnet_ids"), None);
    ng.spot = r.string(&k("capacity_type"), Some(("ON_DEMAND", WHY_M_SPOT))).map(|t| t == "SPOT");
    ng.scaling = Scaling {
        min: r.int(&k("min_size"), Some((1, WHY_M_SIZE))),
        desired: r.int(&k("desired_size"), Some((1, WHY_M_SIZE))),
        max: r.int(&k("max_size"), Some((3, WHY_M_SIZE))),
    };
    ng.labels =
        r.string_map(&k("labels"), Some(((), WHY_NONE))).map(|v| v.into_iter().map(|t| t.value).collect());
    ng.taints = module_taints(r, &k("taints"));
    ng.tags = r.string_map(&k("tags"), Some(((), WHY_TAGS)));
    let hops = k("metadata_options.http_put_response_hop_limit");
    ng.imds = Imds {
        v2_required: r
            .string(&k("metadata_options.http_tokens"), Some(("required", WHY_M_TOKENS)))
            .map(|t| t == "required"),
        hop_limit: match era {
            Era::V21 => r.int(&hops, Some((1, WHY_M_HOPS))),
            // The module's own `metadata_options` (hop limit 2) applies only when the group
            // sets none; a map without the hop limit leaves it to the launch template's default.
            _ if r.get(&k("metadata_options")).is_some() => {
                r.int(&hops, Some((1, "`http_put_response_hop_limit` defaults to 1")))
            }
            Era::Unknown => Field::unknown(r.place(&hops), WHY_UNPINNED),
            _ => r.int(&hops, Some((2, WHY_M20_HOPS))),
        },
        pods_blocked: Field::unknown(r.place(&k("metadata_options")), "not expressed by the eks module"),
    };
    let bdm = k("block_device_mappings");
    ng.volume = match r.get(&bdm) {
        None => {
            let at = r.place(&bdm);
            Volume {
                volume_type: Field::unknown(at.clone(), "the AMI's volume settings apply"),
                size_gib: Field::unknown(at.clone(), "the AMI's volume settings apply"),
                encrypted: Field::default(false, at.clone(), WHY_M_VOLUME),
                kms_key: Field::default(None, at, WHY_M_VOLUME),
            }
        }
        Some(n) => {
            // A map of device name → {device_name, ebs = {...}}: read the first device.
            let first = n.entries().next().map(|(d, _)| bdm.clone().key(d).key("ebs"));
            match first {
                Some(ebs) => Volume {
                    volume_type: r.string(&ebs.clone().key("volume_type"), None),
                    size_gib: r.int(&ebs.clone().key("volume_size"), None),
                    encrypted: r.bool(&ebs.clone().key("encrypted"), Some((false, WHY_LT_ENCRYPTED))),
                    kms_key: opt_ref(r, &ebs.clone().key("kms_key_id"), WHY_NONE),
                },
                None => {
                    let at = r.place(&bdm);
                    Volume {
                        volume_type: Field::unknown(at.clone(), "computed, not known from the files"),
                        size_gib: Field::unknown(at.clone(), "computed, not known from the files"),
                        encrypted: Field::unknown(at.clone(), "computed, not known from the files"),
                        kms_key: Field::unknown(at, "computed, not known from the files"),
                    }
                }
            }
        }
    };
    ng.ssh = if r.get(&k("remote_access")).is_some() {
        Ssh {
            enabled: r.string(&k("remote_access.ec2_ssh_key"), None).map(|_| true),
            source_security_groups: r
                .strings(&k("remote_access.source_security_group_ids"), Some((Vec::new(), WHY_SSH_OPEN))),
        }
    } else if r.get(&k("key_name")).is_some() {
        Ssh {
            enabled: r.string(&k("key_name"), None).map(|_| true),
            source_security_groups: Field::unknown(r.place(&k("key_name")), "set by the node security group"),
        }
    } else {
        let at = r.place(path);
        Ssh {
            enabled: Field::default(false, at.clone(), WHY_M_SSH),
            source_security_groups: Field::default(Vec::new(), at, WHY_M_SSH),
        }
    };
    ng
}

/// The module's taints: a map of name → `{key, value, effect}`.
fn module_taints(r: &mut Reader<'_>, path: &FieldPath) -> Field<Vec<Taint>> {
    let Some(n) = r.get(path) else { return Field::default(Vec::new(), r.place(path), WHY_NONE) };
    if let Some(f) = r.symbolic(n, path) {
        return f;
    }
    let names: Vec<String> = n.entries().map(|(k, _)| k.to_string()).collect();
    let mut out = Vec::new();
    for name in names {
        let tp = path.clone().key(&name);
        match taint(r, &tp, ["key", "value", "effect"], WHY_NONE) {
            Some(t) => out.push(t),
            None => return Field::unknown(r.place(&tp), "incomplete taint"),
        }
    }
    Field::known(out, r.place(path))
}
