//! The text report: one rustc-style diagnostic per finding with the offending lines, then a
//! summary line. Colour only when asked (the CLI decides from the terminal and NO_COLOR).

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{InputError, escape_inline};
use crate::document::Span;
use crate::finding::{Finding, Severity};
use crate::i18n::{Lang, text};
use crate::rules::secrets::detect::credential_ranges;
use crate::scan::ScanResult;

use super::ReportOptions;

/// Lines of context shown around a finding at most.
const MAX_LINES: usize = 6;

#[must_use]
pub fn render(result: &ScanResult, options: ReportOptions) -> String {
    let mut out = Vec::new();
    let _ = write(result, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The summary per rule (`--statistics`): how many active findings each rule has, most first,
/// with its code, name and severities, then the summary line. Input errors are listed as usual.
pub fn write_statistics(
    result: &ScanResult,
    options: ReportOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for e in &result.errors {
        writeln!(out, "{}", escape_inline(&e.to_string_in(options.lang)))?;
    }
    let mut by_rule: std::collections::BTreeMap<
        &str,
        (usize, &crate::finding::RuleMeta, Severity, Severity),
    > = std::collections::BTreeMap::new();
    for f in result.active() {
        let e = by_rule.entry(f.rule.code).or_insert((0, f.rule, f.severity, f.severity));
        e.0 += 1;
        e.2 = e.2.min(f.severity);
        e.3 = e.3.max(f.severity);
    }
    let mut rows: Vec<_> = by_rule.into_values().collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.code.cmp(b.1.code)));
    let width = rows.iter().map(|r| r.0.to_string().len()).max().unwrap_or(1);
    let name_width = rows.iter().map(|r| r.1.name.len()).max().unwrap_or(0);
    for (count, rule, low, high) in rows {
        let severity = if low == high {
            severity_name(high, options.lang)
        } else {
            format!("{}–{}", severity_name(low, options.lang), severity_name(high, options.lang))
        };
        writeln!(out, "{count:>width$}  {:<7} {:<name_width$}  {severity}", rule.code, rule.name)?;
    }
    writeln!(out, "{}", summary_line(result, options.lang))
}

/// Streams the text report, one diagnostic at a time.
pub fn write(
    result: &ScanResult,
    options: ReportOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if options.statistics {
        return write_statistics(result, options, out);
    }
    let renderer = if options.color { Renderer::styled() } else { Renderer::plain() };
    // A secret found by one finding is masked in every excerpt of its file.
    let redact = super::redactions_by_file(result);
    // Credentials in a raw line are looked for once per line, however many findings show it.
    let mut lines = LineMasks::default();
    for e in &result.errors {
        let spans = redact.get(e.file.as_str()).map_or(&[][..], Vec::as_slice);
        writeln!(out, "{}\n", render_error(&renderer, e, spans, options.lang, &mut lines))?;
    }
    for f in result.findings.iter().filter(|f| options.show_suppressed || f.suppressed.is_none()) {
        let spans = f.location.file_name().and_then(|n| redact.get(n)).map_or(&[][..], Vec::as_slice);
        writeln!(out, "{}\n", render_finding_with(&renderer, f, spans, options.lang, &mut lines))?;
    }
    for c in &result.summary.capacity {
        let file = c.file.as_deref().map(|f| format!(" ({f})")).unwrap_or_default();
        let line = crate::t!(
            options.lang,
            "report-capacity",
            cluster = c.describe_cluster(),
            file = file,
            capacity = c.describe_msg()
        );
        writeln!(out, "{line}")?;
    }
    for r in &result.summary.input_notes {
        let at = r.line.map_or_else(|| r.file.clone(), |l| format!("{}:{l}", r.file));
        writeln!(
            out,
            "{}",
            crate::t!(options.lang, "report-input-note", at = at, message = r.message.as_str())
        )?;
    }
    writeln!(out, "{}", summary_line(result, options.lang))
}

fn level(sev: Severity, lang: Lang) -> Level<'static> {
    let name = Some(severity_name(sev, lang));
    match sev {
        Severity::Critical | Severity::High => Level::ERROR.with_name(name),
        Severity::Medium => Level::WARNING.with_name(name),
        Severity::Low => Level::NOTE.with_name(name),
        Severity::Info => Level::INFO.with_name(name),
    }
}

/// A severity's name in a language (`alta`); JSON, SARIF and JUnit keep the identifier.
#[must_use]
pub fn severity_name(sev: Severity, lang: Lang) -> String {
    text(lang, &format!("severity-{}", sev.as_str()))
}

