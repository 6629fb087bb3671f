//! `terraform/`: the same cluster as plain `aws_*` resources (eks-facts §5): KMS key with
//! rotation, cluster and node IAM roles, cluster, launch template, managed node group, OIDC
//! provider, IRSA roles, add-ons and access entries; subnets are variables. The text is
//! written already in `terraform fmt` layout (aligned `=` in runs of one-line attributes).

use std::fmt::Write as _;

use serde_json::Value;

use super::eksctl::{CLUSTER_ADMIN_POLICY, DEVELOPERS_GROUP, LOG_RETENTION_DAYS, LOG_TYPES, VOLUME_SIZE};
use super::text::{hlist, hq};
use super::{Endpoint, File, Profile};

/// The AWS provider major the files are written for (`access_config`, `aws_eks_access_entry`,
/// `bootstrap_self_managed_addons` exist in it).
pub const AWS_PROVIDER: &str = "~> 6.0";

/// Name of the IAM role Karpenter's nodes use.
#[must_use]
pub fn karpenter_node_role(p: &Profile) -> String {
    format!("{}-karpenter-node", p.name)
}

#[must_use]
pub fn files(p: &Profile) -> Vec<File> {
    vec![
        File { path: "terraform/versions.tf".into(), contents: align(&versions(p)) },
        File { path: "terraform/variables.tf".into(), contents: align(&variables(p)) },
        File { path: "terraform/main.tf".into(), contents: align(&main(p)) },
        File { path: "terraform/outputs.tf".into(), contents: align(&outputs(p)) },
    ]
}

fn versions(p: &Profile) -> String {
    let mut t = String::new();
    t.push_str("terraform {\n  required_version = \">= 1.5.0\"\n\n  required_providers {\n    aws = {\n");
    t.push_str("      source = \"hashicorp/aws\"\n");
    let _ = writeln!(t, "      version = {}", hq(AWS_PROVIDER));
    t.push_str("    }\n  }\n}\n\n");
    t.push_str("provider \"aws\" {\n  region = var.region\n\n");
    t.push_str("  # Tags on every resource, for traceability (guide:G5.3).\n");
    t.push_str("  default_tags {\n    tags = var.tags\n  }\n}\n");
    let _ = p;
    t
}

fn variable(t: &mut String, name: &str, kind: &str, description: &str, default: Option<String>) {
    let _ = writeln!(t, "variable \"{name}\" {{");
    let _ = writeln!(t, "  description = {}", hq(description));
    let _ = writeln!(t, "  type = {kind}");
    if let Some(d) = default {
        let _ = writeln!(t, "  default = {d}");
    }
    t.push_str("}\n\n");
}

fn hmap(m: &std::collections::BTreeMap<String, String>) -> String {
    if m.is_empty() {
        return "{}".into();
    }
    let mut s = String::from("{\n");
    for (k, v) in m {
        let _ = writeln!(s, "    {} = {}", hq(k), hq(v));
    }
    s.push_str("  }");
    s
}

