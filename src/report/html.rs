//! A single self-contained HTML page for people: a summary (findings by severity, inputs), the
//! frameworks' scores when the scan command computed them, the pod capacity of the node groups of the clusters in the input, then
//! findings grouped by object with the offending line, field and fix, and filters by severity,
//! rule and namespace that run in the page (no server, no network: the one script and the style
//! are inline, and the Content-Security-Policy forbids loading anything). Without scripts every
//! finding is shown. Everything from the input is escaped; the page prints without the filters.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::finding::{Finding, Severity};
use crate::i18n::{Lang, text};
use crate::report::compliance::Score;
use crate::rules::frameworks::FrameworkId;
use crate::scan::ScanResult;

use super::ReportOptions;

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}\
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:1.4rem 0 .4rem}\
.sev{display:inline-block;min-width:5rem;white-space:nowrap;text-align:center;border-radius:3px;color:#fff;font-size:13px;padding:0 4px}\
.critical{background:#7a0000}.high{background:#b02a1a}.medium{background:#8a5300}.low{background:#1f5f8b}.info{background:#566573}\
.pass{background:#1e6b34}.fail{background:#b02a1a}.not-applicable{background:#566573}.manual{background:#5b3f8c}\
.f{border:1px solid #d5d5d5;border-radius:4px;margin:.5rem 0;padding:.5rem .8rem}.f.suppressed{opacity:.7}\
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f4f6f8;padding:.4rem .6rem;overflow-x:auto;margin:.4rem 0}\
.meta{color:#444;font-size:14px}table{border-collapse:collapse;margin:.5rem 0}td,th{padding:3px 10px;text-align:left;vertical-align:top;border-bottom:1px solid #e2e2e2}\
caption{text-align:left;font-weight:600}.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;background:#f4f6f8;padding:.6rem .8rem;border-radius:4px}\
.filters label{display:flex;flex-direction:column;font-size:14px}select{font:inherit}\
a:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #1a4d8f;outline-offset:2px}\
.skip{position:absolute;left:-10000px}.skip:focus{position:static}\
@media print{.filters,.skip{display:none}.f{break-inside:avoid}body{max-width:none}}";

/// Filters the elements with `data-severity`, `data-rule`, `data-namespace` or `data-status`
/// by the selects of `#filters`, keeps the choice in the address (`#severity=high`), hides
/// groups left empty and says how many are shown. A part of the address that does not decode
/// (`#severity=%E0%A4%A`, a link cut short) is ignored: the filters still work.
const SCRIPT: &str = r#"(function(){
var form=document.getElementById('filters');if(!form)return;
form.hidden=false;
var items=[].slice.call(document.querySelectorAll('[data-item]'));
var groups=[].slice.call(document.querySelectorAll('[data-group]'));
var out=document.getElementById('shown');
var fields=[].slice.call(form.querySelectorAll('select')).map(function(s){return s.name;});
function dec(t){try{return decodeURIComponent(t);}catch(e){return null;}}
function fromHash(){location.hash.slice(1).split('&').forEach(function(p){var i=p.indexOf('=');if(i<0)return;
var k=p.slice(0,i),v=dec(p.slice(i+1));var s=form.elements[k];if(v===null||!s||fields.indexOf(k)<0)return;
for(var j=0;j<s.options.length;j++){if(s.options[j].value===v){s.value=v;}}});}
function apply(){var n=0;
items.forEach(function(el){var ok=fields.every(function(k){var v=form.elements[k].value;return !v||el.getAttribute('data-'+k)===v;});
el.hidden=!ok;if(ok)n++;});
groups.forEach(function(g){g.hidden=!g.querySelector('[data-item]:not([hidden])');});
out.textContent=out.getAttribute('data-template').replace('{n}',n).replace('{total}',items.length);
var h=fields.filter(function(k){return form.elements[k].value;}).map(function(k){return k+'='+encodeURIComponent(form.elements[k].value);}).join('&');
try{history.replaceState(null,'',h?'#'+h:location.pathname+location.search);}catch(e){}}
fromHash();form.addEventListener('change',apply);window.addEventListener('hashchange',function(){fromHash();apply();});apply();
})();"#;

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
            // ESC, BEL and the other controls, and bidirectional overrides, are never written
            // raw: a page saved or shown as text could otherwise drive a terminal.
            c if crate::diagnostic::is_unsafe_char(c) && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text and shows its Markdown code spans (`` `privileged: true` ``) as `<code>`, as
/// messages, help lines and notes write field names and values; a lone backtick stays as it is.
#[must_use]
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(open) = rest.find('`') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('`').filter(|&c| c > 0) else { break };
        out.push_str(&escape(rest.get(..open).unwrap_or_default()));
        out.push_str("<code>");
        out.push_str(&escape(after.get(..close).unwrap_or_default()));
        out.push_str("</code>");
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(&escape(rest));
    out
}

/// A whole page: `title` (text) as title and first heading, `body` (HTML) under it. Loading
/// anything from elsewhere is forbidden by the page's own policy.
#[must_use]
pub(crate) fn page(lang: Lang, title: &str, body: &str) -> String {
    let mut h = page_head(lang, title);
    let tail = page_tail();
    h.reserve(body.len() + tail.len());
    h.push_str(body);
    h.push_str(&tail);
    h
}

/// What [`page`] writes before the body.
fn page_head(lang: Lang, title: &str) -> String {
    let title = escape(title);
    let mut h = String::with_capacity(STYLE.len() + 512);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\n\
         <header><h1>{title}</h1></header>\n<main>\n",
        lang.code()
    );
    h
}

