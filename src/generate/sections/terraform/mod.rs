//! `terraform/`: the same cluster as plain `aws_*` resources (eks-facts §5): KMS key with
//! rotation, cluster and node IAM roles, cluster, launch template, managed node group, OIDC
//! provider, IRSA roles, add-ons and access entries; subnets are variables. The text is
//! written already in `terraform fmt` layout (aligned `=` in runs of one-line attributes).

mod access;
mod addons;
mod cluster;
mod hcl;
mod irsa;
mod layout;
mod nodes;
mod variables;

use std::fmt::Write as _;

use crate::generate::profile::Profile;
use crate::generate::section::{File, IrsaRole, Plan, Section};
use crate::generate::text::{comment, hq};
use crate::i18n::{Lang, text};

/// The AWS provider major the files are written for (`access_config`, `aws_eks_access_entry`,
/// `bootstrap_self_managed_addons` exist in it).
pub const AWS_PROVIDER: &str = "~> 6.0";

pub struct Terraform;

impl Section for Terraform {
    fn files(&self, plan: &Plan) -> Vec<File> {
        let (p, lang) = (plan.profile, plan.lang);
        let file = |name: &str, text: String| File::new(format!("terraform/{name}"), layout::align(&text));
        vec![
            file("versions.tf", versions(lang)),
            file("variables.tf", variables::tf(p, lang)),
            file("main.tf", main(p, lang, &plan.roles)),
            file("outputs.tf", outputs(&plan.roles, lang)),
        ]
    }
}

fn versions(lang: Lang) -> String {
    let mut t = String::new();
    t.push_str("terraform {\n  required_version = \">= 1.5.0\"\n\n  required_providers {\n    aws = {\n");
    t.push_str("      source = \"hashicorp/aws\"\n");
    let _ = writeln!(t, "      version = {}", hq(AWS_PROVIDER));
    t.push_str("    }\n  }\n}\n\n");
    t.push_str("provider \"aws\" {\n  region = var.region\n\n");
    t.push_str(&comment("  ", &text(lang, "gen-tf-default-tags")));
    t.push_str("  default_tags {\n    tags = var.tags\n  }\n}\n");
    t
}

fn main(p: &Profile, lang: Lang, roles: &[IrsaRole]) -> String {
    let mut t = String::new();
    cluster::header(&mut t, p, lang);
    cluster::kms_key(&mut t, p, lang);
    cluster::cluster(&mut t, p, lang);
    cluster::oidc_provider(&mut t, lang);
    for role in roles {
        irsa::role(&mut t, p, lang, role);
    }
    nodes::node_role(&mut t, lang);
    nodes::launch_template(&mut t, lang);
    nodes::node_group(&mut t, p, lang);
    if p.karpenter {
        nodes::karpenter_node_role(&mut t, lang);
    }
    addons::addons(&mut t, p, lang);
    access::entries(&mut t, p, lang);
    t
}

fn outputs(roles: &[IrsaRole], lang: Lang) -> String {
    let mut t = String::new();
    let mut out = |name: &str, value: &str, description: &str| {
        let _ =
            write!(t, "output \"{name}\" {{\n  description = {}\n  value = {value}\n}}\n\n", hq(description));
    };
    out("cluster_name", "aws_eks_cluster.this.name", &text(lang, "gen-tf-output-cluster-name"));
    out("cluster_endpoint", "aws_eks_cluster.this.endpoint", &text(lang, "gen-tf-output-endpoint"));
    out("oidc_provider_arn", "aws_iam_openid_connect_provider.eks.arn", &text(lang, "gen-tf-output-oidc"));
    out("kms_key_arn", "local.kms_key_arn", &text(lang, "gen-tf-output-kms"));
    for role in roles {
        let id = hcl::ident(role.key);
        let account = format!("{}/{}", role.namespace, role.service_account);
        out(
            &format!("{id}_role_arn"),
            &format!("aws_iam_role.{id}.arn"),
            &crate::t!(lang, "gen-tf-output-irsa-role", account = account),
        );
    }
    t.truncate(t.trim_end().len());
    t.push('\n');
    t
}
