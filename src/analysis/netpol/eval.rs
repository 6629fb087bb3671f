//! Evaluating the model: which connections one endpoint may open to another. A connection
//! needs the source's egress and the destination's ingress; each side is "everything" unless a
//! policy governing that direction selects the pods, and then the union of the matching rules.
//! Results carry a definite set and a possible set (which adds what depends on namespace
//! labels absent from the input).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

use super::conns::{ConnSet, Family, full_range, range_text};
use super::model::{Direction, Model, Peer, Pods, Policy, PolicyRule};
use crate::model::selector::Match;

/// One side of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// A workload, by index in [`Model::workloads`].
    Workload(usize),
    /// Addresses outside the cluster, inclusive.
    Ips(Family, u128, u128),
}

/// Allowed connections: `definite ⊆ possible`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Allowed {
    pub definite: ConnSet,
    pub possible: ConnSet,
}

impl Allowed {
    #[must_use]
    pub fn all() -> Self {
        Self { definite: ConnSet::all(), possible: ConnSet::all() }
    }

    #[must_use]
    pub fn intersect(&self, o: &Allowed) -> Allowed {
        Allowed {
            definite: self.definite.intersect(&o.definite),
            possible: self.possible.intersect(&o.possible),
        }
    }

    /// What is possible but not certain.
    #[must_use]
    pub fn uncertain(&self) -> ConnSet {
        self.possible.subtract(&self.definite)
    }
}

/// How one rule of one policy applies to a peer.
#[derive(Clone, Debug)]
pub struct RuleHit {
    pub policy: usize,
    pub rule: usize,
    pub matched: Match,
    /// Connections the rule allows to the destination (before matching).
    pub conns: ConnSet,
}

/// One side's verdict with the reasons.
#[derive(Clone, Debug)]
pub struct Side {
    pub direction: Direction,
    /// Policies governing this direction that select the workload; empty: not isolated.
    pub isolating: Vec<usize>,
    /// Rules of those policies and how each matched the other endpoint.
    pub hits: Vec<RuleHit>,
    pub allowed: Allowed,
}

impl Model {
    /// How a policy rule matches an endpoint (the peer side of the rule).
    #[must_use]
    pub fn rule_matches(&self, policy: &Policy, rule: &PolicyRule, other: Endpoint) -> Match {
        let Some(peers) = &rule.peers else { return Match::Yes };
        peers.iter().fold(Match::No, |acc, p| acc.or(self.peer_matches(policy, p, other)))
    }

    fn peer_matches(&self, policy: &Policy, peer: &Peer, other: Endpoint) -> Match {
        match (peer, other) {
            (Peer::Pods { .. }, Endpoint::Workload(i)) if self.pods(i).host_network => Match::No,
            (Peer::Pods { namespaces, pods, .. }, Endpoint::Workload(i)) => {
                let w = self.pods(i);
                let ns_match = match namespaces {
                    None => bool_match(w.id.namespace == policy.namespace),
                    Some(sel) => self
                        .namespaces
                        .get(w.id.namespace.as_str())
                        .map_or(Match::Maybe, |ns| sel.matches_known(&ns.labels)),
                };
                let pod_match = pods.as_ref().map_or(Match::Yes, |s| bool_match(s.matches(&w.labels)));
                ns_match.and(pod_match)
            }
            // Pod addresses are not known statically; an ipBlock selects outside addresses only.
            (Peer::Block { .. }, Endpoint::Workload(_)) | (Peer::Pods { .. }, Endpoint::Ips(..)) => Match::No,
            (Peer::Block { set, .. }, Endpoint::Ips(fam, lo, hi)) => {
                let r = match fam {
                    Family::V4 => &set.v4,
                    Family::V6 => &set.v6,
                };
                let want = super::ranges::Ranges::interval(lo, hi);
                if want.is_subset(r) {
                    Match::Yes
                } else if want.intersect(r).is_empty() {
                    Match::No
                } else {
                    // Only for ranges given by hand that straddle a block edge.
                    Match::Maybe
                }
            }
        }
    }

