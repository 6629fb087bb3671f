//! What the user asked for ([`Request`]: flags, or a hardened `--from` file) and its validated
//! form ([`Profile`]), with defaults applied. Every problem is reported, not only the first.

mod checks;

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::facts::{self, Version};
use super::names::{
    DEFAULT_NAMESPACE, DEFAULT_NODE_TYPE, DEFAULT_NODEGROUP, DEFAULT_NODES, PLACEHOLDER_ACCOUNT,
};
use crate::analysis::maxpods::{self, Architecture};
use crate::i18n::Msg;

pub use checks::is_region;

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
    /// `ladrillo webhook` in the bundle (`manifests/ladrillo-webhook.yaml`).
    pub webhook: bool,
    /// The in-cluster scan in the bundle (`manifests/ladrillo-scan-*.yaml`).
    pub scan_cronjob: bool,
    pub private: bool,
    pub public_access_cidrs: Vec<String>,
    /// Accept a version in EKS extended support (and let the cluster enter it).
    pub extended_support: bool,
    pub kms_key_arn: Option<String>,
    pub account_id: Option<String>,
    pub admin_role_arn: Option<String>,
    pub developer_role_arn: Option<String>,
    pub tags: Vec<(String, String)>,
    pub namespaces: Vec<String>,
}

/// How the operator reaches the API server: a choice the flags must make, since eksctl cannot
/// create a cluster whose only endpoint is private unless the cluster is fully private
/// (eks-facts, "Endpoint access at creation with eksctl").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// A fully private cluster (`--private`): private endpoint only, no internet egress for
    /// nodes, AWS APIs through VPC endpoints; reached from inside the VPC.
    Private,
    /// Private endpoint for the nodes, plus a public one restricted to these CIDRs, from which the
    /// operator reaches it (`--public-access-cidrs`).
    Restricted(Vec<String>),
}

/// A validated request: everything the sections need, with defaults applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub region: String,
    pub version: Version,
    /// Availability zones; empty lets eksctl choose (it takes at least two).
    pub zones: Vec<String>,
    pub nodegroup: String,
    /// Instance types; more than one only with spot capacity.
    pub instance_types: Vec<String>,
    /// The one CPU architecture of every instance type.
    pub architecture: Architecture,
    pub spot: bool,
    pub desired: u32,
    pub min: u32,
    pub max: u32,
    pub karpenter: bool,
    /// `ladrillo webhook` in the bundle (`manifests/ladrillo-webhook.yaml`).
    pub webhook: bool,
    /// The in-cluster scan in the bundle (`manifests/ladrillo-scan-*.yaml`).
    pub scan_cronjob: bool,
    pub endpoint: Endpoint,
    /// The cluster may enter EKS extended support (`upgradePolicy.supportType: EXTENDED`);
    /// otherwise EKS upgrades it at the end of standard support.
    pub extended_support: bool,
    /// The version is already past standard support on the day of generation.
    pub past_standard_support: bool,
    /// A KMS key the user already has; `None` means the bundle creates one.
    pub kms_key_arn: Option<String>,
    pub account_id: String,
    pub account_known: bool,
    pub admin_role_arn: String,
    pub developer_role_arn: String,
    pub tags: BTreeMap<String, String>,
    pub namespaces: Vec<String>,
}

/// The node group part of a profile.
struct Nodes {
    instance_types: Vec<String>,
    architecture: Architecture,
    desired: u32,
    min: u32,
    max: u32,
}

impl Profile {
    /// Validates a request as of `today` (which decides whether a version is still in standard
    /// support). Every problem is reported, not only the first.
    pub fn new(req: &Request, today: Date) -> Result<Self, Vec<Msg>> {
        let mut errors = Vec::new();
        let name = cluster_name(req, &mut errors);
        let region = region(req, &mut errors);
        let version =
            version(req.version.as_deref(), req.extended_support, today).map_err(|e| errors.push(e)).ok();
        let zones = zones(&req.zones, &region, &mut errors);
        let nodegroup = req.nodegroup_name.as_deref().unwrap_or(DEFAULT_NODEGROUP).trim().to_string();
        if let Err(e) = checks::cluster_name(&nodegroup) {
            errors.push(flag("--nodegroup-name", e));
        }
        let nodes = nodes(req, &mut errors);
        let endpoint = endpoint(req, &region, &mut errors);
        let account_id = account_id(req, &mut errors);
        let kms_key_arn = req.kms_key_arn.as_deref().map(str::trim).map(str::to_string);
        if let Some(k) = &kms_key_arn
            && let Err(e) = checks::kms_arn(k, &region)
        {
            errors.push(flag("--kms-key-arn", e));
        }
        for (flag, arn) in
            [("--admin-role-arn", &req.admin_role_arn), ("--developer-role-arn", &req.developer_role_arn)]
        {
            if let Some(a) = arn
                && let Err(e) = checks::role_arn(a.trim())
            {
                errors.push(self::flag(flag, e));
            }
        }
        let tags = tags(&req.tags, &mut errors);
        let namespaces = namespaces(&req.namespaces, &mut errors);
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
            version: version.unwrap_or_else(facts::default_version),
            zones,
            nodegroup,
            instance_types: nodes.instance_types,
            architecture: nodes.architecture,
            spot: req.spot,
            desired: nodes.desired,
            min: nodes.min,
            max: nodes.max,
            karpenter: req.karpenter,
            webhook: req.webhook,
            scan_cronjob: req.scan_cronjob,
            endpoint,
            extended_support: req.extended_support,
            past_standard_support: version.is_some_and(|v| today > v.end_of_standard()),
            kms_key_arn,
            account_id,
            account_known,
            tags,
            namespaces,
        })
    }
}

