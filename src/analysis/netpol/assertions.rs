//! Reachability assertions from `.ladrillo.yaml`, checked against the model:
//!
//! ```yaml
//! reachability:
//!   deny:
//!     - {from: "shop/app=worker", to: "shop/app=backend"}
//!     - {from: 0.0.0.0/0, to: "shop/app=backend"}
//!   allow:
//!     - {from: "shop/app=frontend", to: "shop/app=backend", port: 8080}
//! ```
//!
//! An endpoint is a CIDR, `[NAMESPACE/]SELECTOR` (kubectl label selector syntax; without a
//! namespace, or with `*`, every namespace), or a mapping with `namespace`, `namespaceSelector`
//! and `pods` (selectors as strings or `matchLabels`/`matchExpressions`), or `cidr`. A `port` is
//! `8080` or `53/UDP`; without one, `deny` forbids any connection and `allow` asks for some.

use std::sync::Arc;

use crate::document::{Node, SourceFile, Span};
use crate::i18n::{Lang, text};

use super::conns::{Cidr, ConnSet, Protocol};
use super::eval::{Allowed, Endpoint};
use super::explain::parse_port;
use super::model::Model;
use crate::model::selector::{LabelSelector, Match};

/// The `reachability` section with the file it was read from.
#[derive(Clone, Debug, Default)]
pub struct Reachability {
    pub file: Option<Arc<SourceFile>>,
    pub assertions: Vec<Assertion>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    Deny,
    Allow,
}

#[derive(Clone, Debug)]
pub struct Assertion {
    pub expect: Expect,
    pub from: Target,
    pub to: Target,
    pub port: Option<(u16, Protocol)>,
    /// The whole assertion in the config file.
    pub span: Span,
}

/// One side of an assertion.
#[derive(Clone, Debug)]
pub enum Target {
    Pods {
        namespace: Option<String>,
        namespace_selector: Option<LabelSelector>,
        pods: LabelSelector,
        text: String,
    },
    Cidr {
        cidr: Cidr,
        text: String,
    },
}

impl Target {
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Self::Pods { text, .. } | Self::Cidr { text, .. } => text,
        }
    }

    /// The endpoints this side denotes in a model.
    #[must_use]
    pub fn endpoints(&self, model: &Model) -> Vec<Endpoint> {
        match self {
            Self::Pods { namespace, namespace_selector, pods, .. } => model
                .workloads
                .iter()
                .enumerate()
                .filter(|(_, w)| {
                    namespace.as_ref().is_none_or(|n| *n == w.id.namespace)
                        && namespace_selector.as_ref().is_none_or(|s| {
                            model
                                .namespaces
                                .get(w.id.namespace.as_str())
                                .is_some_and(|ns| s.matches_known(&ns.labels) == Match::Yes)
                        })
                        && pods.matches(&w.labels)
                })
                .map(|(i, _)| Endpoint::Workload(i))
                .collect(),
            Self::Cidr { cidr, .. } => model
                .address_pieces()
                .into_iter()
                .filter_map(|p| match p {
                    Endpoint::Ips(f, lo, hi) if f == cidr.family => {
                        let (lo, hi) = (lo.max(cidr.first), hi.min(cidr.last));
                        (lo <= hi).then_some(Endpoint::Ips(f, lo, hi))
                    }
                    _ => None,
                })
                .collect(),
        }
    }
}

/// A violated assertion: the pair and what is allowed between them.
#[derive(Clone, Debug)]
pub struct Violation {
    pub src: Endpoint,
    pub dst: Endpoint,
    pub allowed: Allowed,
    /// Whether the violation is only possible (unknown namespace labels).
    pub uncertain: bool,
}

