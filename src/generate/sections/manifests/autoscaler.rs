//! `manifests/cluster-autoscaler.yaml` and its IRSA role (guide:G3.6): RBAC follows
//! kubernetes/autoscaler's AWS example; the IAM policy its
//! `cluster-autoscaler/cloudprovider/aws/README.md`: read-only discovery everywhere, scaling only
//! of groups tagged for this cluster.

use std::fmt::Write as _;

use serde_json::json;

use super::{container_security, pod_security, waive_digest};
use crate::generate::names::AUTOSCALER_NAMESPACE;
use crate::generate::profile::Profile;
use crate::generate::section::IrsaRole;
use crate::generate::text::{comment, flow, q};
use crate::i18n::{Lang, text};

const NAME: &str = "cluster-autoscaler";

pub fn role(p: &Profile) -> IrsaRole {
    let cluster_tag = format!("aws:ResourceTag/k8s.io/cluster-autoscaler/{}", p.name);
    let policy = json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "Discover",
                "Effect": "Allow",
                "Action": [
                    "autoscaling:DescribeAutoScalingGroups",
                    "autoscaling:DescribeAutoScalingInstances",
                    "autoscaling:DescribeLaunchConfigurations",
                    "autoscaling:DescribeScalingActivities",
                    "autoscaling:DescribeTags",
                    "ec2:DescribeImages",
                    "ec2:DescribeInstanceTypes",
                    "ec2:DescribeLaunchTemplateVersions",
                    "ec2:GetInstanceTypesFromInstanceRequirements",
                    "eks:DescribeNodegroup",
                ],
                "Resource": "*",
            },
            {
                "Sid": "ScaleOnlyThisCluster",
                "Effect": "Allow",
                "Action": ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
                "Resource": "*",
                "Condition": { "StringEquals": { cluster_tag: "owned" } },
            },
        ],
    });
    IrsaRole {
        key: NAME,
        namespace: AUTOSCALER_NAMESPACE.into(),
        service_account: NAME.into(),
        managed_policies: vec![],
        policy: Some(policy),
    }
}

pub fn yaml(p: &Profile, lang: Lang) -> String {
    let mut y = comment("", &text(lang, "gen-autoscaler-header"));
    service_account(&mut y, p, lang);
    cluster_rbac(&mut y, lang);
    namespace_rbac(&mut y);
    deployment(&mut y, p, lang);
    let _ = write!(
        y,
        "---\n{}apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: {NAME}\n  namespace: {AUTOSCALER_NAMESPACE}\nspec:\n\
         \x20 maxUnavailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: {NAME}\n",
        comment("", &text(lang, "gen-autoscaler-pdb"))
    );
    y
}

fn service_account(y: &mut String, p: &Profile, lang: Lang) {
    let role = p.role_arn(&p.irsa_role_name(NAME));
    let _ = write!(
        y,
        "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {NAME}\n  namespace: {AUTOSCALER_NAMESPACE}\n  annotations:\n\
         \x20   eks.amazonaws.com/role-arn: {}\n{}automountServiceAccountToken: false\n",
        q(&role),
        comment("", &text(lang, "gen-autoscaler-token"))
    );
}

/// An RBAC rule: API groups, resources, resource names, verbs.
type PolicyRule =
    (&'static [&'static str], &'static [&'static str], &'static [&'static str], &'static [&'static str]);

