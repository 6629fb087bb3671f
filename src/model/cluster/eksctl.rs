//! eksctl `ClusterConfig` (`eksctl.io/v1alpha5`) → [`Cluster`], applying eksctl's defaults
//! where a field is absent. Every default cites `eks-facts.md` (§1.2 cluster fields, §1.3 node
//! group fields, §1.4 what eksctl creates implicitly), which reads eksctl's `defaults.go`.

use crate::diagnostic::InputError;
use crate::document::FieldPath;
use crate::model::Object;

use super::read::{Reader, scalar};
use super::{
    Access, AccessEntry, AccessPolicy, AccessScope, Addon, AuthMode, AwsAuthMapping, Cluster, ClusterRole,
    Endpoint, Field, Identity, Imds, LogType, MappingKind, NodeGroup, NodeGroupKind, ObjectLink,
    OutpostControlPlane, PodIdentityAssociation, Scaling, ServiceAccountRole, SourceKind, Ssh, Taint, Volume,
};

/// eksctl's default Kubernetes version (`DefaultVersion`).
pub const DEFAULT_VERSION: &str = "1.34";

/// Add-ons eksctl installs unless `addonsConfig.disableDefaultAddons` (eks-facts §1.4).
pub const DEFAULT_ADDONS: &[&str] = &["vpc-cni", "kube-proxy", "coredns", "metrics-server"];

const WHY_VERSION: &str = "eksctl creates Kubernetes 1.34 (`DefaultVersion`)";
const WHY_PUBLIC: &str = "eksctl enables the public endpoint";
const WHY_PRIVATE: &str = "eksctl leaves the private endpoint off";
const WHY_PRIVATE_CLUSTER: &str = "`privateCluster.enabled` makes the endpoint private-only";
const WHY_CIDRS: &str = "EKS opens the public endpoint to 0.0.0.0/0";
const WHY_SECRETS: &str = "eksctl configures no customer KMS key for secrets";
const WHY_LOGGING: &str = "eksctl enables no control-plane logs";
const WHY_AUTH: &str = "eksctl uses API_AND_CONFIG_MAP";
const WHY_AUTH_OUTPOST: &str =
    "eksctl uses CONFIG_MAP for a control plane on AWS Outposts, the only mode EKS accepts there";
const WHY_REGION: &str = "`outpost` unset: the control plane runs in the AWS Region";
const WHY_BOOTSTRAP: &str = "EKS grants the cluster creator admin by default";
const WHY_NONE: &str = "none configured";
const WHY_OIDC: &str = "`iam.withOIDC` defaults to false: no OIDC provider";
const WHY_ADDONS: &str = "eksctl installs vpc-cni, kube-proxy, coredns and metrics-server";
const WHY_ADDON_VERSION: &str = "eksctl installs the add-on's default version for the cluster";
const WHY_ROLE: &str =
    "eksctl creates the cluster role with AmazonEKSClusterPolicy (`pkg/cfn/builder/iam.go`)";
const WHY_TAGS: &str = "no tags";
const WHY_IMDS: &str = "`disableIMDSv1` defaults to true: IMDSv2 required";
const WHY_POD_IMDS: &str = "`disablePodIMDS` defaults to false";
const WHY_PRIVATE_NET: &str = "`privateNetworking` defaults to false: public subnets";
const WHY_PRIVATE_NET_CLUSTER: &str =
    "a fully private cluster requires private networking on every node group";
const WHY_ENCRYPTED: &str = "`volumeEncrypted` unset inherits the AMI snapshot, and EKS AMIs are unencrypted";
const WHY_VOLUME_TYPE: &str = "eksctl uses gp3";
const WHY_VOLUME_SIZE: &str = "eksctl uses 80 GiB";
const WHY_AMI: &str = "eksctl uses AmazonLinux2023";
const WHY_SSH: &str = "`ssh.allow` defaults to false";
/// eksctl's defaulting (`setSSHDefaults`) turns SSH on when a key is given, unless `allow` is false.
const WHY_SSH_KEY: &str = "eksctl allows SSH when a public key is given and `allow` is not false";
const WHY_SPOT: &str = "`spot` defaults to false";
const WHY_INSTANCE: &str = "eksctl uses m5.large";
const WHY_SIZE: &str = "eksctl uses 2 nodes (min 2, desired 2, max 2)";
const WHY_ZONES: &str = "the node group uses the cluster's `availabilityZones`";
const WHY_EMPTY: &str = "none set";

