//! `deploy/ladrillo-scan-cronjob.yaml`: `ladrillo scan --cluster` run inside the cluster by a
//! CronJob that writes its findings as `PolicyReport`s and a `ClusterPolicyReport`
//! (`--write-policy-reports`). It goes with `deploy/ladrillo-scan-rbac.yaml` (the `ladrillo`
//! namespace, the `ladrillo-scan` ServiceAccount and its read-only ClusterRole) and adds only the
//! right to write those reports, closed NetworkPolicies, the config and the CronJob itself:
//! restricted Pod Security, read-only root filesystem, resources, a short-lived token. Pure
//! text; together the two files scan clean with `--select all` (`tests/live.rs`).

use std::fmt::Write as _;

use super::webhook_manifests::{API_SERVER_RANGES, IMAGE};
use crate::live::permissions::{NAMESPACE, SERVICE_ACCOUNT};

/// The ClusterRole (and its binding) that lets the scan write its reports.
pub const REPORTS_ROLE: &str = "ladrillo-scan-reports";
/// The CronJob, its pods' `app.kubernetes.io/name` label and its config map's prefix.
pub const NAME: &str = "ladrillo-scan";

/// The whole stream.
#[must_use]
pub fn yaml() -> String {
    let mut y = String::from(
        "# ladrillo scan --cluster inside the cluster (generated from src/generate/scan_manifests.rs; do not\n\
         # edit): a CronJob that scans every six hours and writes the findings as PolicyReports (one per\n\
         # namespace, all named ladrillo) and a ClusterPolicyReport (wgpolicyk8s.io/v1alpha2). Apply\n\
         # ladrillo-scan-rbac.yaml first (namespace, ServiceAccount, read-only ClusterRole) and install the\n\
         # PolicyReport CRDs of the Kubernetes Policy working group; then\n\
         # `kubectl get policyreports -A` shows the findings.\n",
    );
    reports_role(&mut y);
    network_policies(&mut y);
    config(&mut y);
    cronjob(&mut y);
    y
}

/// Write access to the reports and nothing else (guide:G3.2): server-side apply creates a report
/// the first time (authorized as `create`) and replaces it afterwards (`patch`).
fn reports_role(y: &mut String) {
    let _ = write!(
        y,
        "---\n# The scan's only write access: its own reports. Server-side apply creates a report the first\n\
         # time (authorized as create) and replaces it on every run (patch); no get, list or delete.\n\
         apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: {REPORTS_ROLE}\nrules:\n\
         \x20 - apiGroups: [\"wgpolicyk8s.io\"]\n    resources: [policyreports, clusterpolicyreports]\n\
         \x20   verbs: [create, patch]\n\
         ---\n# The scan writes a report into every namespace it reads, kube-system included.\n\
         apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: {REPORTS_ROLE}\n\
         \x20 annotations:\n    ladrillo.dev/ignore: kube-system-write\n\
         \x20   ladrillo.dev/ignore-reason: \"only PolicyReports: the scan writes one into every namespace it reads, kube-system included\"\n\
         subjects:\n  - kind: ServiceAccount\n    name: {SERVICE_ACCOUNT}\n    namespace: {NAMESPACE}\n\
         roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: {REPORTS_ROLE}\n"
    );
}

/// Closed by default (guide:G4.4): the scan reaches DNS and the API server, nothing reaches it.
fn network_policies(y: &mut String) {
    let mut to = String::new();
    for cidr in API_SERVER_RANGES {
        let _ = write!(to, "        - ipBlock:\n            cidr: {cidr}\n");
    }
    let _ = write!(
        y,
        "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: {NAMESPACE}\n\
         spec:\n  podSelector: {{}}\n  policyTypes:\n    - Ingress\n    - Egress\n\
         ---\n# The API server's ENIs are in the cluster's VPC: narrow these ranges to its CIDR.\n\
         apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-api-server\n  namespace: {NAMESPACE}\n\
         spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: {NAME}\n  policyTypes:\n    - Egress\n\
         \x20 egress:\n    - to:\n{to}      ports:\n        - protocol: TCP\n          port: 443\n\
         \x20   - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n\
         \x20         podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n      ports:\n\
         \x20       - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n"
    );
}

/// The scan's `.ladrillo.yaml`: selection, overrides and waivers as in docs/configuration.md.
fn config(y: &mut String) {
    let _ = write!(
        y,
        "---\n# The rules, severity overrides and waivers of the scan (docs/configuration.md). fail-on none:\n\
         # findings are reports, not a failed Job; a Job fails when the scan is incomplete (a kind it\n\
         # could not read) or a report could not be written.\n\
         apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {NAME}-config\n  namespace: {NAMESPACE}\n\
         data:\n  .ladrillo.yaml: |\n    fail-on: none\n"
    );
}

fn cronjob(y: &mut String) {
    let _ = write!(
        y,
        "---\n# Replace the image with yours and pin it by digest. Memory grows with the cluster: about 250 MB\n\
         # for 10,000 objects (docs/performance.md); raise the limit for larger clusters.\n\
         apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {NAME}\n  namespace: {NAMESPACE}\n  labels:\n\
         \x20   app.kubernetes.io/name: {NAME}\n  annotations:\n\
         \x20   ladrillo.dev/ignore: image-without-digest\n\
         \x20   ladrillo.dev/ignore-reason: \"the digest is not known when the manifests are generated; pin the image with its @sha256 digest\"\n\
         spec:\n  schedule: \"17 */6 * * *\"\n  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 600\n\
         \x20 successfulJobsHistoryLimit: 1\n  failedJobsHistoryLimit: 3\n  jobTemplate:\n    spec:\n\
         \x20     backoffLimit: 1\n      activeDeadlineSeconds: 1800\n      ttlSecondsAfterFinished: 86400\n\
         \x20     template:\n        metadata:\n          labels:\n            app.kubernetes.io/name: {NAME}\n\
         \x20       spec:\n          serviceAccountName: {SERVICE_ACCOUNT}\n          restartPolicy: Never\n\
         \x20         # The token is mounted explicitly below, short-lived and for the API server only.\n\
         \x20         automountServiceAccountToken: false\n\
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
         \x20                           fieldPath: metadata.namespace\n"
    );
}
