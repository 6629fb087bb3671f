//! Markdown for pull-request comments and CI step summaries: a summary table by severity, then
//! the most severe findings with `file:line` (linked when the repository is known), kept under
//! GitHub's comment limit with a count of what was left out. Everything from the input is
//! escaped, so a name cannot open a link, a mention or a table cell.

use std::fmt::Write as _;

use crate::finding::{Finding, Severity};
use crate::i18n::{Lang, text};
use crate::scan::ScanResult;

/// GitHub's limit on the body of an issue or pull-request comment, in characters.
pub const GITHUB_COMMENT_LIMIT: usize = 65_536;

/// Room kept for the closing lines after the findings table.
const TAIL_RESERVE: usize = 512;

/// Where `file:line` links point.
#[derive(Clone, Debug, Default)]
pub struct Links {
    /// `https://github.com/OWNER/REPO/blob/SHA/`; `None` prints paths without links.
    pub base: Option<String>,
}

impl Links {
    /// From the variables GitHub Actions sets (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`,
    /// `GITHUB_SHA`); no links elsewhere.
    #[must_use]
    pub fn from_env() -> Self {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let base = match (var("GITHUB_SERVER_URL"), var("GITHUB_REPOSITORY"), var("GITHUB_SHA")) {
            (Some(server), Some(repo), Some(sha)) => Some(format!("{server}/{repo}/blob/{sha}/")),
            _ => None,
        };
        Self { base }
    }
}

/// Escapes text for a Markdown table cell: no HTML, no emphasis, links, mentions or cell breaks.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            '@' => out.push_str("&#64;"),
            '\n' | '\r' => out.push(' '),
            c if crate::diagnostic::is_unsafe_char(c) => out.push('\u{fffd}'),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `file:line`, linked to the line when a base is known. A place in a rendered text names its
/// template or origin file first (linked to the file: its line is not known), then the line of
/// the rendered text.
#[must_use]
pub fn place(f: &Finding, links: &Links) -> String {
    let Some(file) = f.location.file_name() else {
        return f.object.as_ref().map(|o| escape(&o.to_string())).unwrap_or_default();
    };
    let line = f.location.start().map(|p| p.line);
    let text = match line {
        Some(l) => format!("{}:{l}", escape(file)),
        None => escape(file),
    };
    if let Some(r) = f.location.rendered() {
        return format!("{} (rendered at {text})", link(&escape(&r.source), &r.source, None, links));
    }
    link(&text, file, line, links)
}

/// `text` linked to `file` (at `line`) when a base is known and the path is inside the
/// repository (not `-` or absolute paths).
fn link(text: &str, file: &str, line: Option<usize>, links: &Links) -> String {
    let linkable = !file.starts_with('/') && file != "-" && !file.contains("..") && !file.contains(':');
    match (&links.base, linkable) {
        (Some(base), true) => {
            let anchor = line.map(|l| format!("#L{l}")).unwrap_or_default();
            let url: String = file.bytes().map(url_byte).collect();
            format!("[{text}]({base}{url}{anchor})")
        }
        _ => text.to_string(),
    }
}

/// The place, then the object it is about (a Kubernetes object, a Terraform address, a
/// CloudFormation logical ID) when there is a file to show as well.
fn place_and_object(f: &Finding, links: &Links) -> String {
    let at = place(f, links);
    match (&f.object, f.location.file_name()) {
        (Some(o), Some(_)) => format!("{at} {}", escape(&o.to_string())),
        _ => at,
    }
}

#[must_use]
pub fn render(result: &ScanResult, links: &Links) -> String {
    render_limited(result, links, GITHUB_COMMENT_LIMIT, Lang::En)
}

/// [`render`] in a language.
#[must_use]
pub fn render_in(result: &ScanResult, links: &Links, lang: Lang) -> String {
    render_limited(result, links, GITHUB_COMMENT_LIMIT, lang)
}

/// Renders within `limit` characters.
#[must_use]
pub fn render_limited(result: &ScanResult, links: &Links, limit: usize, lang: Lang) -> String {
    let word = |id: &str| escape(&text(lang, id));
    let mut out = String::from("## ladrillo\n\n");
    let _ = writeln!(out, "{}\n", escape(&super::text::summary_line(result, lang)));
    let _ =
        writeln!(out, "| {} | {} |\n|---|---:|", word("report-html-severity"), word("report-html-findings"));
    for sev in Severity::ALL {
        let n = result.summary.by_severity.get(sev.as_str()).copied().unwrap_or(0);
        let _ = writeln!(out, "| {} | {n} |", escape(&super::text::severity_name(sev, lang)));
    }
    if !result.errors.is_empty() {
        let _ = writeln!(out, "\n**{}: {}**\n", word("report-input-errors"), result.errors.len());
        for e in result.errors.iter().take(20) {
            let _ = writeln!(out, "- {}", escape(&e.to_string_in(lang)));
        }
    }
    let mut active: Vec<&Finding> = result.active().collect();
    // Most severe first; the scan's order (file, position) within a severity.
    active.sort_by_key(|f| std::cmp::Reverse(f.severity));
    if active.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\n### {}\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
        word("report-html-findings"),
        word("report-html-severity"),
        word("report-html-rule"),
        word("report-html-where"),
        word("report-html-message")
    );
    let budget = limit.saturating_sub(TAIL_RESERVE);
    let mut shown = 0;
    let mut length = out.chars().count();
    for f in &active {
        let row = format!(
            "| {} | `{}` {} | {} | {} |\n",
            escape(&super::text::severity_name(f.severity, lang)),
            f.rule.code,
            escape(f.rule.name),
            place_and_object(f, links),
            escape(&f.message_in(lang))
        );
        length += row.chars().count();
        if length > budget {
            break;
        }
        out.push_str(&row);
        shown += 1;
    }
    if shown < active.len() {
        // Our own words: not escaped, so `ladrillo scan` stays code.
        let more =
            crate::t!(lang, "report-md-not-shown", count = active.len() - shown, limit = limit.to_string());
        let _ = writeln!(out, "\n_{more}_");
    }
    out
}

/// One byte of a path in a URL: kept when safe, else percent-encoded.
fn url_byte(b: u8) -> String {
    if b.is_ascii_alphanumeric() || b"/-._".contains(&b) {
        char::from(b).to_string()
    } else {
        format!("%{b:02X}")
    }
}
