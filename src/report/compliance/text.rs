//! The framework report as text: one line per control, findings and what to check by hand
//! under it, the score last.

use std::fmt::Write as _;

use super::{FrameworkReport, Status, words};
use crate::i18n::Lang;

#[must_use]
pub fn render(r: &FrameworkReport, lang: Lang) -> String {
    let mut out = String::new();
    let s = &r.scan.summary;
    let _ = writeln!(out, "{}", words::heading(r.framework.name(), r.framework.as_str()));
    let _ = writeln!(out, "{}\n", words::inputs_line(s.files, s.objects, s.clusters, lang));
    let width = r.controls.iter().map(|c| c.control.id.len()).max().unwrap_or(0);
    let indent = " ".repeat(16 + width + 1);
    for c in &r.controls {
        let _ = writeln!(
            out,
            "{:<15} {:<width$} {}",
            words::status(c.status, lang),
            c.control.id,
            words::title(r.framework, &c.control, lang)
        );
        match c.status {
            Status::Fail => {
                for f in &c.findings {
                    let place = match (f.location.file_name(), f.location.start()) {
                        (Some(file), Some(p)) => format!("{file}:{}:{}", p.line, p.column),
                        _ => f.object.as_ref().map(ToString::to_string).unwrap_or_default(),
                    };
                    let _ = writeln!(
                        out,
                        "{indent}{}[{}] {place}: {}",
                        crate::report::text::severity_name(f.severity, lang),
                        f.rule.code,
                        f.message_in(lang)
                    );
                }
            }
            Status::Pass if !c.evaluated_on.is_empty() => {
                let _ = writeln!(out, "{indent}{}", words::evaluated_on(&c.evaluated_on, lang));
            }
            Status::Manual => {
                let reason = c.reason.as_ref().map(|r| r.render(lang)).unwrap_or_default();
                let _ = writeln!(out, "{indent}{}: {reason}", words::check_by_hand(lang));
            }
            _ => {
                if let Some(reason) = &c.reason {
                    let _ = writeln!(out, "{indent}{}", reason.render(lang));
                }
            }
        }
        if c.waived > 0 {
            let _ = writeln!(out, "{indent}{}", words::waived(c.waived, lang));
        }
    }
    for e in &r.scan.errors {
        let _ = writeln!(out, "\n{}", crate::t!(lang, "error", message = e.to_string_in(lang)));
    }
    let _ = writeln!(out, "\n{}", words::score_line(&r.score, lang));
    out
}
