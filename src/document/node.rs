//! The document tree: a JSON-like value where every node keeps its source span. Rules read this
//! tree (never typed structs, which drop unknown fields), and report field paths that map back
//! to exact positions.
//!
//! Every tree is kept until all files are parsed and the cross-object rules ran (a scan then
//! drops each object's tree once its own rules ran: `ObjectSet::check_dropping_trees`), so they
//! are compact: a node is 32 bytes, a mapping entry 48; keys are shared between the entries that
//! repeat them ([`Key`]), strings of up to 24 bytes are stored inline ([`CompactString`]), and
//! sequences and mappings are boxed slices holding no spare room.

use std::fmt;
use std::sync::Arc;

pub use compact_str::CompactString;

use super::key::Key;
use super::span::Span;

/// What one node costs in an expansion budget besides its text (see [`Node::weight`]).
pub const NODE_WEIGHT: usize = 64;

/// One node of a parsed document: its value, its span ([`Node::span`]) and a non-core tag such
/// as CloudFormation's `!Ref` ([`Node::tag`]).
///
/// 32 bytes, where a span, a value and a tag side by side take 40: the tag is kept in the top
/// three bits of the span's end. A document is at most [`MAX_SPAN_END`] bytes long (files are
/// capped far below it); a span past it is clamped.
#[derive(Clone, PartialEq)]
pub struct Node {
    start: u32,
    end_and_tag: u32,
    pub value: Value,
}

/// Bits of [`Node`]'s `end_and_tag` below the tag.
const TAG_SHIFT: u32 = 29;

/// The largest span end a [`Node`] keeps (512 MiB less one byte).
pub const MAX_SPAN_END: u32 = (1 << TAG_SHIFT) - 1;

impl fmt::Debug for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Node")
            .field("span", &self.span())
            .field("value", &self.value)
            .field("tag", &self.tag())
            .finish()
    }
}

/// A non-core tag, told apart as far as any reader of the tree tells tags apart: the markers of
/// values a file does not state ([`super::symbolic`]), the CloudFormation short forms its
/// resolver evaluates, and any other tag. One byte, where the tag's text would take 16 in every
/// node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// A value that cannot be known from the files ([`super::symbolic::UNKNOWN_TAG`]).
    Unknown,
    /// A symbolic reference to another resource ([`super::symbolic::REF_TAG`]).
    Reference,
    /// `!Ref` (or `!Fn::Ref`).
    Ref,
    /// `!GetAtt` (or `!Fn::GetAtt`).
    GetAtt,
    /// `!Sub` (or `!Fn::Sub`).
    Sub,
    /// Any other tag (`!Join`, `!If`, `!custom`, `!e!x`).
    Other,
}

impl Tag {
    const ALL: [Tag; 6] = [Tag::Unknown, Tag::Reference, Tag::Ref, Tag::GetAtt, Tag::Sub, Tag::Other];

    /// 0 for no tag, else one more than the tag's place in [`Tag::ALL`].
    fn code(tag: Option<Tag>) -> u32 {
        tag.and_then(|t| Tag::ALL.iter().position(|a| *a == t)).map_or(0, |i| i as u32 + 1)
    }

    fn from_code(code: u32) -> Option<Tag> {
        Tag::ALL.get(usize::try_from(code).ok()?.checked_sub(1)?).copied()
    }

