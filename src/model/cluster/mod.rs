//! The EKS cluster model: one [`Cluster`] per cluster definition, whatever its form. Adapters
//! (eksctl `ClusterConfig`, `aws eks describe-*` JSON, Terraform, CloudFormation) fill the same
//! structs; rules read only this model, so one rule serves every form.
//!
//! Every value is a [`Field`]: known (with the file, span and field path it was read from),
//! defaulted (absent, the form's documented default applies at the nearest parent; `why` cites
//! the default), or unknown (never reported as insecure). A list that the form cannot express
//! (add-ons in `describe-cluster`) is an unknown `Field<Vec<_>>`, not an empty one. Findings
//! point at [`Field::at`]: the exact value, or the nearest parent when it is absent.
//!
//! Objects that live inside the cluster — the `kube-system/aws-auth` ConfigMap and Karpenter
//! `NodePool`/`EC2NodeClass` objects — are attached by [`build`] to the run's only cluster, or
//! to a cluster of their own (everything else unknown) when the run has none or several.

mod access_entries;
pub mod aws_json;
pub mod cloudformation;
mod eks_api;
pub mod eks_snapshot;
pub mod eksctl;
mod eksctl_keys;
mod eksctl_types;
mod field;
pub mod in_cluster;
pub mod launch_templates;
mod normal;
pub mod read;
pub mod tables;
pub mod terraform;

use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::InputError;
use crate::document::{Node, SourceFile};
use crate::model::ObjectSet;

pub use field::{Field, ObjectLink, Place, Spanned, UNKNOWN_KEY};
pub use normal::{differences, normalized};

/// The input form a cluster was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// eksctl `ClusterConfig` (`eksctl.io/v1alpha5`).
    Eksctl,
    /// `aws eks describe-cluster` / `describe-nodegroup` output.
    AwsJson,
    Terraform,
    CloudFormation,
    /// No cluster definition in the run: only in-cluster objects (aws-auth, Karpenter).
    InCluster,
}

/// One EKS cluster.
#[derive(Clone, Debug, Serialize)]
pub struct Cluster {
    #[serde(skip)]
    pub source: SourceKind,
    /// The cluster's head in its source (its name), where cluster-wide findings point.
    #[serde(skip)]
    pub at: Place,
    pub name: Field<String>,
    pub region: Field<String>,
    /// Kubernetes minor version, `"1.34"`.
    pub version: Field<String>,
    pub endpoint: Endpoint,
    /// ARN of the customer KMS key encrypting Kubernetes secrets; `None` when there is none.
    pub secrets_key: Field<Option<String>>,
    /// Control-plane log types sent to CloudWatch.
    pub logging: Field<Vec<LogType>>,
    pub access: Access,
    pub identity: Identity,
    pub addons: Field<Vec<Addon>>,
    pub cluster_role: ClusterRole,
    pub node_groups: Vec<NodeGroup>,
    pub tags: Field<Vec<Spanned<Tag>>>,
    /// EKS Auto Mode: AWS runs the compute, networking, DNS, kube-proxy and block storage.
    pub auto_mode: Field<bool>,
    /// GuardDuty EKS Runtime Monitoring with the agent managed by GuardDuty (account-level, seen
    /// only when the same Terraform module or CloudFormation template enables it).
    pub guardduty_managed_agent: Field<bool>,
    /// Where the control plane runs: on AWS Outposts (an EKS local cluster: eksctl `outpost`,
    /// Terraform `outpost_config`, CloudFormation `OutpostConfig`, describe-cluster
    /// `outpostConfig`), or in an AWS Region (`None`). A local cluster cannot have what eksctl
    /// refuses there (eksctl `userdocs/src/usage/outposts.md`, `outposts_validation_test.go`):
    /// KMS secrets encryption, add-ons, `iam.withOIDC`, identity providers, Fargate, Karpenter,
    /// managed node groups, a public endpoint; and EKS accepts only CONFIG_MAP authentication
    /// with the creator as admin (eks-facts §1.2; eksctl-io/eksctl#7552).
    pub outpost: Field<Option<OutpostControlPlane>>,
}