/// Whether an object is an eksctl `ClusterConfig`.
#[must_use]
pub fn is_cluster_config(o: &Object) -> bool {
    o.kind == "ClusterConfig" && o.group() == "eksctl.io"
}

fn p(s: &str) -> FieldPath {
    FieldPath::parse(s)
}

impl Cluster {
    /// Reads an eksctl `ClusterConfig` object, with eksctl's defaults for absent fields.
    #[must_use]
    pub fn from_eksctl(object: &Object) -> (Cluster, Vec<InputError>) {
        Self::from_eksctl_with(object, false)
    }

    /// [`Cluster::from_eksctl`]; `adds_node_groups` when the file only adds node groups to a
    /// cluster another input defines: its cluster-level fields are then unknown, not defaulted.
    #[must_use]
    pub fn from_eksctl_with(object: &Object, adds_node_groups: bool) -> (Cluster, Vec<InputError>) {
        let file = object.origin.as_ref().map(|o| std::sync::Arc::clone(&o.file));
        let link = ObjectLink { object: object.object_ref(), index: Some(object.index) };
        let mut r = Reader::new(file, &object.root, object.head(), Some(link));
        r.head_key = Some("metadata");
        super::eksctl_keys::check(&mut r);
        if adds_node_groups {
            r.no_defaults = Some(WHY_NODEGROUP_ONLY);
        }
        let c = read_cluster(&mut r);
        // After the readers, whose messages for the fields they read are the more precise.
        super::eksctl_types::check(&mut r);
        (c, r.errors)
    }
}

/// Keys that only a file creating (or fully describing) a cluster holds.
const CLUSTER_KEYS: &[&str] = &[
    "iam",
    "secretsEncryption",
    "cloudWatch",
    "accessConfig",
    "addons",
    "addonsConfig",
    "autoModeConfig",
    "privateCluster",
    "kubernetesNetworkConfig",
    "fargateProfiles",
    "identityProviders",
    "iamIdentityMappings",
    "availabilityZones",
    "karpenter",
    "zonalShiftConfig",
    "remoteNetworkConfig",
];

const WHY_NODEGROUP_ONLY: &str = "this file only adds node groups to a cluster another input defines \
     (`eksctl create nodegroup`): cluster settings are not in it";

/// A `ClusterConfig` of node groups only: no version, endpoint or other cluster-level setting.
/// Alone it may create a cluster with eksctl's defaults (`eksctl create cluster -f`); next to
/// another definition of the same cluster it adds node groups (`eksctl create nodegroup`).
#[must_use]
pub fn nodegroup_only(root: &crate::document::Node) -> bool {
    let has_node_groups = root.get("managedNodeGroups").is_some() || root.get("nodeGroups").is_some();
    let sets_endpoint = root
        .get("vpc")
        .is_some_and(|v| v.get("clusterEndpoints").is_some() || v.get("publicAccessCIDRs").is_some());
    has_node_groups
        && !sets_endpoint
        && root.get("metadata").and_then(|m| m.get("version")).is_none()
        && !CLUSTER_KEYS.iter().any(|k| root.get(k).is_some())
}

