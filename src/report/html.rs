//! A single self-contained HTML page for people: summary counts, then findings grouped by file
//! with the offending line, field, object and fix. Everything user-controlled is escaped.

use std::fmt::Write as _;

use crate::finding::{Finding, Severity};
use crate::i18n::{Lang, text};
use crate::scan::ScanResult;

use super::ReportOptions;

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b}\
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}\
.sev{display:inline-block;min-width:4.5rem;text-align:center;border-radius:3px;color:#fff;font-size:12px;padding:1px 4px}\
.critical{background:#8b0000}.high{background:#c0392b}.medium{background:#d68910}.low{background:#2471a3}.info{background:#7f8c8d}\
.f{border:1px solid #e3e3e3;border-radius:4px;margin:.6rem 0;padding:.5rem .8rem}.f.suppressed{opacity:.6}\
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f6f8fa;padding:.4rem .6rem;overflow-x:auto;margin:.4rem 0}\
.meta{color:#555;font-size:13px}table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left}";

/// Escapes text for HTML element content and attribute values.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[must_use]
pub fn render(result: &ScanResult, options: ReportOptions) -> String {
    let lang = options.lang;
    let title = escape(&text(lang, "report-title"));
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title>",
        lang.code()
    );
    let _ = write!(h, "<style>{STYLE}</style></head><body>\n<h1>{title}</h1>\n");
    let _ = writeln!(h, "<p>{}</p>", escape(&super::text::summary_line(result, lang)));
    h.push_str("<table><tr>");
    for sev in Severity::ALL {
        let n = result.summary.by_severity.get(sev.as_str()).copied().unwrap_or(0);
        let name = super::text::severity_name(sev, lang);
        let _ = write!(h, "<td><span class=\"sev {sev}\">{name}</span> {n}</td>");
    }
    h.push_str("</tr></table>\n");
    if !result.errors.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>\n<ul>", escape(&text(lang, "report-input-errors")));
        for e in &result.errors {
            let _ = writeln!(h, "<li><code>{}</code></li>", escape(&e.to_string()));
        }
        h.push_str("</ul>\n");
    }
    let shown: Vec<&Finding> =
        result.findings.iter().filter(|f| options.show_suppressed || f.suppressed.is_none()).collect();
    let redact = super::redactions_by_file(result);
    let mut current: Option<Option<&str>> = None;
    for f in shown {
        let file = f.location.file_name();
        if current != Some(file) {
            let none = text(lang, "report-no-file");
            let _ = writeln!(h, "<h2>{}</h2>", escape(file.unwrap_or(&none)));
            current = Some(file);
        }
        let spans = file.and_then(|n| redact.get(n)).map_or(&[][..], Vec::as_slice);
        finding(&mut h, f, spans, lang);
    }
    h.push_str("</body></html>\n");
    h
}

fn finding(h: &mut String, f: &Finding, redact: &[crate::document::Span], lang: Lang) {
    let class = if f.suppressed.is_some() { "f suppressed" } else { "f" };
    let _ = write!(
        h,
        "<div class=\"{class}\"><span class=\"sev {}\">{}</span> <b>{}</b> <code>{}</code> — {}",
        f.severity,
        super::text::severity_name(f.severity, lang),
        escape(f.rule.code),
        escape(f.rule.name),
        escape(&f.message_in(lang))
    );
    let mut meta = Vec::new();
    if let Some(p) = f.location.start() {
        meta.push(crate::t!(lang, "report-line-column", line = p.line, column = p.column));
    }
    if let Some(r) = f.location.rendered() {
        meta.push(escape(&super::text::rendered_line(r, lang)));
    }
    if let Some(o) = &f.object {
        meta.push(escape(&o.to_string()));
    }
    if f.path.is_some() {
        meta.push(format!("<code>{}</code>", escape(&f.path_text())));
    }
    let _ = write!(h, "<div class=\"meta\">{}</div>", meta.join(" · "));
    if let (Some(file), Some(p)) = (&f.location.file, f.location.start()) {
        let base = file.line_start(p.line).unwrap_or(0) as usize;
        let line = super::text::mask(file.line_text(p.line), base, redact);
        let _ = write!(h, "<pre>{:>5} | {}</pre>", p.line, escape(&line));
    }
    if let Some(help) = &f.help_in(lang) {
        let _ = write!(h, "<div>{}</div>", escape(&crate::t!(lang, "report-fix", help = help.as_str())));
    }
    for n in f.notes_in(lang) {
        let _ = write!(h, "<div class=\"meta\">{}</div>", escape(&n));
    }
    if let Some(s) = &f.suppressed {
        let line = super::text::suppressed_line(s, lang);
        let _ = write!(h, "<div class=\"meta\">{}</div>", escape(&line));
    }
    if !f.rule.references.is_empty() {
        let _ = write!(h, "<div class=\"meta\">{}</div>", escape(&f.rule.references.join(", ")));
    }
    h.push_str("</div>\n");
}
