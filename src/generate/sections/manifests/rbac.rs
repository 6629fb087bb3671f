//! `manifests/rbac.yaml`: developers read-only in their namespaces.

use std::fmt::Write as _;

use crate::generate::names::DEVELOPERS_GROUP;
use crate::generate::profile::Profile;
use crate::generate::text::{comment, flow, q};
use crate::i18n::{Lang, text};

/// Read-only resources for developers: workloads, their status and logs; never Secrets.
const DEVELOPER_RULES: &[(&str, &[&str])] = &[
    ("", &["configmaps", "endpoints", "events", "persistentvolumeclaims", "pods", "pods/log", "services"]),
    ("apps", &["daemonsets", "deployments", "replicasets", "statefulsets"]),
    ("autoscaling", &["horizontalpodautoscalers"]),
    ("batch", &["cronjobs", "jobs"]),
    ("networking.k8s.io", &["ingresses", "networkpolicies"]),
    ("policy", &["poddisruptionbudgets"]),
];

pub fn yaml(p: &Profile, lang: Lang) -> String {
    let mut y = comment("", &text(lang, "gen-rbac-header"));
    for ns in &p.namespaces {
        let _ = write!(
            y,
            "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: developer-read-only\n  namespace: {ns}\nrules:\n"
        );
        for (group, resources) in DEVELOPER_RULES {
            let _ = writeln!(y, "  - apiGroups: [{}]", q(group));
            let _ = writeln!(y, "    resources: {}", flow(resources));
            y.push_str("    verbs: [\"get\", \"list\", \"watch\"]\n");
        }
        let _ = write!(
            y,
            "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: developers-read-only\n  namespace: {ns}\n\
             roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: developer-read-only\nsubjects:\n\
             \x20 - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: {DEVELOPERS_GROUP}\n"
        );
    }
    y
}
