//! Access entries in `terraform/main.tf`: the admin role, the developers' group, and
//! Karpenter's nodes.

use std::fmt::Write as _;

use crate::generate::facts::CLUSTER_ADMIN_POLICY;
use crate::generate::names::DEVELOPERS_GROUP;
use crate::generate::profile::Profile;
use crate::generate::text::comment;
use crate::i18n::{Lang, text};

pub fn entries(t: &mut String, p: &Profile, lang: Lang) {
    t.push_str(&comment("", &text(lang, "gen-tf-admin-role")));
    t.push_str("resource \"aws_eks_access_entry\" \"admin\" {\n  cluster_name = aws_eks_cluster.this.name\n  principal_arn = var.admin_role_arn\n  type = \"STANDARD\"\n}\n\n");
    t.push_str("resource \"aws_eks_access_policy_association\" \"admin\" {\n  cluster_name = aws_eks_cluster.this.name\n  principal_arn = aws_eks_access_entry.admin.principal_arn\n");
    let _ = writeln!(t, "  policy_arn = \"{CLUSTER_ADMIN_POLICY}\"\n");
    t.push_str("  access_scope {\n    type = \"cluster\"\n  }\n}\n\n");
    t.push_str(&comment("", &text(lang, "gen-tf-developers")));
    t.push_str("resource \"aws_eks_access_entry\" \"developers\" {\n  cluster_name = aws_eks_cluster.this.name\n  principal_arn = var.developer_role_arn\n  type = \"STANDARD\"\n");
    let _ = writeln!(t, "  kubernetes_groups = [\"{DEVELOPERS_GROUP}\"]\n}}");
    if p.karpenter {
        t.push('\n');
        t.push_str(&comment("", &text(lang, "gen-tf-karpenter-nodes")));
        t.push_str("resource \"aws_eks_access_entry\" \"karpenter_node\" {\n  cluster_name = aws_eks_cluster.this.name\n");
        t.push_str("  principal_arn = aws_iam_role.karpenter_node.arn\n  type = \"EC2_LINUX\"\n}\n");
    }
}
