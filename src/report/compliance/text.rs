//! The framework report as text: one line per control, findings and what to check by hand
//! under it, the score last.

use std::fmt::Write as _;

use super::{FrameworkReport, Status, words};

#[must_use]
pub fn render(r: &FrameworkReport) -> String {
    let mut out = String::new();
    let s = &r.scan.summary;
    let _ = writeln!(out, "{}", words::heading(r.framework.name(), r.framework.as_str()));
    let _ = writeln!(out, "{}\n", words::inputs_line(s.files, s.objects, s.clusters));
    let width = r.controls.iter().map(|c| c.control.id.len()).max().unwrap_or(0);
    let indent = " ".repeat(16 + width + 1);
    for c in &r.controls {
        let _ = writeln!(out, "{:<15} {:<width$} {}", words::status(c.status), c.control.id, c.control.title);
        match c.status {
            Status::Fail => {
                for f in &c.findings {
                    let place = match (f.location.file_name(), f.location.start()) {
                        (Some(file), Some(p)) => format!("{file}:{}:{}", p.line, p.column),
                        _ => f.object.as_ref().map(ToString::to_string).unwrap_or_default(),
                    };
                    let _ = writeln!(out, "{indent}{}[{}] {place}: {}", f.severity, f.rule.code, f.message);
                }
            }
            Status::Pass if !c.evaluated_on.is_empty() => {
                let _ = writeln!(out, "{indent}{}", words::evaluated_on(&c.evaluated_on));
            }
            Status::Manual => {
                let _ =
                    writeln!(out, "{indent}{}: {}", words::CHECK_BY_HAND, c.reason.as_deref().unwrap_or(""));
            }
            _ => {
                if let Some(reason) = &c.reason {
                    let _ = writeln!(out, "{indent}{reason}");
                }
            }
        }
        if c.waived > 0 {
            let _ = writeln!(out, "{indent}{} {}", c.waived, words::WAIVED);
        }
    }
    for e in &r.scan.errors {
        let _ = writeln!(out, "\nerror: {e}");
    }
    let _ = writeln!(out, "\n{}", words::score_line(&r.score));
    out
}
