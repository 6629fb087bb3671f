//! Rules of the `reliability` group.

use super::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[];
