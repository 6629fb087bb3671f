//! The cluster itself in `terraform/main.tf`: locals, the KMS key, the cluster role, the log
//! group, `aws_eks_cluster` and the OIDC provider.

use std::fmt::Write as _;

use super::hcl;
use crate::generate::facts::log_types;
use crate::generate::names::LOG_RETENTION_DAYS;
use crate::generate::profile::{Endpoint, Profile};
use crate::generate::text::{comment, hlist, hq};
use crate::i18n::{Lang, text};

pub fn header(t: &mut String, p: &Profile, lang: Lang) {
    t.push_str(&comment("", &text(lang, "gen-tf-header")));
    t.push('\n');
    t.push_str("data \"aws_caller_identity\" \"current\" {}\n\ndata \"aws_partition\" \"current\" {}\n\n");
    t.push_str("locals {\n  account_id = data.aws_caller_identity.current.account_id\n");
    t.push_str("  partition = data.aws_partition.current.partition\n");
    t.push_str(
        "  oidc_issuer = replace(aws_eks_cluster.this.identity[0].oidc[0].issuer, \"https://\", \"\")\n",
    );
    let kms = if p.kms_key_arn.is_some() { "var.kms_key_arn" } else { "aws_kms_key.secrets.arn" };
    let _ = writeln!(t, "  kms_key_arn = {kms}");
    t.push_str("}\n\n");
}

/// The key the bundle creates when the user gave none.
pub fn kms_key(t: &mut String, p: &Profile, lang: Lang) {
    if p.kms_key_arn.is_some() {
        return;
    }
    t.push_str(&comment("", &text(lang, "gen-tf-kms-key")));
    t.push_str("resource \"aws_kms_key\" \"secrets\" {\n");
    let description = crate::t!(lang, "gen-tf-kms-key-description", name = p.name.as_str());
    let _ = writeln!(t, "  description = {}", hq(&description));
    t.push_str("  enable_key_rotation = true\n  deletion_window_in_days = 30\n}\n\n");
    t.push_str("resource \"aws_kms_alias\" \"secrets\" {\n");
    let _ = writeln!(t, "  name = {}", hq(&format!("alias/{}", p.kms_alias())));
    t.push_str("  target_key_id = aws_kms_key.secrets.key_id\n}\n\n");
}

/// The cluster role, the log group and the cluster.
pub fn cluster(t: &mut String, p: &Profile, lang: Lang) {
    t.push_str(&comment("", &text(lang, "gen-tf-cluster-role")));
    t.push_str("resource \"aws_iam_role\" \"cluster\" {\n  name = \"${var.cluster_name}-cluster\"\n");
    let _ = writeln!(t, "  assume_role_policy = {}\n}}\n", hcl::service_trust("eks.amazonaws.com", true));
    for (id, policy) in [
        ("cluster_policy", "AmazonEKSClusterPolicy"),
        ("cluster_vpc_controller", "AmazonEKSVPCResourceController"),
    ] {
        managed_policy(t, id, "cluster", policy);
    }

    t.push_str(&comment("", &text(lang, "gen-logs")));
    t.push_str(
        "resource \"aws_cloudwatch_log_group\" \"cluster\" {\n  name = \"/aws/eks/${var.cluster_name}/cluster\"\n",
    );
    let _ = writeln!(t, "  retention_in_days = {LOG_RETENTION_DAYS}\n}}\n");

    t.push_str(
        "resource \"aws_eks_cluster\" \"this\" {\n  name = var.cluster_name\n  role_arn = aws_iam_role.cluster.arn\n",
    );
    t.push_str("  version = var.kubernetes_version\n  tags = var.tags\n");
    let _ = writeln!(t, "  enabled_cluster_log_types = {}\n", hlist(&log_types()));
    vpc_config(t, p, lang);
    upgrade_policy(t, p, lang);
    t.push_str(&comment("  ", &text(lang, "gen-tf-secrets")));
    t.push_str("  encryption_config {\n    resources = [\"secrets\"]\n\n    provider {\n      key_arn = local.kms_key_arn\n    }\n  }\n\n");
    t.push_str(&comment("  ", &text(lang, "gen-tf-access-entries")));
    t.push_str("  access_config {\n    authentication_mode = \"API\"\n    bootstrap_cluster_creator_admin_permissions = false\n  }\n\n");
    t.push_str("  depends_on = [\n    aws_iam_role_policy_attachment.cluster_policy,\n    aws_iam_role_policy_attachment.cluster_vpc_controller,\n    aws_cloudwatch_log_group.cluster,\n  ]\n}\n\n");
}

/// An AWS managed policy attached to one of the bundle's roles.
pub fn managed_policy(t: &mut String, id: &str, role: &str, policy: &str) {
    let _ = write!(
        t,
        "resource \"aws_iam_role_policy_attachment\" \"{id}\" {{\n  role = aws_iam_role.{role}.name\n  policy_arn = \"arn:${{local.partition}}:iam::aws:policy/{policy}\"\n}}\n\n"
    );
}

/// What happens at the end of standard support, as in eksctl/cluster.yaml.
fn upgrade_policy(t: &mut String, p: &Profile, lang: Lang) {
    let (id, kind) = if p.extended_support {
        ("gen-tf-upgrade-extended", "EXTENDED")
    } else {
        ("gen-tf-upgrade-standard", "STANDARD")
    };
    t.push_str(&comment("  ", &text(lang, id)));
    let _ = writeln!(t, "  upgrade_policy {{\n    support_type = \"{kind}\"\n  }}\n");
}

fn vpc_config(t: &mut String, p: &Profile, lang: Lang) {
    t.push_str("  vpc_config {\n    subnet_ids = var.private_subnet_ids\n");
    match &p.endpoint {
        Endpoint::Private => {
            t.push_str(&comment("    ", &text(lang, "gen-tf-private-endpoint")));
            t.push_str("    endpoint_private_access = true\n    endpoint_public_access = false\n");
        }
        Endpoint::Restricted(_) => {
            t.push_str(&comment("    ", &text(lang, "gen-tf-restricted-endpoint")));
            t.push_str("    endpoint_private_access = true\n    endpoint_public_access = true\n");
            t.push_str("    public_access_cidrs = var.public_access_cidrs\n");
        }
    }
    t.push_str("  }\n\n");
}

pub fn oidc_provider(t: &mut String, lang: Lang) {
    t.push_str(&comment("", &text(lang, "gen-tf-oidc")));
    t.push_str("resource \"aws_iam_openid_connect_provider\" \"eks\" {\n  url = aws_eks_cluster.this.identity[0].oidc[0].issuer\n");
    t.push_str("  client_id_list = [\"sts.amazonaws.com\"]\n}\n\n");
}