/// Why an endpoint is private when nothing says so: a local cluster has no public endpoint.
pub(crate) const WHY_LOCAL_ENDPOINT: &str = "a control plane on AWS Outposts has a private endpoint only";

/// A control plane on AWS Outposts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutpostControlPlane {
    /// The Outposts ARNs, when literal (EKS takes one).
    pub outpost_arns: Vec<String>,
    /// The control plane's EC2 instance type, when the input gives it.
    pub instance_type: Option<String>,
}

/// The Kubernetes API endpoint.
#[derive(Clone, Debug, Serialize)]
pub struct Endpoint {
    pub public_access: Field<bool>,
    pub private_access: Field<bool>,
    /// CIDRs allowed to reach the public endpoint.
    pub public_cidrs: Field<Vec<Spanned<String>>>,
}

/// A control-plane log type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LogType {
    Api,
    Audit,
    Authenticator,
    ControllerManager,
    Scheduler,
}

impl LogType {
    pub const ALL: [LogType; 5] =
        [Self::Api, Self::Audit, Self::Authenticator, Self::ControllerManager, Self::Scheduler];

    /// The name EKS uses (`controllerManager`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Api => "api",
            Self::Audit => "audit",
            Self::Authenticator => "authenticator",
            Self::ControllerManager => "controllerManager",
            Self::Scheduler => "scheduler",
        }
    }

    /// Parses an EKS log type name (case-insensitive, as eksctl accepts).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(s))
    }
}

/// Who can authenticate, and as what.
#[derive(Clone, Debug, Serialize)]
pub struct Access {
    pub mode: Field<AuthMode>,
    /// Whether EKS grants cluster admin to the principal that creates the cluster.
    pub bootstrap_creator_admin: Field<bool>,
    pub entries: Field<Vec<AccessEntry>>,
    /// `aws-auth` mappings: eksctl `iamIdentityMappings` and `kube-system/aws-auth` ConfigMaps.
    pub aws_auth: Field<Vec<AwsAuthMapping>>,
}

/// The cluster authentication mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AuthMode {
    ConfigMap,
    Api,
    ApiAndConfigMap,
}

impl AuthMode {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ConfigMap => "CONFIG_MAP",
            Self::Api => "API",
            Self::ApiAndConfigMap => "API_AND_CONFIG_MAP",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        [Self::ConfigMap, Self::Api, Self::ApiAndConfigMap].into_iter().find(|m| m.as_str() == s)
    }

    /// Whether access entries are honoured.
    #[must_use]
    pub fn uses_access_entries(self) -> bool {
        self != Self::ConfigMap
    }
}

/// An EKS access entry.
#[derive(Clone, Debug, Serialize)]
pub struct AccessEntry {
    #[serde(skip)]
    pub at: Place,
    pub principal_arn: Field<String>,
    /// `STANDARD`, `EC2_LINUX`, …
    pub kind: Field<String>,
    pub username: Field<Option<String>>,
    pub groups: Field<Vec<String>>,
    pub policies: Vec<AccessPolicy>,
}

/// An access policy associated with an access entry.
#[derive(Clone, Debug, Serialize)]
pub struct AccessPolicy {
    #[serde(skip)]
    pub at: Place,
    pub policy_arn: Field<String>,
    pub scope: Field<AccessScope>,
}

/// Where an access policy applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AccessScope {
    Cluster,
    Namespaces(Vec<String>),
}

/// The ARN of the EKS access policy equivalent to `cluster-admin`.
pub const CLUSTER_ADMIN_POLICY: &str = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

