//! The checks of the Pod Security Standards: ids, levels, versioned variants and the baseline
//! checks each restricted check replaces, as the admission controller registers them. Each check
//! is a pure function of the pod and the first version of the variant in use.

mod containers;
mod host;
mod profiles;
mod volumes;

use crate::document::FieldPath;
use crate::model::{ContainerKind, Workload};

use super::Level;
use super::pod::{Container, Pod};

/// A check, declared in evaluation order: baseline ids sorted bytewise, then restricted ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckId {
    AppArmorProfile,
    CapabilitiesBaseline,
    HostNamespaces,
    HostPathVolumes,
    HostPorts,
    HostProbesAndHostLifecycle,
    Privileged,
    ProcMount,
    SeLinuxOptions,
    SeccompProfileBaseline,
    Sysctls,
    WindowsHostProcess,
    AllowPrivilegeEscalation,
    CapabilitiesRestricted,
    ProcMountRestricted,
    RestrictedVolumes,
    RunAsNonRoot,
    RunAsUser,
    SeccompProfileRestricted,
}

impl CheckId {
    /// The upstream check id (`capabilities_restricted`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.def().id
    }

    /// The level that introduces the check.
    #[must_use]
    pub fn level(self) -> Level {
        if self < Self::AllowPrivilegeEscalation { Level::Baseline } else { Level::Restricted }
    }

    /// The control name of the standard (`capabilities` for both capability checks), as used in
    /// `pss:<level>:<control>` references.
    #[must_use]
    pub fn control(self) -> &'static str {
        self.as_str().split('_').next().unwrap_or_default()
    }

    #[allow(clippy::indexing_slicing, reason = "CHECKS has one entry per variant, in order (unit-tested)")]
    fn def(self) -> &'static Def {
        &CHECKS[self as usize]
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One forbidden result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub check: CheckId,
    /// The forbidden reason phrase (`allowPrivilegeEscalation != false`).
    pub reason: &'static str,
    /// What is wrong, naming containers and values; may be empty.
    pub detail: String,
    /// The first offending field (or where a missing one belongs).
    pub site: Site,
    /// What the violation is made of, when the check can say it in terms other reports use
    /// (the PSS rule leaves a violation to the rules that report all its causes field by field).
    /// Empty when the check names no such cause.
    pub causes: Vec<Cause>,
}

/// A cause of a violation that is a security problem of its own (a privileged container, a
/// host namespace), named independently of the check that found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cause {
    HostNetwork,
    HostPid,
    HostIpc,
    HostPort,
    HostPathVolume,
    Privileged,
    /// Capabilities added beyond the allowed ones.
    AddedCapabilities,
    /// `capabilities.drop` without `ALL`.
    CapabilitiesNotDropped,
    PrivilegeEscalation,
    /// Running as UID 0, or not required to run as non-root.
    RunAsRoot,
}

impl Violation {
    /// `reason (detail)`, or the reason alone when there is no detail.
    #[must_use]
    pub fn full(&self) -> String {
        let reason = if self.reason.is_empty() { "unknown forbidden reason" } else { self.reason };
        if self.detail.is_empty() { reason.to_string() } else { format!("{reason} ({})", self.detail) }
    }
}

/// Where a violation is, relative to the pod template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Site {
    /// A pod spec field.
    Spec(&'static [&'static str]),
    /// A field of a container.
    Container { kind: ContainerKind, index: usize, keys: &'static [&'static str] },
    /// `ports[port].hostPort` of a container.
    HostPort { kind: ContainerKind, index: usize, port: usize },
    /// `spec.volumes[i]`.
    Volume(usize),
    /// `spec.securityContext.sysctls[i].name`.
    Sysctl(usize),
    /// `metadata.annotations[key]` of the pod template.
    Annotation(String),
}

impl Site {
    /// The field path from the object root.
    #[must_use]
    pub fn path(&self, workload: &Workload<'_>) -> FieldPath {
        match self {
            Self::Spec(keys) => workload.spec_path(keys),
            Self::Container { kind, index, keys } => {
                workload.spec_path(&[kind.field()]).index(*index).keys(keys)
            }
            Self::HostPort { kind, index, port } => {
                workload.spec_path(&[kind.field()]).index(*index).key("ports").index(*port).key("hostPort")
            }
            Self::Volume(i) => workload.spec_path(&["volumes"]).index(*i),
            Self::Sysctl(i) => workload.spec_path(&["securityContext", "sysctls"]).index(*i).key("name"),
            Self::Annotation(key) => workload.template_path().keys(&["metadata", "annotations", key]),
        }
    }
}

impl Container<'_> {
    fn site(&self, keys: &'static [&'static str]) -> Site {
        Site::Container { kind: self.kind, index: self.index, keys }
    }
}

