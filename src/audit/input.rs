//! Audit log inputs as a stream of JSON records with their line numbers, in constant memory:
//! gzip is recognised by its magic bytes, `--follow` waits for a file to grow (and reopens it
//! when it is truncated or rotated), and the layout is told from the first line.
//!
//! - **JSON lines** (one event, envelope or base64 subscription record per line): each line is a
//!   record; a broken line is reported with its number and the next line is read as usual.
//! - **A JSON document** (an `EventList`, an `aws logs filter-log-events` export, a top-level
//!   array, pretty-printed or not): the elements of a top-level array and of the arrays under
//!   `items`, `events`, `Records`, `records` and `Events` are records, streamed one by one
//!   however large the document; any other top-level value is one record.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::i18n::{Msg, io_msg};

/// Array keys whose elements are streamed as records.
const STREAM_KEYS: &[&[u8]] = &[b"items", b"events", b"Records", b"records", b"Events"];

/// Bytes looked at to tell the layout.
const PEEK: usize = 1 << 20;

/// Where records come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, shown as `display` (`<stdin>`, or the name given with `--stdin-filename`).
    Stdin {
        display: String,
    },
    File {
        path: PathBuf,
        display: String,
    },
}

impl Input {
    /// Standard input under its default name, `<stdin>`.
    #[must_use]
    pub fn stdin() -> Self {
        Self::Stdin { display: "<stdin>".into() }
    }

    #[must_use]
    pub fn display(&self) -> &str {
        match self {
            Self::Stdin { display } | Self::File { display, .. } => display,
        }
    }
}

/// A problem while reading: with a line (and column) for one record or a structural error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: Msg,
}

/// Receives what the reader finds.
pub trait Visitor {
    /// One record: a JSON value (or a base64 line), and the line it starts on.
    fn record(&mut self, bytes: &[u8], line: usize);
    /// A record that could not be framed (a line too long); reading goes on.
    fn skipped(&mut self, error: ReadError);
}

/// How to read.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions {
    pub follow: bool,
    /// Largest record kept in memory; larger ones are reported and skipped.
    pub max_record: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { follow: false, max_record: 64 << 20 }
    }
}

/// Reads one input to the end (or forever with `follow`). An error ends this input: it could
/// not be opened, decompressed, or its document structure broke.
pub fn read(input: &Input, options: ReadOptions, v: &mut dyn Visitor) -> Result<(), ReadError> {
    let fatal = |message: Msg| ReadError { line: None, column: None, message };
    // A named pipe is opened without waiting for a writer (as `scan` does): one without a writer
    // cannot stop the run.
    let fifo = match input {
        Input::File { path, .. } => std::fs::metadata(path).is_ok_and(|m| crate::source::is_fifo(&m)),
        Input::Stdin { .. } => false,
    };
    let raw: Box<dyn Read> = match input {
        Input::Stdin { .. } => Box::new(io::stdin().lock()),
        Input::File { path, .. } => {
            let file = crate::source::open_for_reading(path, fifo)
                .map_err(|e| fatal(crate::msg!("audit-cannot-open", reason = io_msg(&e))))?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(fatal(crate::msg!("audit-is-a-directory")));
            }
            if options.follow { Box::new(Follow::new(file, path)) } else { Box::new(file) }
        }
    };
    let mut buffered = BufReader::with_capacity(256 << 10, raw);
    let head =
        buffered.fill_buf().map_err(|e| fatal(crate::msg!("audit-cannot-read", reason = io_msg(&e))))?;
    if fifo && head.is_empty() {
        return Err(fatal(Msg::new("input-pipe-without-writer")));
    }
    let reader: Box<dyn Read> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::bufread::MultiGzDecoder::new(buffered))
    } else {
        // The bytes already read, then the input itself: the record buffer reads in large
        // blocks, which would otherwise be copied once more through this one.
        let head = buffered.buffer().to_vec();
        Box::new(io::Cursor::new(head).chain(buffered.into_inner()))
    };
    let mut buf = Buffer::new(reader, options.max_record);
    buf.fill_until_line(PEEK).map_err(|e| fatal(io_message(&e)))?;
    if document_layout(buf.window(), buf.eof) { Scanner::new(buf).document(v) } else { lines(buf, v) }
}

