//! `ladrillo init`: a validated [`Profile`] becomes a hardened bundle, an ordered list of
//! (relative path, contents). Pure: nothing here reads or writes files, and the same profile
//! always gives byte-identical output. One module per artefact family.

pub mod eksctl;
pub mod harden;
pub mod iam;
pub mod manifests;
pub mod readme;
pub mod terraform;
mod text;

use std::collections::BTreeMap;

use jiff::civil::{Date, date};

use crate::analysis::maxpods;

/// The account id AWS uses in its documentation; stands in for the user's when unknown.
pub const PLACEHOLDER_ACCOUNT: &str = "111122223333";

/// Facts about one Kubernetes minor on EKS that the bundle depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VersionFacts {
    pub version: &'static str,
    pub minor: u32,
    pub end_of_standard: Date,
    pub vpc_cni: &'static str,
    pub coredns: &'static str,
    pub kube_proxy: &'static str,
}

/// EKS versions the generator supports, newest first. Support dates: eks-facts §9
/// (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html). Add-on builds: eks-facts
/// §10, the newer AWS docs page for coredns and kube-proxy; vpc-cni ships one line for every
/// supported version (v1.20.4-eksbuild.1). Other add-ons are left to EKS, which installs the
/// default build for the cluster's version.
pub const VERSIONS: &[VersionFacts] = &[
    VersionFacts {
        version: "1.35",
        minor: 35,
        end_of_standard: date(2027, 3, 27),
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.13.2-eksbuild.4",
        kube_proxy: "v1.35.3-eksbuild.2",
    },
    VersionFacts {
        version: "1.34",
        minor: 34,
        end_of_standard: date(2026, 12, 2),
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.13.2-eksbuild.4",
        kube_proxy: "v1.34.6-eksbuild.2",
    },
    VersionFacts {
        version: "1.33",
        minor: 33,
        end_of_standard: date(2026, 7, 29),
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.13.2-eksbuild.4",
        kube_proxy: "v1.33.10-eksbuild.2",
    },
    VersionFacts {
        version: "1.32",
        minor: 32,
        end_of_standard: date(2026, 3, 23),
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.11.4-eksbuild.33",
        kube_proxy: "v1.32.13-eksbuild.5",
    },
    VersionFacts {
        version: "1.31",
        minor: 31,
        end_of_standard: date(2025, 11, 26),
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.11.4-eksbuild.33",
        kube_proxy: "v1.31.14-eksbuild.9",
    },
    VersionFacts {
        version: "1.30",
        minor: 30,
        end_of_standard: date(2025, 7, 23),
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.11.4-eksbuild.33",
        kube_proxy: "v1.30.14-eksbuild.28",
    },
];

/// The newest version the tables know.
pub const DEFAULT_VERSION: &str = "1.35";

/// Facts for a version string such as `1.35`.
#[must_use]
pub fn version_facts(version: &str) -> Option<&'static VersionFacts> {
    VERSIONS.iter().find(|v| v.version == version.trim())
}

/// What the user asked for, before validation (flags, or a hardened `--from` file).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    pub name: Option<String>,
    pub region: Option<String>,
    pub version: Option<String>,
    pub zones: Vec<String>,
    pub nodegroup_name: Option<String>,
    pub node_type: Option<String>,
    pub nodes: Option<u32>,
    pub nodes_min: Option<u32>,
    pub nodes_max: Option<u32>,
    pub spot: bool,
    pub instance_types: Vec<String>,
    pub karpenter: bool,
    pub private: bool,
    pub public_access_cidrs: Vec<String>,
    pub kms_key_arn: Option<String>,
    pub account_id: Option<String>,
    pub admin_role_arn: Option<String>,
    pub developer_role_arn: Option<String>,
    pub tags: Vec<(String, String)>,
    pub namespaces: Vec<String>,
}

/// How the API server endpoint is reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// Private endpoint only.
    Private,
    /// Private endpoint, plus a public one restricted to these CIDRs.
    Restricted(Vec<String>),
}

/// A validated request: everything the generators need, with defaults applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub region: String,
    pub version: &'static VersionFacts,
    /// Availability zones; empty lets eksctl choose (it takes at least two).
    pub zones: Vec<String>,
    pub nodegroup: String,
    /// Instance types; more than one only with spot capacity.
    pub instance_types: Vec<String>,
    pub spot: bool,
    pub desired: u32,
    pub min: u32,
    pub max: u32,
    pub karpenter: bool,
    /// Fully private cluster (no internet egress from nodes; VPC endpoints).
    pub private: bool,
    pub endpoint: Endpoint,
    /// A KMS key the user already has; `None` means the bundle creates one.
    pub kms_key_arn: Option<String>,
    pub account_id: String,
    pub account_known: bool,
    pub admin_role_arn: String,
    pub developer_role_arn: String,
    pub tags: BTreeMap<String, String>,
    pub namespaces: Vec<String>,
}

