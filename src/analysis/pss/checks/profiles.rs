//! Profile checks: AppArmor, SELinux and seccomp, read from pod and container security
//! contexts (and, for AppArmor and old seccomp policies, from pod annotations).

use super::{CheckId, Site, Violation};
use crate::analysis::pss::message::{Setters, containers, go_quote, join_quote, plural, sorted_distinct};
use crate::analysis::pss::pod::{Pod, SeLinux};

const APP_ARMOR_ANNOTATION_PREFIX: &str = "container.apparmor.security.beta.kubernetes.io/";
const SECCOMP_POD_ANNOTATION: &str = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER_ANNOTATION_PREFIX: &str = "container.seccomp.security.alpha.kubernetes.io/";

fn runtime_default_or_localhost(t: &str) -> bool {
    t == "RuntimeDefault" || t == "Localhost"
}

pub(super) fn app_armor_profile(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    const TYPE: &[&str] = &["securityContext", "appArmorProfile", "type"];
    let mut values = Vec::new();
    let mut site = None;
    let pod_bad = pod.sc.app_armor.filter(|t| !runtime_default_or_localhost(t));
    if let Some(t) = pod_bad {
        values.push(t.to_string());
        site = Some(Site::Spec(TYPE));
    }
    let mut bad = Vec::new();
    for c in &pod.containers {
        if let Some(t) = c.sc.app_armor.filter(|t| !runtime_default_or_localhost(t)) {
            bad.push(c.name);
            values.push(t.to_string());
            site.get_or_insert_with(|| c.site(TYPE));
        }
    }
    let mut values = sorted_distinct(values);
    let mut annotations = Vec::new();
    for (key, value) in &pod.annotations {
        let valid = value.is_empty() || *value == "runtime/default" || value.starts_with("localhost/");
        if key.starts_with(APP_ARMOR_ANNOTATION_PREFIX) && !valid {
            annotations.push(format!("{key}={}", go_quote(value)));
            site.get_or_insert_with(|| Site::Annotation((*key).to_string()));
        }
    }
    annotations.sort();
    let mut setters = Setters::default();
    setters.pod(pod_bad.is_some()).containers(&bad);
    if !annotations.is_empty() {
        setters.add(plural("annotation", "annotations", annotations.len()));
    }
    values.extend(annotations);
    Some(Violation {
        check: CheckId::AppArmorProfile,
        reason: plural("forbidden AppArmor profile", "forbidden AppArmor profiles", values.len()),
        detail: format!("{} must not set AppArmor profile type to {}", setters.text(), join_quote(&values)),
        site: site?,
        causes: Vec::new(),
    })
}

pub(super) fn se_linux_options<'a>(pod: &Pod<'a>, variant: u32) -> Option<Violation> {
    const OPTIONS: &[&str] = &["securityContext", "seLinuxOptions"];
    let allowed = |t: &str| {
        matches!(t, "" | "container_t" | "container_init_t" | "container_kvm_t")
            || (variant >= 31 && t == "container_engine_t")
    };
    let mut types: Vec<&str> = Vec::new();
    let (mut user, mut role) = (false, false);
    let mut judge = |o: &SeLinux<'a>| {
        let mut ok = true;
        if !allowed(o.type_) {
            types.push(o.type_);
            ok = false;
        }
        if !o.user.is_empty() {
            user = true;
            ok = false;
        }
        if !o.role.is_empty() {
            role = true;
            ok = false;
        }
        ok
    };
    let pod_bad = pod.sc.se_linux.as_ref().is_some_and(|o| !judge(o));
    let mut site = pod_bad.then_some(Site::Spec(OPTIONS));
    let mut bad = Vec::new();
    for c in &pod.containers {
        if c.sc.se_linux.as_ref().is_some_and(|o| !judge(o)) {
            bad.push(c.name);
            site.get_or_insert_with(|| c.site(OPTIONS));
        }
    }
    let site = site?;
    let types = sorted_distinct(types);
    let mut parts = Vec::new();
    if !types.is_empty() {
        parts.push(format!("{} {}", plural("type", "types", types.len()), join_quote(&types)));
    }
    if user {
        parts.push("user may not be set".to_string());
    }
    if role {
        parts.push("role may not be set".to_string());
    }
    let mut setters = Setters::default();
    setters.pod(pod_bad).containers(&bad);
    Some(Violation {
        check: CheckId::SeLinuxOptions,
        reason: "seLinuxOptions",
        detail: format!(
            "{} set forbidden securityContext.seLinuxOptions: {}",
            setters.text(),
            parts.join("; ")
        ),
        site,
        causes: Vec::new(),
    })
}

