//! Diagnostics about inputs, at the bottom of the crate so every layer can report them: input
//! errors with their file, line and column, and "did you mean" suggestions.

use std::sync::Arc;

use serde::Serialize;

use crate::document::{SourceFile, Span};

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

/// Levenshtein distance between two strings, in characters.
#[must_use]
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// The known word closest to a mistyped one, if any is within `max` edits.
#[must_use]
pub fn closest<'a>(word: &str, known: &[&'a str], max: usize) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, _)| *d <= max)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}
