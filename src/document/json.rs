//! Plain JSON to the very tree [`super::yaml::parse`] builds from the same text (values, spans,
//! key spans), in a fraction of the time: the webhook reads every AdmissionReview this way.
//!
//! JSON is YAML, and the YAML reader stays the reference: whatever it might read in its own way
//! gives `None` here, and the caller reads the text with it (which reports what is wrong, or
//! reads what is right as it always did). That is: anything but one JSON object, a key given
//! twice, a key longer than [`MAX_KEY`] bytes or separated from its `:` by a line break, a
//! `\u` escape of half a surrogate pair, and nesting deeper than [`MAX_DEPTH`]. Numbers,
//! `true`, `false` and `null` are resolved as the YAML reader resolves plain scalars.

use std::collections::HashSet;
use std::ops::Range;

use super::key::Key;
use super::node::{CompactString, Entry, Map, Node, Value};
use super::span::Span;
use super::yaml::resolve_plain;

/// Deepest nesting read here, well under the YAML reader's limits (it says how deep is too deep).
pub const MAX_DEPTH: usize = 100;
/// Longest key read here: YAML bounds an implicit key at 1,024 characters.
pub const MAX_KEY: usize = 1000;
/// Mappings longer than this look keys up in a set to find duplicates.
const LINEAR_KEYS: usize = 32;

/// The tree of a text holding one JSON object; `None` when the YAML reader must read it.
#[must_use]
pub fn parse(text: &str) -> Option<Node> {
    let mut reader = Reader::new(text, 0);
    reader.skip_space();
    if reader.peek() != Some(b'{') {
        return None;
    }
    let root = reader.value(0)?;
    reader.skip_space();
    (reader.at == reader.bytes.len()).then_some(root)
}

/// A text holding one JSON object, read without the items of its top-level `items` array (a
/// `List`), so that they can be read apart ([`parse_item`]) and put back ([`Unread::with_items`]).
#[derive(Debug)]
pub struct Unread {
    /// The tree [`parse`] gives, but for its `items`: an empty sequence.
    pub root: Node,
    /// Where each item is in the text, in order. Only scanned, not read: whether each is JSON
    /// this reader reads is told by [`parse_item`].
    pub items: Vec<Range<usize>>,
}

/// The tree of a text holding one JSON object with an `items` array at its top, all but the
/// items (see [`Unread`]); `None` when [`parse`] would give none or there is no such array.
#[must_use]
pub fn parse_without_items(text: &str) -> Option<Unread> {
    let mut reader = Reader::new(text, 0);
    reader.unread = Some(None);
    reader.skip_space();
    if reader.peek() != Some(b'{') {
        return None;
    }
    let root = reader.value(0)?;
    reader.skip_space();
    let items = reader.unread.flatten()?;
    (reader.at == reader.bytes.len()).then_some(Unread { root, items })
}

/// The tree of one item found by [`parse_without_items`]: `text` is the item, which starts at
/// `at` in the whole text. The tree is the one [`parse`] gives the item inside the whole text,
/// or `None` where `parse` gives none.
#[must_use]
pub fn parse_item(text: &str, at: usize) -> Option<Node> {
    let mut reader = Reader::new(text, at);
    // An item's place in a whole text: in the `items` sequence of the root mapping.
    let item = reader.value(2)?;
    (reader.at == reader.bytes.len()).then_some(item)
}

