//! Rules of the `rbac` group.

use super::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[];
