//! Container security-context checks: privileged, capabilities, procMount, privilege
//! escalation, runAsNonRoot and runAsUser.

use super::{Cause, CheckId, Site, Violation};
use crate::analysis::pss::message::{Setters, containers, join_quote, sorted_distinct};
use crate::analysis::pss::pod::Pod;

/// Capabilities a baseline container may add (compared exactly, as admission does).
use crate::model::capability::BASELINE as BASELINE_CAPABILITIES;

fn violation(check: CheckId, reason: &'static str, detail: String, site: Site) -> Violation {
    Violation { check, reason, detail, site, causes: Vec::new() }
}

pub(super) fn capabilities_baseline(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    let mut bad = Vec::new();
    let mut caps: Vec<&str> = Vec::new();
    let mut site = None;
    for c in &pod.containers {
        let Some((add, _)) = &c.capabilities else { continue };
        let before = caps.len();
        caps.extend(add.iter().filter(|a| !BASELINE_CAPABILITIES.contains(a)));
        if caps.len() > before {
            bad.push(c.name);
            site.get_or_insert_with(|| c.site(&["securityContext", "capabilities", "add"]));
        }
    }
    let detail = format!(
        "{} must not include {} in securityContext.capabilities.add",
        containers(&bad),
        join_quote(&sorted_distinct(caps))
    );
    let mut v = violation(CheckId::CapabilitiesBaseline, "non-default capabilities", detail, site?);
    v.causes = vec![Cause::AddedCapabilities];
    Some(v)
}

pub(super) fn privileged(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    let bad: Vec<_> = pod.containers.iter().filter(|c| c.privileged == Some(true)).collect();
    let site = bad.first()?.site(&["securityContext", "privileged"]);
    let names: Vec<&str> = bad.iter().map(|c| c.name).collect();
    let detail = format!("{} must not set securityContext.privileged=true", containers(&names));
    let mut v = violation(CheckId::Privileged, "privileged", detail, site);
    v.causes = vec![Cause::Privileged];
    Some(v)
}

fn proc_mount_of(pod: &Pod<'_>, check: CheckId) -> Option<Violation> {
    let mut bad = Vec::new();
    let mut values = Vec::new();
    let mut site = None;
    for c in &pod.containers {
        if let Some(p) = c.proc_mount.filter(|p| *p != "Default") {
            bad.push(c.name);
            values.push(p);
            site.get_or_insert_with(|| c.site(&["securityContext", "procMount"]));
        }
    }
    let detail = format!(
        "{} must not set securityContext.procMount to {}",
        containers(&bad),
        join_quote(&sorted_distinct(values))
    );
    Some(violation(check, "procMount", detail, site?))
}

/// From v1.35 a pod in its own user namespace (`hostUsers: false`) may unmask /proc.
pub(super) fn proc_mount(pod: &Pod<'_>, variant: u32) -> Option<Violation> {
    if variant >= 35 && pod.host_users == Some(false) {
        return None;
    }
    proc_mount_of(pod, CheckId::ProcMount)
}

pub(super) fn proc_mount_restricted(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    proc_mount_of(pod, CheckId::ProcMountRestricted)
}

pub(super) fn allow_privilege_escalation(pod: &Pod<'_>, variant: u32) -> Option<Violation> {
    if variant >= 25 && pod.windows {
        return None;
    }
    let bad: Vec<_> = pod.containers.iter().filter(|c| c.allow_privilege_escalation != Some(false)).collect();
    let site = bad.first()?.site(&["securityContext", "allowPrivilegeEscalation"]);
    let names: Vec<&str> = bad.iter().map(|c| c.name).collect();
    let detail = format!("{} must set securityContext.allowPrivilegeEscalation=false", containers(&names));
    let mut v =
        violation(CheckId::AllowPrivilegeEscalation, "allowPrivilegeEscalation != false", detail, site);
    v.causes = vec![Cause::PrivilegeEscalation];
    Some(v)
}

