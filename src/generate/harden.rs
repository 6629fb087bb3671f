//! `ladrillo init --from cluster.yaml`: reads an existing eksctl `ClusterConfig` exactly as
//! `scan` does (the input loader and the cluster model: a mistyped or unknown field is an error
//! with its file, line and column), keeps the user's choices where they are safe (name, region,
//! version, zones, node sizes and types, restricted public CIDRs, KMS key, tags) and lists every
//! change made, with its reason. The result is a [`Request`], so the bundle is generated exactly
//! as from flags.

use std::path::Path;

use super::facts;
use super::profile::Request;
use crate::i18n::{Arg, Lang, Msg};
use crate::input::{Inputs, Loader, Options};
use crate::model::Object;
use crate::model::cluster::{AuthMode, Cluster, Field, NodeGroup, NodeGroupKind, Place, SourceKind};
use crate::msg;

/// A hardened request and what was changed on the way.
#[derive(Debug, Default)]
pub struct Hardened {
    pub request: Request,
    /// One message per change: `field: what → what (reason)`, rendered in the reader's language.
    pub changes: Vec<Msg>,
}

/// Reads and hardens an eksctl file; the errors are in `lang`.
pub fn from_file(path: &Path, lang: Lang) -> Result<Hardened, Vec<String>> {
    let name = path.display().to_string();
    from_inputs(&name, &Inputs::from_paths(std::slice::from_ref(&name), &Options::default()), lang)
}

/// Hardens eksctl YAML text (`name` is the file name used in errors).
pub fn from_text(name: &str, text: &str, lang: Lang) -> Result<Hardened, Vec<String>> {
    let mut loader = Loader::default();
    loader.text(name, text.as_bytes().to_vec());
    from_inputs(name, &loader.finish(), lang)
}

fn from_inputs(name: &str, inputs: &Inputs, lang: Lang) -> Result<Hardened, Vec<String>> {
    if !inputs.errors.is_empty() {
        return Err(inputs.errors.iter().map(|e| e.to_string_in(lang)).collect());
    }
    let configs: Vec<&Cluster> =
        inputs.set.clusters().iter().filter(|c| c.source == SourceKind::Eksctl).collect();
    match configs.as_slice() {
        [] => Err(vec![crate::t!(lang, "init-from-no-cluster-config", file = name)]),
        [cluster] => {
            let object = cluster.at.object.as_ref().and_then(|link| inputs.set.get(link.index?));
            harden(cluster, object, lang)
        }
        more => Err(vec![crate::t!(lang, "init-from-several", file = name, count = more.len())]),
    }
}

/// `file:line:column: message` at a value's place.
fn error_at(at: &Place, message: &str) -> String {
    match &at.file {
        Some(f) => {
            let p = f.position(at.span.start);
            format!("{}:{}:{}: {message}", f.display, p.line, p.column)
        }
        None => message.to_string(),
    }
}

/// A value written in the file (not eksctl's default, not unknown).
fn written<T>(f: &Field<T>) -> Option<&T> {
    if f.is_known() { f.value() } else { None }
}

/// Hardens a cluster read from an eksctl `ClusterConfig` (`object`, for the eksctl-only
/// `privateCluster` setting the model folds into the endpoint).
fn harden(c: &Cluster, object: Option<&Object>, lang: Lang) -> Result<Hardened, Vec<String>> {
    let mut h = Hardened::default();
    let mut errors = Vec::new();
    h.request.name = c.name.value().cloned();
    h.request.region = c.region.value().cloned();
    version(c, &mut h);
    if let Some(tags) = written(&c.tags) {
        h.request.tags = tags.iter().map(|t| (t.value.key.clone(), t.value.value.clone())).collect();
    }
    let private_cluster =
        object.and_then(|o| o.root.at(&["privateCluster", "enabled"])).and_then(|n| n.as_bool());
    endpoint(c, private_cluster == Some(true), &mut h);
    control_plane(c, &mut h);
    node_groups(c, &mut h, lang, &mut errors);
    if errors.is_empty() { Ok(h) } else { Err(errors) }
}

fn version(c: &Cluster, h: &mut Hardened) {
    let default = facts::default_version().name();
    match written(&c.version) {
        Some(v) if facts::version(v).is_some() => h.request.version = Some(v.clone()),
        Some(v) => h.changes.push(msg!("init-from-version-unsupported", version = v, default = default)),
        None => h.changes.push(msg!("init-from-version-unset", default = default)),
    }
}

