//! Findings: what a rule reports, where, about which object, and whether a waiver covers it;
//! and the metadata of the rules that report them.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::document::{FieldPath, Position, SourceFile, Span};
use crate::model::ObjectRef;

/// How bad a finding is. Ordered from least to most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [Self::Critical, Self::High, Self::Medium, Self::Low, Self::Info];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Critical => "critical",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a source file. Objects without a file (live or admission input) have none.
#[derive(Clone, Debug, Default)]
pub struct Location {
    pub file: Option<Arc<SourceFile>>,
    pub span: Span,
}

impl Location {
    #[must_use]
    pub fn new(file: Option<Arc<SourceFile>>, span: Span) -> Self {
        Self { file, span }
    }

    #[must_use]
    pub fn file_name(&self) -> Option<&str> {
        self.file.as_deref().map(|f| f.display.as_str())
    }

    /// The file that identifies the place for waivers (`file:` globs), fingerprints and
    /// baselines: in a rendered text, the Helm template or kustomize origin file it comes from
    /// (what the user edits, whatever name the rendering was saved under, `-` for stdin);
    /// otherwise the file itself.
    #[must_use]
    pub fn identity_file(&self) -> Option<&str> {
        self.rendered().map(|r| r.source.as_str()).or_else(|| self.file_name())
    }

    /// Whether the place is an object read from the Kubernetes API (no line to show).
    #[must_use]
    pub fn from_api(&self) -> bool {
        self.file.as_ref().is_some_and(|f| f.from_api)
    }

    /// Line and column, for places in a file (none for objects read from the API).
    #[must_use]
    pub fn start(&self) -> Option<Position> {
        self.file.as_ref().filter(|f| !f.from_api).map(|f| f.position(self.span.start))
    }

    #[must_use]
    pub fn end(&self) -> Option<Position> {
        self.file.as_ref().filter(|f| !f.from_api).map(|f| f.position(self.span.end))
    }

    /// The template or origin file this place of a rendered text comes from (a Helm
    /// `# Source:` comment, a kustomize origin annotation).
    #[must_use]
    pub fn rendered(&self) -> Option<&crate::document::Rendered> {
        self.file.as_deref().and_then(|f| f.rendered_at(self.span.start))
    }
}

/// A place a finding involves besides its own location.
#[derive(Clone, Debug)]
pub struct Related {
    pub location: Location,
    pub message: String,
}

/// Why a finding is not counted.
#[derive(Clone, Debug, Serialize)]
pub struct Suppression {
    /// `annotation` or `config`.
    pub by: &'static str,
    pub reason: String,
    pub until: Option<String>,
}

/// One problem found.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    /// The message: English text, or a Fluent message rendered when shown (read through
    /// [`Finding::message`] and [`Finding::message_in`]).
    pub message: Message,
    /// The help line, like the message (read through [`Finding::help`] and
    /// [`Finding::help_in`]).
    pub help: Option<Message>,
    pub location: Location,
    /// The object, shared by the findings of one object (see `rules::Context`).
    pub object: Option<Arc<ObjectRef>>,
    /// The offending field, relative to the object root.
    pub path: Option<FieldPath>,
    /// The tail of `path` that does not exist (the finding is then shown at the nearest parent).
    pub missing: Option<FieldPath>,
    /// Boxed: most findings have none.
    pub suppressed: Option<Box<Suppression>>,
    /// Index of the object in the run's set, for waivers.
    pub object_index: Option<usize>,
    /// Unique within a scan and stable across edits elsewhere (see [`fingerprints`]); none
    /// until the scan assigns it.
    pub fingerprint: Option<Fingerprint>,
    /// Notes, related places, redactions and implied rules: boxed together, since most findings
    /// have none of them (a finding is then about 110 bytes smaller, for hundreds of thousands
    /// of findings on a large input). Read through [`Finding::notes`] and its siblings, written
    /// through [`Finding::extra_mut`].
    pub extra: Option<Box<Extra>>,
}

/// A finding's message. A translated one keeps only its id and arguments: its English text (what
/// JSON, SARIF, JUnit, baselines and fingerprints use) is rendered when needed, since a large
/// input has hundreds of thousands of findings.
#[derive(Clone, Debug)]
pub enum Message {
    /// Not translated: the English text.
    Text(Box<str>),
    /// Translated; text, HTML and Markdown reports render it in the reader's language.
    Msg(crate::i18n::Msg),
    /// Translated, with an English text that rendering would not give back once masked (a
    /// token-shaped word in it, see `scan`): the English text is kept. Rare, so boxed.
    Kept(Box<(Box<str>, crate::i18n::Msg)>),
}