    /// What the workload `me` allows in one direction with `other` on the far side.
    #[must_use]
    pub fn side(&self, me: usize, direction: Direction, other: Endpoint) -> Side {
        let w = self.pods(me);
        let isolating: Vec<usize> =
            self.selecting(w).filter(|&i| self.policy(i).governs(direction)).collect();
        if isolating.is_empty() {
            return Side { direction, isolating, hits: Vec::new(), allowed: Allowed::all() };
        }
        // Named ports resolve on the destination: `me` for ingress, the peer for egress.
        let dst: Option<&Pods> = match (direction, other) {
            (Direction::Ingress, _) => Some(w),
            (Direction::Egress, Endpoint::Workload(j)) => Some(self.pods(j)),
            (Direction::Egress, Endpoint::Ips(..)) => None,
        };
        let mut hits = Vec::new();
        let mut allowed = Allowed::default();
        for &pi in &isolating {
            let p = self.policy(pi);
            for (ri, rule) in p.rules(direction).iter().enumerate() {
                let matched = self.rule_matches(p, rule, other);
                let conns = rule.conns(dst);
                if matched == Match::Yes {
                    allowed.definite = allowed.definite.union(&conns);
                }
                if matched.possible() {
                    allowed.possible = allowed.possible.union(&conns);
                }
                hits.push(RuleHit { policy: pi, rule: ri, matched, conns });
            }
        }
        Side { direction, isolating, hits, allowed }
    }

    /// Connections allowed from `src` to `dst`.
    #[must_use]
    pub fn allowed(&self, src: Endpoint, dst: Endpoint) -> Allowed {
        let egress = match src {
            Endpoint::Workload(i) => self.side(i, Direction::Egress, dst).allowed,
            Endpoint::Ips(..) => Allowed::all(),
        };
        let ingress = match dst {
            Endpoint::Workload(j) => self.side(j, Direction::Ingress, src).allowed,
            Endpoint::Ips(..) => Allowed::all(),
        };
        egress.intersect(&ingress)
    }

    /// The outside address space cut at every ipBlock edge, so each piece is either inside
    /// or outside every block.
    #[must_use]
    pub fn address_pieces(&self) -> Vec<Endpoint> {
        let mut out = Vec::new();
        for &fam in &self.families {
            let (min, max) = full_range(fam);
            let mut cuts = vec![min];
            for p in &self.policies {
                for r in p.ingress.iter().chain(&p.egress) {
                    for peer in r.peers.iter().flatten() {
                        if let Peer::Block { set, .. } = peer {
                            let ranges = match fam {
                                Family::V4 => &set.v4,
                                Family::V6 => &set.v6,
                            };
                            for &(lo, hi) in ranges.spans() {
                                cuts.push(lo);
                                if hi < max {
                                    cuts.push(hi + 1);
                                }
                            }
                        }
                    }
                }
            }
            cuts.sort_unstable();
            cuts.dedup();
            for (i, &lo) in cuts.iter().enumerate() {
                let hi = cuts.get(i + 1).map_or(max, |n| n - 1);
                out.push(Endpoint::Ips(fam, lo, hi));
            }
        }
        out
    }

    /// Every pair with some connection possibly allowed, address pieces merged where adjacent
    /// pieces allow the same, sorted (workloads by id, then addresses by family and value).
    #[must_use]
    pub fn reach(&self) -> Vec<Connection> {
        let mut out = Vec::new();
        self.reach_each(|c| out.push(c));
        out
    }

