//! Rules of the `secrets` group.

use super::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[];
