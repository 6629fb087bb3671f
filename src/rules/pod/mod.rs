//! Pod and container security settings.

use super::Rule;

pub mod privileged_container;
pub mod run_as_root;

pub(crate) static RULES: &[&dyn Rule] =
    &[&privileged_container::PrivilegedContainer, &run_as_root::RunAsRoot];