/// What [`page`] writes after the body.
fn page_tail() -> String {
    format!("</main>\n<script>{SCRIPT}</script>\n</body></html>\n")
}

/// A `<select>` of the filter form: `name`, its label, and (value, text) options after "all".
pub(crate) fn select(h: &mut String, name: &str, label: &str, options: &[(String, String)], lang: Lang) {
    let _ = write!(
        h,
        "<label>{}<select name=\"{name}\"><option value=\"\">{}</option>",
        escape(label),
        escape(&crate::t!(lang, "report-html-all", filter = name))
    );
    for (value, shown) in options {
        let _ = write!(h, "<option value=\"{}\">{}</option>", escape(value), escape(shown));
    }
    h.push_str("</select></label>");
}

/// The filter form (hidden until the script shows it), with the count of shown items.
pub(crate) fn filters(h: &mut String, selects: &str, lang: Lang) {
    let template = crate::t!(lang, "report-html-shown", shown = "{n}", total = "{total}");
    let _ = writeln!(
        h,
        "<form id=\"filters\" class=\"filters\" hidden aria-label=\"{}\">{selects}\
         <output id=\"shown\" aria-live=\"polite\" data-template=\"{}\"></output></form>",
        escape(&text(lang, "report-html-filters")),
        escape(&template)
    );
}

/// Writes the page of a scan result. The findings are written as they are formatted, not
/// gathered into one text first: the page of a large input is several times its size.
pub fn write(
    result: &ScanResult,
    options: ReportOptions,
    extras: &super::HtmlExtras,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let lang = options.lang;
    let mut h = page_head(lang, &text(lang, "report-title"));
    let mut run = crate::t!(lang, "report-run", version = env!("CARGO_PKG_VERSION"));
    if let Some(date) = result.run.date {
        run = crate::t!(lang, "report-run-date", line = run, date = date.to_string());
    }
    if !result.run.paths.is_empty() {
        run = crate::t!(lang, "report-run-paths", line = run, paths = result.run.paths.join(", "));
    }
    let _ = writeln!(h, "<p class=\"meta\">{}</p>", escape(&run));
    let _ = writeln!(h, "<p>{}</p>", escape(&super::text::summary_line(result, lang)));
    let _ =
        writeln!(h, "<a class=\"skip\" href=\"#findings\">{}</a>", escape(&text(lang, "report-html-skip")));
    open_section(&mut h, "summary", &text(lang, "report-html-summary"), None);
    open_table(
        &mut h,
        &text(lang, "report-html-by-severity"),
        &[text(lang, "report-html-severity"), text(lang, "report-html-findings")],
    );
    for sev in Severity::ALL {
        let n = result.summary.by_severity.get(sev.as_str()).copied().unwrap_or(0);
        let name = escape(&super::text::severity_name(sev, lang));
        let _ = write!(h, "<tr><td><span class=\"sev {sev}\">{name}</span></td><td>{n}</td></tr>");
    }
    h.push_str("</tbody></table></section>\n");
    frameworks(&mut h, &extras.frameworks, lang);
    capacity(&mut h, result, lang);
    reachability(&mut h, extras.reachability.as_ref(), lang);
    escalation_paths(&mut h, result, lang);
    if !result.errors.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>\n<ul>", escape(&text(lang, "report-input-errors")));
        for e in &result.errors {
            let _ = writeln!(h, "<li><code>{}</code></li>", escape(&e.to_string_in(lang)));
        }
        h.push_str("</ul>\n");
    }
    let shown: Vec<&Finding> =
        result.findings.iter().filter(|f| options.show_suppressed || f.suppressed.is_none()).collect();
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"findings\"><h2 id=\"findings\">{}</h2>",
        escape(&text(lang, "report-html-findings"))
    );
    if shown.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(&text(lang, "report-html-no-findings")));
    } else {
        filters(&mut h, &finding_selects(&shown, lang), lang);
    }
    let redact = super::redactions_by_file(result);
    let mut lines = super::text::LineMasks::default();
    for (heading, findings) in by_object(&shown, lang) {
        let _ = writeln!(h, "<section data-group><h3>{}</h3>", escape(&heading));
        for f in findings {
            let file = f.location.file_name();
            let spans = file.and_then(|n| redact.get(n)).map_or(&[][..], Vec::as_slice);
            finding(&mut h, f, spans, lang, &mut lines);
        }
        h.push_str("</section>\n");
        if h.len() >= FLUSH_AT {
            out.write_all(h.as_bytes())?;
            h.clear();
        }
    }
    h.push_str("</section>\n");
    h.push_str(&page_tail());
    out.write_all(h.as_bytes())
}

