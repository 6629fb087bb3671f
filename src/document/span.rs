//! Source files and byte spans. Positions are computed on demand from a per-file line index, so
//! documents carry only two `u32`s per node. The index is sparse (see [`LineMark`]): one entry
//! per 32 lines rather than one per line, since every file's index lives for the whole run.
//! On a large input the text itself is packed once parsed (see [`super::text`]).

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
    /// Read through [`SourceFile::text`] and the position methods: packed once the file is
    /// parsed, on a large input (see [`SourceFile::pack`]).
    text: super::text::Body,
    /// Where some lines start (see [`LineMark`]); the first is line 0 at offset 0.
    line_marks: Box<[LineMark]>,
    /// How many lines the text has: one more than it has line breaks.
    lines: u32,
    /// The text is ASCII: a column is then a byte count, not a walk over the line (a one-line
    /// minified file of megabytes has thousands of findings on its one line).
    ascii: bool,
    /// Some line is longer than [`LONG_LINE`]: the text is then never packed, since counting a
    /// column in such a line would decompress the line up to it each time.
    long_lines: bool,
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
/// Longest line of a text that can be packed (see [`SourceFile::pack`]): a column is counted
/// from the start of its line.
const LONG_LINE: usize = 16 * 1024;

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
        let (mut line_start, mut longest) = (0, 0);
        for newline in memchr_newlines(text.as_bytes()) {
            longest = longest.max(newline - line_start);
            line_start = newline + 1;
            let offset = u32::try_from(newline + 1).unwrap_or(u32::MAX);
            let line = lines;
            lines = lines.saturating_add(1);
            let last = marks.last().map_or(0, |m| m.offset);
            if line.is_multiple_of(MARK_LINES) || offset - last > MARK_BYTES {
                marks.push(LineMark { offset, line });
            }
        }
        let ascii = text.is_ascii();
        let long_lines = longest.max(text.len() - line_start) > LONG_LINE;
        Self {
            display,
            path: path.map(Path::to_path_buf),
            text: super::text::Body::new(text),
            line_marks: marks.into_boxed_slice(),
            lines,
            ascii,
            long_lines,
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

    /// The text. Borrowed as read; decompressed when packed (see [`SourceFile::pack`]).
    #[must_use]
    pub fn text(&self) -> super::TextRef {
        self.text.text()
    }

    /// The text's length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the text is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.len() == 0
    }

    /// Packs the texts of files (see [`super::text`]), together: for files that are parsed, on
    /// a large input, whose texts are then read only for positions and a few lines. Texts with
    /// a line longer than [`LONG_LINE`] stay as read, and so do all when packing them would
    /// save less than a tenth.
    pub fn pack(files: &[Arc<SourceFile>]) {
        let bodies: Vec<&super::text::Body> =
            files.iter().filter(|f| !f.long_lines).map(|f| &f.text).collect();
        super::text::pack(&bodies);
    }

    /// Whether the text is packed.
    #[must_use]
    pub fn is_packed(&self) -> bool {
        self.text.is_packed()
    }

    /// Line and column of a byte offset (clamped to the text).
    #[must_use]
    pub fn position(&self, offset: u32) -> Position {
        let offset = offset.min(u32::try_from(self.len()).unwrap_or(u32::MAX));
        let mark = self.mark_before(offset);
        // The bytes from the mark to the character after `offset`: the line's start is within
        // MARK_BYTES of the mark, and a column is counted up to `offset`.
        let from = mark.offset as usize;
        self.text.with_bytes(from..offset as usize + 4, |bytes| {
            let (line, start) = line_in(mark, bytes, offset);
            let mut end = offset as usize - from;
            while !is_char_boundary(bytes, end, self.len() - from) {
                end -= 1;
            }
            let line_bytes = bytes.get(start - from..end).unwrap_or_default();
            let column = if self.ascii { line_bytes.len() } else { chars(line_bytes) } + 1;
            Position { line: line as usize + 1, column }
        })
    }

    /// The last mark at or before an offset.
    fn mark_before(&self, offset: u32) -> LineMark {
        let i = self.line_marks.partition_point(|m| m.offset <= offset).saturating_sub(1);
        self.line_marks.get(i).copied().unwrap_or(LineMark { offset: 0, line: 0 })
    }

    /// The text of a 1-based line, without its line break.
    #[must_use]
    pub fn line_text(&self, line: usize) -> super::TextRef {
        let Some(start) = self.line_start(line).map(|s| s as usize) else { return super::TextRef::empty() };
        // The line runs to where the next one starts, or to the end of the text.
        let next = self.line_start(line + 1).map_or(self.len(), |s| s as usize);
        let breaks = self.text.with_bytes(start..next, |line| {
            line.iter().rev().take_while(|b| matches!(b, b'\n' | b'\r')).count()
        });
        self.text.slice(start..next - breaks).unwrap_or_else(super::TextRef::empty)
    }

    /// The text of a byte range, as `str::get` gives it: none when an end is past the text or
    /// inside a character.
    #[must_use]
    pub fn slice(&self, range: std::ops::Range<usize>) -> Option<super::TextRef> {
        self.text.slice(range)
    }

    /// Byte offset where a 1-based line starts.
    #[must_use]
    pub fn line_start(&self, line: usize) -> Option<u32> {
        let line = u32::try_from(line.checked_sub(1)?).ok().filter(|&l| l < self.lines)?;
        let i = self.line_marks.partition_point(|m| m.line <= line).saturating_sub(1);
        let mark = self.line_marks.get(i)?;
        let Some(skip) = (line - mark.line).checked_sub(1) else { return Some(mark.offset) };
        // The lines up to the next mark start within MARK_BYTES of this one (see `LineMark`).
        let from = mark.offset as usize;
        let newline = self
            .text
            .with_bytes(from..from + MARK_BYTES as usize, |w| memchr_newlines(w).nth(skip as usize))?;
        Some(u32::try_from(from + newline + 1).unwrap_or(u32::MAX))
    }

    #[must_use]
    pub fn line_count(&self) -> usize {
        self.lines as usize
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

/// The 0-based line holding `offset` and where it starts, from the bytes that follow `mark`:
/// every line break before `offset` that starts a line of this mark's run is within MARK_BYTES
/// of it (see `LineMark`).
fn line_in(mark: LineMark, bytes: &[u8], offset: u32) -> (u32, usize) {
    let from = mark.offset as usize;
    let to = (offset.min(mark.offset.saturating_add(MARK_BYTES)) - mark.offset) as usize;
    let window = bytes.get(..to).unwrap_or(bytes);
    let (breaks, last) = memchr_newlines(window).fold((0u32, None), |(n, _), i| (n + 1, Some(i)));
    (mark.line.saturating_add(breaks), last.map_or(from, |i| from + i + 1))
}

/// `str::is_char_boundary` on the bytes of a text that are `len` long in all.
fn is_char_boundary(bytes: &[u8], at: usize, len: usize) -> bool {
    at == 0 || at >= len || bytes.get(at).is_none_or(|b| super::text::starts_char(*b))
}

/// Code points in UTF-8 bytes that start and end between characters.
fn chars(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes).map_or_else(
        |_| bytes.iter().filter(|b| super::text::starts_char(**b)).count(),
        |s| s.chars().count(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_code_points() {
        for f in as_read_and_packed("a: 1\nñb: 2\n") {
            assert_eq!(f.position(0), Position { line: 1, column: 1 });
            assert_eq!(f.position(5), Position { line: 2, column: 1 });
            // 'b' after the two-byte 'ñ' is the second code point on line 2.
            assert_eq!(f.position(7), Position { line: 2, column: 2 });
            assert_eq!(f.line_text(2), "ñb: 2");
            assert_eq!(f.line_text(9), "");
            // Inside the 'ñ': none, as `str::get` gives, empty or not.
            assert!(f.slice(6..7).is_none());
            assert!(f.slice(6..6).is_none());
            assert_eq!(f.slice(5..5).as_deref(), Some(""));
            assert_eq!(f.slice(12..12).as_deref(), Some(""));
        }
    }

    #[test]
    fn texts_with_a_long_line_or_that_shrink_little_stay_as_read() {
        let long = SourceFile::new("x", None, format!("a: {}\n", "x".repeat(LONG_LINE + 1)));
        SourceFile::pack(std::slice::from_ref(&long));
        assert!(!long.is_packed());
        // Bytes that repeat nothing: LZ4 cannot shrink them by a tenth.
        let mut state = 1u64;
        let noise: String = (0..4096)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'!' + u8::try_from(state >> 58).unwrap())
            })
            .collect();
        let noisy = SourceFile::new("x", None, noise);
        SourceFile::pack(std::slice::from_ref(&noisy));
        assert!(!noisy.is_packed());
        let plain = SourceFile::new("x", None, "k: v\n".repeat(100));
        SourceFile::pack(std::slice::from_ref(&plain));
        assert!(plain.is_packed());
    }

    /// A text as read, packed alone, and packed between two others so that it starts two bytes
    /// before the end of a block.
    fn as_read_and_packed(text: &str) -> Vec<Arc<SourceFile>> {
        let plain = SourceFile::new("x", None, text.to_string());
        let alone = SourceFile::new("x", None, text.to_string());
        SourceFile::pack(std::slice::from_ref(&alone));
        let before = SourceFile::new("b", None, "k: v\n".repeat(6553) + "k");
        assert_eq!(before.len() + 2, 32 * 1024);
        let between = SourceFile::new("x", None, text.to_string());
        let after = SourceFile::new("a", None, "k: v\n".repeat(100));
        SourceFile::pack(&[before, Arc::clone(&between), after]);
        let long_line = text.split('\n').any(|l| l.len() > LONG_LINE);
        assert_eq!(between.is_packed(), !long_line);
        vec![plain, alone, between]
    }

    /// The sparse index gives what a full list of line starts gives, for a text as read and
    /// packed.
    fn check_against_every_line_start(text: &str, stride: usize) {
        for f in as_read_and_packed(text) {
            check_file_against_every_line_start(&f, text, stride);
        }
    }

    fn check_file_against_every_line_start(f: &SourceFile, text: &str, stride: usize) {
        assert_eq!(*f.text(), *text);
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
                // Slices from here, as `str::get` gives them (inside a character too).
                if k % (stride * 16) == 0 {
                    for end in [offset, offset + 1, offset + 3 * stride, offset + 200, text.len() + 1] {
                        let got = f.slice(offset..end).map(|t| t.to_string());
                        assert_eq!(got.as_deref(), text.get(offset..end), "{offset}..{end}");
                    }
                }
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
