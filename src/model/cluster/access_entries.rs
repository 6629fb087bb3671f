//! EKS access entries as the EKS API returns them, read one way for every input that carries
//! them in that shape: `aws eks describe-access-entry` and `list-associated-access-policies`
//! output saved as files ([`super::aws_json`]), and the document `scan --eks` assembles from the
//! same calls ([`super::eks_snapshot`]). An `accessEntry` object:
//!
//! ```json
//! { "clusterName": "prod", "principalArn": "arn:aws:iam::111122223333:role/devs",
//!   "kubernetesGroups": ["devs"], "type": "STANDARD", "username": "…" }
//! ```
//!
//! and an `associatedAccessPolicies` list:
//!
//! ```json
//! [ { "policyArn": "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
//!     "accessScope": { "type": "namespace", "namespaces": ["shop"] } } ]
//! ```

use crate::document::FieldPath;

use super::read::Reader;
use super::{AccessEntry, AccessPolicy, AccessScope, Field};

/// The `accessEntry` object at `base`, without policies (they are listed by another call). The
/// entry is placed at its principal, which names it.
pub(super) fn entry(r: &mut Reader<'_>, base: &FieldPath) -> AccessEntry {
    let at = |key: &str| base.clone().key(key);
    AccessEntry {
        at: r.place(&at("principalArn")),
        principal_arn: r.string(&at("principalArn"), None),
        kind: r.string(&at("type"), Some(("STANDARD", "access entries are STANDARD by default"))),
        username: r.opt_string(&at("username"), "EKS derives the username"),
        groups: r.strings(&at("kubernetesGroups"), Some((Vec::new(), "no Kubernetes groups"))),
        policies: Vec::new(),
    }
}

/// The name of the cluster an `accessEntry` object at `base` belongs to, when it says.
pub(super) fn cluster_name(r: &mut Reader<'_>, base: &FieldPath) -> Option<String> {
    r.string(&base.clone().key("clusterName"), None).value().cloned()
}

/// The access policies of the `associatedAccessPolicies` list at `list`: ARN and scope each. A
/// scope of an unrecognised type is unknown; a value of the wrong type is an input error.
pub(super) fn policies(r: &mut Reader<'_>, list: &FieldPath) -> Vec<AccessPolicy> {
    let mut out = Vec::new();
    for (pp, _) in r.list(list).unwrap_or_default() {
        let scope_type = r.string(&pp.clone().keys(&["accessScope", "type"]), None);
        let namespaces =
            r.strings(&pp.clone().keys(&["accessScope", "namespaces"]), Some((Vec::new(), "no namespaces")));
        let scope = match scope_type.value().map(String::as_str) {
            Some("cluster") => scope_type.map(|_| AccessScope::Cluster),
            Some("namespace") => {
                let ns = namespaces.value().cloned().unwrap_or_default();
                scope_type.map(|_| AccessScope::Namespaces(ns))
            }
            _ => Field::unknown(scope_type.at().clone(), "unrecognised access scope"),
        };
        out.push(AccessPolicy {
            at: r.place(&pp),
            policy_arn: r.string(&pp.clone().key("policyArn"), None),
            scope,
        });
    }
    out
}