/// What checking one assertion found.
#[derive(Clone, Debug)]
pub enum Outcome {
    Holds,
    /// One side denotes nothing in the input (likely a typo): named side.
    Empty(&'static str),
    Violated(Vec<Violation>),
}

impl Assertion {
    /// Checks the assertion against the model.
    #[must_use]
    pub fn check(&self, model: &Model) -> Outcome {
        let from = self.from.endpoints(model);
        let to = self.to.endpoints(model);
        if from.is_empty() {
            return Outcome::Empty("from");
        }
        if to.is_empty() {
            return Outcome::Empty("to");
        }
        let wanted = match self.port {
            Some((n, p)) => ConnSet::ports(p, u128::from(n), u128::from(n)),
            None => ConnSet::all(),
        };
        let mut out = Vec::new();
        for &src in &from {
            for &dst in &to {
                if src == dst || matches!((src, dst), (Endpoint::Ips(..), Endpoint::Ips(..))) {
                    continue;
                }
                let allowed = model.allowed(src, dst);
                let definite = !allowed.definite.intersect(&wanted).is_empty();
                let possible = !allowed.possible.intersect(&wanted).is_empty();
                let bad = match (self.expect, self.port) {
                    (Expect::Deny, _) => possible.then_some(!definite),
                    (Expect::Allow, Some((n, p))) => {
                        (!allowed.definite.allows(p, n)).then_some(allowed.possible.allows(p, n))
                    }
                    (Expect::Allow, None) => (!definite).then_some(possible),
                };
                if let Some(uncertain) = bad {
                    out.push(Violation { src, dst, allowed, uncertain });
                }
            }
        }
        if out.is_empty() { Outcome::Holds } else { Outcome::Violated(out) }
    }

