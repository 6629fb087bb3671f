//! `--format policyreport`: the findings as `PolicyReport` (one per namespace) and
//! `ClusterPolicyReport` (cluster-scoped objects, the EKS cluster, files and input errors)
//! objects of the Kubernetes Policy WG API (`wgpolicyk8s.io/v1alpha2`), in a `v1` `List` that
//! `kubectl apply -f` takes. Waived findings are `skip` results, input errors `error` results;
//! a result names its rule (`policy`: the name, `rule`: the code), the object and the field path.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq};
use serde_json::{Value, json};

use crate::diagnostic::InputError;
use crate::finding::Finding;
use crate::scan::ScanResult;

const API_VERSION: &str = "wgpolicyk8s.io/v1alpha2";

/// Kinds whose objects have no namespace (the report of a finding about one is cluster-wide).
fn cluster_scoped(f: &Finding) -> bool {
    f.object
        .as_ref()
        .is_none_or(|o| o.namespace.is_none() && crate::model::object::is_cluster_scoped_kind(&o.kind))
}

fn result(f: &Finding) -> Value {
    let mut properties = serde_json::Map::new();
    if !f.path_text().is_empty() {
        properties.insert("path".into(), json!(f.path_text()));
    }
    if let Some(file) = f.location.file_name().filter(|_| !f.location.from_api()) {
        properties.insert("file".into(), json!(file));
        if let Some(p) = f.location.start() {
            properties.insert("line".into(), json!(p.line.to_string()));
        }
    }
    // A place in a rendered text: its Helm template or kustomize origin file.
    if let Some(r) = f.location.rendered() {
        properties.insert("renderedFrom".into(), json!(r.source));
        let by = match r.by {
            crate::document::RenderTool::Helm => "helm",
            crate::document::RenderTool::Kustomize => "kustomize",
        };
        properties.insert("renderedBy".into(), json!(by));
    }
    properties.insert("fingerprint".into(), json!(super::fingerprint(f)));
    let mut r = serde_json::Map::new();
    r.insert("source".into(), json!("ladrillo"));
    r.insert("policy".into(), json!(f.rule.name));
    r.insert("rule".into(), json!(f.rule.code));
    r.insert("category".into(), json!(f.rule.group.as_str()));
    r.insert("severity".into(), json!(f.severity.as_str()));
    r.insert("result".into(), json!(if f.suppressed.is_some() { "skip" } else { "fail" }));
    r.insert("message".into(), json!(f.message()));
    r.insert("properties".into(), Value::Object(properties));
    if let Some(o) = &f.object {
        let mut resource = serde_json::Map::new();
        resource.insert("apiVersion".into(), json!(o.api_version));
        resource.insert("kind".into(), json!(o.kind));
        resource.insert("name".into(), json!(o.name));
        if let Some(ns) = &o.namespace {
            resource.insert("namespace".into(), json!(ns));
        }
        r.insert("resources".into(), json!([Value::Object(resource)]));
    }
    Value::Object(r)
}

/// A report's counts of results: its findings (`fail`, or `skip` when waived) and `errors`.
fn summary(findings: &[&Finding], errors: usize) -> Value {
    let skip = findings.iter().filter(|f| f.suppressed.is_some()).count();
    json!({ "pass": 0, "fail": findings.len() - skip, "warn": 0, "error": errors, "skip": skip })
}

/// A report without its results: the `PolicyReport` of `namespace`, or the
/// `ClusterPolicyReport`.
fn head(namespace: Option<&str>, summary: Value) -> Value {
    let labels = json!({ "app.kubernetes.io/managed-by": "ladrillo" });
    match namespace {
        Some(ns) => json!({
            "apiVersion": API_VERSION,
            "kind": "PolicyReport",
            "metadata": { "name": "ladrillo", "namespace": ns, "labels": labels },
            "summary": summary,
        }),
        None => json!({
            "apiVersion": API_VERSION,
            "kind": "ClusterPolicyReport",
            "metadata": { "name": "ladrillo", "labels": labels },
            "summary": summary,
        }),
    }
}

/// An input error as a result.
fn error_result(e: &InputError) -> Value {
    json!({
        "source": "ladrillo",
        "policy": "input",
        "result": "error",
        "message": e.to_string(),
    })
}

/// The findings of each report: by namespace (each of `namespaces` too, even without any),
/// and the cluster-wide ones.
type Grouped<'a> = (BTreeMap<String, Vec<&'a Finding>>, Vec<&'a Finding>);

fn grouped<'a>(scan: &'a ScanResult, namespaces: &[String]) -> Grouped<'a> {
    let mut namespaced: BTreeMap<String, Vec<&Finding>> =
        namespaces.iter().map(|ns| (ns.clone(), Vec::new())).collect();
    let mut cluster = Vec::new();
    for f in &scan.findings {
        if cluster_scoped(f) {
            cluster.push(f);
        } else {
            let ns = f.object.as_ref().and_then(|o| o.namespace.as_deref()).unwrap_or("default");
            match namespaced.get_mut(ns) {
                Some(list) => list.push(f),
                None => {
                    namespaced.insert(ns.to_string(), vec![f]);
                }
            }
        }
    }
    (namespaced, cluster)
}

/// Writes the reports of a scan as a `List`, each result built as it is printed: the text of
/// [`reports`] in a `List`, without holding every result as a JSON tree at once (a large input
/// has hundreds of thousands, of about a kilobyte each).
pub fn write(scan: &ScanResult, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let (namespaced, cluster) = grouped(scan, &[]);
    let list = List { namespaced: &namespaced, cluster: &cluster, errors: &scan.errors };
    super::write_json(out, &list)
}