/// `--flag: message`.
fn flag(flag: &str, message: Msg) -> Msg {
    crate::msg!("init-flag", flag = flag, message = message)
}

fn cluster_name(req: &Request, errors: &mut Vec<Msg>) -> String {
    match req.name.as_deref().map(str::trim) {
        None | Some("") => {
            errors.push(crate::msg!("init-name-required"));
            String::new()
        }
        Some(n) => {
            if let Err(e) = checks::cluster_name(n) {
                errors.push(e);
            }
            n.to_string()
        }
    }
}

fn region(req: &Request, errors: &mut Vec<Msg>) -> String {
    match req.region.as_deref().map(str::trim) {
        None | Some("") => {
            errors.push(crate::msg!("init-region-required"));
            String::new()
        }
        Some(r) => {
            if !checks::is_region(r) {
                errors.push(crate::msg!("init-not-a-region", region = r));
            }
            r.to_string()
        }
    }
}

/// The requested version (default: the newest), refused once out of standard support unless
/// `extended` accepts EKS extended support, and always once out of that.
fn version(requested: Option<&str>, extended: bool, today: Date) -> Result<Version, Msg> {
    let v = requested.map_or_else(|| facts::default_version().name(), str::to_string);
    let known = || facts::versions().map(|f| f.name()).collect::<Vec<_>>().join(", ");
    let facts = facts::version(&v)
        .ok_or_else(|| crate::msg!("init-unknown-version", version = v.as_str(), known = known()))?;
    let current = || {
        facts::versions()
            .filter(|f| today <= f.end_of_standard())
            .map(|f| crate::msg!("as-written", text = f.name()))
            .reduce(|first, second| crate::msg!("or", first = first, second = second))
            .unwrap_or_else(|| crate::msg!("init-newer-ladrillo"))
    };
    let support = facts.support;
    if today > support.end_of_extended {
        return Err(crate::msg!(
            "init-version-left-extended",
            version = v.as_str(),
            date = support.end_of_extended.to_string(),
            current = current()
        ));
    }
    if today > support.end_of_standard && !extended {
        return Err(crate::msg!(
            "init-version-left-standard",
            version = v.as_str(),
            date = support.end_of_standard.to_string(),
            current = current(),
            until = support.end_of_extended.to_string()
        ));
    }
    Ok(facts)
}

fn zones(requested: &[String], region: &str, errors: &mut Vec<Msg>) -> Vec<String> {
    let mut zones: Vec<String> = Vec::new();
    for z in requested {
        let z = z.trim().to_string();
        if !checks::is_zone_of(&z, region) {
            errors.push(crate::msg!("init-zone-not-of-region", zone = z.as_str(), region = region));
        } else if zones.contains(&z) {
            errors.push(crate::msg!("init-given-twice", flag = "--zones", value = z.as_str()));
        } else {
            zones.push(z);
        }
    }
    if zones.len() == 1 {
        errors.push(crate::msg!("init-zones-two"));
    }
    zones.sort();
    zones
}

fn nodes(req: &Request, errors: &mut Vec<Msg>) -> Nodes {
    let (instance_types, architecture) = instance_types(req, errors);
    let desired = req.nodes.unwrap_or_else(|| {
        DEFAULT_NODES.clamp(
            req.nodes_min.unwrap_or(0),
            req.nodes_max.unwrap_or(u32::MAX).max(req.nodes_min.unwrap_or(0)),
        )
    });
    let min = req.nodes_min.unwrap_or(desired);
    let max = req.nodes_max.unwrap_or(desired);
    if min > desired {
        errors.push(crate::msg!("init-min-above-desired", min = min, desired = desired));
    }
    if desired > max {
        errors.push(crate::msg!("init-desired-above-max", desired = desired, max = max));
    }
    if max == 0 {
        errors.push(crate::msg!("init-max-zero"));
    }
    if max > 1000 {
        errors.push(crate::msg!("init-max-too-large", max = max));
    }
    Nodes { instance_types, architecture, desired, min, max }
}

