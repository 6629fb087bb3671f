//! YAML (and JSON, a subset of it) to document trees, reading scalars the way Kubernetes does.
//!
//! kubectl converts YAML with `sigs.k8s.io/yaml`, which resolves plain scalars by YAML 1.1 rules:
//! `yes`/`on`/`y` are booleans, `0644` is octal 420, underscores vanish from numbers and `<<` merge
//! keys are expanded. We build the tree from parser events so every node keeps its byte span, and
//! we note what YAML 1.2 would read differently and duplicate keys, so they can be reported.
//! Alias expansion is bounded in bytes and in depth, so an alias bomb can neither exhaust memory
//! nor nest the tree deeper than the code that walks it can follow.

use std::collections::{HashMap, HashSet};

use granit_parser::{Event, Parser, ScalarStyle, ScanError};

use super::key::Key;
use super::node::{Entry, Map, Node, Tag, Value};
use super::span::Span;

/// Upper bound on what alias expansion may add to a stream, in bytes as [`Node::weight`] counts
/// them (a long scalar copied many times counts its text each time), beyond the source's size.
const ALIAS_BUDGET: usize = 64 * 1024 * 1024;
/// Deepest tree a stream may build, counting levels that aliases bring in: the parser bounds
/// the nesting written in the text (255 flow and 255 block levels), not anchors that nest
/// earlier anchors.
pub const MAX_DEPTH: usize = 512;

/// The documents of one YAML stream, plus everything worth telling the user about it.
#[derive(Debug, Default)]
pub struct Stream {
    pub documents: Vec<Document>,
    pub errors: Vec<SyntaxError>,
    pub notes: Vec<Note>,
}

/// One document of a stream; `root` is `Null` for an empty document.
#[derive(Debug)]
pub struct Document {
    /// 0-based position in the stream.
    pub index: usize,
    pub root: Node,
}

/// A document that could not be read; its span marks where.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: crate::i18n::Msg,
}

/// Something legal but worth a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub span: Span,
    pub kind: NoteKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NoteKind {
    /// A key given twice in one mapping; the later value is the one Kubernetes keeps.
    DuplicateKey { key: String, first: Span },
    /// A plain scalar that YAML 1.1 (Kubernetes) and YAML 1.2 read differently.
    Yaml11Scalar { text: String, read_as: String },
}

/// Double-quoted scalars read again with their `\'` escapes taken as go-yaml takes them, at most
/// (each one a parse of the whole text again).
const MAX_QUOTE_ESCAPE_SCALARS: usize = 16;

/// Parses a YAML or JSON stream.
///
/// go-yaml, which Kubernetes reads YAML with, takes `\'` in a double-quoted scalar as an escaped
/// `'`; the YAML specification (and the parser here) has no such escape. A scalar the parser
/// refuses for it is read again with each `\'` written `\a` (as long, so every span stays
/// where it was), and each bell that stands for one is put back as `'` in its value.
#[must_use]
pub fn parse(text: &str) -> Stream {
    let mut copy: Option<String> = None;
    let mut quotes: Vec<(u32, Vec<bool>)> = Vec::new();
    loop {
        let source = copy.as_deref().unwrap_or(text);
        // Past the bound the rest is read as the parser reads it (an error, not a long wait).
        let retry = quotes.len() < MAX_QUOTE_ESCAPE_SCALARS;
        let failed_at = match parse_once(source, &quotes, retry) {
            Ok(stream) | Err((stream, _)) if !retry => return stream,
            Ok(stream) => return stream,
            Err((_, at)) => at,
        };
        let escapes = bell_escapes(text, failed_at);
        let working = copy.get_or_insert_with(|| text.to_string());
        for &quote in escapes.iter().flatten() {
            working.replace_range(quote..=quote, "a");
        }
        quotes.push((
            u32::try_from(failed_at).unwrap_or(u32::MAX),
            escapes.iter().map(Option::is_some).collect(),
        ));
    }
}