/// How much of the page is gathered before it is written.
const FLUSH_AT: usize = 64 * 1024;

/// Opens a section and its heading (`id` names both), with a note (markup) under the heading.
fn open_section(h: &mut String, id: &str, heading: &str, note: Option<&str>) {
    let _ = writeln!(h, "<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{}</h2>", escape(heading));
    if let Some(note) = note {
        let _ = writeln!(h, "<p>{note}</p>");
    }
}

/// Opens a table with its caption and column headings; the caller writes the rows and
/// `</tbody></table>`.
fn open_table(h: &mut String, caption: &str, columns: &[String]) {
    let _ = write!(h, "<table><caption>{}</caption><thead><tr>", escape(caption));
    for c in columns {
        let _ = write!(h, "<th scope=\"col\">{}</th>", escape(c));
    }
    h.push_str("</tr></thead><tbody>");
}

/// Each framework's score from this scan's findings: counts of each status and the share passed.
fn frameworks(h: &mut String, scores: &[(FrameworkId, Score)], lang: Lang) {
    if scores.is_empty() {
        return;
    }
    let note = inline(&text(lang, "report-html-frameworks-note"));
    open_section(h, "frameworks", &text(lang, "report-html-frameworks"), Some(&note));
    let columns = [
        text(lang, "report-html-framework"),
        text(lang, "report-status-pass"),
        text(lang, "report-status-fail"),
        text(lang, "report-status-not-applicable"),
        text(lang, "report-status-manual"),
        text(lang, "report-html-share-passed"),
    ];
    open_table(h, &text(lang, "report-html-frameworks-caption"), &columns);
    for (framework, s) in scores {
        let share = s.percent.map_or_else(
            || text(lang, "report-framework-no-score"),
            |p| crate::t!(lang, "framework-percent", percent = super::compliance::words::decimal(p, lang)),
        );
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{} <code>{}</code></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(framework.name()),
            escape(framework.as_str()),
            s.pass,
            s.fail,
            s.not_applicable,
            s.manual,
            escape(&share)
        );
    }
    h.push_str("</tbody></table></section>\n");
}

/// The pod capacity of each node group of the clusters in the input, when there are any.
fn capacity(h: &mut String, result: &ScanResult, lang: Lang) {
    if result.summary.capacity.is_empty() {
        return;
    }
    open_section(h, "capacity", &text(lang, "report-html-capacity"), None);
    open_table(
        h,
        &text(lang, "report-html-capacity-caption"),
        &[
            text(lang, "report-html-cluster"),
            text(lang, "report-html-node-group"),
            text(lang, "report-html-file"),
        ],
    );
    for c in &result.summary.capacity {
        let file = c.file.as_deref().map_or_else(String::new, |f| match c.line {
            Some(line) => format!("{f}:{line}"),
            None => f.to_owned(),
        });
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
            escape(&c.describe_cluster().render(lang)),
            escape(&c.describe_msg().render(lang)),
            escape(&file)
        );
    }
    h.push_str("</tbody></table></section>\n");
}

