//! The NetworkPolicy model built once from an object set: pod-bearing workloads (pod template
//! labels, named container ports), namespaces (labels known or not), and policies parsed into
//! rules, peers and ports. A policy the API server would reject is kept out of the model and
//! listed in `invalid` with the reason and field, so callers can say why it was ignored.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::document::node::CompactString;
use crate::document::{FieldPath, Node, Value};
use crate::model::{Object, ObjectSet, Workload};

use super::conns::{Cidr, ConnSet, Family, IpSet, Protocol};
use crate::model::selector::{KnownLabels, LabelSelector, Labels, NAMESPACE_NAME_LABEL, labels_of};

/// A pod-bearing workload as NetworkPolicy sees it.
#[derive(Clone, Debug)]
pub struct Pods {
    pub id: WorkloadId,
    /// Index of the object in the set.
    pub object: usize,
    pub labels: Labels,
    /// Named container ports: (name, protocol, number).
    pub named_ports: Vec<(CompactString, Protocol, u16)>,
    /// Indices of the valid policies whose pod selector selects these pods.
    pub selected_by: Vec<usize>,
    /// `hostNetwork: true`: the pods use the node's address, and NetworkPolicy pod and
    /// namespace selectors pass them by (the common behaviour; Kubernetes leaves it undefined).
    pub host_network: bool,
}

/// `namespace/name[Kind]`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WorkloadId {
    pub namespace: CompactString,
    pub name: CompactString,
    pub kind: CompactString,
}

impl fmt::Display for WorkloadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::diagnostic::escape_inline as e;
        write!(f, "{}/{}[{}]", e(&self.namespace), e(&self.name), e(&self.kind))
    }
}

/// A namespace some workload or policy lives in, or that is declared.
#[derive(Clone, Debug)]
pub struct Namespace {
    pub labels: KnownLabels,
    /// The `Namespace` object, when the input has one.
    pub object: Option<usize>,
}

/// Which traffic direction a policy governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ingress => "ingress",
            Self::Egress => "egress",
        }
    }
}

/// A parsed, valid NetworkPolicy.
#[derive(Clone, Debug)]
pub struct Policy {
    pub object: usize,
    pub namespace: String,
    pub name: String,
    pub pod_selector: LabelSelector,
    /// Effective `policyTypes` (defaulted as the API server does).
    pub ingress_type: bool,
    pub egress_type: bool,
    pub ingress: Vec<PolicyRule>,
    pub egress: Vec<PolicyRule>,
}

impl Policy {
    /// Whether the policy governs a direction (its pods are isolated for it).
    #[must_use]
    pub fn governs(&self, d: Direction) -> bool {
        match d {
            Direction::Ingress => self.ingress_type,
            Direction::Egress => self.egress_type,
        }
    }

    #[must_use]
    pub fn rules(&self, d: Direction) -> &[PolicyRule] {
        match d {
            Direction::Ingress => &self.ingress,
            Direction::Egress => &self.egress,
        }
    }

    /// `namespace/name`.
    #[must_use]
    pub fn display(&self) -> String {
        format!("{}/{}", self.namespace, self.name)
    }
}

/// One ingress or egress rule.
#[derive(Clone, Debug)]
pub struct PolicyRule {
    /// `spec.ingress[0]`.
    pub path: FieldPath,
    /// `None`: `from`/`to` absent or empty, every peer (pods and addresses).
    pub peers: Option<Vec<Peer>>,
    /// `None`: `ports` absent or empty, every connection.
    pub ports: Option<Vec<PortSpec>>,
}

/// One element of `from`/`to`.
#[derive(Clone, Debug)]
pub enum Peer {
    /// `podSelector` and/or `namespaceSelector`. `namespaces: None` means the policy's own
    /// namespace; `pods: None` means every pod of the selected namespaces.
    Pods { namespaces: Option<LabelSelector>, pods: Option<LabelSelector>, path: FieldPath },
    /// `ipBlock`: addresses outside the cluster (see the module docs of `netpol`).
    Block { cidr: String, set: IpSet, path: FieldPath },
}

