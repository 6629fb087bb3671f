//! HYG006: objects written in an API version the target Kubernetes version no longer serves.

use crate::document::FieldPath;
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::model::cluster::tables;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags objects written in an API version that is removed, or deprecated, at the target Kubernetes version.
    ///
    /// The target is `--kubernetes-version`, else the version of the cluster the input defines
    /// (eksctl, Terraform, CloudFormation or `describe-cluster` output) when all of its clusters
    /// agree on one, else none: then only versions removed before every Kubernetes version EKS
    /// still lists (1.28 and later) are reported, and the finding says no target was known. A
    /// version removed at or before the target is high (the API server rejects the object); one
    /// deprecated at the target and removed later is low. The table follows the Kubernetes
    /// Deprecated API Migration Guide
    /// (kubernetes.io/docs/reference/using-api/deprecation-guide/), as pluto and kubent do.
    /// The object itself is still audited like its current version.
    ///
    /// ## Why is this bad?
    /// `kubectl apply` of a removed version fails with "no matches for kind", so the manifest
    /// cannot be deployed to the cluster it is meant for, and an upgrade of the cluster past the
    /// removal breaks every pipeline that still applies it. Helm releases recorded with a removed
    /// version cannot be upgraded or rolled back.
    ///
    /// ## How to fix
    /// Rewrite the object in the version the finding names (`kubectl convert` helps) and check the
    /// fields that changed between versions (for example a Deployment's required `selector`).
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: extensions/v1beta1   # flagged: removed in 1.16, use apps/v1
    /// kind: DaemonSet
    /// ```
    pub struct RemovedApiVersion {
        code: "HYG006",
        name: "removed-api-version",
        group: Hygiene,
        severity: High,
        also_severity: [Low],
        guide: ["G2.1"],
        references: [],
    }
}

/// One API version of one kind that Kubernetes deprecated and removed.
struct Removed {
    api_version: &'static str,
    kinds: &'static [&'static str],
    /// The minor release that deprecated it, when the guide's history makes it plain.
    deprecated_in: Option<u32>,
    /// The minor release that no longer serves it.
    removed_in: u32,
    /// What to write instead.
    replacement: &'static str,
}

const fn removed(
    api_version: &'static str,
    kinds: &'static [&'static str],
    deprecated_in: Option<u32>,
    removed_in: u32,
    replacement: &'static str,
) -> Removed {
    Removed { api_version, kinds, deprecated_in, removed_in, replacement }
}

const WORKLOADS: &[&str] = &["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"];
const RBAC: &[&str] = &["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"];
const FLOW: &[&str] = &["FlowSchema", "PriorityLevelConfiguration"];