fn read_cluster(r: &mut Reader<'_>) -> Cluster {
    let at = r.place(&p("metadata.name"));
    let mut c = Cluster::unknown(SourceKind::Eksctl, at, "not expressed in eksctl");
    c.name = r.string(&p("metadata.name"), None);
    c.region = r.string(&p("metadata.region"), None);
    c.version = version(r);
    c.outpost = outpost(r);
    let local = c.on_outposts();
    let private_cluster = r.bool(&p("privateCluster.enabled"), Some((false, WHY_NONE))).is_true();
    c.endpoint = if local {
        Endpoint {
            public_access: r
                .bool(&p("vpc.clusterEndpoints.publicAccess"), Some((false, super::WHY_LOCAL_ENDPOINT))),
            private_access: r
                .bool(&p("vpc.clusterEndpoints.privateAccess"), Some((true, super::WHY_LOCAL_ENDPOINT))),
            public_cidrs: r
                .spanned_strings(&p("vpc.publicAccessCIDRs"), Some((Vec::new(), super::WHY_LOCAL_ENDPOINT))),
        }
    } else if private_cluster {
        Endpoint {
            public_access: r
                .bool(&p("vpc.clusterEndpoints.publicAccess"), Some((false, WHY_PRIVATE_CLUSTER))),
            private_access: r
                .bool(&p("vpc.clusterEndpoints.privateAccess"), Some((true, WHY_PRIVATE_CLUSTER))),
            public_cidrs: r
                .spanned_strings(&p("vpc.publicAccessCIDRs"), Some((vec!["0.0.0.0/0".into()], WHY_CIDRS))),
        }
    } else {
        Endpoint {
            public_access: r.bool(&p("vpc.clusterEndpoints.publicAccess"), Some((true, WHY_PUBLIC))),
            private_access: r.bool(&p("vpc.clusterEndpoints.privateAccess"), Some((false, WHY_PRIVATE))),
            public_cidrs: r
                .spanned_strings(&p("vpc.publicAccessCIDRs"), Some((vec!["0.0.0.0/0".into()], WHY_CIDRS))),
        }
    };
    c.secrets_key = r.opt_string(&p("secretsEncryption.keyARN"), WHY_SECRETS);
    c.logging = logging(r);
    c.access = access(r, local);
    c.identity = identity(r);
    c.addons = addons(r);
    c.auto_mode = r.bool(
        &p("autoModeConfig.enabled"),
        Some((false, "Auto Mode is off unless `autoModeConfig.enabled`")),
    );
    c.cluster_role = match r.get(&p("iam.serviceRoleARN")) {
        _ if r.no_defaults.is_some() => ClusterRole {
            arn: Field::unknown(r.place(&p("iam.serviceRoleARN")), WHY_NODEGROUP_ONLY),
            policies: Field::unknown(r.place(&p("iam.serviceRoleARN")), WHY_NODEGROUP_ONLY),
        },
        Some(_) => ClusterRole {
            arn: r.opt_string(&p("iam.serviceRoleARN"), WHY_NONE),
            policies: Field::unknown(r.place(&p("iam.serviceRoleARN")), "an existing role is used"),
        },
        None => {
            let mut policies = vec!["AmazonEKSClusterPolicy".to_string()];
            if r.bool(&p("iam.vpcResourceControllerPolicy"), Some((true, WHY_ROLE))).is_true() {
                policies.push("AmazonEKSVPCResourceController".to_string());
            }
            ClusterRole {
                arn: Field::unknown(r.place(&p("iam.serviceRoleARN")), "eksctl creates the role"),
                policies: Field::default(policies, r.place(&p("iam.serviceRoleARN")), WHY_ROLE),
            }
        }
    };
    c.tags = r.string_map(&p("metadata.tags"), Some(((), WHY_TAGS)));
    let zones = r.strings(&p("availabilityZones"), None);
    // Node groups are described in full: their own defaults apply.
    r.no_defaults = None;
    for (path, _) in r.list(&p("managedNodeGroups")).unwrap_or_default() {
        let ng = node_group(r, &path, NodeGroupKind::Managed, private_cluster, &zones);
        c.node_groups.push(ng);
    }
    for (path, _) in r.list(&p("nodeGroups")).unwrap_or_default() {
        let ng = node_group(r, &path, NodeGroupKind::SelfManaged, private_cluster, &zones);
        c.node_groups.push(ng);
    }
    for (path, _) in r.list(&p("fargateProfiles")).unwrap_or_default() {
        c.node_groups.push(fargate(r, &path));
    }
    c
}

fn version(r: &mut Reader<'_>) -> Field<String> {
    let path = p("metadata.version");
    if let Some(n) = r.get(&path)
        && matches!(n.value, crate::document::Value::Float(_))
    {
        // `version: 1.30` is the number 1.3 to YAML; eksctl wants a string.
        return r.wrong(n, &path, "a quoted string such as \"1.30\"");
    }
    r.string(&path, Some((DEFAULT_VERSION, WHY_VERSION)))
}

