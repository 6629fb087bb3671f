//! The manifests of `ladrillo webhook` (`ladrillo webhook manifests`, `init --webhook`): its
//! namespace (restricted Pod Security), ServiceAccount and the least RBAC its Namespace cache
//! needs, config, a Deployment of three replicas spread over nodes and zones, PDB, HPA, Service,
//! NetworkPolicies, the serving certificate (cert-manager) and the
//! ValidatingWebhookConfiguration. Pure text; the bundle scans clean with `--select all`.

use std::fmt::Write as _;

use super::text::{comment, q};
use crate::i18n::{Lang, text};

/// What the manifests are made for.
#[derive(Clone, Debug)]
pub struct Params {
    pub namespace: String,
    pub image: String,
    /// A cert-manager `Certificate` and `caBundle` injection; without it the Secret and the
    /// `caBundle` come from `ladrillo webhook certs`.
    pub cert_manager: bool,
    /// The mode of namespaces without one of their own.
    pub mode: String,
}

/// The name of the Deployment, Service, ServiceAccount and webhook configuration.
pub const NAME: &str = "ladrillo-webhook";
/// The default namespace.
pub const NAMESPACE: &str = "ladrillo-system";
/// The container port.
pub const PORT: u16 = 8443;
/// The image the manifests name until the user pins theirs.
pub const IMAGE: &str = "registry.example.com/ladrillo:0.1.0";
/// The Secret holding the serving certificate.
pub const TLS_SECRET: &str = "ladrillo-webhook-tls";

/// Address ranges the API server's ENIs can use in the cluster's VPC: the private ranges and
/// the carrier-grade NAT range EKS also allows for VPC CIDRs. Narrow them to your VPC's CIDR.
pub const API_SERVER_RANGES: [&str; 4] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];

impl Default for Params {
    fn default() -> Self {
        Self { namespace: NAMESPACE.into(), image: IMAGE.into(), cert_manager: true, mode: "warn".into() }
    }
}

/// The whole stream, its comments in `lang`.
#[must_use]
pub fn yaml(p: &Params, lang: Lang) -> String {
    let mut y = note(lang, "", "gen-webhook-header");
    namespace(&mut y, p, lang);
    rbac(&mut y, p, lang);
    config(&mut y, p, lang);
    deployment(&mut y, p, lang);
    availability(&mut y, p, lang);
    service(&mut y, p);
    network_policies(&mut y, p, lang);
    if p.cert_manager {
        certificates(&mut y, p, lang);
    }
    webhook_configuration(&mut y, p, lang);
    y
}

/// A message of `generate.ftl` as comment lines at an indent.
fn note(lang: Lang, indent: &str, id: &str) -> String {
    comment(indent, &text(lang, id))
}

/// The reason that waives the digest rule on an image named by tag (here and in the scan's
/// CronJob).
pub(crate) fn digest_reason(lang: Lang) -> String {
    q(&text(lang, "gen-manifests-digest-reason"))
}

fn namespace(y: &mut String, p: &Params, lang: Lang) {
    let ns = &p.namespace;
    let _ = write!(
        y,
        "---\n{}apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n  labels:\n\
         \x20   pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: latest\n\
         \x20   pod-security.kubernetes.io/audit: restricted\n    pod-security.kubernetes.io/warn: restricted\n",
        note(lang, "", "gen-webhook-namespace")
    );
}

/// The ServiceAccount and the one permission the Namespace cache needs: read Namespaces.
fn rbac(y: &mut String, p: &Params, lang: Lang) {
    let ns = &p.namespace;
    let _ = write!(
        y,
        "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {NAME}\n  namespace: {ns}\n\
         automountServiceAccountToken: false\n\
         ---\n{}apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: {NAME}\nrules:\n\
         \x20 - apiGroups: [\"\"]\n    resources: [namespaces]\n    verbs: [get, list, watch]\n\
         ---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: {NAME}\n\
         roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: {NAME}\nsubjects:\n\
         \x20 - kind: ServiceAccount\n    name: {NAME}\n    namespace: {ns}\n",
        note(lang, "", "gen-webhook-cluster-role")
    );
}

fn config(y: &mut String, p: &Params, lang: Lang) {
    let ns = &p.namespace;
    let _ = write!(
        y,
        "---\n{}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {NAME}-config\n  namespace: {ns}\ndata:\n\
         \x20 .ladrillo.yaml: |\n    fail-on: high\n    webhook:\n      mode: {mode}\n\
         {}      exempt-namespaces: []\n",
        note(lang, "", "gen-webhook-config"),
        note(lang, "      ", "gen-webhook-no-exempt-namespace"),
        mode = p.mode
    );
}