/// The Kubernetes Deprecated API Migration Guide, removals in 1.16, 1.22, 1.25, 1.26, 1.27, 1.29
/// and 1.32.
const REMOVED: &[Removed] = &[
    removed("extensions/v1beta1", &["DaemonSet", "Deployment", "ReplicaSet"], None, 16, "apps/v1"),
    removed("apps/v1beta1", &["Deployment", "StatefulSet", "ReplicaSet"], None, 16, "apps/v1"),
    removed("apps/v1beta2", WORKLOADS, None, 16, "apps/v1"),
    removed("extensions/v1beta1", &["NetworkPolicy"], None, 16, "networking.k8s.io/v1"),
    removed("extensions/v1beta1", &["PodSecurityPolicy"], None, 16, "policy/v1beta1"),
    removed("extensions/v1beta1", &["Ingress"], None, 22, "networking.k8s.io/v1"),
    removed("networking.k8s.io/v1beta1", &["Ingress", "IngressClass"], Some(19), 22, "networking.k8s.io/v1"),
    removed(
        "admissionregistration.k8s.io/v1beta1",
        &["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
        None,
        22,
        "admissionregistration.k8s.io/v1",
    ),
    removed(
        "apiextensions.k8s.io/v1beta1",
        &["CustomResourceDefinition"],
        None,
        22,
        "apiextensions.k8s.io/v1",
    ),
    removed("apiregistration.k8s.io/v1beta1", &["APIService"], None, 22, "apiregistration.k8s.io/v1"),
    removed("authentication.k8s.io/v1beta1", &["TokenReview"], None, 22, "authentication.k8s.io/v1"),
    removed(
        "authorization.k8s.io/v1beta1",
        &["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview"],
        None,
        22,
        "authorization.k8s.io/v1",
    ),
    removed(
        "certificates.k8s.io/v1beta1",
        &["CertificateSigningRequest"],
        None,
        22,
        "certificates.k8s.io/v1",
    ),
    removed("coordination.k8s.io/v1beta1", &["Lease"], None, 22, "coordination.k8s.io/v1"),
    removed("rbac.authorization.k8s.io/v1beta1", RBAC, None, 22, "rbac.authorization.k8s.io/v1"),
    removed("scheduling.k8s.io/v1beta1", &["PriorityClass"], None, 22, "scheduling.k8s.io/v1"),
    removed(
        "storage.k8s.io/v1beta1",
        &["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
        None,
        22,
        "storage.k8s.io/v1",
    ),
    removed("batch/v1beta1", &["CronJob"], Some(21), 25, "batch/v1"),
    removed("discovery.k8s.io/v1beta1", &["EndpointSlice"], Some(21), 25, "discovery.k8s.io/v1"),
    removed("events.k8s.io/v1beta1", &["Event"], None, 25, "events.k8s.io/v1"),
    removed("autoscaling/v2beta1", &["HorizontalPodAutoscaler"], None, 25, "autoscaling/v2"),
    removed("policy/v1beta1", &["PodDisruptionBudget"], Some(21), 25, "policy/v1"),
    removed(
        "policy/v1beta1",
        &["PodSecurityPolicy"],
        Some(21),
        25,
        "Pod Security Admission (no replacement API)",
    ),
    removed("node.k8s.io/v1beta1", &["RuntimeClass"], None, 25, "node.k8s.io/v1"),
    removed("autoscaling/v2beta2", &["HorizontalPodAutoscaler"], Some(23), 26, "autoscaling/v2"),
    removed("flowcontrol.apiserver.k8s.io/v1beta1", FLOW, None, 26, "flowcontrol.apiserver.k8s.io/v1"),
    removed("storage.k8s.io/v1beta1", &["CSIStorageCapacity"], Some(24), 27, "storage.k8s.io/v1"),
    removed("flowcontrol.apiserver.k8s.io/v1beta2", FLOW, None, 29, "flowcontrol.apiserver.k8s.io/v1"),
    removed("flowcontrol.apiserver.k8s.io/v1beta3", FLOW, Some(29), 32, "flowcontrol.apiserver.k8s.io/v1"),
];

/// The version objects are judged against, and where it comes from.
struct Target {
    minor: u32,
    known: bool,
    origin: crate::i18n::Msg,
}

fn target(cx: &Context<'_>, set: &ObjectSet) -> Target {
    if let Some(minor) = cx.options.kubernetes_version {
        return Target { minor, known: true, origin: crate::msg!("rule-hyg006-flag") };
    }
    let mut minors: Vec<(u32, String)> = set
        .clusters()
        .iter()
        .filter_map(|c| {
            let minor = tables::minor(c.version.value()?)?;
            Some((minor, c.name.value().cloned().unwrap_or_default()))
        })
        .collect();
    minors.sort();
    minors.dedup_by_key(|(m, _)| *m);
    match minors.as_slice() {
        [(minor, name)] => {
            Target { minor: *minor, known: true, origin: crate::msg!("rule-hyg006-cluster", name = name) }
        }
        _ => {
            Target { minor: tables::OLDEST_LISTED, known: false, origin: crate::msg!("rule-hyg006-unknown") }
        }
    }
}

impl Rule for RemovedApiVersion {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let target = target(cx, set);
        for o in set.iter() {
            let Some(r) =
                REMOVED.iter().find(|r| r.api_version == o.api_version && r.kinds.contains(&o.kind.as_str()))
            else {
                continue;
            };
            let path = FieldPath::root().key("apiVersion");
            // PodSecurityPolicy's replacement was itself removed: the help says so.
            let replacement: crate::i18n::Arg = if r.kinds == ["PodSecurityPolicy"] {
                crate::msg!("rule-hyg006-psp", version = r.replacement).into()
            } else {
                r.replacement.into()
            };
            let what =
                crate::msg!("rule-hyg006-uses", kind = &o.kind, name = &o.name, version = &o.api_version);
            let note = crate::msg!(
                "rule-hyg006-target",
                minor = target.minor.to_string(),
                origin = target.origin.clone()
            );
            if r.removed_in <= target.minor {
                cx.report(
                    self,
                    o,
                    path,
                    crate::msg!(
                        "rule-hyg006-removed",
                        what = what,
                        removed = r.removed_in.to_string(),
                        minor = target.minor.to_string()
                    ),
                )
                .help(crate::msg!("rule-hyg006-help", replacement = replacement))
                .note(note);
            } else if target.known && r.deprecated_in.is_some_and(|d| d <= target.minor) {
                cx.report(
                    self,
                    o,
                    path,
                    crate::msg!(
                        "rule-hyg006-deprecated",
                        what = what,
                        minor = target.minor.to_string(),
                        removed = r.removed_in.to_string()
                    ),
                )
                .severity(Severity::Low)
                .help(crate::msg!(
                    "rule-hyg006-help-2",
                    replacement = replacement,
                    removed = r.removed_in.to_string()
                ))
                .note(note);
            }
        }
    }
}
