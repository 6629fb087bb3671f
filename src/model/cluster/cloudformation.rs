//! CloudFormation → [`Cluster`]: one cluster per `AWS::EKS::Cluster`, with the
//! `AWS::EKS::Nodegroup`, `AWS::EC2::LaunchTemplate`, `AWS::EKS::Addon`, `AWS::EKS::AccessEntry`,
//! `AWS::EKS::PodIdentityAssociation`, `AWS::EKS::FargateProfile`, `AWS::IAM::OIDCProvider` and
//! `AWS::IAM::Role` resources of the same template linked to it. Absent properties take the
//! documented EKS defaults (eks-facts §6); intrinsics the template cannot resolve stay unknown.
//!
//! A resource belongs to a cluster when its `ClusterName` is `!Ref` to that cluster or its
//! literal name; when the template defines a single cluster, every EKS resource joins it.

use std::sync::Arc;

use crate::diagnostic::InputError;
use crate::document::cloudformation::{Resource, Template};
use crate::document::{FieldPath, Node};

use super::aws_json::eks_effect;
use super::read::Reader;
use super::terraform::is_eks_issuer;
use super::{
    AccessEntry, AccessPolicy, AccessScope, Addon, AuthMode, Cluster, Field, Imds, LogType, NodeGroup,
    NodeGroupKind, Place, PodIdentityAssociation, Scaling, SourceKind, Spanned, Ssh, Tag, Taint, Volume,
    ami_family,
};

const WHY_PUBLIC: &str = "`EndpointPublicAccess` defaults to true";
const WHY_PRIVATE: &str = "`EndpointPrivateAccess` defaults to false";
const WHY_CIDRS: &str = "EKS opens the public endpoint to 0.0.0.0/0";
const WHY_SECRETS: &str = "no `EncryptionConfig`: secrets use no customer key";
const WHY_LOGGING: &str = "no `Logging`: no control-plane logs";
const WHY_AUTH: &str = "`AuthenticationMode` defaults to CONFIG_MAP";
const WHY_BOOTSTRAP: &str = "`BootstrapClusterCreatorAdminPermissions` defaults to true";
const WHY_NONE: &str = "none in the template";
const WHY_OIDC: &str = "no `AWS::IAM::OIDCProvider` for the cluster issuer in the template";
const WHY_TAGS: &str = "no tags";
const WHY_INSTANCE: &str = "EKS uses t3.medium when `InstanceTypes` is unset";
const WHY_DISK: &str = "`DiskSize` defaults to 20 GiB without a launch template";
const WHY_SPOT: &str = "`CapacityType` defaults to ON_DEMAND";
const WHY_SSH: &str = "no `RemoteAccess`: no SSH access";
const WHY_SSH_OPEN: &str = "`RemoteAccess` without `SourceSecurityGroups` opens SSH to 0.0.0.0/0";
const WHY_ENCRYPTED: &str = "EBS volumes are not encrypted unless `Encrypted: true`";
const WHY_ADDON_VERSION: &str = "EKS installs the add-on's default version";
const WHY_ENTRY_TYPE: &str = "`Type` defaults to STANDARD";
const FROM_TEMPLATE: &str = "set by a launch template outside this template";

fn p(s: &str) -> FieldPath {
    FieldPath::parse(s)
}

