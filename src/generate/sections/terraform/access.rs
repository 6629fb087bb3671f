//! Access entries in `terraform/main.tf`: the admin role, the developers' group, and
//! Karpenter's nodes.

use std::fmt::Write as _;

use crate::generate::facts::CLUSTER_ADMIN_POLICY;
use crate::generate::names::DEVELOPERS_GROUP;
use crate::generate::profile::Profile;

pub fn entries(t: &mut String, p: &Profile) {
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
}