/// One `mapRoles`, `mapUsers` or `mapAccounts` item of `aws-auth`.
#[derive(Clone, Debug, Serialize)]
pub struct AwsAuthMapping {
    #[serde(skip)]
    pub at: Place,
    pub kind: MappingKind,
    /// Role or user ARN, or the account id for `mapAccounts`.
    pub arn: Field<String>,
    pub username: Field<Option<String>>,
    pub groups: Field<Vec<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MappingKind {
    Role,
    User,
    Account,
}

/// Workload identity: IRSA (OIDC provider + service-account roles) and EKS Pod Identity.
#[derive(Clone, Debug, Serialize)]
pub struct Identity {
    /// Whether an IAM OIDC provider is registered for the cluster issuer (IRSA possible).
    pub oidc_provider: Field<bool>,
    pub service_accounts: Field<Vec<ServiceAccountRole>>,
    pub pod_identity: Field<Vec<PodIdentityAssociation>>,
}

/// An IRSA service account.
#[derive(Clone, Debug, Serialize)]
pub struct ServiceAccountRole {
    #[serde(skip)]
    pub at: Place,
    pub namespace: Field<String>,
    pub name: Field<String>,
    pub role_arn: Field<Option<String>>,
}

/// An EKS Pod Identity association.
#[derive(Clone, Debug, Serialize)]
pub struct PodIdentityAssociation {
    #[serde(skip)]
    pub at: Place,
    pub namespace: Field<String>,
    pub service_account: Field<String>,
    pub role_arn: Field<Option<String>>,
}

/// An EKS add-on.
#[derive(Clone, Debug, Serialize)]
pub struct Addon {
    #[serde(skip)]
    pub at: Place,
    pub name: Field<String>,
    /// The pinned version (`v1.20.4-eksbuild.1`), `latest`, or `None` for the default version.
    pub version: Field<Option<String>>,
    pub service_account_role_arn: Field<Option<String>>,
    pub configuration_values: Field<Option<String>>,
}

/// The IAM role of the control plane.
#[derive(Clone, Debug, Serialize)]
pub struct ClusterRole {
    pub arn: Field<Option<String>>,
    /// Names or ARNs of the managed policies attached to it.
    pub policies: Field<Vec<String>>,
}

/// A key and value tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

/// What runs the nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeGroupKind {
    /// EKS managed node group.
    Managed,
    /// Self-managed Auto Scaling group (eksctl `nodeGroups`).
    SelfManaged,
    /// Fargate profile.
    Fargate,
    /// Karpenter `NodePool` (with its `EC2NodeClass`).
    Karpenter,
}

impl NodeGroupKind {
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Managed => "managed node group",
            Self::SelfManaged => "node group",
            Self::Fargate => "Fargate profile",
            Self::Karpenter => "Karpenter node pool",
        }
    }
}

/// A group of nodes: managed or self-managed node group, Fargate profile, Karpenter node pool.
/// Fields that do not apply to a kind (IMDS on Fargate) are unknown.
#[derive(Clone, Debug, Serialize)]
pub struct NodeGroup {
    pub kind: NodeGroupKind,
    #[serde(skip)]
    pub at: Place,
    pub name: Field<String>,
    pub instance_types: Field<Vec<String>>,
    /// AMI family in eksctl's vocabulary (`AmazonLinux2023`, `Bottlerocket`, `WindowsServer2022…`);
    /// other forms map to it with [`ami_family`].
    pub ami_family: Field<String>,
    pub availability_zones: Field<Vec<String>>,
    pub subnets: Field<Vec<String>>,
    /// Whether the nodes are in private subnets without public IPs.
    pub private_networking: Field<bool>,
    pub volume: Volume,
    pub imds: Imds,
    pub ssh: Ssh,
    pub spot: Field<bool>,
    pub scaling: Scaling,
    pub labels: Field<Vec<Tag>>,
    pub taints: Field<Vec<Taint>>,
    pub tags: Field<Vec<Spanned<Tag>>>,
    /// The launch template a managed node group of AWS output names, which
    /// `describe-launch-template-versions` output resolves (see [`launch_templates`]).
    #[serde(skip)]
    pub launch_template: Option<launch_templates::TemplateRef>,
}

