//! Adapter tests: defaults applied, values and spans read, AWS JSON recognised.

use std::sync::Arc;

use super::*;
use crate::document::{Position, SourceFile};
use crate::model::ObjectSet;

fn build_text(text: &str) -> (Arc<SourceFile>, Clusters) {
    let file = SourceFile::new("c.yaml", None, text.to_string());
    let loaded = crate::input::file::load(&file);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let set: ObjectSet = loaded.objects.into_iter().collect();
    (Arc::clone(&file), build(&set, &loaded.aws))
}

fn pos(at: &Place) -> (usize, usize) {
    let Position { line, column } = at.file.as_ref().expect("file").position(at.span.start);
    (line, column)
}

const MINIMAL: &str = "\
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: mi-cluster
  region: us-east-1
managedNodeGroups:
  - name: workers
    instanceType: t3.medium
    desiredCapacity: 3
    minSize: 1
    maxSize: 5
";

#[test]
fn eksctl_defaults_apply_where_fields_are_absent() {
    let (_, cs) = build_text(MINIMAL);
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    let c = &cs.clusters[0];
    assert_eq!(c.source, SourceKind::Eksctl);
    assert_eq!(c.name.value().map(String::as_str), Some("mi-cluster"));
    assert!(c.version.is_default() && c.version.value().map(String::as_str) == Some("1.34"));
    assert!(c.endpoint.public_access.is_default() && c.endpoint.public_access.is_true());
    assert!(c.endpoint.private_access.is_false());
    assert_eq!(c.endpoint.public_cidrs.items().map(|s| s.value.as_str()).collect::<Vec<_>>(), ["0.0.0.0/0"]);
    assert!(c.secrets_key.is_default() && c.secrets_key.value() == Some(&None));
    assert_eq!(c.logging.value().map(Vec::len), Some(0));
    assert_eq!(c.access.mode.value(), Some(&AuthMode::ApiAndConfigMap));
    assert!(c.access.bootstrap_creator_admin.is_true());
    assert!(c.identity.oidc_provider.is_false());
    let addons: Vec<_> = c.addons.items().filter_map(|a| a.name.value().cloned()).collect();
    assert_eq!(addons, ["vpc-cni", "kube-proxy", "coredns", "metrics-server"]);
    assert_eq!(c.cluster_role.policies.value().map(|p| p[0].as_str()), Some("AmazonEKSClusterPolicy"));
    let ng = &c.node_groups[0];
    assert_eq!(ng.kind, NodeGroupKind::Managed);
    assert_eq!(ng.instance_types.value(), Some(&vec!["t3.medium".to_string()]));
    assert!(ng.volume.encrypted.is_default() && ng.volume.encrypted.is_false());
    assert_eq!(ng.volume.volume_type.value().map(String::as_str), Some("gp3"));
    assert_eq!(ng.volume.size_gib.value(), Some(&80));
    assert!(ng.imds.v2_required.is_true() && ng.imds.hop_limit.is_unknown());
    assert!(ng.private_networking.is_false() && ng.ssh.enabled.is_false());
    assert_eq!(
        (ng.scaling.min.value(), ng.scaling.desired.value(), ng.scaling.max.value()),
        (Some(&1), Some(&3), Some(&5))
    );
    assert_eq!(ng.ami_family.value().map(String::as_str), Some("AmazonLinux2023"));
}

#[test]
fn absent_fields_point_at_the_nearest_parent_and_known_ones_at_their_value() {
    let (_, cs) = build_text(MINIMAL);
    let c = &cs.clusters[0];
    // No `vpc` at all: the cluster's name stands in for the root.
    let at = c.endpoint.public_access.at();
    assert_eq!(pos(at), (4, 3));
    assert_eq!(at.path.to_string(), "vpc.clusterEndpoints.publicAccess");
    assert_eq!(
        at.missing.as_ref().map(ToString::to_string).as_deref(),
        Some("vpc.clusterEndpoints.publicAccess")
    );
    assert!(
        c.endpoint
            .public_access
            .default_note()
            .is_some_and(|n| n.contains("eksctl enables the public endpoint"))
    );
    // A missing node-group field points at the group's first line.
    let ng = &c.node_groups[0];
    assert_eq!(pos(ng.volume.encrypted.at()), (7, 5));
    assert_eq!(pos(ng.scaling.max.at()), (11, 5));
    assert!(at.object.as_ref().is_some_and(|l| l.object.kind == "ClusterConfig"));
}

