//! The kinds a live scan lists: every kind a rule or analysis reads, and nothing else. The
//! shipped ClusterRole (`ladrillo-scan`) grants `get`/`list` on exactly these
//! (`tests/live.rs` ties the two together).

/// One listable resource of the Kubernetes API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resource {
    /// API group (`""` for the core group).
    pub group: &'static str,
    /// The version to ask for when the cluster serves it; otherwise the group's preferred one.
    pub version: &'static str,
    /// The plural name in URLs (`deployments`).
    pub plural: &'static str,
    pub kind: &'static str,
    pub namespaced: bool,
    /// Installed by an add-on (Karpenter, Gateway API): absent from a cluster without it, which
    /// is not an error.
    pub optional: bool,
}

const fn r(group: &'static str, version: &'static str, plural: &'static str, kind: &'static str) -> Resource {
    Resource { group, version, plural, kind, namespaced: true, optional: false }
}

const fn cluster_scoped(mut r: Resource) -> Resource {
    r.namespaced = false;
    r
}

const fn optional(mut r: Resource) -> Resource {
    r.optional = true;
    r
}

/// Every kind a live scan reads, Secrets excepted (see [`SECRETS`]).
pub const RESOURCES: &[Resource] = &[
    cluster_scoped(r("", "v1", "namespaces", "Namespace")),
    r("", "v1", "pods", "Pod"),
    r("", "v1", "replicationcontrollers", "ReplicationController"),
    r("", "v1", "podtemplates", "PodTemplate"),
    r("", "v1", "services", "Service"),
    r("", "v1", "serviceaccounts", "ServiceAccount"),
    r("", "v1", "configmaps", "ConfigMap"),
    r("", "v1", "limitranges", "LimitRange"),
    r("", "v1", "resourcequotas", "ResourceQuota"),
    r("apps", "v1", "deployments", "Deployment"),
    r("apps", "v1", "replicasets", "ReplicaSet"),
    r("apps", "v1", "statefulsets", "StatefulSet"),
    r("apps", "v1", "daemonsets", "DaemonSet"),
    r("batch", "v1", "jobs", "Job"),
    r("batch", "v1", "cronjobs", "CronJob"),
    r("networking.k8s.io", "v1", "ingresses", "Ingress"),
    r("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy"),
    r("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget"),
    r("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler"),
    r("rbac.authorization.k8s.io", "v1", "roles", "Role"),
    r("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding"),
    cluster_scoped(r("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole")),
    cluster_scoped(r("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding")),
    cluster_scoped(r("storage.k8s.io", "v1", "storageclasses", "StorageClass")),
    cluster_scoped(r(
        "admissionregistration.k8s.io",
        "v1",
        "validatingwebhookconfigurations",
        "ValidatingWebhookConfiguration",
    )),
    cluster_scoped(r(
        "admissionregistration.k8s.io",
        "v1",
        "mutatingwebhookconfigurations",
        "MutatingWebhookConfiguration",
    )),
    optional(r("gateway.networking.k8s.io", "v1", "httproutes", "HTTPRoute")),
    optional(cluster_scoped(r("karpenter.sh", "v1", "nodepools", "NodePool"))),
    optional(cluster_scoped(r("karpenter.k8s.aws", "v1", "ec2nodeclasses", "EC2NodeClass"))),
];

/// Secrets, read as metadata only and only with `--include-secrets-metadata`.
pub const SECRETS: Resource = r("", "v1", "secrets", "Secret");

impl Resource {
    /// `deployments.apps`, `pods`: how `kubectl` and RBAC errors name it.
    #[must_use]
    pub fn name(&self) -> String {
        if self.group.is_empty() {
            self.plural.to_string()
        } else {
            format!("{}.{}", self.plural, self.group)
        }
    }

    /// The `apiVersion` of objects of this resource at `version`.
    #[must_use]
    pub fn api_version(&self, version: &str) -> String {
        if self.group.is_empty() { version.to_string() } else { format!("{}/{version}", self.group) }
    }

    /// The URL path listing this resource at `version`, in a namespace or across all.
    #[must_use]
    pub fn list_path(&self, version: &str, namespace: Option<&str>) -> String {
        let base = if self.group.is_empty() {
            format!("/api/{version}")
        } else {
            format!("/apis/{}/{version}", self.group)
        };
        match namespace.filter(|_| self.namespaced) {
            Some(ns) => format!("{base}/namespaces/{ns}/{}", self.plural),
            None => format!("{base}/{}", self.plural),
        }
    }
}