/// The `List` [`write`] prints.
struct List<'a> {
    namespaced: &'a BTreeMap<String, Vec<&'a Finding>>,
    cluster: &'a [&'a Finding],
    errors: &'a [InputError],
}

impl Serialize for List<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("apiVersion", "v1")?;
        m.serialize_entry("kind", "List")?;
        m.serialize_entry("items", &Items(self))?;
        m.end()
    }
}

/// The reports of a [`List`].
struct Items<'a, 'b>(&'b List<'a>);

impl Serialize for Items<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let List { namespaced, cluster, errors } = self.0;
        let mut seq = s.serialize_seq(Some(namespaced.len() + 1))?;
        for (ns, findings) in namespaced.iter() {
            let head = head(Some(ns), summary(findings, 0));
            seq.serialize_element(&Report { head, findings, errors: &[] })?;
        }
        let head = head(None, summary(cluster, errors.len()));
        seq.serialize_element(&Report { head, findings: cluster, errors })?;
        seq.end()
    }
}

/// One report: its head, then its results.
struct Report<'a> {
    head: Value,
    findings: &'a [&'a Finding],
    errors: &'a [InputError],
}

impl Serialize for Report<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let fields = self.head.as_object();
        let mut m = s.serialize_map(Some(fields.map_or(0, serde_json::Map::len) + 1))?;
        for (k, v) in fields.into_iter().flatten() {
            m.serialize_entry(k, v)?;
        }
        m.serialize_entry("results", &Results(self))?;
        m.end()
    }
}

/// A report's results, each built when it is printed.
struct Results<'a, 'b>(&'b Report<'a>);

impl Serialize for Results<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut seq = s.serialize_seq(Some(r.findings.len() + r.errors.len()))?;
        for f in r.findings {
            seq.serialize_element(&result(f))?;
        }
        for e in r.errors {
            seq.serialize_element(&error_result(e))?;
        }
        seq.end()
    }
}

/// The reports of a scan: a `PolicyReport` for each namespace with findings and for each of
/// `namespaces` (empty when it has none: a report written into a cluster replaces the last
/// run's, so a namespace whose findings were fixed must get one too), then the
/// `ClusterPolicyReport`.
#[must_use]
pub fn reports(scan: &ScanResult, namespaces: &[String]) -> Vec<Value> {
    let (namespaced, cluster) = grouped(scan, namespaces);
    let with_results = |mut head: Value, results: Vec<Value>| {
        if let Some(map) = head.as_object_mut() {
            map.insert("results".into(), Value::Array(results));
        }
        head
    };
    let mut items: Vec<Value> = namespaced
        .iter()
        .map(|(ns, findings)| {
            let results = findings.iter().map(|f| result(f)).collect();
            with_results(head(Some(ns), summary(findings, 0)), results)
        })
        .collect();
    let results = cluster.iter().map(|f| result(f)).chain(scan.errors.iter().map(error_result)).collect();
    items.push(with_results(head(None, summary(&cluster, scan.errors.len())), results));
    items
}

/// Keeps a report under `max_bytes` of JSON (the API server stores an object in one etcd value,
/// 1.5 MiB by default) by leaving out its least severe results; the summary still counts them
/// all. Returns how many were left out.
pub fn fit(report: &mut Value, max_bytes: usize) -> usize {
    let size = |v: &Value| serde_json::to_vec(v).map_or(usize::MAX, |b| b.len());
    if size(report) <= max_bytes {
        return 0;
    }
    let Some(Value::Array(results)) = report.get_mut("results").map(Value::take) else {
        return 0;
    };
    let total = results.len();
    let mut results = results;
    // Most severe first (input errors with them); the order is otherwise kept.
    let rank = |r: &Value| match r.get("result").and_then(Value::as_str) {
        Some("error") => 0,
        _ => crate::finding::Severity::ALL
            .iter()
            .position(|s| r.get("severity").and_then(Value::as_str) == Some(s.as_str()))
            .map_or(usize::MAX, |p| p + 1),
    };
    results.sort_by_key(rank);
    let room = max_bytes.saturating_sub(size(report));
    let mut used = 0;
    let mut kept = 0;
    for r in &results {
        // Each result also costs a separating comma.
        used += size(r).saturating_add(1);
        if used > room {
            break;
        }
        kept += 1;
    }
    results.truncate(kept);
    if let Some(map) = report.as_object_mut() {
        map.insert("results".into(), Value::Array(results));
    }
    total - kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_over_the_limit_keeps_its_most_severe_results() {
        let result = |severity: &str, i: usize| json!({ "policy": "p", "result": "fail", "severity": severity, "message": format!("m{i}") });
        let results: Vec<Value> =
            (0..100).map(|i| result(if i % 10 == 0 { "critical" } else { "low" }, i)).collect();
        let mut report = json!({ "kind": "PolicyReport", "summary": { "fail": 100 }, "results": results });
        let whole = serde_json::to_vec(&report).unwrap().len();
        assert_eq!(fit(&mut report, whole), 0);
        let limit = whole / 4;
        let left_out = fit(&mut report, limit);
        let kept = report["results"].as_array().unwrap();
        assert_eq!(left_out + kept.len(), 100);
        assert!(left_out > 0 && kept.len() >= 10, "{left_out}");
        assert!(serde_json::to_vec(&report).unwrap().len() <= limit);
        assert!(kept.iter().take(10).all(|r| r["severity"] == "critical"));
        assert_eq!(report["summary"]["fail"], 100);
    }
}