/// A fully private cluster stays so and restricted CIDRs are kept; any other endpoint needs the
/// operator's choice (`--public-access-cidrs` or `--private`), which `Profile` then requires.
fn endpoint(c: &Cluster, private_cluster: bool, h: &mut Hardened) {
    let choice = || msg!("init-from-endpoint-choice");
    let cidrs: Vec<String> = written(&c.endpoint.public_cidrs)
        .map(|v| v.iter().map(|s| s.value.clone()).collect())
        .unwrap_or_default();
    let open = cidrs.is_empty() || cidrs.iter().any(|c| c.ends_with("/0"));
    if private_cluster {
        h.request.private = true;
    } else if written(&c.endpoint.public_access) == Some(&false) {
        h.changes.push(msg!("init-from-private-endpoint-only", choice = choice()));
    } else if open {
        let open_to: Arg =
            if cidrs.is_empty() { msg!("init-from-default-cidr").into() } else { cidrs.join(", ").into() };
        h.changes.push(msg!("init-from-public-endpoint-open", cidrs = open_to, choice = choice()));
    } else {
        h.request.public_access_cidrs = cidrs;
        h.changes.push(msg!("init-from-private-access"));
    }
}

/// Secrets encryption, logs, OIDC and access.
fn control_plane(c: &Cluster, h: &mut Hardened) {
    match c.secrets_key.value() {
        Some(Some(k)) => h.request.kms_key_arn = Some(k.clone()),
        _ => h.changes.push(msg!("init-from-secrets")),
    }
    let logs = c.logging.value().cloned().unwrap_or_default();
    if !crate::model::cluster::LogType::ALL.iter().all(|t| logs.contains(t)) {
        let names: Vec<&str> = logs.iter().map(|l| l.as_str()).collect();
        h.changes.push(msg!("init-from-logs", types = names.join(", ")));
    }
    if !c.identity.oidc_provider.is(|v| *v) {
        h.changes.push(msg!("init-from-oidc"));
    }
    if !c.access.mode.is(|m| *m == AuthMode::Api) {
        let mode: Arg = written(&c.access.mode)
            .map_or_else(|| msg!("init-from-default-auth-mode").into(), |m| m.as_str().into());
        h.changes.push(msg!("init-from-auth-mode", mode = mode));
    }
    if !c.access.bootstrap_creator_admin.is(|v| !*v) {
        h.changes.push(msg!("init-from-creator-admin"));
    }
    if written(&c.access.aws_auth).is_some_and(|m| !m.is_empty()) {
        h.changes.push(msg!("init-from-aws-auth"));
    }
}

/// The first node group is carried over, managed.
fn node_groups(c: &Cluster, h: &mut Hardened, lang: Lang, errors: &mut Vec<String>) {
    let of = |kind| c.node_groups.iter().filter(move |n| n.kind == kind);
    let (managed, unmanaged) = (of(NodeGroupKind::Managed).count(), of(NodeGroupKind::SelfManaged).count());
    if managed == 0 && unmanaged > 0 {
        h.changes.push(msg!("init-from-self-managed"));
    }
    if managed + unmanaged > 1 {
        h.changes.push(msg!("init-from-first-node-group", count = managed + unmanaged));
    }
    let Some(ng) = of(NodeGroupKind::Managed).next().or_else(|| of(NodeGroupKind::SelfManaged).next()) else {
        return;
    };
    let r = &mut h.request;
    r.nodegroup_name = ng.name.value().cloned();
    r.spot = ng.spot.is(|v| *v);
    let types = written(&ng.instance_types).cloned().unwrap_or_default();
    if r.spot && types.len() >= 2 {
        r.instance_types = types;
    } else {
        if r.spot {
            r.spot = false;
            h.changes.push(msg!("init-from-spot"));
        }
        r.node_type = types.first().cloned();
    }
    let count = |f: &Field<i64>, key: &str, errors: &mut Vec<String>| {
        let v = written(f)?;
        let n = u32::try_from(*v).ok();
        if n.is_none() {
            let said = crate::t!(lang, "init-from-not-a-number", key = key, value = v.to_string());
            errors.push(error_at(f.at(), &said));
        }
        n
    };
    r.nodes = count(&ng.scaling.desired, "desiredCapacity", errors);
    r.nodes_min = count(&ng.scaling.min, "minSize", errors);
    r.nodes_max = count(&ng.scaling.max, "maxSize", errors);
    if let Some(zones) = ng.availability_zones.value() {
        r.zones.clone_from(zones);
    }
    node_settings(ng, h);
}

