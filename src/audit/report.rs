//! Alert outputs, written as alerts are raised: text for people, JSON lines for SIEMs (one
//! alert per line), and one JSON document. SARIF does not fit: its results point at source
//! files and regions, and an audit alert is about a request, not a place in a file the user
//! can edit.

use std::io::{self, Write};

use serde::Serialize;

use super::alert::Alert;
use super::{InputError, Outcome};
use crate::finding::Severity;
use crate::i18n::{Lang, text};

/// Output formats of `ladrillo audit-log`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Jsonl,
    Json,
}

/// Writes alerts one by one, then the end of the report.
pub struct Writer<'w> {
    out: &'w mut dyn Write,
    format: Format,
    color: bool,
    /// Flush after every alert (for `--follow`).
    flush: bool,
    count: usize,
    /// The language of the text format (JSON stays English).
    lang: Lang,
}

impl<'w> Writer<'w> {
    pub fn new(out: &'w mut dyn Write, format: Format, color: bool, flush: bool) -> Self {
        Self { out, format, color, flush, count: 0, lang: Lang::En }
    }

    /// The text format in `lang` (English by default).
    #[must_use]
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    pub fn alert(&mut self, a: &Alert) -> io::Result<()> {
        match self.format {
            Format::Text => text_alert(self.out, a, self.color, self.lang)?,
            Format::Jsonl => {
                serde_json::to_writer(&mut *self.out, a)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out.write_all(if self.count == 0 { b"{\"alerts\": [\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut *self.out, a)?;
            }
        }
        self.count += 1;
        if self.flush { self.out.flush() } else { Ok(()) }
    }

    /// Ends the report. Text and JSON carry the summary; JSON lines stay alerts only.
    pub fn finish(&mut self, outcome: &Outcome) -> io::Result<()> {
        match self.format {
            Format::Text => text_summary(self.out, outcome, self.lang)?,
            Format::Jsonl => {}
            Format::Json => {
                #[derive(Serialize)]
                struct Tail<'a> {
                    summary: &'a super::engine::Summary,
                    not_evaluated: Vec<NotEvaluated>,
                    errors: &'a [InputError],
                    unlisted_errors: usize,
                }
                self.out.write_all(if self.count == 0 { b"{\"alerts\": [],\n" } else { b"\n],\n" })?;
                let tail = Tail {
                    summary: &outcome.summary,
                    not_evaluated: not_evaluated(outcome),
                    errors: &outcome.errors,
                    unlisted_errors: outcome.unlisted_errors,
                };
                let body = serde_json::to_string_pretty(&tail)?;
                // Splice the tail's fields into the open document.
                self.out.write_all(body.trim_start_matches('{').as_bytes())?;
                self.out.write_all(b"\n")?;
            }
        }
        self.out.flush()
    }
}

/// A detection that could not evaluate some events, and what it needed.
#[derive(Clone, Debug, Serialize)]
pub struct NotEvaluated {
    pub rule: &'static str,
    pub name: &'static str,
    pub events: usize,
    pub needs: &'static str,
}

#[must_use]
pub fn not_evaluated(outcome: &Outcome) -> Vec<NotEvaluated> {
    outcome
        .summary
        .not_evaluated
        .iter()
        .filter_map(|(code, n)| {
            let d = super::detections::ALL.iter().find(|d| d.meta().code == *code)?;
            Some(NotEvaluated { rule: code, name: d.meta().name, events: *n, needs: d.level().as_str() })
        })
        .collect()
}

/// Control characters (terminal escapes in a user agent or a pod name) shown escaped.
#[must_use]
pub fn clean(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

fn paint(color: bool, severity: Severity, text: &str) -> String {
    if !color {
        return text.to_string();
    }
    let style = match severity {
        Severity::Critical | Severity::High => anstyle::AnsiColor::Red.on_default().bold(),
        Severity::Medium => anstyle::AnsiColor::Yellow.on_default().bold(),
        Severity::Low | Severity::Info => anstyle::AnsiColor::Cyan.on_default().bold(),
    };
    format!("{style}{text}{style:#}")
}

fn text_alert(out: &mut dyn Write, a: &Alert, color: bool, lang: Lang) -> io::Result<()> {
    let label = |id: &str| text(lang, &format!("audit-label-{id}"));
    let severity = text(lang, &format!("severity-{}", a.severity.as_str()));
    let head = paint(color, a.severity, &format!("{severity}[{}]", a.rule));
    writeln!(out, "{head}: {}: {}", a.name, clean(&a.message_in(lang)))?;
    let place = match a.location.item {
        Some(i) => crate::t!(
            lang,
            "audit-item",
            place = format!("{}:{}", a.location.file, a.location.line),
            item = i
        ),
        None => a.location.to_string(),
    };
    writeln!(out, "  --> {}", clean(&place))?;
    let mut when = Vec::new();
    if let Some(t) = &a.time {
        when.push(format!("{}: {}", label("time"), clean(t)));
    }
    if let Some(id) = &a.audit_id {
        when.push(format!("{}: {}", label("audit-id"), clean(id)));
    }
    if !when.is_empty() {
        writeln!(out, "   = {}", when.join("   "))?;
    }
    let mut who = vec![format!("{}: {}", label("user"), clean(&a.user.username))];
    if let Some(arn) = a.user.arn.as_ref().filter(|arn| **arn != a.user.username) {
        who.push(format!("arn: {}", clean(arn)));
    }
    if let Some(c) = a.user.canonical_arn.as_ref().filter(|c| Some(*c) != a.user.arn.as_ref()) {
        who.push(format!("{}: {}", label("role"), clean(c)));
    }
    if let Some(s) = &a.user.session_name {
        who.push(format!("{}: {}", label("session"), clean(s)));
    }
    if let Some(i) = &a.user.impersonated {
        who.push(format!("{}: {}", label("impersonating"), clean(i)));
    }
    writeln!(out, "   = {}", who.join("   "))?;
    let mut from = Vec::new();
    if !a.source_ips.is_empty() {
        from.push(format!("{}: {}", label("source"), clean(&a.source_ips.join(", "))));
    }
    if let Some(ua) = &a.user_agent {
        from.push(format!("{}: {}", label("user-agent"), clean(ua)));
    }
    if !from.is_empty() {
        writeln!(out, "   = {}", from.join("   "))?;
    }
    let mut request = a.verb.clone().unwrap_or_default();
    if let Some(o) = &a.object {
        request.push(' ');
        request.push_str(&target(o, lang));
    } else if let Some(p) = &a.path {
        request.push(' ');
        request.push_str(p);
    }
    if let Some(c) = a.response_code {
        request.push_str(&format!(" → {c}"));
    }
    if let Some(d) = &a.decision {
        request.push_str(&format!(" ({d})"));
    }
    if !request.trim().is_empty() {
        writeln!(out, "   = {}: {}", label("request"), clean(request.trim()))?;
    }
    for n in &a.notes {
        writeln!(out, "   = {}: {}", label("note"), clean(&n.render(lang)))?;
    }
    if let Some(h) = &a.help {
        writeln!(out, "{}: {}", label("help"), clean(h))?;
    }
    writeln!(out)
}

/// The object of a request: `pods/exec shop/web-0`, `secrets in shop` (in the reader's language).
fn target(o: &super::alert::Target, lang: Lang) -> String {
    match (&o.namespace, &o.name) {
        (Some(ns), None) => {
            let mut resource = o.resource.clone();
            if let Some(s) = &o.subresource {
                resource.push('/');
                resource.push_str(s);
            }
            crate::t!(lang, "audit-target-in", resource = resource, ns = ns.as_str())
        }
        _ => o.to_string(),
    }
}

fn text_summary(out: &mut dyn Write, outcome: &Outcome, lang: Lang) -> io::Result<()> {
    let s = &outcome.summary;
    let mut by = Vec::new();
    for sev in Severity::ALL {
        if let Some(n) = s.by_severity.get(sev.as_str()) {
            let severity = text(lang, &format!("severity-{}", sev.as_str()));
            by.push(crate::t!(lang, "summary-severity-count", count = *n, severity = severity));
        }
    }
    let by = if by.is_empty() { String::new() } else { format!(" ({})", by.join(", ")) };
    let mut line = crate::t!(
        lang,
        "audit-summary",
        alerts = s.alerts,
        by = by,
        analysed = s.analysed,
        read = s.events + s.cloudtrail_events,
        inputs = s.inputs
    );
    let mut extra = Vec::new();
    if s.suppressed > 0 {
        extra.push(crate::t!(lang, "audit-summary-suppressed", count = s.suppressed));
    }
    if s.outside_time_range > 0 {
        extra.push(crate::t!(lang, "audit-summary-outside", count = s.outside_time_range));
    }
    if s.malformed > 0 {
        extra.push(crate::t!(lang, "audit-summary-malformed", count = s.malformed));
    }
    if s.other_log_events > 0 {
        extra.push(crate::t!(lang, "audit-summary-other-streams", count = s.other_log_events));
    }
    if !extra.is_empty() {
        line.push_str(&format!("; {}", extra.join(", ")));
    }
    writeln!(out, "{line}")?;
    for n in not_evaluated(outcome) {
        let note = crate::t!(
            lang,
            "audit-not-evaluated",
            rule = n.rule,
            name = n.name,
            count = n.events,
            level = n.needs
        );
        writeln!(out, "{}: {note}", text(lang, "audit-label-note"))?;
    }
    Ok(())
}
