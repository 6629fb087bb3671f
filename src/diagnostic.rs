//! Diagnostics about inputs, at the bottom of the crate so every layer can report them: input
//! errors with their file, line and column, "did you mean" suggestions, and the escaping that
//! keeps input from writing control or bidirectional characters to a terminal.

use std::sync::Arc;

use serde::Serialize;

use crate::document::{SourceFile, Span};
use crate::i18n::{Lang, Msg, Text};

/// An input that could not be read or parsed, with its position when known.
///
/// Like a finding's message, the text is kept twice: in English (`message`, what JSON, SARIF,
/// JUnit and the webhook show) and, where it is translated, as a message rendered in the reader's
/// language by the text, HTML and Markdown reports and the commands' error lines.
#[derive(Clone, Debug, Serialize)]
pub struct InputError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// Boxed: errors travel in `Result`s, which stay small.
    #[serde(skip)]
    pub message_msg: Option<Box<Msg>>,
    /// The file and span, for showing the offending line.
    #[serde(skip)]
    pub source: Option<(Arc<SourceFile>, Span)>,
}

impl InputError {
    #[must_use]
    pub fn at(file: &Arc<SourceFile>, span: Span, message: impl Into<Text>) -> Self {
        let p = file.position(span.start);
        let (message, message_msg) = message.into().into_parts();
        Self {
            file: file.display.clone(),
            line: Some(p.line),
            column: Some(p.column),
            message,
            message_msg: message_msg.map(Box::new),
            source: Some((Arc::clone(file), span)),
        }
    }

    #[must_use]
    pub fn file(file: impl Into<String>, message: impl Into<Text>) -> Self {
        let (message, message_msg) = message.into().into_parts();
        Self {
            file: file.into(),
            line: None,
            column: None,
            message,
            message_msg: message_msg.map(Box::new),
            source: None,
        }
    }

    /// The message in a language (an untranslated one as written).
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> String {
        self.message_msg.as_ref().map_or_else(|| self.message.clone(), |m| m.render(lang))
    }

    /// `file:line:column: message` in a language (`Display` is the English form).
    #[must_use]
    pub fn to_string_in(&self, lang: Lang) -> String {
        let message = self.message_in(lang);
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}: {message}", self.file),
            _ => format!("{}: {message}", self.file),
        }
    }

    /// Rewrites the texts the message quotes where `f` returns a new text, in both forms (masking
    /// a credential that the input carries into an error).
    pub fn map_text(&mut self, f: &impl Fn(&str) -> Option<String>) {
        if let Some(m) = f(&self.message) {
            self.message = m;
        }
        if let Some(m) = &mut self.message_msg {
            m.map_text(f);
        }
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

/// Whether a character must not reach a terminal as it is: C0 and C1 controls (DEL included),
/// which move the cursor, clear the screen, set titles or ring the bell, and the Unicode
/// bidirectional controls, which reorder what is shown (`U+202E`).
#[must_use]
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape_with(text: &str, keep: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe_char(c) && !keep(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) && !keep(c) {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A name, message or path for one line of output: every unsafe character (see
/// [`is_unsafe_char`]), newlines and tabs included, written as `\u001b`, so input cannot move
/// the cursor, reorder the line or start a line of its own.
#[must_use]
pub fn escape_inline(text: &str) -> std::borrow::Cow<'_, str> {
    escape_with(text, |_| false)
}

/// A whole output: unsafe characters but newlines and tabs written as `\u001b` (a valid escape
/// inside JSON strings too, where serde already escapes controls).
#[must_use]
pub fn escape_output(text: &str) -> std::borrow::Cow<'_, str> {
    escape_with(text, |c| c == '\n' || c == '\t')
}

/// Source lines for an excerpt: unsafe characters but tabs replaced by characters of the same
/// byte length (`?`, `¿` or `U+FFFD`), so the byte offsets of annotations stay valid.
#[must_use]
pub fn neutralize_source(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe_char(c) && c != '\t' && c != '\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if !is_unsafe_char(c) || c == '\t' || c == '\n' {
                    return c;
                }
                match c.len_utf8() {
                    1 => '?',
                    2 => '\u{bf}',
                    _ => '\u{fffd}',
                }
            })
            .collect(),
    )
}