fn variables(p: &Profile) -> String {
    let mut t = String::new();
    variable(&mut t, "region", "string", "AWS region of the cluster.", Some(hq(&p.region)));
    variable(&mut t, "cluster_name", "string", "Name of the EKS cluster.", Some(hq(&p.name)));
    variable(
        &mut t,
        "kubernetes_version",
        "string",
        "Kubernetes version, in EKS standard support (guide:G2.1).",
        Some(hq(p.version.version)),
    );
    t.push_str("variable \"private_subnet_ids\" {\n");
    t.push_str("  description = \"Private subnets, in at least two availability zones, for the control plane ENIs and the nodes (CIS 5.4.3, guide:G5.1).\"\n");
    t.push_str(
        "  type = list(string)\n\n  validation {\n    condition = length(var.private_subnet_ids) >= 2\n",
    );
    t.push_str("    error_message = \"Give at least two private subnets, in different availability zones.\"\n  }\n}\n\n");
    if let Endpoint::Restricted(cidrs) = &p.endpoint {
        variable(
            &mut t,
            "public_access_cidrs",
            "list(string)",
            "The only ranges that may reach the public API endpoint (CIS 5.4.1).",
            Some(hlist(cidrs)),
        );
    }
    if let Some(k) = &p.kms_key_arn {
        variable(
            &mut t,
            "kms_key_arn",
            "string",
            "Customer KMS key for Secrets encryption (CIS 5.3.1).",
            Some(hq(k)),
        );
    }
    variable(
        &mut t,
        "admin_role_arn",
        "string",
        "IAM role granted cluster admin through an access entry (guide:G4.2).",
        Some(hq(&p.admin_role_arn)),
    );
    variable(
        &mut t,
        "developer_role_arn",
        "string",
        "IAM role mapped to the read-only Kubernetes group developers (guide:G4.1).",
        Some(hq(&p.developer_role_arn)),
    );
    variable(
        &mut t,
        "node_instance_types",
        "list(string)",
        "EC2 instance types of the node group.",
        Some(hlist(&p.instance_types)),
    );
    variable(&mut t, "node_min_size", "number", "Minimum nodes.", Some(p.min.to_string()));
    variable(&mut t, "node_desired_size", "number", "Desired nodes.", Some(p.desired.to_string()));
    variable(&mut t, "node_max_size", "number", "Maximum nodes.", Some(p.max.to_string()));
    variable(&mut t, "tags", "map(string)", "Tags on every resource (guide:G5.3).", Some(hmap(&p.tags)));
    t.truncate(t.trim_end().len());
    t.push('\n');
    t
}

/// `assume_role_policy` trusting an AWS service.
fn service_trust(service: &str, tag_session: bool) -> String {
    let actions = if tag_session { "[\"sts:AssumeRole\", \"sts:TagSession\"]" } else { "\"sts:AssumeRole\"" };
    format!(
        "jsonencode({{\n    Version = \"2012-10-17\"\n    Statement = [{{\n      Effect = \"Allow\"\n      Principal = {{ Service = \"{service}\" }}\n      Action = {actions}\n    }}]\n  }})"
    )
}

/// A resource-safe name: `cluster-autoscaler` → `cluster_autoscaler`.
fn ident(key: &str) -> String {
    key.replace('-', "_")
}

/// Whether an instance type runs on Graviton (arm64): `m6g`, `c7gd`, `t4g`, `g5g`, `a1`.
#[must_use]
pub fn is_arm(instance_type: &str) -> bool {
    let family = instance_type.split('.').next().unwrap_or_default();
    if family == "a1" {
        return true;
    }
    let rest = family.trim_start_matches(|c: char| c.is_ascii_lowercase());
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.starts_with('g')
}

