//! The EKS managed add-ons in `terraform/main.tf`, the same list as eksctl's.

use std::fmt::Write as _;

use super::hcl;
use super::nodes::node_group_id;
use crate::generate::addons::addons as bundle_addons;
use crate::generate::profile::Profile;
use crate::generate::text::{comment, hq};
use crate::i18n::{Lang, text};

pub fn addons(t: &mut String, p: &Profile, lang: Lang) {
    t.push_str(&comment("", &crate::t!(lang, "gen-tf-addons", version = p.version.name())));
    let after_nodes = format!("\n  depends_on = [aws_eks_node_group.{}]\n", node_group_id(p));
    for (name, version) in bundle_addons(p) {
        let _ = writeln!(t, "resource \"aws_eks_addon\" \"{}\" {{", hcl::ident(name));
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
                t.push_str(&comment("  ", &text(lang, "gen-tf-network-policy-agent")));
                t.push_str("  configuration_values = jsonencode({ enableNetworkPolicy = \"true\" })\n");
            }
            "aws-ebs-csi-driver" => {
                t.push_str("  service_account_role_arn = aws_iam_role.ebs_csi_driver.arn\n");
                t.push_str(&after_nodes);
            }
            "amazon-cloudwatch-observability" => {
                t.push_str("  service_account_role_arn = aws_iam_role.cloudwatch_agent.arn\n");
                t.push_str(&after_nodes);
            }
            "coredns" | "metrics-server" | "aws-guardduty-agent" => t.push_str(&after_nodes),
            _ => {}
        }
        t.push_str("}\n\n");
    }
}
