//! The kinds the Kubernetes API server itself serves, and the API groups that serve (or once
//! served) each: an object of one of these kinds written under another built-in group is
//! rejected (`no matches for kind "Deployment" in version "v1"`), and never reaches the rules
//! that would judge it as its kind.

/// A built-in kind: the groups that serve or served it, and the `apiVersion` to write today.
pub struct BuiltinKind {
    pub kind: &'static str,
    pub groups: &'static [&'static str],
    pub api_version: &'static str,
}

const fn kind(kind: &'static str, groups: &'static [&'static str], api_version: &'static str) -> BuiltinKind {
    BuiltinKind { kind, groups, api_version }
}

/// Built-in kinds of the groups `kube-apiserver` serves. `extensions` served the workload,
/// NetworkPolicy, Ingress and PodSecurityPolicy kinds until 1.16 and 1.22 (the
/// `removed-api-version` rule reports those versions).
const KINDS: &[BuiltinKind] = &[
    kind("Pod", &[""], "v1"),
    kind("PodTemplate", &[""], "v1"),
    kind("ReplicationController", &[""], "v1"),
    kind("Service", &[""], "v1"),
    kind("Endpoints", &[""], "v1"),
    kind("ConfigMap", &[""], "v1"),
    kind("Secret", &[""], "v1"),
    kind("ServiceAccount", &[""], "v1"),
    kind("Namespace", &[""], "v1"),
    kind("Node", &[""], "v1"),
    kind("PersistentVolume", &[""], "v1"),
    kind("PersistentVolumeClaim", &[""], "v1"),
    kind("LimitRange", &[""], "v1"),
    kind("ResourceQuota", &[""], "v1"),
    kind("Event", &["", "events.k8s.io"], "v1"),
    kind("Deployment", &["apps", "extensions"], "apps/v1"),
    kind("DaemonSet", &["apps", "extensions"], "apps/v1"),
    kind("ReplicaSet", &["apps", "extensions"], "apps/v1"),
    kind("StatefulSet", &["apps"], "apps/v1"),
    kind("ControllerRevision", &["apps"], "apps/v1"),
    kind("Job", &["batch"], "batch/v1"),
    kind("CronJob", &["batch"], "batch/v1"),
    kind("HorizontalPodAutoscaler", &["autoscaling"], "autoscaling/v2"),
    kind("PodDisruptionBudget", &["policy"], "policy/v1"),
    kind("PodSecurityPolicy", &["policy", "extensions"], "policy/v1beta1"),
    kind("NetworkPolicy", &["networking.k8s.io", "extensions"], "networking.k8s.io/v1"),
    kind("Ingress", &["networking.k8s.io", "extensions"], "networking.k8s.io/v1"),
    kind("IngressClass", &["networking.k8s.io"], "networking.k8s.io/v1"),
    kind("Role", &["rbac.authorization.k8s.io"], "rbac.authorization.k8s.io/v1"),
    kind("RoleBinding", &["rbac.authorization.k8s.io"], "rbac.authorization.k8s.io/v1"),
    kind("ClusterRole", &["rbac.authorization.k8s.io"], "rbac.authorization.k8s.io/v1"),
    kind("ClusterRoleBinding", &["rbac.authorization.k8s.io"], "rbac.authorization.k8s.io/v1"),
    kind("StorageClass", &["storage.k8s.io"], "storage.k8s.io/v1"),
    kind("CSIDriver", &["storage.k8s.io"], "storage.k8s.io/v1"),
    kind("CSINode", &["storage.k8s.io"], "storage.k8s.io/v1"),
    kind("VolumeAttachment", &["storage.k8s.io"], "storage.k8s.io/v1"),
    kind(
        "MutatingWebhookConfiguration",
        &["admissionregistration.k8s.io"],
        "admissionregistration.k8s.io/v1",
    ),
    kind(
        "ValidatingWebhookConfiguration",
        &["admissionregistration.k8s.io"],
        "admissionregistration.k8s.io/v1",
    ),
    kind("ValidatingAdmissionPolicy", &["admissionregistration.k8s.io"], "admissionregistration.k8s.io/v1"),
    kind(
        "ValidatingAdmissionPolicyBinding",
        &["admissionregistration.k8s.io"],
        "admissionregistration.k8s.io/v1",
    ),
    kind("PriorityClass", &["scheduling.k8s.io"], "scheduling.k8s.io/v1"),
    kind("RuntimeClass", &["node.k8s.io"], "node.k8s.io/v1"),
    kind("Lease", &["coordination.k8s.io"], "coordination.k8s.io/v1"),
    kind("CertificateSigningRequest", &["certificates.k8s.io"], "certificates.k8s.io/v1"),
    kind("EndpointSlice", &["discovery.k8s.io"], "discovery.k8s.io/v1"),
    kind("CustomResourceDefinition", &["apiextensions.k8s.io"], "apiextensions.k8s.io/v1"),
    kind("APIService", &["apiregistration.k8s.io"], "apiregistration.k8s.io/v1"),
];

/// Groups with a dot that only `kube-apiserver` serves. A group without a dot cannot be a
/// CustomResourceDefinition's (its `spec.group` must contain one), so every such group is the
/// API server's or a typo of one.
const BUILTIN_DOTTED: &[&str] = &[
    "admissionregistration.k8s.io",
    "apiextensions.k8s.io",
    "apiregistration.k8s.io",
    "authentication.k8s.io",
    "authorization.k8s.io",
    "certificates.k8s.io",
    "coordination.k8s.io",
    "discovery.k8s.io",
    "events.k8s.io",
    "flowcontrol.apiserver.k8s.io",
    "internal.apiserver.k8s.io",
    "networking.k8s.io",
    "node.k8s.io",
    "rbac.authorization.k8s.io",
    "resource.k8s.io",
    "scheduling.k8s.io",
    "storage.k8s.io",
    "storagemigration.k8s.io",
];

/// The group of an `apiVersion` (empty for the core group's `v1`).
#[must_use]
pub fn group_of(api_version: &str) -> &str {
    api_version.rsplit_once('/').map_or("", |(g, _)| g)
}

/// Whether a group is one `kube-apiserver` serves (or a dotless one, which no custom resource
/// can have).
#[must_use]
pub fn is_builtin_group(group: &str) -> bool {
    !group.contains('.') || BUILTIN_DOTTED.contains(&group)
}

/// The built-in kind an object claims to be when its `apiVersion` names a built-in group that
/// never served that kind (`apiVersion: v1` with `kind: Deployment`); `None` for every other
/// object, custom resources (`example.com/v1` `Deployment`) included.
#[must_use]
pub fn unserved(api_version: &str, kind: &str) -> Option<&'static BuiltinKind> {
    let group = group_of(api_version);
    if !is_builtin_group(group) {
        return None;
    }
    KINDS.iter().find(|k| k.kind == kind).filter(|k| !k.groups.contains(&group))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_kinds_under_groups_that_do_not_serve_them() {
        let unserved_by = |v: &str, k: &str| unserved(v, k).map(|b| b.api_version);
        assert_eq!(unserved_by("v1", "Deployment"), Some("apps/v1"));
        assert_eq!(unserved_by("core/v1", "Pod"), Some("v1"));
        assert_eq!(unserved_by("apps/v1", "Pod"), Some("v1"));
        assert_eq!(unserved_by("batch/v1", "Deployment"), Some("apps/v1"));
        assert_eq!(unserved_by("networking.k8s.io/v1", "Role"), Some("rbac.authorization.k8s.io/v1"));
        assert_eq!(unserved_by("extensions/v1beta1", "StatefulSet"), Some("apps/v1"));
        // Served, once served (removed-api-version reports those), or not built in.
        for (v, k) in [
            ("apps/v1", "Deployment"),
            ("apps/v1beta2", "Deployment"),
            ("extensions/v1beta1", "Deployment"),
            ("extensions/v1beta1", "Ingress"),
            ("v1", "Event"),
            ("events.k8s.io/v1", "Event"),
            ("example.com/v1", "Deployment"),
            ("gateway.networking.k8s.io/v1", "Ingress"),
            ("v1", "List"),
            ("v1", "Widget"),
            ("apps/v1", "Widget"),
        ] {
            assert_eq!(unserved_by(v, k), None, "{v} {k}");
        }
    }
}
