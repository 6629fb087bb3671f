//! Terraform and CloudFormation adapters: defaults, links between resources, unknowns.

use std::sync::Arc;

use crate::document::SourceFile;
use crate::model::cluster::{AccessScope, AuthMode, Cluster, Clusters, Field, LogType, NodeGroupKind, Taint};

fn clusters(files: &[(&str, &str)]) -> Vec<Cluster> {
    let sources: Vec<Arc<SourceFile>> =
        files.iter().map(|(n, t)| SourceFile::new(*n, None, (*t).to_string())).collect();
    let Clusters { clusters, errors } = crate::input::clusters(&sources);
    assert!(errors.is_empty(), "{errors:?}");
    clusters
}

fn one(name: &str, text: &str) -> Cluster {
    let mut all = clusters(&[(name, text)]);
    assert_eq!(all.len(), 1);
    all.remove(0)
}

#[test]
fn eks_module_v21_defaults() {
    let c = one(
        "m/main.tf",
        r#"
module "eks" {
  source             = "terraform-aws-modules/eks/aws"
  version            = "~> 21.0"
  name               = "prod"
  kubernetes_version = "1.33"
  eks_managed_node_groups = {
    general = {
      instance_types = ["m6i.large"]
    }
  }
}
"#,
    );
    assert_eq!(c.name.value().map(String::as_str), Some("prod"));
    assert!(c.endpoint.public_access.is_default() && c.endpoint.public_access.is_false());
    assert!(c.endpoint.private_access.is_true());
    assert_eq!(c.logging.value(), Some(&vec![LogType::Api, LogType::Audit, LogType::Authenticator]));
    assert!(c.secrets_key.is(Option::is_some));
    assert_eq!(c.access.mode.value(), Some(&AuthMode::ApiAndConfigMap));
    assert!(c.access.bootstrap_creator_admin.is_false());
    assert!(c.identity.oidc_provider.is_true());
    assert!(c.addons.is(Vec::is_empty));
    let ng = &c.node_groups[0];
    assert_eq!(ng.name.value().map(String::as_str), Some("general"));
    assert_eq!(ng.ami_family.value().map(String::as_str), Some("AmazonLinux2023"));
    assert_eq!(
        (ng.scaling.min.value(), ng.scaling.desired.value(), ng.scaling.max.value()),
        (Some(&1), Some(&1), Some(&3))
    );
    assert!(ng.imds.v2_required.is_true() && ng.imds.hop_limit.is(|h| *h == 1));
    assert!(ng.volume.encrypted.is_false() && ng.volume.encrypted.is_default());
    assert!(ng.ssh.enabled.is_false());
}

#[test]
fn eks_module_creator_admin_and_access_entries() {
    let c = one(
        "m/main.tf",
        r#"
module "eks" {
  source                                   = "terraform-aws-modules/eks/aws"
  name                                     = "prod"
  enable_cluster_creator_admin_permissions = true
  access_entries = {
    viewers = {
      principal_arn = "arn:aws:iam::111122223333:role/viewers"
      policy_associations = {
        view = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
          access_scope = { type = "namespace", namespaces = ["default"] }
        }
      }
    }
  }
}
"#,
    );
    let entries: Vec<_> = c.access.entries.items().collect();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[0].principal_arn.value().map(String::as_str),
        Some("arn:aws:iam::111122223333:role/viewers")
    );
    assert_eq!(entries[0].policies[0].scope.value(), Some(&AccessScope::Namespaces(vec!["default".into()])));
    assert!(entries[1].principal_arn.is_unknown());
    assert_eq!(entries[1].policies[0].scope.value(), Some(&AccessScope::Cluster));
}