fn main(p: &Profile) -> String {
    let mut t = String::new();
    t.push_str(
        "# Hardened EKS cluster generated by `ladrillo init`; the same cluster as eksctl/cluster.yaml.\n",
    );
    t.push_str("# Apply with: terraform init && terraform apply\n\n");
    t.push_str("data \"aws_caller_identity\" \"current\" {}\n\ndata \"aws_partition\" \"current\" {}\n\n");
    t.push_str("locals {\n  account_id = data.aws_caller_identity.current.account_id\n");
    t.push_str("  partition = data.aws_partition.current.partition\n");
    t.push_str(
        "  oidc_issuer = replace(aws_eks_cluster.this.identity[0].oidc[0].issuer, \"https://\", \"\")\n",
    );
    let kms = if p.kms_key_arn.is_some() { "var.kms_key_arn" } else { "aws_kms_key.secrets.arn" };
    let _ = writeln!(t, "  kms_key_arn = {kms}");
    t.push_str("}\n\n");

    if p.kms_key_arn.is_none() {
        t.push_str(
            "# Customer KMS key for Secrets envelope encryption, rotated yearly (CIS 5.3.1, guide:G4.6).\n",
        );
        t.push_str("resource \"aws_kms_key\" \"secrets\" {\n");
        let _ = writeln!(t, "  description = {}", hq(&format!("EKS Secrets encryption for {}", p.name)));
        t.push_str("  enable_key_rotation = true\n  deletion_window_in_days = 30\n}\n\n");
        t.push_str("resource \"aws_kms_alias\" \"secrets\" {\n");
        let _ = writeln!(t, "  name = {}", hq(&format!("alias/{}", p.kms_alias())));
        t.push_str("  target_key_id = aws_kms_key.secrets.key_id\n}\n\n");
    }

    t.push_str("# Dedicated cluster role with AmazonEKSClusterPolicy (guide:G3.1).\n");
    t.push_str("resource \"aws_iam_role\" \"cluster\" {\n  name = \"${var.cluster_name}-cluster\"\n");
    let _ = writeln!(t, "  assume_role_policy = {}\n}}\n", service_trust("eks.amazonaws.com", true));
    for (id, policy) in [
        ("cluster_policy", "AmazonEKSClusterPolicy"),
        ("cluster_vpc_controller", "AmazonEKSVPCResourceController"),
    ] {
        let _ = write!(
            t,
            "resource \"aws_iam_role_policy_attachment\" \"{id}\" {{\n  role = aws_iam_role.cluster.name\n  policy_arn = \"arn:${{local.partition}}:iam::aws:policy/{policy}\"\n}}\n\n"
        );
    }

    t.push_str("# All five control-plane log types, kept a year (CIS 2.1.1, 2.1.2; guide:G5.2).\n");
    t.push_str("resource \"aws_cloudwatch_log_group\" \"cluster\" {\n  name = \"/aws/eks/${var.cluster_name}/cluster\"\n");
    let _ = writeln!(t, "  retention_in_days = {LOG_RETENTION_DAYS}\n}}\n");

    t.push_str("resource \"aws_eks_cluster\" \"this\" {\n  name = var.cluster_name\n  role_arn = aws_iam_role.cluster.arn\n");
    t.push_str("  version = var.kubernetes_version\n  tags = var.tags\n");
    let _ = writeln!(t, "  enabled_cluster_log_types = {}\n", hlist(&LOG_TYPES));
    t.push_str("  vpc_config {\n    subnet_ids = var.private_subnet_ids\n");
    match &p.endpoint {
        Endpoint::Private => {
            t.push_str(
                "    # API server reachable only from inside the VPC (CIS 5.4.1, 5.4.2; guide:G5.4).\n",
            );
            t.push_str("    endpoint_private_access = true\n    endpoint_public_access = false\n");
        }
        Endpoint::Restricted(_) => {
            t.push_str(
                "    # Private endpoint for nodes; the public one only for the given ranges (CIS 5.4.1).\n",
            );
            t.push_str("    endpoint_private_access = true\n    endpoint_public_access = true\n");
            t.push_str("    public_access_cidrs = var.public_access_cidrs\n");
        }
    }
    t.push_str("  }\n\n");
    t.push_str("  # Secrets envelope-encrypted with the customer key (CIS 5.3.1).\n");
    t.push_str("  encryption_config {\n    resources = [\"secrets\"]\n\n    provider {\n      key_arn = local.kms_key_arn\n    }\n  }\n\n");
    t.push_str(
        "  # Access entries only, and no hidden admin for the creator (CIS 4.1.1, 4.1.7; guide:G4.2).\n",
    );
    t.push_str("  access_config {\n    authentication_mode = \"API\"\n    bootstrap_cluster_creator_admin_permissions = false\n  }\n\n");
    t.push_str("  depends_on = [\n    aws_iam_role_policy_attachment.cluster_policy,\n    aws_iam_role_policy_attachment.cluster_vpc_controller,\n    aws_cloudwatch_log_group.cluster,\n  ]\n}\n\n");

    t.push_str("# OIDC provider for IAM Roles for Service Accounts (guide:G3.2, CIS 5.2.1).\n");
    t.push_str("resource \"aws_iam_openid_connect_provider\" \"eks\" {\n  url = aws_eks_cluster.this.identity[0].oidc[0].issuer\n");
    t.push_str("  client_id_list = [\"sts.amazonaws.com\"]\n}\n\n");

    // IRSA roles.
    for role in p.irsa_roles() {
        let id = ident(role.key);
        let _ = writeln!(
            t,
            "# IRSA role trusted only by {}/{} (guide:G3.2; iam/{}-trust.json).",
            role.namespace, role.service_account, role.key
        );
        let _ = write!(
            t,
            "resource \"aws_iam_role\" \"{id}\" {{\n  name = \"${{var.cluster_name}}-{}\"\n  assume_role_policy = jsonencode({{\n    Version = \"2012-10-17\"\n    Statement = [{{\n      Effect = \"Allow\"\n      Principal = {{ Federated = aws_iam_openid_connect_provider.eks.arn }}\n      Action = \"sts:AssumeRoleWithWebIdentity\"\n      Condition = {{\n        StringEquals = {{\n          \"${{local.oidc_issuer}}:aud\" = \"sts.amazonaws.com\"\n          \"${{local.oidc_issuer}}:sub\" = \"system:serviceaccount:{}:{}\"\n        }}\n      }}\n    }}]\n  }})\n}}\n\n",
            role.key, role.namespace, role.service_account
        );
        for (i, policy) in role.managed_policies.iter().enumerate() {
            let policy = policy.replacen("arn:aws:", "arn:${local.partition}:", 1);
            let suffix = if i == 0 { String::new() } else { format!("_{i}") };
            let _ = write!(
                t,
                "resource \"aws_iam_role_policy_attachment\" \"{id}{suffix}\" {{\n  role = aws_iam_role.{id}.name\n  policy_arn = \"{policy}\"\n}}\n\n"
            );
        }
        if role.custom_policy {
            let policy = super::iam::permission_policy(p, role.key);
            let _ = writeln!(t, "# Least-privilege permissions (iam/{}-policy.json).", role.key);
            let _ = write!(
                t,
                "resource \"aws_iam_role_policy\" \"{id}\" {{\n  name = \"{}\"\n  role = aws_iam_role.{id}.id\n  policy = jsonencode({})\n}}\n\n",
                role.key,
                hcl_value(&policy, 1, p)
            );
        }
    }

    // Nodes.
    t.push_str("# Node role: pull images, join the cluster, SSM instead of SSH; the CNI policy is on the\n");
    t.push_str("# vpc-cni IRSA role, not on every node (CIS 5.1.3, guide:G3.2).\n");
    t.push_str("resource \"aws_iam_role\" \"node\" {\n  name = \"${var.cluster_name}-node\"\n");
    let _ = writeln!(t, "  assume_role_policy = {}\n}}\n", service_trust("ec2.amazonaws.com", false));
    let node_policies = [
        ("node_worker", "AmazonEKSWorkerNodePolicy"),
        ("node_registry", "AmazonEC2ContainerRegistryPullOnly"),
        ("node_ssm", "AmazonSSMManagedInstanceCore"),
    ];
    for (id, policy) in node_policies {
        let _ = write!(
            t,
            "resource \"aws_iam_role_policy_attachment\" \"{id}\" {{\n  role = aws_iam_role.node.name\n  policy_arn = \"arn:${{local.partition}}:iam::aws:policy/{policy}\"\n}}\n\n"
        );
    }

    t.push_str("# IMDSv2 only with hop limit 1, so pods cannot take the node's role; encrypted gp3 root\n");
    t.push_str("# volumes; no SSH key (guide:G3.2, G4.7).\n");
    t.push_str("resource \"aws_launch_template\" \"nodes\" {\n  name_prefix = \"${var.cluster_name}-nodes-\"\n  update_default_version = true\n\n");
    t.push_str("  metadata_options {\n    http_endpoint = \"enabled\"\n    http_tokens = \"required\"\n    http_put_response_hop_limit = 1\n  }\n\n");
    t.push_str("  block_device_mappings {\n    device_name = \"/dev/xvda\"\n\n    ebs {\n");
    let _ = writeln!(t, "      volume_size = {VOLUME_SIZE}");
    t.push_str("      volume_type = \"gp3\"\n      encrypted = true\n      delete_on_termination = true\n    }\n  }\n}\n\n");

    let ami = if p.instance_types.iter().any(|i| is_arm(i)) {
        "AL2023_ARM_64_STANDARD"
    } else {
        "AL2023_x86_64_STANDARD"
    };
    t.push_str(
        "# Managed nodes in private subnets over several zones, rolling updates (CIS 5.4.3; guide:G5.1).\n",
    );
    let _ = writeln!(t, "resource \"aws_eks_node_group\" \"{}\" {{", ident(&p.nodegroup));
    t.push_str("  cluster_name = aws_eks_cluster.this.name\n");
    let _ = writeln!(t, "  node_group_name = {}", hq(&p.nodegroup));
    t.push_str("  node_role_arn = aws_iam_role.node.arn\n  subnet_ids = var.private_subnet_ids\n");
    let _ = writeln!(t, "  ami_type = \"{ami}\"");
    let _ = writeln!(t, "  capacity_type = \"{}\"", if p.spot { "SPOT" } else { "ON_DEMAND" });
    t.push_str("  instance_types = var.node_instance_types\n\n");
    t.push_str("  scaling_config {\n    min_size = var.node_min_size\n    desired_size = var.node_desired_size\n    max_size = var.node_max_size\n  }\n\n");
    t.push_str("  update_config {\n    max_unavailable_percentage = 33\n  }\n\n");
    t.push_str("  launch_template {\n    id = aws_launch_template.nodes.id\n    version = aws_launch_template.nodes.latest_version\n  }\n\n");
    if !p.karpenter {
        t.push_str("  # Cluster Autoscaler auto-discovery tags (guide:G3.6).\n  tags = {\n");
        t.push_str("    \"k8s.io/cluster-autoscaler/enabled\" = \"true\"\n");
        t.push_str("    \"k8s.io/cluster-autoscaler/${var.cluster_name}\" = \"owned\"\n  }\n\n");
    }
    t.push_str("  # Desired size is the autoscaler's to change after creation.\n  lifecycle {\n    ignore_changes = [scaling_config[0].desired_size]\n  }\n\n");
    t.push_str("  depends_on = [\n    aws_iam_role_policy_attachment.node_worker,\n    aws_iam_role_policy_attachment.node_registry,\n    aws_eks_addon.vpc_cni,\n  ]\n}\n\n");

    if p.karpenter {
        t.push_str(
            "# Nodes launched by Karpenter: same node policies, joined through an EC2 access entry.\n",
        );
        t.push_str("resource \"aws_iam_role\" \"karpenter_node\" {\n");
        let _ = writeln!(t, "  name = \"${{var.cluster_name}}-karpenter-node\"");
        let _ = writeln!(t, "  assume_role_policy = {}\n}}\n", service_trust("ec2.amazonaws.com", false));
        for (id, policy) in node_policies {
            let _ = write!(
                t,
                "resource \"aws_iam_role_policy_attachment\" \"karpenter_{id}\" {{\n  role = aws_iam_role.karpenter_node.name\n  policy_arn = \"arn:${{local.partition}}:iam::aws:policy/{policy}\"\n}}\n\n"
            );
        }
    }

    // Add-ons.
    let _ = writeln!(
        t,
        "# EKS managed add-ons at builds published for Kubernetes {} (guide:G2.1, G3.3).",
        p.version.version
    );
    for (name, version) in super::eksctl::addons(p) {
        let id = ident(name);
        let _ = writeln!(t, "resource \"aws_eks_addon\" \"{id}\" {{");
        t.push_str("  cluster_name = aws_eks_cluster.this.name\n");
        let _ = writeln!(t, "  addon_name = \"{name}\"");
        if let Some(v) = version {
            let _ = writeln!(t, "  addon_version = {}", hq(v));
        }
        t.push_str(
            "  resolve_conflicts_on_create = \"OVERWRITE\"\n  resolve_conflicts_on_update = \"PRESERVE\"\n",
        );
        match name {
            "vpc-cni" => {
                t.push_str("  service_account_role_arn = aws_iam_role.vpc_cni.arn\n\n");
                t.push_str("  # Network policy agent, so NetworkPolicies are enforced (CIS 4.3.1, 5.4.4).\n");
                t.push_str("  configuration_values = jsonencode({ enableNetworkPolicy = \"true\" })\n");
            }
            "aws-ebs-csi-driver" => t.push_str("  service_account_role_arn = aws_iam_role.ebs_csi_driver.arn\n\n  depends_on = [aws_eks_node_group.NG]\n"),
            "amazon-cloudwatch-observability" => {
                t.push_str("  service_account_role_arn = aws_iam_role.cloudwatch_agent.arn\n\n  depends_on = [aws_eks_node_group.NG]\n");
            }
            "coredns" | "metrics-server" | "aws-guardduty-agent" => t.push_str("\n  depends_on = [aws_eks_node_group.NG]\n"),
            _ => {}
        }
        t.push_str("}\n\n");
    }

    t.push_str("# A dedicated admin role, not the creator (CIS 4.1.1).\n");
    t.push_str("resource \"aws_eks_access_entry\" \"admin\" {\n  cluster_name = aws_eks_cluster.this.name\n  principal_arn = var.admin_role_arn\n  type = \"STANDARD\"\n}\n\n");
    t.push_str("resource \"aws_eks_access_policy_association\" \"admin\" {\n  cluster_name = aws_eks_cluster.this.name\n  principal_arn = aws_eks_access_entry.admin.principal_arn\n");
    let _ = writeln!(t, "  policy_arn = \"{CLUSTER_ADMIN_POLICY}\"\n");
    t.push_str("  access_scope {\n    type = \"cluster\"\n  }\n}\n\n");
    t.push_str("# Developers: a Kubernetes group bound read-only per namespace in manifests/rbac.yaml (guide:G4.1).\n");
    t.push_str("resource \"aws_eks_access_entry\" \"developers\" {\n  cluster_name = aws_eks_cluster.this.name\n  principal_arn = var.developer_role_arn\n  type = \"STANDARD\"\n");
    let _ = writeln!(t, "  kubernetes_groups = [\"{DEVELOPERS_GROUP}\"]\n}}");
    if p.karpenter {
        t.push_str("\n# Nodes Karpenter launches join through an EC2 access entry.\n");
        t.push_str("resource \"aws_eks_access_entry\" \"karpenter_node\" {\n  cluster_name = aws_eks_cluster.this.name\n");
        t.push_str("  principal_arn = aws_iam_role.karpenter_node.arn\n  type = \"EC2_LINUX\"\n}\n");
    }
    t.replace("aws_eks_node_group.NG", &format!("aws_eks_node_group.{}", ident(&p.nodegroup)))
}