/// Default node group settings: those of `eksctl create cluster` (eks-facts §1.5).
pub const DEFAULT_NODEGROUP: &str = "workers";
pub const DEFAULT_NODE_TYPE: &str = "m5.large";
pub const DEFAULT_NODES: u32 = 2;
/// Namespace of the example application when none is given.
pub const DEFAULT_NAMESPACE: &str = "mi-app";

impl Profile {
    /// Validates a request as of `today` (which decides whether a version is still in standard
    /// support). Every problem is reported, not only the first.
    pub fn new(req: &Request, today: Date) -> Result<Self, Vec<String>> {
        let mut errors = Vec::new();
        let name = match req.name.as_deref().map(str::trim) {
            None | Some("") => {
                errors.push("--name is required (the cluster name, e.g. --name mi-cluster)".to_string());
                String::new()
            }
            Some(n) => {
                if let Err(e) = check_cluster_name(n) {
                    errors.push(e);
                }
                n.to_string()
            }
        };
        let region = match req.region.as_deref().map(str::trim) {
            None | Some("") => {
                errors.push("--region is required (e.g. --region us-east-1)".to_string());
                String::new()
            }
            Some(r) => {
                if !is_region(r) {
                    errors.push(format!(
                        "--region `{r}` is not an AWS region name (expected e.g. us-east-1, eu-west-3)"
                    ));
                }
                r.to_string()
            }
        };
        let version = check_version(req.version.as_deref().unwrap_or(DEFAULT_VERSION), today)
            .map_err(|e| errors.push(e))
            .ok();

        let mut zones: Vec<String> = Vec::new();
        for z in &req.zones {
            let z = z.trim().to_string();
            if !is_zone_of(&z, &region) {
                errors.push(format!("--zones: `{z}` is not an availability zone of region `{region}`"));
            } else if zones.contains(&z) {
                errors.push(format!("--zones: `{z}` is given twice"));
            } else {
                zones.push(z);
            }
        }
        if zones.len() == 1 {
            errors.push(
                "--zones needs at least two availability zones, for nodes that survive a zone outage".into(),
            );
        }
        zones.sort();

        let nodegroup = req.nodegroup_name.as_deref().unwrap_or(DEFAULT_NODEGROUP).trim().to_string();
        if let Err(e) = check_cluster_name(&nodegroup) {
            errors.push(format!("--nodegroup-name: {e}"));
        }

        let mut instance_types: Vec<String> = Vec::new();
        let node_type = req.node_type.as_deref().map(str::trim);
        if !req.instance_types.is_empty() {
            if !req.spot {
                errors
                    .push("--instance-types is for spot node groups: add --spot, or use --node-type".into());
            }
            if node_type.is_some() {
                errors.push("give either --node-type or --instance-types, not both".into());
            }
            for t in &req.instance_types {
                push_instance_type(&mut instance_types, t, "--instance-types", &mut errors);
            }
        } else {
            push_instance_type(
                &mut instance_types,
                node_type.unwrap_or(DEFAULT_NODE_TYPE),
                "--node-type",
                &mut errors,
            );
        }
        if instance_types.iter().any(|t| terraform::is_arm(t))
            && !instance_types.iter().all(|t| terraform::is_arm(t))
        {
            errors.push(format!(
                "--instance-types mixes arm64 (Graviton) and x86_64 types ({}); one node group runs one architecture",
                instance_types.join(", ")
            ));
        }
        if req.spot && instance_types.len() < 2 && req.instance_types.len() < 2 {
            errors.push(
                "--spot needs at least two instance types (--instance-types m5.large,m5a.large) so one \
                 interruption does not take every node"
                    .into(),
            );
        }

        let desired = req.nodes.unwrap_or_else(|| {
            DEFAULT_NODES.clamp(
                req.nodes_min.unwrap_or(0),
                req.nodes_max.unwrap_or(u32::MAX).max(req.nodes_min.unwrap_or(0)),
            )
        });
        let min = req.nodes_min.unwrap_or(desired);
        let max = req.nodes_max.unwrap_or(desired);
        if min > desired {
            errors
                .push(format!("--nodes-min ({min}) is above --nodes ({desired}): keep min ≤ desired ≤ max"));
        }
        if desired > max {
            errors
                .push(format!("--nodes ({desired}) is above --nodes-max ({max}): keep min ≤ desired ≤ max"));
        }
        if max == 0 {
            errors.push("--nodes-max must be at least 1".into());
        }
        if max > 1000 {
            errors.push(format!("--nodes-max ({max}) is above the 1000 nodes a managed node group can hold"));
        }

        let mut cidrs: Vec<String> = Vec::new();
        for c in &req.public_access_cidrs {
            let c = c.trim();
            match check_cidr(c) {
                Ok(()) if !cidrs.iter().any(|x| x == c) => cidrs.push(c.to_string()),
                Ok(()) => {}
                Err(e) => errors.push(format!("--public-access-cidrs: {e}")),
            }
        }
        cidrs.sort();
        if req.private && !cidrs.is_empty() {
            errors.push("--private has no public endpoint: drop --public-access-cidrs".into());
        }
        let endpoint = if cidrs.is_empty() { Endpoint::Private } else { Endpoint::Restricted(cidrs) };

        let account_id = match req.account_id.as_deref().map(str::trim) {
            Some(a) if a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()) => Some(a.to_string()),
            Some(a) => {
                errors.push(format!("--account-id `{a}` is not a 12-digit AWS account id"));
                None
            }
            None => None,
        };
        let kms_key_arn = req.kms_key_arn.as_deref().map(str::trim).map(str::to_string);
        if let Some(k) = &kms_key_arn
            && let Err(e) = check_kms_arn(k, &region)
        {
            errors.push(format!("--kms-key-arn: {e}"));
        }
        for (flag, arn) in
            [("--admin-role-arn", &req.admin_role_arn), ("--developer-role-arn", &req.developer_role_arn)]
        {
            if let Some(a) = arn
                && let Err(e) = check_role_arn(a.trim())
            {
                errors.push(format!("{flag}: {e}"));
            }
        }