fn logging(r: &mut Reader<'_>) -> Field<Vec<LogType>> {
    let path = p("cloudWatch.clusterLogging.enableTypes");
    let types = r.spanned_strings(&path, Some((Vec::new(), WHY_LOGGING)));
    let mut out = Vec::new();
    for t in types.items() {
        if t.value == "all" || t.value == "*" {
            out.extend(LogType::ALL);
        } else if let Some(lt) = LogType::parse(&t.value) {
            out.push(lt);
        } else if let Some(f) = &r.file {
            r.errors.push(InputError::at(
                f,
                t.at.span,
                crate::msg!("input-unknown-log-type-or-all", value = t.value.as_str()),
            ));
        }
    }
    out.sort();
    out.dedup();
    types.map(|_| out)
}

/// The control plane on AWS Outposts: `outpost.controlPlaneOutpostARN` set (eksctl's
/// `IsControlPlaneOnOutposts`).
fn outpost(r: &mut Reader<'_>) -> Field<Option<OutpostControlPlane>> {
    let arn = r.opt_string(&p("outpost.controlPlaneOutpostARN"), WHY_REGION);
    let instance_type = r.get(&p("outpost.controlPlaneInstanceType")).and_then(scalar);
    arn.map(|a| {
        a.filter(|a| !a.is_empty()).map(|a| OutpostControlPlane { outpost_arns: vec![a], instance_type })
    })
}

fn access(r: &mut Reader<'_>, local: bool) -> Access {
    let mode_path = p("accessConfig.authenticationMode");
    let why = if local { ("CONFIG_MAP", WHY_AUTH_OUTPOST) } else { ("API_AND_CONFIG_MAP", WHY_AUTH) };
    let mode = match r.string(&mode_path, Some(why)) {
        f @ Field::Unknown { .. } => f.map(|_| AuthMode::Api),
        f => match f.value().and_then(|s| AuthMode::parse(s)) {
            Some(m) => f.map(|_| m),
            None => Field::unknown(f.at().clone(), "unrecognised authentication mode"),
        },
    };
    let bootstrap =
        r.bool(&p("accessConfig.bootstrapClusterCreatorAdminPermissions"), Some((true, WHY_BOOTSTRAP)));
    let entries_path = p("accessConfig.accessEntries");
    let mut entries = Vec::new();
    for (path, _) in r.list(&entries_path).unwrap_or_default() {
        let mut policies = Vec::new();
        for (pp, _) in r.list(&path.clone().key("accessPolicies")).unwrap_or_default() {
            let scope_type = r.string(&pp.clone().keys(&["accessScope", "type"]), None);
            let namespaces =
                r.strings(&pp.clone().keys(&["accessScope", "namespaces"]), Some((Vec::new(), WHY_EMPTY)));
            let scope = match scope_type.value().map(String::as_str) {
                Some("cluster") => scope_type.map(|_| AccessScope::Cluster),
                Some("namespace") => {
                    let ns = namespaces.value().cloned().unwrap_or_default();
                    scope_type.map(|_| AccessScope::Namespaces(ns))
                }
                _ => Field::unknown(scope_type.at().clone(), "unrecognised access scope"),
            };
            policies.push(AccessPolicy {
                at: r.place(&pp),
                policy_arn: r.string(&pp.clone().key("policyARN"), None),
                scope,
            });
        }
        entries.push(AccessEntry {
            at: r.place(&path),
            principal_arn: r.string(&path.clone().key("principalARN"), None),
            kind: r.string(
                &path.clone().key("type"),
                Some(("STANDARD", "access entries are STANDARD by default")),
            ),
            username: r.opt_string(&path.clone().key("kubernetesUsername"), WHY_NONE),
            groups: r.strings(&path.clone().key("kubernetesGroups"), Some((Vec::new(), WHY_EMPTY))),
            policies,
        });
    }
    let entries = entries_field(r, &entries_path, entries);
    let maps_path = p("iamIdentityMappings");
    let mut maps = Vec::new();
    for (path, node) in r.list(&maps_path).unwrap_or_default() {
        let (kind, arn) = if node.get("account").is_some() {
            (MappingKind::Account, r.string(&path.clone().key("account"), None))
        } else {
            let arn = r.string(&path.clone().key("arn"), None);
            let kind = if arn.is(|a| a.contains(":user/")) { MappingKind::User } else { MappingKind::Role };
            (kind, arn)
        };
        maps.push(AwsAuthMapping {
            at: r.place(&path),
            kind,
            arn,
            username: r.opt_string(&path.clone().key("username"), WHY_NONE),
            groups: r.strings(&path.clone().key("groups"), Some((Vec::new(), WHY_EMPTY))),
        });
    }
    let aws_auth = entries_field(r, &maps_path, maps);
    Access { mode, bootstrap_creator_admin: bootstrap, entries, aws_auth }
}