/// The NetworkPolicy reachability matrix, when the scan command computed it.
fn reachability(h: &mut String, r: Option<&super::Reachability>, lang: Lang) {
    let Some(r) = r else { return };
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"reachability\"><h2 id=\"reachability\">{}</h2>",
        escape(&text(lang, "report-html-reachability"))
    );
    match r {
        super::Reachability::TooLarge { endpoints, limit } => {
            let note =
                crate::t!(lang, "report-html-reachability-too-large", endpoints = *endpoints, limit = *limit);
            let _ = write!(h, "<p>{}</p>", inline(&note));
        }
        super::Reachability::Matrix(m) => {
            let _ = write!(h, "<p>{}</p>\n<ol>", inline(&text(lang, "report-html-reachability-note")));
            for e in &m.endpoints {
                let _ = write!(h, "<li>{}</li>", escape(e));
            }
            let _ = write!(
                h,
                "</ol>\n<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
                escape(&text(lang, "report-html-reachability-caption")),
                escape(&text(lang, "netpol-matrix-head"))
            );
            for j in 1..=m.endpoints.len() {
                let _ = write!(h, "<th scope=\"col\">[{j}]</th>");
            }
            h.push_str("</tr></thead><tbody>");
            for (i, row) in m.cells.iter().enumerate() {
                let _ = write!(h, "<tr><th scope=\"row\">[{}]</th>", i + 1);
                for cell in row {
                    let _ = write!(h, "<td><code>{}</code></td>", escape(cell));
                }
                h.push_str("</tr>");
            }
            h.push_str("</tbody></table>");
        }
    }
    h.push_str("</section>\n");
}

/// Most escalation paths the page lists (each is also a finding below).
const MAX_PATHS: usize = 200;

/// The RBAC escalation paths of the active findings: the chain each escalation rule notes
/// (subject → binding → role → rule → what it yields), most severe first.
fn escalation_paths(h: &mut String, result: &ScanResult, lang: Lang) {
    let chains: Vec<(&Finding, String)> = result
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .filter_map(|f| {
            let note = f
                .note_messages()
                .iter()
                .find(|n| n.msg().is_some_and(|m| m.id == "rbac-chain" || m.id == "rbac-chain-principals"))?;
            Some((f, note.render(lang)))
        })
        .collect();
    if chains.is_empty() {
        return;
    }
    open_section(h, "escalation", &text(lang, "report-html-escalation"), None);
    open_table(
        h,
        &text(lang, "report-html-escalation-caption"),
        &[
            text(lang, "report-html-severity"),
            text(lang, "report-html-rule"),
            text(lang, "report-html-escalation-path"),
        ],
    );
    let mut sorted = chains;
    sorted.sort_by_key(|(f, _)| std::cmp::Reverse(f.severity));
    for (f, chain) in sorted.iter().take(MAX_PATHS) {
        let _ = write!(
            h,
            "<tr><td><span class=\"sev {sev}\">{}</span></td><td><code>{}</code></td><td>{}</td></tr>",
            escape(&super::text::severity_name(f.severity, lang)),
            escape(f.rule.name),
            escape(chain),
            sev = f.severity
        );
    }
    h.push_str("</tbody></table>");
    if sorted.len() > MAX_PATHS {
        let more = crate::t!(lang, "report-html-escalation-more", count = sorted.len() - MAX_PATHS);
        let _ = write!(h, "<p>{}</p>", escape(&more));
    }
    h.push_str("</section>\n");
}

