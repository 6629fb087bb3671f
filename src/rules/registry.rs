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

/// Rule and group names close to a mistyped one, for "did you mean" hints. Group names are short,
/// so they need a closer match (a third of their letters may differ).
#[must_use]
pub fn suggest(key: &str) -> Vec<&'static str> {
    let rules = all()
        .iter()
        .map(|r| r.meta().name)
        .map(|name| (edit_distance(key, name), name))
        .filter(|(d, name)| *d <= 3.max(name.len() / 4) || name.contains(key));
    let groups = super::Group::ALL
        .into_iter()
        .map(super::Group::as_str)
        .map(|name| (edit_distance(key, name), name))
        .filter(|(d, name)| *d * 3 <= name.len() || (key.len() >= 3 && name.starts_with(key)));
    let mut scored: Vec<(usize, &'static str)> = rules.chain(groups).collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}
