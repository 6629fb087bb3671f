//! Rules of the `eks` group.

use super::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[];