/// The clusters a CloudFormation template defines.
#[must_use]
pub fn clusters(t: &Template) -> (Vec<Cluster>, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut out: Vec<(String, Cluster)> = Vec::new();
    for res in t.resources("AWS::EKS::Cluster") {
        out.push((res.logical_id.clone(), cluster(t, res, &mut errors)));
    }
    if out.is_empty() {
        return (Vec::new(), errors);
    }
    let owner = |res: &Resource, clusters: &[(String, Cluster)]| -> Option<usize> {
        let node = res.properties.get("ClusterName");
        if let Some(addr) = node.and_then(Node::reference_address) {
            return clusters.iter().position(|(id, _)| id == addr);
        }
        if let Some(name) = node.and_then(Node::as_str).filter(|_| node.is_some_and(Node::is_literal))
            && let Some(i) = clusters.iter().position(|(_, c)| c.name.value().is_some_and(|n| n == name))
        {
            return Some(i);
        }
        (clusters.len() == 1).then_some(0)
    };
    for res in t.resources("AWS::EKS::Nodegroup") {
        let ng = node_group(t, res, &mut errors);
        if let Some(i) = owner(res, &out) {
            out[i].1.node_groups.push(ng);
        }
    }
    for res in t.resources("AWS::EKS::FargateProfile") {
        let ng = fargate(t, res, &mut errors);
        if let Some(i) = owner(res, &out) {
            out[i].1.node_groups.push(ng);
        }
    }
    for i in 0..out.len() {
        let mine = |r: &&Resource| owner(r, &out) == Some(i);
        let addons: Vec<&Resource> = t.resources("AWS::EKS::Addon").filter(mine).collect();
        let entries: Vec<&Resource> = t.resources("AWS::EKS::AccessEntry").filter(mine).collect();
        let pods: Vec<&Resource> = t.resources("AWS::EKS::PodIdentityAssociation").filter(mine).collect();
        let id = out[i].0.clone();
        let c = &mut out[i].1;
        c.addons = addons_field(t, c, &addons, &mut errors);
        c.access.entries = access_entries(t, c, &entries, &mut errors);
        c.identity.pod_identity = pod_identities(t, c, &pods, &addons, &mut errors);
        c.identity.oidc_provider = oidc(t, &id, &c.at);
    }
    // GuardDuty is account-wide: a managed runtime agent enabled here covers every cluster.
    for res in t.resources("AWS::GuardDuty::Detector") {
        let mut features = res.properties.get("Features").into_iter().flat_map(Node::items);
        if features
            .any(|f| super::guardduty_manages_agent(f, ["Name", "Status", "AdditionalConfiguration", "Name"]))
        {
            for (_, c) in &mut out {
                c.guardduty_managed_agent = Field::known(true, reader(t, res).place(&p("Features")));
            }
        }
    }
    (out.into_iter().map(|(_, c)| c).collect(), errors)
}

fn reader<'a>(t: &Template, res: &'a Resource) -> Reader<'a> {
    Reader::new(Some(Arc::clone(&t.file)), &res.properties, res.id_span, None)
}

fn cluster(t: &Template, res: &Resource, errors: &mut Vec<InputError>) -> Cluster {
    let mut r = reader(t, res);
    let mut c =
        Cluster::unknown(SourceKind::CloudFormation, r.place(&p("Name")), "not expressed in CloudFormation");
    c.at.span = res.id_span;
    c.name = match r.get(&p("Name")) {
        Some(_) => r.string(&p("Name"), None),
        None => Field::unknown(c.at.clone(), "CloudFormation generates the name"),
    };
    c.region = Field::unknown(c.at.clone(), "the stack's region");
    c.version = r.string(&p("Version"), None);
    c.auto_mode =
        r.bool(&p("ComputeConfig.Enabled"), Some((false, "Auto Mode is off unless `ComputeConfig.Enabled`")));
    let vpc = "ResourcesVpcConfig";
    c.endpoint.public_access = r.bool(&p(&format!("{vpc}.EndpointPublicAccess")), Some((true, WHY_PUBLIC)));
    c.endpoint.private_access =
        r.bool(&p(&format!("{vpc}.EndpointPrivateAccess")), Some((false, WHY_PRIVATE)));
    c.endpoint.public_cidrs = r.spanned_strings(
        &p(&format!("{vpc}.PublicAccessCidrs")),
        Some((vec!["0.0.0.0/0".into()], WHY_CIDRS)),
    );
    c.secrets_key = if r.get(&p("EncryptionConfig")).is_some() {
        r.string_or_reference(&p("EncryptionConfig[0].Provider.KeyArn"), None).map(Some)
    } else {
        Field::default(None, r.place(&p("EncryptionConfig")), WHY_SECRETS)
    };
    c.logging = logging(&mut r);
    let mode =
        r.string(&p("AccessConfig.AuthenticationMode"), Some((AuthMode::ConfigMap.as_str(), WHY_AUTH)));
    c.access.mode = match mode {
        Field::Unknown { at, reason } => Field::Unknown { at, reason },
        f => match f.value().and_then(|s| AuthMode::parse(s)) {
            Some(m) => f.map(|_| m),
            None => Field::unknown(f.at().clone(), "unrecognised authentication mode"),
        },
    };
    c.access.bootstrap_creator_admin =
        r.bool(&p("AccessConfig.BootstrapClusterCreatorAdminPermissions"), Some((true, WHY_BOOTSTRAP)));
    c.cluster_role.arn = r.string(&p("RoleArn"), None).map(Some);
    c.cluster_role.policies = role_policies(t, res.properties.get("RoleArn"), &r.place(&p("RoleArn")));
    c.tags = tag_list(&mut r, &p("Tags"));
    errors.append(&mut r.errors);
    c
}