/// v1.0–v1.18 read the seccomp annotations; from v1.19 the security-context fields.
pub(super) fn seccomp_profile_baseline(pod: &Pod<'_>, variant: u32) -> Option<Violation> {
    if variant < 19 {
        return seccomp_annotations(pod);
    }
    const TYPE: &[&str] = &["securityContext", "seccompProfile", "type"];
    let mut values = Vec::new();
    let pod_bad = pod.sc.seccomp.filter(|t| !runtime_default_or_localhost(t));
    values.extend(pod_bad);
    let mut site = pod_bad.map(|_| Site::Spec(TYPE));
    let mut bad = Vec::new();
    for c in &pod.containers {
        if let Some(t) = c.sc.seccomp.filter(|t| !runtime_default_or_localhost(t)) {
            bad.push(c.name);
            values.push(t);
            site.get_or_insert_with(|| c.site(TYPE));
        }
    }
    let mut setters = Setters::default();
    setters.pod(pod_bad.is_some()).containers(&bad);
    Some(Violation {
        check: CheckId::SeccompProfileBaseline,
        reason: "seccompProfile",
        detail: format!(
            "{} must not set securityContext.seccompProfile.type to {}",
            setters.text(),
            join_quote(&sorted_distinct(values))
        ),
        site: site?,
        causes: Vec::new(),
    })
}

fn seccomp_annotations(pod: &Pod<'_>) -> Option<Violation> {
    let valid = |v: &str| v == "runtime/default" || v == "docker/default" || v.starts_with("localhost/");
    let annotation = |key: &str| pod.annotations.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let mut forbidden = Vec::new();
    let mut site = None;
    let mut judge = |key: String| {
        if let Some(v) = annotation(&key).filter(|v| !valid(v)) {
            forbidden.push(format!("{key}={}", go_quote(v)));
            site.get_or_insert(Site::Annotation(key));
        }
    };
    judge(SECCOMP_POD_ANNOTATION.to_string());
    for c in &pod.containers {
        judge(format!("{SECCOMP_CONTAINER_ANNOTATION_PREFIX}{}", c.name));
    }
    let forbidden = sorted_distinct(forbidden);
    Some(Violation {
        check: CheckId::SeccompProfileBaseline,
        reason: "seccompProfile",
        detail: format!(
            "forbidden {} {}",
            plural("annotation", "annotations", forbidden.len()),
            forbidden.join(", ")
        ),
        site: site?,
        causes: Vec::new(),
    })
}

pub(super) fn seccomp_profile_restricted(pod: &Pod<'_>, variant: u32) -> Option<Violation> {
    if variant >= 25 && pod.windows {
        return None;
    }
    const TYPE: &[&str] = &["securityContext", "seccompProfile", "type"];
    let mut values = Vec::new();
    let pod_bad = pod.sc.seccomp.filter(|t| !runtime_default_or_localhost(t));
    let pod_ok = pod.sc.seccomp.is_some() && pod_bad.is_none();
    values.extend(pod_bad);
    let mut explicit_site = pod_bad.map(|_| Site::Spec(TYPE));
    let mut implicit_site = None;
    let mut explicit = Vec::new();
    let mut implicit = Vec::new();
    for c in &pod.containers {
        match c.sc.seccomp {
            Some(t) if !runtime_default_or_localhost(t) => {
                explicit.push(c.name);
                values.push(t);
                explicit_site.get_or_insert_with(|| c.site(TYPE));
            }
            Some(_) => {}
            None if pod_ok => {}
            None => {
                implicit.push(c.name);
                implicit_site.get_or_insert_with(|| c.site(TYPE));
            }
        }
    }
    let (detail, site) = if pod_bad.is_some() || !explicit.is_empty() {
        let mut setters = Setters::default();
        setters.pod(pod_bad.is_some()).containers(&explicit);
        let detail = format!(
            "{} must not set securityContext.seccompProfile.type to {}",
            setters.text(),
            join_quote(&sorted_distinct(values))
        );
        (detail, explicit_site?)
    } else {
        let detail = format!(
            "pod or {} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
            containers(&implicit)
        );
        (detail, implicit_site?)
    };
    Some(Violation {
        check: CheckId::SeccompProfileRestricted,
        reason: "seccompProfile",
        detail,
        site,
        causes: Vec::new(),
    })
}