    /// The listing of [`Model::reach`], handed to `emit` one connection at a time in its order,
    /// so a caller can write it out without holding it: memory grows with the workloads and
    /// address pieces, not with the pairs.
    ///
    /// Workloads no policy can tell apart (same namespace, pod labels, named ports and host
    /// network: see [`Model::classes`]) allow the same, so each pair of classes is evaluated
    /// once; the address side is a sweep over the pieces per class, not a test of every piece
    /// against every `ipBlock`.
    pub fn reach_each(&self, mut emit: impl FnMut(Connection)) {
        let pieces = self.address_pieces();
        let (class_of, members) = self.classes();
        let reps: Vec<usize> = members.iter().filter_map(|m| m.first().copied()).collect();
        let n = self.workloads.len();
        // Rows of the class-pair table: all kept when small, else the last one only.
        let keep_all = reps.len().saturating_mul(reps.len()) <= 1 << 16;
        let mut rows: HashMap<usize, Vec<Allowed>> = HashMap::new();
        let row_of = |c: usize| -> Vec<Allowed> {
            let src = reps.get(c).copied().unwrap_or_default();
            reps.iter().map(|&d| self.allowed(Endpoint::Workload(src), Endpoint::Workload(d))).collect()
        };
        let outgoing: Vec<Vec<(Endpoint, Allowed)>> =
            reps.iter().map(|&r| merge(self.sweep(r, Direction::Egress, &pieces))).collect();
        for i in 0..n {
            let ci = class_of.get(i).copied().unwrap_or_default();
            if !rows.contains_key(&ci) {
                if !keep_all {
                    rows.clear();
                }
                rows.insert(ci, row_of(ci));
            }
            let row = rows.get(&ci).map_or(&[][..], Vec::as_slice);
            for j in (0..n).filter(|&j| j != i) {
                if let Some(a) = class_of.get(j).and_then(|&cj| row.get(cj)) {
                    push_to(&mut emit, Endpoint::Workload(i), Endpoint::Workload(j), a);
                }
            }
            for (p, a) in outgoing.get(ci).into_iter().flatten() {
                push_to(&mut emit, Endpoint::Workload(i), *p, a);
            }
        }
        // Address sources: by range, then by destination workload.
        let mut incoming: Vec<(Endpoint, usize, Allowed)> = Vec::new();
        for (c, &r) in reps.iter().enumerate() {
            for (p, a) in merge(self.sweep(r, Direction::Ingress, &pieces)) {
                if !a.possible.is_empty() {
                    incoming.push((p, c, a));
                }
            }
        }
        incoming.sort_by(|a, b| self.cmp_endpoint(a.0, b.0).then(a.1.cmp(&b.1)));
        let mut k = 0;
        while let Some((range, _, _)) = incoming.get(k) {
            let range = *range;
            let end = incoming.get(k..).map_or(0, |rest| rest.iter().take_while(|e| e.0 == range).count());
            let group = incoming.get(k..k + end).unwrap_or_default();
            let mut dsts: Vec<(usize, &Allowed)> = group
                .iter()
                .flat_map(|(_, c, a)| members.get(*c).into_iter().flatten().map(move |&w| (w, a)))
                .collect();
            dsts.sort_unstable_by_key(|d| d.0);
            for (w, a) in dsts {
                push_to(&mut emit, range, Endpoint::Workload(w), a);
            }
            k += end.max(1);
        }
    }

