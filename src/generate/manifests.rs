//! `manifests/`: what `kubectl apply -k manifests/` installs on the new cluster: PSS-restricted
//! namespaces, default-deny NetworkPolicies, read-only developer RBAC, an encrypted default
//! StorageClass, a hardened example application, node autoscaling and a SecretProviderClass.

use std::fmt::Write as _;

use super::text::q;
use super::{File, Profile};

/// The example application of the guide (G3.7 names its Deployment `mi-app`).
pub const APP: &str = "mi-app";
/// Where Cluster Autoscaler runs: a namespace of its own, closed by default-deny policies
/// (kube-system cannot be: EKS's own pods there need traffic no generic policy can describe).
pub const AUTOSCALER_NAMESPACE: &str = "cluster-autoscaler";
/// Port the example application listens on.
const APP_PORT: u32 = 8080;

const WAIVE_DIGEST: &str = "    ladrillo.dev/ignore: image-without-digest\n    ladrillo.dev/ignore-reason: \"digests are not known when the bundle is generated; pin the image with its @sha256 digest before production\"\n";

#[must_use]
pub fn files(p: &Profile) -> Vec<File> {
    let mut names = vec![
        "namespaces.yaml",
        "network-policies.yaml",
        "rbac.yaml",
        "storage-class.yaml",
        "app.yaml",
        "secret-provider-class.yaml",
    ];
    names.push(if p.karpenter { "karpenter.yaml" } else { "cluster-autoscaler.yaml" });
    let mut out = vec![File { path: "manifests/kustomization.yaml".into(), contents: kustomization(&names) }];
    for n in names {
        let contents = match n {
            "namespaces.yaml" => namespaces(p),
            "network-policies.yaml" => network_policies(p),
            "rbac.yaml" => rbac(p),
            "storage-class.yaml" => storage_class(),
            "app.yaml" => app(p),
            "secret-provider-class.yaml" => secret_provider_class(p),
            "karpenter.yaml" => karpenter(p),
            _ => cluster_autoscaler(p),
        };
        out.push(File { path: format!("manifests/{n}"), contents });
    }
    out
}

fn kustomization(names: &[&str]) -> String {
    let mut y = String::from(
        "# Apply with: kubectl apply -k manifests/\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n",
    );
    for n in names {
        let _ = writeln!(y, "  - {n}");
    }
    y
}

/// The namespaces the bundle creates: the user's, then the autoscaler's.
fn all_namespaces(p: &Profile) -> Vec<&str> {
    let mut v: Vec<&str> = p.namespaces.iter().map(String::as_str).collect();
    if !p.karpenter {
        v.push(AUTOSCALER_NAMESPACE);
    }
    v
}

fn namespaces(p: &Profile) -> String {
    let version = format!("v1.{}", p.version.minor);
    let mut y = String::from(
        "# Pod Security Admission at the restricted level, enforced, audited and warned, pinned to the\n\
         # cluster's version: no root, no privilege escalation, no added capabilities (guide:G4.3,\n\
         # CIS 4.2.1-4.2.5). One namespace per team or application (CIS 4.5.1, 4.5.2).\n",
    );
    for ns in all_namespaces(p) {
        y.push_str("---\napiVersion: v1\nkind: Namespace\nmetadata:\n");
        let _ = writeln!(y, "  name: {ns}\n  labels:");
        for mode in ["enforce", "audit", "warn"] {
            let _ = writeln!(y, "    pod-security.kubernetes.io/{mode}: restricted");
            let _ = writeln!(y, "    pod-security.kubernetes.io/{mode}-version: {}", q(&version));
        }
    }
    y
}