impl NodeGroup {
    /// `managed node group "workers"`, for messages.
    #[must_use]
    pub fn describe(&self) -> String {
        match self.name.value() {
            Some(n) => format!("{} \"{n}\"", self.kind.describe()),
            None => self.kind.describe().to_string(),
        }
    }
}

/// The root volume of the nodes.
#[derive(Clone, Debug, Serialize)]
pub struct Volume {
    pub volume_type: Field<String>,
    pub size_gib: Field<i64>,
    pub encrypted: Field<bool>,
    pub kms_key: Field<Option<String>>,
}

/// Instance metadata service settings.
#[derive(Clone, Debug, Serialize)]
pub struct Imds {
    /// `httpTokens: required` (IMDSv1 disabled).
    pub v2_required: Field<bool>,
    /// `httpPutResponseHopLimit`.
    pub hop_limit: Field<i64>,
    /// IMDS blocked for pods that do not use the host network (eksctl `disablePodIMDS`).
    pub pods_blocked: Field<bool>,
}

/// SSH (remote) access to the nodes.
#[derive(Clone, Debug, Serialize)]
pub struct Ssh {
    pub enabled: Field<bool>,
    /// Security groups allowed to connect; empty means open to `0.0.0.0/0`.
    pub source_security_groups: Field<Vec<String>>,
}

/// Auto Scaling sizes.
#[derive(Clone, Debug, Serialize)]
pub struct Scaling {
    pub min: Field<i64>,
    pub desired: Field<i64>,
    pub max: Field<i64>,
}

/// A node taint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Taint {
    pub key: String,
    pub value: Option<String>,
    pub effect: String,
}

/// Maps an EKS AMI type (`AL2023_x86_64_STANDARD`, used by the EKS API, Terraform and
/// CloudFormation) or a Karpenter family (`AL2023`) to eksctl's family name; other names are
/// kept as they are.
#[must_use]
pub fn ami_family(name: &str) -> String {
    let upper = name.to_ascii_uppercase();
    let family = if upper.starts_with("AL2023") {
        "AmazonLinux2023"
    } else if upper.starts_with("AL2_") || upper == "AL2" {
        "AmazonLinux2"
    } else if upper.starts_with("BOTTLEROCKET") {
        "Bottlerocket"
    } else if upper.starts_with("WINDOWS_CORE_2019") {
        "WindowsServer2019CoreContainer"
    } else if upper.starts_with("WINDOWS_FULL_2019") {
        "WindowsServer2019FullContainer"
    } else if upper.starts_with("WINDOWS_CORE_2022") {
        "WindowsServer2022CoreContainer"
    } else if upper.starts_with("WINDOWS_FULL_2022") {
        "WindowsServer2022FullContainer"
    } else {
        return name.to_string();
    };
    family.to_string()
}

/// A top-level document recognised as AWS CLI output (`{"cluster": …}`, `{"nodegroup": …}`).
#[derive(Clone, Debug)]
pub struct AwsDocument {
    pub file: Arc<SourceFile>,
    pub document: usize,
    pub root: Node,
}

/// Every cluster of a run, with the input errors found while reading them.
#[derive(Debug, Default)]
pub struct Clusters {
    pub clusters: Vec<Cluster>,
    pub errors: Vec<InputError>,
}

/// Builds the clusters of a run: one per eksctl `ClusterConfig` and per `describe-cluster`
/// document; `describe-nodegroup` documents join the cluster of the same name (or one of their
/// own); aws-auth ConfigMaps and Karpenter objects join the only cluster (or one of their own).
#[must_use]
pub fn build(set: &ObjectSet, aws: &[AwsDocument]) -> Clusters {
    build_with(set, aws, &[], &[])
}