impl Message {
    /// A plain text as is; a translated message without its English text, unless masking could
    /// make the two differ: `masked` says whether the scan's masking changes a text.
    #[must_use]
    pub fn new(text: crate::i18n::Text, masked: &impl Fn(&str) -> bool) -> Self {
        match text {
            crate::i18n::Text::Plain(s) => Self::Text(s.into_boxed_str()),
            crate::i18n::Text::Msg(m) if !m.has_args() => {
                // Rendered once per process (a rule's help line).
                let english = m.english_shared();
                if !masked(&english) { Self::Msg(m) } else { Self::Kept(Box::new((Box::from(&*english), m))) }
            }
            crate::i18n::Text::Msg(m) => {
                // The scan masks the English text as a whole and the arguments one by one: with
                // no token in either, both stay as they are and rendering gives the text back.
                let english = m.render(crate::i18n::Lang::En);
                if !masked(&english) && !m.any_text(masked) {
                    Self::Msg(m)
                } else {
                    Self::Kept(Box::new((english.into_boxed_str(), m)))
                }
            }
        }
    }

    /// The English text.
    #[must_use]
    pub fn english(&self) -> Cow<'_, str> {
        match self {
            Self::Text(s) => Cow::Borrowed(s),
            Self::Msg(m) => Cow::Owned(m.render(crate::i18n::Lang::En)),
            Self::Kept(k) => Cow::Borrowed(&k.0),
        }
    }

    /// The message, when it is translated.
    #[must_use]
    pub fn msg(&self) -> Option<&crate::i18n::Msg> {
        match self {
            Self::Text(_) => None,
            Self::Msg(m) => Some(m),
            Self::Kept(k) => Some(&k.1),
        }
    }

    /// The text in a language (an untranslated one as written).
    #[must_use]
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Self::Text(s) => s.to_string(),
            Self::Msg(m) => m.render(lang),
            Self::Kept(k) => k.1.render(lang),
        }
    }

    /// Rewrites the English text and the arguments where `f` returns a new text (masking).
    pub fn map_text(&mut self, f: &impl Fn(&str) -> Option<String>) {
        match self {
            Self::Text(s) => {
                if let Some(new) = f(s) {
                    *s = new.into_boxed_str();
                }
            }
            Self::Msg(m) => m.map_text(f),
            Self::Kept(k) => {
                if let Some(new) = f(&k.0) {
                    k.0 = new.into_boxed_str();
                }
                k.1.map_text(f);
            }
        }
    }
}

/// The parts of a [`Finding`] that most findings do not have.
#[derive(Clone, Debug, Default)]
pub struct Extra {
    /// Extra lines of explanation (chains, related places), kept as messages are: a translated
    /// note keeps its id and arguments only, and its English text is rendered when shown.
    pub notes: Vec<Message>,
    /// Other places the finding involves, each with what it is (where a Terraform variable's
    /// value is set); SARIF lists them as `relatedLocations`, text as notes.
    pub related: Vec<Related>,
    /// Spans of secret values in the source file; reports that show source text mask them.
    pub redact: Vec<Span>,
    /// Rules whose findings at the same place this one implies and stands for (a privileged
    /// container allows privilege escalation): see `scan::implied`.
    pub implies: Vec<&'static RuleMeta>,
}

impl Extra {
    /// Boxed, or nothing when it holds nothing.
    #[must_use]
    pub fn boxed(self) -> Option<Box<Extra>> {
        let empty = self.notes.is_empty()
            && self.related.is_empty()
            && self.redact.is_empty()
            && self.implies.is_empty();
        (!empty).then(|| Box::new(self))
    }
}

