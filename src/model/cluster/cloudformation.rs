//! CloudFormation → [`Cluster`]: placeholder while the adapter is written.

use crate::document::cloudformation::Template;
use crate::finding::InputError;

use super::Cluster;

/// The clusters a CloudFormation template defines.
#[must_use]
pub fn clusters(_template: &Template) -> (Vec<Cluster>, Vec<InputError>) {
    (Vec::new(), Vec::new())
}