/// One parse. `Err` (the stream so far and the offset of the opening quote) when a double-quoted
/// scalar holds a `\'` the parser refuses, so that [`parse`] reads it again.
fn parse_once(text: &str, quotes: &[(u32, Vec<bool>)], retry: bool) -> Result<Stream, (Stream, usize)> {
    let options = granit_parser::options! {};
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut builder = Builder::new(text.len());
    builder.quotes = quotes;
    let mut stream = Stream::default();
    loop {
        match parser.next_event() {
            None => break,
            Some(Ok((event, span))) => {
                if let Err(e) = builder.event(event, span, &mut stream) {
                    stream.errors.push(e);
                    builder.abandon();
                    if !recover(&mut parser, &mut stream) {
                        break;
                    }
                }
            }
            Some(Err(e)) => {
                if retry && matches!(e.kind(), granit_parser::ErrorKind::UnknownQuotedScalarEscape) {
                    let at =
                        e.marker().byte_offset().unwrap_or_else(|| char_to_byte(text, e.marker().index()));
                    if bell_escapes(text, at).iter().any(Option::is_some) {
                        return Err((stream, at));
                    }
                }
                stream.errors.push(scan_error(&e, text));
                builder.abandon();
                if !recover(&mut parser, &mut stream) {
                    break;
                }
            }
        }
    }
    Ok(stream)
}

/// The escapes of the double-quoted scalar whose opening quote is at `at` that the parser reads
/// as a bell, in order: each `\'` as the offset of its `'`, each `\a` as `None`. Empty when no
/// scalar starts there.
fn bell_escapes(text: &str, at: usize) -> Vec<Option<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    if bytes.get(at) != Some(&b'"') {
        return found;
    }
    let mut i = at + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => break,
            b'\\' => {
                match bytes.get(i + 1) {
                    Some(b'\'') => found.push(Some(i + 1)),
                    Some(b'a') => found.push(None),
                    _ => {}
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    found
}

fn recover<'a>(parser: &mut Parser<'a, granit_parser::StrInput<'a>>, stream: &mut Stream) -> bool {
    match parser.proceed_next_document() {
        Ok(more) => more,
        Err(e) => {
            // Only unrecoverable source failures land here; the first error already explains it.
            if stream.errors.is_empty() {
                stream
                    .errors
                    .push(SyntaxError { span: Span::default(), message: super::yaml_syntax::message(&e) });
            }
            false
        }
    }
}

fn scan_error(e: &ScanError, text: &str) -> SyntaxError {
    let offset = e.marker().byte_offset().unwrap_or_else(|| char_to_byte(text, e.marker().index()));
    SyntaxError { span: Span::new(offset, offset), message: super::yaml_syntax::message(e) }
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

enum Frame {
    Seq { span: Span, anchor: usize, tag: Option<Tag>, items: Vec<Node>, height: usize },
    Map(MapFrame),
}

impl Frame {
    fn height(&mut self) -> &mut usize {
        match self {
            Self::Seq { height, .. } | Self::Map(MapFrame { height, .. }) => height,
        }
    }
}

struct MapFrame {
    span: Span,
    anchor: usize,
    tag: Option<Tag>,
    entries: Vec<Entry>,
    /// Key index, built once a mapping is large enough for linear search to hurt.
    index: Option<HashMap<Key, usize>>,
    pending_key: Option<PendingKey>,
    merges: Vec<Node>,
    /// Levels of the deepest value completed inside so far.
    height: usize,
}

struct PendingKey {
    key: Key,
    span: Span,
    merge: bool,
}

struct Builder<'q> {
    /// Double-quoted scalars read with their `\'` written `\a` (see [`parse`]): the opening
    /// quote's offset, and which of the bells in the value stand for `'`.
    quotes: &'q [(u32, Vec<bool>)],
    stack: Vec<Frame>,
    /// Anchored nodes and their height (levels), for aliases.
    anchors: HashMap<usize, (Node, usize)>,
    doc_index: usize,
    in_document: bool,
    root: Option<Node>,
    budget: usize,
}

