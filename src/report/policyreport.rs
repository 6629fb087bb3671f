//! `--format policyreport`: the findings as `PolicyReport` (one per namespace) and
//! `ClusterPolicyReport` (cluster-scoped objects, the EKS cluster, files and input errors)
//! objects of the Kubernetes Policy WG API (`wgpolicyk8s.io/v1alpha2`), in a `v1` `List` that
//! `kubectl apply -f` takes. Waived findings are `skip` results, input errors `error` results;
//! a result names its rule (`policy`: the name, `rule`: the code), the object and the field path.

use std::collections::BTreeMap;

use serde_json::{Value, json};

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
    r.insert("message".into(), json!(f.message));
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

fn summary(results: &[Value]) -> Value {
    let count = |what: &str| results.iter().filter(|r| r["result"] == what).count();
    json!({ "pass": 0, "fail": count("fail"), "warn": 0, "error": count("error"), "skip": count("skip") })
}

/// The reports of a scan, as a `List`.
#[must_use]
pub fn render(scan: &ScanResult) -> String {
    let mut namespaced: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut cluster = Vec::new();
    for f in &scan.findings {
        if cluster_scoped(f) {
            cluster.push(result(f));
        } else {
            let ns = f.object.as_ref().and_then(|o| o.namespace.clone()).unwrap_or_else(|| "default".into());
            namespaced.entry(ns).or_default().push(result(f));
        }
    }
    for e in &scan.errors {
        cluster.push(json!({
            "source": "ladrillo",
            "policy": "input",
            "result": "error",
            "message": e.to_string(),
        }));
    }
    let labels = json!({ "app.kubernetes.io/managed-by": "ladrillo" });
    let mut items: Vec<Value> = namespaced
        .into_iter()
        .map(|(ns, results)| {
            json!({
                "apiVersion": API_VERSION,
                "kind": "PolicyReport",
                "metadata": { "name": "ladrillo", "namespace": ns, "labels": labels },
                "summary": summary(&results),
                "results": results,
            })
        })
        .collect();
    items.push(json!({
        "apiVersion": API_VERSION,
        "kind": "ClusterPolicyReport",
        "metadata": { "name": "ladrillo", "labels": labels },
        "summary": summary(&cluster),
        "results": cluster,
    }));
    let list = json!({ "apiVersion": "v1", "kind": "List", "items": items });
    serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
}