        let mut tags = BTreeMap::new();
        for (k, v) in &req.tags {
            let (k, v) = (k.trim(), v.trim());
            if k.is_empty() || k.len() > 128 || v.len() > 256 {
                errors
                    .push(format!("--tags: `{k}={v}` needs a key of 1–128 and a value of 0–256 characters"));
            } else if k.to_ascii_lowercase().starts_with("aws:") {
                errors.push(format!("--tags: `{k}` uses the reserved prefix aws:"));
            } else if tags.insert(k.to_string(), v.to_string()).is_some() {
                errors.push(format!("--tags: `{k}` is given twice"));
            }
        }
        if tags.len() > 40 {
            errors.push("--tags: at most 40 tags (AWS allows 50 and eksctl adds its own)".into());
        }

        let mut namespaces: Vec<String> = Vec::new();
        for n in &req.namespaces {
            let n = n.trim();
            if let Err(e) = check_namespace(n) {
                errors.push(format!("--namespaces: {e}"));
            } else if namespaces.iter().any(|x| x == n) {
                errors.push(format!("--namespaces: `{n}` is given twice"));
            } else {
                namespaces.push(n.to_string());
            }
        }
        if namespaces.is_empty() {
            namespaces.push(DEFAULT_NAMESPACE.to_string());
        }