/// The node settings the bundle always hardens, listed when the file had them otherwise.
fn node_settings(ng: &NodeGroup, h: &mut Hardened) {
    let checks: [(&str, bool, &'static str); 5] = [
        ("privateNetworking", !ng.private_networking.is(|v| *v), "init-from-private-networking"),
        ("volumeEncrypted", !ng.volume.encrypted.is(|v| *v), "init-from-volume-encrypted"),
        ("disableIMDSv1", ng.imds.v2_required.is(|v| !*v), "init-from-imdsv1"),
        ("disablePodIMDS", !ng.imds.pods_blocked.is(|v| *v), "init-from-pod-imds"),
        ("ssh.allow", ng.ssh.enabled.is(|v| *v), "init-from-ssh"),
    ];
    let name = h.request.nodegroup_name.as_deref().unwrap_or("?").to_string();
    for (field, applies, what) in checks {
        if applies {
            h.changes.push(msg!(
                "init-from-node-setting",
                name = name.as_str(),
                field = field,
                what = Msg::new(what)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(changes: &[Msg]) -> String {
        changes.iter().map(|m| m.render(Lang::En)).collect::<Vec<_>>().join("\n")
    }

    const INSECURE: &str = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: legacy\n  region: eu-west-1\n  version: \"1.27\"\nvpc:\n  publicAccessCIDRs: [\"0.0.0.0/0\"]\niamIdentityMappings:\n  - arn: arn:aws:iam::111122223333:role/admin\n    groups: [system:masters]\nnodeGroups:\n  - name: ng-1\n    instanceType: m5.xlarge\n    desiredCapacity: 3\n    minSize: 2\n    maxSize: 6\n    ssh:\n      allow: true\n";

    #[test]
    fn an_insecure_config_keeps_safe_choices_and_lists_changes() {
        let h = from_text("cluster.yaml", INSECURE, Lang::En).unwrap();
        assert_eq!(h.request.name.as_deref(), Some("legacy"));
        assert_eq!(h.request.region.as_deref(), Some("eu-west-1"));
        assert_eq!(h.request.node_type.as_deref(), Some("m5.xlarge"));
        assert_eq!((h.request.nodes_min, h.request.nodes, h.request.nodes_max), (Some(2), Some(3), Some(6)));
        assert!(h.request.public_access_cidrs.is_empty());
        let all = english(&h.changes);
        for needle in [
            "metadata.version: 1.27",
            "public endpoint open to 0.0.0.0/0 → open only to the ranges given with --public-access-cidrs",
            "secretsEncryption",
            "withOIDC",
            "iamIdentityMappings",
            "self-managed",
            "ssh.allow",
            "volumeEncrypted",
        ] {
            assert!(all.contains(needle), "{needle} missing from:\n{all}");
        }
    }

    #[test]
    fn restricted_cidrs_a_private_cluster_and_safe_settings_are_kept() {
        let restricted = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: a\n  region: us-east-1\n  version: \"1.35\"\nvpc:\n  publicAccessCIDRs: [\"203.0.113.0/24\"]\nmanagedNodeGroups:\n  - name: ng\n    spot: true\n    instanceTypes: [m5.large, m5a.large]\n    privateNetworking: true\n    volumeEncrypted: true\n    disablePodIMDS: true\n";
        let h = from_text("a.yaml", restricted, Lang::En).unwrap();
        assert_eq!(h.request.public_access_cidrs, vec!["203.0.113.0/24"]);
        assert_eq!(h.request.version.as_deref(), Some("1.35"));
        assert!(h.request.spot);
        assert_eq!(h.request.instance_types, vec!["m5.large", "m5a.large"]);
        let all = english(&h.changes);
        assert!(!all.contains("privateNetworking") && !all.contains("volumeEncrypted"), "{all}");
        let private = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: b\n  region: us-east-1\nprivateCluster:\n  enabled: true\n";
        let h = from_text("b.yaml", private, Lang::En).unwrap();
        assert!(h.request.private);
        assert!(!english(&h.changes).contains("vpc.clusterEndpoints"));
    }

    #[test]
    fn not_a_cluster_config_is_an_error() {
        let e =
            from_text("x.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n", Lang::En).unwrap_err();
        assert!(e[0].contains("no eksctl ClusterConfig"), "{e:?}");
    }

    /// What `scan` rejects, `--from` rejects, with the position: nothing is silently dropped.
    #[test]
    fn mistyped_values_are_errors_with_their_position() {
        for (text, needle) in [
            ("  - name: ng\n    desiredCapacity: three\n", "x.yaml:9:22"),
            ("  - name: ng\n    spot: \"yes please\"\n", "x.yaml:9:11"),
            ("  - name: ng\n    minSize: -1\n", "x.yaml:9:5: minSize: -1 is not a number of nodes"),
            ("  - name: ng\n    instanceTypes: m5.large\n", "x.yaml:9:20"),
            ("  - name: ng\n    volumeEncypted: true\n", "x.yaml:9:5"),
        ] {
            let doc = format!(
                "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: a\n  region: us-east-1\n  version: \"1.35\"\nmanagedNodeGroups:\n{text}"
            );
            let e = from_text("x.yaml", &doc, Lang::En).expect_err(text).join("\n");
            assert!(e.contains(needle), "{text}: {e}");
        }
    }
}