    /// The tag written as `text`: the suffix of a `!` tag (`Ref` for `!Ref`), otherwise handle
    /// and suffix.
    #[must_use]
    pub fn from_text(text: &str) -> Tag {
        match text {
            super::symbolic::UNKNOWN_TAG => return Tag::Unknown,
            super::symbolic::REF_TAG => return Tag::Reference,
            _ => {}
        }
        match text.strip_prefix("Fn::").unwrap_or(text) {
            "Ref" => Tag::Ref,
            "GetAtt" => Tag::GetAtt,
            "Sub" => Tag::Sub,
            _ => Tag::Other,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(CompactString),
    Seq(Box<[Node]>),
    Map(Map),
}

/// A mapping that keeps its source order and the span of each key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    pub entries: Box<[Entry]>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: Key,
    pub key_span: Span,
    pub value: Node,
}

impl From<Vec<Entry>> for Map {
    /// Drops the vector's spare room: a map is kept until its object's rules ran.
    fn from(entries: Vec<Entry>) -> Self {
        Self { entries: entries.into_boxed_slice() }
    }
}

impl Map {
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    #[must_use]
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        // Later duplicates win, as they do for kubectl; duplicates are reported by the parser.
        self.entries.iter().rev().find(|e| e.key == key)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Node)> {
        self.entries.iter().map(|e| (e.key.as_str(), &e.value))
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Appends an entry. It copies the whole map: for the few entries added after parsing
    /// (defaults, what an admission request knows); a map being built is a `Vec` first.
    pub fn push(&mut self, entry: Entry) {
        let mut entries = std::mem::take(&mut self.entries).into_vec();
        entries.push(entry);
        *self = entries.into();
    }
}

impl Node {
    #[must_use]
    pub fn new(span: Span, value: Value) -> Self {
        let mut node = Self { start: 0, end_and_tag: 0, value };
        node.set_span(span);
        node
    }

    /// A node with a tag.
    #[must_use]
    pub fn tagged(span: Span, value: Value, tag: Option<Tag>) -> Self {
        let mut node = Self::new(span, value);
        node.set_tag(tag);
        node
    }

    /// Where the node is in its document's text.
    #[must_use]
    pub fn span(&self) -> Span {
        Span { start: self.start, end: self.end_and_tag & MAX_SPAN_END }
    }

    pub fn set_span(&mut self, span: Span) {
        let end = span.end.min(MAX_SPAN_END);
        self.start = span.start.min(end);
        self.end_and_tag = (self.end_and_tag & !MAX_SPAN_END) | end;
    }

    /// Its non-core tag, if any.
    #[must_use]
    pub fn tag(&self) -> Option<Tag> {
        Tag::from_code(self.end_and_tag >> TAG_SHIFT)
    }

    pub fn set_tag(&mut self, tag: Option<Tag>) {
        self.end_and_tag = (self.end_and_tag & MAX_SPAN_END) | (Tag::code(tag) << TAG_SHIFT);
    }

    /// A node that has no source text (objects from a live API, generated defaults).
    #[must_use]
    pub fn synthetic(value: Value) -> Self {
        Self::new(Span::default(), value)
    }

    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?.get(key)
    }

    /// Follows a path of map keys.
    #[must_use]
    pub fn at(&self, keys: &[&str]) -> Option<&Node> {
        keys.iter().try_fold(self, |node, key| node.get(key))
    }

