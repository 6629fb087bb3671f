//! Rules of the `pss` group.

use super::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[];