impl Finding {
    /// Extra lines of explanation (chains, related places), in English.
    #[must_use]
    pub fn notes(&self) -> Vec<Cow<'_, str>> {
        self.note_messages().iter().map(Message::english).collect()
    }

    /// The notes as kept (see [`Extra::notes`]).
    #[must_use]
    pub fn note_messages(&self) -> &[Message] {
        self.extra.as_deref().map_or(&[], |e| &e.notes)
    }

    /// Other places the finding involves (see [`Extra::related`]).
    #[must_use]
    pub fn related(&self) -> &[Related] {
        self.extra.as_deref().map_or(&[], |e| &e.related)
    }

    /// Spans of secret values in the source file; reports that show source text mask them.
    #[must_use]
    pub fn redact(&self) -> &[Span] {
        self.extra.as_deref().map_or(&[], |e| &e.redact)
    }

    /// Rules whose findings at the same place this one implies and stands for.
    #[must_use]
    pub fn implies(&self) -> &[&'static RuleMeta] {
        self.extra.as_deref().map_or(&[], |e| &e.implies)
    }

    /// The notes, related places, redactions and implied rules, to add to (boxed on first use).
    pub fn extra_mut(&mut self) -> &mut Extra {
        self.extra.get_or_insert_with(Box::default)
    }

    /// Adds a note (built as messages are: see [`Message::new`]).
    pub fn push_note(&mut self, note: Message) {
        self.extra_mut().notes.push(note);
    }

    /// Sort key but the message, which comes last: file, position, rule code.
    #[must_use]
    pub fn sort_key(&self) -> (Option<&str>, u32, &'static str) {
        (self.location.file_name(), self.location.span.start, self.rule.code)
    }

    /// The message in English: what JSON, SARIF, JUnit, baselines and fingerprints use.
    #[must_use]
    pub fn message(&self) -> Cow<'_, str> {
        self.message.english()
    }

    /// The message as a Fluent message, when it is translated.
    #[must_use]
    pub fn message_msg(&self) -> Option<&crate::i18n::Msg> {
        self.message.msg()
    }

    /// The message in a language.
    #[must_use]
    pub fn message_in(&self, lang: crate::i18n::Lang) -> String {
        self.message.render(lang)
    }

    /// The notes in a language (each untranslated note as written).
    #[must_use]
    pub fn notes_in(&self, lang: crate::i18n::Lang) -> Vec<String> {
        self.note_messages().iter().map(|n| n.render(lang)).collect()
    }

    /// The help line in English (what JSON, SARIF and JUnit show).
    #[must_use]
    pub fn help(&self) -> Option<Cow<'_, str>> {
        self.help.as_ref().map(Message::english)
    }

    /// The help line in a language.
    #[must_use]
    pub fn help_in(&self, lang: crate::i18n::Lang) -> Option<String> {
        self.help.as_ref().map(|h| h.render(lang))
    }

    /// Frees the spare room of its lists (built by pushing one item at a time): a
    /// finding lives for the whole run, and a large input has hundreds of thousands.
    pub fn shrink(&mut self) {
        for path in self.path.iter_mut().chain(self.missing.iter_mut()) {
            path.share();
        }
        if let Some(e) = &mut self.extra {
            e.notes.shrink_to_fit();
            e.related.shrink_to_fit();
            e.redact.shrink_to_fit();
            e.implies.shrink_to_fit();
        }
    }

    /// Whether this finding is, or stands for, a finding of the rule with this code: its own
    /// rule, or one it implies at the same place (see `scan::implied`). Controls and checks
    /// mapped to an implied rule still find it.
    #[must_use]
    pub fn stands_for(&self, code: &str) -> bool {
        self.rule.code == code || self.implies().iter().any(|m| m.code == code)
    }

    /// The field path in dotted form, or empty.
    #[must_use]
    pub fn path_text(&self) -> String {
        self.path.as_ref().map(ToString::to_string).unwrap_or_default()
    }
}

/// What a rule protects; also the folder it lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Pod and container security settings.
    Pod,
    /// Pod Security Standards admission levels (namespace labels, exact evaluation).
    Pss,
    /// RBAC permissions and privilege escalation.
    Rbac,
    /// Hard-coded credentials and secret handling.
    Secrets,
    /// Services, exposure and network segmentation.
    Network,
    /// The EKS cluster: control plane, identity, node groups, add-ons.
    Eks,
    /// Availability and operability.
    Reliability,
    /// Labels, namespaces and hygiene.
    Hygiene,
    /// How the input itself is written (duplicate keys, ambiguous scalars, waivers).
    Input,
    /// Threat detections over Kubernetes audit logs (`ladrillo audit-log`), not run by `scan`.
    Audit,
}

impl Group {
    pub const ALL: [Group; 10] = [
        Self::Pod,
        Self::Pss,
        Self::Rbac,
        Self::Secrets,
        Self::Network,
        Self::Eks,
        Self::Reliability,
        Self::Hygiene,
        Self::Input,
        Self::Audit,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pod => "pod",
            Self::Pss => "pss",
            Self::Rbac => "rbac",
            Self::Eks => "eks",
            Self::Secrets => "secrets",
            Self::Network => "network",
            Self::Reliability => "reliability",
            Self::Hygiene => "hygiene",
            Self::Input => "input",
            Self::Audit => "audit",
        }
    }

    /// The prefix of the codes of its rules (`NET` for `NET001`).
    #[must_use]
    pub fn code_prefix(self) -> &'static str {
        match self {
            Self::Pod => "POD",
            Self::Pss => "PSS",
            Self::Rbac => "RBAC",
            Self::Eks => "EKS",
            Self::Secrets => "SEC",
            Self::Network => "NET",
            Self::Reliability => "REL",
            Self::Hygiene => "HYG",
            Self::Input => "INP",
            Self::Audit => "AUD",
        }
    }

    /// A group by name (`network`), code prefix (`NET`, `net`) or singular name (`secret`), in
    /// any case.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| {
            s.eq_ignore_ascii_case(g.as_str())
                || s.eq_ignore_ascii_case(g.code_prefix())
                || g.as_str().strip_suffix('s').is_some_and(|one| s.eq_ignore_ascii_case(one))
        })
    }
}

