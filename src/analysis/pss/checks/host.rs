//! Checks on what a pod shares with its node: host namespaces, host ports, probe and lifecycle
//! hosts, sysctls and Windows host processes.

use super::{Cause, CheckId, Site, Violation};
use crate::analysis::pss::message::{Setters, containers, join_quote, plural, sorted_distinct};
use crate::analysis::pss::pod::Pod;

pub(super) fn host_namespaces(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    let set = [
        (pod.host_network, "hostNetwork", Cause::HostNetwork),
        (pod.host_pid, "hostPID", Cause::HostPid),
        (pod.host_ipc, "hostIPC", Cause::HostIpc),
    ];
    let on: Vec<_> = set.iter().filter(|(on, ..)| *on).collect();
    let site: &'static [&'static str] = match on.first()?.1 {
        "hostNetwork" => &["hostNetwork"],
        "hostPID" => &["hostPID"],
        _ => &["hostIPC"],
    };
    Some(Violation {
        check: CheckId::HostNamespaces,
        reason: "host namespaces",
        detail: on.iter().map(|(_, f, _)| format!("{f}=true")).collect::<Vec<_>>().join(", "),
        site: Site::Spec(site),
        causes: on.iter().map(|(.., cause)| *cause).collect(),
    })
}

pub(super) fn host_ports(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    let mut bad = Vec::new();
    let mut ports = Vec::new();
    let mut site = None;
    for c in pod.containers.iter().filter(|c| !c.host_ports.is_empty()) {
        bad.push(c.name);
        ports.extend(c.host_ports.iter().map(|(_, p)| p.to_string()));
        if let Some(&(port, _)) = c.host_ports.first() {
            site.get_or_insert(Site::HostPort { kind: c.kind, index: c.index, port });
        }
    }
    let ports = sorted_distinct(ports);
    let detail = format!(
        "{} {} {} {}",
        containers(&bad),
        plural("uses", "use", bad.len()),
        plural("hostPort", "hostPorts", ports.len()),
        ports.join(", ")
    );
    Some(Violation {
        check: CheckId::HostPorts,
        reason: "hostPort",
        detail,
        site: site?,
        causes: vec![Cause::HostPort],
    })
}

pub(super) fn host_probes_and_host_lifecycle(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    let mut names = Vec::new();
    let mut hosts = Vec::new();
    let mut site = None;
    for c in pod.containers.iter().filter(|c| !c.hosts.is_empty()) {
        names.push(c.name);
        hosts.extend(c.hosts.iter().map(|(_, h)| *h));
        if let Some(&(keys, _)) = c.hosts.first() {
            site.get_or_insert_with(|| c.site(keys));
        }
    }
    let names = sorted_distinct(names);
    let hosts = sorted_distinct(hosts);
    let detail = format!(
        "{} {} {} {}",
        containers(&names),
        plural("uses", "use", names.len()),
        plural("probe or lifecycle host", "probe or lifecycle hosts", hosts.len()),
        join_quote(&hosts)
    );
    Some(Violation {
        check: CheckId::HostProbesAndHostLifecycle,
        reason: "probe or lifecycle host",
        detail,
        site: site?,
        causes: Vec::new(),
    })
}

/// Sysctls allowed in baseline, with the variant that first allows them.
const SAFE_SYSCTLS: &[(u32, &str)] = &[
    (0, "kernel.shm_rmid_forced"),
    (0, "net.ipv4.ip_local_port_range"),
    (0, "net.ipv4.tcp_syncookies"),
    (0, "net.ipv4.ping_group_range"),
    (0, "net.ipv4.ip_unprivileged_port_start"),
    (27, "net.ipv4.ip_local_reserved_ports"),
    (29, "net.ipv4.tcp_keepalive_time"),
    (29, "net.ipv4.tcp_fin_timeout"),
    (29, "net.ipv4.tcp_keepalive_intvl"),
    (29, "net.ipv4.tcp_keepalive_probes"),
    (32, "net.ipv4.tcp_rmem"),
    (32, "net.ipv4.tcp_wmem"),
    (37, "net.ipv4.tcp_slow_start_after_idle"),
    (37, "net.ipv4.tcp_notsent_lowat"),
];

pub(super) fn sysctls(pod: &Pod<'_>, variant: u32) -> Option<Violation> {
    let allowed = |name: &str| SAFE_SYSCTLS.iter().any(|(v, n)| *v <= variant && *n == name);
    let mut bad = Vec::new();
    let mut site = None;
    for (i, name) in pod.sysctls.iter().enumerate() {
        if !allowed(name) {
            bad.push(*name);
            site.get_or_insert(Site::Sysctl(i));
        }
    }
    Some(Violation {
        check: CheckId::Sysctls,
        reason: "forbidden sysctls",
        detail: bad.join(", "),
        site: site?,
        causes: Vec::new(),
    })
}

pub(super) fn windows_host_process(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    let pod_bad = pod.sc.host_process == Some(true);
    let bad: Vec<_> = pod.containers.iter().filter(|c| c.sc.host_process == Some(true)).collect();
    let site = if pod_bad {
        Site::Spec(&["securityContext", "windowsOptions", "hostProcess"])
    } else {
        bad.first()?.site(&["securityContext", "windowsOptions", "hostProcess"])
    };
    let names: Vec<&str> = bad.iter().map(|c| c.name).collect();
    let mut setters = Setters::default();
    setters.pod(pod_bad).containers(&names);
    Some(Violation {
        check: CheckId::WindowsHostProcess,
        reason: "hostProcess",
        detail: format!("{} must not set securityContext.windowsOptions.hostProcess=true", setters.text()),
        site,
        causes: Vec::new(),
    })
}
