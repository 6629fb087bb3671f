//! `README.md` of the bundle: the exact next commands, the steps and table rows every section
//! contributes (what each file enforces, keyed to the guide's sections and the CIS Amazon EKS
//! Benchmark v1.8 controls). The prose is in `generate.ftl`; the commands are written here.

use std::fmt::Write as _;

use super::names::{PLACEHOLDER_ACCOUNT, PLACEHOLDER_OIDC_ID};
use super::profile::{Endpoint, Profile};
use super::section::Row;
use crate::i18n::{Lang, text};
use crate::t;

#[must_use]
pub fn readme(p: &Profile, lang: Lang, steps: &[String], rows: &[Row]) -> String {
    let mut r = String::new();
    let version = p.version.name();
    let title =
        t!(lang, "gen-readme-title", name = p.name.as_str(), region = p.region.as_str(), version = version);
    let _ = writeln!(r, "# {title}\n");
    r.push_str(&text(lang, "gen-readme-intro"));
    r.push_str("\n\n");
    before_you_start(&mut r, p, lang);
    create(&mut r, lang);
    reach(&mut r, p, lang);
    for step in steps {
        r.push_str(step);
        r.push_str("\n\n");
    }
    r.push_str(&text(lang, "gen-readme-check-again"));
    r.push_str("\n\n");
    table(&mut r, rows, lang);
    r
}

/// One item of a Markdown list: `- ` and the text, its further lines indented to match.
fn item(r: &mut String, text: &str) {
    for (i, line) in text.lines().enumerate() {
        match (i, line.is_empty()) {
            (0, _) => r.push_str("- "),
            (_, false) => r.push_str("  "),
            (_, true) => {}
        }
        r.push_str(line);
        r.push('\n');
    }
}

fn before_you_start(r: &mut String, p: &Profile, lang: Lang) {
    let _ = writeln!(r, "## {}\n", text(lang, "gen-readme-before"));
    if !p.account_known {
        item(r, &t!(lang, "gen-readme-placeholder-account", account = PLACEHOLDER_ACCOUNT));
    }
    item(
        r,
        &t!(
            lang,
            "gen-readme-roles",
            admin = p.admin_role_arn.as_str(),
            developer = p.developer_role_arn.as_str()
        ),
    );
    if p.kms_key_arn.is_none() {
        item(r, &text(lang, "gen-readme-kms-key"));
        let _ = writeln!(
            r,
            "\n  ```sh\n  KEY_ID=$(aws kms create-key --region {region} --description \"EKS Secrets {name}\" --query KeyMetadata.KeyId --output text)\n  \
             aws kms enable-key-rotation --region {region} --key-id \"$KEY_ID\"\n  \
             aws kms create-alias --region {region} --alias-name alias/{alias} --target-key-id \"$KEY_ID\"\n  ```",
            region = p.region,
            name = p.name,
            alias = p.kms_alias()
        );
    }
    let id = if p.karpenter { "gen-readme-image-tags" } else { "gen-readme-image-tags-autoscaler" };
    item(r, &text(lang, id));
    item(r, &t!(lang, "gen-readme-iam", oidc_id = PLACEHOLDER_OIDC_ID, name = p.name.as_str()));
    if p.is_private() {
        item(r, &text(lang, "gen-readme-private"));
    }
    support(r, p, lang);
    r.push('\n');
}

/// What happens when the version's support ends.
fn support(r: &mut String, p: &Profile, lang: Lang) {
    let s = p.version.support;
    let version = p.version.name();
    let said = if p.extended_support {
        t!(
            lang,
            "gen-readme-support-extended",
            version = version,
            standard = s.end_of_standard.to_string(),
            extended = s.end_of_extended.to_string()
        )
    } else {
        t!(lang, "gen-readme-support-standard", version = version, end = s.end_of_standard.to_string())
    };
    item(r, &said);
}

fn create(r: &mut String, lang: Lang) {
    let _ = writeln!(r, "## {}\n", text(lang, "gen-readme-create"));
    let _ = writeln!(r, "{}\n", text(lang, "gen-readme-with-eksctl"));
    r.push_str("```sh\neksctl create cluster -f eksctl/cluster.yaml\n```\n\n");
    let _ = writeln!(r, "{}\n", text(lang, "gen-readme-with-terraform"));
    r.push_str("```sh\ncd terraform\nterraform init\nterraform apply -var 'private_subnet_ids=[\"subnet-…\",\"subnet-…\"]'\ncd ..\n```\n\n");
}

/// How the operator reaches the API server, which the endpoint flags decided.
fn reach(r: &mut String, p: &Profile, lang: Lang) {
    let _ = writeln!(r, "## {}\n", text(lang, "gen-readme-reach"));
    let said = match &p.endpoint {
        Endpoint::Restricted(cidrs) => {
            let ranges = cidrs.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
            t!(lang, "gen-readme-reach-restricted", ranges = ranges)
        }
        Endpoint::Private => text(lang, "gen-readme-reach-private"),
    };
    let _ = writeln!(r, "{said}\n");
    let _ = writeln!(
        r,
        "```sh\naws eks update-kubeconfig --region {} --name {}\nkubectl apply -k manifests/\n```\n",
        p.region, p.name
    );
}

fn table(r: &mut String, rows: &[Row], lang: Lang) {
    let _ = writeln!(r, "## {}\n", text(lang, "gen-readme-table"));
    let _ = writeln!(r, "{}\n|---|---|---|---|", text(lang, "gen-readme-table-header"));
    for row in rows {
        let _ = writeln!(r, "| `{}` | {} | {} | {} |", row.files, row.enforces, row.guide, row.cis);
    }
}