/// The selects for findings: the severities, rules and namespaces present.
fn finding_selects(shown: &[&Finding], lang: Lang) -> String {
    let severities: BTreeSet<std::cmp::Reverse<Severity>> =
        shown.iter().map(|f| std::cmp::Reverse(f.severity)).collect();
    let severities: Vec<(String, String)> = severities
        .into_iter()
        .map(|std::cmp::Reverse(s)| (s.as_str().to_string(), super::text::severity_name(s, lang)))
        .collect();
    let rules: BTreeMap<&str, &str> = shown.iter().map(|f| (f.rule.code, f.rule.name)).collect();
    let rules: Vec<(String, String)> =
        rules.into_iter().map(|(code, name)| (code.to_string(), format!("{code} {name}"))).collect();
    let namespaces: BTreeSet<String> = shown.iter().map(|f| namespace(f)).collect();
    let none = text(lang, "report-html-no-namespace");
    let namespaces: Vec<(String, String)> = namespaces
        .into_iter()
        .map(|n| {
            let shown = if n.is_empty() { none.clone() } else { n.clone() };
            (n, shown)
        })
        .collect();
    let mut s = String::new();
    select(&mut s, "severity", &text(lang, "report-html-severity"), &severities, lang);
    select(&mut s, "rule", &text(lang, "report-html-rule"), &rules, lang);
    select(&mut s, "namespace", &text(lang, "report-html-namespace"), &namespaces, lang);
    s
}

/// The namespace a finding's object is in, empty for none (cluster-scoped, no object).
fn namespace(f: &Finding) -> String {
    f.object.as_ref().and_then(|o| o.namespace.as_deref().map(str::to_string)).unwrap_or_default()
}

/// Findings grouped by file and object, in the order of their first finding (the scan's order).
fn by_object<'f>(shown: &[&'f Finding], lang: Lang) -> Vec<(String, Vec<&'f Finding>)> {
    let mut groups: Vec<(String, Vec<&Finding>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let none = text(lang, "report-no-file");
    for f in shown {
        let file = f.location.file_name().unwrap_or(&none);
        let heading = match &f.object {
            Some(o) => format!("{o} — {file}"),
            None => file.to_string(),
        };
        match index.get(&heading).and_then(|i| groups.get_mut(*i)) {
            Some((_, list)) => list.push(f),
            None => {
                index.insert(heading.clone(), groups.len());
                groups.push((heading, vec![f]));
            }
        }
    }
    groups
}

fn finding(
    h: &mut String,
    f: &Finding,
    redact: &[crate::document::Span],
    lang: Lang,
    lines: &mut super::text::LineMasks,
) {
    let class = if f.suppressed.is_some() { "f suppressed" } else { "f" };
    let _ = write!(
        h,
        "<article class=\"{class}\" data-item data-severity=\"{}\" data-rule=\"{}\" data-namespace=\"{}\">\
         <span class=\"sev {}\">{}</span> <b>{}</b> <code>{}</code> — {}",
        f.severity,
        escape(f.rule.code),
        escape(&namespace(f)),
        f.severity,
        escape(&super::text::severity_name(f.severity, lang)),
        escape(f.rule.code),
        escape(f.rule.name),
        inline(&f.message_in(lang))
    );
    let mut meta = Vec::new();
    if let Some(p) = f.location.start() {
        meta.push(escape(&crate::t!(lang, "report-line-column", line = p.line, column = p.column)));
    }
    if let Some(r) = f.location.rendered() {
        meta.push(escape(&super::text::rendered_line(r, lang)));
    }
    if f.path.is_some() {
        meta.push(format!("<code>{}</code>", escape(&f.path_text())));
    }
    if !meta.is_empty() {
        let _ = write!(h, "<div class=\"meta\">{}</div>", meta.join(" · "));
    }
    if let (Some(file), Some(_)) = (&f.location.file, f.location.start()) {
        let (line, n, _) = super::text::excerpt(file, f.location.span, redact, 1, lines);
        let _ = write!(h, "<pre>{n:>5} | {}</pre>", escape(&line));
    }
    if let Some(help) = &f.help_in(lang) {
        let _ = write!(h, "<div>{}</div>", inline(&crate::t!(lang, "report-fix", help = help.as_str())));
    }
    for n in f.notes_in(lang) {
        let _ = write!(h, "<div class=\"meta\">{}</div>", inline(&n));
    }
    if let Some(s) = &f.suppressed {
        let line = super::text::suppressed_line(s, lang);
        let _ = write!(h, "<div class=\"meta\">{}</div>", escape(&line));
    }
    if !f.rule.references.is_empty() {
        let _ = write!(h, "<div class=\"meta\">{}</div>", escape(&f.rule.references.join(", ")));
    }
    h.push_str("</article>\n");
}