    /// `from X to Y on TCP 8080`.
    #[must_use]
    pub fn describe(&self) -> String {
        let port = self.port.map_or_else(String::new, |(n, p)| format!(" on {} {n}", p.as_str()));
        format!("from `{}` to `{}`{port}", self.from.text(), self.to.text())
    }
}

/// Parses the `reachability` section; problems go to `err` with their span.
pub fn parse(v: &Node, lang: Lang, err: &mut impl FnMut(Span, String)) -> Vec<Assertion> {
    let Some(map) = v.as_map() else {
        err(v.span(), text(lang, "config-reach-mapping"));
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in &map.entries {
        let expect = match e.key.as_str() {
            "deny" => Expect::Deny,
            "allow" => Expect::Allow,
            other => {
                err(e.key_span, crate::t!(lang, "config-reach-unknown-key", key = other));
                continue;
            }
        };
        if e.value.as_seq().is_none() {
            err(e.value.span(), crate::t!(lang, "config-reach-list", key = e.key.as_str()));
            continue;
        }
        for item in e.value.items() {
            if let Some(a) = assertion(item, expect, lang, err) {
                out.push(a);
            }
        }
    }
    out
}

fn assertion(
    item: &Node,
    expect: Expect,
    lang: Lang,
    err: &mut impl FnMut(Span, String),
) -> Option<Assertion> {
    let Some(map) = item.as_map() else {
        err(item.span(), text(lang, "config-reach-assertion-mapping"));
        return None;
    };
    let (mut from, mut to, mut port, mut ok) = (None, None, None, true);
    for e in &map.entries {
        match e.key.as_str() {
            "from" => from = target(&e.value, lang, err),
            "to" => to = target(&e.value, lang, err),
            "port" => {
                match e.value.scalar_text().filter(|_| !e.value.is_null()).map(|t| parse_port(&t, lang)) {
                    Some(Ok(p)) => port = Some(p),
                    Some(Err(m)) => {
                        err(e.value.span(), m);
                        ok = false;
                    }
                    None => {
                        err(e.value.span(), text(lang, "config-reach-port"));
                        ok = false;
                    }
                }
            }
            other => {
                err(e.key_span, crate::t!(lang, "config-reach-assertion-unknown-key", key = other));
                ok = false;
            }
        }
    }
    for (key, v) in [("from", &from), ("to", &to)] {
        if v.is_none() && map.get(key).is_none() {
            err(item.span(), crate::t!(lang, "config-reach-needs", key = key));
        }
    }
    let (from, to) = (from?, to?);
    ok.then_some(Assertion { expect, from, to, port, span: item.span() })
}

fn target(v: &Node, lang: Lang, err: &mut impl FnMut(Span, String)) -> Option<Target> {
    if let Some(text) = v.as_str() {
        return parse_target_text(text).map_err(|m| err(v.span(), m)).ok();
    }
    let Some(map) = v.as_map() else {
        err(v.span(), text(lang, "config-reach-endpoint"));
        return None;
    };
    if let Some(c) = map.get("cidr") {
        if map.len() > 1 {
            err(v.span(), text(lang, "config-reach-cidr-alone"));
            return None;
        }
        let text = c.as_str().unwrap_or_default();
        return Cidr::parse(text)
            .map(|cidr| Target::Cidr { cidr, text: text.to_string() })
            .map_err(|m| err(c.span(), m))
            .ok();
    }
    let (mut namespace, mut namespace_selector, mut pods, mut ok) =
        (None, None, LabelSelector::everything(), true);
    for e in &map.entries {
        let sel = |n: &Node| -> Result<LabelSelector, (Span, String)> {
            match n.as_str() {
                Some(s) => LabelSelector::parse(s).map_err(|m| (n.span(), m)),
                None => LabelSelector::from_node(n).map_err(|e| (e.span, e.to_string())),
            }
        };
        match e.key.as_str() {
            "namespace" => match e.value.as_str() {
                Some(s) if !s.is_empty() => namespace = Some(s.to_string()),
                _ => {
                    err(e.value.span(), text(lang, "config-reach-namespace"));
                    ok = false;
                }
            },
            "namespaceSelector" => match sel(&e.value) {
                Ok(s) => namespace_selector = Some(s),
                Err((span, m)) => {
                    err(span, m);
                    ok = false;
                }
            },
            "pods" | "podSelector" => match sel(&e.value) {
                Ok(s) => pods = s,
                Err((span, m)) => {
                    err(span, m);
                    ok = false;
                }
            },
            other => {
                err(e.key_span, crate::t!(lang, "config-reach-endpoint-unknown-key", key = other));
                ok = false;
            }
        }
    }
    let text = format!(
        "{}{}{}",
        namespace.as_deref().map_or_else(String::new, |n| format!("{n}/")),
        namespace_selector.as_ref().map_or_else(String::new, |s| format!("namespaces({s}) ")),
        pods
    );
    ok.then_some(Target::Pods { namespace, namespace_selector, pods, text })
}

/// `10.0.0.0/8`, `shop/app=web`, `*/app=web`, `app=web`.
pub fn parse_target_text(text: &str) -> Result<Target, String> {
    let t = text.trim();
    if let Ok(cidr) = Cidr::parse(t) {
        return Ok(Target::Cidr { cidr, text: t.to_string() });
    }
    if t.contains('/') && t.split('/').next().is_some_and(|p| p.parse::<std::net::IpAddr>().is_ok()) {
        return Cidr::parse(t).map(|cidr| Target::Cidr { cidr, text: t.to_string() });
    }
    // A namespace is a DNS label: text before the first `/` with no dot or operator is one;
    // otherwise the `/` belongs to a prefixed label key (`app.kubernetes.io/name=web`).
    let (namespace, selector) = match t.split_once('/') {
        Some((ns, rest)) if !ns.contains(['.', '=', '!', ' ', '(', ',']) => {
            (if ns == "*" { None } else { Some(ns.to_string()) }, rest)
        }
        _ => (None, t),
    };
    let pods = LabelSelector::parse(selector)?;
    Ok(Target::Pods { namespace, namespace_selector: None, pods, text: t.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml;

    fn parse_text(text: &str) -> (Vec<Assertion>, Vec<String>) {
        let root = yaml::parse(text).documents.remove(0).root;
        let mut errors = Vec::new();
        let a = parse(&root, Lang::En, &mut |_, m| errors.push(m));
        (a, errors)
    }

    #[test]
    fn parses_both_forms() {
        let (a, e) = parse_text(
            "deny:\n- {from: 0.0.0.0/0, to: shop/app=backend}\nallow:\n- from: {namespace: shop, pods: {matchLabels: {app: frontend}}}\n  to: app.kubernetes.io/name=api\n  port: 53/UDP\n",
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(a.len(), 2);
        assert!(matches!(a[0].from, Target::Cidr { .. }));
        assert!(matches!(&a[0].to, Target::Pods { namespace: Some(n), .. } if n == "shop"));
        assert!(matches!(&a[1].to, Target::Pods { namespace: None, .. }));
        assert_eq!(a[1].port, Some((53, Protocol::Udp)));
    }

    #[test]
    fn errors_are_reported() {
        let (_, e) = parse_text("deny:\n- {from: a=, to: b, port: http}\nmaybe: []\n");
        assert_eq!(e.len(), 2, "{e:?}");
        let (_, e) = parse_text("deny:\n- {from: x, tu: y}\n");
        assert!(e.iter().any(|m| m.contains("unknown key `tu`")), "{e:?}");
        assert!(e.iter().any(|m| m.contains("needs `to`")), "{e:?}");
        let (_, e) = parse_text("allow:\n- {from: {cidr: 10.0.0.0/40}, to: 'a in (b'}\n");
        assert_eq!(e.len(), 2, "{e:?}");
    }
}
