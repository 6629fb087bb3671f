//! Container compute resources (`cpu`, `memory` requests and limits) as the API server settles
//! them: a request left unset defaults to the limit, a pod-level `spec.resources` covers every
//! container, and a `LimitRange` of type `Container` in the namespace fills in defaults.

use crate::document::{Node, Value};

use super::{Container, ObjectSet, Workload};

/// Requests or limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Requests,
    Limits,
}

impl Bound {
    #[must_use]
    pub fn field(self) -> &'static str {
        match self {
            Self::Requests => "requests",
            Self::Limits => "limits",
        }
    }
}

/// What provides a resource bound for a container, when it is not the container itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provided {
    /// The container sets it (for requests: or sets the limit, which the request defaults to).
    Container,
    /// The pod-level `spec.resources`.
    Pod,
    /// A LimitRange default in the same namespace, by name.
    LimitRange(String),
}

/// Where the container's `resource` (`cpu`, `memory`) bound comes from, or `None` when unset.
#[must_use]
pub fn provided(
    set: &ObjectSet,
    w: &Workload<'_>,
    c: &Container<'_>,
    bound: Bound,
    resource: &str,
) -> Option<Provided> {
    let set_in = |node: Option<&Node>, b: Bound| {
        node.and_then(|n| n.at(&["resources", b.field(), resource])).is_some_and(|v| !v.is_null())
    };
    let own =
        set_in(Some(c.node), bound) || (bound == Bound::Requests && set_in(Some(c.node), Bound::Limits));
    if own {
        return Some(Provided::Container);
    }
    if set_in(w.spec, bound) {
        return Some(Provided::Pod);
    }
    limit_range_default(set, w.object.effective_namespace(), bound, resource).map(Provided::LimitRange)
}

/// The name of a LimitRange in `namespace` that defaults `resource` for containers. A `default`
/// limit also serves as the default request when `defaultRequest` is unset.
fn limit_range_default(
    set: &ObjectSet,
    namespace: Option<&str>,
    bound: Bound,
    resource: &str,
) -> Option<String> {
    let fields: &[&str] = match bound {
        Bound::Requests => &["defaultRequest", "default"],
        Bound::Limits => &["default"],
    };
    let index = set.analysis(|s| LimitRanges(s.of_kind("", "LimitRange").map(|o| o.index).collect()));
    index.0.iter().filter_map(|&i| set.get(i)).filter(|lr| lr.effective_namespace() == namespace).find_map(
        |lr| {
            let limits = lr.spec().and_then(|s| s.get("limits"))?;
            limits
                .items()
                .filter(|l| l.get("type").and_then(Node::as_str) == Some("Container"))
                .any(|l| fields.iter().any(|f| l.at(&[f, resource]).is_some_and(|v| !v.is_null())))
                .then(|| lr.name.to_string())
        },
    )
}

/// The LimitRanges of a set, found once and shared by every container that asks.
struct LimitRanges(Vec<usize>);

/// A resource quantity (`128Mi`, `1.5Gi`, `500M`, `1e9`, `250m`, or a plain number) as a
/// number of units, or `None` when it is not a valid quantity.
#[must_use]
pub fn quantity(node: &Node) -> Option<f64> {
    match &node.value {
        #[allow(clippy::cast_precision_loss, reason = "quantities are compared by ratio, not to the unit")]
        Value::Int(n) => return Some(*n as f64),
        Value::Float(f) => return f.is_finite().then_some(*f),
        _ => {}
    }
    let text = node.as_str()?.trim();
    let split =
        text.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '+' | '-'))).unwrap_or(text.len());
    let (number, suffix) = text.split_at(split);
    let number: f64 = number.parse().ok().filter(|n: &f64| n.is_finite())?;
    let factor = match suffix {
        "" => 1.0,
        "Ki" => 1024f64,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "Ei" => 1024f64.powi(6),
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        exponent => {
            let digits = exponent.strip_prefix('e').or_else(|| exponent.strip_prefix('E'))?;
            10f64.powi(digits.parse().ok()?)
        }
    };
    Some(number * factor)
}

/// A memory quantity as messages show it: as the manifest wrote it when it has a unit (`4Gi`,
/// `500M`), and a bare number of bytes (`1000000000`, `1e9`, which YAML reads as a number) in
/// the unit that gives the smallest whole number (`1G`, `1Gi`, `1500M`), or about it in a
/// decimal unit when none divides it (`≈1.23G`).
#[must_use]
pub fn shown_bytes(node: &Node) -> String {
    let written = node.scalar_text().unwrap_or_default();
    let bare = matches!(node.value, Value::Int(_) | Value::Float(_)) || written.trim().parse::<f64>().is_ok();
    match quantity(node) {
        Some(bytes) if bare => human_bytes(bytes).unwrap_or(written),
        _ => written,
    }
}

