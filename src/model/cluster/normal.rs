//! The span-free form of a cluster, to check that the same cluster written in different forms
//! (eksctl, describe-cluster JSON, Terraform, CloudFormation) yields the same model.

use serde_json::Value;

use super::{Cluster, UNKNOWN_KEY};

/// The cluster as JSON without places: determined values as they are, unknown ones as
/// `{"$unknown": reason}`; node groups sorted by kind and name.
#[must_use]
pub fn normalized(cluster: &Cluster) -> Value {
    let mut c = cluster.clone();
    c.node_groups.sort_by_key(|n| (format!("{:?}", n.kind), n.name.value().cloned()));
    serde_json::to_value(&c).unwrap_or(Value::Null)
}

/// Where two clusters disagree: paths whose values are determined in both and differ. A value
/// unknown in either form is compatible with anything (each form expresses different parts).
#[must_use]
pub fn differences(a: &Cluster, b: &Cluster) -> Vec<String> {
    let mut out = Vec::new();
    diff("", &normalized(a), &normalized(b), &mut out);
    out
}

fn is_unknown(v: &Value) -> bool {
    v.as_object().is_some_and(|m| m.len() == 1 && m.contains_key(UNKNOWN_KEY))
}

fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    if is_unknown(a) || is_unknown(b) {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let vb = y.get(k).unwrap_or(&Value::Null);
                diff(&format!("{path}.{k}"), va, vb, out);
            }
            for (k, vb) in y.iter().filter(|(k, _)| !x.contains_key(*k)) {
                diff(&format!("{path}.{k}"), &Value::Null, vb, out);
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        _ if a == b => {}
        _ => out.push(format!("{path}: {a} != {b}")),
    }
}
