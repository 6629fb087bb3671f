//! Hard-coded credentials: in environment variables, ConfigMaps and annotations. Recognition is
//! shared in [`detect`]; findings name the field and the kind of secret, never the value.

use super::Rule;

pub mod detect;

pub(crate) static RULES: &[&dyn Rule] = &[];