/// Bytes in the unit of Kubernetes quantities that gives the smallest whole number (`1G`,
/// `256Mi`), or about it in a decimal unit (`≈1.23G`); `None` below one byte or for a fraction
/// of a byte.
#[must_use]
pub fn human_bytes(bytes: f64) -> Option<String> {
    const UNITS: [(&str, f64); 12] = [
        ("k", 1e3),
        ("Ki", 1024.0),
        ("M", 1e6),
        ("Mi", 1_048_576.0),
        ("G", 1e9),
        ("Gi", 1_073_741_824.0),
        ("T", 1e12),
        ("Ti", 1_099_511_627_776.0),
        ("P", 1e15),
        ("Pi", 1_125_899_906_842_624.0),
        ("E", 1e18),
        ("Ei", 1_152_921_504_606_846_976.0),
    ];
    if !bytes.is_finite() || bytes < 1.0 || bytes.fract() != 0.0 {
        return None;
    }
    let exact = UNITS
        .iter()
        .filter(|(_, f)| bytes >= *f && (bytes / f).fract() == 0.0)
        .min_by(|a, b| (bytes / a.1).total_cmp(&(bytes / b.1)));
    if let Some((unit, f)) = exact {
        return Some(format!("{}{unit}", bytes / f));
    }
    match UNITS.iter().rev().find(|(u, f)| !u.ends_with('i') && bytes >= *f) {
        Some((unit, f)) => {
            let n = format!("{:.2}", bytes / f);
            Some(format!("≈{}{unit}", n.trim_end_matches('0').trim_end_matches('.')))
        }
        None => Some(format!("{bytes}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_shown_in_the_unit_that_fits() {
        assert_eq!(human_bytes(1e9).as_deref(), Some("1G"));
        assert_eq!(human_bytes(1_073_741_824.0).as_deref(), Some("1Gi"));
        assert_eq!(human_bytes(1_500_000_000.0).as_deref(), Some("1500M"));
        assert_eq!(human_bytes(268_435_456.0).as_deref(), Some("256Mi"));
        assert_eq!(human_bytes(1_234_567_890.0).as_deref(), Some("≈1.23G"));
        assert_eq!(human_bytes(512.0).as_deref(), Some("512"));
        assert_eq!(human_bytes(0.5), None);
    }
    use crate::document::yaml;
    use crate::model::Object;

    fn set(text: &str) -> ObjectSet {
        yaml::parse(text)
            .documents
            .into_iter()
            .filter_map(|d| Object::from_root(d.root, None).ok().flatten())
            .collect()
    }

    fn provided_for(set: &ObjectSet, bound: Bound, resource: &str) -> Vec<Option<Provided>> {
        let w = set.iter().find_map(Workload::of).expect("a workload");
        w.containers().map(|c| provided(set, &w, &c, bound, resource)).collect()
    }

    const POD: &str = "
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: team}
spec:
  containers:
    - name: own
      resources: {requests: {cpu: 100m}}
    - name: limit-only
      resources: {limits: {cpu: 200m}}
    - name: nothing
    - name: null-value
      resources: {requests: {cpu: null}}
";

    #[test]
    fn container_values_and_limits_as_default_requests() {
        let s = set(POD);
        assert_eq!(
            provided_for(&s, Bound::Requests, "cpu"),
            vec![Some(Provided::Container), Some(Provided::Container), None, None]
        );
        // A request does not stand in for a limit.
        assert_eq!(provided_for(&s, Bound::Limits, "cpu"), vec![None, Some(Provided::Container), None, None]);
    }

    #[test]
    fn pod_level_resources_cover_every_container() {
        let text = POD.replace("spec:\n", "spec:\n  resources: {limits: {memory: 1Gi}}\n");
        let s = set(&text);
        assert!(provided_for(&s, Bound::Limits, "memory").iter().all(|p| *p == Some(Provided::Pod)));
        assert!(provided_for(&s, Bound::Requests, "memory").iter().all(Option::is_none));
    }

    #[test]
    fn limit_range_defaults_apply_in_their_namespace_only() {
        let range = |ns: &str| {
            format!(
                "---
apiVersion: v1
kind: LimitRange
metadata: {{name: lr-{ns}, namespace: {ns}}}
spec:
  limits:
    - type: Pod
      max: {{memory: 2Gi}}
    - type: Container
      default: {{memory: 256Mi}}
"
            )
        };
        let s = set(&format!("{POD}{}", range("team")));
        let lr = Some(Provided::LimitRange("lr-team".into()));
        assert_eq!(provided_for(&s, Bound::Limits, "memory"), vec![lr.clone(); 4]);
        // A default limit is also the default request.
        assert_eq!(provided_for(&s, Bound::Requests, "memory"), vec![lr; 4]);
        assert!(provided_for(&s, Bound::Limits, "cpu")[2].is_none());
        let s = set(&format!("{POD}{}", range("other")));
        assert!(provided_for(&s, Bound::Limits, "memory").iter().all(Option::is_none));
    }

    #[test]
    fn quantities_in_every_suffix_and_invalid_ones() {
        let q = |text: &str| {
            let stream = yaml::parse(&format!("v: {text}\n"));
            let root = stream.documents.into_iter().next().expect("a document").root;
            quantity(root.get("v").expect("v"))
        };
        assert_eq!(q("128Mi"), Some(128.0 * 1024.0 * 1024.0));
        assert_eq!(q("1.5Gi"), Some(1.5 * 1024f64.powi(3)));
        assert_eq!(q("500M"), Some(5e8));
        assert_eq!(q("250m"), Some(0.25));
        assert_eq!(q("\"1e3\""), Some(1000.0));
        assert_eq!(q("1e9"), Some(1e9));
        assert_eq!(q("1024"), Some(1024.0));
        assert_eq!(q("2E"), Some(2e18));
        for bad in ["lots", "12Q", "Mi", "\"\"", "[1]", "1.2.3Gi"] {
            assert_eq!(q(bad), None, "{bad}");
        }
    }
}