impl Builder<'_> {
    fn new(source_len: usize) -> Self {
        Self {
            quotes: &[],
            stack: Vec::new(),
            anchors: HashMap::new(),
            doc_index: 0,
            in_document: false,
            root: None,
            budget: ALIAS_BUDGET.saturating_add(source_len),
        }
    }

    /// A double-quoted scalar read with its `\'` written `\a`: each bell that stands for a `\'`
    /// is a `'` again; a bell from `\a` stays.
    fn with_quotes_put_back<'t>(
        &self,
        text: std::borrow::Cow<'t, str>,
        style: ScalarStyle,
        sp: Span,
    ) -> std::borrow::Cow<'t, str> {
        if style != ScalarStyle::DoubleQuoted {
            return text;
        }
        let Some((_, bells)) = self.quotes.iter().find(|(at, _)| *at == sp.start) else { return text };
        let mut bells = bells.iter();
        text.chars()
            .map(|c| if c == '\x07' && bells.next() == Some(&true) { '\'' } else { c })
            .collect::<String>()
            .into()
    }

    fn abandon(&mut self) {
        self.stack.clear();
        self.anchors.clear();
        self.root = None;
        if self.in_document {
            self.doc_index += 1;
            self.in_document = false;
        }
    }

    fn event(
        &mut self,
        event: Event<'_>,
        span: granit_parser::Span,
        out: &mut Stream,
    ) -> Result<(), SyntaxError> {
        let sp = to_span(&span);
        match event {
            Event::DocumentStart(..) => {
                self.in_document = true;
                self.root = None;
                self.anchors.clear();
            }
            Event::DocumentEnd => {
                let root = self.root.take().unwrap_or_else(|| Node::new(sp, Value::Null));
                out.documents.push(Document { index: self.doc_index, root });
                self.doc_index += 1;
                self.in_document = false;
            }
            Event::Scalar(text, style, anchor, tag) => {
                let text = self.with_quotes_put_back(text, style, sp);
                let merge = style == ScalarStyle::Plain && text == "<<" && tag.is_none();
                let node = scalar(&text, style, tag.as_deref(), sp, out)?;
                self.complete_key_aware(node, 1, anchor, merge, out)?;
            }
            Event::SequenceStart(_, anchor, tag) => {
                self.check_depth(1, sp)?;
                self.stack.push(Frame::Seq {
                    span: sp,
                    anchor,
                    tag: custom_tag(tag.as_deref()),
                    items: Vec::new(),
                    height: 0,
                });
            }
            Event::MappingStart(_, anchor, tag) => {
                self.check_depth(1, sp)?;
                self.stack.push(Frame::Map(MapFrame {
                    span: sp,
                    anchor,
                    tag: custom_tag(tag.as_deref()),
                    entries: Vec::new(),
                    index: None,
                    pending_key: None,
                    merges: Vec::new(),
                    height: 0,
                }));
            }
            Event::SequenceEnd => {
                if let Some(Frame::Seq { span, anchor, tag, items, height }) = self.stack.pop() {
                    // Trees are kept for the whole run: no spare capacity (a growing `Vec` holds
                    // room for 4 items after the first push, most sequences hold 1 or 2).
                    let end = items.last().map_or(sp, |n| n.span());
                    let mut node = Node::new(span.join(end), Value::Seq(items.into_boxed_slice()));
                    node.set_tag(tag);
                    self.complete(node, height + 1, anchor, out)?;
                }
            }
            Event::MappingEnd => {
                if let Some(Frame::Map(frame)) = self.stack.pop() {
                    let (anchor, height) = (frame.anchor, frame.height);
                    let node = finish_map(frame, sp)?;
                    self.complete(node, height + 1, anchor, out)?;
                }
            }
            Event::Alias(id) => {
                let (target, height) = self.anchors.get(&id).ok_or_else(|| SyntaxError {
                    span: sp,
                    message: crate::msg!("yaml-alias-unknown-anchor"),
                })?;
                let height = *height;
                self.check_depth(height, sp)?;
                let weight = target.weight();
                if weight > self.budget {
                    return Err(SyntaxError {
                        span: sp,
                        message: crate::msg!("yaml-alias-bomb", mib = ALIAS_BUDGET / (1024 * 1024)),
                    });
                }
                self.budget -= weight;
                let mut node = target.clone();
                // An alias used as a key is at the alias, not at its anchor.
                if matches!(self.stack.last(), Some(Frame::Map(f)) if f.pending_key.is_none()) {
                    node.set_span(sp);
                }
                self.complete(node, height, 0, out)?;
            }
            Event::UnresolvedAlias(name) => {
                return Err(SyntaxError {
                    span: sp,
                    message: crate::msg!("yaml-unknown-anchor-name", name = name.to_string()),
                });
            }
            _ => {}
        }
        Ok(())
    }

    /// A value `height` levels high placed at the current position must stay within
    /// [`MAX_DEPTH`].
    fn check_depth(&self, height: usize, span: Span) -> Result<(), SyntaxError> {
        if self.stack.len() + height > MAX_DEPTH {
            return Err(SyntaxError {
                span,
                message: crate::msg!("yaml-alias-too-deep", levels = MAX_DEPTH),
            });
        }
        Ok(())
    }

    fn complete(
        &mut self,
        node: Node,
        height: usize,
        anchor: usize,
        out: &mut Stream,
    ) -> Result<(), SyntaxError> {
        self.complete_key_aware(node, height, anchor, false, out)
    }

    fn complete_key_aware(
        &mut self,
        node: Node,
        height: usize,
        anchor: usize,
        merge: bool,
        out: &mut Stream,
    ) -> Result<(), SyntaxError> {
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), height));
        }
        if let Some(frame) = self.stack.last_mut() {
            let h = frame.height();
            *h = (*h).max(height);
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map(frame)) => match frame.pending_key.take() {
                None => {
                    let key = key_text(&node)?;
                    frame.pending_key = Some(PendingKey { key, span: node.span(), merge });
                }
                Some(k) if k.merge => frame.merges.push(node),
                Some(k) => insert(frame, k, node, out),
            },
        }
        Ok(())
    }
}