#[test]
fn eks_module_node_groups_profiles_and_add_on_identities() {
    let c = one(
        "m/main.tf",
        r#"
module "eks" {
  source = "terraform-aws-modules/eks/aws"
  name   = "prod"
  addons = {
    vpc-cni = {
      addon_version = "v1.19.0-eksbuild.1"
      pod_identity_association = [{
        role_arn        = "arn:aws:iam::111122223333:role/cni"
        service_account = "aws-node"
      }]
    }
  }
  eks_managed_node_groups = {
    general = {
      taints = {
        gpu = { key = "gpu", value = "true", effect = "NO_SCHEDULE" }
      }
      metadata_options      = { http_tokens = "optional", http_put_response_hop_limit = 2 }
      block_device_mappings = { xvda = { device_name = "/dev/xvda", ebs = { volume_size = 100, encrypted = true } } }
      remote_access         = { ec2_ssh_key = "ops" }
    }
    off = { create = false }
  }
  self_managed_node_groups = {
    legacy = { instance_type = "m5.large" }
  }
  fargate_profiles = {
    system = { selectors = [{ namespace = "kube-system" }] }
  }
}
"#,
    );
    let pods: Vec<_> = c.identity.pod_identity.items().collect();
    assert_eq!(pods.len(), 1);
    assert_eq!(pods[0].namespace.value().map(String::as_str), Some("kube-system"));
    assert_eq!(pods[0].service_account.value().map(String::as_str), Some("aws-node"));
    let names: Vec<_> = c.node_groups.iter().map(|n| (n.kind, n.name.value().cloned())).collect();
    assert_eq!(
        names,
        [
            (NodeGroupKind::Managed, Some("general".into())),
            (NodeGroupKind::SelfManaged, Some("legacy".into())),
            (NodeGroupKind::Fargate, Some("system".into())),
        ]
    );
    let ng = &c.node_groups[0];
    let taint = Taint { key: "gpu".into(), value: Some("true".into()), effect: "NoSchedule".into() };
    assert_eq!(ng.taints.value(), Some(&vec![taint]));
    assert!(ng.imds.v2_required.is_false() && ng.imds.hop_limit.is(|h| *h == 2));
    assert!(ng.volume.encrypted.is_true() && ng.volume.size_gib.is(|s| *s == 100));
    assert!(ng.ssh.enabled.is_true() && ng.ssh.source_security_groups.is(Vec::is_empty));
    assert_eq!(c.node_groups[1].instance_types.value(), Some(&vec!["m5.large".to_string()]));
    assert!(c.node_groups[2].private_networking.is_true());
}

const TWO: &str = r#"
resource "aws_eks_cluster" "a" {
  name     = "alpha"
  role_arn = aws_iam_role.cluster.arn
  vpc_config { subnet_ids = ["s-1", "s-2"] }
  access_config {
    authentication_mode = "API"
  }
}

resource "aws_eks_cluster" "b" {
  name     = "beta"
  role_arn = "arn:aws:iam::111122223333:role/other"
  vpc_config {
    subnet_ids             = ["s-1", "s-2"]
    endpoint_public_access = var.public
  }
}

resource "aws_eks_cluster" "gone" {
  count    = 0
  name     = "gone"
  role_arn = "x"
  vpc_config { subnet_ids = ["s-1"] }
}

variable "public" {}

resource "aws_iam_role" "cluster" {
  name = "cluster"
}

resource "aws_iam_role_policy_attachment" "c" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_iam_openid_connect_provider" "a" {
  url            = aws_eks_cluster.a.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_eks_node_group" "by_ref" {
  cluster_name    = aws_eks_cluster.a.name
  node_group_name = "by-ref"
  node_role_arn   = "r"
  subnet_ids      = ["s-1"]
  scaling_config {
    min_size     = 1
    desired_size = 1
    max_size     = 1
  }
}

resource "aws_eks_node_group" "by_name" {
  cluster_name    = "beta"
  node_group_name = "by-name"
  node_role_arn   = "r"
  subnet_ids      = ["s-1"]
  scaling_config {
    min_size     = 1
    desired_size = 1
    max_size     = 1
  }
}

resource "aws_eks_node_group" "nowhere" {
  cluster_name    = var.cluster
  node_group_name = "nowhere"
  node_role_arn   = "r"
  subnet_ids      = ["s-1"]
  scaling_config {
    min_size     = 1
    desired_size = 1
    max_size     = 1
  }
}