#[test]
fn eksctl_values_and_errors_are_read() {
    let text = "\
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: c
  region: eu-west-1
  version: \"1.33\"
  tags: {Owner: team-a}
vpc:
  clusterEndpoints: {publicAccess: false, privateAccess: true}
  publicAccessCIDRs: [\"10.0.0.0/8\"]
secretsEncryption:
  keyARN: arn:aws:kms:eu-west-1:111122223333:key/abc
cloudWatch:
  clusterLogging:
    enableTypes: [\"all\"]
iam:
  withOIDC: true
accessConfig:
  authenticationMode: API
  bootstrapClusterCreatorAdminPermissions: false
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/admins
      accessPolicies:
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy
          accessScope: {type: cluster}
addonsConfig: {disableDefaultAddons: true}
addons:
  - name: vpc-cni
    version: v1.20.4-eksbuild.1
nodeGroups:
  - name: ng
    privateNetworking: true
    volumeEncrypted: yes
    disableIMDSv1: false
    ssh: {allow: true}
    availabilityZones: [eu-west-1a]
    taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
fargateProfiles:
  - name: fp
    selectors: [{namespace: default}]
";
    let (_, cs) = build_text(text);
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    let c = &cs.clusters[0];
    assert!(c.version.is_known() && c.version.value().map(String::as_str) == Some("1.33"));
    assert_eq!(pos(c.endpoint.public_access.at()), (9, 22));
    assert!(c.endpoint.public_access.is_false() && c.endpoint.private_access.is_true());
    assert_eq!(pos(&c.endpoint.public_cidrs.value().unwrap()[0].at), (10, 23));
    assert!(c.secrets_key.is(|k| k.as_deref().is_some_and(|k| k.contains(":key/"))));
    assert_eq!(c.logging.value().map(Vec::len), Some(5));
    assert_eq!(c.access.mode.value(), Some(&AuthMode::Api));
    let e = &c.access.entries.value().unwrap()[0];
    assert_eq!(e.policies[0].scope.value(), Some(&AccessScope::Cluster));
    assert_eq!(e.policies[0].policy_arn.value().map(String::as_str), Some(CLUSTER_ADMIN_POLICY));
    assert!(c.identity.oidc_provider.is_true());
    assert_eq!(c.addons.value().map(Vec::len), Some(1));
    assert_eq!(c.tags.items().map(|t| t.value.key.as_str()).collect::<Vec<_>>(), ["Owner"]);
    let ng = &c.node_groups[0];
    assert_eq!(ng.kind, NodeGroupKind::SelfManaged);
    assert!(ng.volume.encrypted.is_known() && ng.volume.encrypted.is_true());
    assert!(ng.imds.v2_required.is_false() && ng.ssh.enabled.is_true());
    assert_eq!(ng.availability_zones.value().map(Vec::len), Some(1));
    assert_eq!(ng.taints.value().map(|t| t[0].effect.as_str()), Some("NoSchedule"));
    let fp = &c.node_groups[1];
    assert_eq!(fp.kind, NodeGroupKind::Fargate);
    assert!(fp.private_networking.is_true() && fp.imds.v2_required.is_unknown());
}

#[test]
fn eksctl_type_errors_name_the_position() {
    let text = "\
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: c, region: r, version: 1.30}
vpc:
  clusterEndpoints:
    publicAccess: \"no\"
secretEncryption: {keyARN: x}
managedNodeGroups:
  - name: ng
    volumeEncryption: true
";
    let (_, cs) = build_text(text);
    let msgs: Vec<String> = cs.errors.iter().map(ToString::to_string).collect();
    assert_eq!(msgs.len(), 4, "{msgs:?}");
    assert_eq!(
        msgs[0],
        "c.yaml:7:1: unknown eksctl field `secretEncryption`; did you mean `secretsEncryption`?"
    );
    assert_eq!(
        msgs[1],
        "c.yaml:10:5: unknown eksctl field `volumeEncryption` in `managedNodeGroups[0]`; did you mean `volumeEncrypted`?"
    );
    assert!(msgs[2].starts_with("c.yaml:3:41: `metadata.version` must be a quoted string"), "{msgs:?}");
    assert!(msgs[3].starts_with("c.yaml:6:19: `vpc.clusterEndpoints.publicAccess` must be a boolean"));
    assert!(cs.clusters[0].endpoint.public_access.is_unknown());
}

/// Fields eksctl's examples use since the schema this table was taken from are known, and so
/// are the keys under `connectionTracking`, which a misspelling still fails.
#[test]
fn eksctl_fields_of_newer_examples_are_known() {
    let text = "\
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: c, region: r}
deletionProtection: true
managedNodeGroups:
  - name: ng
    connectionTracking: {tcpEstablishedTimeout: 432000}
nodeGroups:
  - name: self
    connectionTracking: {tcpEstablishedTimeout: 3600, udpStreamTimeout: 180, udpTimout: 60}
";
    let (_, cs) = build_text(text);
    let msgs: Vec<String> = cs.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        msgs,
        [
            "c.yaml:10:78: unknown eksctl field `udpTimout` in `nodeGroups[0].connectionTracking`; did you mean `udpTimeout`?"
        ]
    );
}

/// Values of the wrong type are errors at the value, for any field whose type eksctl's schema
/// gives, not only those the model reads (eksctl's decoder refuses them all).
#[test]
fn eksctl_values_of_the_wrong_type_are_errors_at_the_value() {
    let text = "\
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: c, region: eu-west-1, tags: {cost-center: 1234}}
availabilityZones: eu-west-1a
iam: {withOIDC: \"true\"}
managedNodeGroups:
  - name: ng
    ssh: [1, 2]
    connectionTracking: [1, 2]
    desiredCapacity: \"3\"
    volumeSize: 80.5
    labels: {role: true}
nodeGroups:
  - name: self
    taints: {dedicated: 1}
    instancesDistribution: {maxPrice: cheap}
";
    let (_, mut cs) = build_text(text);
    cs.errors.sort_by_key(|e| (e.line, e.column));
    let msgs: Vec<String> = cs.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        msgs,
        [
            "c.yaml:3:60: `metadata.tags.cost-center` must be a string, found number",
            "c.yaml:4:20: `availabilityZones` must be a list of strings, found string",
            "c.yaml:5:17: `iam.withOIDC` must be a boolean, found string",
            "c.yaml:8:10: `managedNodeGroups[0].ssh` must be a mapping, found array",
            "c.yaml:9:25: `managedNodeGroups[0].connectionTracking` must be a mapping, found array",
            "c.yaml:10:22: `managedNodeGroups[0].desiredCapacity` must be an integer, found string",
            "c.yaml:11:17: `managedNodeGroups[0].volumeSize` must be an integer, found number",
            "c.yaml:12:20: `managedNodeGroups[0].labels.role` must be a string, found boolean",
            "c.yaml:15:25: `nodeGroups[0].taints.dedicated` must be a string, found number",
            "c.yaml:16:39: `nodeGroups[0].instancesDistribution.maxPrice` must be a number, found string",
        ]
    );
}

/// What eksctl accepts in several forms, or leaves free, is not an error: `null` anywhere,
/// taints as the older mapping, free-form policy documents, string maps, an integer written
/// `80.0`, a whole number where a number goes, identity providers (a `oneOf`) and ARNs (no type).
#[test]
fn eksctl_values_in_every_accepted_form_are_not_errors() {
    let text = "\
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: c, region: eu-west-1, version: \"1.34\", tags: {team: a, empty: }}
iam:
  withOIDC: true
  serviceAccounts:
    - metadata: {name: s, namespace: ns, labels: {a: b}}
      attachPolicy:
        Version: \"2012-10-17\"
        Statement: [{Effect: Allow, Action: [\"s3:GetObject\"], Resource: \"*\"}]
accessConfig:
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/admin
      accessPolicies:
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy
          accessScope: {type: namespace, namespaces: [dev]}
identityProviders:
  - {name: p, type: oidc, issuerURL: https://example.com, clientID: x}
addons:
  - {name: vpc-cni, version: latest, configurationValues: \"{}\", tags: {a: b}}
managedNodeGroups:
  - name: ng
    desiredCapacity: 2
    volumeSize: 80.0
    labels: {role: worker}
    taints: [{key: k, value: v, effect: NoSchedule}]
    ssh: ~
    iam: {withAddonPolicies: {ebs: true}}
    updateConfig: {maxUnavailable: 1}
nodeGroups:
  - name: self
    taints: {special: \"true:NoSchedule\"}
    kubeletExtraConfig: {kubeReserved: {cpu: 300m}, evictionHard: {memory.available: 200Mi}}
    instancesDistribution: {maxPrice: 1, onDemandBaseCapacity: 0, instanceTypes: [m5.large]}
fargateProfiles:
  - name: fp
    selectors: [{namespace: default, labels: {app: a}}]
";
    let (_, cs) = build_text(text);
    let msgs: Vec<String> = cs.errors.iter().map(ToString::to_string).collect();
    assert!(msgs.is_empty(), "{msgs:?}");
}

/// A control plane on AWS Outposts is read from every form; eksctl then defaults what a local
/// cluster has: a private endpoint only, and CONFIG_MAP authentication.
#[test]
fn an_outposts_control_plane_is_read_with_its_defaults() {
    let eksctl = "\
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: local, region: us-west-2}
outpost:
  controlPlaneOutpostARN: arn:aws:outposts:us-west-2:111122223333:outpost/op-1234
  controlPlaneInstanceType: m5d.large
";
    let (_, cs) = build_text(eksctl);
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    let c = &cs.clusters[0];
    assert!(c.on_outposts());
    let o = c.outpost.value().cloned().flatten().unwrap();
    assert_eq!(o.outpost_arns, ["arn:aws:outposts:us-west-2:111122223333:outpost/op-1234"]);
    assert_eq!(o.instance_type.as_deref(), Some("m5d.large"));
    assert!(c.endpoint.public_access.is_default() && c.endpoint.public_access.is_false());
    assert!(c.endpoint.private_access.is_true());
    assert_eq!(c.endpoint.public_cidrs.value().map(Vec::len), Some(0));
    assert!(c.access.mode.is_default() && c.access.mode.value() == Some(&AuthMode::ConfigMap));

    let (_, cs) = build_text(MINIMAL);
    assert!(!cs.clusters[0].on_outposts() && cs.clusters[0].outpost.is_default());

    let json = r#"{"cluster": {"name": "local", "arn": "arn:aws:eks:us-west-2:111122223333:cluster/local",
      "outpostConfig": {"outpostArns": ["arn:aws:outposts:us-west-2:111122223333:outpost/op-1234"],
                        "controlPlaneInstanceType": "m5d.large"}}}"#;
    let file = SourceFile::new("d.json", None, json.to_string());
    let loaded = crate::input::file::load(&file);
    let (c, errors) = Cluster::from_describe_cluster(&file, &loaded.aws[0].root);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(c.on_outposts());
}

const DESCRIBE: &str = r#"{
  "cluster": {
    "name": "prod",
    "arn": "arn:aws:eks:eu-west-1:111122223333:cluster/prod",
    "version": "1.31",
    "roleArn": "arn:aws:iam::111122223333:role/eks",
    "resourcesVpcConfig": {
      "endpointPublicAccess": true,
      "endpointPrivateAccess": false,
      "publicAccessCidrs": ["0.0.0.0/0"]
    },
    "logging": {"clusterLogging": [
      {"types": ["api", "audit"], "enabled": true},
      {"types": ["authenticator", "controllerManager", "scheduler"], "enabled": false}
    ]},
    "identity": {"oidc": {"issuer": "https://oidc.eks.eu-west-1.amazonaws.com/id/X"}},
    "accessConfig": {"authenticationMode": "CONFIG_MAP", "bootstrapClusterCreatorAdminPermissions": true},
    "tags": {}
  }
}
"#;

#[test]
fn describe_cluster_is_recognised_and_read() {
    let file = SourceFile::new("d.json", None, DESCRIBE.to_string());
    let loaded = crate::input::file::load(&file);
    assert_eq!((loaded.aws.len(), loaded.skipped.len(), loaded.objects.len()), (1, 0, 0));
    let (_, cs) = build_text(DESCRIBE);
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    let c = &cs.clusters[0];
    assert_eq!(c.source, SourceKind::AwsJson);
    assert_eq!(c.region.value().map(String::as_str), Some("eu-west-1"));
    assert_eq!(c.version.value().map(String::as_str), Some("1.31"));
    assert_eq!(pos(c.endpoint.public_access.at()), (8, 7));
    assert_eq!(c.logging.value(), Some(&vec![LogType::Api, LogType::Audit]));
    assert!(c.secrets_key.is_default() && c.secrets_key.value() == Some(&None));
    assert_eq!(c.access.mode.value(), Some(&AuthMode::ConfigMap));
    assert!(c.identity.oidc_provider.is_unknown() && c.addons.is_unknown() && c.access.entries.is_unknown());
    assert!(c.at.object.is_none());
}

#[test]
fn describe_nodegroup_joins_its_cluster() {
    let ng = r#"---
{"nodegroup": {"nodegroupName": "workers", "clusterName": "prod",
  "scalingConfig": {"minSize": 1, "maxSize": 5, "desiredSize": 3},
  "instanceTypes": ["t3.medium"], "subnets": ["subnet-a", "subnet-b"], "capacityType": "SPOT",
  "remoteAccess": {"ec2SshKey": "k"}, "diskSize": 20, "amiType": "AL2023_x86_64_STANDARD",
  "taints": [{"key": "a", "value": "b", "effect": "NO_SCHEDULE"}]}}
"#;
    let (_, cs) = build_text(&format!("{DESCRIBE}{ng}"));
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    assert_eq!(cs.clusters.len(), 1);
    let n = &cs.clusters[0].node_groups[0];
    assert_eq!(n.name.value().map(String::as_str), Some("workers"));
    assert!(n.spot.is_true() && n.ssh.enabled.is_true());
    assert_eq!(n.ssh.source_security_groups.value().map(Vec::len), Some(0));
    assert!(n.volume.encrypted.is_unknown() && n.imds.v2_required.is_unknown());
    assert_eq!(n.taints.value().map(|t| t[0].effect.as_str()), Some("NoSchedule"));
    assert_eq!(n.ami_family.value().map(String::as_str), Some("AmazonLinux2023"));
    // A node group alone makes a cluster of its own, named after its cluster.
    let (_, alone) = build_text(ng);
    assert_eq!(alone.clusters[0].name.value().map(String::as_str), Some("prod"));
    assert!(alone.clusters[0].version.is_unknown());
}

#[test]
fn aws_auth_mappings_point_inside_the_block_scalar() {
    let text = "\
apiVersion: v1
kind: ConfigMap
metadata: {name: aws-auth, namespace: kube-system}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/nodes
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:bootstrappers, system:nodes]
    - rolearn: arn:aws:iam::111122223333:root
      groups:
        - system:masters
  mapAccounts: |
    - \"111122223333\"
";
    let (_, cs) = build_text(text);
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    let c = &cs.clusters[0];
    assert_eq!(c.source, SourceKind::InCluster);
    let maps = c.access.aws_auth.value().unwrap();
    assert_eq!(maps.len(), 3);
    assert_eq!(pos(&maps[1].at), (9, 7));
    assert_eq!(pos(maps[1].arn.at()), (9, 7));
    assert_eq!(pos(maps[1].groups.at()), (10, 7));
    assert_eq!(maps[1].groups.value(), Some(&vec!["system:masters".to_string()]));
    assert_eq!(maps[2].kind, MappingKind::Account);
    assert!(maps[1].at.object.as_ref().is_some_and(|l| l.object.kind == "ConfigMap"));
    assert!(c.version.is_unknown());
}

#[test]
fn aws_auth_joins_the_only_cluster_and_karpenter_pools_are_node_groups() {
    let text = format!(
        "{MINIMAL}---
apiVersion: v1
kind: ConfigMap
metadata: {{name: aws-auth, namespace: kube-system}}
data:
  mapUsers: |
    - userarn: arn:aws:iam::111122223333:user/ops
      groups: [system:masters]
---
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {{name: default}}
spec:
  template:
    spec:
      nodeClassRef: {{group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}}
      requirements:
        - {{key: karpenter.sh/capacity-type, operator: In, values: [spot]}}
---
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: {{name: default}}
spec:
  amiFamily: AL2023
  metadataOptions: {{httpTokens: optional, httpPutResponseHopLimit: 2}}
"
    );
    let (_, cs) = build_text(&text);
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    assert_eq!(cs.clusters.len(), 1);
    let c = &cs.clusters[0];
    assert_eq!(c.access.aws_auth.value().map(Vec::len), Some(1));
    let k = c.node_groups.iter().find(|n| n.kind == NodeGroupKind::Karpenter).unwrap();
    assert!(k.spot.is_true() && k.imds.v2_required.is_false());
    assert_eq!(k.imds.hop_limit.value(), Some(&2));
    assert_eq!(pos(k.imds.hop_limit.at()), (36, 43));
}

/// A pool whose EC2NodeClass selects by `karpenter.sh/discovery: <cluster>` joins every cluster
/// of that name (two forms of one cluster here), or a cluster of its own with that name.
#[test]
fn karpenter_pools_join_the_cluster_their_discovery_tag_names() {
    let pool = |cluster: &str| {
        format!(
            "---
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {{name: pool-{cluster}}}
spec:
  template:
    spec:
      nodeClassRef: {{group: karpenter.k8s.aws, kind: EC2NodeClass, name: class-{cluster}}}
---
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: {{name: class-{cluster}}}
spec:
  subnetSelectorTerms:
    - tags: {{karpenter.sh/discovery: {cluster}}}
"
        )
    };
    let second = MINIMAL.replace("name: workers", "name: others");
    let text = format!("{MINIMAL}---\n{second}{}{}", pool("mi-cluster"), pool("elsewhere"));
    let (_, cs) = build_text(&text);
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    let names =
        |c: &Cluster| c.node_groups.iter().filter_map(|n| n.name.value().cloned()).collect::<Vec<_>>();
    assert_eq!(cs.clusters.len(), 3);
    assert_eq!(names(&cs.clusters[0]), ["workers", "pool-mi-cluster"]);
    assert_eq!(names(&cs.clusters[1]), ["others", "pool-mi-cluster"]);
    assert_eq!(cs.clusters[2].name.value().map(String::as_str), Some("elsewhere"));
    assert_eq!(names(&cs.clusters[2]), ["pool-elsewhere"]);
}

#[test]
fn eksctl_and_describe_forms_agree() {
    let eksctl = "\
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: eu-west-1, version: \"1.31\"}
cloudWatch: {clusterLogging: {enableTypes: [api, audit]}}
accessConfig: {authenticationMode: CONFIG_MAP}
";
    let (_, a) = build_text(eksctl);
    let (_, b) = build_text(DESCRIBE);
    assert_eq!(differences(&a.clusters[0], &b.clusters[0]), Vec::<String>::new());
    let (_, m) = build_text(MINIMAL);
    assert!(!differences(&m.clusters[0], &b.clusters[0]).is_empty());
}

/// Every node of a rich config replaced by values of every type: adapters report errors or
/// unknowns, never panic.
#[test]
fn adapters_survive_every_value_of_the_wrong_type() {
    use crate::document::{Map, Node, Value};
    fn paths(n: &Node, at: Vec<usize>, out: &mut Vec<Vec<usize>>) {
        out.push(at.clone());
        let children: Vec<&Node> = match &n.value {
            Value::Seq(s) => s.iter().collect(),
            Value::Map(m) => m.entries.iter().map(|e| &e.value).collect(),
            _ => Vec::new(),
        };
        for (i, c) in children.into_iter().enumerate() {
            let mut p = at.clone();
            p.push(i);
            paths(c, p, out);
        }
    }
    fn at_mut<'a>(n: &'a mut Node, path: &[usize]) -> &'a mut Node {
        match path.split_first() {
            None => n,
            Some((i, rest)) => match &mut n.value {
                Value::Seq(s) => at_mut(&mut s[*i], rest),
                Value::Map(m) => at_mut(&mut m.entries[*i].value, rest),
                _ => unreachable!(),
            },
        }
    }
    let text = format!(
        "{}\n---\n{DESCRIBE}\n---\n{}",
        include_str!("../../../tests/cluster_model/prod.eksctl.yaml"),
        include_str!("../../../tests/cluster_model/prod.describe-nodegroup.json")
    );
    let file = SourceFile::new("f.yaml", None, text.clone());
    let loaded = crate::input::file::load(&file);
    let alternatives = [
        Value::Null,
        Value::Bool(true),
        Value::Int(-1),
        Value::Float(1.5),
        Value::Str("x".into()),
        Value::Seq(vec![Node::synthetic(Value::Int(1))].into()),
        Value::Map(Map::default()),
    ];
    let object = &loaded.objects[0];
    let mut all = Vec::new();
    paths(&object.root, Vec::new(), &mut all);
    for p in all.iter().skip(1) {
        for alt in &alternatives {
            let mut root = object.root.clone();
            at_mut(&mut root, p).value = alt.clone();
            if let Ok(Some(o)) = crate::model::Object::from_root(root, object.origin.clone()) {
                let _ = Cluster::from_eksctl(&o);
            }
        }
    }
    assert_eq!(loaded.aws.len(), 2);
    for doc in &loaded.aws {
        let mut all = Vec::new();
        paths(&doc.root, Vec::new(), &mut all);
        for p in all.iter().skip(1) {
            for alt in &alternatives {
                let mut root = doc.root.clone();
                at_mut(&mut root, p).value = alt.clone();
                let _ = Cluster::from_describe_cluster(&file, &root);
                let _ = NodeGroup::from_describe_nodegroup(&file, &root);
            }
        }
    }
}

#[test]
fn an_eks_snapshot_reads_fargate_profiles_as_node_groups_and_an_unread_list_adds_none() {
    let cluster = r#""cluster": {"name": "prod", "arn": "arn:aws:eks:eu-west-1:111122223333:cluster/prod", "version": "1.31",
  "resourcesVpcConfig": {"endpointPublicAccess": false, "endpointPrivateAccess": true}}"#;
    let fargate = r#""fargateProfiles": [{"fargateProfile": {"fargateProfileName": "system", "clusterName": "prod",
  "subnets": ["subnet-a"], "selectors": [{"namespace": "kube-system"}]}}]"#;
    let (_, cs) = build_text(&format!("{{{cluster}, {fargate}, \"addons\": []}}"));
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    let groups = &cs.clusters[0].node_groups;
    assert_eq!(groups.len(), 1);
    let f = &groups[0];
    assert_eq!(f.kind, NodeGroupKind::Fargate);
    assert_eq!(f.name.value().map(String::as_str), Some("system"));
    assert_eq!(f.subnets.value().map(Vec::len), Some(1));
    assert!(f.private_networking.is_true() && f.imds.v2_required.is_unknown());
    let refused = r#""unknown": {"fargateProfiles": "eks:ListFargateProfiles was refused"}"#;
    let (_, cs) = build_text(&format!("{{{cluster}, {refused}}}"));
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    assert!(cs.clusters[0].node_groups.is_empty());
}

