//! Built-in API resources: which group serves them and whether they are namespaced, so a query
//! written `pods` or `deployments` means what the API server would take it to mean.

/// `(resource, group, namespaced)` for the built-in resources RBAC questions are asked about.
const BUILTIN: &[(&str, &str, bool)] = &[
    ("bindings", "", true),
    ("componentstatuses", "", false),
    ("configmaps", "", true),
    ("endpoints", "", true),
    ("events", "", true),
    ("groups", "", false),
    ("limitranges", "", true),
    ("namespaces", "", false),
    ("nodes", "", false),
    ("persistentvolumeclaims", "", true),
    ("persistentvolumes", "", false),
    ("pods", "", true),
    ("podtemplates", "", true),
    ("replicationcontrollers", "", true),
    ("resourcequotas", "", true),
    ("secrets", "", true),
    ("serviceaccounts", "", true),
    ("services", "", true),
    ("users", "", false),
    ("mutatingwebhookconfigurations", "admissionregistration.k8s.io", false),
    ("validatingadmissionpolicies", "admissionregistration.k8s.io", false),
    ("validatingadmissionpolicybindings", "admissionregistration.k8s.io", false),
    ("validatingwebhookconfigurations", "admissionregistration.k8s.io", false),
    ("customresourcedefinitions", "apiextensions.k8s.io", false),
    ("apiservices", "apiregistration.k8s.io", false),
    ("controllerrevisions", "apps", true),
    ("daemonsets", "apps", true),
    ("deployments", "apps", true),
    ("replicasets", "apps", true),
    ("statefulsets", "apps", true),
    ("selfsubjectreviews", "authentication.k8s.io", false),
    ("tokenreviews", "authentication.k8s.io", false),
    ("uids", "authentication.k8s.io", false),
    ("userextras", "authentication.k8s.io", false),
    ("localsubjectaccessreviews", "authorization.k8s.io", true),
    ("selfsubjectaccessreviews", "authorization.k8s.io", false),
    ("selfsubjectrulesreviews", "authorization.k8s.io", false),
    ("subjectaccessreviews", "authorization.k8s.io", false),
    ("horizontalpodautoscalers", "autoscaling", true),
    ("cronjobs", "batch", true),
    ("jobs", "batch", true),
    ("certificatesigningrequests", "certificates.k8s.io", false),
    ("signers", "certificates.k8s.io", false),
    ("leases", "coordination.k8s.io", true),
    ("endpointslices", "discovery.k8s.io", true),
    ("ingressclasses", "networking.k8s.io", false),
    ("ingresses", "networking.k8s.io", true),
    ("networkpolicies", "networking.k8s.io", true),
    ("runtimeclasses", "node.k8s.io", false),
    ("poddisruptionbudgets", "policy", true),
    ("clusterrolebindings", "rbac.authorization.k8s.io", false),
    ("clusterroles", "rbac.authorization.k8s.io", false),
    ("rolebindings", "rbac.authorization.k8s.io", true),
    ("roles", "rbac.authorization.k8s.io", true),
    ("priorityclasses", "scheduling.k8s.io", false),
    ("csidrivers", "storage.k8s.io", false),
    ("csinodes", "storage.k8s.io", false),
    ("storageclasses", "storage.k8s.io", false),
    ("volumeattachments", "storage.k8s.io", false),
];

/// The group of a built-in resource named without one (`deployments` → `apps`).
#[must_use]
pub fn group_of(resource: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(r, _, _)| *r == resource).map(|(_, g, _)| *g)
}

/// Whether a resource is namespaced; `None` when it is not a known built-in.
#[must_use]
pub fn is_namespaced(group: &str, resource: &str) -> Option<bool> {
    BUILTIN.iter().find(|(r, g, _)| *r == resource && *g == group).map(|(_, _, n)| *n)
}

/// Whether a group is one of the built-in groups above (a custom resource cannot join them).
#[must_use]
pub fn is_builtin_group(group: &str) -> bool {
    BUILTIN.iter().any(|(_, g, _)| *g == group)
}

/// Whether a built-in group serves some namespaced resource.
#[must_use]
pub fn has_namespaced(group: &str) -> bool {
    BUILTIN.iter().any(|(_, g, n)| *g == group && *n)
}

/// Whether a built-in resource of this name, in any group, is namespaced; `None` when no
/// built-in has the name.
#[must_use]
pub fn namespaced_in_any_group(resource: &str) -> Option<bool> {
    let mut found = BUILTIN.iter().filter(|(r, _, _)| *r == resource).peekable();
    found.peek()?;
    Some(found.any(|(_, _, n)| *n))
}