fn outputs(p: &Profile) -> String {
    let mut t = String::new();
    let mut out = |name: &str, value: &str, description: &str| {
        let _ =
            write!(t, "output \"{name}\" {{\n  description = {}\n  value = {value}\n}}\n\n", hq(description));
    };
    out("cluster_name", "aws_eks_cluster.this.name", "Name of the cluster.");
    out("cluster_endpoint", "aws_eks_cluster.this.endpoint", "API server endpoint.");
    out("oidc_provider_arn", "aws_iam_openid_connect_provider.eks.arn", "OIDC provider for IRSA.");
    out("kms_key_arn", "local.kms_key_arn", "KMS key encrypting Secrets.");
    for role in p.irsa_roles() {
        let id = ident(role.key);
        out(
            &format!("{id}_role_arn"),
            &format!("aws_iam_role.{id}.arn"),
            &format!("IRSA role of {}/{}.", role.namespace, role.service_account),
        );
    }
    t.truncate(t.trim_end().len());
    t.push('\n');
    t
}

/// A JSON value as an HCL expression for `jsonencode(...)`, the account id turned into
/// `local.account_id` and the partition into `local.partition`.
fn hcl_value(v: &Value, level: usize, p: &Profile) -> String {
    let pad = "  ".repeat(level);
    let inner = "  ".repeat(level + 1);
    let string = |s: &str| {
        let mut out = hq(s)
            .replace(&p.account_id, "${local.account_id}")
            .replace("arn:aws:", "arn:${local.partition}:")
            .replace(&format!(":{}:", p.region), ":${var.region}:");
        // The cluster name where policies scope to it, so a changed variable keeps them right.
        for prefix in ["cluster/", "cluster-autoscaler/", "kubernetes.io/cluster/", "secret:"] {
            out = out.replace(&format!("{prefix}{}", p.name), &format!("{prefix}${{var.cluster_name}}"));
        }
        out = out.replace(&format!("role/{}-", p.name), "role/${var.cluster_name}-");
        out
    };
    match v {
        Value::String(s) if *s == p.region => "var.region".to_string(),
        Value::String(s) => string(s),
        Value::Array(a) if a.iter().all(|x| !x.is_object() && !x.is_array()) => {
            let items: Vec<String> = a.iter().map(|x| hcl_value(x, level, p)).collect();
            let one = format!("[{}]", items.join(", "));
            if one.len() + pad.len() < 100 {
                one
            } else {
                let mut s = String::from("[\n");
                for i in items {
                    let _ = writeln!(s, "{inner}{i},");
                }
                let _ = write!(s, "{pad}]");
                s
            }
        }
        Value::Array(a) => {
            let mut s = String::from("[\n");
            for x in a {
                let _ = writeln!(s, "{inner}{},", hcl_value(x, level + 1, p));
            }
            let _ = write!(s, "{pad}]");
            s
        }
        Value::Object(m) => {
            let mut s = String::from("{\n");
            for (k, x) in m {
                let key = if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    k.clone()
                } else {
                    string(k)
                };
                let _ = writeln!(s, "{inner}{key} = {}", hcl_value(x, level + 1, p));
            }
            let _ = write!(s, "{pad}}}");
            s
        }
        other => other.to_string(),
    }
}

