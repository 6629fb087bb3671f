//! SARIF 2.1.0 for code-scanning services. A handful of serde structs: the format is frozen.
//! Columns are Unicode code points (`columnKind`); objects without a file get a logical location.

use serde::Serialize;
use serde_json::json;

use crate::finding::{Finding, Severity};
use crate::rules::{self, RuleMeta};
use crate::scan::ScanResult;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = "Run<R>: Serialize"))]
struct Log<R> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<R>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase", bound(serialize = "super::Lazy<R>: Serialize"))]
struct Run<R> {
    tool: serde_json::Value,
    column_kind: &'static str,
    /// Built one result at a time while writing, so a large report is never held whole.
    results: super::Lazy<R>,
    invocations: Vec<serde_json::Value>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub code scanning reads `security-severity` (0–10) to bucket results.
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "1.0",
    }
}

fn rule_descriptor(m: &RuleMeta) -> serde_json::Value {
    let docs = m.docs_text();
    json!({
        "id": m.code,
        "name": m.name,
        "shortDescription": { "text": m.summary() },
        "fullDescription": { "text": m.section("Why is this bad?").unwrap_or_else(|| m.summary().to_string()) },
        "help": { "text": docs, "markdown": docs },
        "defaultConfiguration": { "level": level(m.severity) },
        "properties": {
            "tags": std::iter::once("security".to_string()).chain(m.references.iter().map(|r| (*r).to_string())).collect::<Vec<_>>(),
            "security-severity": security_severity(m.severity),
            "precision": "very-high",
        },
    })
}

/// Percent-encodes what may not appear in a relative URI reference.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result(f: &Finding, index: usize) -> serde_json::Value {
    let mut message = f.message().into_owned();
    if let Some(h) = f.help() {
        message.push_str(". Fix: ");
        message.push_str(&h);
    }
    let mut location = serde_json::Map::new();
    let mut rendered_related = None;
    if let (Some(file), Some(start), Some(end)) =
        (f.location.file_name(), f.location.start(), f.location.end())
    {
        let rendered_at = json!({
            "artifactLocation": { "uri": uri(file) },
            "region": { "startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column },
        });
        // A place in a rendered text points at its template or local origin file; the template's
        // own line is not known (Helm keeps none), so the region is the file's first line, and the
        // place in the rendered text is a related location.
        match f.location.rendered().filter(|r| !r.source.contains("://")) {
            Some(r) => {
                location.insert(
                    "physicalLocation".into(),
                    json!({ "artifactLocation": { "uri": uri(&r.source) }, "region": { "startLine": 1 } }),
                );
                rendered_related = Some(json!({
                    "physicalLocation": rendered_at,
                    "message": { "text": format!("rendered at {file}:{}:{}", start.line, start.column) },
                }));
            }
            None => {
                location.insert("physicalLocation".into(), rendered_at);
            }
        }
    }
    if let Some(o) = &f.object {
        // Objects read from the API have no artifact: the cluster is part of the logical name.
        let mut name = f
            .location
            .file_name()
            .filter(|_| f.location.from_api())
            .map_or_else(|| o.to_string(), str::to_string);
        if let Some(p) = &f.path {
            name.push_str(&format!(" {p}"));
        }
        location.insert("logicalLocations".into(), json!([{ "fullyQualifiedName": name, "kind": "object" }]));
    }
    // The place in the rendered text first, then the finding's own related places; ids are
    // their indexes.
    let others = f.related().iter().filter_map(|rel| {
        let (file, start, end) = (rel.location.file_name()?, rel.location.start()?, rel.location.end()?);
        Some(json!({
            "physicalLocation": {
                "artifactLocation": { "uri": uri(file) },
                "region": { "startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column },
            },
            "message": { "text": rel.message },
        }))
    });
    let related: Vec<serde_json::Value> = rendered_related
        .into_iter()
        .chain(others)
        .enumerate()
        .map(|(i, rel)| {
            let mut fields = serde_json::Map::new();
            fields.insert("id".into(), json!(i));
            if let serde_json::Value::Object(rest) = rel {
                fields.extend(rest);
            }
            serde_json::Value::Object(fields)
        })
        .collect();
    let mut r = json!({
        "ruleId": f.rule.code,
        "ruleIndex": index,
        "level": level(f.severity),
        "message": { "text": message },
        "locations": [serde_json::Value::Object(location)],
        "partialFingerprints": { "ladrillo/v1": super::fingerprint(f) },
        "properties": { "name": f.rule.name, "severity": f.severity.as_str() },
    });
    if let Some(fields) = r.as_object_mut() {
        if !related.is_empty() {
            fields.insert("relatedLocations".into(), serde_json::Value::Array(related));
        }
        // The rules this finding implies, so that a peer's check mapped to one of them still
        // finds it.
        if !f.implies().is_empty()
            && let Some(props) = fields.get_mut("properties").and_then(|p| p.as_object_mut())
        {
            let implies: Vec<serde_json::Value> = f
                .implies()
                .iter()
                .map(|m| json!({ "ruleId": m.code, "name": m.name, "references": m.references }))
                .collect();
            props.insert("implies".into(), serde_json::Value::Array(implies));
        }
        if let (Some(rendered), Some(props)) =
            (f.location.rendered(), fields.get_mut("properties").and_then(|p| p.as_object_mut()))
        {
            props.insert("renderedFrom".into(), json!(rendered.source));
            props.insert("renderedBy".into(), json!(rendered.by));
        }
    }
    if let Some(s) = &f.suppressed
        && let Some(fields) = r.as_object_mut()
    {
        fields.insert(
            "suppressions".into(),
            json!([{
                "kind": if s.by == "annotation" { "inSource" } else { "external" },
                "justification": s.reason,
            }]),
        );
    }
    r
}

#[must_use]
pub fn render(scan: &ScanResult) -> String {
    let mut out = Vec::new();
    let _ = write(scan, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Streams the SARIF log (pretty-printed, newline-terminated).
pub fn write(scan: &ScanResult, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let all = rules::all();
    let rules: Vec<serde_json::Value> = all.iter().map(|r| rule_descriptor(r.meta())).collect();
    let index: std::collections::HashMap<&str, usize> =
        all.iter().enumerate().map(|(i, r)| (r.meta().code, i)).collect();
    let results =
        super::Lazy(|| scan.findings.iter().map(|f| result(f, index.get(f.rule.code).copied().unwrap_or(0))));
    let notifications: Vec<serde_json::Value> = scan
        .errors
        .iter()
        .map(|e| {
            let artifact = json!({ "uri": uri(&e.file) });
            let phys = match (e.line, e.column) {
                (Some(l), Some(c)) => json!({
                    "artifactLocation": artifact,
                    "region": { "startLine": l, "startColumn": c },
                }),
                _ => json!({ "artifactLocation": artifact }),
            };
            json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [{ "physicalLocation": phys }],
            })
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: json!({ "driver": {
                "name": "ladrillo",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }}),
            column_kind: "unicodeCodePoints",
            results,
            invocations: vec![json!({
                "executionSuccessful": scan.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            })],
        }],
    };
    super::write_json(out, &log)
}