/// One element of `ports`.
#[derive(Clone, Debug)]
pub enum PortSpec {
    /// A number or range, or (`lo = 1, hi = 65535`) every port of the protocol.
    Numbers { protocol: Protocol, lo: u16, hi: u16 },
    /// A container port name, resolved against the destination pods.
    Named { protocol: Protocol, name: String },
}

impl PortSpec {
    /// The connections this port allows towards a destination (`None`: outside the cluster).
    #[must_use]
    pub fn conns(&self, dst: Option<&Pods>) -> ConnSet {
        match self {
            Self::Numbers { protocol, lo, hi } => ConnSet::ports(*protocol, u128::from(*lo), u128::from(*hi)),
            Self::Named { protocol, name } => dst
                .into_iter()
                .flat_map(|p| &p.named_ports)
                .filter(|(n, pr, _)| n == name && pr == protocol)
                .fold(ConnSet::none(), |acc, (_, pr, num)| {
                    acc.union(&ConnSet::ports(*pr, u128::from(*num), u128::from(*num)))
                }),
        }
    }
}

impl PolicyRule {
    /// The connections the rule allows towards a destination, before peer matching.
    #[must_use]
    pub fn conns(&self, dst: Option<&Pods>) -> ConnSet {
        match &self.ports {
            None => ConnSet::all(),
            Some(ports) => ports.iter().fold(ConnSet::none(), |acc, p| acc.union(&p.conns(dst))),
        }
    }
}

/// A NetworkPolicy the API server would reject; ignored by the analysis.
#[derive(Clone, Debug)]
pub struct InvalidPolicy {
    pub object: usize,
    pub path: FieldPath,
    /// Why, in the reader's language when shown.
    pub message: crate::i18n::Msg,
}

/// Whether an object of a kind ladrillo does not analyse (a custom resource) describes pods for
/// its operator: pod metadata (`spec.podMetadata`) or a pod template (`spec.template.spec`).
fn describes_operator_pods(o: &Object) -> bool {
    if crate::model::object::is_analysed_kind(&o.api_version, &o.kind) {
        return false;
    }
    let Some(spec) = o.spec() else { return false };
    spec.get("podMetadata").is_some_and(|m| m.as_map().is_some())
        || spec.get("template").and_then(|t| t.get("spec")).is_some_and(|s| s.as_map().is_some())
}

/// Everything the analysis needs, built once.
#[derive(Clone, Debug, Default)]
pub struct Model {
    pub workloads: Vec<Pods>,
    pub namespaces: BTreeMap<String, Namespace>,
    pub policies: Vec<Policy>,
    pub invalid: Vec<InvalidPolicy>,
    /// Address families that appear in some `ipBlock`; IPv4 is always present.
    pub families: Vec<Family>,
    /// Namespaces holding a custom resource that describes pods an operator creates
    /// (`spec.podMetadata`, as prometheus-operator's `Prometheus` and `Alertmanager` have, or a
    /// pod `spec.template`): pods with labels the scan does not fully know.
    pub operator_pods: std::collections::BTreeSet<String>,
}

impl Model {
    /// The model of a set, built once and shared by every rule of the run.
    #[must_use]
    pub fn of(set: &ObjectSet) -> std::sync::Arc<Model> {
        set.analysis(Model::build)
    }