/// [`build`] with Terraform modules and CloudFormation templates too: one cluster per
/// `aws_eks_cluster` resource, terraform-aws-modules/eks `module` block and `AWS::EKS::Cluster`.
#[must_use]
pub fn build_with(
    set: &ObjectSet,
    aws: &[AwsDocument],
    terraform: &[crate::document::hcl::Module],
    cloudformation: &[crate::document::cloudformation::Template],
) -> Clusters {
    let mut out = Clusters::default();
    // Clusters another input defines: an eksctl file of node groups only for one of them adds
    // node groups (`eksctl create nodegroup`) and says nothing about the cluster.
    let defined: std::collections::HashSet<&str> = set
        .iter()
        .filter(|o| eksctl::is_cluster_config(o) && !eksctl::nodegroup_only(&o.root))
        .map(|o| o.name.as_str())
        .chain(aws.iter().filter_map(|d| d.root.get("cluster")?.get("name")?.as_str()))
        .collect();
    for o in set.iter().filter(|o| eksctl::is_cluster_config(o)) {
        let adds_node_groups = eksctl::nodegroup_only(&o.root) && defined.contains(o.name.as_str());
        let (c, errs) = Cluster::from_eksctl_with(o, adds_node_groups);
        out.clusters.push(c);
        out.errors.extend(errs);
    }
    for d in aws.iter().filter(|d| d.root.get("cluster").is_some()) {
        let (c, errs) = if eks_snapshot::recognize(&d.root) {
            eks_snapshot::read(&d.file, &d.root)
        } else {
            Cluster::from_describe_cluster(&d.file, &d.root)
        };
        out.clusters.push(c);
        out.errors.extend(errs);
    }
    for d in aws.iter().filter(|d| d.root.get("nodegroup").is_some()) {
        let (ng, cluster_name, errs) = NodeGroup::from_describe_nodegroup(&d.file, &d.root);
        out.errors.extend(errs);
        let target = out.clusters.iter_mut().find(|c| {
            c.source == SourceKind::AwsJson
                && cluster_name.is_some()
                && c.name.value() == cluster_name.as_ref()
        });
        match target {
            Some(c) => c.node_groups.push(ng),
            None => {
                let mut c =
                    Cluster::unknown(SourceKind::AwsJson, ng.at.clone(), "no describe-cluster output");
                if let Some(n) = cluster_name {
                    c.name = Field::known(n, ng.at.clone());
                }
                c.node_groups.push(ng);
                out.clusters.push(c);
            }
        }
    }
    launch_templates::join(&mut out.clusters, aws, &mut out.errors);
    add_aws_access_entries(&mut out, aws);
    for m in terraform {
        let (clusters, errs) = terraform::clusters(m);
        out.clusters.extend(clusters);
        out.errors.extend(errs);
    }
    for t in cloudformation {
        let (clusters, errs) = cloudformation::clusters(t);
        out.clusters.extend(clusters);
        out.errors.extend(errs);
    }
    let (mappings, pools, errs) = in_cluster::read(set);
    out.errors.extend(errs);
    let node_groups = attach_named_pools(&mut out.clusters, pools);
    if mappings.is_empty() && node_groups.is_empty() {
        return out;
    }
    if out.clusters.len() != 1 {
        let at = mappings.first().map(|m| m.at.clone()).or_else(|| node_groups.first().map(|n| n.at.clone()));
        out.clusters.push(Cluster::unknown(
            SourceKind::InCluster,
            at.unwrap_or_default(),
            "no single cluster definition in the scan",
        ));
    }
    let Some(c) = out.clusters.last_mut() else { return out };
    if !mappings.is_empty() {
        let mut all: Vec<AwsAuthMapping> = c.access.aws_auth.items().cloned().collect();
        all.extend(mappings);
        let at = c.access.aws_auth.at().clone();
        c.access.aws_auth = Field::known(all, at);
    }
    c.node_groups.extend(node_groups);
    out
}