    #[must_use]
    pub fn as_map(&self) -> Option<&Map> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match self.value {
            Value::Int(i) => Some(i),
            #[allow(clippy::cast_possible_truncation)]
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(f as i64),
            _ => None,
        }
    }

    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// Items of a sequence; absent, null or non-sequence values give none.
    pub fn items(&self) -> impl Iterator<Item = &Node> {
        self.as_seq().unwrap_or(&[]).iter()
    }

    /// Entries of a mapping; absent, null or non-mapping values give none.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Node)> {
        self.as_map().into_iter().flat_map(Map::iter)
    }

    /// The JSON type name, for messages about wrong types.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) | Value::Float(_) => "number",
            Value::Str(_) => "string",
            Value::Seq(_) => "array",
            Value::Map(_) => "object",
        }
    }

    /// [`Node::type_name`] as a message, in the reader's language when shown.
    #[must_use]
    pub fn type_msg(&self) -> crate::i18n::Msg {
        crate::msg!(match self.value {
            Value::Null => "node-type-null",
            Value::Bool(_) => "node-type-boolean",
            Value::Int(_) | Value::Float(_) => "node-type-number",
            Value::Str(_) => "node-type-string",
            Value::Seq(_) => "node-type-array",
            Value::Map(_) => "node-type-object",
        })
    }

    /// A scalar rendered as text (strings unquoted), for messages. Collections give `None`.
    #[must_use]
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Null => Some("null".into()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Str(s) => Some(s.as_str().to_owned()),
            Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// The value of an entry of a `map[string]string` field (labels, selectors) as Kubernetes
    /// decodes it: a string as it is, null as the empty string (JSON decoding leaves a string's
    /// zero value, and kubectl now does the same); another scalar in its text form (the API server
    /// rejects the object); none for a sequence or a mapping.
    #[must_use]
    pub fn string_map_value(&self) -> Option<String> {
        match &self.value {
            Value::Null => Some(String::new()),
            _ => self.scalar_text(),
        }
    }

    /// Number of nodes in this subtree (used to bound alias expansion).
    /// Roughly the bytes this tree holds in memory: [`NODE_WEIGHT`] per node and key plus the
    /// text of its strings and keys. Expansion budgets (YAML aliases, Terraform locals,
    /// CloudFormation references) count this, so one long string copied many times is bounded
    /// like many small nodes are.
    #[must_use]
    pub fn weight(&self) -> usize {
        NODE_WEIGHT
            + match &self.value {
                Value::Str(s) => s.len(),
                Value::Seq(s) => s.iter().map(Node::weight).sum(),
                Value::Map(m) => m.entries.iter().map(|e| e.key.len() + e.value.weight()).sum(),
                _ => 0,
            }
    }

    #[must_use]
    pub fn size(&self) -> usize {
        1 + match &self.value {
            Value::Seq(s) => s.iter().map(Node::size).sum(),
            Value::Map(m) => m.entries.iter().map(|e| e.value.size()).sum(),
            _ => 0,
        }
    }

    /// Converts to JSON. Non-finite floats become strings, as JSON cannot carry them.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => {
                serde_json::Number::from_f64(*f).map_or_else(|| J::String(f.to_string()), J::Number)
            }
            Value::Str(s) => J::String(s.as_str().to_owned()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(m) => {
                J::Object(m.entries.iter().map(|e| (e.key.as_str().to_owned(), e.value.to_json())).collect())
            }
        }
    }

    /// Builds a tree without spans from JSON (objects from an API server or admission request).
    #[must_use]
    pub fn from_json(value: &serde_json::Value) -> Node {
        use serde_json::Value as J;
        let v = match value {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => {
                n.as_i64().map_or_else(|| Value::Float(n.as_f64().unwrap_or(f64::NAN)), Value::Int)
            }
            J::String(s) => Value::Str(s.into()),
            J::Array(a) => Value::Seq(a.iter().map(Node::from_json).collect()),
            J::Object(o) => Value::Map(Map {
                entries: o
                    .iter()
                    .map(|(k, v)| Entry {
                        key: k.into(),
                        key_span: Span::default(),
                        value: Node::from_json(v),
                    })
                    .collect(),
            }),
        };
        Node::synthetic(v)
    }

    /// Where a field path points: the span to highlight, and how much of the path exists.
    ///
    /// A scalar field is highlighted from its key to its value (`privileged: true`); a collection
    /// by its key; a sequence item that is a mapping by its first entry. When the path does not
    /// exist, the nearest existing ancestor is used and `missing` names what is absent.
    #[must_use]
    pub fn locate(&self, path: &FieldPath) -> Located {
        let mut node = self;
        let mut span = head_span(self, None);
        let mut segments = path.segments();
        loop {
            let at = segments.offset();
            let Some(seg) = segments.next() else { break };
            let next = match seg {
                Segment::Key(k) => {
                    node.as_map().and_then(|m| m.entry(k)).map(|e| (&e.value, Some(e.key_span)))
                }
                Segment::Index(ix) => node.as_seq().and_then(|s| s.get(ix)).map(|n| (n, None)),
            };
            match next {
                Some((child, key_span)) => {
                    span = head_span(child, key_span);
                    node = child;
                }
                None => {
                    return Located { span, missing: Some(path.from_offset(at)) };
                }
            }
        }
        Located { span, missing: None }
    }
}

fn head_span(node: &Node, key_span: Option<Span>) -> Span {
    match (&node.value, key_span) {
        (Value::Map(_) | Value::Seq(_), Some(k)) => k,
        (_, Some(k)) if k != Span::default() => k.join(node.span()),
        (Value::Map(m), None) => {
            m.entries.first().map_or(node.span(), |e| head_span(&e.value, Some(e.key_span)))
        }
        _ => node.span(),
    }
}

/// The result of [`Node::locate`].
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    pub span: Span,
    /// The part of the path that does not exist, if any.
    pub missing: Option<FieldPath>,
}

