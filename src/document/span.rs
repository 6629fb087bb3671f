//! Source files and byte spans. Positions are computed on demand from a per-file line index, so
//! documents carry only two `u32`s per node. The index is sparse (see [`LineMark`]): one entry
//! per 32 lines rather than one per line, since every file's index lives for the whole run.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A half-open byte range in one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Self { start: clamp(start), end: clamp(end.max(start)) }
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn join(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    #[must_use]
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A 1-based line and column; the column counts Unicode code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A file (or standard input) that was read, with its text and line index.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or `-` for standard input), used in every report.
    pub display: String,
    /// The path on disk, if any.
    pub path: Option<PathBuf>,
    pub text: String,
    /// Where some lines start (see [`LineMark`]); the first is line 0 at offset 0.
    line_marks: Box<[LineMark]>,
    /// How many lines the text has: one more than it has line breaks.
    lines: u32,
    /// The text is ASCII: a column is then a byte count, not a walk over the line (a one-line
    /// minified file of megabytes has thousands of findings on its one line).
    ascii: bool,
    /// The text is an object read from the Kubernetes API (`display` names the cluster and the
    /// object): it has no lines a person could open, so reports show the field path instead.
    pub from_api: bool,
    /// Where parts of a rendered text come from (Helm `# Source:` comments, kustomize origin
    /// annotations), set once by the loader after parsing (see [`SourceFile::set_rendered`]).
    rendered: std::sync::OnceLock<Vec<Rendered>>,
}

/// The start of a line kept in a file's sparse line index: every 32nd line, and any line that
/// starts more than [`MARK_BYTES`] after the mark before it. The lines between two marks then
/// start within `MARK_BYTES` of the first, so finding one reads at most that many bytes, however
/// long a line is (a minified file of megabytes on one line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct LineMark {
    offset: u32,
    /// 0-based.
    line: u32,
}

/// Lines between two marks at most (see [`LineMark`]).
const MARK_LINES: u32 = 32;
/// Bytes from a mark within which the lines up to the next mark start (see [`LineMark`]).
const MARK_BYTES: u32 = 4096;

/// The tool that rendered a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RenderTool {
    /// `helm template`: each document names its template in a `# Source:` comment.
    Helm,
    /// `kustomize build` with `buildMetadata: [originAnnotations]`: each object names its
    /// origin file in the `config.kubernetes.io/origin` annotation.
    Kustomize,
}

/// The file a part of a rendered text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The part of the rendered text (a document, an object) it covers.
    pub span: Span,
    /// The template or origin file, as reports show it.
    pub source: String,
    pub by: RenderTool,
}

impl SourceFile {
    #[must_use]
    pub fn new(display: impl Into<String>, path: Option<&Path>, text: String) -> Arc<Self> {
        Arc::new(Self::build(display.into(), path, text, false))
    }

    /// An object read from the Kubernetes API, as JSON text, named `cluster CONTEXT: Kind ns/name`.
    #[must_use]
    pub fn from_api(display: impl Into<String>, text: String) -> Arc<Self> {
        Arc::new(Self::build(display.into(), None, text, true))
    }

    fn build(display: String, path: Option<&Path>, text: String, from_api: bool) -> Self {
        let mut marks = vec![LineMark { offset: 0, line: 0 }];
        let mut lines: u32 = 1;
        for newline in memchr_newlines(text.as_bytes()) {
            let offset = u32::try_from(newline + 1).unwrap_or(u32::MAX);
            let line = lines;
            lines = lines.saturating_add(1);
            let last = marks.last().map_or(0, |m| m.offset);
            if line.is_multiple_of(MARK_LINES) || offset - last > MARK_BYTES {
                marks.push(LineMark { offset, line });
            }
        }
        let ascii = text.is_ascii();
        Self {
            display,
            path: path.map(Path::to_path_buf),
            text,
            line_marks: marks.into_boxed_slice(),
            lines,
            ascii,
            from_api,
            rendered: std::sync::OnceLock::new(),
        }
    }

    /// Records where the parts of a rendered text come from; only the first call counts (the
    /// loader makes it once, after parsing the file).
    pub fn set_rendered(&self, mut parts: Vec<Rendered>) {
        parts.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
        let _ = self.rendered.set(parts);
    }

    /// The innermost rendered part holding a byte offset: an object's origin inside a
    /// document's template.
    #[must_use]
    pub fn rendered_at(&self, offset: u32) -> Option<&Rendered> {
        let parts = self.rendered.get()?;
        let before = parts.partition_point(|r| r.span.start <= offset);
        parts
            .get(..before)?
            .iter()
            .rev()
            .find(|r| r.span.start <= offset && offset < r.span.end.max(r.span.start + 1))
    }