/// `describe-access-entry` and `list-associated-access-policies` documents join the
/// describe-cluster cluster of the name they give (or one of their own): the entries the input
/// holds become the cluster's, the policies join the entry of their principal.
fn add_aws_access_entries(out: &mut Clusters, aws: &[AwsDocument]) {
    fn cluster_named<'c>(out: &'c mut Clusters, name: Option<String>, at: &Place) -> Option<&'c mut Cluster> {
        let found = out.clusters.iter().position(|c| {
            c.source == SourceKind::AwsJson && name.is_some() && c.name.value() == name.as_ref()
        });
        let i = match found {
            Some(i) => i,
            None => {
                let mut c = Cluster::unknown(SourceKind::AwsJson, at.clone(), "no describe-cluster output");
                if let Some(n) = name {
                    c.name = Field::known(n, at.clone());
                }
                out.clusters.push(c);
                out.clusters.len() - 1
            }
        };
        out.clusters.get_mut(i)
    }
    fn entries_of(c: &mut Cluster, at: &Place) -> Vec<AccessEntry> {
        // What describe-cluster leaves unknown is known once the entries themselves are read.
        let known: Vec<AccessEntry> = c.access.entries.value().cloned().unwrap_or_default();
        if c.access.entries.value().is_none() {
            c.access.entries = Field::known(Vec::new(), at.clone());
        }
        known
    }
    for d in aws.iter().filter(|d| d.root.get("accessEntry").is_some()) {
        let (entry, name, errs) = aws_json::access_entry(&d.file, &d.root);
        out.errors.extend(errs);
        let at = entry.at.clone();
        let Some(c) = cluster_named(out, name, &at) else { continue };
        let mut entries = entries_of(c, &at);
        entries.push(entry);
        let place = c.access.entries.at().clone();
        c.access.entries = Field::known(entries, place);
    }
    for d in aws.iter().filter(|d| aws_json::recognize_policies(&d.root)) {
        let (name, principal, policies, errs) = aws_json::access_policies(&d.file, &d.root);
        out.errors.extend(errs);
        let at = principal.at().clone();
        let Some(c) = cluster_named(out, name, &at) else { continue };
        let mut entries = entries_of(c, &at);
        match entries
            .iter_mut()
            .find(|e| e.principal_arn.value().is_some() && e.principal_arn.value() == principal.value())
        {
            Some(e) => e.policies.extend(policies),
            None => entries.push(AccessEntry {
                at: at.clone(),
                principal_arn: principal,
                kind: Field::unknown(at.clone(), "no describe-access-entry output"),
                username: Field::unknown(at.clone(), "no describe-access-entry output"),
                groups: Field::unknown(at.clone(), "no describe-access-entry output"),
                policies,
            }),
        }
        let place = c.access.entries.at().clone();
        c.access.entries = Field::known(entries, place);
    }
}

/// Karpenter pools whose EC2NodeClass names their cluster join every cluster of that name in
/// the scan (its eksctl and Terraform forms alike), or a cluster of their own with that name;
/// the others are returned.
fn attach_named_pools(clusters: &mut Vec<Cluster>, pools: Vec<in_cluster::Pool>) -> Vec<NodeGroup> {
    let mut unnamed = Vec::new();
    for pool in pools {
        let Some(name) = pool.cluster else {
            unnamed.push(pool.node_group);
            continue;
        };
        let mut joined = false;
        for c in clusters.iter_mut().filter(|c| c.name.value() == name.value()) {
            c.node_groups.push(pool.node_group.clone());
            joined = true;
        }
        if !joined {
            let mut c = Cluster::unknown(
                SourceKind::InCluster,
                pool.node_group.at.clone(),
                "named by Karpenter objects only",
            );
            c.name = name;
            c.node_groups.push(pool.node_group);
            clusters.push(c);
        }
    }
    unnamed
}

impl Cluster {
    /// A cluster about which nothing is known yet; adapters fill what their form says.
    #[must_use]
    pub fn unknown(source: SourceKind, at: Place, reason: &str) -> Self {
        macro_rules! u {
            () => {
                Field::unknown(at.clone(), reason)
            };
        }
        Cluster {
            source,
            at: at.clone(),
            name: u!(),
            region: u!(),
            version: u!(),
            endpoint: Endpoint { public_access: u!(), private_access: u!(), public_cidrs: u!() },
            secrets_key: u!(),
            logging: u!(),
            access: Access { mode: u!(), bootstrap_creator_admin: u!(), entries: u!(), aws_auth: u!() },
            identity: Identity { oidc_provider: u!(), service_accounts: u!(), pod_identity: u!() },
            addons: u!(),
            cluster_role: ClusterRole { arn: u!(), policies: u!() },
            node_groups: Vec::new(),
            tags: u!(),
            auto_mode: u!(),
            guardduty_managed_agent: u!(),
            outpost: u!(),
        }
    }

