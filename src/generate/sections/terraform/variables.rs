//! `terraform/variables.tf`: what the user sets, with the profile's values as defaults.

use std::fmt::Write as _;

use super::hcl;
use crate::generate::profile::{Endpoint, Profile};
use crate::generate::text::{hlist, hq};

fn variable(t: &mut String, name: &str, kind: &str, description: &str, default: Option<String>) {
    let _ = writeln!(t, "variable \"{name}\" {{");
    let _ = writeln!(t, "  description = {}", hq(description));
    let _ = writeln!(t, "  type = {kind}");
    if let Some(d) = default {
        let _ = writeln!(t, "  default = {d}");
    }
    t.push_str("}\n\n");
}

pub fn tf(p: &Profile) -> String {
    let mut t = String::new();
    variable(&mut t, "region", "string", "AWS region of the cluster.", Some(hq(&p.region)));
    variable(&mut t, "cluster_name", "string", "Name of the EKS cluster.", Some(hq(&p.name)));
    variable(
        &mut t,
        "kubernetes_version",
        "string",
        if p.extended_support {
            "Kubernetes version, in EKS support (guide:G2.1)."
        } else {
            "Kubernetes version, in EKS standard support (guide:G2.1)."
        },
        Some(hq(&p.version.name())),
    );
    subnets(&mut t);
    if let Endpoint::Restricted(cidrs) = &p.endpoint {
        variable(
            &mut t,
            "public_access_cidrs",
            "list(string)",
            "The only ranges that may reach the public API endpoint (CIS 5.4.1).",
            Some(hlist(cidrs)),
        );
    }
    if let Some(k) = &p.kms_key_arn {
        variable(
            &mut t,
            "kms_key_arn",
            "string",
            "Customer KMS key for Secrets encryption (CIS 5.3.1).",
            Some(hq(k)),
        );
    }
    access(&mut t, p);
    nodes(&mut t, p);
    variable(&mut t, "tags", "map(string)", "Tags on every resource (guide:G5.3).", Some(hcl::map(&p.tags)));
    t.truncate(t.trim_end().len());
    t.push('\n');
    t
}

fn subnets(t: &mut String) {
    t.push_str("variable \"private_subnet_ids\" {\n");
    t.push_str("  description = \"Private subnets, in at least two availability zones, for the control plane ENIs and the nodes (CIS 5.4.3, guide:G5.1).\"\n");
    t.push_str(
        "  type = list(string)\n\n  validation {\n    condition = length(var.private_subnet_ids) >= 2\n",
    );
    t.push_str("    error_message = \"Give at least two private subnets, in different availability zones.\"\n  }\n}\n\n");
}

fn access(t: &mut String, p: &Profile) {
    variable(
        t,
        "admin_role_arn",
        "string",
        "IAM role granted cluster admin through an access entry (guide:G4.2).",
        Some(hq(&p.admin_role_arn)),
    );
    variable(
        t,
        "developer_role_arn",
        "string",
        "IAM role mapped to the read-only Kubernetes group developers (guide:G4.1).",
        Some(hq(&p.developer_role_arn)),
    );
}

fn nodes(t: &mut String, p: &Profile) {
    variable(
        t,
        "node_instance_types",
        "list(string)",
        "EC2 instance types of the node group.",
        Some(hlist(&p.instance_types)),
    );
    variable(t, "node_min_size", "number", "Minimum nodes.", Some(p.min.to_string()));
    variable(t, "node_desired_size", "number", "Desired nodes.", Some(p.desired.to_string()));
    variable(t, "node_max_size", "number", "Maximum nodes.", Some(p.max.to_string()));
}