    /// Builds the model. Pure: reads only the object set.
    #[must_use]
    pub fn build(set: &ObjectSet) -> Model {
        let mut m = Model::default();
        let mut seen = std::collections::HashSet::new();
        for o in set.iter() {
            if o.is("", "Namespace") {
                let mut labels = labels_of(o.labels());
                labels.insert(NAMESPACE_NAME_LABEL.to_string(), o.name.clone());
                m.namespaces
                    .entry(o.name.to_string())
                    .or_insert(Namespace { labels: KnownLabels::complete(labels), object: Some(o.index) });
            } else if o.is("", "PodTemplate") {
                // A template runs no pods of its own.
            } else if let Some(w) = Workload::of(o) {
                let id = WorkloadId {
                    namespace: o.effective_namespace().unwrap_or("default").into(),
                    name: o.name.as_str().into(),
                    kind: o.kind.as_str().into(),
                };
                // The same object given twice would only repeat every line.
                if seen.insert(id.clone()) {
                    m.workloads.push(Pods {
                        id,
                        object: o.index,
                        labels: labels_of(w.pod_labels()),
                        named_ports: named_ports(&w),
                        selected_by: Vec::new(),
                        host_network: w.spec.and_then(|s| s.get("hostNetwork")).and_then(Node::as_bool)
                            == Some(true),
                    });
                }
            } else if o.is("networking.k8s.io", "NetworkPolicy") {
                match parse_policy(o) {
                    Ok(p) => m.policies.push(p),
                    Err((path, message)) => m.invalid.push(InvalidPolicy { object: o.index, path, message }),
                }
            } else if describes_operator_pods(o) {
                m.operator_pods.insert(o.effective_namespace().unwrap_or("default").to_string());
            }
        }
        let referenced: Vec<String> = m
            .workloads
            .iter()
            .map(|w| w.id.namespace.to_string())
            .chain(m.policies.iter().map(|p| p.namespace.clone()))
            .collect();
        for ns in referenced {
            m.namespaces.entry(ns.clone()).or_insert_with(|| Namespace {
                // Only the label the API server sets on every namespace is known.
                labels: KnownLabels {
                    labels: [(NAMESPACE_NAME_LABEL.to_string(), ns)].into_iter().collect(),
                    complete: false,
                },
                object: None,
            });
        }
        m.families = vec![Family::V4];
        let v6 = m.policies.iter().flat_map(|p| p.ingress.iter().chain(&p.egress)).any(|r| {
            r.peers.iter().flatten().any(|p| matches!(p, Peer::Block { set, .. } if !set.v6.is_empty()))
        });
        if v6 {
            m.families.push(Family::V6);
        }
        m.workloads.sort_by(|a, b| a.id.cmp(&b.id));
        // Policies select pods of their own namespace only: each workload tries those.
        let mut by_namespace: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, p) in m.policies.iter().enumerate() {
            by_namespace.entry(p.namespace.as_str()).or_default().push(i);
        }
        for w in m.workloads.iter_mut().filter(|w| !w.host_network) {
            w.selected_by = by_namespace
                .get(w.id.namespace.as_str())
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| m.policies.get(i).is_some_and(|p| p.pod_selector.matches(&w.labels)))
                .collect();
        }
        m
    }

    /// Namespaces referenced by workloads or policies but absent from the input.
    pub fn unknown_namespaces(&self) -> impl Iterator<Item = &str> {
        self.namespaces.iter().filter(|(_, n)| !n.labels.complete).map(|(k, _)| k.as_str())
    }

    /// The workload at an index this model handed out (`Endpoint::Workload`, `selected_by`).
    #[must_use]
    #[allow(
        clippy::indexing_slicing,
        reason = "indices come from this model's own vectors, which never shrink"
    )]
    pub fn pods(&self, i: usize) -> &Pods {
        &self.workloads[i]
    }

    /// The policy at an index this model handed out (`selected_by`, `Hit::policy`).
    #[must_use]
    #[allow(
        clippy::indexing_slicing,
        reason = "indices come from this model's own vectors, which never shrink"
    )]
    pub fn policy(&self, i: usize) -> &Policy {
        &self.policies[i]
    }

    /// Indices of the valid policies selecting a workload (any direction).
    pub fn selecting<'a>(&'a self, w: &'a Pods) -> impl Iterator<Item = usize> + 'a {
        w.selected_by.iter().copied()
    }

    /// Whether a custom resource of the namespace describes pods an operator creates, whose
    /// labels the scan does not fully know (the operator adds its own).
    #[must_use]
    pub fn has_operator_pods(&self, namespace: &str) -> bool {
        self.operator_pods.contains(namespace)
    }

    /// The workloads of a namespace, in id order: a slice of the sorted list, found by binary
    /// search, so rules that look per object at its namespace's workloads stay n·log n.
    #[must_use]
    pub fn workloads_in(&self, namespace: &str) -> &[Pods] {
        let start = self.workloads.partition_point(|w| w.id.namespace.as_str() < namespace);
        let rest = self.workloads.get(start..).unwrap_or_default();
        let end = rest.partition_point(|w| w.id.namespace == namespace);
        rest.get(..end).unwrap_or_default()
    }

    /// A workload by exact id.
    #[must_use]
    pub fn workload(&self, id: &WorkloadId) -> Option<usize> {
        // Sorted by id, one entry per id (see `build`).
        self.workloads.binary_search_by(|w| w.id.cmp(id)).ok()
    }
}