/// A list read item by item: known when written, an empty default when absent.
fn entries_field<T>(r: &Reader<'_>, path: &FieldPath, items: Vec<T>) -> Field<Vec<T>> {
    if r.get(path).is_some() {
        Field::known(items, r.place(path))
    } else {
        Field::default(items, r.place(path), WHY_EMPTY)
    }
}

fn identity(r: &mut Reader<'_>) -> Identity {
    let oidc = r.bool(&p("iam.withOIDC"), Some((false, WHY_OIDC)));
    let sa_path = p("iam.serviceAccounts");
    let mut sas = Vec::new();
    for (path, _) in r.list(&sa_path).unwrap_or_default() {
        sas.push(ServiceAccountRole {
            at: r.place(&path),
            namespace: r.string(
                &path.clone().keys(&["metadata", "namespace"]),
                Some(("default", "eksctl uses the `default` namespace")),
            ),
            name: r.string(&path.clone().keys(&["metadata", "name"]), None),
            role_arn: r.opt_string(&path.clone().key("attachRoleARN"), "eksctl creates the role"),
        });
    }
    let pia_path = p("iam.podIdentityAssociations");
    let mut pias = Vec::new();
    for (path, _) in r.list(&pia_path).unwrap_or_default() {
        pias.push(pod_identity(r, &path, None));
    }
    // Add-ons can carry their own associations.
    for (apath, _) in r.list(&p("addons")).unwrap_or_default() {
        let ns_default = r.get(&apath.clone().key("name")).and_then(scalar);
        for (path, _) in r.list(&apath.clone().key("podIdentityAssociations")).unwrap_or_default() {
            pias.push(pod_identity(r, &path, ns_default.as_deref().map(|_| "kube-system")));
        }
    }
    let sas = entries_field(r, &sa_path, sas);
    let pias = if pias.is_empty() {
        entries_field(r, &pia_path, pias)
    } else {
        Field::known(pias, r.place(&pia_path))
    };
    Identity { oidc_provider: oidc, service_accounts: sas, pod_identity: pias }
}

fn pod_identity(
    r: &mut Reader<'_>,
    path: &FieldPath,
    ns_default: Option<&'static str>,
) -> PodIdentityAssociation {
    PodIdentityAssociation {
        at: r.place(path),
        namespace: r.string(
            &path.clone().key("namespace"),
            ns_default.map(|n| (n, "add-on associations live in kube-system")),
        ),
        service_account: r.string(&path.clone().key("serviceAccountName"), None),
        role_arn: r.opt_string(&path.clone().key("roleARN"), "eksctl creates the role"),
    }
}

fn addons(r: &mut Reader<'_>) -> Field<Vec<Addon>> {
    let path = p("addons");
    let disable_defaults = r.bool(&p("addonsConfig.disableDefaultAddons"), Some((false, WHY_ADDONS)));
    let mut out = Vec::new();
    for (ap, _) in r.list(&path).unwrap_or_default() {
        out.push(Addon {
            at: r.place(&ap),
            name: r.string(&ap.clone().key("name"), None),
            version: r.opt_string(&ap.clone().key("version"), WHY_ADDON_VERSION),
            service_account_role_arn: r.opt_string(&ap.clone().key("serviceAccountRoleARN"), WHY_NONE),
            configuration_values: r.opt_string(&ap.clone().key("configurationValues"), WHY_NONE),
        });
    }
    match disable_defaults.value() {
        Some(false) => {
            for name in DEFAULT_ADDONS {
                if !out.iter().any(|a| a.name.value().is_some_and(|n| n == name)) {
                    let at = r.place(&path);
                    out.push(Addon {
                        at: at.clone(),
                        name: Field::default((*name).to_string(), at.clone(), WHY_ADDONS),
                        version: Field::default(None, at.clone(), WHY_ADDON_VERSION),
                        service_account_role_arn: Field::default(None, at.clone(), WHY_NONE),
                        configuration_values: Field::default(None, at, WHY_NONE),
                    });
                }
            }
        }
        Some(true) => {}
        None => return Field::unknown(r.place(&path), "unknown whether default add-ons are installed"),
    }
    if r.get(&path).is_some() {
        Field::known(out, r.place(&path))
    } else {
        Field::default(out, r.place(&path), WHY_ADDONS)
    }
}