fn network_policies(p: &Profile) -> String {
    let mut y = String::from(
        "# Every namespace starts closed: no ingress, no egress, except DNS to kube-dns (guide:G4.4,\n\
         # CIS 4.3.2, 5.4.4). The VPC CNI network policy agent enforces these (eksctl/cluster.yaml).\n",
    );
    for ns in all_namespaces(p) {
        let _ = write!(
            y,
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: {ns}\n\
             spec:\n  podSelector: {{}}\n  policyTypes:\n    - Ingress\n    - Egress\n"
        );
        let _ = write!(
            y,
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-dns-egress\n  namespace: {ns}\n\
             spec:\n  podSelector: {{}}\n  policyTypes:\n    - Egress\n  egress:\n    - to:\n        - namespaceSelector:\n\
             \x20           matchLabels:\n              kubernetes.io/metadata.name: kube-system\n          podSelector:\n\
             \x20           matchLabels:\n              k8s-app: kube-dns\n      ports:\n        - protocol: UDP\n          port: 53\n\
             \x20       - protocol: TCP\n          port: 53\n"
        );
    }
    let ns = p.app_namespace();
    let _ = write!(
        y,
        "---\n# The guide's example (G4.4): backend pods accept traffic only from frontend pods.\n\
         apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: backend-allow-from-frontend\n  namespace: {ns}\n\
         spec:\n  podSelector:\n    matchLabels:\n      app: backend\n  policyTypes:\n    - Ingress\n  ingress:\n    - from:\n\
         \x20       - podSelector:\n            matchLabels:\n              app: frontend\n      ports:\n        - protocol: TCP\n\
         \x20         port: {APP_PORT}\n"
    );
    if !p.karpenter {
        let _ = write!(
            y,
            "---\n# Cluster Autoscaler talks to the API server and to the AWS APIs, over HTTPS only.\n\
             apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-https-egress\n  namespace: {AUTOSCALER_NAMESPACE}\n\
             spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: cluster-autoscaler\n  policyTypes:\n    - Egress\n\
             \x20 egress:\n    - ports:\n        - protocol: TCP\n          port: 443\n"
        );
    }
    y
}

/// Read-only resources for developers: workloads, their status and logs; never Secrets.
const DEVELOPER_RULES: &[(&str, &[&str])] = &[
    ("", &["configmaps", "endpoints", "events", "persistentvolumeclaims", "pods", "pods/log", "services"]),
    ("apps", &["daemonsets", "deployments", "replicasets", "statefulsets"]),
    ("autoscaling", &["horizontalpodautoscalers"]),
    ("batch", &["cronjobs", "jobs"]),
    ("networking.k8s.io", &["ingresses", "networkpolicies"]),
    ("policy", &["poddisruptionbudgets"]),
];

fn rbac(p: &Profile) -> String {
    let mut y = String::from(
        "# Developers (Kubernetes group `developers`, mapped from their IAM role by an access entry in\n\
         # eksctl/cluster.yaml) may get, list and watch in their namespaces: no writes, no Secrets,\n\
         # nothing in kube-system (guide:G4.1, CIS 4.1.1-4.1.4).\n",
    );
    for ns in &p.namespaces {
        let _ = write!(
            y,
            "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: developer-read-only\n  namespace: {ns}\nrules:\n"
        );
        for (group, resources) in DEVELOPER_RULES {
            let _ = writeln!(y, "  - apiGroups: [{}]", q(group));
            let _ = writeln!(y, "    resources: {}", super::text::flow(resources));
            y.push_str("    verbs: [\"get\", \"list\", \"watch\"]\n");
        }
        let _ = write!(
            y,
            "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: developers-read-only\n  namespace: {ns}\n\
             roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: developer-read-only\nsubjects:\n\
             \x20 - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: {}\n",
            super::eksctl::DEVELOPERS_GROUP
        );
    }
    y
}

fn storage_class() -> String {
    String::from(
        "# The default StorageClass: gp3 volumes encrypted at rest through the EBS CSI driver. EBS is\n\
         # not encrypted unless asked (guide:G2.4, G4.7).\n\
         apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3-encrypted\n  annotations:\n\
         \x20   storageclass.kubernetes.io/is-default-class: \"true\"\nprovisioner: ebs.csi.aws.com\nparameters:\n\
         \x20 type: gp3\n  encrypted: \"true\"\n  csi.storage.k8s.io/fstype: ext4\nreclaimPolicy: Delete\n\
         volumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true\n",
    )
}

/// Pod and container security context of the restricted level (pss:restricted).
fn pod_security(y: &mut String, uid: u32, indent: &str) {
    let _ = write!(
        y,
        "{indent}securityContext:\n{indent}  runAsNonRoot: true\n{indent}  runAsUser: {uid}\n{indent}  runAsGroup: {uid}\n\
         {indent}  fsGroup: {uid}\n{indent}  seccompProfile:\n{indent}    type: RuntimeDefault\n"
    );
}

fn container_security(y: &mut String, indent: &str) {
    let _ = write!(
        y,
        "{indent}securityContext:\n{indent}  allowPrivilegeEscalation: false\n{indent}  readOnlyRootFilesystem: true\n\
         {indent}  runAsNonRoot: true\n{indent}  capabilities:\n{indent}    drop: [\"ALL\"]\n"
    );
}

