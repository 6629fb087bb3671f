//! `netpol explain`: the policies and rules that allow or block traffic between two endpoints,
//! with where each is written, and a verdict for one port when asked.

use std::fmt::Write as _;

use crate::document::FieldPath;
use crate::model::ObjectSet;

use super::conns::{Cidr, Protocol};
use super::eval::{Endpoint, Side};
use super::model::{Direction, Model};
use crate::i18n::Lang;
use crate::model::selector::Match;

/// Finds an endpoint: `ns/name[Kind]`, `ns/name`, `name`, an address, a CIDR or a range
/// `first-last`.
pub fn resolve(model: &Model, text: &str, lang: Lang) -> Result<Endpoint, String> {
    let t = text.trim();
    if let Ok(addr) = t.parse::<std::net::IpAddr>() {
        let bits = if addr.is_ipv4() { 32 } else { 128 };
        return resolve(model, &format!("{addr}/{bits}"), lang);
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
        [] => Err(crate::t!(lang, "netpol-no-workload", name = t)),
        many => Err(crate::t!(
            lang,
            "netpol-ambiguous",
            name = t,
            candidates = many.iter().map(|&i| model.pods(i).id.to_string()).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// Parses `80`, `80/TCP`, `53/udp`.
pub fn parse_port(text: &str, lang: Lang) -> Result<(u16, Protocol), String> {
    let (num, proto) = text.split_once('/').unwrap_or((text, "TCP"));
    let n: u16 = num
        .trim()
        .parse()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| crate::t!(lang, "netpol-bad-port", value = text))?;
    let p =
        Protocol::parse(proto.trim()).ok_or_else(|| crate::t!(lang, "netpol-bad-protocol", value = proto))?;
    Ok((n, p))
}

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
    lang: Lang,
) -> String {
    let mut out = String::new();
    let allowed = model.allowed(src, dst);
    let _ = writeln!(
        out,
        "{} => {} : {}",
        model.endpoint_text(src),
        model.endpoint_text(dst),
        allowed.text(lang)
    );
    let sides = [(src, Direction::Egress, dst), (dst, Direction::Ingress, src)];
    let mut blocking = Vec::new();
    for (me, dir, other) in sides {
        let Endpoint::Workload(i) = me else {
            let side = crate::t!(
                lang,
                "netpol-side",
                direction = direction(dir, lang),
                who = model.endpoint_text(me)
            );
            let _ = writeln!(out, "{}", crate::t!(lang, "netpol-side-outside", side = side));
            continue;
        };
        let side = model.side(i, dir, other);
        describe_side(model, set, &mut out, me, &side, lang);
        if let Some((n, p)) = port
            && !side.allowed.possible.allows(p, n)
        {
            blocking.push(crate::t!(
                lang,
                "netpol-side",
                direction = direction(dir, lang),
                who = model.endpoint_text(me)
            ));
        }
    }
    if let Some((n, p)) = port {
        let verdict = if allowed.definite.allows(p, n) {
            crate::i18n::text(lang, "netpol-verdict-allowed")
        } else if allowed.possible.allows(p, n) {
            crate::t!(
                lang,
                "netpol-verdict-possibly",
                namespaces = super::render::quoted(&model.unknown_in(src, dst), lang)
            )
        } else {
            let by = blocking
                .into_iter()
                .reduce(|first, second| crate::t!(lang, "and", first = first, second = second))
                .unwrap_or_default();
            crate::t!(lang, "netpol-verdict-blocked", by = by)
        };
        let port = format!("{} {n}", p.as_str());
        let _ = writeln!(out, "{}", crate::t!(lang, "netpol-verdict", port = port, verdict = verdict));
    }
    out
}

/// `ingress` or `egress`, in a language.
fn direction(d: Direction, lang: Lang) -> String {
    crate::i18n::text(lang, &format!("netpol-direction-{}", d.as_str()))
}

fn describe_side(model: &Model, set: &ObjectSet, out: &mut String, me: Endpoint, side: &Side, lang: Lang) {
    let dir = direction(side.direction, lang);
    let who = model.endpoint_text(me);
    let heading = crate::t!(lang, "netpol-side", direction = dir.clone(), who = who.clone());
    let all = crate::i18n::text(lang, "netpol-all-connections");
    if let Endpoint::Workload(i) = me
        && model.pods(i).host_network
    {
        let note = crate::t!(lang, "netpol-side-host-network", side = heading, conns = all);
        let _ = writeln!(out, "{note}");
        return;
    }
    if side.isolating.is_empty() {
        let line = crate::t!(lang, "netpol-side-not-isolated", side = heading, direction = dir, conns = all);
        let _ = writeln!(out, "{line}");
        return;
    }
    let names: Vec<String> = side
        .isolating
        .iter()
        .map(|&p| {
            format!(
                "{} ({})",
                model.policy(p).display(),
                place(model, set, p, &FieldPath::root().keys(&["spec", "podSelector"]), lang)
            )
        })
        .collect();
    let line = crate::t!(lang, "netpol-side-isolated", side = heading, policies = names.join(", "));
    let _ = writeln!(out, "{line}");
    if side.hits.is_empty() {
        let _ = writeln!(out, "  {}", crate::t!(lang, "netpol-side-no-rules", direction = dir.clone()));
    }
    for h in &side.hits {
        let p = model.policy(h.policy);
        let Some(rule) = p.rules(side.direction).get(h.rule) else { continue };
        let at = place(model, set, h.policy, &rule.path, lang);
        let what = match h.matched {
            Match::Yes if h.conns.is_empty() => crate::i18n::text(lang, "netpol-rule-named-ports-none"),
            Match::Yes => crate::t!(lang, "netpol-rule-allows", conns = h.conns.text(lang)),
            Match::Maybe => crate::t!(lang, "netpol-rule-possibly-allows", conns = h.conns.text(lang)),
            Match::No => crate::i18n::text(lang, "netpol-rule-no-match"),
        };
        let _ = writeln!(out, "  {} {} ({at}): {what}", p.display(), rule.path);
    }
    let allows = crate::t!(lang, "netpol-side-allows", direction = dir, conns = side.allowed.text(lang));
    let _ = writeln!(out, "  {allows}");
}

/// `file:line:column` of a field of a policy.
fn place(model: &Model, set: &ObjectSet, policy: usize, path: &FieldPath, lang: Lang) -> String {
    let Some(o) = model.policies.get(policy).and_then(|p| set.get(p.object)) else {
        return crate::i18n::text(lang, "netpol-no-source");
    };
    let Some(origin) = &o.origin else { return crate::i18n::text(lang, "netpol-no-source") };
    let span = o.locate(path).span;
    let p = origin.file.position(span.start);
    format!("{}:{}:{}", origin.file.display, p.line, p.column)
}
