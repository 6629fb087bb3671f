use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags cluster IAM roles, when their policies are known, without `AmazonEKSClusterPolicy`.
    ///
    /// ## Why is this bad?
    /// The control plane uses this role to manage ENIs, load balancers and security groups.
    /// Without the managed policy it needs an equivalent hand-written one, which drifts as EKS
    /// adds features (before October 2023 the managed policy was mandatory). The guide asks for a
    /// dedicated cluster role with `AmazonEKSClusterPolicy`.
    ///
    /// ## How to fix
    /// Attach `arn:aws:iam::aws:policy/AmazonEKSClusterPolicy` to the cluster role.
    ///
    /// ## Example
    /// ```hcl
    /// resource "aws_iam_role_policy_attachment" "cluster" {
    ///   policy_arn = "arn:aws:iam::aws:policy/AmazonEKSServicePolicy"   # flagged
    ///   role       = aws_iam_role.cluster.name
    /// }
    /// ```
    pub struct ClusterRoleMissingPolicy {
        code: "EKS020",
        name: "cluster-role-missing-policy",
        group: Eks,
        severity: Low,
        guide: ["G3.1"],
        references: [],
    }
}

impl Rule for ClusterRoleMissingPolicy {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        let has = |p: &String| p.rsplit('/').next() == Some("AmazonEKSClusterPolicy");
        if c.cluster_role.policies.is(|ps| !ps.iter().any(has)) {
            cx.report_field(
                self,
                c,
                &c.cluster_role.policies,
                format!("the IAM role of {} lacks AmazonEKSClusterPolicy", c.describe()),
            )
            .help("attach the AmazonEKSClusterPolicy managed policy to the cluster role");
        }
    }
}