fn app(p: &Profile) -> String {
    let ns = p.app_namespace();
    let role = p.role_arn(&format!("{}-{APP}", p.name));
    let mut y = String::from(
        "# The guide's example application (G3.7), hardened to the restricted Pod Security Standard:\n\
         # its own ServiceAccount with an IRSA role and no API token, non-root, read-only root\n\
         # filesystem, no capabilities, requests and limits, probes, spread over zones, secrets as\n\
         # files from AWS Secrets Manager (guide:G4.3, G4.6; CIS 4.1.5, 4.1.6, 4.4.1, 5.2.1).\n\
         # Replace the image with yours.\n",
    );
    let _ = write!(
        y,
        "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {APP}\n  namespace: {ns}\n  annotations:\n\
         \x20   eks.amazonaws.com/role-arn: {}\nautomountServiceAccountToken: false\n",
        q(&role)
    );
    let _ = write!(
        y,
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {APP}\n  namespace: {ns}\n  labels:\n\
         \x20   app.kubernetes.io/name: {APP}\n  annotations:\n{WAIVE_DIGEST}spec:\n  replicas: 3\n  revisionHistoryLimit: 5\n\
         \x20 selector:\n    matchLabels:\n      app.kubernetes.io/name: {APP}\n  template:\n    metadata:\n      labels:\n\
         \x20       app.kubernetes.io/name: {APP}\n        app: backend\n    spec:\n      serviceAccountName: {APP}\n\
         \x20     automountServiceAccountToken: false\n"
    );
    pod_security(&mut y, 101, "      ");
    let _ = write!(
        y,
        "      # Replicas in different zones, so one zone outage leaves the service up (guide:G5.1).\n\
         \x20     topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n\
         \x20         whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n\
         \x20             app.kubernetes.io/name: {APP}\n      containers:\n        - name: app\n\
         \x20         image: docker.io/nginxinc/nginx-unprivileged:1.29-alpine\n          imagePullPolicy: Always\n\
         \x20         ports:\n            - name: http\n              containerPort: {APP_PORT}\n\
         \x20         resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n\
         \x20           limits:\n              cpu: 500m\n              memory: 256Mi\n\
         \x20         readinessProbe:\n            httpGet:\n              path: /\n              port: http\n            periodSeconds: 10\n\
         \x20         livenessProbe:\n            httpGet:\n              path: /\n              port: http\n\
         \x20           initialDelaySeconds: 10\n            periodSeconds: 20\n"
    );
    container_security(&mut y, "          ");
    let _ = write!(
        y,
        "          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n            - name: secrets\n\
         \x20             mountPath: /mnt/secrets\n              readOnly: true\n      volumes:\n        - name: tmp\n\
         \x20         emptyDir:\n            sizeLimit: 64Mi\n        - name: secrets\n          csi:\n\
         \x20           driver: secrets-store.csi.k8s.io\n            readOnly: true\n            volumeAttributes:\n\
         \x20             secretProviderClass: {APP}-secrets\n"
    );
    let _ = write!(
        y,
        "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {APP}\n  namespace: {ns}\nspec:\n  type: ClusterIP\n\
         \x20 selector:\n    app.kubernetes.io/name: {APP}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n"
    );
    let _ = write!(
        y,
        "---\n# The guide's autoscaling example (G3.7): 3 to 10 replicas at 50% CPU.\n\
         apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: {APP}\n  namespace: {ns}\nspec:\n\
         \x20 scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: {APP}\n  minReplicas: 3\n  maxReplicas: 10\n\
         \x20 metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n\
         \x20         averageUtilization: 50\n"
    );
    let _ = write!(
        y,
        "---\n# Node drains and upgrades take at most one replica at a time (guide:G5.1).\n\
         apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: {APP}\n  namespace: {ns}\nspec:\n  maxUnavailable: 1\n\
         \x20 selector:\n    matchLabels:\n      app.kubernetes.io/name: {APP}\n"
    );
    y
}

fn secret_provider_class(p: &Profile) -> String {
    let ns = p.app_namespace();
    let secret = format!("{}db", super::iam::app_secret_prefix(p));
    format!(
        "# Secrets stay in AWS Secrets Manager and reach the pod as files through the Secrets Store CSI\n\
         # driver, never as literals in YAML (guide:G4.6, CIS 4.4.1, 4.4.2). Needs the driver and its AWS\n\
         # provider installed (see README.md).\n\
         apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: {APP}-secrets\n  namespace: {ns}\n\
         spec:\n  provider: aws\n  parameters:\n    region: {}\n    objects: |\n      - objectName: {}\n        objectType: \"secretsmanager\"\n",
        q(&p.region),
        q(&secret)
    )
}

/// An RBAC rule: API groups, resources, resource names, verbs.
type PolicyRule =
    (&'static [&'static str], &'static [&'static str], &'static [&'static str], &'static [&'static str]);