fn named_ports(w: &Workload<'_>) -> Vec<(CompactString, Protocol, u16)> {
    let mut out = Vec::new();
    for c in w.containers().filter(|c| c.kind != crate::model::ContainerKind::Ephemeral) {
        for p in c.node.get("ports").into_iter().flat_map(Node::items) {
            let name = p.get("name").and_then(Node::as_str).filter(|s| !s.is_empty());
            let number = p.get("containerPort").and_then(Node::as_i64).and_then(|n| u16::try_from(n).ok());
            let protocol =
                p.get("protocol").and_then(Node::as_str).map_or(Some(Protocol::Tcp), Protocol::parse);
            if let (Some(name), Some(number), Some(protocol)) = (name, number, protocol) {
                out.push((name.into(), protocol, number));
            }
        }
    }
    out
}

type Invalid = (FieldPath, crate::i18n::Msg);

fn parse_policy(o: &Object) -> Result<Policy, Invalid> {
    let spec_path = FieldPath::root().key("spec");
    // An absent or null spec decodes to the empty one: every pod, ingress, nothing allowed.
    let empty = Node::synthetic(Value::Map(crate::document::Map::default()));
    let spec = match o.spec() {
        None => &empty,
        Some(s) if s.is_null() => &empty,
        Some(s) if s.as_map().is_some() => s,
        Some(s) => return Err((spec_path, crate::msg!("netpol-invalid-spec", found = s.type_msg()))),
    };
    let selector_path = spec_path.clone().key("podSelector");
    // An absent `podSelector` decodes to the empty selector, as `{}`: every pod of the namespace.
    let pod_selector = match spec.get("podSelector") {
        None => LabelSelector::everything(),
        Some(n) => LabelSelector::from_node(n).map_err(|e| (selector_path, e.message))?,
    };
    let rules = |key: &str| -> Result<Vec<PolicyRule>, Invalid> {
        let peer_key = if key == "ingress" { "from" } else { "to" };
        let mut out = Vec::new();
        for (i, r) in spec.get(key).into_iter().flat_map(Node::items).enumerate() {
            let path = spec_path.clone().key(key).index(i);
            out.push(parse_rule(r, path, peer_key)?);
        }
        Ok(out)
    };
    let ingress = rules("ingress")?;
    let egress = rules("egress")?;
    let types: Vec<(String, FieldPath)> = spec
        .get("policyTypes")
        .into_iter()
        .flat_map(Node::items)
        .enumerate()
        .map(|(i, n)| (n.scalar_text().unwrap_or_default(), spec_path.clone().key("policyTypes").index(i)))
        .collect();
    let (ingress_type, egress_type) = if types.is_empty() {
        (true, !egress.is_empty())
    } else {
        for (t, path) in &types {
            if t != "Ingress" && t != "Egress" {
                return Err((path.clone(), crate::msg!("netpol-invalid-policy-type", value = t.as_str())));
            }
        }
        (types.iter().any(|(t, _)| t == "Ingress"), types.iter().any(|(t, _)| t == "Egress"))
    };
    Ok(Policy {
        object: o.index,
        namespace: o.effective_namespace().unwrap_or("default").to_string(),
        name: o.name.to_string(),
        pod_selector,
        ingress_type,
        egress_type,
        ingress,
        egress,
    })
}

fn parse_rule(r: &Node, path: FieldPath, peer_key: &str) -> Result<PolicyRule, Invalid> {
    if !r.is_null() && r.as_map().is_none() {
        return Err((path, crate::msg!("netpol-invalid-rule")));
    }
    let list = |key: &str| r.get(key).and_then(Node::as_seq).filter(|s| !s.is_empty());
    let peers = match list(peer_key) {
        None => None,
        Some(items) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, p)| parse_peer(p, path.clone().key(peer_key).index(i)))
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let ports = match list("ports") {
        None => None,
        Some(items) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, p)| parse_port(p, path.clone().key("ports").index(i)))
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    Ok(PolicyRule { path, peers, ports })
}