/// Renders one finding, masking its own redacted spans.
#[must_use]
pub fn render_finding(renderer: &Renderer, f: &Finding) -> String {
    render_finding_masked(renderer, f, f.redact())
}

/// Renders one finding, masking the given spans of its file in the excerpt.
#[must_use]
pub fn render_finding_masked(renderer: &Renderer, f: &Finding, redact: &[Span]) -> String {
    render_finding_in(renderer, f, redact, Lang::En)
}

/// Renders one finding in a language, masking the given spans of its file in the excerpt.
#[must_use]
pub fn render_finding_in(renderer: &Renderer, f: &Finding, redact: &[Span], lang: Lang) -> String {
    render_finding_with(renderer, f, redact, lang, &mut LineMasks::default())
}

/// [`render_finding_in`] with the credentials of raw lines already found kept in `lines`.
fn render_finding_with(
    renderer: &Renderer,
    f: &Finding,
    redact: &[Span],
    lang: Lang,
    lines: &mut LineMasks,
) -> String {
    let title = format!("{}: {}", f.rule.name, escape_inline(&f.message_in(lang)));
    let mut group = Group::with_title(level(f.severity, lang).primary_title(title.as_str()).id(f.rule.code));
    let label = match &f.missing {
        Some(m) => crate::t!(lang, "report-not-set-here", field = m.to_string()),
        None => f.path_text(),
    };
    let label = escape_inline(&label).into_owned();
    let path = f.location.file.as_ref().map(|file| escape_inline(&file.display).into_owned());
    let excerpt = f
        .location
        .file
        .as_ref()
        .filter(|file| !file.from_api)
        .map(|file| excerpt(file, f.location.span, redact, MAX_LINES, lines));
    if let (Some(path), Some((text, line, range))) = (path.as_ref(), excerpt.as_ref()) {
        group = group.element(
            Snippet::source(text.as_str())
                .line_start(*line)
                .path(path.as_str())
                .annotation(AnnotationKind::Primary.span(range.clone()).label(label.as_str())),
        );
    }
    let mut footer = Vec::new();
    if let Some(o) = &f.object {
        // An object read from the API is named with its cluster (`cluster prod: Pod ns/name`).
        let object = f
            .location
            .file_name()
            .filter(|_| f.location.from_api())
            .map_or_else(|| o.to_string(), str::to_string);
        footer.push(crate::t!(lang, "report-object", object = escape_inline(&object).into_owned()));
        if f.location.start().is_none() && f.path.is_some() {
            footer.push(crate::t!(lang, "report-field", field = escape_inline(&f.path_text()).into_owned()));
        }
    }
    if let Some(r) = f.location.rendered() {
        footer.push(escape_inline(&rendered_line(r, lang)).into_owned());
    }
    footer.extend(f.notes_in(lang).iter().map(|n| escape_inline(n).into_owned()));
    if let Some(s) = &f.suppressed {
        footer.push(suppressed_line(s, lang));
    }
    let note = Level::NOTE.with_name(Some(text(lang, "label-note")));
    let mut groups = vec![footer.iter().fold(group, |g, n| g.element(note.clone().message(n.as_str())))];
    let help_line = f.help_in(lang).map(|h| escape_inline(&h).into_owned());
    if let Some(h) = &help_line {
        let help = Level::HELP.with_name(Some(text(lang, "label-help")));
        groups.push(Group::with_title(help.secondary_title(h.as_str())));
    }
    let rendered = renderer.render(&groups);
    // A long line is shown cut to a window around the span, and the renderer counts the header's
    // column in the window: the header says the file's column, as the other formats do.
    let cut = excerpt.as_ref().zip(f.location.file.as_ref()).zip(f.location.start());
    match (path, cut) {
        (Some(path), Some(((_, file), at))) if file.line_text(at.line).len() > MAX_WIDTH => {
            with_column(rendered, &format!("{path}:{}:", at.line), at.column)
        }
        _ => rendered,
    }
}

/// `rendered` with the number after the header's `prefix` (`file:line:`) replaced by `column`.
fn with_column(rendered: String, prefix: &str, column: usize) -> String {
    // After the header's arrow: the title above it may quote the same text.
    let arrow = rendered.find("-->").unwrap_or(0);
    let Some(at) = rendered[arrow..].find(prefix).map(|i| arrow + i + prefix.len()) else { return rendered };
    let digits = rendered[at..].bytes().take_while(u8::is_ascii_digit).count();
    let mut fixed = rendered;
    fixed.replace_range(at..at + digits, &column.to_string());
    fixed
}

