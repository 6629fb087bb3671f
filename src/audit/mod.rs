//! `ladrillo audit-log`: threat detections over Kubernetes and EKS audit logs.
//!
//! Inputs ([`input`]) become records with line numbers; each record is read once with serde into
//! borrowed fields ([`event`]) and unwrapped when it is an envelope (CloudWatch exports and
//! subscription records, Kinesis and Lambda records, `EventList`s, CloudTrail lookups); audit
//! and CloudTrail events go through the selected [`detections`] ([`engine`]), and alerts
//! ([`alert`]) leave at once through a callback, so memory stays flat however long the log.
//! The detections and their engine are rules (`crate::rules::audit`); this layer reads the logs,
//! lends them the scan engine for request bodies, and writes the reports.

pub mod input;
pub mod report;

pub use crate::rules::audit as detections;
pub use crate::rules::audit::{alert, config, engine, event};

use std::io::Read;

use base64::Engine as _;

use crate::i18n::{Lang, Msg};

use alert::{Alert, Loc};
use config::AuditConfig;
use engine::{Engine, Summary};
use event::{Record, Shape};
use input::{Input, ReadError, ReadOptions, Visitor};

pub use detections::{Detection, Level};

/// The scan engine as the pod-security detections' body scanner: the pod rules run on the
/// request body through [`crate::input::Loader`] and [`crate::scan::scan_object`], waivers on
/// the object included.
struct PodRules {
    settings: crate::scan::ScanSettings,
}

impl PodRules {
    fn new() -> Self {
        let selectors: Vec<crate::settings::Selector> = detections::workload::POD_RULES
            .iter()
            .filter_map(|n| crate::rules::find(n))
            .map(crate::settings::Selector::Rule)
            .collect();
        let mut settings = crate::scan::ScanSettings::new(
            crate::settings::Config::default(),
            &selectors,
            &[],
            jiff::Zoned::now().date(),
        );
        // One body at a time, on the reading thread: handing so little work to rayon's pool
        // costs more than the work, and audit-log runs on one core.
        settings.parallel = false;
        Self { settings }
    }
}

impl detections::workload::BodyScanner for PodRules {
    fn findings(&self, body: &str, root: &crate::document::Node) -> Vec<crate::finding::Finding> {
        let mut loader = crate::input::Loader::default();
        loader.sequential();
        // The body as the detections already read it: reading its text again as a file (YAML
        // parser, JSON check) took most of the time spent on request bodies.
        let file = crate::document::SourceFile::new("requestObject.json", None, body.to_string());
        loader.document(file, 0, crate::document::FieldPath::root(), root.clone());
        let inputs = loader.finish();
        if inputs.set.get(0).is_none() {
            return Vec::new();
        }
        crate::scan::scan_object(inputs, 0, &self.settings).findings
    }
}

/// Errors listed per input; beyond that they are only counted.
const LISTED_ERRORS: usize = 100;

/// Largest decompressed CloudWatch subscription payload accepted (AWS sends at most 1 MB
/// compressed); a larger one is refused as a likely decompression bomb.
const MAX_PAYLOAD: u64 = 64 << 20;

/// Envelopes inside envelopes deeper than this are refused.
const MAX_DEPTH: u8 = 6;

/// A problem with an input or one of its records.
#[derive(Clone, Debug, serde::Serialize)]
pub struct InputError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Rendered in English in JSON (as every identifier), in the reader's language in text.
    #[serde(serialize_with = "english")]
    pub message: Msg,
}

fn english<S: serde::Serializer>(m: &Msg, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.render(Lang::En))
}

impl InputError {
    /// `file:line:column: message` in a language.
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        let message = self.message.render(lang);
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}: {message}", self.file),
            (Some(l), None) => format!("{}:{l}: {message}", self.file),
            _ => format!("{}: {message}", self.file),
        }
    }
}

