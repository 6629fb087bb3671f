//! `netpol explain`: the policies and rules that allow or block traffic between two endpoints,
//! with where each is written, and a verdict for one port when asked.

use std::fmt::Write as _;

use crate::document::FieldPath;
use crate::model::ObjectSet;

use super::conns::{Cidr, Protocol};
use super::eval::{Endpoint, Side};
use super::model::{Direction, Model};
use crate::model::selector::Match;

/// Finds an endpoint: `ns/name[Kind]`, `ns/name`, `name`, an address, a CIDR or a range
/// `first-last`.
pub fn resolve(model: &Model, text: &str) -> Result<Endpoint, String> {
    let t = text.trim();
    if let Ok(addr) = t.parse::<std::net::IpAddr>() {
        let bits = if addr.is_ipv4() { 32 } else { 128 };
        return resolve(model, &format!("{addr}/{bits}"));
    }
    if let Ok(c) = Cidr::parse(t) {
        return Ok(Endpoint::Ips(c.family, c.first, c.last));
    }
    if let Some((family, first, last)) = super::conns::parse_range(t) {
        return Ok(Endpoint::Ips(family, first, last));
    }
    let (path, kind) = match t.strip_suffix(']').and_then(|s| s.split_once('[')) {
        Some((p, k)) => (p, Some(k)),
        None => (t, None),
    };
    let (ns, name) = match path.split_once('/') {
        Some((ns, n)) => (Some(ns), n),
        None => (None, path),
    };
    let found: Vec<usize> = model
        .workloads
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            w.id.name == name
                && ns.is_none_or(|n| w.id.namespace == n)
                && kind.is_none_or(|k| w.id.kind.eq_ignore_ascii_case(k))
        })
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [i] => Ok(Endpoint::Workload(*i)),
        [] => {
            Err(format!("no workload `{t}` in the input (write namespace/name[Kind], an address or a CIDR)"))
        }
        many => Err(format!(
            "`{t}` is ambiguous: {}",
            many.iter().map(|&i| model.pods(i).id.to_string()).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// Parses `80`, `80/TCP`, `53/udp`.
pub fn parse_port(text: &str) -> Result<(u16, Protocol), String> {
    let (num, proto) = text.split_once('/').unwrap_or((text, "TCP"));
    let n: u16 = num
        .trim()
        .parse()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| format!("`{text}` is not PORT or PORT/PROTOCOL"))?;
    let p = Protocol::parse(proto.trim()).ok_or_else(|| format!("`{proto}` is not TCP, UDP or SCTP"))?;
    Ok((n, p))
}

/// What NetworkPolicy means for a pod on the host network.
pub const HOST_NETWORK_NOTE: &str = "runs on the host network, and NetworkPolicies do not select host-network \
     pods (Kubernetes leaves them to the network plugin; most treat their traffic as the node's), so it \
     is shown unrestricted";

/// Whether the traffic is known to be allowed: on that port when one is given, else on some
/// connection. What depends on namespace labels not in the input is not known to be allowed.
#[must_use]
pub fn is_allowed(model: &Model, src: Endpoint, dst: Endpoint, port: Option<(u16, Protocol)>) -> bool {
    let allowed = model.allowed(src, dst);
    match port {
        Some((n, p)) => allowed.definite.allows(p, n),
        None => !allowed.definite.is_empty(),
    }
}

/// The explanation as text.
#[must_use]
pub fn explain(
    model: &Model,
    set: &ObjectSet,
    src: Endpoint,
    dst: Endpoint,
    port: Option<(u16, Protocol)>,
) -> String {
    let mut out = String::new();
    let allowed = model.allowed(src, dst);
    let _ = writeln!(out, "{} => {} : {}", model.endpoint_text(src), model.endpoint_text(dst), allowed);
    let sides = [(src, Direction::Egress, dst), (dst, Direction::Ingress, src)];
    let mut blocking = Vec::new();
    for (me, dir, other) in sides {
        let Endpoint::Workload(i) = me else {
            let _ = writeln!(
                out,
                "{} of {}: outside the cluster, not governed by NetworkPolicy",
                dir.as_str(),
                model.endpoint_text(me)
            );
            continue;
        };
        let side = model.side(i, dir, other);
        describe_side(model, set, &mut out, me, &side);
        if let Some((n, p)) = port
            && !side.allowed.possible.allows(p, n)
        {
            blocking.push(format!("{} of {}", dir.as_str(), model.endpoint_text(me)));
        }
    }
    if let Some((n, p)) = port {
        let verdict = if allowed.definite.allows(p, n) {
            "allowed".to_string()
        } else if allowed.possible.allows(p, n) {
            format!(
                "possibly allowed: depends on labels of namespace {} not in the input",
                model
                    .unknown_in(src, dst)
                    .iter()
                    .map(|n| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(" or ")
            )
        } else {
            format!("blocked by {}", blocking.join(" and "))
        };
        let _ = writeln!(out, "verdict: {} {n} {verdict}", p.as_str());
    }
    out
}

fn describe_side(model: &Model, set: &ObjectSet, out: &mut String, me: Endpoint, side: &Side) {
    let dir = side.direction.as_str();
    let who = model.endpoint_text(me);
    if let Endpoint::Workload(i) = me
        && model.pods(i).host_network
    {
        let _ = writeln!(out, "{dir} of {who}: {HOST_NETWORK_NOTE}: All Connections");
        return;
    }
    if side.isolating.is_empty() {
        let _ = writeln!(
            out,
            "{dir} of {who}: not isolated (no NetworkPolicy governing {dir} selects it): All Connections"
        );
        return;
    }
    let names: Vec<String> = side
        .isolating
        .iter()
        .map(|&p| {
            format!(
                "{} ({})",
                model.policy(p).display(),
                place(model, set, p, &FieldPath::root().keys(&["spec", "podSelector"]))
            )
        })
        .collect();
    let _ = writeln!(out, "{dir} of {who}: isolated by {}", names.join(", "));
    if side.hits.is_empty() {
        let _ = writeln!(out, "  no {dir} rules: nothing allowed");
    }
    for h in &side.hits {
        let p = model.policy(h.policy);
        let Some(rule) = p.rules(side.direction).get(h.rule) else { continue };
        let at = place(model, set, h.policy, &rule.path);
        let what = match h.matched {
            Match::Yes if h.conns.is_empty() => {
                "matches, but its named ports resolve to nothing here".to_string()
            }
            Match::Yes => format!("allows {}", h.conns),
            Match::Maybe => format!("possibly allows {} (namespace labels not in the input)", h.conns),
            Match::No => "does not match this peer".to_string(),
        };
        let _ = writeln!(out, "  {} {} ({at}): {what}", p.display(), rule.path);
    }
    let _ = writeln!(out, "  {dir} allows: {}", side.allowed);
}

/// `file:line:column` of a field of a policy.
fn place(model: &Model, set: &ObjectSet, policy: usize, path: &FieldPath) -> String {
    let Some(o) = model.policies.get(policy).and_then(|p| set.get(p.object)) else {
        return "no source".into();
    };
    let Some(origin) = &o.origin else { return "no source".into() };
    let span = o.locate(path).span;
    let p = origin.file.position(span.start);
    format!("{}:{}:{}", origin.file.display, p.line, p.column)
}
