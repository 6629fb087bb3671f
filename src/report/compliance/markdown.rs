//! The framework report as Markdown for pull requests and CI step summaries: the score and a
//! count per status, then the failed controls with their first findings, under GitHub's
//! comment limit.

use std::fmt::Write as _;

use super::html::{score, status_name};
use super::{FrameworkReport, Status, words};
use crate::i18n::{Lang, text};
use crate::report::markdown::{GITHUB_COMMENT_LIMIT, escape};

/// Findings listed under each failed control before a count of the rest.
const FINDINGS_PER_CONTROL: usize = 5;

#[must_use]
pub fn render(r: &FrameworkReport, lang: Lang) -> String {
    render_limited(r, lang, GITHUB_COMMENT_LIMIT)
}

/// Renders within `limit` characters.
#[must_use]
pub fn render_limited(r: &FrameworkReport, lang: Lang, limit: usize) -> String {
    let heading = words::heading(r.framework.name(), r.framework.as_str());
    let mut out =
        format!("## {}\n\n", escape(&crate::t!(lang, "report-framework-heading", framework = heading)));
    let _ = writeln!(out, "**{}**\n", escape(&score(r, lang)));
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|---:|",
        escape(&text(lang, "report-framework-status")),
        escape(&text(lang, "report-framework-controls"))
    );
    for (status, n) in [
        (Status::Pass, r.score.pass),
        (Status::Fail, r.score.fail),
        (Status::NotApplicable, r.score.not_applicable),
        (Status::Manual, r.score.manual),
    ] {
        let _ = writeln!(out, "| {} | {n} |", escape(&status_name(status, lang)));
    }
    if !r.scan.errors.is_empty() {
        let _ =
            writeln!(out, "\n**{}: {}**", escape(&text(lang, "report-input-errors")), r.scan.errors.len());
    }
    let failed: Vec<_> = r.controls.iter().filter(|c| c.status == Status::Fail).collect();
    if failed.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\n### {}\n", escape(&status_name(Status::Fail, lang)));
    let budget = limit.saturating_sub(512);
    let mut shown = 0;
    for c in &failed {
        let title = words::title(r.framework, &c.control, lang);
        let mut block = format!("- **{}** {}\n", escape(c.control.id), escape(&title));
        for f in c.findings.iter().take(FINDINGS_PER_CONTROL) {
            let place = match (f.location.file_name(), f.location.start()) {
                (Some(file), Some(p)) => format!("{file}:{}", p.line),
                _ => f.object.as_ref().map(ToString::to_string).unwrap_or_default(),
            };
            let _ = writeln!(
                block,
                "  - {} `{}` {}: {}",
                escape(&crate::report::text::severity_name(f.severity, lang)),
                f.rule.code,
                escape(&place),
                escape(&f.message_in(lang))
            );
        }
        if c.findings.len() > FINDINGS_PER_CONTROL {
            let more = c.findings.len() - FINDINGS_PER_CONTROL;
            let _ =
                writeln!(block, "  - {}", escape(&crate::t!(lang, "report-md-more-findings", count = more)));
        }
        if out.chars().count() + block.chars().count() > budget {
            break;
        }
        out.push_str(&block);
        shown += 1;
    }
    if shown < failed.len() {
        let _ = writeln!(
            out,
            "\n_{}_",
            escape(&crate::t!(lang, "report-md-more-controls", count = failed.len() - shown, limit = limit))
        );
    }
    out
}
