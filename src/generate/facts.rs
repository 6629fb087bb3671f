//! Facts the bundle depends on, read from the tables the rules use: EKS support dates
//! (`model::cluster::tables`), control-plane log types and the cluster-admin access policy
//! (`model::cluster`), instance architectures (`analysis::maxpods`, `data/instance-vcpus.tsv`).
//! Only the add-on builds the bundle pins are the generator's own.

use jiff::civil::Date;

use crate::analysis::maxpods::{self, Architecture};
use crate::model::cluster::LogType;
use crate::model::cluster::tables::{self, Support};

pub use crate::model::cluster::CLUSTER_ADMIN_POLICY;

/// Add-on builds published for one Kubernetes minor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AddonBuilds {
    pub minor: u32,
    pub vpc_cni: &'static str,
    pub coredns: &'static str,
    pub kube_proxy: &'static str,
}

/// The minors the generator supports, newest first: eks-facts §10, the newer AWS docs page for
/// coredns and kube-proxy; vpc-cni ships one line for every supported version
/// (v1.20.4-eksbuild.1). Other add-ons are left to EKS, which installs the default build for the
/// cluster's version. Support dates are not repeated here: they come from [`tables::SUPPORT`].
pub const ADDON_BUILDS: &[AddonBuilds] = &[
    AddonBuilds {
        minor: 35,
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.13.2-eksbuild.4",
        kube_proxy: "v1.35.3-eksbuild.2",
    },
    AddonBuilds {
        minor: 34,
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.13.2-eksbuild.4",
        kube_proxy: "v1.34.6-eksbuild.2",
    },
    AddonBuilds {
        minor: 33,
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.13.2-eksbuild.4",
        kube_proxy: "v1.33.10-eksbuild.2",
    },
    AddonBuilds {
        minor: 32,
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.11.4-eksbuild.33",
        kube_proxy: "v1.32.13-eksbuild.5",
    },
    AddonBuilds {
        minor: 31,
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.11.4-eksbuild.33",
        kube_proxy: "v1.31.14-eksbuild.9",
    },
    AddonBuilds {
        minor: 30,
        vpc_cni: "v1.20.4-eksbuild.1",
        coredns: "v1.11.4-eksbuild.33",
        kube_proxy: "v1.30.14-eksbuild.28",
    },
];

/// A Kubernetes version the generator can target: its EKS support dates and add-on builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version {
    pub minor: u32,
    pub support: &'static Support,
    pub addons: &'static AddonBuilds,
}

impl Version {
    /// `1.35`, as eksctl, Terraform and EKS write it.
    #[must_use]
    pub fn name(&self) -> String {
        format!("1.{}", self.minor)
    }

    #[must_use]
    pub fn end_of_standard(&self) -> Date {
        self.support.end_of_standard
    }
}

/// Every version the generator supports, newest first: those with add-on builds and support
/// dates.
pub fn versions() -> impl Iterator<Item = Version> {
    ADDON_BUILDS.iter().filter_map(|addons| {
        tables::support(addons.minor).map(|support| Version { minor: addons.minor, support, addons })
    })
}

/// The version written exactly as `1.35`.
#[must_use]
pub fn version(name: &str) -> Option<Version> {
    versions().find(|v| v.name() == name.trim())
}

/// The newest version the tables know.
#[must_use]
#[allow(
    clippy::expect_used,
    reason = "the embedded add-on table always lists a supported version (unit-tested)"
)]
pub fn default_version() -> Version {
    versions().next().expect("the add-on table has a version with support dates (tested)")
}

/// The five control-plane log types, in EKS's order and spelling.
#[must_use]
pub fn log_types() -> [&'static str; 5] {
    LogType::ALL.map(LogType::as_str)
}

/// The CPU architecture of an instance type, when the instance table lists it.
#[must_use]
pub fn architecture(instance_type: &str) -> Option<Architecture> {
    maxpods::lookup(instance_type).and_then(|t| t.architecture)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generator keeps only add-on builds; every minor it offers has the support dates the
    /// rules use, and every build it pins is one the rules accept for that minor.
    #[test]
    fn the_generator_versions_are_the_rules_versions() {
        assert_eq!(versions().count(), ADDON_BUILDS.len());
        for v in versions() {
            assert_eq!(tables::support(v.minor), Some(v.support));
            for (addon, build) in [
                ("vpc-cni", v.addons.vpc_cni),
                ("coredns", v.addons.coredns),
                ("kube-proxy", v.addons.kube_proxy),
            ] {
                assert_ne!(
                    tables::addon_compatible(addon, build, v.minor),
                    Some(false),
                    "{addon} {build} on 1.{}",
                    v.minor
                );
            }
        }
        assert!(ADDON_BUILDS.windows(2).all(|w| w[0].minor > w[1].minor));
        assert_eq!(default_version().minor, ADDON_BUILDS[0].minor);
    }

    #[test]
    fn versions_are_named_exactly() {
        assert_eq!(version("1.34").map(|v| v.minor), Some(34));
        assert_eq!(version(" 1.35 ").map(|v| v.name()), Some("1.35".to_string()));
        assert!(version("v1.34").is_none() && version("1.29").is_none() && version("2.0").is_none());
    }

    #[test]
    fn architectures_come_from_the_instance_table() {
        assert_eq!(architecture("m6g.large"), Some(Architecture::Arm64));
        assert_eq!(architecture("t3.medium"), Some(Architecture::Amd64));
        assert_eq!(architecture("no.such"), None);
    }
}
