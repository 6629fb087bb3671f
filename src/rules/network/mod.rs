//! Rules of the `network` group.

use super::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[];