fn deployment(y: &mut String, p: &Params, lang: Lang) {
    let ns = &p.namespace;
    let _ = write!(
        y,
        "---\n{header}apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {NAME}\n  namespace: {ns}\n  labels:\n\
         \x20   app.kubernetes.io/name: {NAME}\n  annotations:\n\
         \x20   ladrillo.dev/ignore: image-without-digest\n\
         \x20   ladrillo.dev/ignore-reason: {reason}\n\
         spec:\n  revisionHistoryLimit: 5\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: {NAME}\n\
         \x20 template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: {NAME}\n    spec:\n\
         \x20     serviceAccountName: {NAME}\n\
         {token}      automountServiceAccountToken: false\n\
         \x20     securityContext:\n        runAsNonRoot: true\n        runAsUser: 65532\n        runAsGroup: 65532\n\
         \x20       fsGroup: 65532\n        seccompProfile:\n          type: RuntimeDefault\n\
         \x20     affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n\
         \x20           - weight: 100\n              podAffinityTerm:\n                topologyKey: kubernetes.io/hostname\n\
         \x20               labelSelector:\n                  matchLabels:\n                    app.kubernetes.io/name: {NAME}\n\
         \x20     topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n\
         \x20         whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n\
         \x20             app.kubernetes.io/name: {NAME}\n\
         \x20     containers:\n        - name: webhook\n          image: {image}\n          imagePullPolicy: Always\n\
         \x20         args:\n            - webhook\n            - --tls-cert=/tls/tls.crt\n            - --tls-key=/tls/tls.key\n\
         \x20           - --listen=0.0.0.0:{PORT}\n            - --config=/config/.ladrillo.yaml\n\
         \x20         ports:\n            - name: https\n              containerPort: {PORT}\n\
         \x20         resources:\n            requests:\n              cpu: 100m\n              memory: 64Mi\n\
         \x20           limits:\n              cpu: \"1\"\n              memory: 256Mi\n\
         \x20         readinessProbe:\n            httpGet:\n              path: /readyz\n              port: https\n\
         \x20             scheme: HTTPS\n            periodSeconds: 5\n\
         \x20         livenessProbe:\n            httpGet:\n              path: /healthz\n              port: https\n\
         \x20             scheme: HTTPS\n            periodSeconds: 10\n\
         \x20         securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n\
         \x20           capabilities:\n              drop: [\"ALL\"]\n\
         \x20         volumeMounts:\n            - name: tls\n              mountPath: /tls\n              readOnly: true\n\
         \x20           - name: config\n              mountPath: /config\n              readOnly: true\n\
         \x20           - name: token\n              mountPath: /var/run/secrets/kubernetes.io/serviceaccount\n\
         \x20             readOnly: true\n\
         \x20     volumes:\n        - name: tls\n          secret:\n            secretName: {TLS_SECRET}\n\
         \x20       - name: config\n          configMap:\n            name: {NAME}-config\n\
         \x20       - name: token\n          projected:\n            sources:\n              - serviceAccountToken:\n\
         \x20                 path: token\n                  expirationSeconds: 3600\n              - configMap:\n\
         \x20                 name: kube-root-ca.crt\n                  items:\n                    - key: ca.crt\n\
         \x20                     path: ca.crt\n              - downwardAPI:\n                  items:\n\
         \x20                   - path: namespace\n                      fieldRef:\n\
         \x20                       fieldPath: metadata.namespace\n",
        image = p.image,
        header = note(lang, "", "gen-webhook-deployment"),
        reason = digest_reason(lang),
        token = note(lang, "      ", "gen-manifests-token"),
    );
}

/// The PodDisruptionBudget and the HorizontalPodAutoscaler.
fn availability(y: &mut String, p: &Params, lang: Lang) {
    let ns = &p.namespace;
    let _ = write!(
        y,
        "---\n{}apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: {NAME}\n  namespace: {ns}\n\
         spec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: {NAME}\n\
         ---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: {NAME}\n  namespace: {ns}\n\
         spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: {NAME}\n  minReplicas: 3\n\
         \x20 maxReplicas: 6\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n\
         \x20         type: Utilization\n          averageUtilization: 70\n",
        note(lang, "", "gen-webhook-pdb")
    );
}

fn service(y: &mut String, p: &Params) {
    let ns = &p.namespace;
    let _ = write!(
        y,
        "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {NAME}\n  namespace: {ns}\nspec:\n  type: ClusterIP\n\
         \x20 selector:\n    app.kubernetes.io/name: {NAME}\n  ports:\n    - name: https\n      port: 443\n      targetPort: https\n"
    );
}

