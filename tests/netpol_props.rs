//! Properties of the reachability analysis over generated workloads and policies:
//! a workload no policy selects restricts nothing on its side; adding an allow rule never
//! removes a connection; adding a policy never adds a connection outside its rules' union.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::analysis::netpol::{Allowed, ConnSet, Direction, Endpoint, Model, render as listing};
use ladrillo::model::ObjectSet;
use proptest::prelude::*;
use serde_json::{Value, json};

const KEYS: [&str; 2] = ["a", "b"];
const VALUES: [&str; 2] = ["x", "y"];
const NAMESPACES: [&str; 3] = ["n0", "n1", "n2"];

fn selector() -> impl Strategy<Value = Value> {
    let req = (0..2usize, 0..4usize, 0..2usize).prop_map(|(k, op, v)| {
        let op = ["In", "NotIn", "Exists", "DoesNotExist"][op];
        if op == "In" || op == "NotIn" {
            json!({"key": KEYS[k], "operator": op, "values": [VALUES[v]]})
        } else {
            json!({"key": KEYS[k], "operator": op})
        }
    });
    prop_oneof![
        Just(json!({})),
        (0..2usize, 0..2usize).prop_map(|(k, v)| json!({"matchLabels": {KEYS[k]: VALUES[v]}})),
        prop::collection::vec(req, 1..3).prop_map(|r| json!({"matchExpressions": r})),
    ]
}

fn peer() -> impl Strategy<Value = Value> {
    let blocks = [
        json!({"cidr": "10.0.0.0/8", "except": ["10.1.0.0/16"]}),
        json!({"cidr": "0.0.0.0/0"}),
        json!({"cidr": "10.1.2.0/24"}),
        json!({"cidr": "192.168.0.0/16"}),
        json!({"cidr": "2001:db8::/32"}),
    ];
    prop_oneof![
        selector().prop_map(|s| json!({"podSelector": s})),
        selector().prop_map(|s| json!({"namespaceSelector": s})),
        (selector(), selector()).prop_map(|(n, p)| json!({"namespaceSelector": n, "podSelector": p})),
        (0..blocks.len()).prop_map(move |i| json!({"ipBlock": blocks[i].clone()})),
    ]
}

fn port() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!({"port": 80})),
        Just(json!({"port": 80, "endPort": 90})),
        Just(json!({"port": 53, "protocol": "UDP"})),
        Just(json!({"port": "http"})),
        Just(json!({"protocol": "SCTP"})),
    ]
}

fn rule() -> impl Strategy<Value = Value> {
    (
        prop::option::of(prop::collection::vec(peer(), 0..3)),
        prop::option::of(prop::collection::vec(port(), 0..3)),
    )
        .prop_map(|(peers, ports)| {
            let mut r = serde_json::Map::new();
            if let Some(p) = peers {
                r.insert("peers".into(), json!(p));
            }
            if let Some(p) = ports {
                r.insert("ports".into(), json!(p));
            }
            Value::Object(r)
        })
}

/// A policy before rendering: `peers` is renamed to `from`/`to` per direction.
#[derive(Clone, Debug)]
struct Pol {
    ns: usize,
    selector: Value,
    types: Option<(bool, bool)>,
    ingress: Vec<Value>,
    egress: Vec<Value>,
}

fn policy() -> impl Strategy<Value = Pol> {
    (
        0..NAMESPACES.len(),
        selector(),
        prop::option::of((any::<bool>(), any::<bool>()).prop_filter("some type", |(i, e)| *i || *e)),
        prop::collection::vec(rule(), 0..3),
        prop::collection::vec(rule(), 0..3),
    )
        .prop_map(|(ns, selector, types, ingress, egress)| Pol { ns, selector, types, ingress, egress })
}

/// Labels as (key index, value index) pairs.
type LabelIx = Vec<(usize, usize)>;

#[derive(Clone, Debug)]
struct Scenario {
    /// Namespace, pod labels and the number of the container port named `http`.
    workloads: Vec<(usize, LabelIx, u16)>,
    declared: Vec<(usize, LabelIx)>,
    policies: Vec<Pol>,
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let labels = || prop::collection::vec((0..2usize, 0..2usize), 0..3);
    (
        prop::collection::vec((0..NAMESPACES.len(), labels(), prop_oneof![Just(80u16), Just(8080u16)]), 1..5),
        prop::collection::vec((0..NAMESPACES.len(), labels()), 0..3),
        prop::collection::vec(policy(), 0..4),
    )
        .prop_map(|(workloads, declared, policies)| Scenario { workloads, declared, policies })
}

