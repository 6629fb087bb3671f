//! `terraform/variables.tf`: what the user sets, with the profile's values as defaults.

use std::fmt::Write as _;

use super::hcl;
use crate::generate::profile::{Endpoint, Profile};
use crate::generate::text::{hlist, hq};
use crate::i18n::{Lang, text};

fn variable(t: &mut String, name: &str, kind: &str, description: &str, default: Option<String>) {
    let _ = writeln!(t, "variable \"{name}\" {{");
    let _ = writeln!(t, "  description = {}", hq(description));
    let _ = writeln!(t, "  type = {kind}");
    if let Some(d) = default {
        let _ = writeln!(t, "  default = {d}");
    }
    t.push_str("}\n\n");
}

pub fn tf(p: &Profile, lang: Lang) -> String {
    let mut t = String::new();
    let says = |id: &str| text(lang, id);
    variable(&mut t, "region", "string", &says("gen-tf-var-region"), Some(hq(&p.region)));
    variable(&mut t, "cluster_name", "string", &says("gen-tf-var-cluster-name"), Some(hq(&p.name)));
    variable(
        &mut t,
        "kubernetes_version",
        "string",
        &says(if p.extended_support { "gen-tf-var-version-extended" } else { "gen-tf-var-version" }),
        Some(hq(&p.version.name())),
    );
    subnets(&mut t, lang);
    if let Endpoint::Restricted(cidrs) = &p.endpoint {
        variable(
            &mut t,
            "public_access_cidrs",
            "list(string)",
            &says("gen-tf-var-public-access-cidrs"),
            Some(hlist(cidrs)),
        );
    }
    if let Some(k) = &p.kms_key_arn {
        variable(&mut t, "kms_key_arn", "string", &says("gen-tf-var-kms-key-arn"), Some(hq(k)));
    }
    access(&mut t, p, lang);
    nodes(&mut t, p, lang);
    variable(&mut t, "tags", "map(string)", &says("gen-tf-var-tags"), Some(hcl::map(&p.tags)));
    t.truncate(t.trim_end().len());
    t.push('\n');
    t
}

fn subnets(t: &mut String, lang: Lang) {
    t.push_str("variable \"private_subnet_ids\" {\n");
    let _ = writeln!(t, "  description = {}", hq(&text(lang, "gen-tf-var-private-subnets")));
    t.push_str(
        "  type = list(string)\n\n  validation {\n    condition = length(var.private_subnet_ids) >= 2\n",
    );
    let _ = writeln!(t, "    error_message = {}", hq(&text(lang, "gen-tf-var-private-subnets-error")));
    t.push_str("  }\n}\n\n");
}

fn access(t: &mut String, p: &Profile, lang: Lang) {
    let admin = text(lang, "gen-tf-var-admin-role");
    variable(t, "admin_role_arn", "string", &admin, Some(hq(&p.admin_role_arn)));
    let developer = text(lang, "gen-tf-var-developer-role");
    variable(t, "developer_role_arn", "string", &developer, Some(hq(&p.developer_role_arn)));
}

fn nodes(t: &mut String, p: &Profile, lang: Lang) {
    let types = text(lang, "gen-tf-var-instance-types");
    variable(t, "node_instance_types", "list(string)", &types, Some(hlist(&p.instance_types)));
    for (name, id, value) in [
        ("node_min_size", "gen-tf-var-min-size", p.min),
        ("node_desired_size", "gen-tf-var-desired-size", p.desired),
        ("node_max_size", "gen-tf-var-max-size", p.max),
    ] {
        variable(t, name, "number", &text(lang, id), Some(value.to_string()));
    }
}