fn insert(frame: &mut MapFrame, key: PendingKey, value: Node, out: &mut Stream) {
    if frame.index.is_none() && frame.entries.len() >= 32 {
        frame.index = Some(frame.entries.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect());
    }
    let existing = match &frame.index {
        Some(ix) => ix.get(&key.key).copied(),
        None => frame.entries.iter().position(|e| e.key == key.key),
    };
    if let Some(entry) = existing.and_then(|i| frame.entries.get_mut(i)) {
        let first = entry.key_span;
        out.notes.push(Note {
            span: key.span,
            kind: NoteKind::DuplicateKey { key: key.key.as_str().to_owned(), first },
        });
        *entry = Entry { key: key.key, key_span: key.span, value };
        return;
    }
    if let Some(ix) = &mut frame.index {
        ix.insert(key.key.clone(), frame.entries.len());
    }
    frame.entries.push(Entry { key: key.key, key_span: key.span, value });
}

fn finish_map(frame: MapFrame, end: Span) -> Result<Node, SyntaxError> {
    let MapFrame { span, tag, mut entries, merges, .. } = frame;
    // Keys already present, hashed: a merge of many keys (or many merges) stays linear.
    let mut present: HashSet<Key> =
        if merges.is_empty() { HashSet::new() } else { entries.iter().map(|e| e.key.clone()).collect() };
    for source in merges {
        let maps: Vec<&Map> = match &source.value {
            Value::Map(m) => vec![m],
            Value::Seq(items) => items
                .iter()
                .map(|n| n.as_map().ok_or(()))
                .collect::<Result<_, _>>()
                .map_err(|()| merge_error(source.span()))?,
            _ => return Err(merge_error(source.span())),
        };
        for m in maps {
            for e in &*m.entries {
                // Keys written in the mapping itself, and earlier merge sources, win.
                if present.insert(e.key.clone()) {
                    entries.push(e.clone());
                }
            }
        }
    }
    let last = entries.iter().map(|e| e.value.span().end).max().unwrap_or(end.end);
    // Kept for the whole run: no spare capacity (most mappings hold 1 to 3 entries, a growing
    // `Vec` keeps room for 4 after the first push).
    let mut node =
        Node::new(Span { start: span.start, end: last.max(span.start) }, Value::Map(Map::from(entries)));
    node.set_tag(tag);
    Ok(node)
}