    /// Groups workloads that no policy can tell apart: the same namespace, pod labels, named
    /// container ports and host network. Returns each workload's class and each class's
    /// workloads in index order.
    #[must_use]
    pub fn classes(&self) -> (Vec<usize>, Vec<Vec<usize>>) {
        type Key<'a> = (
            &'a str,
            &'a crate::model::selector::Labels,
            &'a [(crate::document::node::CompactString, super::conns::Protocol, u16)],
            bool,
        );
        let mut ids: HashMap<Key<'_>, usize> = HashMap::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut class_of = Vec::with_capacity(self.workloads.len());
        for (i, w) in self.workloads.iter().enumerate() {
            let key = (w.id.namespace.as_str(), &w.labels, w.named_ports.as_slice(), w.host_network);
            let c = *ids.entry(key).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            if let Some(m) = members.get_mut(c) {
                m.push(i);
            }
            class_of.push(c);
        }
        (class_of, members)
    }

    /// What workload `me` allows with each address piece on the far side, in one direction
    /// (egress: `me` to the piece; ingress: the piece to `me`), as [`Model::allowed`] gives it.
    /// Pieces never straddle a block edge, so each rule matches a piece or not: a sweep over
    /// the rules' address ranges gives every piece in one pass.
    fn sweep(&self, me: usize, direction: Direction, pieces: &[Endpoint]) -> Vec<(Endpoint, Allowed)> {
        let w = self.pods(me);
        let isolating: Vec<usize> =
            self.selecting(w).filter(|&i| self.policy(i).governs(direction)).collect();
        let finish = |a: Allowed| a.intersect(&Allowed::all());
        if isolating.is_empty() {
            return pieces.iter().map(|&p| (p, finish(Allowed::all()))).collect();
        }
        let dst: Option<&Pods> = match direction {
            Direction::Ingress => Some(w),
            Direction::Egress => None,
        };
        // Each rule: its connections, and the addresses it names per family.
        let rules: Vec<(ConnSet, Option<Vec<&Peer>>)> = isolating
            .iter()
            .flat_map(|&pi| self.policy(pi).rules(direction))
            .map(|r| {
                let blocks = r
                    .peers
                    .as_ref()
                    .map(|ps| ps.iter().filter(|p| matches!(p, Peer::Block { .. })).collect());
                (r.conns(dst), blocks)
            })
            .collect();
        let mut out = Vec::with_capacity(pieces.len());
        for &fam in &self.families {
            let (_, max) = full_range(fam);
            // (address, rule, +1 entering / -1 leaving), sorted by address.
            let mut events: Vec<(u128, usize, bool)> = Vec::new();
            for (ri, (_, blocks)) in rules.iter().enumerate() {
                let spans: Vec<(u128, u128)> = match blocks {
                    None => vec![full_range(fam)],
                    Some(bs) => bs
                        .iter()
                        .filter_map(|p| match p {
                            Peer::Block { set, .. } => Some(match fam {
                                Family::V4 => &set.v4,
                                Family::V6 => &set.v6,
                            }),
                            Peer::Pods { .. } => None,
                        })
                        .flat_map(|r| r.spans().iter().copied())
                        .collect(),
                };
                for (lo, hi) in spans {
                    events.push((lo, ri, true));
                    if hi < max {
                        events.push((hi + 1, ri, false));
                    }
                }
            }
            events.sort_unstable();
            let mut active = vec![0u32; rules.len()];
            let mut current = Allowed::default();
            let mut e = 0;
            for &p in pieces.iter().filter(|p| matches!(p, Endpoint::Ips(f, ..) if *f == fam)) {
                let Endpoint::Ips(_, lo, _) = p else { continue };
                let mut changed = false;
                while let Some(&(at, ri, enter)) = events.get(e) {
                    if at > lo {
                        break;
                    }
                    if let Some(n) = active.get_mut(ri) {
                        *n = if enter { *n + 1 } else { n.saturating_sub(1) };
                    }
                    changed = true;
                    e += 1;
                }
                if changed {
                    let conns = rules
                        .iter()
                        .zip(&active)
                        .filter(|(_, n)| **n > 0)
                        .fold(ConnSet::none(), |acc, ((c, _), _)| acc.union(c));
                    current = Allowed { definite: conns.clone(), possible: conns };
                }
                out.push((p, finish(current.clone())));
            }
        }
        out
    }

    /// [`Model::reach`] computed the direct way, every pair and every address piece evaluated
    /// with [`Model::allowed`]: quadratic in workloads and slow with many `ipBlock`s, kept as the
    /// reference the fast listing is tested against.
    #[doc(hidden)]
    #[must_use]
    pub fn reach_pairwise(&self) -> Vec<Connection> {
        let pieces = self.address_pieces();
        let mut out = Vec::new();
        for i in 0..self.workloads.len() {
            for j in 0..self.workloads.len() {
                if i == j {
                    continue;
                }
                let a = self.allowed(Endpoint::Workload(i), Endpoint::Workload(j));
                push(&mut out, Endpoint::Workload(i), Endpoint::Workload(j), a);
            }
            let outgoing: Vec<(Endpoint, Allowed)> =
                pieces.iter().map(|&p| (p, self.allowed(Endpoint::Workload(i), p))).collect();
            for (p, a) in merge(outgoing) {
                push(&mut out, Endpoint::Workload(i), p, a);
            }
            let incoming: Vec<(Endpoint, Allowed)> =
                pieces.iter().map(|&p| (p, self.allowed(p, Endpoint::Workload(i)))).collect();
            for (p, a) in merge(incoming) {
                push(&mut out, p, Endpoint::Workload(i), a);
            }
        }
        out.sort_by(|a, b| self.cmp_endpoint(a.src, b.src).then_with(|| self.cmp_endpoint(a.dst, b.dst)));
        out
    }

    /// Orders endpoints: workloads by id first, then addresses by family and first address.
    #[must_use]
    pub fn cmp_endpoint(&self, a: Endpoint, b: Endpoint) -> Ordering {
        match (a, b) {
            (Endpoint::Workload(x), Endpoint::Workload(y)) => self.pods(x).id.cmp(&self.pods(y).id),
            (Endpoint::Workload(_), Endpoint::Ips(..)) => Ordering::Less,
            (Endpoint::Ips(..), Endpoint::Workload(_)) => Ordering::Greater,
            (Endpoint::Ips(f1, l1, h1), Endpoint::Ips(f2, l2, h2)) => (f1, l1, h1).cmp(&(f2, l2, h2)),
        }
    }

    /// `namespace/name[Kind]` or `first-last`.
    #[must_use]
    pub fn endpoint_text(&self, e: Endpoint) -> String {
        match e {
            Endpoint::Workload(i) => self.pods(i).id.to_string(),
            Endpoint::Ips(f, lo, hi) => range_text(f, lo, hi),
        }
    }

    /// Namespaces whose unknown labels make some connection from `src` to `dst` uncertain:
    /// the destination's for the source's egress rules, the source's for the destination's
    /// ingress rules.
    #[must_use]
    pub fn unknown_in(&self, src: Endpoint, dst: Endpoint) -> Vec<String> {
        let mut out = Vec::new();
        let ns = |e: Endpoint| match e {
            Endpoint::Workload(i) => Some(self.pods(i).id.namespace.to_string()),
            Endpoint::Ips(..) => None,
        };
        if let Endpoint::Workload(i) = src
            && !self.side(i, Direction::Egress, dst).allowed.uncertain().is_empty()
        {
            out.extend(ns(dst));
        }
        if let Endpoint::Workload(j) = dst
            && !self.side(j, Direction::Ingress, src).allowed.uncertain().is_empty()
        {
            out.extend(ns(src));
        }
        out.sort();
        out.dedup();
        out
    }
}

