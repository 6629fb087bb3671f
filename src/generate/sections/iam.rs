//! `iam/`: the IRSA trust policy of every role of the bundle (conditions on the OIDC `sub` and
//! `aud`, eks-facts §12) and the least-privilege permission policies of those that need custom
//! ones. eksctl builds the same roles from `iam.serviceAccounts`; Terraform from `aws_iam_role`.

use serde_json::{Value, json};

use crate::generate::profile::Profile;
use crate::generate::section::{File, IrsaRole, Plan, Row, Section};
use crate::generate::text::json as pretty;
use crate::i18n::{Lang, text};

pub struct Iam;

impl Section for Iam {
    fn files(&self, plan: &Plan) -> Vec<File> {
        let mut out = Vec::new();
        for role in &plan.roles {
            out.push(File::new(
                format!("iam/{}-trust.json", role.key),
                pretty(&trust_policy(plan.profile, role)),
            ));
            if let Some(policy) = &role.policy {
                out.push(File::new(format!("iam/{}-policy.json", role.key), pretty(policy)));
            }
        }
        out
    }

    fn readme_rows(&self, _p: &Profile, lang: Lang) -> Vec<Row> {
        vec![
            Row::new("iam/*-trust.json", text(lang, "gen-row-iam-trust"), "G3.2", "5.2.1"),
            Row::new("iam/*-policy.json", text(lang, "gen-row-iam-policy"), "G5.4", "5.1.3"),
        ]
    }
}

/// Trust of an IRSA role: only this ServiceAccount, only for STS.
fn trust_policy(p: &Profile, role: &IrsaRole) -> Value {
    let issuer = p.oidc_issuer();
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
