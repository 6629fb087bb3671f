//! `manifests/karpenter.yaml` (a NodePool and an EC2NodeClass) and the IRSA role of the
//! Karpenter controller: launch and terminate only instances tagged for this cluster.

use std::fmt::Write as _;

use serde_json::json;

use crate::generate::profile::Profile;
use crate::generate::section::IrsaRole;
use crate::generate::text::{comment, flow, q};
use crate::i18n::{Lang, text};

pub fn role(p: &Profile) -> IrsaRole {
    let owned = format!("aws:RequestTag/kubernetes.io/cluster/{}", p.name);
    let owned_res = format!("aws:ResourceTag/kubernetes.io/cluster/{}", p.name);
    let policy = json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "Discover",
                "Effect": "Allow",
                "Action": [
                    "ec2:DescribeAvailabilityZones",
                    "ec2:DescribeImages",
                    "ec2:DescribeInstances",
                    "ec2:DescribeInstanceTypeOfferings",
                    "ec2:DescribeInstanceTypes",
                    "ec2:DescribeLaunchTemplates",
                    "ec2:DescribeSecurityGroups",
                    "ec2:DescribeSpotPriceHistory",
                    "ec2:DescribeSubnets",
                    "pricing:GetProducts",
                ],
                "Resource": "*",
                "Condition": { "StringEquals": { "aws:RequestedRegion": p.region } },
            },
            {
                "Sid": "LaunchTaggedForThisCluster",
                "Effect": "Allow",
                "Action": ["ec2:CreateFleet", "ec2:CreateLaunchTemplate", "ec2:RunInstances", "ec2:CreateTags"],
                "Resource": "*",
                "Condition": { "StringEquals": { owned: "owned" } },
            },
            {
                "Sid": "UseNetworkAndImages",
                "Effect": "Allow",
                "Action": ["ec2:CreateFleet", "ec2:RunInstances"],
                "Resource": [
                    format!("arn:aws:ec2:{}::image/*", p.region),
                    format!("arn:aws:ec2:{}::snapshot/*", p.region),
                    format!("arn:aws:ec2:{}:{}:security-group/*", p.region, p.account_id),
                    format!("arn:aws:ec2:{}:{}:subnet/*", p.region, p.account_id),
                    format!("arn:aws:ec2:{}:{}:launch-template/*", p.region, p.account_id),
                ],
            },
            {
                "Sid": "TerminateOnlyThisCluster",
                "Effect": "Allow",
                "Action": ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
                "Resource": "*",
                "Condition": { "StringEquals": { owned_res: "owned" } },
            },
            {
                "Sid": "PassOnlyTheNodeRole",
                "Effect": "Allow",
                "Action": "iam:PassRole",
                "Resource": p.role_arn(&p.karpenter_node_role()),
                "Condition": { "StringEquals": { "iam:PassedToService": "ec2.amazonaws.com" } },
            },
            {
                "Sid": "InstanceProfiles",
                "Effect": "Allow",
                "Action": [
                    "iam:AddRoleToInstanceProfile",
                    "iam:CreateInstanceProfile",
                    "iam:DeleteInstanceProfile",
                    "iam:GetInstanceProfile",
                    "iam:RemoveRoleFromInstanceProfile",
                    "iam:TagInstanceProfile",
                ],
                "Resource": format!("arn:aws:iam::{}:instance-profile/*", p.account_id),
            },
            {
                "Sid": "AmiParameters",
                "Effect": "Allow",
                "Action": "ssm:GetParameter",
                "Resource": format!("arn:aws:ssm:{}::parameter/aws/service/*", p.region),
            },
            {
                "Sid": "ThisCluster",
                "Effect": "Allow",
                "Action": "eks:DescribeCluster",
                "Resource": format!("arn:aws:eks:{}:{}:cluster/{}", p.region, p.account_id, p.name),
            },
        ],
    });
    IrsaRole {
        key: "karpenter",
        namespace: "karpenter".into(),
        service_account: "karpenter".into(),
        managed_policies: vec![],
        policy: Some(policy),
    }
}

pub fn yaml(p: &Profile, lang: Lang) -> String {
    let capacity: &[&str] = if p.spot { &["spot", "on-demand"] } else { &["on-demand"] };
    let mut y = comment("", &text(lang, "gen-karpenter-header"));
    let _ = write!(
        y,
        "---\napiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n  name: default\nspec:\n  role: {}\n\
         \x20 amiSelectorTerms:\n    - alias: al2023@latest\n  subnetSelectorTerms:\n    - tags:\n        karpenter.sh/discovery: {}\n\
         \x20 securityGroupSelectorTerms:\n    - tags:\n        karpenter.sh/discovery: {}\n  associatePublicIPAddress: false\n\
         \x20 metadataOptions:\n    httpEndpoint: enabled\n    httpProtocolIPv6: disabled\n    httpPutResponseHopLimit: 1\n\
         \x20   httpTokens: required\n  blockDeviceMappings:\n    - deviceName: /dev/xvda\n      ebs:\n        volumeSize: 80Gi\n\
         \x20       volumeType: gp3\n        encrypted: true\n        deleteOnTermination: true\n",
        q(&p.karpenter_node_role()),
        q(&p.name),
        q(&p.name)
    );
    let _ = write!(
        y,
        "---\napiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: default\nspec:\n  template:\n    spec:\n\
         \x20     nodeClassRef:\n        group: karpenter.k8s.aws\n        kind: EC2NodeClass\n        name: default\n\
         \x20     requirements:\n        - key: karpenter.sh/capacity-type\n          operator: In\n          values: {}\n\
         \x20       - key: node.kubernetes.io/instance-type\n          operator: In\n          values: {}\n\
         {}      expireAfter: 720h\n\
         \x20 limits:\n    cpu: \"1000\"\n  disruption:\n    consolidationPolicy: WhenEmptyOrUnderutilized\n    consolidateAfter: 1m\n",
        flow(capacity),
        flow(&p.instance_types),
        comment("      ", &text(lang, "gen-karpenter-expire"))
    );
    y
}

pub fn readme_step(p: &Profile, lang: Lang) -> String {
    let mut step =
        crate::t!(lang, "gen-karpenter-step", name = p.name.as_str(), node_role = p.karpenter_node_role());
    if p.is_private() {
        step.push('\n');
        step.push_str(&text(lang, "gen-karpenter-step-private"));
    }
    step
}
