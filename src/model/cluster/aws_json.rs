//! `aws eks describe-cluster` (`{"cluster": …}`) and `describe-nodegroup` (`{"nodegroup": …}`)
//! output → [`Cluster`] and [`NodeGroup`]; `describe-access-entry` (`{"accessEntry": …}`) and
//! `list-associated-access-policies` (`{"clusterName", "principalArn",
//! "associatedAccessPolicies"}`) output → the [`AccessEntry`]s of the cluster they name. The output is the live state, so values are known;
//! what it does not contain (add-ons, access entries, IMDS and volume encryption of node groups,
//! whether an IAM OIDC provider is registered) is unknown (eks-facts §7).

use std::sync::Arc;

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node, SourceFile};

use super::access_entries;
use super::read::Reader;
use super::{
    AccessEntry, AccessPolicy, AuthMode, Cluster, Field, LogType, NodeGroup, NodeGroupKind, Scaling,
    SourceKind, Ssh, Taint,
};

const WHY_NO_KEY: &str = "describe-cluster omits `encryptionConfig` when no customer key is set";
const WHY_NO_LOGS: &str = "no log type is enabled";
const WHY_NO_TAGS: &str = "no tags";
const NOT_IN_OUTPUT: &str = "not part of describe-cluster output";

/// Whether a document root is AWS CLI output this adapter reads.
#[must_use]
pub fn recognize(root: &Node) -> bool {
    if recognize_policies(root)
        || super::eks_snapshot::recognize(root)
        || super::launch_templates::recognize(root)
    {
        return true;
    }
    let Some(map) = root.as_map() else { return false };
    if map.len() != 1 {
        return false;
    }
    let inner = |key: &str, marker: &[&str]| {
        root.get(key).and_then(Node::as_map).is_some_and(|m| marker.iter().any(|k| m.get(k).is_some()))
    };
    inner("cluster", &["name", "arn", "resourcesVpcConfig"])
        || inner("nodegroup", &["nodegroupName", "clusterName"])
        || inner("accessEntry", &["principalArn"])
}

/// Whether a document root is `aws eks list-associated-access-policies` output.
#[must_use]
pub fn recognize_policies(root: &Node) -> bool {
    root.as_map().is_some_and(|m| {
        m.get("associatedAccessPolicies").is_some_and(|n| n.as_seq().is_some())
            && m.get("principalArn").is_some()
            && m.get("clusterName").is_some()
    })
}

/// Reads `aws eks describe-access-entry` output: the entry and the name of its cluster. Its
/// access policies are listed by `list-associated-access-policies` ([`access_policies`]).
#[must_use]
pub fn access_entry(file: &Arc<SourceFile>, root: &Node) -> (AccessEntry, Option<String>, Vec<InputError>) {
    let head = root.locate(&p("accessEntry.principalArn")).span;
    let mut r = Reader::new(Some(Arc::clone(file)), root, head, None);
    r.anchor = 1;
    let cluster = access_entries::cluster_name(&mut r, &p("accessEntry"));
    let entry = access_entries::entry(&mut r, &p("accessEntry"));
    (entry, cluster, r.errors)
}

/// Reads `aws eks list-associated-access-policies` output: the cluster, the principal and its
/// access policies.
#[must_use]
pub fn access_policies(
    file: &Arc<SourceFile>,
    root: &Node,
) -> (Option<String>, Field<String>, Vec<AccessPolicy>, Vec<InputError>) {
    let head = root.locate(&p("principalArn")).span;
    let mut r = Reader::new(Some(Arc::clone(file)), root, head, None);
    let cluster = r.string(&p("clusterName"), None).value().cloned();
    let principal = r.string(&p("principalArn"), None);
    let policies = access_entries::policies(&mut r, &p("associatedAccessPolicies"));
    (cluster, principal, policies, r.errors)
}

fn p(s: &str) -> FieldPath {
    FieldPath::parse(s)
}

