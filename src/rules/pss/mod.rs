//! Pod Security Standards: workloads evaluated exactly at their namespace's enforced level and
//! version (or the target level) and at its warn and audit levels, and namespaces whose Pod
//! Security labels are missing, privileged or invalid.

use super::Rule;

pub mod invalid_pss_label;
pub mod namespace_without_pss_enforce;
pub mod privileged_pss_namespace;
pub mod pss_violation;
pub mod pss_warn_violation;
pub(crate) mod target;

pub(crate) static RULES: &[&dyn Rule] = &[
    &pss_violation::PssViolation,
    &namespace_without_pss_enforce::NamespaceWithoutPssEnforce,
    &privileged_pss_namespace::PrivilegedPssNamespace,
    &invalid_pss_label::InvalidPssLabel,
    &pss_warn_violation::PssWarnViolation,
];