fn node_group(
    r: &mut Reader<'_>,
    path: &FieldPath,
    kind: NodeGroupKind,
    private_cluster: bool,
    cluster_zones: &Field<Vec<String>>,
) -> NodeGroup {
    let k = |key: &str| path.clone().join(&FieldPath::parse(key));
    let at = r.place(&k("name"));
    let mut ng = NodeGroup::unknown(kind, at, "not expressed in eksctl");
    ng.name = r.string(&k("name"), None);
    let launch_template = r.get(&k("launchTemplate")).is_some();
    let from_template =
        |r: &Reader<'_>, key: &str| -> Option<super::Place> { launch_template.then(|| r.place(&k(key))) };
    ng.instance_types = if r.get(&k("instanceTypes")).is_some() {
        r.strings(&k("instanceTypes"), None)
    } else if r.get(&k("instanceSelector")).is_some() {
        Field::unknown(r.place(&k("instanceSelector")), "chosen by the instance selector")
    } else if r.get(&k("instancesDistribution.instanceTypes")).is_some() {
        r.strings(&k("instancesDistribution.instanceTypes"), None)
    } else {
        r.string(&k("instanceType"), Some(("m5.large", WHY_INSTANCE))).map(|t| vec![t])
    };
    ng.ami_family = r.string(&k("amiFamily"), Some(("AmazonLinux2023", WHY_AMI)));
    ng.subnets = r.strings(&k("subnets"), None);
    ng.availability_zones = if r.get(&k("availabilityZones")).is_some() {
        r.strings(&k("availabilityZones"), None)
    } else {
        match cluster_zones.value() {
            Some(z) => Field::default(z.clone(), r.place(&k("availabilityZones")), WHY_ZONES),
            None => Field::unknown(r.place(&k("availabilityZones")), "eksctl chooses the zones"),
        }
    };
    ng.private_networking = if private_cluster {
        r.bool(&k("privateNetworking"), Some((true, WHY_PRIVATE_NET_CLUSTER)))
    } else {
        r.bool(&k("privateNetworking"), Some((false, WHY_PRIVATE_NET)))
    };
    ng.volume = match from_template(r, "launchTemplate") {
        Some(lt) => {
            macro_rules! u {
                () => {
                    Field::unknown(lt.clone(), "set by the launch template")
                };
            }
            Volume { volume_type: u!(), size_gib: u!(), encrypted: u!(), kms_key: u!() }
        }
        None => Volume {
            volume_type: r.string(&k("volumeType"), Some(("gp3", WHY_VOLUME_TYPE))),
            size_gib: r.int(&k("volumeSize"), Some((80, WHY_VOLUME_SIZE))),
            encrypted: r.bool(&k("volumeEncrypted"), Some((false, WHY_ENCRYPTED))),
            kms_key: r.opt_string(&k("volumeKmsKeyID"), "the AWS-managed EBS key when encrypted"),
        },
    };
    ng.imds = match from_template(r, "launchTemplate") {
        Some(lt) => {
            macro_rules! u {
                () => {
                    Field::unknown(lt.clone(), "set by the launch template")
                };
            }
            Imds { v2_required: u!(), hop_limit: u!(), pods_blocked: u!() }
        }
        None => {
            let pods_blocked = r.bool(&k("disablePodIMDS"), Some((false, WHY_POD_IMDS)));
            Imds {
                v2_required: r.bool(&k("disableIMDSv1"), Some((true, WHY_IMDS))),
                // eksctl writes the hop limit into its launch template; eks-facts does not
                // document the value, so it stays unknown.
                hop_limit: Field::unknown(
                    r.place(&k("disablePodIMDS")),
                    "eksctl's hop limit is not documented",
                ),
                pods_blocked,
            }
        }
    };
    let has_key = ["publicKey", "publicKeyName", "publicKeyPath"]
        .iter()
        .any(|key| r.get(&k(&format!("ssh.{key}"))).is_some());
    ng.ssh = Ssh {
        enabled: if has_key {
            r.bool(&k("ssh.allow"), Some((true, WHY_SSH_KEY)))
        } else {
            r.bool(&k("ssh.allow"), Some((false, WHY_SSH)))
        },
        source_security_groups: r.strings(&k("ssh.sourceSecurityGroupIds"), Some((Vec::new(), WHY_EMPTY))),
    };
    ng.spot = if kind == NodeGroupKind::Managed {
        r.bool(&k("spot"), Some((false, WHY_SPOT)))
    } else if r.get(&k("instancesDistribution")).is_some() {
        // Unmanaged groups use spot when part of the capacity above the base is not on-demand.
        let pct = r.int(
            &k("instancesDistribution.onDemandPercentageAboveBaseCapacity"),
            Some((100, "eksctl uses 100")),
        );
        pct.map(|v| v < 100)
    } else {
        Field::default(false, r.place(&k("instancesDistribution")), WHY_SPOT)
    };
    let any_size = ["minSize", "desiredCapacity", "maxSize"].iter().any(|key| r.get(&k(key)).is_some());
    let size_default = (!any_size).then_some((2, WHY_SIZE));
    ng.scaling = Scaling {
        min: r.int(&k("minSize"), size_default),
        desired: r.int(&k("desiredCapacity"), size_default),
        max: r.int(&k("maxSize"), size_default),
    };
    ng.labels =
        r.string_map(&k("labels"), Some(((), WHY_EMPTY))).map(|v| v.into_iter().map(|t| t.value).collect());
    ng.taints = taints(r, &k("taints"));
    ng.tags = r.string_map(&k("tags"), Some(((), WHY_EMPTY)));
    ng
}