fn io_message(e: &io::Error) -> Msg {
    match e.kind() {
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            crate::msg!("audit-cannot-decompress", reason = io_msg(e))
        }
        _ => crate::msg!("audit-cannot-read", reason = io_msg(e)),
    }
}

/// A JSON document rather than JSON lines: it starts with an array, or its first line opens
/// an object or array without closing it, or the first line is longer than the peek window.
fn document_layout(head: &[u8], eof: bool) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let rest = head.get(start..).unwrap_or_default();
    if rest.first() == Some(&b'[') {
        return true;
    }
    match memchr::memchr(b'\n', rest) {
        Some(i) => matches!(rest.get(..i).unwrap_or_default().trim_ascii_end().last(), Some(b'{' | b'[')),
        None => !eof && rest.len() >= PEEK,
    }
}

/// A growable read buffer; bytes before `start` may be discarded when refilling.
struct Buffer {
    reader: Box<dyn Read>,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    max: usize,
}

impl Buffer {
    fn new(reader: Box<dyn Read>, max: usize) -> Self {
        Self { reader, buf: vec![0; 256 << 10], start: 0, end: 0, eof: false, max }
    }

    fn window(&self) -> &[u8] {
        self.slice(self.start, self.end)
    }

    /// Bytes `from..to` of the buffer (empty if out of range, which `start ≤ end ≤ len` rules out).
    fn slice(&self, from: usize, to: usize) -> &[u8] {
        self.buf.get(from..to).unwrap_or_default()
    }

    /// Moves `[keep..end]` to the front, grows if full, and reads once more. Returns the
    /// number of bytes read (0 at end of input). `keep` becomes 0.
    fn refill(&mut self, keep: usize) -> io::Result<usize> {
        if keep > 0 {
            self.buf.copy_within(keep..self.end, 0);
            self.end -= keep;
            self.start = self.start.saturating_sub(keep);
        }
        if self.end == self.buf.len() {
            let grown = (self.buf.len() * 2).min(self.max.saturating_add(1 << 20)).max(self.buf.len() + 1);
            self.buf.resize(grown, 0);
        }
        loop {
            match self.reader.read(self.buf.get_mut(self.end..).unwrap_or_default()) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(0);
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Reads until the window holds a newline, `limit` bytes, or the end.
    fn fill_until_line(&mut self, limit: usize) -> io::Result<()> {
        while !self.eof && memchr::memchr(b'\n', self.window()).is_none() && self.end - self.start < limit {
            let keep = self.start;
            self.refill(keep)?;
        }
        Ok(())
    }
}

/// JSON lines: every non-blank line is a record.
fn lines(mut b: Buffer, v: &mut dyn Visitor) -> Result<(), ReadError> {
    let mut line = 0usize;
    let mut skipping = false;
    loop {
        if let Some(i) = memchr::memchr(b'\n', b.window()) {
            line += 1;
            let text = b.window().get(..i).unwrap_or_default();
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            if !skipping && !text.trim_ascii().is_empty() {
                v.record(text, line);
            }
            skipping = false;
            b.start += i + 1;
            continue;
        }
        if b.end - b.start > b.max {
            if !skipping {
                v.skipped(ReadError {
                    line: Some(line + 1),
                    column: None,
                    message: crate::msg!("audit-line-too-long", mib = b.max >> 20),
                });
                skipping = true;
            }
            b.start = b.end;
        }
        if b.eof {
            let text = b.window();
            if !skipping && !text.trim_ascii().is_empty() {
                v.record(text, line + 1);
            }
            return Ok(());
        }
        let keep = b.start;
        if let Err(e) = b.refill(keep) {
            return Err(ReadError { line: Some(line + 1), column: None, message: io_message(&e) });
        }
    }
}

/// A structural reader over a JSON document: finds where records begin and end without
/// parsing them.
struct Scanner {
    b: Buffer,
    pos: usize,
    /// Start of the record being framed; bytes from here are kept when refilling.
    mark: Option<usize>,
    /// The record being framed outgrew the limit: its bytes are being discarded.
    oversize: bool,
    line: usize,
    /// Absolute offset of `b.buf[0]` and of the current line's start, for columns.
    base: u64,
    line_start: u64,
}

type Scan<T> = Result<T, ReadError>;

impl Scanner {
    fn new(b: Buffer) -> Self {
        let pos = b.start;
        Self { b, pos, mark: None, oversize: false, line: 1, base: 0, line_start: 0 }
    }

    fn error(&self, message: Msg) -> ReadError {
        let col = (self.base + self.pos as u64).saturating_sub(self.line_start) + 1;
        ReadError { line: Some(self.line), column: usize::try_from(col).ok(), message }
    }

    /// Makes at least one unread byte available; false at the end of input.
    fn more(&mut self) -> Scan<bool> {
        if self.pos < self.b.end {
            return Ok(true);
        }
        if self.b.eof {
            return Ok(false);
        }
        if let Some(m) = self.mark
            && self.pos - m >= self.b.max
        {
            self.oversize = true;
            self.mark = None;
        }
        let keep = self.mark.unwrap_or(self.pos);
        let n = self.b.refill(keep).map_err(|e| self.error(io_message(&e)))?;
        self.base += keep as u64;
        self.pos -= keep;
        if let Some(m) = &mut self.mark {
            *m -= keep;
        }
        if n == 0 {
            return Ok(self.pos < self.b.end);
        }
        Ok(true)
    }

    fn peek(&mut self) -> Scan<Option<u8>> {
        Ok(if self.more()? { self.b.buf.get(self.pos).copied() } else { None })
    }

    fn newline(&mut self) {
        self.line += 1;
        self.line_start = self.base + self.pos as u64 + 1;
    }

    fn skip_ws(&mut self) -> Scan<()> {
        while let Some(c) = self.peek()? {
            match c {
                b'\n' => self.newline(),
                b' ' | b'\t' | b'\r' => {}
                _ => return Ok(()),
            }
            self.pos += 1;
        }
        Ok(())
    }

    fn expect(&mut self, c: u8, what: &'static str) -> Scan<()> {
        if self.peek()? == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(what))
        }
    }

