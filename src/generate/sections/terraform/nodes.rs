//! Nodes in `terraform/main.tf`: the node role, the launch template, the managed node group and
//! the role of Karpenter's nodes.

use std::fmt::Write as _;

use super::cluster::managed_policy;
use super::hcl;
use crate::analysis::maxpods::Architecture;
use crate::generate::names::VOLUME_SIZE;
use crate::generate::profile::Profile;
use crate::generate::text::{comment, hq};
use crate::i18n::{Lang, text};

/// Policies of every node role: pull images, join the cluster, SSM instead of SSH.
const NODE_POLICIES: [(&str, &str); 3] = [
    ("node_worker", "AmazonEKSWorkerNodePolicy"),
    ("node_registry", "AmazonEC2ContainerRegistryPullOnly"),
    ("node_ssm", "AmazonSSMManagedInstanceCore"),
];

pub fn node_role(t: &mut String, lang: Lang) {
    t.push_str(&comment("", &text(lang, "gen-tf-node-role")));
    t.push_str("resource \"aws_iam_role\" \"node\" {\n  name = \"${var.cluster_name}-node\"\n");
    let _ = writeln!(t, "  assume_role_policy = {}\n}}\n", hcl::service_trust("ec2.amazonaws.com", false));
    for (id, policy) in NODE_POLICIES {
        managed_policy(t, id, "node", policy);
    }
}

pub fn launch_template(t: &mut String, lang: Lang) {
    t.push_str(&comment("", &text(lang, "gen-tf-launch-template")));
    t.push_str("resource \"aws_launch_template\" \"nodes\" {\n  name_prefix = \"${var.cluster_name}-nodes-\"\n  update_default_version = true\n\n");
    t.push_str("  metadata_options {\n    http_endpoint = \"enabled\"\n    http_tokens = \"required\"\n    http_put_response_hop_limit = 1\n  }\n\n");
    t.push_str("  block_device_mappings {\n    device_name = \"/dev/xvda\"\n\n    ebs {\n");
    let _ = writeln!(t, "      volume_size = {VOLUME_SIZE}");
    t.push_str("      volume_type = \"gp3\"\n      encrypted = true\n      delete_on_termination = true\n    }\n  }\n}\n\n");
}

/// The resource name of the managed node group.
pub fn node_group_id(p: &Profile) -> String {
    hcl::ident(&p.nodegroup)
}

pub fn node_group(t: &mut String, p: &Profile, lang: Lang) {
    let ami = match p.architecture {
        Architecture::Arm64 => "AL2023_ARM_64_STANDARD",
        Architecture::Amd64 => "AL2023_x86_64_STANDARD",
    };
    t.push_str(&comment("", &text(lang, "gen-tf-node-group")));
    let _ = writeln!(t, "resource \"aws_eks_node_group\" \"{}\" {{", node_group_id(p));
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
        t.push_str(&comment("  ", &text(lang, "gen-autoscaler-tags")));
        t.push_str("  tags = {\n");
        t.push_str("    \"k8s.io/cluster-autoscaler/enabled\" = \"true\"\n");
        t.push_str("    \"k8s.io/cluster-autoscaler/${var.cluster_name}\" = \"owned\"\n  }\n\n");
    }
    t.push_str(&comment("  ", &text(lang, "gen-tf-desired-size")));
    t.push_str("  lifecycle {\n    ignore_changes = [scaling_config[0].desired_size]\n  }\n\n");
    t.push_str("  depends_on = [\n    aws_iam_role_policy_attachment.node_worker,\n    aws_iam_role_policy_attachment.node_registry,\n    aws_eks_addon.vpc_cni,\n  ]\n}\n\n");
}

pub fn karpenter_node_role(t: &mut String, lang: Lang) {
    t.push_str(&comment("", &text(lang, "gen-tf-karpenter-node-role")));
    t.push_str("resource \"aws_iam_role\" \"karpenter_node\" {\n");
    let _ = writeln!(t, "  name = \"${{var.cluster_name}}-karpenter-node\"");
    let _ = writeln!(t, "  assume_role_policy = {}\n}}\n", hcl::service_trust("ec2.amazonaws.com", false));
    for (id, policy) in NODE_POLICIES {
        managed_policy(t, &format!("karpenter_{id}"), "karpenter_node", policy);
    }
}