fn parse_peer(p: &Node, path: FieldPath) -> Result<Peer, Invalid> {
    // A null selector is an absent one: `podSelector:` with nothing after it.
    let sel = |key: &str| -> Result<Option<LabelSelector>, Invalid> {
        LabelSelector::from_field(p.get(key)).map_err(|e| (path.clone().key(key), e.message))
    };
    let pods = sel("podSelector")?;
    let namespaces = sel("namespaceSelector")?;
    let block = p.get("ipBlock").filter(|n| !n.is_null());
    match (block, &pods, &namespaces) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            Err((path, crate::msg!("netpol-invalid-peer-mixed")))
        }
        (Some(b), None, None) => {
            let bpath = path.clone().key("ipBlock");
            let cidr_text = b
                .get("cidr")
                .and_then(Node::as_str)
                .ok_or_else(|| (bpath.clone(), crate::msg!("netpol-invalid-no-cidr")))?;
            let cidr =
                Cidr::parse(cidr_text).map_err(|m| (bpath.clone().key("cidr"), cidr_msg(cidr_text, &m)))?;
            let mut set = cidr.to_set();
            for (i, e) in b.get("except").into_iter().flat_map(Node::items).enumerate() {
                let epath = bpath.clone().key("except").index(i);
                let ex = e
                    .as_str()
                    .ok_or_else(|| (epath.clone(), crate::msg!("netpol-invalid-except-string")))
                    .and_then(|s| Cidr::parse(s).map_err(|m| (epath.clone(), cidr_msg(s, &m))))?;
                // The API server wants a strict subset: an except equal to the cidr is rejected.
                let equal = ex.first == cidr.first && ex.last == cidr.last;
                if ex.family != cidr.family || ex.first < cidr.first || ex.last > cidr.last || equal {
                    return Err((epath, crate::msg!("netpol-invalid-except-subset", cidr = cidr_text)));
                }
                set = set.subtract(&ex.to_set());
            }
            Ok(Peer::Block { cidr: cidr_text.to_string(), set, path })
        }
        (None, None, None) => Err((path, crate::msg!("netpol-invalid-peer-empty"))),
        (None, _, _) => Ok(Peer::Pods { namespaces, pods, path }),
    }
}

/// Why a CIDR does not parse, by what `Cidr::parse` found (its English text stays the
/// `netpol` assertions' error).
fn cidr_msg(text: &str, english: &str) -> crate::i18n::Msg {
    if english.ends_with("bad address") {
        crate::msg!("netpol-invalid-cidr-address", cidr = text)
    } else if english.ends_with("bad prefix length") {
        crate::msg!("netpol-invalid-cidr-prefix", cidr = text)
    } else if english.contains("prefix longer than") {
        let bits = english.split("longer than ").nth(1).and_then(|r| r.split(' ').next()).unwrap_or_default();
        crate::msg!("netpol-invalid-cidr-prefix-long", cidr = text, bits = bits)
    } else {
        crate::msg!("netpol-invalid-cidr", cidr = text)
    }
}