/// One step of a field path, as read from a [`FieldPath`]. Keys sort before indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// A path to a field, written `spec.containers[0].securityContext.privileged`.
///
/// Every finding keeps one or two paths until the report is written, so a path is one byte
/// string: each step is a marker byte, then a key's length and bytes or an index (lengths and
/// indices as LEB128). A seven-step path takes about 50 bytes, where a list of steps took 168.
/// The encoding is canonical, so paths are equal exactly when their bytes are. A finding's path
/// is shared with the equal paths of other findings once the finding is made
/// ([`FieldPath::share`]): a large input has hundreds of thousands of findings at a few thousand
/// distinct fields.
#[derive(Clone, Default)]
pub struct FieldPath {
    bytes: PathBytes,
}

#[derive(Clone)]
enum PathBytes {
    /// Being built, or not worth sharing.
    Owned(Vec<u8>),
    /// Shared with equal paths (see [`FieldPath::share`]).
    Shared(Arc<[u8]>),
}

impl Default for PathBytes {
    fn default() -> Self {
        Self::Owned(Vec::new())
    }
}

impl PathBytes {
    fn as_slice(&self) -> &[u8] {
        match self {
            Self::Owned(v) => v,
            Self::Shared(s) => s,
        }
    }

    fn to_mut(&mut self) -> &mut Vec<u8> {
        if let Self::Shared(s) = self {
            *self = Self::Owned(s.to_vec());
        }
        match self {
            Self::Owned(v) => v,
            Self::Shared(_) => unreachable!("made owned above"),
        }
    }
}

impl PartialEq for FieldPath {
    fn eq(&self, other: &Self) -> bool {
        self.bytes.as_slice() == other.bytes.as_slice()
    }
}

impl Eq for FieldPath {}

impl std::hash::Hash for FieldPath {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.bytes.as_slice().hash(state);
    }
}

/// Paths a thread remembers for sharing before it forgets them all and starts again.
const MAX_SHARED_PATHS: usize = 16_384;

/// Longer paths are kept as they are: rarely repeated.
const MAX_SHARED_PATH_LEN: usize = 256;

thread_local! {
    static SHARED_PATHS: std::cell::RefCell<std::collections::HashSet<Arc<[u8]>>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
}

const KEY: u8 = 0;
const INDEX: u8 = 1;

/// The steps of a [`FieldPath`], in order.
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Segments<'_> {
    /// How many bytes of the path the steps read so far take: the end of a prefix.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.at
    }

    fn number(&mut self) -> Option<u64> {
        crate::varint::read(self.bytes, &mut self.at)
    }
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let marker = *self.bytes.get(self.at)?;
        self.at += 1;
        let n = usize::try_from(self.number()?).unwrap_or(usize::MAX);
        if marker == INDEX {
            return Some(Segment::Index(n));
        }
        let bytes: &'a [u8] = self.bytes;
        let key = bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        // Only `&str` keys are ever written.
        Some(Segment::Key(std::str::from_utf8(key).unwrap_or_default()))
    }
}

impl FieldPath {
    #[must_use]
    pub fn root() -> Self {
        Self::default()
    }

    /// Parses the dotted form: keys separated by `.`, indices as `[N]`.
    #[must_use]
    pub fn parse(s: &str) -> Self {
        let mut path = Self::root();
        for part in s.split('.').filter(|p| !p.is_empty()) {
            let (key, rest) = part.find('[').map_or((part, ""), |i| (&part[..i], &part[i..]));
            if !key.is_empty() {
                path.push_key(key);
            }
            for ix in rest.split('[').filter_map(|p| p.strip_suffix(']')) {
                if let Ok(n) = ix.parse() {
                    path.push_index(n);
                }
            }
        }
        path
    }

    fn push_key(&mut self, key: &str) {
        let bytes = self.bytes.to_mut();
        bytes.push(KEY);
        crate::varint::push(bytes, key.len() as u64);
        bytes.extend_from_slice(key.as_bytes());
    }

    fn push_index(&mut self, ix: usize) {
        let bytes = self.bytes.to_mut();
        bytes.push(INDEX);
        crate::varint::push(bytes, ix as u64);
    }