fn logging(r: &mut Reader<'_>) -> Field<Vec<LogType>> {
    let path = p("Logging.ClusterLogging.EnabledTypes");
    let Some(node) = r.get(&path) else { return Field::default(Vec::new(), r.place(&path), WHY_LOGGING) };
    if let Some(f) = r.symbolic(node, &path) {
        return f;
    }
    let mut out = Vec::new();
    for (tp, _) in r.list(&path).unwrap_or_default() {
        let ty = r.string(&tp.clone().key("Type"), None);
        match ty.value().map(|s| LogType::parse(s)) {
            Some(Some(lt)) => out.push(lt),
            Some(None) => {
                if let Some(f) = &r.file {
                    r.errors.push(InputError::at(
                        f,
                        ty.at().span,
                        format!("unknown log type `{}`", ty.value().map_or("", |v| v)),
                    ));
                }
            }
            None => return Field::unknown(r.place(&tp), "a log type is computed"),
        }
    }
    out.sort();
    out.dedup();
    Field::known(out, r.place(&path))
}

/// `Tags: [{Key, Value}]`.
fn tag_list(r: &mut Reader<'_>, path: &FieldPath) -> Field<Vec<Spanned<Tag>>> {
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
                out.push(Spanned { value: Tag { key: k.clone(), value: v.clone() }, at: r.place(&tp) })
            }
            _ => return Field::unknown(r.place(&tp), "a tag is computed"),
        }
    }
    Field::known(out, r.place(path))
}

fn role_policies(t: &Template, role_arn: Option<&Node>, at: &Place) -> Field<Vec<String>> {
    let role = role_arn
        .and_then(Node::reference_address)
        .and_then(|a| t.resource_at(a))
        .filter(|r| r.kind == "AWS::IAM::Role");
    let Some(role) = role else {
        return Field::unknown(at.clone(), "the role is not defined in this template");
    };
    let mut out = Vec::new();
    for n in role.properties.get("ManagedPolicyArns").into_iter().flat_map(Node::items) {
        match n.as_str().filter(|_| n.is_literal()) {
            Some(s) => out.push(s.strip_prefix("arn:aws:iam::aws:policy/").unwrap_or(s).to_string()),
            None => return Field::unknown(at.clone(), "a managed policy ARN is computed"),
        }
    }
    Field::known(out, at.clone())
}

fn oidc(t: &Template, cluster_id: &str, at: &Place) -> Field<bool> {
    let issuer = format!("{cluster_id}.OpenIdConnectIssuerUrl");
    // A provider whose literal URL is not an EKS issuer (a CI provider) is no cluster's.
    let providers: Vec<&Resource> = t
        .resources("AWS::IAM::OIDCProvider")
        .filter(|r| {
            let url = r.properties.get("Url");
            url.filter(|n| n.is_literal()).and_then(Node::as_str).is_none_or(is_eks_issuer)
        })
        .collect();
    match providers
        .iter()
        .find(|r| r.properties.get("Url").and_then(Node::reference_address) == Some(issuer.as_str()))
    {
        Some(res) => Field::known(true, reader(t, res).place(&p("Url"))),
        None if !providers.is_empty() => {
            Field::unknown(at.clone(), "an OIDC provider exists whose URL is not this cluster's issuer")
        }
        None => Field::default(false, at.clone(), WHY_OIDC),
    }
}