        if !errors.is_empty() {
            return Err(errors);
        }
        let account_known = account_id.is_some();
        let account_id = account_id.unwrap_or_else(|| PLACEHOLDER_ACCOUNT.to_string());
        let role = |given: &Option<String>, suffix: &str| {
            given.as_deref().map_or_else(
                || format!("arn:aws:iam::{account_id}:role/{name}-{suffix}"),
                |a| a.trim().to_string(),
            )
        };
        Ok(Self {
            admin_role_arn: role(&req.admin_role_arn, "eks-admins"),
            developer_role_arn: role(&req.developer_role_arn, "eks-developers"),
            name,
            region,
            version: version.unwrap_or(&VERSIONS[0]),
            zones,
            nodegroup,
            instance_types,
            spot: req.spot,
            desired,
            min,
            max,
            karpenter: req.karpenter,
            private: req.private,
            endpoint,
            kms_key_arn,
            account_id,
            account_known,
            tags,
            namespaces,
        })
    }

    /// The KMS key ARN eksctl is given: the user's, or the alias the README tells them to create.
    #[must_use]
    pub fn kms_reference(&self) -> String {
        self.kms_key_arn.clone().unwrap_or_else(|| {
            format!("arn:aws:kms:{}:{}:alias/{}", self.region, self.account_id, self.kms_alias())
        })
    }

    /// The alias of the key the bundle creates (without `alias/`).
    #[must_use]
    pub fn kms_alias(&self) -> String {
        format!("{}-eks-secrets", self.name)
    }

    /// The namespace of the example application.
    #[must_use]
    pub fn app_namespace(&self) -> &str {
        &self.namespaces[0]
    }

    /// The Cluster Autoscaler minor matches the cluster's (kubernetes/autoscaler README).
    #[must_use]
    pub fn autoscaler_image(&self) -> String {
        format!("registry.k8s.io/autoscaling/cluster-autoscaler:v1.{}.0", self.version.minor)
    }

    /// ARN of an IAM role in the user's account.
    #[must_use]
    pub fn role_arn(&self, name: &str) -> String {
        format!("arn:aws:iam::{}:role/{name}", self.account_id)
    }

    /// Things the user must fill in before creating the cluster, for the CLI and the README.
    #[must_use]
    pub fn placeholders(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.account_known {
            out.push(format!(
                "the AWS account id {PLACEHOLDER_ACCOUNT} is a placeholder: rerun with --account-id"
            ));
        }
        out
    }
}

/// IRSA roles the bundle defines, with the service account each trusts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IrsaRole {
    /// Short name used in file and resource names (`cluster-autoscaler`).
    pub key: &'static str,
    pub namespace: String,
    pub service_account: String,
    /// AWS managed policies attached.
    pub managed_policies: Vec<&'static str>,
    /// Whether `iam/<key>-policy.json` holds a custom least-privilege policy.
    pub custom_policy: bool,
}

impl Profile {
    /// IAM role name of an IRSA role.
    #[must_use]
    pub fn irsa_role_name(&self, role: &IrsaRole) -> String {
        format!("{}-{}", self.name, role.key)
    }

    /// Every IRSA role of the bundle, in a stable order.
    #[must_use]
    pub fn irsa_roles(&self) -> Vec<IrsaRole> {
        let mut roles = vec![
            IrsaRole {
                key: "vpc-cni",
                namespace: "kube-system".into(),
                service_account: "aws-node".into(),
                managed_policies: vec!["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"],
                custom_policy: false,
            },
            IrsaRole {
                key: "ebs-csi-driver",
                namespace: "kube-system".into(),
                service_account: "ebs-csi-controller-sa".into(),
                managed_policies: vec!["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
                custom_policy: false,
            },
            IrsaRole {
                key: "cloudwatch-agent",
                namespace: "amazon-cloudwatch".into(),
                service_account: "cloudwatch-agent".into(),
                managed_policies: vec!["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"],
                custom_policy: false,
            },
        ];
        if self.karpenter {
            roles.push(IrsaRole {
                key: "karpenter",
                namespace: "karpenter".into(),
                service_account: "karpenter".into(),
                managed_policies: vec![],
                custom_policy: true,
            });
        } else {
            roles.push(IrsaRole {
                key: "cluster-autoscaler",
                namespace: manifests::AUTOSCALER_NAMESPACE.into(),
                service_account: "cluster-autoscaler".into(),
                managed_policies: vec![],
                custom_policy: true,
            });
        }
        roles.push(IrsaRole {
            key: "mi-app",
            namespace: self.app_namespace().to_string(),
            service_account: manifests::APP.into(),
            managed_policies: vec![],
            custom_policy: true,
        });
        roles
    }
}

/// One file of the bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// Relative path with `/` separators.
    pub path: String,
    pub contents: String,
}

/// The whole bundle, in a fixed order.
#[must_use]
pub fn bundle(p: &Profile) -> Vec<File> {
    let mut files = Vec::new();
    files.push(File { path: ".ladrillo.yaml".into(), contents: ladrillo_config(p) });
    files.push(File { path: "README.md".into(), contents: readme::readme(p) });
    files.push(File { path: "eksctl/cluster.yaml".into(), contents: eksctl::cluster_yaml(p) });
    files.extend(iam::files(p));
    files.extend(manifests::files(p));
    files.extend(terraform::files(p));
    files
}