/// Aligns the `=` of consecutive one-line attributes, as `terraform fmt` does: a line takes part
/// when its right-hand side opens and closes all its brackets; any other line ends the run.
#[must_use]
pub fn align(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let parsed: Vec<Option<(usize, usize)>> = lines.iter().map(|l| assignment(l)).collect();
    let mut out = String::with_capacity(text.len() + 256);
    let mut i = 0;
    while i < lines.len() {
        if parsed[i].is_none() {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && parsed[i].is_some() {
            i += 1;
        }
        let width = parsed[start..i].iter().flatten().map(|(key_end, _)| *key_end).max().unwrap_or(0);
        for (line, a) in lines[start..i].iter().zip(&parsed[start..i]) {
            let Some((key_end, rhs)) = *a else { continue };
            let _ = writeln!(out, "{}{} = {}", &line[..key_end], " ".repeat(width - key_end), &line[rhs..]);
        }
    }
    out
}

/// For `  key = value` with balanced brackets in `value`: (end of key, start of value).
fn assignment(line: &str) -> Option<(usize, usize)> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') || trimmed.is_empty() {
        return None;
    }
    let eq = find_top_level_eq(line)?;
    let key_end = line[..eq].trim_end().len();
    if key_end == 0 || line[..key_end].trim().is_empty() {
        return None;
    }
    let rhs = eq + 1 + (line[eq + 1..].len() - line[eq + 1..].trim_start().len());
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    for c in line[rhs..].chars() {
        if in_str {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth -= 1,
            _ => {}
        }
    }
    (depth == 0).then_some((key_end, rhs))
}