pub(super) fn capabilities_restricted(pod: &Pod<'_>, variant: u32) -> Option<Violation> {
    if variant >= 25 && pod.windows {
        return None;
    }
    let mut missing_drop = Vec::new();
    let mut adding = Vec::new();
    let mut caps: Vec<&str> = Vec::new();
    let mut site = None;
    for c in &pod.containers {
        let Some((add, drop)) = &c.capabilities else {
            missing_drop.push(c.name);
            site.get_or_insert_with(|| c.site(&["securityContext", "capabilities", "drop"]));
            continue;
        };
        if !drop.contains(&"ALL") {
            missing_drop.push(c.name);
            site.get_or_insert_with(|| c.site(&["securityContext", "capabilities", "drop"]));
        }
        let before = caps.len();
        caps.extend(add.iter().filter(|a| **a != "NET_BIND_SERVICE"));
        if caps.len() > before {
            adding.push(c.name);
            site.get_or_insert_with(|| c.site(&["securityContext", "capabilities", "add"]));
        }
    }
    let mut parts = Vec::new();
    let mut causes = Vec::new();
    if !missing_drop.is_empty() {
        parts.push(format!(
            "{} must set securityContext.capabilities.drop=[\"ALL\"]",
            containers(&missing_drop)
        ));
        causes.push(Cause::CapabilitiesNotDropped);
    }
    if !adding.is_empty() {
        parts.push(format!(
            "{} must not include {} in securityContext.capabilities.add",
            containers(&adding),
            join_quote(&sorted_distinct(caps))
        ));
        causes.push(Cause::AddedCapabilities);
    }
    let mut v =
        violation(CheckId::CapabilitiesRestricted, "unrestricted capabilities", parts.join("; "), site?);
    v.causes = causes;
    Some(v)
}

pub(super) fn run_as_non_root(pod: &Pod<'_>, variant: u32) -> Option<Violation> {
    if variant >= 35 && pod.host_users == Some(false) {
        return None;
    }
    let pod_false = pod.sc.run_as_non_root == Some(false);
    let pod_true = pod.sc.run_as_non_root == Some(true);
    let mut explicit = Vec::new();
    let mut implicit = Vec::new();
    let mut explicit_site = pod_false.then_some(Site::Spec(&["securityContext", "runAsNonRoot"]));
    let mut implicit_site = None;
    for c in &pod.containers {
        match c.sc.run_as_non_root {
            Some(false) => {
                explicit.push(c.name);
                explicit_site.get_or_insert_with(|| c.site(&["securityContext", "runAsNonRoot"]));
            }
            Some(true) => {}
            None if pod_true => {}
            None => {
                implicit.push(c.name);
                implicit_site.get_or_insert_with(|| c.site(&["securityContext", "runAsNonRoot"]));
            }
        }
    }
    let (detail, site) = if pod_false || !explicit.is_empty() {
        let mut setters = Setters::default();
        setters.pod(pod_false).containers(&explicit);
        (format!("{} must not set securityContext.runAsNonRoot=false", setters.text()), explicit_site?)
    } else {
        let site = implicit_site?;
        (format!("pod or {} must set securityContext.runAsNonRoot=true", containers(&implicit)), site)
    };
    let mut v = violation(CheckId::RunAsNonRoot, "runAsNonRoot != true", detail, site);
    v.causes = vec![Cause::RunAsRoot];
    Some(v)
}

pub(super) fn run_as_user(pod: &Pod<'_>, variant: u32) -> Option<Violation> {
    if variant >= 35 && pod.host_users == Some(false) {
        return None;
    }
    let pod_bad = pod.sc.run_as_user == Some(0);
    let bad: Vec<_> = pod.containers.iter().filter(|c| c.sc.run_as_user == Some(0)).collect();
    let site = if pod_bad {
        Site::Spec(&["securityContext", "runAsUser"])
    } else {
        bad.first()?.site(&["securityContext", "runAsUser"])
    };
    let names: Vec<&str> = bad.iter().map(|c| c.name).collect();
    let mut setters = Setters::default();
    setters.pod(pod_bad).containers(&names);
    let detail = format!("{} must not set runAsUser=0", setters.text());
    let mut v = violation(CheckId::RunAsUser, "runAsUser=0", detail, site);
    v.causes = vec![Cause::RunAsRoot];
    Some(v)
}