fn labels_json(l: &[(usize, usize)]) -> Value {
    Value::Object(l.iter().map(|&(k, v)| (KEYS[k].to_string(), json!(VALUES[v]))).collect())
}

fn render_rule(r: &Value, peer_key: &str) -> Value {
    let mut out = serde_json::Map::new();
    if let Some(p) = r.get("peers") {
        out.insert(peer_key.into(), p.clone());
    }
    if let Some(p) = r.get("ports") {
        out.insert("ports".into(), p.clone());
    }
    Value::Object(out)
}

fn render_policy(name: &str, p: &Pol) -> Value {
    let mut spec = serde_json::Map::new();
    spec.insert("podSelector".into(), p.selector.clone());
    spec.insert(
        "ingress".into(),
        json!(p.ingress.iter().map(|r| render_rule(r, "from")).collect::<Vec<_>>()),
    );
    spec.insert("egress".into(), json!(p.egress.iter().map(|r| render_rule(r, "to")).collect::<Vec<_>>()));
    if let Some((i, e)) = p.types {
        let mut t = Vec::new();
        if i {
            t.push("Ingress");
        }
        if e {
            t.push("Egress");
        }
        spec.insert("policyTypes".into(), json!(t));
    }
    json!({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
           "metadata": {"name": name, "namespace": NAMESPACES[p.ns]}, "spec": spec})
}

fn render(s: &Scenario, extra: Option<&Pol>) -> String {
    let mut docs = Vec::new();
    let mut seen = Vec::new();
    for (ns, labels) in &s.declared {
        if !seen.contains(ns) {
            seen.push(*ns);
            docs.push(json!({"apiVersion": "v1", "kind": "Namespace",
                             "metadata": {"name": NAMESPACES[*ns], "labels": labels_json(labels)}}));
        }
    }
    for (i, (ns, labels, port)) in s.workloads.iter().enumerate() {
        docs.push(json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": format!("w{i}"), "namespace": NAMESPACES[*ns], "labels": labels_json(labels)},
            "spec": {"containers": [{"name": "c", "image": "i", "ports": [{"name": "http", "containerPort": port}]}]}}));
    }
    for (i, p) in s.policies.iter().enumerate() {
        docs.push(render_policy(&format!("p{i}"), p));
    }
    if let Some(p) = extra {
        docs.push(render_policy("added", p));
    }
    docs.iter().map(Value::to_string).collect::<Vec<_>>().join("\n---\n")
}

fn model(text: &str) -> Model {
    let loaded = ladrillo::input::file::load(&common::source("gen.yaml", text));
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let set: ObjectSet = loaded.objects.into_iter().collect();
    let m = Model::build(&set);
    assert!(m.invalid.is_empty(), "generated an invalid policy: {:?}\n{text}", m.invalid);
    m
}

/// Every endpoint pair of a model, address pieces taken from `pieces_of`.
fn pairs(m: &Model, pieces_of: &Model) -> Vec<(Endpoint, Endpoint)> {
    let ends: Vec<Endpoint> = (0..m.workloads.len()).map(Endpoint::Workload).collect();
    let pieces = pieces_of.address_pieces();
    let mut out = Vec::new();
    for &a in &ends {
        for &b in &ends {
            if a != b {
                out.push((a, b));
            }
        }
        for &p in &pieces {
            out.push((a, p));
            out.push((p, a));
        }
    }
    out
}