/// The first `=` outside a string that is not part of `==`, `<=`, `>=`, `!=`.
fn find_top_level_eq(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut in_str = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if in_str {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
        } else if c == b'"' {
            in_str = true;
        } else if c == b'=' {
            let prev = if i > 0 { b[i - 1] } else { b' ' };
            let next = b.get(i + 1).copied().unwrap_or(b' ');
            if next != b'=' && !matches!(prev, b'=' | b'<' | b'>' | b'!') {
                return Some(i);
            }
            return None;
        } else if matches!(c, b'{' | b'(' | b'[') {
            return None;
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graviton_families() {
        for t in ["m6g.large", "c7gd.xlarge", "t4g.medium", "g5g.xlarge", "a1.large", "r8g.large"] {
            assert!(is_arm(t), "{t}");
        }
        for t in ["m5.large", "t3.medium", "g4dn.xlarge", "c6i.large", "m7a.large"] {
            assert!(!is_arm(t), "{t}");
        }
    }

    #[test]
    fn aligns_runs_of_one_line_attributes() {
        let got = align("x {\n  a = 1\n  long_name = \"v\"\n  b = {\n    c = 1\n  }\n}\n");
        assert_eq!(got, "x {\n  a         = 1\n  long_name = \"v\"\n  b = {\n    c = 1\n  }\n}\n");
    }
}