impl Unread {
    /// The whole tree: `items` read with [`parse_item`], in order, put in their sequence.
    #[must_use]
    pub fn with_items(self, items: Vec<Node>) -> Node {
        let start = self.root.span().start;
        let Value::Map(mut map) = self.root.value else { return self.root };
        if let Some(entry) = map.entries.iter_mut().find(|e| e.key == "items") {
            // Spanned as `Reader::seq` spans it, and the root as `Reader::map` does: to the end
            // of the last item's value, which a scan does not tell.
            let span = entry.value.span();
            let end = items.last().map_or(span.end, |n| n.span().end);
            entry.value = Node::new(Span { start: span.start, end }, Value::Seq(items.into_boxed_slice()));
        }
        let end = map.entries.iter().map(|e| e.value.span().end).max().unwrap_or(start);
        Node::new(Span { start, end: end.max(start) }, Value::Map(map))
    }
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// Where `text` starts in the whole text: added to every span.
    base: usize,
    /// Items and entries of the collections being read, innermost last: each collection is then
    /// moved out in one allocation of its final size.
    items: Vec<Node>,
    entries: Vec<Entry>,
    /// When set, the top-level `items` array is scanned, not read: where its items are, once
    /// scanned (see [`parse_without_items`]).
    unread: Option<Option<Vec<Range<usize>>>>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        Self {
            bytes: text.as_bytes(),
            text,
            at: 0,
            base,
            items: Vec::new(),
            entries: Vec::new(),
            unread: None,
        }
    }

    /// The span of `start..end` in the reader's text, in the whole text.
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skips spaces and tabs; `None` at a line break.
    fn skip_inline_space(&mut self) -> Option<()> {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' => self.at += 1,
                b'\n' | b'\r' => return None,
                _ => break,
            }
        }
        Some(())
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        match self.peek()? {
            b'{' => self.map(depth + 1),
            b'[' => self.seq(depth + 1),
            b'"' => {
                let start = self.at;
                let s = self.string()?;
                Some(Node::new(self.span(start, self.at), Value::Str(s)))
            }
            _ => self.plain(),
        }
    }

    fn map(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.at;
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(Node::new(self.span(start, self.at), Value::Map(Map::default())));
        }
        let first = self.entries.len();
        let mut keys: Option<HashSet<Key>> = None;
        loop {
            if self.peek() != Some(b'"') {
                return None;
            }
            let key_start = self.at;
            let key = Key::new(&self.string()?);
            let key_span = self.span(key_start, self.at);
            if key_span.range().len() > MAX_KEY {
                return None;
            }
            let open = self.entries.get(first..).unwrap_or_default();
            let duplicate = match &mut keys {
                Some(set) => !set.insert(key.clone()),
                None if open.len() >= LINEAR_KEYS => {
                    let mut set: HashSet<Key> = open.iter().map(|e| e.key.clone()).collect();
                    let duplicate = !set.insert(key.clone());
                    keys = Some(set);
                    duplicate
                }
                None => open.iter().any(|e| e.key == key),
            };
            if duplicate {
                return None;
            }
            self.skip_inline_space()?;
            // YAML's bound on an implicit key covers the space before its `:` too.
            if self.peek() != Some(b':') || self.at - key_start > MAX_KEY {
                return None;
            }
            self.at += 1;
            self.skip_space();
            let value = if matches!(self.unread, Some(None))
                && depth == 1
                && key == "items"
                && self.peek() == Some(b'[')
            {
                self.scan_items()?
            } else {
                self.value(depth)?
            };
            self.entries.push(Entry { key, key_span, value });
            if !self.next_or_close(b'}')? {
                break;
            }
        }
        let entries: Vec<Entry> = self.entries.drain(first..).collect();
        // As the YAML reader spans a mapping: from its `{` to the furthest end of its values.
        let start = self.span(start, start).start;
        let end = entries.iter().map(|e| e.value.span().end).max().unwrap_or(start);
        Some(Node::new(Span { start, end: end.max(start) }, Value::Map(Map::from(entries))))
    }

    fn seq(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.at;
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some(Node::new(self.span(start, self.at), Value::Seq(Box::default())));
        }
        let first = self.items.len();
        loop {
            let item = self.value(depth)?;
            self.items.push(item);
            if !self.next_or_close(b']')? {
                break;
            }
        }
        let items: Vec<Node> = self.items.drain(first..).collect();
        // As the YAML reader spans a sequence: from its `[` to the end of its last item.
        let end = items.last().map_or(self.base + self.at, |n| n.span().end as usize);
        Some(Node::new(Span::new(self.base + start, end), Value::Seq(items.into_boxed_slice())))
    }

    /// After an entry or an item: past a `,` and the space after it (`true`: another follows),
    /// or past `close` (`false`); `None` at anything else.
    fn next_or_close(&mut self, close: u8) -> Option<bool> {
        self.skip_space();
        let b = self.peek()?;
        if b == b',' {
            self.at += 1;
            self.skip_space();
            Some(true)
        } else if b == close {
            self.at += 1;
            Some(false)
        } else {
            None
        }
    }

    /// The array at `[`, scanned and not read (see [`Unread`]): an empty sequence from the `[`
    /// (to the `]` when empty, to the end of the last item otherwise: [`Unread::with_items`]
    /// ends it where the last item's tree ends). `None` when a scan tells it is no JSON array.
    fn scan_items(&mut self) -> Option<Node> {
        let start = self.at;
        self.at += 1;
        self.skip_space();
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
        } else {
            loop {
                let item = self.at;
                self.skip_value()?;
                items.push(item..self.at);
                if !self.next_or_close(b']')? {
                    break;
                }
            }
        }
        let end = items.last().map_or(self.at, |r| r.end);
        self.unread = Some(Some(items));
        Some(Node::new(self.span(start, end), Value::Seq(Box::default())))
    }

    /// Moves past one value without reading it: a string to its closing quote, a collection to
    /// the bracket that closes it, anything else to the next space or delimiter. What is
    /// skipped is read later ([`parse_item`]), which tells whether it is JSON this reader reads.
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            open @ (b'{' | b'[') => {
                // Only the brackets of its own kind count: whether the others match is told when
                // the value is read.
                let close = if open == b'{' { b'}' } else { b']' };
                let mut depth = 0_usize;
                loop {
                    let rest = self.bytes.get(self.at..)?;
                    self.at += memchr::memchr3(b'"', open, close, rest)?;
                    match self.peek()? {
                        b'"' => self.skip_string()?,
                        b if b == open => {
                            depth += 1;
                            self.at += 1;
                        }
                        _ => {
                            depth -= 1;
                            self.at += 1;
                            if depth == 0 {
                                return Some(());
                            }
                        }
                    }
                }
            }
            _ => {
                let rest = self.bytes.get(self.at..)?;
                let len = rest
                    .iter()
                    .position(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}'))
                    .unwrap_or(rest.len());
                self.at += len;
                (len > 0).then_some(())
            }
        }
    }

    /// Moves past the string at `"`.
    fn skip_string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            let rest = self.bytes.get(self.at..)?;
            let next = memchr::memchr2(b'"', b'\\', rest)?;
            self.at += next + 1;
            if rest.get(next) == Some(&b'"') {
                return Some(());
            }
            // The escaped byte.
            self.at += 1;
        }
    }

    /// A string at `"`, unescaped; the reader then stands after its closing quote.
    fn string(&mut self) -> Option<CompactString> {
        self.at += 1;
        // Built in place: most keys and values fit in the 24 bytes of a `CompactString`.
        let mut out = CompactString::default();
        let mut run = self.at;
        loop {
            let b = self.peek()?;
            match b {
                b'"' => {
                    out.push_str(self.text.get(run..self.at)?);
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(self.text.get(run..self.at)?);
                    let escaped = *self.bytes.get(self.at + 1)?;
                    self.at += 2;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hex = self.text.get(self.at..self.at + 4)?;
                            if !hex.bytes().all(|h| h.is_ascii_hexdigit()) {
                                return None;
                            }
                            // Surrogates (a pair for one character beyond the BMP) are left to
                            // the YAML reader.
                            out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
                            self.at += 4;
                        }
                        _ => return None,
                    }
                    run = self.at;
                }
                0..0x20 => return None,
                // YAML reads only printable characters: DEL, the C1 controls but NEL, and
                // U+FFFE/U+FFFF are refused by the YAML reader, so they are left to it.
                0x7f => return None,
                0xc2 if matches!(self.bytes.get(self.at + 1), Some(0x80..=0x84 | 0x86..=0x9f)) => {
                    return None;
                }
                0xef if self.bytes.get(self.at + 1) == Some(&0xbf)
                    && matches!(self.bytes.get(self.at + 2), Some(0xbe | 0xbf)) =>
                {
                    return None;
                }
                _ => self.at += 1,
            }
        }
    }

    /// `true`, `false`, `null` or a number, as the YAML reader resolves plain scalars.
    fn plain(&mut self) -> Option<Node> {
        let start = self.at;
        let rest = self.bytes.get(start..)?;
        let len = if rest.starts_with(b"true") || rest.starts_with(b"null") {
            4
        } else if rest.starts_with(b"false") {
            5
        } else {
            number_len(rest)?
        };
        // A literal glued to what follows (`truex`, `1.5.2`) is no JSON.
        if rest.get(len).is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b',' | b'}' | b']')) {
            return None;
        }
        let text = self.text.get(start..start + len)?;
        self.at += len;
        Some(Node::new(self.span(start, self.at), resolve_plain(text).0))
    }
}