/// The bundle's own `.ladrillo.yaml`: every rule runs, and the only exception is one the user
/// asked for (a public endpoint restricted to their CIDRs), recorded with its reason.
fn ladrillo_config(p: &Profile) -> String {
    let mut y =
        String::from("# Settings for `ladrillo scan` in this bundle: every rule runs.\nselect: [all]\n");
    if let Endpoint::Restricted(cidrs) = &p.endpoint {
        y.push_str("waivers:\n  # CIS 5.4.2 wants no public endpoint; --public-access-cidrs asked for one, limited to\n");
        y.push_str("  # these ranges (CIS 5.4.1 holds). Regenerate without it to drop this waiver.\n");
        y.push_str("  - rules: [public-endpoint]\n");
        y.push_str(&format!(
            "    reason: {}\n",
            text::q(&format!(
                "public endpoint requested with --public-access-cidrs, open only to {}",
                cidrs.join(", ")
            ))
        ));
    }
    y
}

fn push_instance_type(out: &mut Vec<String>, t: &str, flag: &str, errors: &mut Vec<String>) {
    let t = t.trim().to_ascii_lowercase();
    if maxpods::lookup(&t).is_none() {
        let hint = maxpods::suggest(&t);
        let hint =
            if hint.is_empty() { String::new() } else { format!(" (did you mean {}?)", hint.join(", ")) };
        errors.push(format!("{flag}: `{t}` is not a known EC2 instance type{hint}"));
    } else if !out.contains(&t) {
        out.push(t);
    }
}

fn check_version(v: &str, today: Date) -> Result<&'static VersionFacts, String> {
    let known = || VERSIONS.iter().map(|f| f.version).collect::<Vec<_>>().join(", ");
    let facts = version_facts(v).ok_or_else(|| {
        format!("--version `{v}` is not a Kubernetes version ladrillo can generate for (known: {})", known())
    })?;
    if today > facts.end_of_standard {
        let current: Vec<&str> =
            VERSIONS.iter().filter(|f| today <= f.end_of_standard).map(|f| f.version).collect();
        return Err(format!(
            "--version {v} left EKS standard support on {}; use {}",
            facts.end_of_standard,
            if current.is_empty() { "a newer ladrillo".to_string() } else { current.join(" or ") }
        ));
    }
    Ok(facts)
}