const CLUSTER_RULES: &[PolicyRule] = &[
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

fn cluster_rbac(y: &mut String, lang: Lang) {
    let _ = write!(
        y,
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: {NAME}\nrules:\n"
    );
    for (groups, resources, names, verbs) in CLUSTER_RULES {
        let _ = writeln!(y, "  - apiGroups: {}", flow(groups));
        let _ = writeln!(y, "    resources: {}", flow(resources));
        if !names.is_empty() {
            let _ = writeln!(y, "    resourceNames: {}", flow(names));
        }
        let _ = writeln!(y, "    verbs: {}", flow(verbs));
    }
    let _ = write!(
        y,
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: {NAME}\n  annotations:\n\
         \x20   ladrillo.dev/ignore: kube-system-write\n\
         \x20   ladrillo.dev/ignore-reason: {}\n\
         roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: {NAME}\nsubjects:\n\
         \x20 - kind: ServiceAccount\n    name: {NAME}\n    namespace: {AUTOSCALER_NAMESPACE}\n",
        q(&text(lang, "gen-autoscaler-kube-system-reason"))
    );
}

fn namespace_rbac(y: &mut String) {
    let ns = AUTOSCALER_NAMESPACE;
    let _ = write!(
        y,
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: {NAME}\n  namespace: {ns}\nrules:\n\
         \x20 - apiGroups: [\"\"]\n    resources: [\"configmaps\"]\n    verbs: [\"create\", \"list\", \"watch\"]\n\
         \x20 - apiGroups: [\"\"]\n    resources: [\"configmaps\"]\n    resourceNames: [\"cluster-autoscaler-status\"]\n\
         \x20   verbs: [\"delete\", \"get\", \"update\", \"watch\"]\n"
    );
    let _ = write!(
        y,
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: {NAME}\n  namespace: {ns}\n\
         roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: {NAME}\nsubjects:\n\
         \x20 - kind: ServiceAccount\n    name: {NAME}\n    namespace: {ns}\n"
    );
}

fn deployment(y: &mut String, p: &Profile, lang: Lang) {
    let ns = AUTOSCALER_NAMESPACE;
    let _ = write!(
        y,
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {NAME}\n  namespace: {ns}\n  labels:\n\
         \x20   app.kubernetes.io/name: {NAME}\n  annotations:\n{}spec:\n  replicas: 2\n  selector:\n\
         \x20   matchLabels:\n      app.kubernetes.io/name: {NAME}\n  template:\n    metadata:\n      labels:\n\
         \x20       app.kubernetes.io/name: {NAME}\n    spec:\n      serviceAccountName: {NAME}\n\
         \x20     automountServiceAccountToken: false\n",
        waive_digest(lang)
    );
    pod_security(y, 65534, "      ");
    let _ = write!(
        y,
        "      containers:\n        - name: {NAME}\n          image: {}\n          imagePullPolicy: Always\n\
         \x20         command:\n            - /cluster-autoscaler\n            - --cloud-provider=aws\n            - --namespace={ns}\n\
         \x20           - --node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/{}\n\
         \x20           - --balance-similar-node-groups\n            - --skip-nodes-with-system-pods=false\n\
         \x20           - --expander=least-waste\n          env:\n            - name: AWS_REGION\n              value: {}\n\
         \x20         ports:\n            - name: metrics\n              containerPort: 8085\n\
         \x20         resources:\n            requests:\n              cpu: 100m\n              memory: 600Mi\n\
         \x20           limits:\n              cpu: 500m\n              memory: 600Mi\n\
         \x20         readinessProbe:\n            tcpSocket:\n              port: metrics\n\
         \x20         livenessProbe:\n            httpGet:\n              path: /health-check\n              port: metrics\n\
         \x20           initialDelaySeconds: 30\n            periodSeconds: 30\n",
        p.autoscaler_image(),
        p.name,
        q(&p.region)
    );
    container_security(y, "          ");
    y.push_str(
        "          volumeMounts:\n            - name: kube-api-access\n              mountPath: /var/run/secrets/kubernetes.io/serviceaccount\n\
         \x20             readOnly: true\n      volumes:\n        - name: kube-api-access\n          projected:\n            sources:\n\
         \x20             - serviceAccountToken:\n                  path: token\n                  expirationSeconds: 3600\n\
         \x20             - configMap:\n                  name: kube-root-ca.crt\n                  items:\n\
         \x20                   - key: ca.crt\n                      path: ca.crt\n              - downwardAPI:\n\
         \x20                 items:\n                    - path: namespace\n                      fieldRef:\n\
         \x20                       apiVersion: v1\n                        fieldPath: metadata.namespace\n",
    );
}