    #[must_use]
    pub fn key(mut self, key: &str) -> Self {
        self.push_key(key);
        self
    }

    #[must_use]
    pub fn index(mut self, ix: usize) -> Self {
        self.push_index(ix);
        self
    }

    /// Appends several keys.
    #[must_use]
    pub fn keys(mut self, keys: &[&str]) -> Self {
        for k in keys {
            self.push_key(k);
        }
        self
    }

    #[must_use]
    pub fn join(mut self, other: &FieldPath) -> Self {
        self.bytes.to_mut().extend_from_slice(other.bytes.as_slice());
        self
    }

    #[must_use]
    pub fn is_root(&self) -> bool {
        self.bytes.as_slice().is_empty()
    }

    /// The steps, in order.
    #[must_use]
    pub fn segments(&self) -> Segments<'_> {
        Segments { bytes: self.bytes.as_slice(), at: 0 }
    }

    /// How many steps the path has.
    #[must_use]
    pub fn depth(&self) -> usize {
        self.segments().count()
    }

    /// The first step (`None` for the root).
    #[must_use]
    pub fn first(&self) -> Option<Segment<'_>> {
        self.segments().next()
    }

    /// The encoded steps; a prefix of them up to [`Segments::offset`] names the path's first
    /// steps, and equal prefixes are equal steps.
    #[must_use]
    pub fn encoded(&self) -> &[u8] {
        self.bytes.as_slice()
    }

    /// The path from the step at byte `offset` (a [`Segments::offset`]) on.
    #[must_use]
    pub fn from_offset(&self, offset: usize) -> FieldPath {
        FieldPath {
            bytes: PathBytes::Owned(self.bytes.as_slice().get(offset..).unwrap_or_default().to_vec()),
        }
    }

    /// Shares the path's bytes with the equal paths shared before on this thread (or frees its
    /// spare room, for a long one): a finding keeps its paths for the whole run. Extending a
    /// shared path copies it first.
    pub fn share(&mut self) {
        let PathBytes::Owned(bytes) = &mut self.bytes else { return };
        if bytes.is_empty() {
            return;
        }
        if bytes.len() > MAX_SHARED_PATH_LEN {
            bytes.shrink_to_fit();
            return;
        }
        let shared =
            crate::shared::shared(&SHARED_PATHS, bytes.as_slice(), MAX_SHARED_PATHS, |b| Arc::from(b));
        self.bytes = PathBytes::Shared(shared);
    }

    /// RFC 6901 JSON pointer form (`/spec/containers/0`).
    #[must_use]
    pub fn json_pointer(&self) -> String {
        let mut out = String::new();
        for seg in self.segments() {
            out.push('/');
            match seg {
                Segment::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
                Segment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
}

impl Ord for FieldPath {
    /// Step by step, keys before indices: the order of the steps, not of their encoding.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.segments().cmp(other.segments())
    }
}

impl PartialOrd for FieldPath {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FieldPath").field(&self.segments().collect::<Vec<_>>()).finish()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for seg in self.segments() {
            match seg {
                Segment::Key(k) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Segment::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_and_entries_stay_small() {
        // Every node and mapping entry of every input is kept for the whole run.
        assert_eq!(std::mem::size_of::<Value>(), 24);
        assert_eq!(std::mem::size_of::<Node>(), 32);
        assert_eq!(std::mem::size_of::<Entry>(), 48);
        assert_eq!(std::mem::size_of::<FieldPath>(), 24);
    }

    #[test]
    fn shared_paths_are_one_copy_and_extend_on_their_own() {
        let make = || FieldPath::parse("spec.containers[0].image");
        let (mut a, mut b) = (make(), make());
        a.share();
        b.share();
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.encoded(), b.encoded()));
        let longer = b.clone().key("tag");
        assert_eq!(longer.to_string(), "spec.containers[0].image.tag");
        assert_eq!(b.to_string(), "spec.containers[0].image");
        assert_eq!(a, make());
        let mut root = FieldPath::root();
        root.share();
        assert!(root.is_root());
        let mut long = FieldPath::root().key(&"k".repeat(MAX_SHARED_PATH_LEN));
        long.share();
        assert_eq!(long.first(), Some(Segment::Key(&"k".repeat(MAX_SHARED_PATH_LEN))));
    }

    #[test]
    fn a_node_keeps_its_span_and_tag_apart() {
        for tag in std::iter::once(None).chain(Tag::ALL.map(Some)) {
            for (start, end) in [(0, 0), (3, 9), (0, MAX_SPAN_END), (MAX_SPAN_END, MAX_SPAN_END)] {
                let mut node = Node::tagged(Span { start, end }, Value::Null, tag);
                assert_eq!((node.span(), node.tag()), (Span { start, end }, tag));
                node.set_span(Span { start: 1, end: 2 });
                assert_eq!((node.span(), node.tag()), (Span { start: 1, end: 2 }, tag));
                node.set_tag(Some(Tag::Other));
                assert_eq!((node.span(), node.tag()), (Span { start: 1, end: 2 }, Some(Tag::Other)));
            }
        }
        // Past the largest end, a span is clamped, never mixed into the tag.
        let node = Node::tagged(Span { start: u32::MAX - 1, end: u32::MAX }, Value::Null, None);
        assert_eq!((node.span(), node.tag()), (Span { start: MAX_SPAN_END, end: MAX_SPAN_END }, None));
    }

    #[test]
    fn tags_are_told_apart_as_their_readers_do() {
        assert_eq!(Tag::from_text("Ref"), Tag::Ref);
        assert_eq!(Tag::from_text("Fn::GetAtt"), Tag::GetAtt);
        assert_eq!(Tag::from_text("Sub"), Tag::Sub);
        assert_eq!(Tag::from_text("ladrillo:unknown"), Tag::Unknown);
        assert_eq!(Tag::from_text("ladrillo:ref"), Tag::Reference);
        assert_eq!(Tag::from_text("Fn::ladrillo:unknown"), Tag::Other);
        assert_eq!(Tag::from_text("If"), Tag::Other);
    }

    #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
    enum Step {
        Key(String),
        Index(usize),
    }

    fn step() -> impl proptest::strategy::Strategy<Value = Step> {
        use proptest::prelude::*;
        prop_oneof![
            "(|[a-c]{1,3}|containers|é.[x]|[\\PC]{0,200})".prop_map(Step::Key),
            prop_oneof![0usize..3, 100usize..300, Just(usize::MAX)].prop_map(Step::Index),
        ]
    }

    fn build(steps: &[Step]) -> FieldPath {
        steps.iter().fold(FieldPath::root(), |p, s| match s {
            Step::Key(k) => p.key(k),
            Step::Index(i) => p.index(*i),
        })
    }

    fn read(path: &FieldPath) -> Vec<Step> {
        path.segments()
            .map(|s| match s {
                Segment::Key(k) => Step::Key(k.to_string()),
                Segment::Index(i) => Step::Index(i),
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn field_paths_keep_their_steps_and_order_as_lists_of_steps(
            a in proptest::collection::vec(step(), 0..6),
            b in proptest::collection::vec(step(), 0..6),
        ) {
            let (pa, pb) = (build(&a), build(&b));
            proptest::prop_assert_eq!(read(&pa), a.clone());
            proptest::prop_assert_eq!(pa.depth(), a.len());
            proptest::prop_assert_eq!(pa.cmp(&pb), a.cmp(&b));
            proptest::prop_assert_eq!(pa == pb, a == b);
            let joined = build(&a).join(&pb);
            proptest::prop_assert_eq!(read(&joined), [a.clone(), b.clone()].concat());
            // A suffix starts at any step's offset.
            let mut steps = pa.segments();
            for i in 0..=a.len() {
                proptest::prop_assert_eq!(read(&pa.from_offset(steps.offset())), a[i..].to_vec());
                steps.next();
            }
        }
    }

    #[test]
    fn field_path_round_trips() {
        let p = FieldPath::parse("spec.containers[0].securityContext.privileged");
        assert_eq!(p.to_string(), "spec.containers[0].securityContext.privileged");
        assert_eq!(p.json_pointer(), "/spec/containers/0/securityContext/privileged");
        assert_eq!(FieldPath::root().key("a/b").json_pointer(), "/a~1b");
    }
}