fn subset(a: &Allowed, b: &Allowed) -> bool {
    a.definite.is_subset(&b.definite) && a.possible.is_subset(&b.possible)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn unselected_workload_restricts_nothing(s in scenario()) {
        let m = model(&render(&s, None));
        for (i, w) in m.workloads.iter().enumerate() {
            if m.selecting(w).next().is_some() {
                continue;
            }
            let me = Endpoint::Workload(i);
            for (src, dst) in pairs(&m, &m) {
                let all = m.allowed(src, dst);
                prop_assert!(all.definite.is_subset(&all.possible));
                if src == me {
                    // What it reaches is decided by the destination alone.
                    let expected = match dst {
                        Endpoint::Workload(j) => m.side(j, Direction::Ingress, me).allowed,
                        Endpoint::Ips(..) => Allowed::all(),
                    };
                    prop_assert_eq!(m.allowed(src, dst), expected);
                }
                if dst == me {
                    let expected = match src {
                        Endpoint::Workload(j) => m.side(j, Direction::Egress, me).allowed,
                        Endpoint::Ips(..) => Allowed::all(),
                    };
                    prop_assert_eq!(m.allowed(src, dst), expected);
                }
                // Two unselected workloads, or one and the outside: everything.
                let open = |e: Endpoint| match e {
                    Endpoint::Workload(j) => m.selecting(&m.workloads[j]).next().is_none(),
                    Endpoint::Ips(..) => true,
                };
                if (src == me || dst == me) && open(src) && open(dst) {
                    prop_assert!(m.allowed(src, dst).definite.is_all());
                }
            }
        }
    }

    #[test]
    fn adding_an_allow_rule_never_removes_a_connection(
        s in scenario(), which in any::<prop::sample::Index>(), egress in any::<bool>(), new_rule in rule()
    ) {
        prop_assume!(!s.policies.is_empty());
        let before = model(&render(&s, None));
        let mut s2 = s.clone();
        let p = &mut s2.policies[which.index(s.policies.len())];
        // Keep the effective policyTypes: a first egress rule would otherwise add Egress.
        if p.types.is_none() {
            p.types = Some((true, !p.egress.is_empty()));
        }
        if egress { p.egress.push(new_rule) } else { p.ingress.push(new_rule) }
        let after = model(&render(&s2, None));
        for (src, dst) in pairs(&after, &after) {
            let (b, a) = (before.allowed(src, dst), after.allowed(src, dst));
            prop_assert!(subset(&b, &a), "{} => {}: before {:?} after {:?}", before.endpoint_text(src), before.endpoint_text(dst), b, a);
        }
    }

    #[test]
    fn adding_a_policy_adds_only_what_its_rules_allow(s in scenario(), added in policy()) {
        let before = model(&render(&s, None));
        let after = model(&render(&s, Some(&added)));
        let p = after.policies.iter().find(|p| p.name == "added").expect("added policy");
        for (src, dst) in pairs(&after, &after) {
            let dst_pods = match dst {
                Endpoint::Workload(j) => Some(&after.workloads[j]),
                Endpoint::Ips(..) => None,
            };
            let union = p.ingress.iter().chain(&p.egress).fold(ConnSet::none(), |acc, r| acc.union(&r.conns(dst_pods)));
            let (b, a) = (before.allowed(src, dst), after.allowed(src, dst));
            prop_assert!(a.possible.is_subset(&b.possible.union(&union)), "possible grew outside the rules");
            prop_assert!(a.definite.is_subset(&b.definite.union(&union)), "definite grew outside the rules");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// The listing agrees with pairwise evaluation: merged address lines cover pieces that all
    /// allow the same, and omitted workload pairs allow nothing.
    #[test]
    fn listing_matches_pairwise_evaluation(s in scenario()) {
        let m = model(&render(&s, None));
        let lines = m.reach();
        for c in &lines {
            prop_assert!(!c.allowed.possible.is_empty());
            for (src, dst) in pairs(&m, &m) {
                let inside = |e: Endpoint, range: Endpoint| match (e, range) {
                    (Endpoint::Ips(f, lo, hi), Endpoint::Ips(g, rlo, rhi)) => f == g && rlo <= lo && hi <= rhi,
                    _ => e == range,
                };
                if inside(src, c.src) && inside(dst, c.dst) {
                    prop_assert_eq!(&m.allowed(src, dst), &c.allowed);
                }
            }
        }
        for i in 0..m.workloads.len() {
            for j in 0..m.workloads.len() {
                let (a, b) = (Endpoint::Workload(i), Endpoint::Workload(j));
                if i != j && !lines.iter().any(|c| c.src == a && c.dst == b) {
                    prop_assert!(m.allowed(a, b).possible.is_empty());
                }
            }
        }
    }

    /// The listing computed by workload classes and an address sweep is the one computed pair
    /// by pair, connection for connection, and its JSON written element by element is the JSON
    /// of the whole array.
    #[test]
    fn grouped_listing_is_the_pairwise_listing(s in scenario()) {
        let m = model(&render(&s, None));
        let key = |c: &ladrillo::analysis::netpol::Connection| (c.src, c.dst, c.allowed.clone());
        let fast: Vec<(Endpoint, Endpoint, Allowed)> = m.reach().iter().map(key).collect();
        let slow: Vec<(Endpoint, Endpoint, Allowed)> = m.reach_pairwise().iter().map(key).collect();
        prop_assert_eq!(&fast, &slow);
        let lines = m.reach();
        let items: Vec<Value> = lines.iter().map(|c| listing::json_item(&m, c)).collect();
        let whole = format!("{}\n", serde_json::to_string_pretty(&items).unwrap());
        prop_assert_eq!(listing::json(&m, &lines), whole);
    }
}
