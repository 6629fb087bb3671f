//! Findings: what a rule reports, where, about which object, and whether a waiver covers it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::document::{FieldPath, Position, SourceFile, Span};
use crate::model::ObjectRef;
use crate::rules::RuleMeta;

/// How bad a finding is. Ordered from least to most severe.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
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

    #[must_use]
    pub fn start(&self) -> Option<Position> {
        self.file.as_ref().map(|f| f.position(self.span.start))
    }

    #[must_use]
    pub fn end(&self) -> Option<Position> {
        self.file.as_ref().map(|f| f.position(self.span.end))
    }
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
    pub message: String,
    pub help: Option<String>,
    pub location: Location,
    pub object: Option<ObjectRef>,
    /// The offending field, relative to the object root.
    pub path: Option<FieldPath>,
    /// The tail of `path` that does not exist (the finding is then shown at the nearest parent).
    pub missing: Option<FieldPath>,
    /// Extra lines of explanation (chains, related places).
    pub notes: Vec<String>,
    pub suppressed: Option<Suppression>,
    /// Index of the object in the run's set, for waivers.
    pub object_index: Option<usize>,
    /// Spans of secret values in the source file; reports that show source text mask them.
    pub redact: Vec<Span>,
}

impl Finding {
    /// Sort key: file, position, rule code, message.
    #[must_use]
    pub fn sort_key(&self) -> (Option<&str>, u32, &'static str, &str) {
        (self.location.file_name(), self.location.span.start, self.rule.code, &self.message)
    }

    /// The field path in dotted form, or empty.
    #[must_use]
    pub fn path_text(&self) -> String {
        self.path.as_ref().map(ToString::to_string).unwrap_or_default()
    }
}

/// An input that could not be read or parsed, with its position when known.
#[derive(Clone, Debug, Serialize)]
pub struct InputError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// The file and span, for showing the offending line.
    #[serde(skip)]
    pub source: Option<(Arc<SourceFile>, Span)>,
}

impl InputError {
    #[must_use]
    pub fn at(file: &Arc<SourceFile>, span: Span, message: impl Into<String>) -> Self {
        let p = file.position(span.start);
        Self {
            file: file.display.clone(),
            line: Some(p.line),
            column: Some(p.column),
            message: message.into(),
            source: Some((Arc::clone(file), span)),
        }
    }

    #[must_use]
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self { file: file.into(), line: None, column: None, message: message.into(), source: None }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
