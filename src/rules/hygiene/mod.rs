//! Rules of the `hygiene` group.

use super::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[];