/// The node group's instance types and their one architecture (from the instance table: the
/// AMI type depends on it, so a type whose architecture is unknown is refused).
fn instance_types(req: &Request, errors: &mut Vec<Msg>) -> (Vec<String>, Architecture) {
    let mut types: Vec<String> = Vec::new();
    let node_type = req.node_type.as_deref().map(str::trim);
    let flag = if req.instance_types.is_empty() {
        push_instance_type(&mut types, node_type.unwrap_or(DEFAULT_NODE_TYPE), "--node-type", errors);
        "--node-type"
    } else {
        if !req.spot {
            errors.push(crate::msg!("init-instance-types-without-spot"));
        }
        if node_type.is_some() {
            errors.push(crate::msg!("init-node-type-and-instance-types"));
        }
        for t in &req.instance_types {
            push_instance_type(&mut types, t, "--instance-types", errors);
        }
        "--instance-types"
    };
    let mut architectures = Vec::new();
    for t in &types {
        match facts::architecture(t) {
            Some(a) => architectures.push(a),
            None => errors.push(crate::msg!("init-unknown-architecture", flag = flag, instance = t.as_str())),
        }
    }
    let architecture = architectures.first().copied().unwrap_or(Architecture::Amd64);
    if architectures.iter().any(|a| *a != architecture) {
        errors.push(crate::msg!("init-mixed-architectures", types = types.join(", ")));
    }
    if req.spot && types.len() < 2 && req.instance_types.len() < 2 {
        errors.push(crate::msg!("init-spot-two-types"));
    }
    (types, architecture)
}

fn push_instance_type(out: &mut Vec<String>, t: &str, flag: &str, errors: &mut Vec<Msg>) {
    let t = t.trim().to_ascii_lowercase();
    if maxpods::lookup(&t).is_none() {
        let hint = maxpods::suggest(&t);
        errors.push(if hint.is_empty() {
            crate::msg!("init-unknown-instance-type", flag = flag, instance = t.as_str())
        } else {
            crate::msg!(
                "init-unknown-instance-type-suggest",
                flag = flag,
                instance = t.as_str(),
                suggestions = hint.join(", ")
            )
        });
    } else if !out.contains(&t) {
        out.push(t);
    }
}

/// The operator's way to the API server, which must be explicit: eksctl cannot create a
/// cluster whose only endpoint is private unless it is fully private.
fn endpoint(req: &Request, region: &str, errors: &mut Vec<Msg>) -> Endpoint {
    let mut cidrs: Vec<String> = Vec::new();
    for c in &req.public_access_cidrs {
        let c = c.trim();
        match checks::cidr(c) {
            Ok(()) if !cidrs.iter().any(|x| x == c) => cidrs.push(c.to_string()),
            Ok(()) => {}
            Err(e) => errors.push(flag("--public-access-cidrs", e)),
        }
    }
    cidrs.sort();
    match (req.private, req.public_access_cidrs.is_empty()) {
        (true, false) => errors.push(crate::msg!("init-private-with-cidrs")),
        (true, true) if region == "eu-south-1" => errors.push(crate::msg!("init-private-eu-south-1")),
        (false, true) => errors.push(crate::msg!("init-choose-endpoint")),
        _ => {}
    }
    if req.private || cidrs.is_empty() { Endpoint::Private } else { Endpoint::Restricted(cidrs) }
}

fn account_id(req: &Request, errors: &mut Vec<Msg>) -> Option<String> {
    match req.account_id.as_deref().map(str::trim) {
        Some(a) if a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()) => Some(a.to_string()),
        Some(a) => {
            errors.push(crate::msg!("init-bad-account-id", value = a));
            None
        }
        None => None,
    }
}

fn tags(requested: &[(String, String)], errors: &mut Vec<Msg>) -> BTreeMap<String, String> {
    let mut tags = BTreeMap::new();
    for (k, v) in requested {
        let (k, v) = (k.trim(), v.trim());
        if k.is_empty() || k.len() > 128 || v.len() > 256 {
            errors.push(crate::msg!("init-tag-size", key = k, value = v));
        } else if k.to_ascii_lowercase().starts_with("aws:") {
            errors.push(crate::msg!("init-tag-reserved", key = k));
        } else if tags.insert(k.to_string(), v.to_string()).is_some() {
            errors.push(crate::msg!("init-given-twice", flag = "--tags", value = k));
        }
    }
    if tags.len() > 40 {
        errors.push(crate::msg!("init-too-many-tags"));
    }
    tags
}