fn network_policies(y: &mut String, p: &Params, lang: Lang) {
    let ns = &p.namespace;
    let mut from = String::new();
    for cidr in API_SERVER_RANGES {
        let _ = write!(from, "        - ipBlock:\n            cidr: {cidr}\n");
    }
    let _ = write!(
        y,
        "---\n{closed}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: {ns}\n\
         spec:\n  podSelector: {{}}\n  policyTypes:\n    - Ingress\n    - Egress\n\
         ---\n{ranges}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-api-server\n  namespace: {ns}\n\
         spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: {NAME}\n  policyTypes:\n    - Ingress\n\
         \x20   - Egress\n  ingress:\n    - from:\n{from}      ports:\n        - protocol: TCP\n          port: {PORT}\n\
         \x20 egress:\n    - to:\n{from_out}      ports:\n        - protocol: TCP\n          port: 443\n\
         \x20   - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n\
         \x20         podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n      ports:\n\
         \x20       - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n",
        from_out = from,
        closed = comment("", &crate::t!(lang, "gen-webhook-network-policies", port = PORT.to_string())),
        ranges = note(lang, "", "gen-manifests-api-server-ranges"),
    );
}

/// A self-signed CA made by cert-manager, and the serving certificate it issues; cert-manager
/// renews it and injects the CA into the webhook configuration.
fn certificates(y: &mut String, p: &Params, lang: Lang) {
    let ns = &p.namespace;
    let names: String =
        crate::webhook::certs::service_names(NAME, ns).iter().map(|n| format!("    - {n}\n")).collect();
    let _ = write!(
        y,
        "---\n{header}apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata:\n  name: {NAME}-selfsigned\n  namespace: {ns}\n\
         spec:\n  selfSigned: {{}}\n\
         ---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: {NAME}-ca\n  namespace: {ns}\n\
         spec:\n  isCA: true\n  commonName: {NAME}-ca\n  secretName: {NAME}-ca\n  duration: 8760h\n\
         \x20 privateKey:\n    algorithm: ECDSA\n    size: 256\n  issuerRef:\n    name: {NAME}-selfsigned\n    kind: Issuer\n\
         ---\napiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata:\n  name: {NAME}-ca\n  namespace: {ns}\n\
         spec:\n  ca:\n    secretName: {NAME}-ca\n\
         ---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: {NAME}\n  namespace: {ns}\n\
         spec:\n  secretName: {TLS_SECRET}\n  duration: 2160h\n  renewBefore: 360h\n  privateKey:\n    algorithm: ECDSA\n\
         \x20   size: 256\n  dnsNames:\n{names}  issuerRef:\n    name: {NAME}-ca\n    kind: Issuer\n",
        header = note(lang, "", "gen-webhook-certificates"),
    );
}

fn webhook_configuration(y: &mut String, p: &Params, lang: Lang) {
    let ns = &p.namespace;
    let (annotation, ca_bundle) = if p.cert_manager {
        (format!("  annotations:\n    cert-manager.io/inject-ca-from: {ns}/{NAME}\n"), String::new())
    } else {
        (String::new(), note(lang, "      ", "gen-webhook-ca-bundle") + "      caBundle: \"\"\n")
    };
    let _ = write!(
        y,
        "---\n{header}apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: {NAME}\n\
         {annotation}webhooks:\n  - name: validate.ladrillo.dev\n    admissionReviewVersions: [v1]\n    sideEffects: None\n\
         \x20   failurePolicy: Fail\n    timeoutSeconds: 5\n    matchPolicy: Equivalent\n    clientConfig:\n      service:\n\
         \x20       name: {NAME}\n        namespace: {ns}\n        path: /validate\n        port: 443\n{ca_bundle}\
         \x20   namespaceSelector:\n      matchExpressions:\n        - key: kubernetes.io/metadata.name\n\
         \x20         operator: NotIn\n          values: [{ns}]\n\
         {controllers}    matchConditions:\n      - name: not-from-workload-controllers\n\
         \x20       expression: >-\n          !(request.resource.resource == 'pods' && request.subResource == '' &&\n\
         \x20         request.userInfo.username in ['system:serviceaccount:kube-system:replicaset-controller',\n\
         \x20         'system:serviceaccount:kube-system:daemon-set-controller',\n\
         \x20         'system:serviceaccount:kube-system:statefulset-controller',\n\
         \x20         'system:serviceaccount:kube-system:job-controller'])\n\
         \x20   rules:\n      - apiGroups: [\"\"]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n\
         \x20       resources: [pods, pods/ephemeralcontainers, services, configmaps, serviceaccounts, namespaces]\n\
         \x20     - apiGroups: [apps]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n\
         \x20       resources: [deployments, statefulsets, daemonsets, replicasets]\n\
         \x20     - apiGroups: [batch]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n\
         \x20       resources: [jobs, cronjobs]\n\
         \x20     - apiGroups: [networking.k8s.io]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n\
         \x20       resources: [ingresses, networkpolicies]\n\
         \x20     - apiGroups: [rbac.authorization.k8s.io]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n\
         \x20       resources: [roles, rolebindings, clusterroles, clusterrolebindings]\n\
         \x20     - apiGroups: [storage.k8s.io]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n\
         \x20       resources: [storageclasses]\n",
        header = note(lang, "", "gen-webhook-configuration"),
        controllers = note(lang, "    ", "gen-webhook-skip-controllers"),
    );
}