fn bool_match(b: bool) -> Match {
    if b { Match::Yes } else { Match::No }
}

/// One line of the reachability listing.
#[derive(Clone, Debug)]
pub struct Connection {
    pub src: Endpoint,
    pub dst: Endpoint,
    pub allowed: Allowed,
}

fn push_to(emit: &mut impl FnMut(Connection), src: Endpoint, dst: Endpoint, allowed: &Allowed) {
    if !allowed.possible.is_empty() {
        emit(Connection { src, dst, allowed: allowed.clone() });
    }
}

fn push(out: &mut Vec<Connection>, src: Endpoint, dst: Endpoint, allowed: Allowed) {
    if !allowed.possible.is_empty() {
        out.push(Connection { src, dst, allowed });
    }
}

/// Merges adjacent address pieces of one family that allow the same connections.
fn merge(pieces: Vec<(Endpoint, Allowed)>) -> Vec<(Endpoint, Allowed)> {
    let mut out: Vec<(Endpoint, Allowed)> = Vec::new();
    for (e, a) in pieces {
        if let (Some((Endpoint::Ips(lf, _, lhi), la)), Endpoint::Ips(f, lo, hi)) = (out.last_mut(), e)
            && *lf == f
            && lhi.checked_add(1) == Some(lo)
            && *la == a
        {
            *lhi = hi;
            continue;
        }
        out.push((e, a));
    }
    out
}

impl Allowed {
    /// The definite set, with what is only possible after it, in a language.
    #[must_use]
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        let extra = self.uncertain();
        if extra.is_empty() {
            self.definite.text(lang)
        } else if self.definite.is_empty() {
            crate::t!(lang, "netpol-possibly", conns = extra.text(lang))
        } else {
            crate::t!(
                lang,
                "netpol-possibly-also",
                definite = self.definite.text(lang),
                conns = extra.text(lang)
            )
        }
    }
}

impl fmt::Display for Allowed {
    /// [`Allowed::text`] in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}
