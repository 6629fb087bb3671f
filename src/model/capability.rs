//! Linux capabilities as written in `securityContext.capabilities`. Container runtimes upper-case
//! the names and add the `CAP_` prefix themselves, so `sys_admin` and `CAP_SYS_ADMIN` both mean
//! SYS_ADMIN to them; rules about what a container can do compare the normalised name. The Pod
//! Security Standards compare exact strings instead (see the `pss` rules).

use crate::document::Node;

use super::Container;

/// Capabilities the Pod Security Standards baseline allows in `capabilities.add`
/// (kubernetes/pod-security-admission `policy/check_capabilities_baseline.go`).
pub const BASELINE: &[&str] = &[
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

/// The canonical name: upper case, without the `CAP_` prefix (`cap_sys_admin` → `SYS_ADMIN`).
#[must_use]
pub fn normalize(name: &str) -> String {
    let upper = name.trim().to_ascii_uppercase();
    upper.strip_prefix("CAP_").map(str::to_string).unwrap_or(upper)
}

/// Whether a capability is in the baseline set (after normalisation).
#[must_use]
pub fn is_baseline(name: &str) -> bool {
    BASELINE.contains(&normalize(name).as_str())
}

/// The string items of a container's `capabilities.add` or `.drop`, with their index.
pub fn listed<'a>(container: &'a Container<'_>, list: &str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    container
        .security_context()
        .and_then(|sc| sc.at(&["capabilities", list]))
        .into_iter()
        .flat_map(Node::items)
        .enumerate()
        .filter_map(|(i, n)| n.as_str().map(|s| (i, s)))
}

/// Whether the container adds SYS_ADMIN (or ALL, which includes it).
#[must_use]
pub fn adds_sys_admin(container: &Container<'_>) -> bool {
    listed(container, "add").any(|(_, c)| matches!(normalize(c).as_str(), "SYS_ADMIN" | "ALL"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_prefix() {
        assert_eq!(normalize("sys_admin"), "SYS_ADMIN");
        assert_eq!(normalize("CAP_NET_RAW"), "NET_RAW");
        assert_eq!(normalize("all"), "ALL");
        assert!(is_baseline("chown"));
        assert!(is_baseline("CAP_NET_BIND_SERVICE"));
        assert!(!is_baseline("NET_RAW"));
        assert!(!is_baseline("SYS_ADMIN"));
    }
}