/// The length of the JSON number at the start of `b`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
fn number_len(b: &[u8]) -> Option<usize> {
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = usize::from(b.first() == Some(&b'-'));
    match b.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => {
            while digit(i) {
                i += 1;
            }
        }
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digit(i) {
            return None;
        }
        while digit(i) {
            i += 1;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digit(i) {
            return None;
        }
        while digit(i) {
            i += 1;
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml;

    /// The YAML reader's tree of `text`, which must read without errors.
    fn by_yaml(text: &str) -> Node {
        let mut s = yaml::parse(text);
        assert!(s.errors.is_empty(), "{text}: {:?}", s.errors);
        assert_eq!(s.documents.len(), 1);
        s.documents.remove(0).root
    }

    fn same(text: &str) {
        let fast = parse(text).unwrap_or_else(|| panic!("not read: {text}"));
        assert_eq!(fast, by_yaml(text), "{text}");
    }

    #[test]
    fn reads_json_as_the_yaml_reader_does() {
        for text in [
            r#"{"a": 1}"#,
            r#"{}"#,
            r#"{"a": {}, "b": [], "c": [{}], "d": [[]]}"#,
            r#"{"a":[1,2,3],"b":{"c":"d"},"e":null,"f":true,"g":false}"#,
            "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {\n    \"c\": 1.5e3\n  }\n}\n",
            "{\n\t\"a\": [1, \"x\", true, null],\n\t\"b\": {\"c\": 1.5e3}\n}\n",
            "  {\"a\" : 1 , \"b\":[ 1 ,2 ] }  \n",
            r#"{"n": [0, -0, 12, -7, 1.0, 0.5, -2.5e-3, 1E6, 9223372036854775807, 9223372036854775808, 1e400]}"#,
            r#"{"s": ["", "yes", "0644", "1_000", "~", "null", "true", "<<", "a b", "é ü 日本"]}"#,
            r#"{"e": "q\"b\\s\/f\bf\fn\nr\rt\tu\u00e9\u003c\u0026\u2028 end"}"#,
            r#"{"k y": 1, "1": 2, "true": 3, "": 4, "é": 5}"#,
            r#"{"deep": {"er": {"and": [{"deeper": [1, {"x": "y"}]}]}}}"#,
            r#"{"last": {"a": [1, 2], "b": 3}, "z": []}"#,
            "{\"a\": [\r\n 1\r\n]}\r\n",
        ] {
            same(text);
        }
    }

    #[test]
    fn large_mappings_and_the_bench_reviews_read_the_same() {
        let many: Vec<String> = (0..100).map(|i| format!("\"k{i}\": {i}")).collect();
        same(&format!("{{{}}}", many.join(", ")));
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/webhook");
        for name in ["pod-ok", "pod-denied", "deployment-ok", "deployment-denied"] {
            let text = std::fs::read_to_string(format!("{dir}/{name}.json")).unwrap();
            same(&text);
        }
    }

    #[test]
    fn leaves_to_the_yaml_reader_what_it_might_read_its_own_way() {
        let long_key = format!("{{\"{}\": 1}}", "k".repeat(MAX_KEY + 1));
        // A short key far from its `:` (found by fuzzing `json_tree`): YAML refuses it.
        let spaced_key = format!("{{\"k\"{}: 1}}", " \t".repeat(MAX_KEY));
        assert!(!yaml::parse(&spaced_key).errors.is_empty());
        let deep = format!("{{\"a\": {}1{}}}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        let many: Vec<String> = (0..40).map(|i| format!("\"k{}\": {i}", i % 39)).collect();
        let duplicate_in_large = format!("{{{}}}", many.join(", "));
        for text in [
            "",
            "[1]",
            "\"a\"",
            "a: 1",
            "{a: 1}",
            r#"{"a": 1, "a": 2}"#,
            &duplicate_in_large,
            "{\"a\"\n: 1}",
            r#"{"a": 1,}"#,
            r#"{"a": [1,]}"#,
            r#"{"a": 01}"#,
            r#"{"a": 1.}"#,
            r#"{"a": .5}"#,
            r#"{"a": +1}"#,
            r#"{"a": tru}"#,
            r#"{"a": truex}"#,
            r#"{"a": 'x'}"#,
            r#"{"a": "\ud83d\ude00"}"#,
            r#"{"a": "\x"}"#,
            "{\"a\": \"tab\there\"}",
            "{\"a\": \"del\u{7f}\"}",
            "{\"a\": \"c1\u{80}\"}",
            "{\"a\": \"c1\u{9f}\"}",
            "{\"a\": \"nonchar\u{fffe}\"}",
            "{\"a\": \"nonchar\u{ffff}\"}",
            "{\"del\u{7f}\": 1}",
            r#"{"a": 1} {}"#,
            r#"{"a": 1} # note"#,
            "\u{feff}{\"a\": 1}",
            r#"{"a": 1"#,
            &long_key,
            &spaced_key,
            &deep,
        ] {
            assert!(parse(text).is_none(), "read: {text}");
        }
    }

    /// Random JSON: strings with escapes and non-ASCII text, numbers of every shape, nesting.
    fn json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value as J;
        let leaf = prop_oneof![
            Just(J::Null),
            any::<bool>().prop_map(J::Bool),
            any::<i64>().prop_map(J::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(J::from),
            "[a-z0-9 _.:/<>&\\\"\t\n\u{e9}\u{65e5}\u{1f600}-]{0,12}".prop_map(J::String),
            prop_oneof![Just("yes"), Just("0644"), Just("1_000"), Just("~"), Just("<<"), Just("0x1F")]
                .prop_map(|s| J::String(s.to_string())),
        ];
        leaf.prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(J::Array),
                proptest::collection::btree_map("[a-z\"é]{0,6}", inner, 0..6)
                    .prop_map(|m| J::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn random_json_reads_as_the_yaml_reader_reads_it(value in json(), pretty in proptest::bool::ANY) {
            let text = serde_json::json!({"request": {"object": value}});
            let text = if pretty {
                serde_json::to_string_pretty(&text).unwrap()
            } else {
                text.to_string()
            };
            let fast = parse(&text);
            proptest::prop_assert!(fast.is_some(), "not read: {}", text);
            proptest::prop_assert_eq!(fast.unwrap(), by_yaml(&text), "{}", text);
        }

        #[test]
        fn a_list_read_in_parts_is_the_list_read_whole(
            items in proptest::collection::vec(json(), 0..8),
            other in json(),
            pretty in proptest::bool::ANY,
        ) {
            let text = serde_json::json!({"kind": "List", "before": other, "items": items, "after": 1});
            let text = if pretty {
                serde_json::to_string_pretty(&text).unwrap()
            } else {
                text.to_string()
            };
            let unread = parse_without_items(&text);
            proptest::prop_assert!(unread.is_some(), "not read: {}", text);
            let unread = unread.unwrap();
            proptest::prop_assert_eq!(unread.items.len(), items.len());
            let read: Option<Vec<Node>> =
                unread.items.iter().map(|r| parse_item(&text[r.clone()], r.start)).collect();
            proptest::prop_assert!(read.is_some(), "an item not read: {}", text);
            proptest::prop_assert_eq!(unread.with_items(read.unwrap()), parse(&text).unwrap(), "{}", text);
        }
    }

    #[test]
    fn items_are_read_in_parts_only_from_json_read_whole() {
        // Each of these has `items` at its top, and `parse` reads none of them, nor the items.
        for text in [
            r#"{"items": [1,], "kind": "List"}"#,
            r#"{"items": [1 2]}"#,
            r#"{"items": [1}"#,
            r#"{"items": [{"a": 1, "a": 2}]}"#,
            r#"{"items": [{"a": [1}]]}"#,
            r#"{"items": ["a\"]}"#,
            r#"{"items": [tru]}"#,
            r#"{"items": [], "items": []}"#,
            r#"{"items": []} x"#,
        ] {
            assert!(parse(text).is_none(), "{text}");
            let whole = parse_without_items(text).and_then(|u| {
                let read: Option<Vec<Node>> =
                    u.items.iter().map(|r| parse_item(text.get(r.clone())?, r.start)).collect();
                read.map(|items| u.with_items(items))
            });
            assert!(whole.is_none(), "read in parts: {text}");
        }
        // Items at the top only: an `items` deeper in is read as any other field.
        let nested = r#"{"spec": {"items": [1, {"b": [2]}]}, "items": [{"items": [3]}]}"#;
        let u = parse_without_items(nested).unwrap();
        assert_eq!(u.items, vec![47..61]);
        let item = parse_item(&nested[47..61], 47).unwrap();
        assert_eq!(u.with_items(vec![item]), parse(nested).unwrap());
    }
}