impl Cluster {
    /// Reads `aws eks describe-cluster` output.
    #[must_use]
    pub fn from_describe_cluster(file: &Arc<SourceFile>, root: &Node) -> (Cluster, Vec<InputError>) {
        let head = root.locate(&p("cluster.name")).span;
        let mut r = Reader::new(Some(Arc::clone(file)), root, head, None);
        r.anchor = 1;
        let at = r.place(&p("cluster.name"));
        let mut c = Cluster::unknown(SourceKind::AwsJson, at, NOT_IN_OUTPUT);
        c.name = r.string(&p("cluster.name"), None);
        let arn = r.string(&p("cluster.arn"), None);
        c.region = match arn.value().and_then(|a| a.split(':').nth(3)).filter(|s| !s.is_empty()) {
            Some(region) => Field::known(region.to_string(), arn.at().clone()),
            None => Field::unknown(arn.at().clone(), "no cluster ARN"),
        };
        c.version = r.string(&p("cluster.version"), None);
        c.outpost = super::eks_api::outpost(
            &mut r,
            &p("cluster.outpostConfig"),
            &p("cluster.outpostConfig.outpostArns"),
            &p("cluster.outpostConfig.controlPlaneInstanceType"),
            "describe-cluster shows `outpostConfig` only for a control plane on AWS Outposts",
        );
        c.auto_mode = r.bool(
            &p("cluster.computeConfig.enabled"),
            Some((false, "describe-cluster shows `computeConfig` only for Auto Mode")),
        );
        c.endpoint.public_access = r.bool(&p("cluster.resourcesVpcConfig.endpointPublicAccess"), None);
        c.endpoint.private_access = r.bool(&p("cluster.resourcesVpcConfig.endpointPrivateAccess"), None);
        c.endpoint.public_cidrs = r.spanned_strings(&p("cluster.resourcesVpcConfig.publicAccessCidrs"), None);
        c.secrets_key = secrets_key(&mut r);
        c.logging = logging(&mut r);
        let mode = r.string(&p("cluster.accessConfig.authenticationMode"), None);
        c.access.mode = match mode.value().map(|m| AuthMode::parse(m)) {
            Some(Some(m)) => mode.map(|_| m),
            Some(None) => Field::unknown(mode.at().clone(), "unrecognised authentication mode"),
            None => mode.map(|_| AuthMode::Api),
        };
        c.access.bootstrap_creator_admin =
            r.bool(&p("cluster.accessConfig.bootstrapClusterCreatorAdminPermissions"), None);
        // Every EKS cluster has an issuer; whether IAM trusts it is not in this output.
        c.identity.oidc_provider = Field::unknown(
            r.place(&p("cluster.identity.oidc.issuer")),
            "the IAM OIDC provider is not part of describe-cluster output",
        );
        c.cluster_role.arn = r.string(&p("cluster.roleArn"), None).map(Some);
        c.tags = r.string_map(&p("cluster.tags"), Some(((), WHY_NO_TAGS)));
        (c, r.errors)
    }
}

fn secrets_key(r: &mut Reader<'_>) -> Field<Option<String>> {
    let path = p("cluster.encryptionConfig");
    let Some(list) = r.list(&path) else {
        return if r.get(&path).is_some() {
            Field::unknown(r.place(&path), "not a list")
        } else {
            Field::default(None, r.place(&path), WHY_NO_KEY)
        };
    };
    for (ep, node) in list {
        let covers_secrets =
            node.get("resources").is_some_and(|rs| rs.items().any(|x| x.as_str() == Some("secrets")));
        if covers_secrets {
            return r.string(&ep.keys(&["provider", "keyArn"]), None).map(Some);
        }
    }
    Field::known(None, r.place(&path))
}

fn logging(r: &mut Reader<'_>) -> Field<Vec<LogType>> {
    let path = p("cluster.logging.clusterLogging");
    let Some(list) = r.list(&path) else {
        return if r.get(&path).is_some() {
            Field::unknown(r.place(&path), "not a list")
        } else {
            Field::default(Vec::new(), r.place(&path), WHY_NO_LOGS)
        };
    };
    let mut on = Vec::new();
    for (ep, _) in list {
        if r.bool(&ep.clone().key("enabled"), Some((false, WHY_NO_LOGS))).is_true() {
            for t in r.strings(&ep.key("types"), Some((Vec::new(), WHY_NO_LOGS))).items() {
                if let Some(lt) = LogType::parse(t) {
                    on.push(lt);
                }
            }
        }
    }
    on.sort();
    on.dedup();
    Field::known(on, r.place(&path))
}

