//! Terraform → [`Cluster`]: placeholder while the adapter is written.

use crate::document::hcl::Module;
use crate::finding::InputError;

use super::Cluster;

/// The clusters a Terraform module defines.
#[must_use]
pub fn clusters(_module: &Module) -> (Vec<Cluster>, Vec<InputError>) {
    (Vec::new(), Vec::new())
}
