//! Source files and byte spans. Positions are computed on demand from a per-file line index, so
//! documents carry only two `u32`s per node.

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
    line_starts: Vec<u32>,
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
        let mut line_starts = vec![0u32];
        line_starts
            .extend(memchr_newlines(text.as_bytes()).map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)));
        line_starts.shrink_to_fit();
        let ascii = text.is_ascii();
        Self {
            display,
            path: path.map(Path::to_path_buf),
            text,
            line_starts,
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
        let line = self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0) as usize;
        let mut end = offset as usize;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = if self.ascii { end - start } else { self.text[start..end].chars().count() } + 1;
        Position { line: line + 1, column }
    }

    /// The text of a 1-based line, without its line break.
    #[must_use]
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else { return "" };
        let end = self.line_starts.get(line).map_or(self.text.len(), |&e| e as usize);
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where a 1-based line starts.
    #[must_use]
    pub fn line_start(&self, line: usize) -> Option<u32> {
        self.line_starts.get(line.wrapping_sub(1)).copied()
    }

    #[must_use]
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
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