fn cluster_autoscaler(p: &Profile) -> String {
    let ns = AUTOSCALER_NAMESPACE;
    let role = p.role_arn(&format!("{}-cluster-autoscaler", p.name));
    let mut y = String::from(
        "# Cluster Autoscaler (guide:G3.6): finds the node group by its auto-discovery tags and scales it\n\
         # through an IRSA role limited to this cluster's groups (iam/cluster-autoscaler-policy.json).\n\
         # RBAC follows kubernetes/autoscaler's AWS example; its version matches the cluster's minor.\n",
    );
    let _ = write!(
        y,
        "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: cluster-autoscaler\n  namespace: {ns}\n  annotations:\n\
         \x20   eks.amazonaws.com/role-arn: {}\n# The token is mounted explicitly, short-lived, into the one container that needs it.\n\
         automountServiceAccountToken: false\n",
        q(&role)
    );
    y.push_str("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cluster-autoscaler\nrules:\n");
    let rules: &[PolicyRule] = &[
        (&[""], &["events"], &[], &["create", "patch"]),
        (&[""], &["pods/eviction"], &[], &["create"]),
        (&[""], &["pods/status"], &[], &["update"]),
        (&[""], &["nodes"], &[], &["get", "list", "update", "watch"]),
        (
            &[""],
            &[
                "namespaces",
                "persistentvolumeclaims",
                "persistentvolumes",
                "pods",
                "replicationcontrollers",
                "services",
            ],
            &[],
            &["get", "list", "watch"],
        ),
        (&["apps"], &["daemonsets", "replicasets", "statefulsets"], &[], &["get", "list", "watch"]),
        (&["batch"], &["cronjobs", "jobs"], &[], &["get", "list", "watch"]),
        (&["policy"], &["poddisruptionbudgets"], &[], &["list", "watch"]),
        (
            &["storage.k8s.io"],
            &["csidrivers", "csinodes", "csistoragecapacities", "storageclasses", "volumeattachments"],
            &[],
            &["get", "list", "watch"],
        ),
        (&["coordination.k8s.io"], &["leases"], &[], &["create"]),
        (&["coordination.k8s.io"], &["leases"], &["cluster-autoscaler"], &["get", "update"]),
    ];
    for (groups, resources, names, verbs) in rules {
        let _ = writeln!(y, "  - apiGroups: {}", super::text::flow(groups));
        let _ = writeln!(y, "    resources: {}", super::text::flow(resources));
        if !names.is_empty() {
            let _ = writeln!(y, "    resourceNames: {}", super::text::flow(names));
        }
        let _ = writeln!(y, "    verbs: {}", super::text::flow(verbs));
    }
    let _ = write!(
        y,
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: cluster-autoscaler\n  annotations:\n\
         \x20   ladrillo.dev/ignore: kube-system-write\n\
         \x20   ladrillo.dev/ignore-reason: \"draining a node evicts its pods in every namespace, kube-system included (pods/eviction, pods/status, events)\"\n\
         roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-autoscaler\nsubjects:\n\
         \x20 - kind: ServiceAccount\n    name: cluster-autoscaler\n    namespace: {ns}\n"
    );
    let _ = write!(
        y,
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: cluster-autoscaler\n  namespace: {ns}\nrules:\n\
         \x20 - apiGroups: [\"\"]\n    resources: [\"configmaps\"]\n    verbs: [\"create\", \"list\", \"watch\"]\n\
         \x20 - apiGroups: [\"\"]\n    resources: [\"configmaps\"]\n    resourceNames: [\"cluster-autoscaler-status\"]\n\
         \x20   verbs: [\"delete\", \"get\", \"update\", \"watch\"]\n"
    );
    let _ = write!(
        y,
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: cluster-autoscaler\n  namespace: {ns}\n\
         roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: cluster-autoscaler\nsubjects:\n\
         \x20 - kind: ServiceAccount\n    name: cluster-autoscaler\n    namespace: {ns}\n"
    );
    let _ = write!(
        y,
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cluster-autoscaler\n  namespace: {ns}\n  labels:\n\
         \x20   app.kubernetes.io/name: cluster-autoscaler\n  annotations:\n{WAIVE_DIGEST}spec:\n  replicas: 2\n  selector:\n\
         \x20   matchLabels:\n      app.kubernetes.io/name: cluster-autoscaler\n  template:\n    metadata:\n      labels:\n\
         \x20       app.kubernetes.io/name: cluster-autoscaler\n    spec:\n      serviceAccountName: cluster-autoscaler\n\
         \x20     automountServiceAccountToken: false\n"
    );
    pod_security(&mut y, 65534, "      ");
    let _ = write!(
        y,
        "      containers:\n        - name: cluster-autoscaler\n          image: {}\n          imagePullPolicy: Always\n\
         \x20         command:\n            - /cluster-autoscaler\n            - --cloud-provider=aws\n            - --namespace={ns}\n\
         \x20           - --node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/{}\n\
         \x20           - --balance-similar-node-groups\n            - --skip-nodes-with-system-pods=false\n\
         \x20           - --expander=least-waste\n          env:\n            - name: AWS_REGION\n              value: {}\n\
         \x20         ports:\n            - name: metrics\n              containerPort: 8085\n\
         \x20         resources:\n            requests:\n              cpu: 100m\n              memory: 600Mi\n\
         \x20           limits:\n              cpu: 500m\n              memory: 600Mi\n\
         \x20         readinessProbe:\n            httpGet:\n              path: /health-check\n              port: metrics\n\
         \x20         livenessProbe:\n            httpGet:\n              path: /health-check\n              port: metrics\n\
         \x20           initialDelaySeconds: 30\n            periodSeconds: 30\n",
        p.autoscaler_image(),
        p.name,
        q(&p.region)
    );
    container_security(&mut y, "          ");
    let _ = write!(
        y,
        "          volumeMounts:\n            - name: kube-api-access\n              mountPath: /var/run/secrets/kubernetes.io/serviceaccount\n\
         \x20             readOnly: true\n      volumes:\n        - name: kube-api-access\n          projected:\n            sources:\n\
         \x20             - serviceAccountToken:\n                  path: token\n                  expirationSeconds: 3600\n\
         \x20             - configMap:\n                  name: kube-root-ca.crt\n                  items:\n\
         \x20                   - key: ca.crt\n                      path: ca.crt\n              - downwardAPI:\n\
         \x20                 items:\n                    - path: namespace\n                      fieldRef:\n\
         \x20                       apiVersion: v1\n                        fieldPath: metadata.namespace\n"
    );
    let _ = write!(
        y,
        "---\n# Two replicas with leader election; a drain keeps one running.\n\
         apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: cluster-autoscaler\n  namespace: {ns}\nspec:\n\
         \x20 maxUnavailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: cluster-autoscaler\n"
    );
    y
}

fn karpenter(p: &Profile) -> String {
    let capacity: &[&str] = if p.spot { &["spot", "on-demand"] } else { &["on-demand"] };
    let mut y = String::from(
        "# Karpenter node provisioning (guide:G5.6, G3.6), with the same node hardening as the managed\n\
         # node group: private subnets, IMDSv2 with hop limit 1, encrypted gp3 root volumes (guide:G4.7).\n\
         # Install the Karpenter controller with its IRSA role first (README.md).\n",
    );
    let _ = write!(
        y,
        "---\napiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n  name: default\nspec:\n  role: {}\n\
         \x20 amiSelectorTerms:\n    - alias: al2023@latest\n  subnetSelectorTerms:\n    - tags:\n        karpenter.sh/discovery: {}\n\
         \x20 securityGroupSelectorTerms:\n    - tags:\n        karpenter.sh/discovery: {}\n  associatePublicIPAddress: false\n\
         \x20 metadataOptions:\n    httpEndpoint: enabled\n    httpProtocolIPv6: disabled\n    httpPutResponseHopLimit: 1\n\
         \x20   httpTokens: required\n  blockDeviceMappings:\n    - deviceName: /dev/xvda\n      ebs:\n        volumeSize: 80Gi\n\
         \x20       volumeType: gp3\n        encrypted: true\n        deleteOnTermination: true\n",
        q(&super::terraform::karpenter_node_role(p)),
        q(&p.name),
        q(&p.name)
    );
    let _ = write!(
        y,
        "---\napiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: default\nspec:\n  template:\n    spec:\n\
         \x20     nodeClassRef:\n        group: karpenter.k8s.aws\n        kind: EC2NodeClass\n        name: default\n\
         \x20     requirements:\n        - key: karpenter.sh/capacity-type\n          operator: In\n          values: {}\n\
         \x20       - key: node.kubernetes.io/instance-type\n          operator: In\n          values: {}\n\
         \x20     # Nodes are replaced every 30 days, so they pick up patched AMIs.\n      expireAfter: 720h\n\
         \x20 limits:\n    cpu: \"1000\"\n  disruption:\n    consolidationPolicy: WhenEmptyOrUnderutilized\n    consolidateAfter: 1m\n",
        super::text::flow(capacity),
        super::text::flow(&p.instance_types)
    );
    y
}