fn namespaces(requested: &[String], errors: &mut Vec<Msg>) -> Vec<String> {
    let mut namespaces: Vec<String> = Vec::new();
    for n in requested {
        let n = n.trim();
        if let Err(e) = checks::namespace(n) {
            errors.push(flag("--namespaces", e));
        } else if namespaces.iter().any(|x| x == n) {
            errors.push(crate::msg!("init-given-twice", flag = "--namespaces", value = n));
        } else {
            namespaces.push(n.to_string());
        }
    }
    if namespaces.is_empty() {
        namespaces.push(DEFAULT_NAMESPACE.to_string());
    }
    namespaces
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn english(m: &Msg) -> String {
        m.render(crate::i18n::Lang::En)
    }

    /// The errors refusing a request, in English, one per line.
    fn refusal(request: &Request) -> String {
        Profile::new(request, today()).unwrap_err().iter().map(english).collect::<Vec<_>>().join("\n")
    }

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
            public_access_cidrs: vec!["203.0.113.0/24".into()],
            ..Request::default()
        }
    }

    #[test]
    fn the_guide_command_validates() {
        let p = Profile::new(&guide(), today()).unwrap();
        assert_eq!((p.min, p.desired, p.max), (1, 3, 5));
        assert_eq!(p.version, facts::default_version());
        assert_eq!(p.endpoint, Endpoint::Restricted(vec!["203.0.113.0/24".into()]));
        assert_eq!(p.namespaces, vec![DEFAULT_NAMESPACE]);
        assert_eq!(p.architecture, Architecture::Amd64);
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
        let all = errors.iter().map(english).collect::<Vec<_>>().join("\n");
        assert!(all.contains("not an AWS region"), "{all}");
        assert!(all.contains("did you mean t3.medium"), "{all}");
        assert!(all.contains("min ≤ desired ≤ max"), "{all}");
        assert!(all.contains("--version `1.21`"), "{all}");
        assert!(all.contains("0.0.0.0/0"), "{all}");
    }

    #[test]
    fn versions_out_of_standard_support_are_refused() {
        let req = Request { version: Some("1.33".into()), ..guide() };
        let e = refusal(&req);
        assert!(
            e.contains(
                "left EKS standard support on 2026-07-29; use 1.35 or 1.34, or add --extended-support"
            ),
            "{e}"
        );
        assert!(Profile::new(&req, date(2026, 7, 1)).is_ok());
        let extended = Request { extended_support: true, ..req };
        assert!(Profile::new(&extended, today()).unwrap().extended_support);
        let e = Profile::new(&extended, date(2027, 8, 1))
            .unwrap_err()
            .iter()
            .map(english)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(e.contains("left EKS extended support on 2027-07-29"), "{e}");
    }

    #[test]
    fn the_endpoint_is_an_explicit_choice() {
        let none = Request { public_access_cidrs: vec![], ..guide() };
        let e = refusal(&none);
        assert!(e.contains("choose how you will reach the API server"), "{e}");
        let private = Request { private: true, ..none.clone() };
        assert_eq!(Profile::new(&private, today()).unwrap().endpoint, Endpoint::Private);
        let both = Request { private: true, ..guide() };
        assert!(refusal(&both).contains("drop --public-access-cidrs"));
        let milan = Request { region: Some("eu-south-1".into()), ..private };
        assert!(refusal(&milan).contains("eu-south-1"));
        let unreachable = Request { public_access_cidrs: vec!["10.0.0.0/16".into()], ..guide() };
        let e = refusal(&unreachable);
        assert!(e.contains("not a public address range"), "{e}");
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
    fn the_architecture_comes_from_the_instance_table() {
        let arm = Request { node_type: Some("m6g.large".into()), ..guide() };
        assert_eq!(Profile::new(&arm, today()).unwrap().architecture, Architecture::Arm64);
        let mixed = Request {
            spot: true,
            node_type: None,
            instance_types: vec!["m6g.large".into(), "m5.large".into()],
            ..guide()
        };
        assert!(refusal(&mixed).contains("mixes arm64"));
        // Known to the max-pods tables, but not to the architecture column.
        let unknown = maxpods::all().iter().find(|t| t.architecture.is_none()).unwrap();
        let req = Request { node_type: Some(unknown.name.into()), ..guide() };
        let e = refusal(&req);
        assert!(e.contains("CPU architecture") && e.contains(unknown.name), "{e}");
    }
}