/// Everything known about a rule besides its check.
#[derive(Debug, Serialize)]
pub struct RuleMeta {
    /// Stable code, never reused: group prefix + 3 digits.
    pub code: &'static str,
    /// Kebab-case name of the flagged pattern.
    pub name: &'static str,
    pub group: Group,
    pub severity: Severity,
    /// Other severities some of its findings have (the docs say when).
    pub also_severity: &'static [Severity],
    /// Sections of the guide the rule implements (`G4.3`).
    pub guide: &'static [&'static str],
    /// Standards and peer checks, written `scheme:id` (see `docs/rules.md`).
    pub references: &'static [&'static str],
    /// Markdown documentation: first line is the summary, then `## Why is this bad?`,
    /// `## How to fix` and `## Example` sections.
    #[serde(skip)]
    pub docs: &'static str,
    /// Whether the rule runs without being selected.
    pub default_enabled: bool,
}

/// The sections of a rule's documentation (`## Why is this bad?`), with the ids of their
/// headings in `rules.ftl`.
const DOC_SECTIONS: [(&str, &str); 3] = [
    ("Why is this bad?", "rule-docs-why"),
    ("How to fix", "rule-docs-fix"),
    ("Example", "rule-docs-example"),
];

impl RuleMeta {
    /// The first paragraph of the documentation, on one line.
    #[must_use]
    pub fn summary(&self) -> String {
        self.docs
            .lines()
            .map(str::trim)
            .skip_while(|l| l.is_empty())
            .take_while(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The id of the rule's title in the `.ftl` files: `rule-pod001-title`.
    #[must_use]
    pub fn title_id(&self) -> String {
        format!("rule-{}-title", self.code.to_ascii_lowercase())
    }

    /// The one-sentence summary in a language (English: the same as [`RuleMeta::summary`]).
    #[must_use]
    pub fn title(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::text(lang, &self.title_id())
    }

    /// The documentation in a language: the title, then the sections. The sections are written
    /// in English only: in another language their headings are translated and a line first says
    /// that the text under them is in English.
    #[must_use]
    pub fn docs_in(&self, lang: crate::i18n::Lang) -> String {
        let docs = self.docs_text();
        let rest = docs.split_once("\n\n").map_or("", |(_, rest)| rest);
        let title = self.title(lang);
        if rest.is_empty() {
            return title;
        }
        if lang == crate::i18n::Lang::En {
            return format!("{title}\n\n{rest}");
        }
        let body: Vec<String> = rest
            .lines()
            .map(|line| {
                let id = line.strip_prefix("## ").and_then(|heading| {
                    DOC_SECTIONS.iter().find(|(english, _)| *english == heading).map(|(_, id)| *id)
                });
                id.map_or_else(|| line.to_string(), |id| format!("## {}", crate::i18n::text(lang, id)))
            })
            .collect();
        format!("{title}\n\n{}\n\n{}", crate::i18n::text(lang, "rule-docs-in-english"), body.join("\n"))
    }

    /// The severity, with the others some findings have: `high (some findings medium)`.
    #[must_use]
    pub fn severity_text(&self) -> String {
        if self.also_severity.is_empty() {
            return self.severity.to_string();
        }
        let others: Vec<&str> = self.also_severity.iter().map(|s| s.as_str()).collect();
        format!("{} (some findings {})", self.severity, others.join(" or "))
    }

    /// A named section of the documentation (`"Why is this bad?"`), without its heading.
    #[must_use]
    pub fn section(&self, heading: &str) -> Option<String> {
        let marker = format!("## {heading}");
        let docs = self.docs_text();
        let start = docs.find(&marker)? + marker.len();
        let rest = &docs[start..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        Some(rest[..end].trim().to_string())
    }

    /// The documentation with its lines dedented (doc comments start with a space).
    #[must_use]
    pub fn docs_text(&self) -> String {
        self.docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

/// A finding's fingerprint: 64 bits, shown as 16 lowercase hex digits (JSON, SARIF,
/// PolicyReport). Kept as a number: a large input has hundreds of thousands of findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(pub u64);

impl Fingerprint {
    /// Reads the 16 hex digits a report shows (either case); anything else is none.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        if s.len() != 16 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(s, 16).ok().map(Self)
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl std::str::FromStr for Fingerprint {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).ok_or_else(|| format!("not a fingerprint (16 hex digits): {s:?}"))
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A finding's fingerprint from rule, file ([`Location::identity_file`]: the template of a
/// rendered text), object and field — not its line, so it survives edits elsewhere in the file
/// — then `extra` (FNV-1a, 64 bits). Without an object the message is part of it.
#[must_use]
pub fn base_fingerprint(f: &Finding, extra: &[&str]) -> Fingerprint {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(f.rule.code);
    feed(f.location.identity_file().unwrap_or(""));
    if let Some(o) = &f.object {
        feed(&o.api_version);
        feed(&o.kind);
        feed(o.namespace.as_deref().unwrap_or(""));
        feed(&o.name);
    }
    feed(&f.path_text());
    if f.object.is_none() {
        feed(&f.message());
    }
    for e in extra {
        feed(e);
    }
    Fingerprint(h)
}

/// Gives every finding a fingerprint unique in the scan, so a waiver or a code-scanning alert
/// names exactly one finding: the base fingerprint; for findings sharing one (two messages at
/// one field, copies of one object in one file), the message too; then, for what is still
/// shared, the finding's rank among them in position order. Findings must be sorted.
pub fn fingerprints(findings: &mut [Finding]) {
    // Groups are runs of (fingerprint, index) pairs sorted: no map, no list per group, and each
    // run is in position order.
    let mut keyed: Vec<(u64, usize)> = Vec::with_capacity(findings.len());
    for (i, f) in findings.iter_mut().enumerate() {
        let print = base_fingerprint(f, &[]);
        f.fingerprint = Some(print);
        keyed.push((print.0, i));
    }
    keyed.sort_unstable();
    let mut again: Vec<(u64, usize)> = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        for &(_, i) in run {
            if let Some(f) = findings.get_mut(i) {
                let print = base_fingerprint(f, &[&f.message()]);
                f.fingerprint = Some(print);
                again.push((print.0, i));
            }
        }
    }
    drop(keyed);
    again.sort_unstable();
    for run in again.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        for (rank, &(_, i)) in run.iter().enumerate().skip(1) {
            if let Some(f) = findings.get_mut(i) {
                f.fingerprint = Some(base_fingerprint(f, &[&f.message(), &rank.to_string()]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Finding, Fingerprint, Message};

    #[test]
    fn findings_stay_small() {
        // A large input keeps hundreds of thousands of findings until the report is written.
        assert_eq!(std::mem::size_of::<Message>(), 40);
        assert_eq!(std::mem::size_of::<Option<Message>>(), 40);
        assert_eq!(std::mem::size_of::<Finding>(), 216);
    }

    #[test]
    fn fingerprints_show_as_16_lowercase_hex_digits_and_read_back() {
        for n in [0, 1, 0xab, 0x0123_4567_89ab_cdef, u64::MAX] {
            let shown = Fingerprint(n).to_string();
            assert_eq!(shown.len(), 16);
            assert!(shown.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
            assert_eq!(Fingerprint::parse(&shown), Some(Fingerprint(n)));
            assert_eq!(shown.parse::<Fingerprint>(), Ok(Fingerprint(n)));
        }
        assert_eq!(Fingerprint(0xab).to_string(), "00000000000000ab");
        assert_eq!(serde_json::to_string(&Fingerprint(0xab)).unwrap(), "\"00000000000000ab\"");
    }

    #[test]
    fn fingerprints_read_as_written_before_and_refuse_the_rest() {
        assert_eq!(Fingerprint::parse("9f86d081884c7d65"), Some(Fingerprint(0x9f86_d081_884c_7d65)));
        assert_eq!(Fingerprint::parse("9F86D081884C7D65"), Some(Fingerprint(0x9f86_d081_884c_7d65)));
        for bad in [
            "",
            "9f86d081884c7d6",
            "9f86d081884c7d650",
            "+f86d081884c7d65",
            "9f86d081884c7d6g",
            "9f86d081884c7d6é",
        ] {
            assert_eq!(Fingerprint::parse(bad), None, "{bad:?}");
            assert!(bad.parse::<Fingerprint>().is_err());
        }
    }
}