/// Credentials found by [`credential_ranges`] in raw lines, by file and line: each line is read
/// once however many findings show it (a one-line minified `List` has thousands), and whole, so
/// the key of a value far before a window is still seen.
#[derive(Default)]
pub(crate) struct LineMasks(std::collections::HashMap<(usize, usize), Vec<Span>>);

impl LineMasks {
    fn of(&mut self, file: &crate::document::SourceFile, line: usize) -> &[Span] {
        let key = (std::ptr::from_ref(file) as usize, line);
        self.0.entry(key).or_insert_with(|| {
            let ls = file.line_start(line).unwrap_or(0) as usize;
            let previous = (line > 1).then(|| file.line_text(line - 1));
            credential_ranges(previous.as_deref(), &file.line_text(line))
                .into_iter()
                .map(|r| Span::new(ls + r.start, ls + r.end))
                .collect()
        })
    }
}

/// The lines around a span: (text, first line number, span relative to the text). Credentials
/// are masked (the `redact` spans, and what [`credential_ranges`] finds in the raw lines), control
/// and bidirectional characters neutralised, and lines longer than [`MAX_WIDTH`] cut to a window
/// around the span, so a one-line minified file does not repeat itself whole in every finding.
pub(crate) fn excerpt(
    file: &crate::document::SourceFile,
    span: Span,
    redact: &[Span],
    max_lines: usize,
    lines: &mut LineMasks,
) -> (String, usize, std::ops::Range<usize>) {
    let start = file.position(span.start).line;
    let mut end = file.position(span.end);
    // A span that ends in the indentation of a line (block scalars) does not show that line.
    if end.line > start && file.line_text(end.line).chars().take(end.column - 1).all(char::is_whitespace) {
        end.line -= 1;
    }
    let end = end.line.max(start).min(start + max_lines - 1);
    let (s, e) = (span.start as usize, span.end as usize);
    let mut text = String::new();
    let (mut rel_start, mut rel_end) = (None, None);
    for l in start..=end {
        if l > start {
            text.push('\n');
        }
        let full = file.line_text(l);
        let ls = file.line_start(l).unwrap_or(0) as usize;
        let (lo, hi) = window(&full, if l == start { s.saturating_sub(ls) } else { 0 });
        // Only the spans that reach into the window are tested for each of its characters.
        let shown_range = (ls + lo, ls + hi);
        let touches = |r: &&Span| (r.start as usize) < shown_range.1 && (r.end as usize) > shown_range.0;
        let spans: Vec<Span> = redact.iter().chain(lines.of(file, l)).filter(touches).copied().collect();
        if lo > 0 {
            text.push('…');
        }
        let at = text.len();
        let shown = mask(&full[lo..hi], ls + lo, &spans);
        text.push_str(&crate::diagnostic::neutralize_source(&shown));
        let place = |off: usize| at + off.saturating_sub(ls + lo).min(hi - lo);
        if rel_start.is_none() && s <= ls + full.len() {
            rel_start = Some(place(s));
        }
        if rel_end.is_none() && e <= ls + full.len() {
            rel_end = Some(place(e));
        }
        if hi < full.len() {
            text.push('…');
        }
    }
    let rel_start = rel_start.unwrap_or(text.len()).min(text.len());
    let rel_end = rel_end.unwrap_or(text.len()).clamp(rel_start, text.len());
    (text, start, rel_start..rel_end)
}

/// Longest line an excerpt shows whole; a longer one is cut to a window of this many bytes.
const MAX_WIDTH: usize = 240;

/// The byte window `[lo, hi)` of `line` shown: all of it when short, else [`MAX_WIDTH`] bytes
/// starting a little before `at`, on character boundaries.
fn window(line: &str, at: usize) -> (usize, usize) {
    if line.len() <= MAX_WIDTH {
        return (0, line.len());
    }
    let mut lo = at.min(line.len()).saturating_sub(MAX_WIDTH / 3);
    while !line.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (lo + MAX_WIDTH).min(line.len());
    while !line.is_char_boundary(hi) {
        hi += 1;
    }
    (lo, hi)
}

