//! The JSON report: a stable, documented shape (see `docs/output.md`).

use serde::Serialize;

use crate::diagnostic::InputError;
use crate::finding::{Finding, Suppression};
use crate::model::ObjectRef;
use crate::scan::{ScanResult, Summary};

/// Version of the JSON shape; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = crate::scan::JSON_SCHEMA_VERSION;

#[derive(Serialize)]
#[serde(bound(serialize = "super::Lazy<A>: Serialize, super::Lazy<B>: Serialize"))]
struct Report<'a, A, B> {
    schema_version: u32,
    tool: Tool,
    findings: super::Lazy<A>,
    suppressed: super::Lazy<B>,
    errors: &'a [InputError],
    summary: &'a Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// A rule whose finding another finding implies (`scan::implied`).
#[derive(Serialize)]
pub struct JsonImplied {
    pub rule: &'static str,
    pub name: &'static str,
    pub references: &'static [&'static str],
}

/// One finding as JSON.
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub rule: &'static str,
    pub name: &'static str,
    pub severity: &'static str,
    pub message: std::borrow::Cow<'a, str>,
    pub file: Option<&'a str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub object: Option<&'a ObjectRef>,
    pub path: String,
    pub help: Option<std::borrow::Cow<'a, str>>,
    pub references: &'static [&'static str],
    /// The template or origin file of a place in a rendered text; `file` and `line` stay the
    /// place in the rendered text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rendered_from: Option<RenderedFrom<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<std::borrow::Cow<'a, str>>,
    /// Rules whose findings here this one implies and stands for, with their references.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub implies: Vec<JsonImplied>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<&'a Suppression>,
    pub fingerprint: crate::finding::Fingerprint,
}

/// Where a place of a rendered text comes from.
#[derive(Serialize)]
pub struct RenderedFrom<'a> {
    /// The Helm template or kustomize origin file.
    pub file: &'a str,
    /// `helm` or `kustomize`.
    pub by: crate::document::RenderTool,
}

impl<'a> JsonFinding<'a> {
    #[must_use]
    pub fn new(f: &'a Finding) -> Self {
        let start = f.location.start();
        let end = f.location.end();
        Self {
            rule: f.rule.code,
            name: f.rule.name,
            severity: f.severity.as_str(),
            message: f.message(),
            file: f.location.file_name(),
            line: start.map(|p| p.line),
            column: start.map(|p| p.column),
            end_line: end.map(|p| p.line),
            end_column: end.map(|p| p.column),
            object: f.object.as_deref(),
            path: f.path_text(),
            help: f.help(),
            references: f.rule.references,
            rendered_from: f.location.rendered().map(|r| RenderedFrom { file: &r.source, by: r.by }),
            notes: f.notes(),
            implies: f
                .implies()
                .iter()
                .map(|m| JsonImplied { rule: m.code, name: m.name, references: m.references })
                .collect(),
            suppressed: f.suppressed.as_deref(),
            fingerprint: super::fingerprint(f),
        }
    }
}

/// Renders the JSON report (pretty-printed, newline-terminated).
#[must_use]
pub fn render(result: &ScanResult) -> String {
    let mut out = Vec::new();
    let _ = write(result, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Streams the JSON report (pretty-printed, newline-terminated).
pub fn write(result: &ScanResult, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let report = Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool { name: "ladrillo", version: env!("CARGO_PKG_VERSION") },
        findings: super::Lazy(|| result.active().map(JsonFinding::new)),
        suppressed: super::Lazy(|| {
            result.findings.iter().filter(|f| f.suppressed.is_some()).map(JsonFinding::new)
        }),
        errors: &result.errors,
        summary: &result.summary,
    };
    super::write_json(out, &report)
}
