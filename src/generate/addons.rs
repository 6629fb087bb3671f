//! The EKS managed add-ons of the bundle and the IRSA roles they run with; eksctl and
//! Terraform install the same list.

use super::profile::Profile;
use super::section::IrsaRole;

/// VPC CNI configuration turning on its network policy agent (eks-facts §10, CIS 4.3.1).
pub const VPC_CNI_CONFIG: &str = r#"{"enableNetworkPolicy":"true"}"#;

/// The add-ons, in install order, with a pinned version when eks-facts §10 lists one for the
/// cluster version.
#[must_use]
pub fn addons(p: &Profile) -> Vec<(&'static str, Option<&'static str>)> {
    let builds = p.version.addons;
    vec![
        ("vpc-cni", Some(builds.vpc_cni)),
        ("coredns", Some(builds.coredns)),
        ("kube-proxy", Some(builds.kube_proxy)),
        ("metrics-server", None),
        ("eks-pod-identity-agent", None),
        ("aws-ebs-csi-driver", None),
        ("amazon-cloudwatch-observability", None),
        ("aws-guardduty-agent", None),
    ]
}

/// The IRSA roles of the add-ons that call AWS APIs, each with the AWS managed policy it needs.
#[must_use]
pub fn roles() -> Vec<IrsaRole> {
    let role = |key, namespace: &str, service_account: &str, policy| IrsaRole {
        key,
        namespace: namespace.into(),
        service_account: service_account.into(),
        managed_policies: vec![policy],
        policy: None,
    };
    vec![
        role("vpc-cni", "kube-system", "aws-node", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"),
        role(
            "ebs-csi-driver",
            "kube-system",
            "ebs-csi-controller-sa",
            "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
        ),
        role(
            "cloudwatch-agent",
            "amazon-cloudwatch",
            "cloudwatch-agent",
            "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
        ),
    ]
}
