//! How the input itself is written. Most of these rules have no check of their own: the scan
//! reports them from what the parser noticed and from applying waivers.

use super::Rule;

pub mod ambiguous_scalar;
pub mod duplicate_key;
pub mod invalid_waiver;
pub mod unused_waiver;
pub mod wrong_api_group;

pub(crate) static RULES: &[&dyn Rule] = &[
    &duplicate_key::DuplicateKey,
    &ambiguous_scalar::AmbiguousScalar,
    &invalid_waiver::InvalidWaiver,
    &unused_waiver::UnusedWaiver,
    &wrong_api_group::WrongApiGroup,
];
