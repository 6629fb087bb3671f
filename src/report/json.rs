//! The JSON report: a stable, documented shape (see `docs/output.md`).

use serde::Serialize;

use crate::diagnostic::InputError;
use crate::finding::{Finding, Suppression};
use crate::model::ObjectRef;
use crate::scan::{ScanResult, Summary};

/// Version of the JSON shape; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = crate::scan::JSON_SCHEMA_VERSION;

#[derive(Serialize)]
#[serde(bound(serialize = "InParallel<A>: Serialize, InParallel<B>: Serialize"))]
struct Report<'a, A, B> {
    schema_version: u32,
    tool: Tool,
    findings: InParallel<A>,
    suppressed: InParallel<B>,
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
    write_in_chunks(result, out, CHUNK)
}

fn write_in_chunks(result: &ScanResult, out: &mut dyn std::io::Write, chunk: usize) -> std::io::Result<()> {
    let report = Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool { name: "ladrillo", version: env!("CARGO_PKG_VERSION") },
        findings: InParallel(|| result.active(), chunk),
        suppressed: InParallel(|| result.findings.iter().filter(|f| f.suppressed.is_some()), chunk),
        errors: &result.errors,
        summary: &result.summary,
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

/// Findings a chunk at a time: the chunk's findings are written as text in parallel, each as it
/// reads at its depth in the report, then given to the report in order. Writing the findings'
/// text is most of a large report's time, and no finding's text depends on another's.
struct InParallel<F>(F, usize);

/// Findings written at a time by [`InParallel`]: bounds the texts held at once.
const CHUNK: usize = 4096;

impl<'a, I, F> Serialize for InParallel<F>
where
    F: Fn() -> I,
    I: Iterator<Item = &'a Finding>,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use rayon::prelude::*;
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(None)?;
        let size = self.1.max(1);
        let mut chunk: Vec<&Finding> = Vec::with_capacity(size);
        let mut findings = (self.0)().peekable();
        while findings.peek().is_some() {
            chunk.extend(findings.by_ref().take(size));
            let texts: Vec<serde_json::Result<Box<serde_json::value::RawValue>>> =
                chunk.par_iter().map(|f| finding_text(f)).collect();
            for text in texts {
                seq.serialize_element(&text.map_err(S::Error::custom)?)?;
            }
            chunk.clear();
        }
        seq.end()
    }
}

/// A finding's pretty JSON, indented as an item of the report's lists (two levels deep): JSON
/// text has no line break inside a string, so each line break is followed by the indentation.
fn finding_text(f: &Finding) -> serde_json::Result<Box<serde_json::value::RawValue>> {
    let text = serde_json::to_string_pretty(&JsonFinding::new(f))?;
    serde_json::value::RawValue::from_string(text.replace('\n', "\n    "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Findings written a chunk at a time, in parallel, read as serde_json writes the whole
    /// report: reading the text back and writing it again pretty gives the same text.
    #[test]
    fn findings_written_in_chunks_read_as_one_pretty_report() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures").to_string();
        let settings = crate::scan::ScanSettings::new(
            crate::settings::Config::default(),
            &[],
            &[],
            jiff::civil::date(2026, 1, 1),
        );
        let mut result = crate::scan::scan_paths(&[fixtures], &settings);
        // Some suppressed, so that both lists have items.
        for f in result.findings.iter_mut().step_by(5) {
            f.suppressed = Some(Box::new(Suppression { by: "test", reason: "r".into(), until: None }));
        }
        assert!(result.findings.len() > 100);
        for chunk in [1, 7, CHUNK] {
            let mut out = Vec::new();
            write_in_chunks(&result, &mut out, chunk).unwrap();
            let text = String::from_utf8(out).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(text, serde_json::to_string_pretty(&value).unwrap() + "\n", "chunks of {chunk}");
            assert!(value["findings"].as_array().unwrap().len() > 50);
            assert!(value["suppressed"].as_array().unwrap().len() > 20);
        }
    }
}