resource "aws_eks_access_entry" "admin" {
  cluster_name  = aws_eks_cluster.a.name
  principal_arn = "arn:aws:iam::111122223333:role/admin"
}

resource "aws_eks_access_policy_association" "admin" {
  cluster_name  = aws_eks_cluster.a.name
  principal_arn = aws_eks_access_entry.admin.principal_arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
  access_scope {
    type = "cluster"
  }
}

resource "aws_eks_addon" "cni" {
  cluster_name = aws_eks_cluster.b.name
  addon_name   = "vpc-cni"
}
"#;

#[test]
fn resources_link_to_their_cluster() {
    let all = clusters(&[("m/main.tf", TWO)]);
    // A count = 0 cluster does not exist; the node group of a cluster defined elsewhere
    // (`var.cluster`) is kept, under a cluster whose settings are unknown.
    assert_eq!(all.len(), 3);
    let (a, b, elsewhere) = (&all[0], &all[1], &all[2]);
    assert!(elsewhere.name.value().is_none() && elsewhere.endpoint.public_access.value().is_none());
    assert_eq!(
        elsewhere.node_groups.iter().filter_map(|n| n.name.value().cloned()).collect::<Vec<_>>(),
        ["nowhere"]
    );
    assert_eq!(a.name.value().map(String::as_str), Some("alpha"));
    let names =
        |c: &Cluster| c.node_groups.iter().filter_map(|n| n.name.value().cloned()).collect::<Vec<_>>();
    assert_eq!(names(a), ["by-ref"]);
    assert_eq!(names(b), ["by-name"]);
    assert!(a.identity.oidc_provider.is_true() && a.identity.oidc_provider.is_known());
    assert!(b.identity.oidc_provider.is_false(), "a provider for another cluster is not this one's");
    assert_eq!(a.cluster_role.policies.value(), Some(&vec!["AmazonEKSClusterPolicy".to_string()]));
    assert!(a.cluster_role.arn.is_unknown(), "an ARN that exists only after apply");
    assert!(b.cluster_role.policies.is_unknown());
    let entry = a.access.entries.items().next().unwrap();
    assert_eq!(entry.policies.len(), 1);
    assert_eq!(entry.policies[0].scope.value(), Some(&AccessScope::Cluster));
    assert!(a.addons.is(Vec::is_empty) && a.addons.is_default());
    assert_eq!(b.addons.items().count(), 1);
    // Without access_config EKS grants the creator admin; with the block the provider sends false.
    assert!(b.access.bootstrap_creator_admin.is_true());
    assert!(a.access.bootstrap_creator_admin.is_false());
    assert!(matches!(b.endpoint.public_access, Field::Unknown { .. }));
}

#[test]
fn cloudformation_links_and_identity() {
    let c = one(
        "t.yaml",
        r#"
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: prod
      RoleArn: !GetAtt Role.Arn
      ResourcesVpcConfig: {SubnetIds: [a, b]}
      AccessConfig: {AuthenticationMode: API_AND_CONFIG_MAP}
  Role:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonEKSClusterPolicy]
  Oidc:
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: !GetAtt Cluster.OpenIdConnectIssuerUrl
  Admin:
    Type: AWS::EKS::AccessEntry
    Properties:
      ClusterName: !Ref Cluster
      PrincipalArn: arn:aws:iam::111122223333:role/admin
      AccessPolicies:
        - PolicyArn: arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy
          AccessScope: {Type: cluster}
  Pods:
    Type: AWS::EKS::PodIdentityAssociation
    Properties:
      ClusterName: !Ref Cluster
      Namespace: default
      ServiceAccount: app
      RoleArn: !GetAtt Role.Arn
  Fargate:
    Type: AWS::EKS::FargateProfile
    Properties:
      ClusterName: prod
      FargateProfileName: system
"#,
    );
    assert!(c.identity.oidc_provider.is_true());
    assert_eq!(c.access.mode.value(), Some(&AuthMode::ApiAndConfigMap));
    assert!(c.access.bootstrap_creator_admin.is_true() && c.access.bootstrap_creator_admin.is_default());
    assert_eq!(c.cluster_role.policies.value(), Some(&vec!["AmazonEKSClusterPolicy".to_string()]));
    assert_eq!(c.access.entries.items().next().unwrap().policies.len(), 1);
    let pia = c.identity.pod_identity.items().next().unwrap();
    assert!(pia.role_arn.is_unknown());
    assert_eq!(c.node_groups.len(), 1);
    assert!(c.region.is_unknown() && c.version.is_unknown());
}