    /// Whether the control plane is known to run on AWS Outposts (an EKS local cluster).
    #[must_use]
    pub fn on_outposts(&self) -> bool {
        self.outpost.value().is_some_and(Option::is_some)
    }

    /// `cluster "prod"`, for messages.
    #[must_use]
    pub fn describe(&self) -> String {
        match self.name.value() {
            Some(n) => format!("cluster \"{n}\""),
            None => "cluster".to_string(),
        }
    }

    /// The add-on of a name, when the add-on list is determined.
    #[must_use]
    pub fn addon(&self, name: &str) -> Option<&Addon> {
        self.addons.items().find(|a| a.name.value().is_some_and(|n| n == name))
    }
}

impl NodeGroup {
    /// A node group about which nothing is known yet.
    #[must_use]
    pub fn unknown(kind: NodeGroupKind, at: Place, reason: &str) -> Self {
        macro_rules! u {
            () => {
                Field::unknown(at.clone(), reason)
            };
        }
        NodeGroup {
            kind,
            at: at.clone(),
            name: u!(),
            instance_types: u!(),
            ami_family: u!(),
            availability_zones: u!(),
            subnets: u!(),
            private_networking: u!(),
            volume: Volume { volume_type: u!(), size_gib: u!(), encrypted: u!(), kms_key: u!() },
            imds: Imds { v2_required: u!(), hop_limit: u!(), pods_blocked: u!() },
            ssh: Ssh { enabled: u!(), source_security_groups: u!() },
            spot: u!(),
            scaling: Scaling { min: u!(), desired: u!(), max: u!() },
            labels: u!(),
            taints: u!(),
            tags: u!(),
            launch_template: None,
        }
    }
}

#[cfg(test)]
mod tests;

/// An empty list of public access CIDRs sets no restriction: EKS keeps its default, 0.0.0.0/0
/// (as an absent list; checkov reads it so too).
pub(crate) fn no_cidrs_is_open(f: Field<Vec<Spanned<String>>>) -> Field<Vec<Spanned<String>>> {
    match f {
        Field::Known { value, at } if value.is_empty() => Field::default(
            vec![Spanned { value: "0.0.0.0/0".into(), at: at.clone() }],
            at,
            "an empty list of public access CIDRs sets no restriction: EKS keeps 0.0.0.0/0",
        ),
        f => f,
    }
}

/// Whether a GuardDuty feature (Terraform `aws_guardduty_detector_feature` body, or one item of a
/// CloudFormation `AWS::GuardDuty::Detector` `Features` list, with the given key names) turns on
/// EKS Runtime Monitoring with the agent managed by GuardDuty.
#[must_use]
pub fn guardduty_manages_agent(feature: &crate::document::Node, keys: [&str; 4]) -> bool {
    let [name, status, extra, extra_name] = keys;
    let enabled = |n: &crate::document::Node| {
        n.get(status)
            .and_then(crate::document::Node::as_str)
            .is_some_and(|s| s.eq_ignore_ascii_case("ENABLED"))
    };
    let runtime = feature
        .get(name)
        .and_then(crate::document::Node::as_str)
        .is_some_and(|n| n == "RUNTIME_MONITORING" || n == "EKS_RUNTIME_MONITORING");
    runtime
        && enabled(feature)
        && feature.get(extra).into_iter().flat_map(crate::document::Node::items).any(|c| {
            c.get(extra_name).and_then(crate::document::Node::as_str) == Some("EKS_ADDON_MANAGEMENT")
                && enabled(c)
        })
}
