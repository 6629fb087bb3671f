//! The framework report as JSON (shape documented in `docs/output.md`).

use serde::Serialize;

use super::{Coverage, FrameworkReport, Score, Status};
use crate::diagnostic::InputError;
use crate::i18n::Lang;
use crate::report::json::JsonFinding;
use crate::scan::Summary;

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    framework: Framework<'a>,
    score: &'a Score,
    coverage: &'a Coverage,
    controls: Vec<Control<'a>>,
    errors: &'a [InputError],
    summary: &'a Summary,
}

#[derive(Serialize)]
struct Framework<'a> {
    id: &'a str,
    name: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct Control<'a> {
    id: &'a str,
    title: &'a str,
    status: Status,
    decided_by: Vec<String>,
    evaluated_on: std::collections::BTreeMap<&'static str, usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    findings: Vec<JsonFinding<'a>>,
    waived: usize,
}

#[must_use]
pub fn render(r: &FrameworkReport) -> String {
    let report = Report {
        schema_version: crate::report::json::SCHEMA_VERSION,
        framework: Framework {
            id: r.framework.as_str(),
            name: r.framework.name(),
            source: r.framework.source(),
        },
        score: &r.score,
        coverage: &r.coverage,
        controls: r
            .controls
            .iter()
            .map(|c| Control {
                id: c.control.id,
                title: c.control.title,
                status: c.status,
                decided_by: c.decided_by.iter().map(|d| d.render(Lang::En)).collect(),
                evaluated_on: c.evaluated_on.iter().map(|(i, n)| (i.as_str(), *n)).collect(),
                reason: c.reason.as_ref().map(|r| r.render(Lang::En)),
                findings: c.findings.iter().map(JsonFinding::new).collect(),
                waived: c.waived,
            })
            .collect(),
        errors: &r.scan.errors,
        summary: &r.scan.summary,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}