type CheckFn = fn(&Pod<'_>, u32) -> Option<Violation>;

/// A check: its id, the first version of each variant, the baseline check it replaces inside
/// restricted, and its function.
struct Def {
    id: &'static str,
    variants: &'static [u32],
    overrides: Option<CheckId>,
    run: CheckFn,
}

/// Indexed by [`CheckId`].
static CHECKS: [Def; 19] = [
    Def { id: "appArmorProfile", variants: &[0], overrides: None, run: profiles::app_armor_profile },
    Def {
        id: "capabilities_baseline",
        variants: &[0],
        overrides: None,
        run: containers::capabilities_baseline,
    },
    Def { id: "hostNamespaces", variants: &[0], overrides: None, run: host::host_namespaces },
    Def { id: "hostPathVolumes", variants: &[0], overrides: None, run: volumes::host_path_volumes },
    Def { id: "hostPorts", variants: &[0], overrides: None, run: host::host_ports },
    Def {
        id: "hostProbesAndHostLifecycle",
        variants: &[34],
        overrides: None,
        run: host::host_probes_and_host_lifecycle,
    },
    Def { id: "privileged", variants: &[0], overrides: None, run: containers::privileged },
    Def { id: "procMount", variants: &[0, 35], overrides: None, run: containers::proc_mount },
    Def { id: "seLinuxOptions", variants: &[0, 31], overrides: None, run: profiles::se_linux_options },
    Def {
        id: "seccompProfile_baseline",
        variants: &[0, 19],
        overrides: None,
        run: profiles::seccomp_profile_baseline,
    },
    Def { id: "sysctls", variants: &[0, 27, 29, 32, 37], overrides: None, run: host::sysctls },
    Def { id: "windowsHostProcess", variants: &[0], overrides: None, run: host::windows_host_process },
    Def {
        id: "allowPrivilegeEscalation",
        variants: &[8, 25],
        overrides: None,
        run: containers::allow_privilege_escalation,
    },
    Def {
        id: "capabilities_restricted",
        variants: &[22, 25],
        overrides: Some(CheckId::CapabilitiesBaseline),
        run: containers::capabilities_restricted,
    },
    Def {
        id: "procMount_restricted",
        variants: &[35],
        overrides: Some(CheckId::ProcMount),
        run: containers::proc_mount_restricted,
    },
    Def {
        id: "restrictedVolumes",
        variants: &[0],
        overrides: Some(CheckId::HostPathVolumes),
        run: volumes::restricted_volumes,
    },
    Def { id: "runAsNonRoot", variants: &[0, 35], overrides: None, run: containers::run_as_non_root },
    Def { id: "runAsUser", variants: &[23, 35], overrides: None, run: containers::run_as_user },
    Def {
        id: "seccompProfile_restricted",
        variants: &[19, 25],
        overrides: Some(CheckId::SeccompProfileBaseline),
        run: profiles::seccomp_profile_restricted,
    },
];

const ALL: [CheckId; 19] = [
    CheckId::AppArmorProfile,
    CheckId::CapabilitiesBaseline,
    CheckId::HostNamespaces,
    CheckId::HostPathVolumes,
    CheckId::HostPorts,
    CheckId::HostProbesAndHostLifecycle,
    CheckId::Privileged,
    CheckId::ProcMount,
    CheckId::SeLinuxOptions,
    CheckId::SeccompProfileBaseline,
    CheckId::Sysctls,
    CheckId::WindowsHostProcess,
    CheckId::AllowPrivilegeEscalation,
    CheckId::CapabilitiesRestricted,
    CheckId::ProcMountRestricted,
    CheckId::RestrictedVolumes,
    CheckId::RunAsNonRoot,
    CheckId::RunAsUser,
    CheckId::SeccompProfileRestricted,
];

/// The variant of a check in force at a minor version: the first version of the newest
/// variant not newer than it, or `None` when the check does not exist yet.
fn variant(id: CheckId, minor: u32) -> Option<u32> {
    id.def().variants.iter().rev().copied().find(|&v| v <= minor)
}

/// The checks of a level at a (clamped) minor version, in evaluation order, with their variant.
pub fn active(level: Level, minor: u32) -> impl Iterator<Item = (CheckId, u32)> {
    let restricted = level == Level::Restricted;
    ALL.into_iter().filter_map(move |id| {
        if level == Level::Privileged || (id.level() == Level::Restricted && !restricted) {
            return None;
        }
        let v = variant(id, minor)?;
        let overridden = restricted
            && id.level() == Level::Baseline
            && ALL.iter().any(|r| r.def().overrides == Some(id) && variant(*r, minor).is_some());
        (!overridden).then_some((id, v))
    })
}

/// Runs one check.
pub(crate) fn run(id: CheckId, variant: u32, pod: &Pod<'_>) -> Option<Violation> {
    (id.def().run)(pod, variant)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_id() {
        for id in ALL {
            assert_eq!(CHECKS[id as usize].id, id.as_str());
        }
        let mut sorted: Vec<&str> = ALL[..12].iter().map(|c| c.as_str()).collect();
        sorted.sort_unstable();
        assert_eq!(sorted, ALL[..12].iter().map(|c| c.as_str()).collect::<Vec<_>>());
    }

    #[test]
    fn overrides_apply_from_their_version() {
        let ids = |l, v| active(l, v).map(|(c, _)| c.as_str()).collect::<Vec<_>>();
        let r18 = ids(Level::Restricted, 18);
        assert!(r18.contains(&"seccompProfile_baseline") && !r18.contains(&"seccompProfile_restricted"));
        let r21 = ids(Level::Restricted, 21);
        assert!(r21.contains(&"capabilities_baseline") && !r21.contains(&"capabilities_restricted"));
        let r35 = ids(Level::Restricted, 35);
        assert!(!r35.contains(&"procMount") && r35.contains(&"procMount_restricted"));
        assert!(!ids(Level::Restricted, 0).contains(&"hostPathVolumes"));
        assert!(ids(Level::Baseline, 37).iter().all(|c| !c.contains("restricted")));
        assert!(ids(Level::Privileged, 37).is_empty());
        assert!(!ids(Level::Restricted, 7).contains(&"allowPrivilegeEscalation"));
        assert_eq!(
            active(Level::Baseline, 30).find(|(c, _)| *c == CheckId::Sysctls),
            Some((CheckId::Sysctls, 29))
        );
    }
}