fn taints(r: &mut Reader<'_>, path: &FieldPath) -> Field<Vec<Taint>> {
    let mut out = Vec::new();
    match r.get(path).map(|n| &n.value) {
        None => return Field::default(out, r.place(path), WHY_EMPTY),
        Some(crate::document::Value::Seq(_)) => {
            for (tp, _) in r.list(path).unwrap_or_default() {
                let key = r.string(&tp.clone().key("key"), None);
                let value = r.opt_string(&tp.clone().key("value"), WHY_NONE);
                let effect = r.string(&tp.clone().key("effect"), None);
                match (key.value(), value.value(), effect.value()) {
                    (Some(k), Some(v), Some(e)) => {
                        out.push(Taint { key: k.clone(), value: v.clone(), effect: e.clone() })
                    }
                    _ => return Field::unknown(r.place(&tp), "incomplete taint"),
                }
            }
        }
        // The older map form: `key: value:Effect`.
        Some(crate::document::Value::Map(_)) => {
            for t in r.string_map(path, None).items() {
                let (value, effect) = t.value.value.split_once(':').unwrap_or((&t.value.value, ""));
                out.push(Taint {
                    key: t.value.key.clone(),
                    value: (!value.is_empty()).then(|| value.to_string()),
                    effect: effect.to_string(),
                });
            }
        }
        Some(_) => {
            let n = r.get(path).cloned();
            if let Some(n) = n {
                return r.wrong(&n, path, "a list of taints");
            }
        }
    }
    Field::known(out, r.place(path))
}

fn fargate(r: &mut Reader<'_>, path: &FieldPath) -> NodeGroup {
    let k = |key: &str| path.clone().join(&FieldPath::parse(key));
    let at = r.place(&k("name"));
    let mut ng = NodeGroup::unknown(NodeGroupKind::Fargate, at.clone(), "does not apply to Fargate");
    ng.name = r.string(&k("name"), None);
    ng.subnets = r.strings(&k("subnets"), None);
    ng.private_networking = Field::default(true, at, "Fargate pods run only in private subnets");
    ng.tags = r.string_map(&k("tags"), Some(((), WHY_EMPTY)));
    ng
}
