//! `deploy/ladrillo-scan-cronjob.yaml`: `ladrillo scan --cluster` run inside the cluster by a
//! CronJob that writes its findings as `PolicyReport`s and a `ClusterPolicyReport`
//! (`--write-policy-reports`). It goes with `deploy/ladrillo-scan-rbac.yaml` (the `ladrillo`
//! namespace, the `ladrillo-scan` ServiceAccount and its read-only ClusterRole) and adds only the
//! right to write those reports, closed NetworkPolicies, the config and the CronJob itself:
//! restricted Pod Security, read-only root filesystem, resources, a short-lived token. Pure
//! text; together the two files scan clean with `--select all` (`tests/live.rs`).

use std::fmt::Write as _;

use super::text::{comment, q};
use super::webhook_manifests::{API_SERVER_RANGES, IMAGE, digest_reason};
use crate::i18n::{Lang, text};
use crate::live::permissions::{NAMESPACE, SERVICE_ACCOUNT};

/// The ClusterRole (and its binding) that lets the scan write its reports.
pub const REPORTS_ROLE: &str = "ladrillo-scan-reports";
/// The CronJob, its pods' `app.kubernetes.io/name` label and its config map's prefix.
pub const NAME: &str = "ladrillo-scan";

/// The whole stream, its comments in `lang` (`deploy/` ships the English one).
#[must_use]
pub fn yaml(lang: Lang) -> String {
    let mut y = note(lang, "", "gen-scan-header");
    reports_role(&mut y, lang);
    network_policies(&mut y, lang);
    config(&mut y, lang);
    cronjob(&mut y, lang);
    y
}

/// A message of `generate.ftl` as comment lines at an indent.
fn note(lang: Lang, indent: &str, id: &str) -> String {
    comment(indent, &text(lang, id))
}

/// Write access to the reports and nothing else (guide:G3.2): server-side apply creates a report
/// the first time (authorized as `create`) and replaces it afterwards (`patch`).
fn reports_role(y: &mut String, lang: Lang) {
    let _ = write!(
        y,
        "---\n{role}apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: {REPORTS_ROLE}\nrules:\n\
         \x20 - apiGroups: [\"wgpolicyk8s.io\"]\n    resources: [policyreports, clusterpolicyreports]\n\
         \x20   verbs: [create, patch]\n\
         ---\n{binding}apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: {REPORTS_ROLE}\n\
         \x20 annotations:\n    ladrillo.dev/ignore: kube-system-write\n\
         \x20   ladrillo.dev/ignore-reason: {reason}\n\
         subjects:\n  - kind: ServiceAccount\n    name: {SERVICE_ACCOUNT}\n    namespace: {NAMESPACE}\n\
         roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: {REPORTS_ROLE}\n",
        role = note(lang, "", "gen-scan-reports-role"),
        binding = note(lang, "", "gen-scan-reports-binding"),
        reason = q(&text(lang, "gen-scan-kube-system-reason")),
    );
}

/// Closed by default (guide:G4.4): the scan reaches DNS and the API server, nothing reaches it.
fn network_policies(y: &mut String, lang: Lang) {
    let mut to = String::new();
    for cidr in API_SERVER_RANGES {
        let _ = write!(to, "        - ipBlock:\n            cidr: {cidr}\n");
    }
    let _ = write!(
        y,
        "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: {NAMESPACE}\n\
         spec:\n  podSelector: {{}}\n  policyTypes:\n    - Ingress\n    - Egress\n\
         ---\n{ranges}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-api-server\n  namespace: {NAMESPACE}\n\
         spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: {NAME}\n  policyTypes:\n    - Egress\n\
         \x20 egress:\n    - to:\n{to}      ports:\n        - protocol: TCP\n          port: 443\n\
         \x20   - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n\
         \x20         podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n      ports:\n\
         \x20       - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n",
        ranges = note(lang, "", "gen-manifests-api-server-ranges"),
    );
}

/// The scan's `.ladrillo.yaml`: selection, overrides and waivers as in docs/configuration.md.
fn config(y: &mut String, lang: Lang) {
    let _ = write!(
        y,
        "---\n{}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {NAME}-config\n  namespace: {NAMESPACE}\n\
         data:\n  .ladrillo.yaml: |\n    fail-on: none\n",
        note(lang, "", "gen-scan-config")
    );
}

fn cronjob(y: &mut String, lang: Lang) {
    let _ = write!(
        y,
        "---\n{header}apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {NAME}\n  namespace: {NAMESPACE}\n  labels:\n\
         \x20   app.kubernetes.io/name: {NAME}\n  annotations:\n\
         \x20   ladrillo.dev/ignore: image-without-digest\n\
         \x20   ladrillo.dev/ignore-reason: {reason}\n\
         spec:\n  schedule: \"17 */6 * * *\"\n  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 600\n\
         \x20 successfulJobsHistoryLimit: 1\n  failedJobsHistoryLimit: 3\n  jobTemplate:\n    spec:\n\
         \x20     backoffLimit: 1\n      activeDeadlineSeconds: 1800\n      ttlSecondsAfterFinished: 86400\n\
         \x20     template:\n        metadata:\n          labels:\n            app.kubernetes.io/name: {NAME}\n\
         \x20       spec:\n          serviceAccountName: {SERVICE_ACCOUNT}\n          restartPolicy: Never\n\
         {token}          automountServiceAccountToken: false\n\
         \x20         securityContext:\n            runAsNonRoot: true\n            runAsUser: 65532\n            runAsGroup: 65532\n\
         \x20           seccompProfile:\n              type: RuntimeDefault\n\
         \x20         containers:\n            - name: scan\n              image: {IMAGE}\n              imagePullPolicy: Always\n\
         \x20             args:\n                - scan\n                - --cluster\n                - --write-policy-reports\n\
         \x20               - --config=/config/.ladrillo.yaml\n                - --quiet\n\
         \x20             resources:\n                requests:\n                  cpu: 100m\n                  memory: 256Mi\n\
         \x20               limits:\n                  cpu: \"1\"\n                  memory: 1Gi\n\
         \x20             securityContext:\n                allowPrivilegeEscalation: false\n                readOnlyRootFilesystem: true\n\
         \x20               capabilities:\n                  drop: [\"ALL\"]\n\
         \x20             volumeMounts:\n                - name: config\n                  mountPath: /config\n                  readOnly: true\n\
         \x20               - name: token\n                  mountPath: /var/run/secrets/kubernetes.io/serviceaccount\n\
         \x20                 readOnly: true\n\
         \x20         volumes:\n            - name: config\n              configMap:\n                name: {NAME}-config\n\
         \x20           - name: token\n              projected:\n                sources:\n                  - serviceAccountToken:\n\
         \x20                     path: token\n                      expirationSeconds: 3600\n                  - configMap:\n\
         \x20                     name: kube-root-ca.crt\n                      items:\n                        - key: ca.crt\n\
         \x20                         path: ca.crt\n                  - downwardAPI:\n                      items:\n\
         \x20                       - path: namespace\n                          fieldRef:\n\
         \x20                           fieldPath: metadata.namespace\n",
        header = note(lang, "", "gen-scan-cronjob"),
        reason = digest_reason(lang),
        token = note(lang, "          ", "gen-manifests-token"),
    );
}