    /// `what` is the id of the awaited token's message (`audit-token-…`).
    fn unexpected(&mut self, what: &'static str) -> ReadError {
        match self.peek() {
            Ok(Some(c)) if c.is_ascii_graphic() => self.error(crate::msg!(
                "audit-expected-found",
                what = Msg::new(what),
                found = (c as char).to_string()
            )),
            Ok(Some(_)) => self.error(crate::msg!("audit-expected", what = Msg::new(what))),
            Ok(None) => self.error(crate::msg!("audit-expected-end", what = Msg::new(what))),
            Err(e) => e,
        }
    }

    /// Skips a string; `pos` is at its opening quote.
    fn skip_string(&mut self) -> Scan<()> {
        self.pos += 1;
        loop {
            if !self.more()? {
                return Err(self.error(crate::msg!("audit-end-in-string")));
            }
            match memchr::memchr2(b'"', b'\\', self.b.slice(self.pos, self.b.end)) {
                Some(i) if self.b.buf.get(self.pos + i) == Some(&b'"') => {
                    self.pos += i + 1;
                    return Ok(());
                }
                Some(i) => {
                    self.pos += i + 1;
                    if !self.more()? {
                        return Err(self.error(crate::msg!("audit-end-in-string")));
                    }
                    self.pos += 1;
                }
                None => self.pos = self.b.end,
            }
        }
    }

    /// A key's raw bytes (escapes left as written; stream keys have none).
    fn key(&mut self) -> Scan<Vec<u8>> {
        if self.peek()? != Some(b'"') {
            return Err(self.unexpected("audit-token-key"));
        }
        let outer = self.mark;
        let start = self.pos;
        let anchor = outer.unwrap_or(start);
        self.mark = Some(anchor);
        let offset = start - anchor;
        self.skip_string()?;
        let key = match self.mark {
            Some(m) => self
                .b
                .buf
                .get(m + offset + 1..self.pos.saturating_sub(1))
                .map(<[u8]>::to_vec)
                .unwrap_or_default(),
            None => Vec::new(),
        };
        if outer.is_none() {
            self.mark = None;
        }
        Ok(key)
    }