fn list_field<T>(c: &Cluster, items: Vec<T>) -> Field<Vec<T>> {
    if items.is_empty() {
        Field::default(items, c.at.clone(), WHY_NONE)
    } else {
        Field::known(items, c.at.clone())
    }
}

fn opt(r: &mut Reader<'_>, path: &FieldPath) -> Field<Option<String>> {
    if r.get(path).is_none() {
        return Field::default(None, r.place(path), WHY_NONE);
    }
    r.string(path, None).map(Some)
}

fn addons_field(
    t: &Template,
    c: &Cluster,
    res: &[&Resource],
    errors: &mut Vec<InputError>,
) -> Field<Vec<Addon>> {
    let mut out = Vec::new();
    for a in res {
        let mut r = reader(t, a);
        out.push(Addon {
            at: r.place(&p("AddonName")),
            name: r.string(&p("AddonName"), None),
            version: r.opt_string(&p("AddonVersion"), WHY_ADDON_VERSION),
            service_account_role_arn: opt(&mut r, &p("ServiceAccountRoleArn")),
            configuration_values: opt(&mut r, &p("ConfigurationValues")),
        });
        errors.append(&mut r.errors);
    }
    // A name the template does not resolve (a parameter) may be any add-on.
    if let Some(a) = out.iter().find(|a| a.name.is_unknown()) {
        return Field::unknown(a.at.clone(), "an add-on's name is resolved only when the stack is created");
    }
    list_field(c, out)
}

fn access_entries(
    t: &Template,
    c: &Cluster,
    res: &[&Resource],
    errors: &mut Vec<InputError>,
) -> Field<Vec<AccessEntry>> {
    let mut out = Vec::new();
    for e in res {
        let mut r = reader(t, e);
        let mut policies = Vec::new();
        for (pp, _) in r.list(&p("AccessPolicies")).unwrap_or_default() {
            let scope_type = r.string(&pp.clone().keys(&["AccessScope", "Type"]), None);
            let namespaces =
                r.strings(&pp.clone().keys(&["AccessScope", "Namespaces"]), Some((Vec::new(), WHY_NONE)));
            let scope = match scope_type.value().map(String::as_str) {
                Some("cluster") => scope_type.map(|_| AccessScope::Cluster),
                Some("namespace") => match namespaces.value() {
                    Some(ns) => scope_type.map(|_| AccessScope::Namespaces(ns.clone())),
                    None => Field::unknown(namespaces.at().clone(), "namespaces are computed"),
                },
                _ => Field::unknown(scope_type.at().clone(), "unrecognised access scope"),
            };
            policies.push(AccessPolicy {
                at: r.place(&pp),
                policy_arn: r.string(&pp.clone().key("PolicyArn"), None),
                scope,
            });
        }
        out.push(AccessEntry {
            at: r.place(&p("PrincipalArn")),
            principal_arn: r.string(&p("PrincipalArn"), None),
            kind: r.string(&p("Type"), Some(("STANDARD", WHY_ENTRY_TYPE))),
            username: r.opt_string(&p("Username"), WHY_NONE),
            groups: r.strings(&p("KubernetesGroups"), Some((Vec::new(), WHY_NONE))),
            policies,
        });
        errors.append(&mut r.errors);
    }
    list_field(c, out)
}

fn pod_identities(
    t: &Template,
    c: &Cluster,
    res: &[&Resource],
    addons: &[&Resource],
    errors: &mut Vec<InputError>,
) -> Field<Vec<PodIdentityAssociation>> {
    let mut out = Vec::new();
    for a in res {
        let mut r = reader(t, a);
        out.push(PodIdentityAssociation {
            at: r.place(&p("ServiceAccount")),
            namespace: r.string(&p("Namespace"), None),
            service_account: r.string(&p("ServiceAccount"), None),
            role_arn: opt(&mut r, &p("RoleArn")),
        });
        errors.append(&mut r.errors);
    }
    for a in addons {
        let mut r = reader(t, a);
        for (path, _) in r.list(&p("PodIdentityAssociations")).unwrap_or_default() {
            out.push(PodIdentityAssociation {
                at: r.place(&path),
                namespace: Field::default(
                    "kube-system".into(),
                    r.place(&path),
                    "add-on associations live in kube-system",
                ),
                service_account: r.string(&path.clone().key("ServiceAccount"), None),
                role_arn: opt(&mut r, &path.clone().key("RoleArn")),
            });
        }
        errors.append(&mut r.errors);
    }
    list_field(c, out)
}

