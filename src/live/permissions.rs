//! The least privilege the live reads need, as ladrillo ships it (`deploy/`): a ClusterRole
//! with `get` and `list` on exactly the kinds of [`RESOURCES`], a separate one for Secrets'
//! metadata (Kubernetes RBAC cannot limit `list secrets` to metadata, so it is opt-in), a
//! ServiceAccount bound to the first for running in the cluster, and the IAM policy of
//! `--eks` with exactly the actions it calls. Generated here so they cannot drift from the
//! code; `tests/live.rs` checks the files are these texts and the requests made are covered.

use std::collections::BTreeMap;

use super::eks;
use super::resources::{RESOURCES, SECRETS};

/// The namespace and ServiceAccount of an in-cluster scan.
pub const NAMESPACE: &str = "ladrillo";
pub const SERVICE_ACCOUNT: &str = "ladrillo-scan";

/// `deploy/ladrillo-scan-rbac.yaml`.
#[must_use]
pub fn rbac_manifest(lang: crate::i18n::Lang) -> String {
    let mut by_group: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in RESOURCES {
        by_group.entry(r.group).or_default().push(r.plural);
    }
    let mut rules = String::new();
    for (group, mut plurals) in by_group {
        plurals.sort_unstable();
        rules.push_str(&format!(
            "  - apiGroups: [\"{group}\"]\n    resources: [{}]\n    verbs: [get, list]\n",
            plurals.join(", ")
        ));
    }
    format!(
        "{header}apiVersion: rbac.authorization.k8s.io/v1\n\
         kind: ClusterRole\n\
         metadata:\n  name: ladrillo-scan\n\
         rules:\n{rules}\
         ---\n\
         apiVersion: rbac.authorization.k8s.io/v1\n\
         kind: ClusterRole\n\
         metadata:\n  name: ladrillo-scan-secrets-metadata\n\
         rules:\n  - apiGroups: [\"{secrets_group}\"]\n    resources: [{secrets}]\n    verbs: [list]\n\
         ---\n\
         apiVersion: v1\n\
         kind: Namespace\n\
         metadata:\n  name: {NAMESPACE}\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: latest\n\
         ---\n\
         apiVersion: v1\n\
         kind: ServiceAccount\n\
         metadata:\n  name: {SERVICE_ACCOUNT}\n  namespace: {NAMESPACE}\n\
         automountServiceAccountToken: false\n\
         ---\n\
         apiVersion: rbac.authorization.k8s.io/v1\n\
         kind: ClusterRoleBinding\n\
         metadata:\n  name: ladrillo-scan\n\
         subjects:\n  - kind: ServiceAccount\n    name: {SERVICE_ACCOUNT}\n    namespace: {NAMESPACE}\n\
         roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ladrillo-scan\n",
        header = comment_lines(&crate::i18n::text(lang, "gen-scan-rbac-header")),
        secrets_group = SECRETS.group,
        secrets = SECRETS.plural,
    )
}

/// Text as YAML comment lines, one `# ` per line.
fn comment_lines(text: &str) -> String {
    text.lines().map(|line| format!("# {line}\n")).collect()
}

/// Every IAM action `--eks` calls.
#[must_use]
pub fn iam_actions() -> Vec<&'static str> {
    let mut actions: Vec<&str> = eks::IAM_ACTIONS.to_vec();
    actions.push(eks::IAM_DESCRIBE_POD_IDENTITY);
    actions.sort_unstable();
    actions
}

/// `deploy/ladrillo-eks-read-policy.json`: read-only, on EKS resources only.
#[must_use]
pub fn iam_policy() -> String {
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "LadrilloScanEksRead",
            "Effect": "Allow",
            "Action": iam_actions(),
            "Resource": "arn:aws:eks:*:*:*",
        }],
    });
    serde_json::to_string_pretty(&policy).unwrap_or_default() + "\n"
}