    /// Skips any value.
    fn skip_value(&mut self) -> Scan<()> {
        match self.peek()? {
            None => Err(self.unexpected("audit-token-value")),
            Some(b'"') => self.skip_string(),
            Some(b'{' | b'[') => self.skip_container(),
            Some(b'}' | b']' | b',' | b':') => Err(self.unexpected("audit-token-value")),
            Some(_) => {
                while let Some(c) = self.peek()? {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n') {
                        break;
                    }
                    self.pos += 1;
                }
                Ok(())
            }
        }
    }

    fn skip_container(&mut self) -> Scan<()> {
        let mut depth = 0usize;
        loop {
            if !self.more()? {
                return Err(self.error(crate::msg!("audit-end-in-container")));
            }
            let end = self.b.end;
            let mut i = self.pos;
            while i < end
                && let Some(&c) = self.b.buf.get(i)
            {
                match c {
                    b'"' => break,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            self.pos = i + 1;
                            return Ok(());
                        }
                    }
                    b'\n' => {
                        self.line += 1;
                        self.line_start = self.base + i as u64 + 1;
                    }
                    _ => {}
                }
                i += 1;
            }
            self.pos = i;
            if i < end {
                self.skip_string()?;
            }
        }
    }

    /// Frames one value as a record.
    fn record(&mut self, v: &mut dyn Visitor) -> Scan<()> {
        let line = self.line;
        self.mark = Some(self.pos);
        self.oversize = false;
        self.skip_value()?;
        match self.mark.take() {
            Some(m) if !self.oversize => v.record(self.b.slice(m, self.pos), line),
            _ => v.skipped(ReadError {
                line: Some(line),
                column: None,
                message: crate::msg!("audit-record-too-large", mib = self.b.max >> 20),
            }),
        }
        Ok(())
    }

    /// The elements of an array, each a record; `pos` is at `[`.
    fn stream(&mut self, v: &mut dyn Visitor) -> Scan<()> {
        self.pos += 1;
        self.skip_ws()?;
        if self.peek()? == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_ws()?;
            self.record(v)?;
            self.skip_ws()?;
            match self.peek()? {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.unexpected("audit-token-comma-bracket")),
            }
        }
    }

    /// A top-level object: an envelope whose stream arrays are streamed, or one record.
    fn object(&mut self, v: &mut dyn Visitor) -> Scan<()> {
        let line = self.line;
        self.mark = Some(self.pos);
        self.oversize = false;
        self.pos += 1;
        let mut streamed = false;
        self.skip_ws()?;
        if self.peek()? == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                self.skip_ws()?;
                let key = self.key()?;
                self.skip_ws()?;
                self.expect(b':', "audit-token-colon")?;
                self.skip_ws()?;
                if STREAM_KEYS.contains(&key.as_slice()) && self.peek()? == Some(b'[') {
                    self.mark = None;
                    streamed = true;
                    self.stream(v)?;
                } else {
                    self.skip_value()?;
                }
                self.skip_ws()?;
                match self.peek()? {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.unexpected("audit-token-comma-brace")),
                }
            }
        }
        if !streamed {
            match self.mark.take() {
                Some(m) if !self.oversize => v.record(self.b.slice(m, self.pos), line),
                _ => v.skipped(ReadError {
                    line: Some(line),
                    column: None,
                    message: crate::msg!("audit-record-too-large", mib = self.b.max >> 20),
                }),
            }
        }
        self.mark = None;
        Ok(())
    }

    fn document(mut self, v: &mut dyn Visitor) -> Result<(), ReadError> {
        if self.b.window().starts_with(b"\xef\xbb\xbf") {
            self.pos += 3;
        }
        loop {
            self.skip_ws()?;
            match self.peek()? {
                None => return Ok(()),
                Some(b'[') => self.stream(v)?,
                Some(b'{') => self.object(v)?,
                Some(_) => return Err(self.unexpected("audit-token-document")),
            }
        }
    }
}

/// A file that is read forever: at its end, wait for more, and start over when it is
/// truncated or replaced (log rotation).
struct Follow {
    file: File,
    path: PathBuf,
    pos: u64,
    id: Option<(u64, u64)>,
}

impl Follow {
    fn new(file: File, path: &Path) -> Self {
        let id = identity(&file);
        Self { file, path: path.to_path_buf(), pos: 0, id }
    }
}

#[cfg(unix)]
fn identity(file: &File) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    file.metadata().ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_file: &File) -> Option<(u64, u64)> {
    None
}

