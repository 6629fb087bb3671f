//! Which major version of terraform-aws-modules/eks a `module` block uses, and so which names
//! its inputs have: v21 dropped the `cluster_` prefix of the cluster's inputs (eks-facts §5.9,
//! and the module's `docs/UPGRADE-21.0.md`, which lists every rename). The version comes from the
//! block's `version` constraint, or from the `ref` a Git `source` is pinned to; without either,
//! the names the block sets say which ones it uses.

use crate::diagnostic::InputError;
use crate::document::Node;
use crate::document::hcl::Block;

/// The major versions whose inputs or defaults differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Era {
    /// v21 and later: unprefixed names (`name`, `addons`).
    V21,
    /// v20: prefixed names, access entries.
    V20,
    /// v19: prefixed names, no access entries (`access_config` is not sent).
    V19,
    /// v18 and earlier: prefixed names; defaults not modelled.
    Before19,
    /// No pinned version: the names set say which the block uses.
    Unknown,
}

/// Inputs renamed in v21: (v20 and earlier, v21).
const RENAMED: &[(&str, &str)] = &[
    ("cluster_name", "name"),
    ("cluster_version", "kubernetes_version"),
    ("cluster_enabled_log_types", "enabled_log_types"),
    ("cluster_force_update_version", "force_update_version"),
    ("cluster_compute_config", "compute_config"),
    ("cluster_upgrade_policy", "upgrade_policy"),
    ("cluster_remote_network_config", "remote_network_config"),
    ("cluster_zonal_shift_config", "zonal_shift_config"),
    ("cluster_additional_security_group_ids", "additional_security_group_ids"),
    ("cluster_endpoint_private_access", "endpoint_private_access"),
    ("cluster_endpoint_public_access", "endpoint_public_access"),
    ("cluster_endpoint_public_access_cidrs", "endpoint_public_access_cidrs"),
    ("cluster_ip_family", "ip_family"),
    ("cluster_service_ipv4_cidr", "service_ipv4_cidr"),
    ("cluster_service_ipv6_cidr", "service_ipv6_cidr"),
    ("cluster_encryption_config", "encryption_config"),
    ("create_cluster_primary_security_group_tags", "create_primary_security_group_tags"),
    ("cluster_timeouts", "timeouts"),
    ("create_cluster_security_group", "create_security_group"),
    ("cluster_security_group_id", "security_group_id"),
    ("cluster_security_group_name", "security_group_name"),
    ("cluster_security_group_use_name_prefix", "security_group_use_name_prefix"),
    ("cluster_security_group_description", "security_group_description"),
    ("cluster_security_group_additional_rules", "security_group_additional_rules"),
    ("cluster_security_group_tags", "security_group_tags"),
    ("cluster_encryption_policy_use_name_prefix", "encryption_policy_use_name_prefix"),
    ("cluster_encryption_policy_name", "encryption_policy_name"),
    ("cluster_encryption_policy_description", "encryption_policy_description"),
    ("cluster_encryption_policy_path", "encryption_policy_path"),
    ("cluster_encryption_policy_tags", "encryption_policy_tags"),
    ("cluster_addons", "addons"),
    ("cluster_addons_timeouts", "addons_timeouts"),
    ("cluster_identity_providers", "identity_providers"),
];

/// Inputs v20 added (`docs/UPGRADE-20.0.md`): v19 has no access entries.
const SINCE_V20: &[&str] =
    &["access_entries", "enable_cluster_creator_admin_permissions", "authentication_mode"];

/// The block's version, and the names its inputs are read under.
pub(super) struct Inputs<'b> {
    block: &'b Block,
    /// The version the block pins.
    pub era: Era,
    /// Whether the names read are the prefixed ones (v20 and earlier).
    prefixed: bool,
}

impl<'b> Inputs<'b> {
    /// The block's version and names; an input the version does not have, both names of one
    /// input, or names of both versions in an unpinned block are input errors.
    pub fn new(block: &'b Block, errors: &mut Vec<InputError>) -> Self {
        let era = era(block);
        let old: Vec<&(&str, &str)> = RENAMED.iter().filter(|(o, _)| set(block, o)).collect();
        let new: Vec<&(&str, &str)> = RENAMED.iter().filter(|(_, n)| set(block, n)).collect();
        let prefixed = match era {
            Era::V21 => false,
            Era::V20 | Era::V19 | Era::Before19 => true,
            Era::Unknown => !old.is_empty() && new.is_empty(),
        };
        let major = match era {
            Era::V21 => Some("21"),
            Era::V20 => Some("20"),
            Era::V19 => Some("19"),
            Era::Before19 | Era::Unknown => None,
        };
        let mut error = |name: &str, message: crate::i18n::Msg| {
            if let Some(e) = block.body.as_map().and_then(|m| m.entry(name)) {
                errors.push(InputError::at(&block.file, e.key_span, message));
            }
        };
        for &&(o, n) in &old {
            if set(block, n) {
                error(n, crate::msg!("input-eks-module-both-names", old = o, new = n));
            } else if let (false, Some(major)) = (prefixed, major) {
                error(o, crate::msg!("input-eks-module-renamed", name = o, major = major, other = n));
            }
        }
        for &&(o, n) in &new {
            if let (true, Some(major), false) = (prefixed, major, set(block, o)) {
                error(n, crate::msg!("input-eks-module-renamed", name = n, major = major, other = o));
            }
        }
        if era == Era::V19 {
            for name in SINCE_V20.iter().filter(|n| set(block, n)) {
                error(name, crate::msg!("input-eks-module-since-v20", name = *name));
            }
        }
        // Without a version, one block setting some inputs under v20 names and others under
        // v21 names matches no version.
        if era == Era::Unknown
            && let (Some(&&(o, _)), Some(&&(_, n))) =
                (old.iter().find(|(_, n)| !set(block, n)), new.iter().find(|(o, _)| !set(block, o)))
        {
            error(n, crate::msg!("input-eks-module-mixed-names", old = o, new = n));
        }
        Self { block, era, prefixed }
    }