    /// Line and column of a byte offset (clamped to the text).
    #[must_use]
    pub fn position(&self, offset: u32) -> Position {
        let offset = offset.min(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        let (line, start) = self.line_of(offset);
        let mut end = offset as usize;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = if self.ascii { end - start } else { self.text[start..end].chars().count() } + 1;
        Position { line: line as usize + 1, column }
    }

    /// The 0-based line holding an offset (at most the text's length), and where it starts.
    fn line_of(&self, offset: u32) -> (u32, usize) {
        let i = self.line_marks.partition_point(|m| m.offset <= offset).saturating_sub(1);
        let mark = self.line_marks.get(i).copied().unwrap_or(LineMark { offset: 0, line: 0 });
        // Every line break before `offset` that starts a line of this mark's run is within
        // MARK_BYTES of it (see `LineMark`).
        let from = mark.offset as usize;
        let to = offset.min(mark.offset.saturating_add(MARK_BYTES)) as usize;
        let window = self.text.as_bytes().get(from..to).unwrap_or_default();
        let (breaks, last) = memchr_newlines(window).fold((0u32, None), |(n, _), i| (n + 1, Some(i)));
        (mark.line.saturating_add(breaks), last.map_or(from, |i| from + i + 1))
    }

    /// The text of a 1-based line, without its line break.
    #[must_use]
    pub fn line_text(&self, line: usize) -> &str {
        let Some(start) = self.line_start(line) else { return "" };
        let rest = self.text.get(start as usize..).unwrap_or_default();
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        rest.get(..end).unwrap_or_default().trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where a 1-based line starts.
    #[must_use]
    pub fn line_start(&self, line: usize) -> Option<u32> {
        let line = u32::try_from(line.checked_sub(1)?).ok().filter(|&l| l < self.lines)?;
        let i = self.line_marks.partition_point(|m| m.line <= line).saturating_sub(1);
        let mark = self.line_marks.get(i)?;
        let Some(skip) = (line - mark.line).checked_sub(1) else { return Some(mark.offset) };
        let rest = self.text.as_bytes().get(mark.offset as usize..)?;
        let newline = memchr_newlines(rest).nth(skip as usize)?;
        Some(u32::try_from(mark.offset as usize + newline + 1).unwrap_or(u32::MAX))
    }

    #[must_use]
    pub fn line_count(&self) -> usize {
        self.lines as usize
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_code_points() {
        let f = SourceFile::new("x", None, "a: 1\nñb: 2\n".to_string());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(5), Position { line: 2, column: 1 });
        // 'b' after the two-byte 'ñ' is the second code point on line 2.
        assert_eq!(f.position(7), Position { line: 2, column: 2 });
        assert_eq!(f.line_text(2), "ñb: 2");
        assert_eq!(f.line_text(9), "");
    }

    /// The sparse index gives what a full list of line starts gives.
    fn check_against_every_line_start(text: &str, stride: usize) {
        let f = SourceFile::new("x", None, text.to_string());
        let starts: Vec<usize> =
            std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        assert_eq!(f.line_count(), starts.len());
        for (i, &s) in starts.iter().enumerate() {
            assert_eq!(f.line_start(i + 1), Some(u32::try_from(s).unwrap()), "line {}", i + 1);
            let end = starts.get(i + 1).map_or(text.len(), |&e| e);
            assert_eq!(f.line_text(i + 1), text[s..end].trim_end_matches(['\n', '\r']));
        }
        assert_eq!(f.line_start(0), None);
        assert_eq!(f.line_start(starts.len() + 1), None);
        // Every `stride`th character, and the last offset.
        let (mut line, mut column) = (1, 1);
        for (k, (offset, c)) in text.char_indices().chain([(text.len(), '\0')]).enumerate() {
            if k % stride == 0 || offset == text.len() {
                let o = u32::try_from(offset).unwrap();
                assert_eq!(f.position(o), Position { line, column }, "offset {offset}");
            }
            if c == '\n' {
                (line, column) = (line + 1, 1);
            } else {
                column += 1;
            }
        }
    }

    #[test]
    fn long_lines_and_many_lines_are_found_exactly() {
        check_against_every_line_start("", 1);
        check_against_every_line_start("\n\n\n", 1);
        check_against_every_line_start(&"a: 1\n".repeat(100), 1);
        // Lines longer than a mark's window, between short ones and at the end.
        let long = "x".repeat(5000);
        check_against_every_line_start(&format!("a\n{long}\nb\nc\n{long}ñ{long}"), 1);
        check_against_every_line_start(&format!("{}\n{long}\n", "k: v\n".repeat(40)), 1);
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #[test]
        fn the_sparse_index_matches_every_line_start(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("\n".to_string()),
                    proptest::strategy::Just("\r\n".to_string()),
                    "[a-zñ€ ]{0,12}",
                    (1usize..3).prop_map(|n| "y".repeat(n * 2100)),
                ],
                0..60,
            )
        ) {
            check_against_every_line_start(&parts.concat(), 7);
        }
    }

    #[test]
    fn the_innermost_rendered_part_wins() {
        let f = SourceFile::new("x", None, "0123456789".to_string());
        assert!(f.rendered_at(3).is_none());
        let part = |start, end, source: &str, by| Rendered {
            span: Span::new(start, end),
            source: source.into(),
            by,
        };
        f.set_rendered(vec![
            part(2, 4, "inner", RenderTool::Kustomize),
            part(0, 8, "outer", RenderTool::Helm),
            part(8, 10, "next", RenderTool::Helm),
        ]);
        let at = |o| f.rendered_at(o).map(|r| r.source.as_str());
        assert_eq!(
            (at(0), at(2), at(3), at(4), at(8), at(10)),
            (Some("outer"), Some("inner"), Some("inner"), Some("outer"), Some("next"), None)
        );
    }
}
