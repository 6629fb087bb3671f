//! Labels, namespaces and hygiene.

use super::Rule;

pub mod default_namespace;
pub mod duplicate_object;
pub mod kube_system_workload;
pub mod missing_recommended_labels;
pub mod missing_referenced_object;
pub mod removed_api_version;

pub(crate) static RULES: &[&dyn Rule] = &[
    &default_namespace::DefaultNamespace,
    &kube_system_workload::KubeSystemWorkload,
    &missing_recommended_labels::MissingRecommendedLabels,
    &duplicate_object::DuplicateObject,
    &missing_referenced_object::MissingReferencedObject,
    &removed_api_version::RemovedApiVersion,
];
