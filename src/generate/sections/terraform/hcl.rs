//! HCL expressions built from values: policy documents for `jsonencode(...)`, maps, trust
//! policies, resource names.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use crate::generate::profile::Profile;
use crate::generate::text::hq;

/// A resource-safe name: `cluster-autoscaler` → `cluster_autoscaler`.
pub fn ident(key: &str) -> String {
    key.replace('-', "_")
}

/// An HCL map of strings, one entry per line, at the indent of a top-level attribute.
pub fn map(m: &BTreeMap<String, String>) -> String {
    if m.is_empty() {
        return "{}".into();
    }
    let mut s = String::from("{\n");
    for (k, v) in m {
        let _ = writeln!(s, "    {} = {}", hq(k), hq(v));
    }
    s.push_str("  }");
    s
}

/// `assume_role_policy` trusting an AWS service.
pub fn service_trust(service: &str, tag_session: bool) -> String {
    let actions = if tag_session { "[\"sts:AssumeRole\", \"sts:TagSession\"]" } else { "\"sts:AssumeRole\"" };
    format!(
        "jsonencode({{\n    Version = \"2012-10-17\"\n    Statement = [{{\n      Effect = \"Allow\"\n      Principal = {{ Service = \"{service}\" }}\n      Action = {actions}\n    }}]\n  }})"
    )
}

/// A JSON value as an HCL expression for `jsonencode(...)`, the account id turned into
/// `local.account_id` and the partition into `local.partition`.
pub fn value(v: &Value, level: usize, p: &Profile) -> String {
    let pad = "  ".repeat(level);
    let inner = "  ".repeat(level + 1);
    let string = |s: &str| {
        let mut out = hq(s)
            .replace(&p.account_id, "${local.account_id}")
            .replace("arn:aws:", "arn:${local.partition}:")
            .replace(&format!(":{}:", p.region), ":${var.region}:");
        // The cluster name where policies scope to it, so a changed variable keeps them right.
        for prefix in ["cluster/", "cluster-autoscaler/", "kubernetes.io/cluster/", "secret:"] {
            out = out.replace(&format!("{prefix}{}", p.name), &format!("{prefix}${{var.cluster_name}}"));
        }
        out = out.replace(&format!("role/{}-", p.name), "role/${var.cluster_name}-");
        out
    };
    match v {
        Value::String(s) if *s == p.region => "var.region".to_string(),
        Value::String(s) => string(s),
        Value::Array(a) if a.iter().all(|x| !x.is_object() && !x.is_array()) => {
            let items: Vec<String> = a.iter().map(|x| value(x, level, p)).collect();
            let one = format!("[{}]", items.join(", "));
            if one.len() + pad.len() < 100 {
                one
            } else {
                let mut s = String::from("[\n");
                for i in items {
                    let _ = writeln!(s, "{inner}{i},");
                }
                let _ = write!(s, "{pad}]");
                s
            }
        }
        Value::Array(a) => {
            let mut s = String::from("[\n");
            for x in a {
                let _ = writeln!(s, "{inner}{},", value(x, level + 1, p));
            }
            let _ = write!(s, "{pad}]");
            s
        }
        Value::Object(m) => {
            let mut s = String::from("{\n");
            for (k, x) in m {
                let key = if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    k.clone()
                } else {
                    string(k)
                };
                let _ = writeln!(s, "{inner}{key} = {}", value(x, level + 1, p));
            }
            let _ = write!(s, "{pad}}}");
            s
        }
        other => other.to_string(),
    }
}
