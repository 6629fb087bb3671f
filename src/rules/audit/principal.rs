//! Who a request came from: system components, anonymous callers, and whether a source address
//! is on the internet.

use std::net::IpAddr;

use ipnet::IpNet;

use super::event::Record;

/// Namespaces that belong to the cluster itself.
pub const SYSTEM_NAMESPACES: &[&str] = &["kube-system", "kube-public", "kube-node-lease"];

#[must_use]
pub fn system_namespace(ns: &str) -> bool {
    SYSTEM_NAMESPACES.contains(&ns)
}

/// The anonymous user or the unauthenticated group.
#[must_use]
pub fn anonymous(ev: &Record<'_>) -> bool {
    ev.username() == "system:anonymous" || ev.user.groups.iter().any(|g| g == "system:unauthenticated")
}

/// A component of the cluster rather than a person or a workload: the control plane
/// (`system:kube-controller-manager`, `system:kube-scheduler`, `system:apiserver`), nodes
/// (`system:node:*`), service accounts of the system namespaces, and the principals AWS runs
/// for EKS (`eks:*`). Anonymous callers are not system principals.
#[must_use]
pub fn system_user(username: &str) -> bool {
    if username == "system:anonymous" {
        return false;
    }
    if let Some(sa) = username.strip_prefix("system:serviceaccount:") {
        return sa.split_once(':').is_some_and(|(ns, _)| system_namespace(ns));
    }
    username.starts_with("system:") || username.starts_with("eks:")
}

/// A kube-controller-manager controller: the pods, jobs and replica sets it creates come from
/// objects whose own creation was already evaluated.
#[must_use]
pub fn controller(username: &str) -> bool {
    username == "system:kube-controller-manager"
        || username
            .strip_prefix("system:serviceaccount:kube-system:")
            .is_some_and(|n| n.ends_with("-controller") || n == "generic-garbage-collector")
}

/// The client's address: the first of `sourceIPs` (later ones are proxies).
#[must_use]
pub fn client_ip(ev: &Record<'_>) -> Option<IpAddr> {
    ev.source_ips.first().and_then(|s| s.trim().parse().ok())
}

/// An address on the internet: not private, loopback, link-local, shared (100.64.0.0/10, used
/// by VPC CNI custom networking), unique-local, unspecified, nor in a trusted network.
#[must_use]
pub fn public(ip: IpAddr, trusted: &[IpNet]) -> bool {
    if trusted.iter().any(|n| n.contains(&ip)) {
        return false;
    }
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || (a == 100 && (64..128).contains(&b)))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return public(IpAddr::V4(v4), trusted);
            }
            let [first, ..] = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_users() {
        assert!(system_user("system:node:ip-10-0-1-2.ec2.internal"));
        assert!(system_user("system:serviceaccount:kube-system:coredns"));
        assert!(!system_user("system:serviceaccount:shop:web"));
        assert!(system_user("eks:addon-manager"));
        assert!(!system_user("system:anonymous"));
        assert!(!system_user("kubernetes-admin"));
        assert!(controller("system:serviceaccount:kube-system:replicaset-controller"));
        assert!(!controller("system:serviceaccount:kube-system:coredns"));
    }

    #[test]
    fn public_addresses() {
        let p = |s: &str| public(s.parse().unwrap(), &[]);
        assert!(p("203.0.113.7"));
        assert!(!p("10.0.1.2"));
        assert!(!p("100.64.3.4"));
        assert!(!p("127.0.0.1"));
        assert!(!p("fd00::1"));
        assert!(p("2001:db8::1"));
        assert!(!p("::ffff:10.1.2.3"));
        let trusted: Vec<IpNet> = vec!["203.0.113.0/24".parse().unwrap()];
        assert!(!public("203.0.113.7".parse().unwrap(), &trusted));
    }
}