fn parse_port(p: &Node, path: FieldPath) -> Result<PortSpec, Invalid> {
    let protocol = match p.get("protocol").filter(|n| !n.is_null()) {
        None => Protocol::Tcp,
        Some(n) => n
            .as_str()
            .filter(|s| ["TCP", "UDP", "SCTP"].contains(s))
            .and_then(Protocol::parse)
            .ok_or_else(|| (path.clone().key("protocol"), crate::msg!("netpol-invalid-protocol")))?,
    };
    let end = p.get("endPort").filter(|n| !n.is_null());
    let port = p.get("port").filter(|n| !n.is_null());
    let number = |n: &Node, key: &str| -> Result<u16, Invalid> {
        n.as_i64()
            .and_then(|v| u16::try_from(v).ok())
            .filter(|v| *v >= 1)
            .ok_or_else(|| (path.clone().key(key), crate::msg!("netpol-invalid-port-number", key = key)))
    };
    match port.map(|n| &n.value) {
        None => {
            if end.is_some() {
                return Err((path.key("endPort"), crate::msg!("netpol-invalid-end-port-numeric")));
            }
            Ok(PortSpec::Numbers { protocol, lo: 1, hi: 65535 })
        }
        Some(Value::Str(name)) => {
            if end.is_some() {
                return Err((path.key("endPort"), crate::msg!("netpol-invalid-end-port-named")));
            }
            crate::model::validation::port_name(name).map_err(|m| (path.key("port"), m))?;
            Ok(PortSpec::Named { protocol, name: name.as_str().to_owned() })
        }
        Some(_) => {
            let lo = number(port.unwrap_or(p), "port")?;
            let hi = match end {
                None => lo,
                Some(e) => number(e, "endPort")?,
            };
            if hi < lo {
                return Err((
                    path.key("endPort"),
                    crate::msg!("netpol-invalid-end-port-below", end = hi, port = lo),
                ));
            }
            Ok(PortSpec::Numbers { protocol, lo, hi })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(text: &str) -> Model {
        let file = crate::source::from_bytes("t.yaml".into(), None, text.as_bytes().to_vec()).unwrap();
        let set: ObjectSet = crate::input::file::load(&file).objects.into_iter().collect();
        Model::build(&set)
    }

    #[test]
    fn absent_spec_and_selector_decode_to_empty() {
        let m = build(
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\n---\n\
             apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: b, namespace: x}\nspec: {egress: [{}]}\n---\n\
             apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: c}\nspec: nope\n",
        );
        assert_eq!(m.policies.len(), 2);
        let a = &m.policies[0];
        assert_eq!(
            (a.namespace.as_str(), a.pod_selector.is_empty(), a.ingress_type, a.egress_type),
            ("default", true, true, false)
        );
        let b = &m.policies[1];
        assert_eq!((b.ingress_type, b.egress_type, b.egress.len()), (true, true, 1));
        assert!(b.egress[0].peers.is_none() && b.egress[0].ports.is_none());
        assert_eq!(m.invalid.len(), 1);
        assert!(m.invalid[0].message.render(crate::i18n::Lang::En).contains("must be an object"));
    }

    #[test]
    fn workloads_of_one_namespace() {
        let m = build(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: b}\nspec: {containers: [{name: c}]}\n---\n\
             apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: a}\nspec: {containers: [{name: c}]}\n---\n\
             apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: b}\nspec: {containers: [{name: c}]}\n---\n\
             apiVersion: v1\nkind: Pod\nmetadata: {name: job, namespace: c}\nspec: {containers: [{name: c}]}\n",
        );
        let names = |ns: &str| m.workloads_in(ns).iter().map(|w| w.id.name.as_str()).collect::<Vec<_>>();
        assert_eq!(names("b"), ["db", "web"]);
        assert_eq!(names("a"), ["api"]);
        assert_eq!(names("c"), ["job"]);
        assert!(names("ab").is_empty() && names("").is_empty() && names("d").is_empty());
    }

    #[test]
    fn namespaces_known_and_unknown() {
        let m = build(
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {team: x}}\n---\n\
             apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: b}\nspec: {containers: [{name: c, ports: [{name: web, containerPort: 80}, {name: dns, containerPort: 53, protocol: UDP}]}]}\n",
        );
        let a = &m.namespaces["a"];
        assert!(a.labels.complete);
        assert_eq!(a.labels.labels.get(NAMESPACE_NAME_LABEL), Some("a"));
        assert_eq!(a.labels.labels.get("team"), Some("x"));
        assert!(!m.namespaces["b"].labels.complete);
        assert_eq!(m.unknown_namespaces().collect::<Vec<_>>(), vec!["b"]);
        assert_eq!(
            m.workloads[0].named_ports,
            vec![("web".into(), Protocol::Tcp, 80), ("dns".into(), Protocol::Udp, 53)]
        );
    }
}