fn merge_error(span: Span) -> SyntaxError {
    SyntaxError { span, message: crate::msg!("yaml-merge-needs-mapping") }
}

fn key_text(node: &Node) -> Result<Key, SyntaxError> {
    match &node.value {
        Value::Str(s) => Ok(Key::new(s)),
        Value::Null => Ok(Key::new("null")),
        Value::Bool(b) => Ok(Key::new(if *b { "true" } else { "false" })),
        Value::Int(i) => Ok(Key::new(&i.to_string())),
        Value::Float(f) => Ok(Key::new(&format_float(*f))),
        Value::Seq(_) | Value::Map(_) => {
            Err(SyntaxError { span: node.span(), message: crate::msg!("yaml-key-not-scalar") })
        }
    }
}

fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{f:.0}") } else { f.to_string() }
}

fn to_span(span: &granit_parser::Span) -> Span {
    let start = span.start.byte_offset().unwrap_or(0);
    let end = span.end.byte_offset().unwrap_or(start);
    Span::new(start, end)
}

fn custom_tag(tag: Option<&granit_parser::Tag>) -> Option<Tag> {
    let tag = tag?;
    if tag.is_yaml_core_schema() {
        return None;
    }
    let suffix = tag.suffix();
    Some(if tag.handle() == "!" {
        Tag::from_text(suffix)
    } else {
        Tag::from_text(&format!("{}{}", tag.handle(), suffix))
    })
}

fn scalar(
    text: &str,
    style: ScalarStyle,
    tag: Option<&granit_parser::Tag>,
    span: Span,
    out: &mut Stream,
) -> Result<Node, SyntaxError> {
    let core = tag.and_then(granit_parser::Tag::core_suffix);
    let value = match (core, style) {
        (Some("str"), _) => Value::Str(text.into()),
        (Some("null"), _) => Value::Null,
        (Some("bool" | "int" | "float"), _) => {
            let v = resolve_plain(text).0;
            let ok = matches!(
                (core, &v),
                (Some("bool"), Value::Bool(_))
                    | (Some("int"), Value::Int(_))
                    | (Some("float"), Value::Float(_) | Value::Int(_))
            );
            if !ok {
                return Err(SyntaxError {
                    span,
                    message: crate::msg!("yaml-invalid-tagged", text = text, tag = core.unwrap_or("")),
                });
            }
            v
        }
        (_, ScalarStyle::Plain) => {
            let (v, differs) = resolve_plain(text);
            if differs {
                out.notes.push(Note {
                    span,
                    kind: NoteKind::Yaml11Scalar { text: text.to_string(), read_as: describe(&v) },
                });
            }
            v
        }
        _ => Value::Str(text.into()),
    };
    let mut node = Node::new(span, value);
    node.set_tag(custom_tag(tag));
    Ok(node)
}

fn describe(v: &Value) -> String {
    match v {
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Int(i) => format!("the number {i}"),
        Value::Float(f) => format!("the number {}", format_float(*f)),
        Value::Null => "null".into(),
        _ => "a string".into(),
    }
}