fn node_group(t: &Template, res: &Resource, errors: &mut Vec<InputError>) -> NodeGroup {
    let mut r = reader(t, res);
    let mut ng = NodeGroup::unknown(
        NodeGroupKind::Managed,
        r.place(&p("NodegroupName")),
        "not expressed in CloudFormation",
    );
    ng.at.span = res.id_span;
    ng.name = match r.get(&p("NodegroupName")) {
        Some(_) => r.string(&p("NodegroupName"), None),
        None => Field::unknown(ng.at.clone(), "CloudFormation generates the name"),
    };
    ng.instance_types = r.strings(&p("InstanceTypes"), Some((vec!["t3.medium".into()], WHY_INSTANCE)));
    ng.ami_family = match r.get(&p("AmiType")) {
        Some(_) => r.string(&p("AmiType"), None).map(|a| ami_family(&a)),
        None => Field::unknown(r.place(&p("AmiType")), "EKS chooses the AMI type"),
    };
    ng.subnets = r.strings(&p("Subnets"), None);
    ng.spot = r.string(&p("CapacityType"), Some(("ON_DEMAND", WHY_SPOT))).map(|c| c == "SPOT");
    ng.scaling = Scaling {
        min: r.int(&p("ScalingConfig.MinSize"), None),
        desired: r.int(&p("ScalingConfig.DesiredSize"), None),
        max: r.int(&p("ScalingConfig.MaxSize"), None),
    };
    ng.labels =
        r.string_map(&p("Labels"), Some(((), WHY_NONE))).map(|v| v.into_iter().map(|t| t.value).collect());
    ng.taints = taints(&mut r);
    ng.tags = r.string_map(&p("Tags"), Some(((), WHY_TAGS)));
    let lt_node = res.properties.get("LaunchTemplate");
    let lt = lt_node
        .and_then(|n| n.get("Id").or_else(|| n.get("Name")))
        .and_then(Node::reference_address)
        .and_then(|a| t.resource_at(a))
        .filter(|l| l.kind == "AWS::EC2::LaunchTemplate");
    match (lt_node, lt) {
        (None, _) => {
            let at = r.place(&p("DiskSize"));
            ng.volume = Volume {
                volume_type: Field::unknown(at.clone(), "chosen by EKS"),
                size_gib: r.int(&p("DiskSize"), Some((20, WHY_DISK))),
                encrypted: Field::unknown(at.clone(), "EKS's own launch template decides"),
                kms_key: Field::unknown(at.clone(), "EKS's own launch template decides"),
            };
            ng.imds = Imds {
                v2_required: Field::unknown(at.clone(), "EKS's own launch template decides"),
                hop_limit: Field::unknown(at.clone(), "EKS's own launch template decides"),
                pods_blocked: Field::unknown(at, "not expressed in CloudFormation"),
            };
            ng.ssh = remote_access(&mut r);
        }
        (Some(_), None) => {
            let at = r.place(&p("LaunchTemplate"));
            ng.volume = Volume {
                volume_type: Field::unknown(at.clone(), FROM_TEMPLATE),
                size_gib: Field::unknown(at.clone(), FROM_TEMPLATE),
                encrypted: Field::unknown(at.clone(), FROM_TEMPLATE),
                kms_key: Field::unknown(at.clone(), FROM_TEMPLATE),
            };
            ng.imds = Imds {
                v2_required: Field::unknown(at.clone(), FROM_TEMPLATE),
                hop_limit: Field::unknown(at.clone(), FROM_TEMPLATE),
                pods_blocked: Field::unknown(at.clone(), FROM_TEMPLATE),
            };
            ng.ssh = Ssh {
                enabled: Field::unknown(at.clone(), FROM_TEMPLATE),
                source_security_groups: Field::unknown(at, FROM_TEMPLATE),
            };
        }
        (Some(_), Some(lt)) => {
            let mut lr = reader(t, lt);
            let d = "LaunchTemplateData";
            let ebs = format!("{d}.BlockDeviceMappings[0].Ebs");
            ng.volume = Volume {
                volume_type: lr.string(&p(&format!("{ebs}.VolumeType")), None),
                size_gib: lr.int(&p(&format!("{ebs}.VolumeSize")), None),
                encrypted: if lr.get(&p(&format!("{d}.BlockDeviceMappings"))).is_some() {
                    lr.bool(&p(&format!("{ebs}.Encrypted")), Some((false, WHY_ENCRYPTED)))
                } else {
                    Field::unknown(
                        lr.place(&p(&format!("{d}.BlockDeviceMappings"))),
                        "the AMI's volume settings apply",
                    )
                },
                kms_key: opt(&mut lr, &p(&format!("{ebs}.KmsKeyId"))),
            };
            // Without `HttpTokens` EC2 applies the AMI's IMDS support (eks-facts §5.3).
            ng.imds = Imds {
                v2_required: lr
                    .string(&p(&format!("{d}.MetadataOptions.HttpTokens")), None)
                    .map(|v| v == "required"),
                hop_limit: lr.int(&p(&format!("{d}.MetadataOptions.HttpPutResponseHopLimit")), None),
                pods_blocked: Field::unknown(
                    lr.place(&p(&format!("{d}.MetadataOptions"))),
                    "not expressed in CloudFormation",
                ),
            };
            ng.ssh = if lr.get(&p(&format!("{d}.KeyName"))).is_some() {
                Ssh {
                    enabled: lr.string(&p(&format!("{d}.KeyName")), None).map(|_| true),
                    source_security_groups: Field::unknown(
                        lr.place(&p(&format!("{d}.KeyName"))),
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

fn remote_access(r: &mut Reader<'_>) -> Ssh {
    if r.get(&p("RemoteAccess")).is_none() {
        let at = r.place(&p("RemoteAccess"));
        return Ssh {
            enabled: Field::default(false, at.clone(), WHY_SSH),
            source_security_groups: Field::default(Vec::new(), at, WHY_SSH),
        };
    }
    Ssh {
        enabled: r.string(&p("RemoteAccess.Ec2SshKey"), None).map(|_| true),
        source_security_groups: r
            .strings(&p("RemoteAccess.SourceSecurityGroups"), Some((Vec::new(), WHY_SSH_OPEN))),
    }
}

fn taints(r: &mut Reader<'_>) -> Field<Vec<Taint>> {
    let path = p("Taints");
    let Some(node) = r.get(&path) else { return Field::default(Vec::new(), r.place(&path), WHY_NONE) };
    if let Some(f) = r.symbolic(node, &path) {
        return f;
    }
    let mut out = Vec::new();
    for (tp, _) in r.list(&path).unwrap_or_default() {
        let key = r.string(&tp.clone().key("Key"), None);
        let value = r.opt_string(&tp.clone().key("Value"), WHY_NONE);
        let effect = r.string(&tp.clone().key("Effect"), None);
        match (key.value(), value.value(), effect.value()) {
            (Some(k), Some(v), Some(e)) => {
                out.push(Taint { key: k.clone(), value: v.clone(), effect: eks_effect(e) })
            }
            _ => return Field::unknown(r.place(&tp), "incomplete taint"),
        }
    }
    Field::known(out, r.place(&path))
}

fn fargate(t: &Template, res: &Resource, errors: &mut Vec<InputError>) -> NodeGroup {
    let mut r = reader(t, res);
    let mut ng = NodeGroup::unknown(
        NodeGroupKind::Fargate,
        r.place(&p("FargateProfileName")),
        "does not apply to Fargate",
    );
    ng.name = r.string(&p("FargateProfileName"), None);
    ng.subnets = r.strings(&p("Subnets"), None);
    ng.private_networking = Field::default(true, ng.at.clone(), "Fargate pods run only in private subnets");
    errors.append(&mut r.errors);
    ng
}