impl Read for Follow {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.file.read(buf)?;
            if n > 0 {
                self.pos += n as u64;
                return Ok(n);
            }
            if let Ok(meta) = std::fs::metadata(&self.path) {
                let replaced = File::open(&self.path).ok().filter(|f| identity(f) != self.id);
                if let Some(f) = replaced {
                    self.id = identity(&f);
                    self.file = f;
                    self.pos = 0;
                    continue;
                }
                if meta.len() < self.pos {
                    self.file = File::open(&self.path)?;
                    self.pos = 0;
                    continue;
                }
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Collect {
        records: Vec<(String, usize)>,
        skipped: Vec<ReadError>,
    }

    impl Visitor for Collect {
        fn record(&mut self, bytes: &[u8], line: usize) {
            self.records.push((String::from_utf8_lossy(bytes).into_owned(), line));
        }
        fn skipped(&mut self, error: ReadError) {
            self.skipped.push(error);
        }
    }

    fn run(text: &str, max: usize) -> (Collect, Result<(), ReadError>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log");
        std::fs::write(&path, text).unwrap();
        let mut c = Collect::default();
        let input = Input::File { path, display: "log".into() };
        let r = read(&input, ReadOptions { follow: false, max_record: max }, &mut c);
        (c, r)
    }

    #[test]
    fn json_lines_keep_line_numbers_and_skip_blank_lines() {
        let (c, r) = run("{\"a\":1}\n\n{\"b\":\n{\"c\":3}", 1 << 20);
        assert!(r.is_ok());
        assert_eq!(
            c.records,
            [("{\"a\":1}".to_string(), 1), ("{\"b\":".to_string(), 3), ("{\"c\":3}".to_string(), 4)]
        );
    }

    #[test]
    fn documents_stream_envelope_arrays() {
        let text = "{\n  \"kind\": \"EventList\",\n  \"items\": [\n    {\"a\": \"x}\\\"\"},\n    {\"b\": [1, {\"c\": 2}]}\n  ]\n}\n";
        let (c, r) = run(text, 1 << 20);
        assert!(r.is_ok(), "{r:?}");
        assert_eq!(
            c.records,
            [("{\"a\": \"x}\\\"\"}".to_string(), 4), ("{\"b\": [1, {\"c\": 2}]}".to_string(), 5)]
        );
    }

    #[test]
    fn other_documents_are_one_record() {
        let text = "{\n  \"kind\": \"Event\",\n  \"verb\": \"get\"\n}\n{\n\"x\": 1}";
        let (c, _) = run(text, 1 << 20);
        assert_eq!(c.records.len(), 2);
        assert_eq!(c.records[1].1, 5);
    }

    #[test]
    fn broken_documents_name_line_and_column() {
        let (c, r) = run("[\n  {\"a\": 1},\n  {\"b\": 2\n", 1 << 20);
        assert_eq!(c.records.len(), 1);
        let e = r.unwrap_err();
        assert_eq!(e.line, Some(4));
        let message = e.message.render(crate::i18n::Lang::En);
        assert!(message.contains("end of input"), "{message}");
    }

    #[test]
    fn oversized_records_are_skipped_and_reported() {
        let big = format!("[{{\"a\":\"{}\"}},\n{{\"b\":1}}]", "x".repeat(3 << 20));
        let (c, r) = run(&big, 1 << 20);
        assert!(r.is_ok(), "{r:?}");
        assert_eq!(c.records, [("{\"b\":1}".to_string(), 2)]);
        assert_eq!(c.skipped.len(), 1);
        let long = format!("{{\"a\":\"{}\"}}\n{{\"b\":1}}\n", "x".repeat(3 << 20));
        let (c, r) = run(&long, 1 << 20);
        assert!(r.is_ok());
        assert_eq!(c.records, [("{\"b\":1}".to_string(), 2)]);
        assert_eq!(c.skipped[0].line, Some(1));
    }

    #[test]
    fn gzip_is_recognised_by_content() {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(b"{\"a\":1}\n").unwrap();
        let gz = e.finish().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.gz");
        std::fs::write(&path, gz).unwrap();
        let mut c = Collect::default();
        read(&Input::File { path, display: "log.gz".into() }, ReadOptions::default(), &mut c).unwrap();
        assert_eq!(c.records, [("{\"a\":1}".to_string(), 1)]);
    }
}
