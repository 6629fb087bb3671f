//! `iam/`: IRSA trust policies (conditions on the OIDC `sub` and `aud`, eks-facts §12) and the
//! least-privilege permission policies of the roles that need custom ones. eksctl builds the same
//! roles from `iam.serviceAccounts`; Terraform from `aws_iam_role` resources.

use serde_json::{Value, json};

use super::text::{json as pretty, q};
use super::{File, IrsaRole, Profile};

/// The OIDC provider id is only known once the cluster exists; AWS's documentation example id
/// stands in for it.
pub const PLACEHOLDER_OIDC_ID: &str = "EXAMPLED539D4633E53DE1B71EXAMPLE";

#[must_use]
pub fn files(p: &Profile) -> Vec<File> {
    let mut out = Vec::new();
    for role in p.irsa_roles() {
        out.push(File {
            path: format!("iam/{}-trust.json", role.key),
            contents: pretty(&trust_policy(p, &role)),
        });
        if role.custom_policy {
            out.push(File {
                path: format!("iam/{}-policy.json", role.key),
                contents: pretty(&permission_policy(p, role.key)),
            });
        }
    }
    out
}

/// The OIDC issuer host and path, without `https://`.
#[must_use]
pub fn issuer(p: &Profile) -> String {
    format!("oidc.eks.{}.amazonaws.com/id/{PLACEHOLDER_OIDC_ID}", p.region)
}

/// Trust of an IRSA role: only this ServiceAccount, only for STS.
#[must_use]
pub fn trust_policy(p: &Profile, role: &IrsaRole) -> Value {
    let issuer = issuer(p);
    let mut conditions = serde_json::Map::new();
    conditions.insert(format!("{issuer}:aud"), json!("sts.amazonaws.com"));
    conditions.insert(
        format!("{issuer}:sub"),
        json!(format!("system:serviceaccount:{}:{}", role.namespace, role.service_account)),
    );
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "OnlyThisServiceAccount",
            "Effect": "Allow",
            "Principal": { "Federated": format!("arn:aws:iam::{}:oidc-provider/{issuer}", p.account_id) },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": { "StringEquals": Value::Object(conditions) },
        }],
    })
}

/// The application's secret prefix in Secrets Manager.
#[must_use]
pub fn app_secret_prefix(p: &Profile) -> String {
    format!("{}/{}/", p.name, super::manifests::APP)
}

/// The custom permission policy of a role (`cluster-autoscaler`, `karpenter`, `mi-app`).
#[must_use]
pub fn permission_policy(p: &Profile, key: &str) -> Value {
    let cluster_tag = format!("aws:ResourceTag/k8s.io/cluster-autoscaler/{}", p.name);
    match key {
        // kubernetes/autoscaler cluster-autoscaler/cloudprovider/aws/README.md: read-only
        // discovery everywhere, scaling only of groups tagged for this cluster.
        "cluster-autoscaler" => json!({
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "Discover",
                    "Effect": "Allow",
                    "Action": [
                        "autoscaling:DescribeAutoScalingGroups",
                        "autoscaling:DescribeAutoScalingInstances",
                        "autoscaling:DescribeLaunchConfigurations",
                        "autoscaling:DescribeScalingActivities",
                        "autoscaling:DescribeTags",
                        "ec2:DescribeImages",
                        "ec2:DescribeInstanceTypes",
                        "ec2:DescribeLaunchTemplateVersions",
                        "ec2:GetInstanceTypesFromInstanceRequirements",
                        "eks:DescribeNodegroup",
                    ],
                    "Resource": "*",
                },
                {
                    "Sid": "ScaleOnlyThisCluster",
                    "Effect": "Allow",
                    "Action": ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
                    "Resource": "*",
                    "Condition": { "StringEquals": { cluster_tag: "owned" } },
                },
            ],
        }),
        // Karpenter's controller: launch and terminate only instances tagged for this cluster.
        "karpenter" => {
            let owned = format!("aws:RequestTag/kubernetes.io/cluster/{}", p.name);
            let owned_res = format!("aws:ResourceTag/kubernetes.io/cluster/{}", p.name);
            json!({
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
                        "Resource": p.role_arn(&super::terraform::karpenter_node_role(p)),
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
            })
        }
        // The example application reads only its own secrets.
        _ => json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "ReadOwnSecrets",
                "Effect": "Allow",
                "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
                "Resource": format!(
                    "arn:aws:secretsmanager:{}:{}:secret:{}*",
                    p.region,
                    p.account_id,
                    app_secret_prefix(p)
                ),
            }],
        }),
    }
}

/// A JSON value as YAML block lines at an indent (maps and sequences nested, strings quoted).
#[must_use]
pub fn yaml_lines(v: &Value, indent: usize) -> Vec<String> {
    let mut out = Vec::new();
    emit(v, indent, &mut out);
    out
}

fn key(k: &str) -> String {
    if k.chars().all(|c| c.is_ascii_alphanumeric()) { k.to_string() } else { q(k) }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => q(s),
        other => other.to_string(),
    }
}

fn emit(v: &Value, indent: usize, out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) => {
            for (k, val) in m {
                match val {
                    Value::Object(c) if !c.is_empty() => {
                        out.push(format!("{pad}{}:", key(k)));
                        emit(val, indent + 2, out);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push(format!("{pad}{}:", key(k)));
                        emit(val, indent + 2, out);
                    }
                    _ => out.push(format!("{pad}{}: {}", key(k), scalar(val))),
                }
            }
        }
        Value::Array(a) => {
            for item in a {
                match item {
                    Value::Object(_) | Value::Array(_) => {
                        let mut inner = Vec::new();
                        emit(item, indent + 2, &mut inner);
                        for (i, line) in inner.into_iter().enumerate() {
                            if i == 0 {
                                out.push(format!("{pad}- {}", &line[indent + 2..]));
                            } else {
                                out.push(line);
                            }
                        }
                    }
                    _ => out.push(format!("{pad}- {}", scalar(item))),
                }
            }
        }
        other => out.push(format!("{pad}{}", scalar(other))),
    }
}