impl NodeGroup {
    /// Reads `aws eks describe-nodegroup` output: the node group and the name of its cluster.
    #[must_use]
    pub fn from_describe_nodegroup(
        file: &Arc<SourceFile>,
        root: &Node,
    ) -> (NodeGroup, Option<String>, Vec<InputError>) {
        node_group(file, root)
    }
}

fn node_group(file: &Arc<SourceFile>, root: &Node) -> (NodeGroup, Option<String>, Vec<InputError>) {
    let head = root.locate(&p("nodegroup.nodegroupName")).span;
    let mut r = Reader::new(Some(Arc::clone(file)), root, head, None);
    r.anchor = 1;
    let at = r.place(&p("nodegroup.nodegroupName"));
    let mut ng = NodeGroup::unknown(NodeGroupKind::Managed, at, "not part of describe-nodegroup output");
    ng.name = r.string(&p("nodegroup.nodegroupName"), None);
    let cluster = r.string(&p("nodegroup.clusterName"), None).value().cloned();
    ng.instance_types = r.strings(&p("nodegroup.instanceTypes"), None);
    ng.ami_family = r.string(&p("nodegroup.amiType"), None).map(|t| super::ami_family(&t));
    ng.subnets = r.strings(&p("nodegroup.subnets"), None);
    if r.get(&p("nodegroup.launchTemplate")).is_none() {
        ng.volume.size_gib = r.int(&p("nodegroup.diskSize"), None);
    } else {
        let mut text = |key: &str| {
            let path = p("nodegroup.launchTemplate").key(key);
            r.get(&path).is_some().then(|| r.string(&path, None).value().cloned()).flatten()
        };
        let (id, name, version) = (text("id"), text("name"), text("version"));
        let at = r.place(&p("nodegroup.launchTemplate"));
        ng.launch_template = Some(super::launch_templates::TemplateRef { id, name, version, at });
    }
    let key = r.opt_string(&p("nodegroup.remoteAccess.ec2SshKey"), "no SSH key");
    ng.ssh = Ssh {
        enabled: key.map(|k| k.is_some()),
        source_security_groups: r
            .strings(&p("nodegroup.remoteAccess.sourceSecurityGroups"), Some((Vec::new(), "none set"))),
    };
    ng.spot = r
        .string(&p("nodegroup.capacityType"), Some(("ON_DEMAND", "EKS uses ON_DEMAND")))
        .map(|c| c == "SPOT");
    ng.scaling = Scaling {
        min: r.int(&p("nodegroup.scalingConfig.minSize"), None),
        desired: r.int(&p("nodegroup.scalingConfig.desiredSize"), None),
        max: r.int(&p("nodegroup.scalingConfig.maxSize"), None),
    };
    ng.labels = r
        .string_map(&p("nodegroup.labels"), Some(((), "none set")))
        .map(|v| v.into_iter().map(|t| t.value).collect());
    ng.taints = taints(&mut r);
    ng.tags = r.string_map(&p("nodegroup.tags"), Some(((), WHY_NO_TAGS)));
    (ng, cluster, r.errors)
}

fn taints(r: &mut Reader<'_>) -> Field<Vec<Taint>> {
    let path = p("nodegroup.taints");
    let Some(list) = r.list(&path) else { return Field::default(Vec::new(), r.place(&path), "none set") };
    let mut out = Vec::new();
    for (tp, _) in list {
        let key = r.string(&tp.clone().key("key"), None);
        let value = r.opt_string(&tp.clone().key("value"), "none set");
        let effect = r.string(&tp.clone().key("effect"), None);
        match (key.value(), value.value(), effect.value()) {
            (Some(k), Some(v), Some(e)) => {
                out.push(Taint { key: k.clone(), value: v.clone(), effect: eks_effect(e) })
            }
            _ => return Field::unknown(r.place(&tp), "incomplete taint"),
        }
    }
    Field::known(out, r.place(&path))
}

/// The EKS API writes effects `NO_SCHEDULE`; Kubernetes (and eksctl) `NoSchedule`.
pub(super) fn eks_effect(e: &str) -> String {
    match e {
        "NO_SCHEDULE" => "NoSchedule".into(),
        "NO_EXECUTE" => "NoExecute".into(),
        "PREFER_NO_SCHEDULE" => "PreferNoSchedule".into(),
        other => other.into(),
    }
}