#[test]
fn eks_module_create_false_creates_nothing() {
    let all = clusters(&[(
        "m/main.tf",
        r#"
module "off" {
  source = "terraform-aws-modules/eks/aws"
  name   = "off"
  create = false
}
module "on" {
  source = "terraform-aws-modules/eks/aws"
  name   = "on"
  eks_managed_node_groups = {
    kept    = {}
    dropped = { create = false }
  }
  self_managed_node_groups = {
    legacy = { instance_type = "m5.large" }
  }
}
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
"#,
    )]);
    assert_eq!(all.len(), 1);
    let names: Vec<_> = all[0].node_groups.iter().filter_map(|n| n.name.value().cloned()).collect();
    assert_eq!(names, ["kept", "legacy"]);
    assert_eq!(all[0].node_groups[1].instance_types.value(), Some(&vec!["m5.large".to_string()]));
}

#[test]
fn addon_names_known_only_at_apply_make_the_add_on_list_unknown() {
    let tf = one(
        "m/main.tf",
        r#"
resource "aws_eks_cluster" "this" {
  name     = "prod"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["a", "b"]
  }
}
resource "aws_eks_addon" "all" {
  for_each     = toset(["vpc-cni", "coredns"])
  cluster_name = aws_eks_cluster.this.name
  addon_name   = each.key
}
"#,
    );
    assert!(tf.addons.is_unknown());
    let cfn = one(
        "t.yaml",
        r#"
Parameters:
  AddonName: {Type: String}
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: prod
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: {SubnetIds: [a, b]}
  Known:
    Type: AWS::EKS::Addon
    Properties: {ClusterName: !Ref Cluster, AddonName: vpc-cni}
  Chosen:
    Type: AWS::EKS::Addon
    Properties: {ClusterName: !Ref Cluster, AddonName: !Ref AddonName}
"#,
    );
    assert!(cfn.addons.is_unknown());
}

