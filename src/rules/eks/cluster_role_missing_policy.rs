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
                crate::msg!("rule-eks020-message", cluster = super::cluster(c)),
            )
            .help(crate::msg!("rule-eks020-help"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cluster::{Field, Place, SourceKind};
    use crate::rules::RuleOptions;

    fn findings(policies: Field<Vec<String>>) -> usize {
        let mut c = Cluster::unknown(SourceKind::Terraform, Place::nowhere(), "test");
        c.cluster_role.policies = policies;
        let options = RuleOptions::default();
        let mut cx = Context::new(&options);
        ClusterRoleMissingPolicy.check_cluster(&mut cx, &c);
        cx.into_findings().len()
    }

    #[test]
    fn fires_only_on_known_policies_without_the_cluster_policy() {
        let known = |p: &[&str]| Field::known(p.iter().map(ToString::to_string).collect(), Place::nowhere());
        assert_eq!(findings(known(&["arn:aws:iam::aws:policy/AmazonEKSServicePolicy"])), 1);
        assert_eq!(findings(known(&["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"])), 0);
        assert_eq!(findings(Field::unknown(Place::nowhere(), "unresolved")), 0);
    }
}