/// Resolves a plain scalar by YAML 1.1 rules (go-yaml v2 `resolve`), and says whether YAML 1.2's
/// core schema would read it differently.
#[must_use]
pub fn resolve_plain(s: &str) -> (Value, bool) {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return (Value::Null, false),
        "true" | "True" | "TRUE" => return (Value::Bool(true), false),
        "false" | "False" | "FALSE" => return (Value::Bool(false), false),
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => return (Value::Bool(true), true),
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => return (Value::Bool(false), true),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return (Value::Float(f64::INFINITY), false);
        }
        "-.inf" | "-.Inf" | "-.INF" => return (Value::Float(f64::NEG_INFINITY), false),
        ".nan" | ".NaN" | ".NAN" => return (Value::Float(f64::NAN), false),
        _ => {}
    }
    let first = s.as_bytes().first().copied().unwrap_or_default();
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return (Value::Str(s.into()), false);
    }
    let plain: String = s.chars().filter(|&c| c != '_').collect();
    let had_underscore = plain.len() != s.len();
    if let Some((v, base)) = parse_go_int(&plain) {
        // YAML 1.2 reads `0644` as 644 and `0b1`/`1_000` as strings.
        let differs = had_underscore
            || base == 2
            || (base == 8 && !plain.trim_start_matches(['+', '-']).starts_with("0o"));
        return (Value::Int(v), differs);
    }
    if is_yaml_float(&plain)
        && let Ok(f) = plain.parse::<f64>()
    {
        return (Value::Float(f), had_underscore);
    }
    (Value::Str(s.into()), false)
}