#[test]
fn launch_template_versions_join_the_node_groups_that_name_them() {
    let text = r#"---
{"nodegroup": {"nodegroupName": "a", "clusterName": "prod", "launchTemplate": {"id": "lt-1", "version": "2"}}}
---
{"nodegroup": {"nodegroupName": "b", "clusterName": "prod", "launchTemplate": {"name": "tpl", "version": "$Latest"}}}
---
{"nodegroup": {"nodegroupName": "c", "clusterName": "prod", "launchTemplate": {"id": "lt-1"}}}
---
{"nodegroup": {"nodegroupName": "d", "clusterName": "prod", "launchTemplate": {"id": "lt-1", "version": "next"}}}
---
{"nodegroup": {"nodegroupName": "e", "clusterName": "prod", "launchTemplate": {"id": "lt-2", "version": "1"}}}
---
{"LaunchTemplateVersions": [
  {"LaunchTemplateId": "lt-1", "LaunchTemplateName": "tpl", "VersionNumber": 1, "DefaultVersion": true,
   "LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required", "HttpPutResponseHopLimit": 1}}},
  {"LaunchTemplateId": "lt-1", "LaunchTemplateName": "tpl", "VersionNumber": 2, "DefaultVersion": false,
   "LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "optional", "HttpPutResponseHopLimit": 3},
     "KeyName": "ops"}}
]}
"#;
    let (_, cs) = build_text(text);
    assert!(cs.errors.is_empty(), "{:?}", cs.errors);
    let [c] = cs.clusters.as_slice() else { panic!("{:?}", cs.clusters.len()) };
    let group =
        |name: &str| c.node_groups.iter().find(|n| n.name.value().map(String::as_str) == Some(name)).unwrap();
    // Version 2 by number, and as $Latest by name: IMDSv1 allowed, hop limit 3, the key pair.
    for name in ["a", "b"] {
        let n = group(name);
        assert!(n.imds.v2_required.is_false() && n.imds.hop_limit.is(|h| *h == 3), "{name}");
        assert!(n.ssh.enabled.is_true(), "{name}");
        assert_eq!(pos(n.imds.v2_required.at()), (16, 47), "{name}");
    }
    // No version: the default one.
    assert!(group("c").imds.v2_required.is_true() && group("c").imds.hop_limit.is(|h| *h == 1));
    // A version EC2 would not accept, a template not exported: unknown, saying why.
    for (name, why) in [("d", "version `next` is not a number"), ("e", "launch template lt-2 is not in")] {
        match &group(name).imds.v2_required {
            Field::Unknown { reason, .. } => assert!(reason.contains(why), "{name}: {reason}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn launch_template_versions_that_cannot_be_read_are_errors_at_their_position() {
    let text = r#"{"LaunchTemplateVersions": [
  7,
  {"LaunchTemplateName": "tpl"},
  {"VersionNumber": 1},
  {"LaunchTemplateId": "lt-1", "VersionNumber": "two"}
]}
"#;
    let file = SourceFile::new("lt.json", None, text.to_string());
    let loaded = crate::input::file::load(&file);
    let set: ObjectSet = loaded.objects.into_iter().collect();
    let cs = build(&set, &loaded.aws);
    let errors: Vec<String> = cs.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "lt.json:2:3: `LaunchTemplateVersions[0]` must be a launch template version (a mapping), found number",
            "lt.json:3:3: `LaunchTemplateVersions[1]` has no `VersionNumber`",
            "lt.json:4:3: `LaunchTemplateVersions[2]` has no `LaunchTemplateId` or `LaunchTemplateName`",
            "lt.json:5:49: `VersionNumber` must be an integer, found string",
        ]
    );
}
