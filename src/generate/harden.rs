//! `ladrillo init --from cluster.yaml`: reads an existing eksctl `ClusterConfig`, keeps the
//! user's choices where they are safe (name, region, version, zones, node sizes and types,
//! restricted public CIDRs, KMS key, tags) and lists every change made, with its reason. The
//! result is a [`Request`], so the bundle is generated exactly as from flags.

use std::path::Path;

use crate::document::{Node, SourceFile, yaml};

use super::Request;

/// A hardened request and what was changed on the way.
#[derive(Debug, Default)]
pub struct Hardened {
    pub request: Request,
    /// One line per change: `field: what → what (reason)`.
    pub changes: Vec<String>,
}

/// Reads and hardens an eksctl file.
pub fn from_file(path: &Path) -> Result<Hardened, Vec<String>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| vec![format!("cannot read {}: {e}", path.display())])?;
    from_text(&path.display().to_string(), &text)
}

/// Hardens eksctl YAML text (`name` is the file name used in errors).
pub fn from_text(name: &str, text: &str) -> Result<Hardened, Vec<String>> {
    let file = SourceFile::new(name, None, text.to_string());
    let stream = yaml::parse(text);
    if let Some(e) = stream.errors.first() {
        let p = file.position(e.span.start);
        return Err(vec![format!("{name}:{}:{}: {}", p.line, p.column, e.message)]);
    }
    let Some(doc) = stream.documents.iter().find(|d| {
        d.root.get("kind").and_then(Node::as_str) == Some("ClusterConfig")
            && d.root.get("apiVersion").and_then(Node::as_str).is_some_and(|a| a.starts_with("eksctl.io/"))
    }) else {
        return Err(vec![format!("{name}: no eksctl ClusterConfig (apiVersion: eksctl.io/v1alpha5) found")]);
    };
    Ok(harden(&doc.root))
}

fn strings(n: Option<&Node>) -> Vec<String> {
    n.map(|n| n.items().filter_map(Node::as_str).map(str::to_string).collect()).unwrap_or_default()
}

fn uint(n: Option<&Node>) -> Option<u32> {
    n.and_then(Node::as_i64).and_then(|v| u32::try_from(v).ok())
}

