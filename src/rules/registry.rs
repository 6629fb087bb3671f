//! Every rule, in code order, and lookup by code or name.

use std::sync::OnceLock;

use super::Rule;
use crate::diagnostic::edit_distance;

/// All rules, sorted by code.
#[must_use]
pub fn all() -> &'static [&'static dyn Rule] {
    static ALL: OnceLock<Vec<&'static dyn Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<&'static dyn Rule> = [
            super::pod::RULES,
            super::pss::RULES,
            super::rbac::RULES,
            super::secrets::RULES,
            super::network::RULES,
            super::eks::RULES,
            super::reliability::RULES,
            super::hygiene::RULES,
            super::input::RULES,
            super::audit::RULES,
        ]
        .concat();
        v.sort_by_key(|r| r.meta().code);
        v
    })
}

/// A rule by code (`POD001`, any case) or name (`privileged-container`).
#[must_use]
pub fn find(key: &str) -> Option<&'static dyn Rule> {
    all().iter().copied().find(|r| r.meta().name == key || r.meta().code.eq_ignore_ascii_case(key))
}

/// Names close to a mistyped one, for "did you mean" hints.
#[must_use]
pub fn suggest(key: &str) -> Vec<&'static str> {
    let mut scored: Vec<(usize, &'static str)> = all()
        .iter()
        .map(|r| (edit_distance(key, r.meta().name), r.meta().name))
        .filter(|(d, name)| *d <= 3.max(name.len() / 4) || name.contains(key))
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}
