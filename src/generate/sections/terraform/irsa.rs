//! One IRSA role of `terraform/main.tf`: trusted by one ServiceAccount through the cluster's
//! OIDC provider, with its managed and custom policies.

use std::fmt::Write as _;

use super::hcl;
use crate::generate::profile::Profile;
use crate::generate::section::IrsaRole;
use crate::generate::text::comment;
use crate::i18n::Lang;

pub fn role(t: &mut String, p: &Profile, lang: Lang, role: &IrsaRole) {
    let id = hcl::ident(role.key);
    let account = format!("{}/{}", role.namespace, role.service_account);
    t.push_str(&comment("", &crate::t!(lang, "gen-tf-irsa-role", account = account, key = role.key)));
    let _ = write!(
        t,
        "resource \"aws_iam_role\" \"{id}\" {{\n  name = \"${{var.cluster_name}}-{}\"\n  assume_role_policy = jsonencode({{\n    Version = \"2012-10-17\"\n    Statement = [{{\n      Effect = \"Allow\"\n      Principal = {{ Federated = aws_iam_openid_connect_provider.eks.arn }}\n      Action = \"sts:AssumeRoleWithWebIdentity\"\n      Condition = {{\n        StringEquals = {{\n          \"${{local.oidc_issuer}}:aud\" = \"sts.amazonaws.com\"\n          \"${{local.oidc_issuer}}:sub\" = \"system:serviceaccount:{}:{}\"\n        }}\n      }}\n    }}]\n  }})\n}}\n\n",
        role.key, role.namespace, role.service_account
    );
    for (i, policy) in role.managed_policies.iter().enumerate() {
        let policy = policy.replacen("arn:aws:", "arn:${local.partition}:", 1);
        let suffix = if i == 0 { String::new() } else { format!("_{i}") };
        let _ = write!(
            t,
            "resource \"aws_iam_role_policy_attachment\" \"{id}{suffix}\" {{\n  role = aws_iam_role.{id}.name\n  policy_arn = \"{policy}\"\n}}\n\n"
        );
    }
    if let Some(policy) = &role.policy {
        t.push_str(&comment("", &crate::t!(lang, "gen-tf-irsa-policy", key = role.key)));
        let _ = write!(
            t,
            "resource \"aws_iam_role_policy\" \"{id}\" {{\n  name = \"{}\"\n  role = aws_iam_role.{id}.id\n  policy = jsonencode({})\n}}\n\n",
            role.key,
            hcl::value(policy, 1, p)
        );
    }
}
