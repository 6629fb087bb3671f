//! The framework report as one self-contained HTML page: the score, then every control with its
//! status, what decided it and its findings or what to check by hand, filterable by status. Texts
//! show their Markdown code spans as `<code>`, as the scan's page does.

use std::fmt::Write as _;

use super::{FrameworkReport, Status, words};
use crate::i18n::{Lang, text};
use crate::report::html::{self, escape};

#[must_use]
pub fn render(r: &FrameworkReport, lang: Lang) -> String {
    let mut h = String::new();
    let s = &r.scan.summary;
    let _ = writeln!(h, "<p>{}</p>", escape(&words::inputs_line(s.files, s.objects, s.clusters, lang)));
    let _ = write!(
        h,
        "<section aria-labelledby=\"score\"><h2 id=\"score\">{}</h2>\n<p><strong>{}</strong></p>\n\
         <table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        escape(&text(lang, "report-html-summary")),
        escape(&score(r, lang)),
        escape(&text(lang, "report-framework-by-status")),
        escape(&text(lang, "report-framework-status")),
        escape(&text(lang, "report-framework-controls"))
    );
    for (status, n) in [
        (Status::Pass, r.score.pass),
        (Status::Fail, r.score.fail),
        (Status::NotApplicable, r.score.not_applicable),
        (Status::Manual, r.score.manual),
    ] {
        let _ = write!(h, "<tr><td>{}</td><td>{n}</td></tr>", badge(status, lang));
    }
    h.push_str("</tbody></table></section>\n");
    if !r.scan.errors.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>\n<ul>", escape(&text(lang, "report-input-errors")));
        for e in &r.scan.errors {
            let _ = writeln!(h, "<li><code>{}</code></li>", escape(&e.to_string_in(lang)));
        }
        h.push_str("</ul>\n");
    }
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"controls\"><h2 id=\"controls\">{}</h2>",
        escape(&text(lang, "report-framework-controls"))
    );
    let statuses: Vec<(String, String)> = [Status::Fail, Status::Pass, Status::NotApplicable, Status::Manual]
        .into_iter()
        .filter(|s| r.controls.iter().any(|c| c.status == *s))
        .map(|s| (s.as_str().to_string(), status_name(s, lang)))
        .collect();
    let mut selects = String::new();
    html::select(&mut selects, "status", &text(lang, "report-framework-status"), &statuses, lang);
    html::filters(&mut h, &selects, lang);
    let _ = writeln!(
        h,
        "<table data-group><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead><tbody>",
        escape(&text(lang, "report-framework-control")),
        escape(&text(lang, "report-framework-status")),
        escape(&text(lang, "report-framework-title")),
        escape(&text(lang, "report-framework-details"))
    );
    for c in &r.controls {
        let _ = write!(
            h,
            "<tr data-item data-status=\"{}\"><th scope=\"row\"><code>{}</code></th><td>{}</td><td>{}</td><td>",
            c.status.as_str(),
            escape(c.control.id),
            badge(c.status, lang),
            html::inline(&words::title(r.framework, &c.control, lang))
        );
        if !c.decided_by.is_empty() {
            let decided: Vec<String> = c.decided_by.iter().map(|d| d.render(lang)).collect();
            let _ = write!(h, "<div class=\"meta\">{}</div>", escape(&decided.join(", ")));
        }
        match c.status {
            Status::Fail => {
                h.push_str("<ul>");
                for f in &c.findings {
                    let place = match (f.location.file_name(), f.location.start()) {
                        (Some(file), Some(p)) => format!("{file}:{}:{}", p.line, p.column),
                        _ => f.object.as_ref().map(ToString::to_string).unwrap_or_default(),
                    };
                    let _ = write!(
                        h,
                        "<li><span class=\"sev {}\">{}</span> <code>{}</code> {}: {}</li>",
                        f.severity,
                        escape(&crate::report::text::severity_name(f.severity, lang)),
                        escape(f.rule.code),
                        escape(&place),
                        html::inline(&f.message_in(lang))
                    );
                }
                h.push_str("</ul>");
            }
            Status::Pass if !c.evaluated_on.is_empty() => {
                let _ = write!(h, "<div>{}</div>", html::inline(&words::evaluated_on(&c.evaluated_on, lang)));
            }
            _ => {
                if let Some(reason) = &c.reason {
                    let _ = write!(h, "<div>{}</div>", html::inline(&reason.render(lang)));
                }
            }
        }
        if c.waived > 0 {
            let _ = write!(h, "<div class=\"meta\">{}</div>", escape(&words::waived(c.waived, lang)));
        }
        h.push_str("</td></tr>\n");
    }
    h.push_str("</tbody></table></section>\n");
    let title = crate::t!(
        lang,
        "report-framework-heading",
        framework = words::heading(r.framework.name(), r.framework.as_str())
    );
    html::page(lang, &title, &h)
}

/// A status as a coloured label that also says it in words.
fn badge(s: Status, lang: Lang) -> String {
    format!("<span class=\"sev {}\">{}</span>", s.as_str(), escape(&status_name(s, lang)))
}

/// The name of a status in a language.
#[must_use]
pub fn status_name(s: Status, lang: Lang) -> String {
    text(lang, &format!("report-status-{}", s.as_str()))
}

/// `60.0% of the 20 decided controls pass`, or that none could be decided.
#[must_use]
pub fn score(r: &FrameworkReport, lang: Lang) -> String {
    match r.score.percent {
        Some(p) => {
            crate::t!(
                lang,
                "report-framework-score",
                percent = words::decimal(p, lang),
                decided = r.score.pass + r.score.fail
            )
        }
        None => text(lang, "report-framework-no-score"),
    }
}