    /// The name an input (given by its v21 name) is read under in this block: the version's
    /// name, or the other version's when only that one is set (an error said so).
    pub fn name(&self, v21: &'static str) -> &'static str {
        let Some(&(old, new)) = RENAMED.iter().find(|(_, n)| *n == v21) else { return v21 };
        let (mine, other) = if self.prefixed { (old, new) } else { (new, old) };
        if !set(self.block, mine) && set(self.block, other) { other } else { mine }
    }

    /// Whether the block reads like v20 or earlier: pinned so, or unpinned with prefixed names.
    pub fn prefixed(&self) -> bool {
        self.prefixed
    }
}

/// Whether the block sets an input (a literal `null` is Terraform's "not set").
fn set(b: &Block, name: &str) -> bool {
    b.get(name).is_some_and(|n| !n.is_null() || n.is_unknown())
}

/// The major version a block pins: its `version` constraint, or the `ref` of a Git source.
pub(super) fn era(b: &Block) -> Era {
    let version =
        b.get("version").filter(|n| n.is_literal()).and_then(Node::as_str).and_then(constraint_major);
    let reference = b.get("source").and_then(Node::as_str).and_then(ref_major);
    match version.or(reference) {
        Some(m) if m >= 21 => Era::V21,
        Some(20) => Era::V20,
        Some(19) => Era::V19,
        Some(_) => Era::Before19,
        None => Era::Unknown,
    }
}

/// The major version a `?ref=v20.8.5` (or `ref=20.8.5`) of a Git source names.
fn ref_major(source: &str) -> Option<u64> {
    let (_, query) = source.split_once('?')?;
    let value = query.split('&').find_map(|kv| kv.strip_prefix("ref="))?;
    let version = value.strip_prefix('v').unwrap_or(value);
    let mut parts = version.split('.');
    let major = parts.next()?.parse().ok()?;
    // A branch or commit named like a number is no version: a tag has its minor.
    parts.next()?.parse::<u64>().ok()?;
    Some(major)
}

/// The single major version a Terraform version constraint allows (`~> 20.0`, `20.8.5`,
/// `>= 20.0, < 21.0`), or none when it allows several or cannot be read.
fn constraint_major(constraint: &str) -> Option<u64> {
    let (mut low, mut high): (Option<u64>, Option<u64>) = (None, None);
    for part in constraint.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let op_end = part.find(|c: char| c.is_ascii_digit() || c == 'v').unwrap_or(part.len());
        let (op, version) = part.split_at(op_end);
        let version = version.trim().strip_prefix('v').unwrap_or(version.trim());
        let segments: Vec<u64> = version.split(['.', '-']).map_while(|s| s.parse().ok()).take(3).collect();
        let &[major, ref rest @ ..] = segments.as_slice() else { return None };
        let exact_major = |low: &mut Option<u64>, high: &mut Option<u64>| {
            *low = Some(low.map_or(major, |l| l.max(major)));
            *high = Some(high.map_or(major, |h| h.min(major)));
        };
        match op.trim() {
            "" | "=" => exact_major(&mut low, &mut high),
            // `~> 20.1` allows 20.x; `~> 20` allows any version from 20.
            "~>" if !rest.is_empty() => exact_major(&mut low, &mut high),
            "~>" | ">=" | ">" => low = Some(low.map_or(major, |l| l.max(major))),
            "<" => {
                // `< 21.0` (or `< 21`) stops before 21; `< 20.5` still allows 20.
                let top = if rest.iter().all(|&s| s == 0) { major.checked_sub(1)? } else { major };
                high = Some(high.map_or(top, |h| h.min(top)));
            }
            "<=" => high = Some(high.map_or(major, |h| h.min(major))),
            "!=" => {}
            _ => return None,
        }
    }
    match (low, high) {
        (Some(l), Some(h)) if l == h => Some(l),
        // Any version from 21 reads v21 names.
        (Some(l), _) if l >= 21 => Some(l),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{constraint_major, ref_major};

    #[test]
    fn constraints_pin_one_major_or_none() {
        for (c, m) in [
            ("~> 20.0", Some(20)),
            ("~> 20.20", Some(20)),
            ("~> 19.21.0", Some(19)),
            ("20.8.5", Some(20)),
            ("= 20.8.5", Some(20)),
            ("v20.8.5", Some(20)),
            (">= 20.0, < 21.0", Some(20)),
            (">= 20.0, < 21", Some(20)),
            (">= 20.5, <= 20.9", Some(20)),
            (">= 19.0, < 21.0", None),
            (">= 20.0", None),
            ("~> 20", None),
            ("~> 21.0", Some(21)),
            (">= 21.0", Some(21)),
            ("latest", None),
            ("", None),
        ] {
            assert_eq!(constraint_major(c), m, "{c}");
        }
    }

    #[test]
    fn git_refs_pin_a_major_when_they_name_a_tag() {
        let git = "git::https://github.com/terraform-aws-modules/terraform-aws-eks.git";
        assert_eq!(ref_major(&format!("{git}?ref=v20.8.5")), Some(20));
        assert_eq!(ref_major(&format!("{git}?depth=1&ref=19.21.0")), Some(19));
        assert_eq!(ref_major(&format!("{git}?ref=master")), None);
        assert_eq!(ref_major(&format!("{git}?ref=2024")), None);
        assert_eq!(ref_major(git), None);
    }
}