/// Hardens a parsed `ClusterConfig`.
#[must_use]
pub fn harden(root: &Node) -> Hardened {
    let mut r = Request::default();
    let mut changes = Vec::new();
    let mut change = |s: String| changes.push(s);
    let meta = root.get("metadata");
    r.name = meta.and_then(|m| m.get("name")).and_then(Node::as_str).map(str::to_string);
    r.region = meta.and_then(|m| m.get("region")).and_then(Node::as_str).map(str::to_string);
    let version = meta.and_then(|m| m.get("version")).and_then(Node::scalar_text);
    match version.as_deref() {
        Some(v) if super::facts::version(v).is_some() => r.version = Some(v.to_string()),
        Some(v) => change(format!(
            "metadata.version: {v} → {} (ladrillo generates for versions in EKS standard support, guide:G2.1)",
            super::facts::default_version().name()
        )),
        None => change(format!(
            "metadata.version: unset → {} (pin a supported version; add-ons are pinned to it, guide:G2.1)",
            super::facts::default_version().name()
        )),
    }
    if let Some(tags) = meta.and_then(|m| m.get("tags")) {
        for (k, v) in tags.entries() {
            r.tags.push((k.to_string(), v.scalar_text().unwrap_or_default()));
        }
    }
    r.zones = strings(root.get("availabilityZones"));

    // Endpoint.
    let private_cluster = root.at(&["privateCluster", "enabled"]).and_then(Node::as_bool) == Some(true);
    let public = root.at(&["vpc", "clusterEndpoints", "publicAccess"]).and_then(Node::as_bool);
    let cidrs = strings(root.at(&["vpc", "publicAccessCIDRs"]));
    let open = cidrs.is_empty() || cidrs.iter().any(|c| c.ends_with("/0"));
    if private_cluster {
        r.private = true;
    } else if public == Some(false) {
        // Already private; nothing to restrict.
    } else if open {
        change(format!(
            "vpc.clusterEndpoints: public endpoint open to {} → private endpoint only (CIS 5.4.1, 5.4.2; guide:G5.4)",
            if cidrs.is_empty() { "0.0.0.0/0 (the default)".to_string() } else { cidrs.join(", ") }
        ));
    } else {
        r.public_access_cidrs = cidrs;
        change("vpc.clusterEndpoints.privateAccess: → true, keeping the public endpoint for the given CIDRs (CIS 5.4.2)".into());
    }

    // Secrets encryption.
    match root.at(&["secretsEncryption", "keyARN"]).and_then(Node::as_str) {
        Some(k) => r.kms_key_arn = Some(k.to_string()),
        None => change(
            "secretsEncryption: none → a customer KMS key with rotation (CIS 5.3.1, guide:G4.6)".into(),
        ),
    }
    let logs = strings(root.at(&["cloudWatch", "clusterLogging", "enableTypes"]));
    let all_logs = logs.iter().any(|l| l == "*" || l == "all")
        || super::facts::log_types().iter().all(|t| logs.iter().any(|l| l == t));
    if !all_logs {
        change(format!(
            "cloudWatch.clusterLogging.enableTypes: [{}] → all five types, kept 365 days (CIS 2.1.1, 2.1.2; guide:G5.2)",
            logs.join(", ")
        ));
    }
    if root.at(&["iam", "withOIDC"]).and_then(Node::as_bool) != Some(true) {
        change("iam.withOIDC: false → true, with one IRSA role per workload (guide:G3.2, CIS 5.2.1)".into());
    }
    let mode = root.at(&["accessConfig", "authenticationMode"]).and_then(Node::as_str);
    if mode != Some("API") {
        change(format!(
            "accessConfig.authenticationMode: {} → API, access entries instead of aws-auth (CIS 4.1.7, guide:G4.2)",
            mode.unwrap_or("API_AND_CONFIG_MAP (the default)")
        ));
    }
    if root.at(&["accessConfig", "bootstrapClusterCreatorAdminPermissions"]).and_then(Node::as_bool)
        != Some(false)
    {
        change("accessConfig.bootstrapClusterCreatorAdminPermissions: true → false, admins by explicit access entry (CIS 4.1.1)".into());
    }
    if root.get("iamIdentityMappings").is_some() {
        change(
            "iamIdentityMappings: dropped; the aws-auth ConfigMap is replaced by access entries (guide:G4.2)"
                .into(),
        );
    }

    // Node groups: the first one is carried over, managed.
    let managed = root.get("managedNodeGroups").map(|n| n.items().collect::<Vec<_>>()).unwrap_or_default();
    let unmanaged = root.get("nodeGroups").map(|n| n.items().collect::<Vec<_>>()).unwrap_or_default();
    let ng = managed.first().or(unmanaged.first()).copied();
    if managed.is_empty() && !unmanaged.is_empty() {
        change(
            "nodeGroups: self-managed → managedNodeGroups, updated and drained by EKS (guide:G5.1)".into(),
        );
    }
    if managed.len() + unmanaged.len() > 1 {
        change(format!(
            "node groups: only the first of {} is carried over; add the others with the same settings",
            managed.len() + unmanaged.len()
        ));
    }
    if let Some(ng) = ng {
        r.nodegroup_name = ng.get("name").and_then(Node::as_str).map(str::to_string);
        r.spot = ng.get("spot").and_then(Node::as_bool) == Some(true);
        let types = strings(ng.get("instanceTypes"));
        if r.spot && types.len() >= 2 {
            r.instance_types = types;
        } else {
            if r.spot {
                r.spot = false;
                change("spot: true with fewer than two instance types → on-demand (one interruption would take every node, guide:G5.6)".into());
            }
            r.node_type = ng
                .get("instanceType")
                .and_then(Node::as_str)
                .map(str::to_string)
                .or_else(|| types.first().cloned());
        }
        r.nodes = uint(ng.get("desiredCapacity"));
        r.nodes_min = uint(ng.get("minSize"));
        r.nodes_max = uint(ng.get("maxSize"));
        let zones = strings(ng.get("availabilityZones"));
        if r.zones.is_empty() && zones.len() >= 2 {
            r.zones = zones;
        }
        let checks: [(&str, bool, &str); 5] = [
            (
                "privateNetworking",
                ng.get("privateNetworking").and_then(Node::as_bool) != Some(true),
                "false → true, nodes in private subnets (CIS 5.4.3)",
            ),
            (
                "volumeEncrypted",
                ng.get("volumeEncrypted").and_then(Node::as_bool) != Some(true),
                "unset → true, encrypted gp3 root volumes (guide:G4.7)",
            ),
            (
                "disableIMDSv1",
                ng.get("disableIMDSv1").and_then(Node::as_bool) == Some(false),
                "false → true, IMDSv2 only (guide:G3.2)",
            ),
            (
                "disablePodIMDS",
                ng.get("disablePodIMDS").and_then(Node::as_bool) != Some(true),
                "false → true, pods cannot take the node's role (guide:G3.2)",
            ),
            (
                "ssh.allow",
                ng.at(&["ssh", "allow"]).and_then(Node::as_bool) == Some(true),
                "true → false, SSM instead of SSH",
            ),
        ];
        for (field, applies, what) in checks {
            if applies {
                change(format!("node group {}: {field}: {what}", r.nodegroup_name.as_deref().unwrap_or("?")));
            }
        }
    }
    Hardened { request: r, changes }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INSECURE: &str = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: legacy\n  region: eu-west-1\n  version: \"1.27\"\nvpc:\n  publicAccessCIDRs: [\"0.0.0.0/0\"]\niamIdentityMappings:\n  - arn: arn:aws:iam::111122223333:role/admin\n    groups: [system:masters]\nnodeGroups:\n  - name: ng-1\n    instanceType: m5.xlarge\n    desiredCapacity: 3\n    minSize: 2\n    maxSize: 6\n    ssh:\n      allow: true\n";

    #[test]
    fn an_insecure_config_keeps_safe_choices_and_lists_changes() {
        let h = from_text("cluster.yaml", INSECURE).unwrap();
        assert_eq!(h.request.name.as_deref(), Some("legacy"));
        assert_eq!(h.request.region.as_deref(), Some("eu-west-1"));
        assert_eq!(h.request.node_type.as_deref(), Some("m5.xlarge"));
        assert_eq!((h.request.nodes_min, h.request.nodes, h.request.nodes_max), (Some(2), Some(3), Some(6)));
        assert!(h.request.public_access_cidrs.is_empty());
        let all = h.changes.join("\n");
        for needle in [
            "metadata.version: 1.27",
            "private endpoint only",
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
        let h = from_text("a.yaml", restricted).unwrap();
        assert_eq!(h.request.public_access_cidrs, vec!["203.0.113.0/24"]);
        assert_eq!(h.request.version.as_deref(), Some("1.35"));
        assert!(h.request.spot);
        assert_eq!(h.request.instance_types, vec!["m5.large", "m5a.large"]);
        let all = h.changes.join("\n");
        assert!(!all.contains("privateNetworking") && !all.contains("volumeEncrypted"), "{all}");
        let private = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: b\n  region: us-east-1\nprivateCluster:\n  enabled: true\n";
        let h = from_text("b.yaml", private).unwrap();
        assert!(h.request.private);
        assert!(!h.changes.join("\n").contains("vpc.clusterEndpoints"));
    }

    #[test]
    fn not_a_cluster_config_is_an_error() {
        let e = from_text("x.yaml", "apiVersion: v1\nkind: Pod\n").unwrap_err();
        assert!(e[0].contains("no eksctl ClusterConfig"), "{e:?}");
    }
}