/// Replaces every non-blank character of `text` (which starts at byte `base` of its file) that
/// falls in a redacted span by `*`s of the same byte length, so annotation offsets stay valid and
/// indentation stays readable.
pub(crate) fn mask(text: &str, base: usize, redact: &[Span]) -> String {
    if redact.is_empty() {
        return text.to_string();
    }
    text.char_indices()
        .map(|(i, c)| {
            let at = base + i;
            if !c.is_whitespace() && redact.iter().any(|r| r.range().contains(&at)) {
                "*".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn render_error(
    renderer: &Renderer,
    e: &InputError,
    redact: &[Span],
    lang: Lang,
    lines: &mut LineMasks,
) -> String {
    let message = e.message_in(lang);
    let message = escape_inline(&message);
    let group = Level::ERROR.primary_title(message.as_ref());
    if let Some((file, span)) = &e.source {
        let (text, line, range) = excerpt(file, *span, redact, MAX_LINES, lines);
        // A zero-width span (end of input, a NUL byte) still gets a visible caret.
        let range = match text.get(range.start..).and_then(|t| t.chars().next()) {
            Some(c) if range.is_empty() => range.start..range.start + c.len_utf8(),
            _ => range,
        };
        let path = escape_inline(&file.display);
        let rendered = renderer.render(&[group.element(
            Snippet::source(text.as_str())
                .line_start(line)
                .path(path.as_ref())
                .annotation(AnnotationKind::Primary.span(range)),
        )]);
        let at = file.position(span.start);
        return if file.line_text(at.line).len() > MAX_WIDTH {
            with_column(rendered, &format!("{path}:{}:", at.line), at.column)
        } else {
            rendered
        };
    }
    renderer.render(&[group.element(annotate_snippets::Origin::path(escape_inline(&e.file).as_ref()))])
}

/// `rendered from the Helm template <path>` (or kustomize's origin file) in a language.
#[must_use]
pub fn rendered_line(r: &crate::document::Rendered, lang: Lang) -> String {
    let id = match r.by {
        crate::document::RenderTool::Helm => "report-rendered-helm",
        crate::document::RenderTool::Kustomize => "report-rendered-kustomize",
    };
    crate::t!(lang, id, source = r.source.as_str())
}

/// `suppressed by annotation: <reason>` in a language.
#[must_use]
pub fn suppressed_line(s: &crate::finding::Suppression, lang: Lang) -> String {
    let id = if s.by == "annotation" { "report-suppressed-annotation" } else { "report-suppressed-config" };
    crate::t!(lang, id, reason = s.reason.as_str())
}

/// `found 3 findings (1 critical, 2 high) in 2 objects from 1 file` and friends, in a language.
#[must_use]
pub fn summary_line(result: &ScanResult, lang: Lang) -> String {
    let s = &result.summary;
    let findings = if s.findings == 0 {
        text(lang, "summary-no-findings")
    } else {
        let parts: Vec<String> = Severity::ALL
            .iter()
            .filter_map(|sev| {
                let n = s.by_severity.get(sev.as_str())?;
                let severity = severity_name(*sev, lang);
                Some(crate::t!(lang, "summary-severity-count", count = *n, severity = severity))
            })
            .collect();
        crate::t!(lang, "summary-found", count = s.findings, severities = parts.join(", "))
    };
    let mut line = if let Some(cluster) = &s.cluster {
        crate::t!(
            lang,
            "summary-in-cluster",
            findings = findings,
            objects = s.objects,
            cluster = cluster.as_str()
        )
    } else if s.clusters > 0 {
        crate::t!(
            lang,
            "summary-in-objects-clusters",
            findings = findings,
            objects = s.objects,
            clusters = s.clusters,
            files = s.files
        )
    } else {
        crate::t!(lang, "summary-in-objects", findings = findings, objects = s.objects, files = s.files)
    };
    if !s.not_evaluated.is_empty() {
        line = crate::t!(lang, "summary-not-evaluated", line = line, kinds = s.not_evaluated.join(", "));
    }
    for (id, count) in [
        ("summary-suppressed", s.suppressed),
        ("summary-skipped", s.skipped_documents),
        ("summary-patches", if s.skipped_documents > 0 { s.patches } else { 0 }),
        ("summary-hidden", s.hidden_skipped),
        ("summary-default-excluded", s.default_excluded),
        ("summary-owned", s.owned),
        ("summary-in-baseline", s.in_baseline),
        ("summary-below-min-severity", s.below_min_severity),
        ("summary-errors", s.errors),
        ("summary-elided", s.elided),
    ] {
        if count > 0 {
            line = crate::t!(lang, id, line = line, count = count);
        }
    }
    line
}