impl std::fmt::Display for InputError {
    /// [`InputError::render`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// How to run.
pub struct Options {
    pub detections: Vec<&'static dyn Detection>,
    pub severity: Vec<(&'static str, crate::finding::Severity)>,
    /// Milliseconds since the epoch.
    pub since: Option<i64>,
    pub until: Option<i64>,
    pub read: ReadOptions,
}

/// What a run found besides its alerts.
#[derive(Debug, Default)]
pub struct Outcome {
    pub summary: Summary,
    pub errors: Vec<InputError>,
    /// Errors beyond those listed.
    pub unlisted_errors: usize,
}

impl Outcome {
    /// 2 on input errors, 1 on alerts at or above `fail_on`, else 0.
    #[must_use]
    pub fn exit_code(&self, any_alert_at_or_above: bool) -> i32 {
        if !self.errors.is_empty() { 2 } else { i32::from(any_alert_at_or_above) }
    }
}

/// Reads every input in order through one engine (windows span inputs: one log may be split
/// over several files); alerts go to `out` as they are raised.
pub fn run(inputs: &[Input], config: &AuditConfig, options: &Options, out: &mut dyn FnMut(Alert)) -> Outcome {
    let scanner = PodRules::new();
    let mut engine = Engine::new(
        config,
        options.detections.clone(),
        options.severity.clone(),
        options.since,
        options.until,
        &scanner,
    );
    let mut outcome = Outcome::default();
    for input in inputs {
        engine.summary.inputs += 1;
        let before = engine.summary.events + engine.summary.cloudtrail_events;
        let mut d = Decoder {
            engine: &mut engine,
            file: input.display().to_string(),
            loc: Loc { file: input.display().to_string(), line: 0, item: None },
            out: &mut *out,
            errors: Vec::new(),
            unlisted: 0,
        };
        let result = input::read(input, options.read, &mut d);
        let (mut errors, unlisted) = (d.errors, d.unlisted);
        if let Err(e) = result {
            errors.push(InputError {
                file: input.display().to_string(),
                line: e.line,
                column: e.column,
                message: e.message,
            });
        }
        let read = engine.summary.events + engine.summary.cloudtrail_events - before;
        if read == 0 && errors.is_empty() {
            errors.push(InputError {
                file: input.display().to_string(),
                line: None,
                column: None,
                message: crate::msg!("audit-no-events"),
            });
        }
        outcome.errors.extend(errors);
        outcome.unlisted_errors += unlisted;
    }
    outcome.summary = engine.summary;
    outcome
}

/// Unwraps records into events for the engine.
struct Decoder<'a, 'c> {
    engine: &'a mut Engine<'c>,
    file: String,
    /// The location of the record being read, reused from record to record (its file name is
    /// not copied per event).
    loc: Loc,
    out: &'a mut dyn FnMut(Alert),
    errors: Vec<InputError>,
    unlisted: usize,
}

impl Visitor for Decoder<'_, '_> {
    fn record(&mut self, bytes: &[u8], line: usize) {
        let mut loc = std::mem::take(&mut self.loc);
        loc.line = line;
        self.bytes(bytes, &loc, 0);
        self.loc = loc;
    }

    fn skipped(&mut self, e: ReadError) {
        self.engine.summary.malformed += 1;
        self.error(e.line, e.column, e.message);
    }
}

impl Decoder<'_, '_> {
    fn error(&mut self, line: Option<usize>, column: Option<usize>, message: Msg) {
        if self.errors.len() < LISTED_ERRORS {
            self.errors.push(InputError { file: self.file.clone(), line, column, message });
        } else {
            self.unlisted += 1;
        }
    }

    fn malformed(&mut self, loc: &Loc, message: Msg) {
        self.engine.summary.malformed += 1;
        let message = match loc.item {
            Some(i) => crate::msg!("audit-record-item", item = i, message = message),
            None => message,
        };
        self.error(Some(loc.line), None, message);
    }

    /// One record's bytes: JSON values, or a base64 CloudWatch subscription record.
    fn bytes(&mut self, bytes: &[u8], loc: &Loc, depth: u8) {
        if depth > MAX_DEPTH {
            self.malformed(loc, crate::msg!("audit-nested-too-deep"));
            return;
        }
        let b = bytes.trim_ascii();
        match b.first() {
            Some(b'{' | b'[') => self.json(b, loc, depth),
            Some(b'"') => match serde_json::from_slice::<String>(b) {
                Ok(s) => self.base64(&s, loc, depth),
                Err(e) => self.malformed(loc, json_error(&e)),
            },
            Some(_) if b.starts_with(b"H4sI") => match std::str::from_utf8(b) {
                Ok(s) => self.base64(s, loc, depth),
                Err(_) => self.malformed(loc, crate::msg!("audit-not-utf8")),
            },
            Some(_) => self.malformed(loc, crate::msg!("audit-not-json-record")),
            None => {}
        }
    }

    /// One or more JSON values (Firehose concatenates records without separators).
    fn json(&mut self, b: &[u8], loc: &Loc, depth: u8) {
        if b.first() == Some(&b'[') {
            match serde_json::from_slice::<Vec<&serde_json::value::RawValue>>(b) {
                Ok(items) => {
                    for (i, raw) in items.iter().enumerate() {
                        self.bytes(raw.get().as_bytes(), &loc.item(i), depth + 1);
                    }
                }
                Err(e) => self.malformed(loc, json_error(&e)),
            }
            return;
        }
        // Text that is valid UTF-8 as a whole (any real log) is checked once here rather than
        // string by string; other bytes keep serde's own check and its error position.
        match std::str::from_utf8(b) {
            Ok(text) => self.records(serde_json::Deserializer::from_str(text), loc, depth),
            Err(_) => self.records(serde_json::Deserializer::from_slice(b), loc, depth),
        }
    }

    /// The records of one line, one after another (Firehose concatenates them). Each is read
    /// in place into an empty record ([`event::Fill`]) rather than returned by
    /// `Record::deserialize` or `serde_json::StreamDeserializer`, which move every record (about
    /// a kilobyte and a half) on its way out.
    fn records<'r, R: serde_json::de::Read<'r>>(
        &mut self,
        mut de: serde_json::Deserializer<R>,
        loc: &Loc,
        depth: u8,
    ) {
        use serde::de::DeserializeSeed as _;
        loop {
            let mut rec = Record::default();
            match event::Fill(&mut rec).deserialize(&mut de) {
                Ok(()) => self.dispatch(&rec, loc, depth),
                Err(e) => {
                    self.malformed(loc, json_error(&e));
                    return;
                }
            }
            // Only whitespace left: the line is done; anything else is the next record.
            if de.end().is_ok() {
                return;
            }
        }
    }

