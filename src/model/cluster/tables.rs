//! Data tables about EKS versions and add-ons, embedded from eks-facts.md (§9 support dates,
//! §10 add-on builds). Versions newer than the table are unknown, never unsupported.

use jiff::civil::{Date, date};

/// The day these tables were last checked against their sources.
pub const KNOWN_UP_TO: Date = date(2026, 8, 21);

/// Standard and extended support of one Kubernetes minor on EKS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Support {
    pub minor: u32,
    pub end_of_standard: Date,
    pub end_of_extended: Date,
}

/// eks-facts §9 (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html).
pub const SUPPORT: &[Support] = &[
    Support { minor: 35, end_of_standard: date(2027, 3, 27), end_of_extended: date(2028, 3, 27) },
    Support { minor: 34, end_of_standard: date(2026, 12, 2), end_of_extended: date(2027, 12, 2) },
    Support { minor: 33, end_of_standard: date(2026, 7, 29), end_of_extended: date(2027, 7, 29) },
    Support { minor: 32, end_of_standard: date(2026, 3, 23), end_of_extended: date(2027, 3, 23) },
    Support { minor: 31, end_of_standard: date(2025, 11, 26), end_of_extended: date(2026, 11, 26) },
    Support { minor: 30, end_of_standard: date(2025, 7, 23), end_of_extended: date(2026, 7, 23) },
    Support { minor: 29, end_of_standard: date(2025, 3, 23), end_of_extended: date(2026, 3, 23) },
    Support { minor: 28, end_of_standard: date(2024, 11, 26), end_of_extended: date(2025, 11, 26) },
];

/// The oldest minor in [`SUPPORT`]; anything older is long past extended support.
pub const OLDEST_LISTED: u32 = 28;

/// Parses `"1.34"` (also `"1.34.2"`, `"v1.34"`) into its minor number.
#[must_use]
pub fn minor(version: &str) -> Option<u32> {
    let v = version.trim().trim_start_matches('v');
    let mut parts = v.split('.');
    if parts.next()? != "1" {
        return None;
    }
    parts.next()?.parse().ok()
}

/// Support dates of a minor, when listed.
#[must_use]
pub fn support(minor: u32) -> Option<&'static Support> {
    SUPPORT.iter().find(|s| s.minor == minor)
}

/// Add-ons every cluster needs (eks-facts §1.4, §10): networking, DNS, service proxy, and the
/// EBS CSI driver for persistent volumes.
pub const CORE_ADDONS: &[&str] = &["vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver"];

/// Whether an add-on version is compatible with a cluster minor, from eks-facts §10: kube-proxy
/// must match the cluster minor (upstream skew allows up to three minors older, never newer);
/// CoreDNS 1.11.x serves 1.29–1.32 and 1.12+ serves 1.33+; vpc-cni and the EBS CSI driver have
/// one line for every supported version. `None` when the table cannot tell.
#[must_use]
pub fn addon_compatible(addon: &str, version: &str, cluster_minor: u32) -> Option<bool> {
    let (major, addon_minor) = semver_minor(version)?;
    match addon {
        "kube-proxy" => {
            (major == 1).then_some(addon_minor <= cluster_minor && addon_minor + 3 >= cluster_minor)
        }
        "coredns" if major == 1 => match addon_minor {
            11 => Some((29..=32).contains(&cluster_minor)),
            12 | 13 => Some(cluster_minor >= 33),
            14 => Some(cluster_minor >= 35),
            m if m < 11 => Some(cluster_minor <= 28),
            _ => None,
        },
        _ => None,
    }
}

/// `v1.34.1-eksbuild.2` → (1, 34).
fn semver_minor(v: &str) -> Option<(u32, u32)> {
    let v = v.trim().trim_start_matches('v');
    let mut parts = v.split(['.', '-']);
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse() {
        assert_eq!(minor("1.34"), Some(34));
        assert_eq!(minor("v1.29.3"), Some(29));
        assert_eq!(minor("2.0"), None);
    }

    #[test]
    fn addon_compatibility_follows_the_table() {
        assert_eq!(addon_compatible("kube-proxy", "v1.34.1-eksbuild.2", 34), Some(true));
        assert_eq!(addon_compatible("kube-proxy", "v1.35.3-eksbuild.2", 34), Some(false));
        assert_eq!(addon_compatible("kube-proxy", "v1.29.15-eksbuild.16", 34), Some(false));
        assert_eq!(addon_compatible("coredns", "v1.11.4-eksbuild.24", 34), Some(false));
        assert_eq!(addon_compatible("coredns", "v1.13.2-eksbuild.4", 34), Some(true));
        assert_eq!(addon_compatible("vpc-cni", "v1.20.4-eksbuild.1", 34), None);
        assert_eq!(addon_compatible("coredns", "latest", 34), None);
    }
}