/// eksctl cluster and node group names: a letter, then letters, digits and hyphens, ≤ 100.
fn check_cluster_name(n: &str) -> Result<(), String> {
    let ok = n.len() <= 100
        && n.starts_with(|c: char| c.is_ascii_alphabetic())
        && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{n}` is not a valid name: start with a letter, then letters, digits and hyphens (at most 100)"
        ))
    }
}

/// `us-east-1`, `eu-west-3`, `ap-southeast-2`, `us-gov-west-1`, `cn-north-1`.
#[must_use]
pub fn is_region(r: &str) -> bool {
    let parts: Vec<&str> = r.split('-').collect();
    let lower = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase());
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else { return false };
    (3..=4).contains(&parts.len())
        && first.len() == 2
        && lower(first)
        && parts[1..parts.len() - 1].iter().all(|p| lower(p))
        && !last.is_empty()
        && last.len() <= 2
        && last.bytes().all(|b| b.is_ascii_digit())
}

fn is_zone_of(z: &str, region: &str) -> bool {
    z.strip_prefix(region).is_some_and(|s| s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase()))
}

/// An IPv4 CIDR that is not open to the whole internet.
fn check_cidr(c: &str) -> Result<(), String> {
    let (ip, len) = c.split_once('/').ok_or_else(|| format!("`{c}` is not a CIDR (a.b.c.d/n)"))?;
    let ip: std::net::Ipv4Addr = ip.parse().map_err(|_| format!("`{c}` is not an IPv4 CIDR"))?;
    let len: u32 =
        len.parse().ok().filter(|l| *l <= 32).ok_or_else(|| format!("`{c}` has an invalid prefix length"))?;
    if len < 8 {
        return Err(format!(
            "`{c}` opens the API endpoint to a large part of the internet; use your own ranges"
        ));
    }
    let mask = u32::MAX.checked_shl(32 - len).unwrap_or(0);
    if u32::from(ip) & !mask != 0 {
        return Err(format!("`{c}` has host bits set; write the network address"));
    }
    Ok(())
}

fn check_kms_arn(arn: &str, region: &str) -> Result<(), String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && parts[1].starts_with("aws")
        && parts[2] == "kms"
        && parts[4].len() == 12
        && parts[4].bytes().all(|b| b.is_ascii_digit())
        && (parts[5].starts_with("key/") || parts[5].starts_with("alias/"));
    if !ok {
        return Err(format!("`{arn}` is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)"));
    }
    if parts[3] != region {
        return Err(format!(
            "the key is in {}, but EKS needs a key in the cluster's region {region}",
            parts[3]
        ));
    }
    Ok(())
}

fn check_role_arn(arn: &str) -> Result<(), String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && parts[2] == "iam"
        && parts[4].len() == 12
        && parts[4].bytes().all(|b| b.is_ascii_digit())
        && parts[5].starts_with("role/")
        && !arn.contains('*');
    if ok { Ok(()) } else { Err(format!("`{arn}` is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)")) }
}

/// DNS-1123 label, not a system namespace.
fn check_namespace(n: &str) -> Result<(), String> {
    let ok = !n.is_empty()
        && n.len() <= 63
        && n.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && n.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && n.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        return Err(format!("`{n}` is not a namespace name (lowercase letters, digits and hyphens)"));
    }
    if n == "default"
        || n.starts_with("kube-")
        || [manifests::AUTOSCALER_NAMESPACE, "karpenter", "amazon-cloudwatch"].contains(&n)
    {
        return Err(format!("`{n}` is reserved; application namespaces must be your own"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        date(2026, 11, 24)
    }

    fn guide() -> Request {
        Request {
            name: Some("mi-cluster".into()),
            region: Some("us-east-1".into()),
            nodegroup_name: Some("workers".into()),
            node_type: Some("t3.medium".into()),
            nodes: Some(3),
            nodes_min: Some(1),
            nodes_max: Some(5),
            ..Request::default()
        }
    }

    #[test]
    fn the_guide_command_validates() {
        let p = Profile::new(&guide(), today()).unwrap();
        assert_eq!((p.min, p.desired, p.max), (1, 3, 5));
        assert_eq!(p.version.version, DEFAULT_VERSION);
        assert_eq!(p.endpoint, Endpoint::Private);
        assert_eq!(p.namespaces, vec![DEFAULT_NAMESPACE]);
    }

    #[test]
    fn every_problem_is_reported() {
        let req = Request {
            region: Some("useast1".into()),
            node_type: Some("t3.medum".into()),
            nodes: Some(9),
            nodes_max: Some(5),
            version: Some("1.21".into()),
            public_access_cidrs: vec!["0.0.0.0/0".into()],
            ..guide()
        };
        let errors = Profile::new(&req, today()).unwrap_err();
        let all = errors.join("\n");
        assert!(all.contains("not an AWS region"), "{all}");
        assert!(all.contains("did you mean t3.medium"), "{all}");
        assert!(all.contains("min ≤ desired ≤ max"), "{all}");
        assert!(all.contains("--version `1.21`"), "{all}");
        assert!(all.contains("0.0.0.0/0"), "{all}");
    }

    #[test]
    fn versions_out_of_standard_support_are_refused() {
        let req = Request { version: Some("1.33".into()), ..guide() };
        let e = Profile::new(&req, today()).unwrap_err().join("\n");
        assert!(e.contains("left EKS standard support on 2026-07-29; use 1.35 or 1.34"), "{e}");
        assert!(Profile::new(&req, date(2026, 7, 1)).is_ok());
    }

    #[test]
    fn regions_zones_and_cidrs() {
        for r in ["us-east-1", "eu-west-3", "ap-southeast-2", "us-gov-west-1", "cn-north-1"] {
            assert!(is_region(r), "{r}");
        }
        for r in ["us-east", "US-EAST-1", "us_east_1", "useast1", "us-east-1a"] {
            assert!(!is_region(r), "{r}");
        }
        assert!(is_zone_of("us-east-1a", "us-east-1"));
        assert!(!is_zone_of("us-east-2a", "us-east-1"));
        assert!(check_cidr("203.0.113.0/24").is_ok());
        assert!(check_cidr("203.0.113.1/24").is_err());
        assert!(check_cidr("0.0.0.0/0").is_err());
        assert!(check_cidr("10.0.0.0/33").is_err());
    }

    #[test]
    fn spot_needs_several_types() {
        let req = Request { spot: true, ..guide() };
        assert!(Profile::new(&req, today()).is_err());
        let req = Request {
            spot: true,
            node_type: None,
            instance_types: vec!["t3.medium".into(), "t3a.medium".into()],
            ..guide()
        };
        assert_eq!(Profile::new(&req, today()).unwrap().instance_types, vec!["t3.medium", "t3a.medium"]);
    }

    #[test]
    fn same_profile_same_bytes() {
        let p = Profile::new(&guide(), today()).unwrap();
        assert_eq!(bundle(&p), bundle(&p));
    }
}