    fn dispatch(&mut self, rec: &Record<'_>, loc: &Loc, depth: u8) {
        match rec.shape() {
            Shape::Audit => self.engine.event(rec, loc, self.out),
            Shape::Trail => self.engine.trail(rec, loc, self.out),
            Shape::Envelope => self.envelope(rec, loc, depth),
            Shape::Other => self.engine.summary.other_records += 1,
        }
    }

    fn envelope(&mut self, rec: &Record<'_>, loc: &Loc, depth: u8) {
        if let Some(msg) = &rec.message {
            // A CloudWatch log event: only the API server's audit stream holds audit events.
            let audit_stream =
                rec.log_stream_name.as_deref().is_none_or(|s| s.starts_with("kube-apiserver-audit"));
            let text = msg.trim_start();
            if !audit_stream || !text.starts_with('{') {
                self.engine.summary.other_log_events += 1;
                return;
            }
            self.bytes(text.as_bytes(), loc, depth + 1);
            return;
        }
        if rec.log_events.is_some() || rec.message_type.is_some() {
            let data = rec.message_type.as_deref().is_none_or(|t| t == "DATA_MESSAGE");
            let audit_stream =
                rec.log_stream.as_deref().is_none_or(|s| s.starts_with("kube-apiserver-audit"));
            let events = rec.log_events.as_deref().unwrap_or_default();
            if !data || !audit_stream {
                self.engine.summary.other_log_events += events.len();
                return;
            }
            for (i, raw) in events.iter().enumerate() {
                self.bytes(raw.get().as_bytes(), &loc.item(i), depth + 1);
            }
            return;
        }
        for list in [&rec.items, &rec.events, &rec.records_upper, &rec.records, &rec.events_upper]
            .into_iter()
            .flatten()
        {
            for (i, raw) in list.iter().enumerate() {
                self.bytes(raw.get().as_bytes(), &loc.item(i), depth + 1);
            }
        }
        let encoded = rec
            .awslogs
            .as_ref()
            .and_then(|d| d.data.as_deref())
            .or(rec.kinesis.as_ref().and_then(|d| d.data.as_deref()))
            .or(rec.data.as_deref())
            .or(rec.data_upper.as_deref());
        if let Some(s) = encoded {
            self.base64(s, loc, depth + 1);
        }
        if let Some(s) = &rec.cloud_trail_event {
            self.bytes(s.as_bytes(), loc, depth + 1);
        }
    }

    /// Base64 of a gzip-compressed CloudWatch subscription payload (or of plain JSON).
    fn base64(&mut self, s: &str, loc: &Loc, depth: u8) {
        let decoded = match base64::engine::general_purpose::STANDARD.decode(s.trim()) {
            Ok(d) => d,
            Err(e) => {
                return self.malformed(loc, crate::msg!("audit-invalid-base64", reason = e.to_string()));
            }
        };
        if !decoded.starts_with(&[0x1f, 0x8b]) {
            return self.bytes(&decoded, loc, depth + 1);
        }
        let mut payload = Vec::new();
        let mut gz = flate2::read::MultiGzDecoder::new(decoded.as_slice()).take(MAX_PAYLOAD + 1);
        if let Err(e) = gz.read_to_end(&mut payload) {
            return self
                .malformed(loc, crate::msg!("audit-cannot-decompress", reason = crate::i18n::io_msg(&e)));
        }
        if payload.len() as u64 > MAX_PAYLOAD {
            return self.malformed(loc, crate::msg!("audit-payload-too-large", mib = MAX_PAYLOAD >> 20));
        }
        self.bytes(&payload, loc, depth + 1);
    }
}

/// serde's message without its position (the reader reports the line), in ladrillo's words
/// where it is one of the parser's syntax errors.
fn json_error(e: &serde_json::Error) -> Msg {
    let s = e.to_string();
    let cut = s.rfind(" at line ").unwrap_or(s.len());
    let detail = s.get(..cut).unwrap_or(&s);
    crate::msg!("audit-malformed-json", detail = crate::i18n::json_syntax(detail), column = e.column())
}

/// Resolves the detections to run: `select` (CLI, else config) among the audit detections,
/// minus `ignore` (config and CLI).
#[must_use]
pub fn select(
    select: &[crate::settings::Selector],
    ignore: &[crate::settings::Selector],
) -> Vec<&'static dyn Detection> {
    detections::ALL
        .iter()
        .copied()
        .filter(|d| {
            let rule = crate::rules::find(d.meta().code);
            let matches = |s: &crate::settings::Selector| rule.is_some_and(|r| s.matches(r));
            (select.is_empty() || select.iter().any(matches)) && !ignore.iter().any(matches)
        })
        .collect()
}