/// Go's `strconv.ParseInt(s, 0, 64)` after underscores were removed: optional sign, `0x`, `0o`,
/// `0b` prefixes and leading-zero octal. Returns the value and the base.
fn parse_go_int(s: &str) -> Option<(i64, u32)> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.get(..2).map(str::to_ascii_lowercase);
    let (digits, base) = match lower.as_deref() {
        Some("0x") => (&body[2..], 16),
        Some("0o") => (&body[2..], 8),
        Some("0b") => (&body[2..], 2),
        _ if body.len() > 1 && body.starts_with('0') => (&body[1..], 8),
        _ => (body, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let magnitude = i128::from_str_radix(digits, base).ok()?;
    let v = if neg { -magnitude } else { magnitude };
    i64::try_from(v).ok().map(|v| (v, base))
}

/// go-yaml v2's float pattern: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_yaml_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Node {
        let s = parse(text);
        assert!(s.errors.is_empty(), "{:?}", s.errors);
        s.documents.into_iter().next().unwrap().root
    }

    /// go-yaml takes `\'` in a double-quoted scalar as `'` (the YAML specification has no such
    /// escape): a manifest kubectl applies is read, with the value and spans it has there.
    #[test]
    fn an_escaped_single_quote_is_read_as_go_yaml_reads_it() {
        let text = "a: \"it\\'s \\a \\'x\\'\"\nb: [\"\\'\", 'c\\d']\nc: plain\\'\n---\nd: \"\\'\"\n";
        let s = parse(text);
        assert!(s.errors.is_empty(), "{:?}", s.errors);
        let a = s.documents[0].root.get("a").unwrap();
        assert_eq!(a.as_str(), Some("it's \u{7} 'x'"));
        assert_eq!(&text[a.span().range()], "\"it\\'s \\a \\'x\\'\"");
        let b = s.documents[0].root.get("b").unwrap();
        let items: Vec<_> = b.items().map(|n| n.as_str().unwrap()).collect();
        assert_eq!(items, ["'", "c\\d"]);
        assert_eq!(s.documents[0].root.get("c").unwrap().as_str(), Some("plain\\'"));
        assert_eq!(s.documents[1].root.get("d").unwrap().as_str(), Some("'"));
        // Other unknown escapes are still errors, where they are.
        let bad = parse("a: \"\\'\"\nb: \"\\q\"\n");
        assert_eq!(bad.errors.len(), 1, "{:?}", bad.errors);
        assert_eq!(bad.errors[0].span.start, 11);
        // Each such scalar is one more parse of the text: past 16 the parser's error stands.
        let many: String = (0..20).map(|i| format!("k{i}: \"\\'\"\n")).collect();
        let s = parse(&many);
        assert_eq!(s.errors.len(), 1, "{:?}", s.errors);
        assert_eq!(s.errors[0].span.start as usize, many.find("k16").unwrap() + 5);
    }

    #[test]
    fn yaml11_scalars_as_kubernetes_reads_them() {
        let n = one(
            "a: yes\nb: off\nc: 0644\nd: 1_000\ne: 0x1F\nf: 08\ng: '0644'\nh: 0o10\ni: y\nj: 1.5\nk: ~\n",
        );
        assert_eq!(n.get("a").unwrap().as_bool(), Some(true));
        assert_eq!(n.get("b").unwrap().as_bool(), Some(false));
        assert_eq!(n.get("c").unwrap().as_i64(), Some(420));
        assert_eq!(n.get("d").unwrap().as_i64(), Some(1000));
        assert_eq!(n.get("e").unwrap().as_i64(), Some(31));
        assert_eq!(n.get("f").unwrap().value, Value::Float(8.0));
        assert_eq!(n.get("g").unwrap().as_str(), Some("0644"));
        assert_eq!(n.get("h").unwrap().as_i64(), Some(8));
        assert_eq!(n.get("i").unwrap().as_bool(), Some(true));
        assert_eq!(n.get("j").unwrap().value, Value::Float(1.5));
        assert!(n.get("k").unwrap().is_null());
    }

    #[test]
    fn notes_yaml11_differences_and_duplicates() {
        let s = parse("a: no\nb: 0644\nc: true\na: 1\n");
        let kinds: Vec<_> = s.notes.iter().map(|n| &n.kind).collect();
        assert_eq!(kinds.len(), 3, "{kinds:?}");
        assert!(matches!(kinds[2], NoteKind::DuplicateKey { key, .. } if key == "a"));
        assert_eq!(s.documents[0].root.get("a").unwrap().as_i64(), Some(1));
    }

    #[test]
    fn merge_keys_expand_and_explicit_keys_win() {
        let n = one("base: &b {a: 1, b: 2}\nm:\n  <<: *b\n  b: 3\n");
        let m = n.get("m").unwrap();
        assert_eq!(m.get("a").unwrap().as_i64(), Some(1));
        assert_eq!(m.get("b").unwrap().as_i64(), Some(3));
        // `y` is a YAML 1.1 boolean, so as a key it becomes "true", as kubectl reads it.
        assert!(one("y: 1\n").get("true").is_some());
        let quoted = one("m:\n  \"<<\": 1\n");
        assert_eq!(quoted.get("m").unwrap().get("<<").unwrap().as_i64(), Some(1));
    }

    #[test]
    fn keys_are_stringified() {
        let n = one("on: 1\n1.0: 2\n");
        assert!(n.get("true").is_some());
        assert!(n.get("1").is_some());
    }

    #[test]
    fn json_is_read() {
        let n = one("{\n\t\"a\": [1, \"x\", true, null],\n\t\"b\": {\"c\": 1.5e3}\n}\n");
        assert_eq!(n.get("a").unwrap().as_seq().unwrap().len(), 4);
        assert_eq!(n.at(&["b", "c"]).unwrap().value, Value::Float(1500.0));
    }

    #[test]
    fn broken_document_does_not_stop_the_next() {
        let s = parse("a: [1, 2\n---\nb: 1\n");
        assert_eq!(s.errors.len(), 1);
        assert!(s.documents.iter().any(|d| d.root.get("b").is_some()));
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let s = parse(&text);
        assert_eq!(s.errors.len(), 1);
        let message = s.errors[0].message.render(crate::i18n::Lang::En);
        assert!(message.contains("alias"), "{message}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let s = parse(&text);
        assert!(!s.errors.is_empty());
        let block: String = (0..2000).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        let s = parse(&block);
        assert!(!s.errors.is_empty());
    }
}