#[test]
fn a_ci_oidc_provider_is_not_a_cluster_issuer() {
    let tf = |url: &str| {
        one(
            "m/main.tf",
            &format!(
                r#"
resource "aws_eks_cluster" "this" {{
  name     = "prod"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {{
    subnet_ids = ["a", "b"]
  }}
}}
resource "aws_iam_openid_connect_provider" "other" {{
  url            = {url}
  client_id_list = ["sts.amazonaws.com"]
}}
"#
            ),
        )
    };
    let github = tf(r#""https://token.actions.githubusercontent.com""#);
    assert!(github.identity.oidc_provider.is_false() && github.identity.oidc_provider.is_default());
    assert!(tf(r#""https://oidc.eks.eu-west-1.amazonaws.com/id/ABC""#).identity.oidc_provider.is_unknown());
    assert!(tf("var.issuer").identity.oidc_provider.is_unknown());
    let cfn = |url: &str| {
        one(
            "t.yaml",
            &format!(
                r#"
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: prod
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: {{SubnetIds: [a, b]}}
  Other:
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: {url}
"#
            ),
        )
    };
    assert!(cfn("https://token.actions.githubusercontent.com").identity.oidc_provider.is_false());
    assert!(cfn("!ImportValue issuer").identity.oidc_provider.is_unknown());
}

#[test]
fn an_oidc_provider_links_to_an_instance_of_a_counted_cluster() {
    let tf = |decl: &str, url: &str| {
        one(
            "m/main.tf",
            &format!(
                r#"
resource "aws_eks_cluster" "this" {{
  {decl}
  name     = "prod"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {{
    subnet_ids = ["a", "b"]
  }}
}}
resource "aws_iam_openid_connect_provider" "oidc" {{
  url            = {url}
  client_id_list = ["sts.amazonaws.com"]
}}
"#
            ),
        )
        .identity
        .oidc_provider
    };
    let linked = |f: Field<bool>| f.is_true() && f.is_known();
    assert!(linked(tf("count = 1", "aws_eks_cluster.this[0].identity[0].oidc[0].issuer")));
    assert!(linked(tf(
        "for_each = toset([\"a\"])",
        "aws_eks_cluster.this[\"a\"].identity[0].oidc[0].issuer"
    )));
    assert!(linked(tf(
        "for_each = var.clusters",
        "aws_eks_cluster.this[each.key].identity[0].oidc[0].issuer"
    )));
    assert!(linked(tf("", "aws_eks_cluster.this.identity[0].oidc[0].issuer")));
    // Another attribute of the same instance is no issuer.
    assert!(tf("count = 1", "aws_eks_cluster.this[0].endpoint").is_false());
}

#[test]
fn a_reference_attribute_skips_the_instance_index() {
    use super::identity::attribute;
    let a = "aws_eks_cluster.this";
    assert_eq!(
        attribute("aws_eks_cluster.this[0].identity[0].oidc[0].issuer", a),
        "identity[0].oidc[0].issuer"
    );
    assert_eq!(attribute("aws_eks_cluster.this[\"a]\"].identity", a), "identity");
    assert_eq!(attribute("aws_eks_cluster.this.identity", a), "identity");
    assert_eq!(attribute("aws_eks_cluster.this2.identity", a), "");
    assert_eq!(attribute("Cluster.OpenIdConnectIssuerUrl", "Cluster"), "OpenIdConnectIssuerUrl");
}

/// The clusters and input errors of one Terraform file.
fn with_errors(text: &str) -> (Vec<Cluster>, Vec<String>) {
    let sources = vec![SourceFile::new("m/main.tf", None, text.to_string())];
    let Clusters { clusters, errors } = crate::input::clusters(&sources);
    (clusters, errors.iter().map(|e| format!("{}:{}", e.line.unwrap_or(0), e.message)).collect())
}

#[test]
fn eks_module_v20_names_and_defaults() {
    let c = one(
        "m/main.tf",
        r#"
module "eks" {
  source                         = "terraform-aws-modules/eks/aws"
  version                        = "~> 20.0"
  cluster_name                   = "prod"
  cluster_version                = "1.31"
  cluster_endpoint_public_access = true
  cluster_enabled_log_types      = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  cluster_addons                 = { coredns = {} }
  cluster_compute_config         = { enabled = true }
  cluster_encryption_config      = {}
  eks_managed_node_group_defaults = {
    instance_types = ["m6i.large"]
    ami_type       = "BOTTLEROCKET_x86_64"
  }
  eks_managed_node_groups = {
    general = {}
    own     = { instance_types = ["c6i.large"] }
  }
}
"#,
    );
    assert_eq!(c.name.value().map(String::as_str), Some("prod"));
    assert_eq!(c.version.value().map(String::as_str), Some("1.31"));
    assert!(c.endpoint.public_access.is_true() && c.endpoint.public_access.is_known());
    assert!(c.endpoint.private_access.is_true() && c.endpoint.private_access.is_default());
    assert_eq!(c.logging.value().map(Vec::len), Some(5));
    assert_eq!(c.addons.value().map(Vec::len), Some(1));
    assert!(c.auto_mode.is_true());
    // Before v21 an empty encryption map turns secrets encryption off.
    assert!(c.secrets_key.is_known() && c.secrets_key.is(Option::is_none));
    assert_eq!(c.access.mode.value(), Some(&AuthMode::ApiAndConfigMap));
    assert!(c.access.bootstrap_creator_admin.is_false());
    let general = &c.node_groups[0];
    assert_eq!(general.instance_types.value(), Some(&vec!["m6i.large".to_string()]));
    assert_eq!(general.ami_family.value().map(String::as_str), Some("Bottlerocket"));
    assert!(general.imds.v2_required.is_true() && general.imds.hop_limit.is(|h| *h == 2));
    assert_eq!(c.node_groups[1].instance_types.value(), Some(&vec!["c6i.large".to_string()]));
}

#[test]
fn eks_module_v19_defaults_and_unpinned_blocks() {
    let v19 = one(
        "m/main.tf",
        r#"
module "eks" {
  source       = "git::https://github.com/terraform-aws-modules/terraform-aws-eks.git?ref=v19.21.0"
  cluster_name = "prod"
  eks_managed_node_groups = { general = {} }
}
"#,
    );
    assert_eq!(v19.name.value().map(String::as_str), Some("prod"));
    assert_eq!(v19.access.mode.value(), Some(&AuthMode::ConfigMap));
    assert!(v19.access.bootstrap_creator_admin.is_true() && v19.access.bootstrap_creator_admin.is_default());
    assert!(v19.endpoint.public_access.is_false() && v19.secrets_key.is(Option::is_some));
    assert!(v19.node_groups[0].ami_family.is_unknown());
    // Unpinned, with v20 names: the values set are read, defaults that changed are unknown.
    let unpinned = one(
        "m/main.tf",
        r#"
module "eks" {
  source                         = "terraform-aws-modules/eks/aws"
  cluster_name                   = "prod"
  cluster_endpoint_public_access = true
  eks_managed_node_groups        = { general = {} }
}
"#,
    );
    assert!(unpinned.endpoint.public_access.is_true());
    assert!(unpinned.endpoint.private_access.is_unknown() && unpinned.access.mode.is_unknown());
    assert!(unpinned.node_groups[0].imds.hop_limit.is_unknown());
    assert!(unpinned.logging.is_default());
}

#[test]
fn eks_module_names_of_another_version_are_input_errors_and_still_read() {
    // Pinned to v21, a v20 name is reported, and its value read.
    let (clusters, errors) = with_errors(
        r#"
module "eks" {
  source         = "terraform-aws-modules/eks/aws"
  version        = "~> 21.0"
  name           = "prod"
  cluster_addons = { coredns = {} }
}
"#,
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("6:") && errors[0].contains("it is named `addons` there"), "{errors:?}");
    assert_eq!(clusters[0].addons.value().map(Vec::len), Some(1));
    // Pinned to v20, a v21 name; pinned to v19, an access entry input.
    let (_, errors) = with_errors(
        r#"
module "v20" {
  source       = "terraform-aws-modules/eks/aws"
  version      = "~> 20.0"
  cluster_name = "a"
  addons       = {}
}
module "v19" {
  source             = "terraform-aws-modules/eks/aws"
  version            = "~> 19.0"
  cluster_name       = "b"
  authentication_mode = "API"
}
"#,
    );
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("v20 has no input `addons`: it is named `cluster_addons`"), "{errors:?}");
    assert!(errors[1].contains("v19 has no input `authentication_mode`"), "{errors:?}");
    // Unpinned: both names of one input, or names of both versions.
    let (clusters, errors) = with_errors(
        r#"
module "both" {
  source         = "terraform-aws-modules/eks/aws"
  name           = "a"
  cluster_name   = "a"
}
module "mixed" {
  source       = "terraform-aws-modules/eks/aws"
  cluster_name = "b"
  addons       = { coredns = {} }
}
"#,
    );
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].contains("both `cluster_name`") && errors[0].contains("and `name` (v21)"),
        "{errors:?}"
    );
    assert!(errors[1].contains("`addons` is a terraform-aws-modules/eks v21 input"), "{errors:?}");
    // Both inputs of the mixed block are read.
    assert_eq!(clusters[1].name.value().map(String::as_str), Some("b"));
    assert_eq!(clusters[1].addons.value().map(Vec::len), Some(1));
}
