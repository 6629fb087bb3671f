//! A source file's text, kept as read or packed once parsed.
//!
//! Once a file is parsed, its text is read only to turn offsets into lines and columns and to
//! show a few lines, yet every file's text is alive for the whole run: on a large input, about a
//! fifth of the peak. The texts of files parsed together are packed together (see [`pack`]):
//! put one after the other, cut in blocks of [`BLOCK`] bytes, and each block compressed (LZ4),
//! so that what one file's text repeats of another's (keys, labels, images) is stored once.
//! Reads decompress the block they need; the last two blocks read are kept per thread, so that
//! a report going through the findings of one file decompresses each block once.

use std::cell::RefCell;
use std::ops::{Deref, Range};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// Bytes of text per packed block.
const BLOCK: usize = 32 * 1024;

/// The text of a file: as read, or packed.
#[derive(Debug)]
pub(super) struct Body {
    state: Mutex<State>,
    len: usize,
}

#[derive(Clone, Debug)]
enum State {
    Plain(Arc<String>),
    /// At this offset of the texts packed together.
    Packed(Arc<Store>, usize),
}

/// Texts packed together: their concatenation, in compressed blocks.
#[derive(Debug)]
struct Store {
    /// Names the store in each thread's last-read block (see [`LAST_BLOCKS`]); never reused.
    id: u64,
    len: usize,
    /// Where each block is in `data`.
    blocks: Box<[(u32, u32)]>,
    data: Box<[u8]>,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// Blocks kept decompressed per thread: two, so that reading across the end of a block (a file
/// that starts in one and ends in the next) does not decompress both at each read.
const KEPT_BLOCKS: usize = 2;

/// A decompressed block: its store's id, its index, its bytes.
type KeptBlock = (u64, usize, Rc<[u8]>);

thread_local! {
    /// The blocks this thread decompressed last, the latest first.
    static LAST_BLOCKS: RefCell<Vec<KeptBlock>> = const { RefCell::new(Vec::new()) };
}

/// Part of a text, borrowed from the text as read or decompressed from packed blocks. Derefs to
/// `str`.
#[derive(Debug)]
pub struct TextRef(Repr);

#[derive(Debug)]
enum Repr {
    Shared(Arc<String>, Range<usize>),
    Owned(String),
}

impl TextRef {
    #[must_use]
    pub fn empty() -> Self {
        TextRef(Repr::Owned(String::new()))
    }
}

impl Deref for TextRef {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Shared(s, r) => s.get(r.clone()).unwrap_or_default(),
            Repr::Owned(s) => s,
        }
    }
}

impl PartialEq<&str> for TextRef {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl PartialEq<str> for TextRef {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl std::fmt::Display for TextRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// Bytes of a text, borrowed or decompressed (see [`Body::with_bytes`]).
enum Bytes {
    Shared(Arc<String>, Range<usize>),
    Block(Rc<[u8]>, Range<usize>),
    Owned(Vec<u8>),
}

impl Bytes {
    fn get(&self) -> &[u8] {
        match self {
            Bytes::Shared(s, r) => s.as_bytes().get(r.clone()).unwrap_or_default(),
            Bytes::Block(b, r) => b.get(r.clone()).unwrap_or_default(),
            Bytes::Owned(v) => v,
        }
    }

    fn into_vec(self) -> Vec<u8> {
        match self {
            Bytes::Owned(v) => v,
            other => other.get().to_vec(),
        }
    }
}

impl Body {
    pub(super) fn new(text: String) -> Self {
        let len = text.len();
        Self { state: Mutex::new(State::Plain(Arc::new(text))), len }
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    fn state(&self) -> State {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    pub(super) fn is_packed(&self) -> bool {
        matches!(self.state(), State::Packed(..))
    }

    /// The whole text.
    pub(super) fn text(&self) -> TextRef {
        match self.state() {
            State::Plain(s) => TextRef(Repr::Shared(s, 0..self.len)),
            State::Packed(store, at) => {
                let bytes = store.read(at..at + self.len).into_vec();
                TextRef(Repr::Owned(String::from_utf8(bytes).unwrap_or_default()))
            }
        }
    }

    /// The text of `range`, as `str::get` gives it: none when an end is past the text or
    /// inside a character.
    pub(super) fn slice(&self, range: Range<usize>) -> Option<TextRef> {
        if range.start > range.end || range.end > self.len {
            return None;
        }
        match self.state() {
            State::Plain(s) => s.get(range.clone()).is_some().then_some(TextRef(Repr::Shared(s, range))),
            State::Packed(store, at) if range.is_empty() => {
                // Inside a character even an empty range is none, as `str::get` gives.
                let next = store.read(at + range.start..(at + range.start + 1).min(at + self.len));
                let between = next.get().first().is_none_or(|b| starts_char(*b));
                between.then(TextRef::empty)
            }
            State::Packed(store, at) => {
                let bytes = store.read(at + range.start..at + range.end).into_vec();
                String::from_utf8(bytes).ok().map(|s| TextRef(Repr::Owned(s)))
            }
        }
    }

    /// Calls `f` with the bytes of `range` (clamped to the text).
    pub(super) fn with_bytes<R>(&self, range: Range<usize>, f: impl FnOnce(&[u8]) -> R) -> R {
        let end = range.end.min(self.len);
        let range = range.start.min(end)..end;
        let bytes = match self.state() {
            State::Plain(s) => Bytes::Shared(s, range),
            State::Packed(store, at) => store.read(at + range.start..at + range.end),
        };
        f(bytes.get())
    }
}

impl Store {
    /// The bytes of `range` (within the store): borrowed from one block when the range lies
    /// in one.
    fn read(&self, range: Range<usize>) -> Bytes {
        let (first, last) = (range.start / BLOCK, range.end.saturating_sub(1) / BLOCK);
        if range.is_empty() {
            return Bytes::Owned(Vec::new());
        }
        if first == last {
            let at = first * BLOCK;
            return Bytes::Block(self.block(first), range.start - at..range.end - at);
        }
        let mut out = Vec::with_capacity(range.len());
        for i in first..=last {
            let b = self.block(i);
            let at = i * BLOCK;
            let from = range.start.max(at) - at;
            let to = range.end.min(at + b.len()) - at;
            out.extend_from_slice(b.get(from..to).unwrap_or_default());
        }
        Bytes::Owned(out)
    }

    /// Block `i`, from this thread's last blocks when it is one of them.
    fn block(&self, i: usize) -> Rc<[u8]> {
        LAST_BLOCKS.with(|last| {
            let mut last = last.borrow_mut();
            if let Some(k) = last.iter().position(|(id, at, _)| (*id, *at) == (self.id, i)) {
                let hit = last.remove(k);
                let bytes = Rc::clone(&hit.2);
                last.insert(0, hit);
                return bytes;
            }
            let size = self.len.saturating_sub(i * BLOCK).min(BLOCK);
            let (start, end) = self.blocks.get(i).copied().unwrap_or_default();
            let packed = self.data.get(start as usize..end as usize).unwrap_or_default();
            let bytes: Rc<[u8]> = decompress(packed, size).into();
            last.truncate(KEPT_BLOCKS - 1);
            last.insert(0, (self.id, i, Rc::clone(&bytes)));
            bytes
        })
    }
}

/// Packs texts together (see the module's docs), unless that would save little. Texts already
/// packed are left as they are.
///
/// Packed one by one, texts took more memory than they saved: their small blocks, alive to the
/// end, sat among the trees allocated beside them, and kept in use the pages of the trees
/// dropped later. A store is one allocation.
pub(super) fn pack(bodies: &[&Body]) {
    let plain: Vec<(&Body, Arc<String>)> = bodies
        .iter()
        .filter_map(|b| match b.state() {
            State::Plain(text) => Some((*b, text)),
            State::Packed(..) => None,
        })
        .collect();
    let len: usize = plain.iter().map(|(_, t)| t.len()).sum();
    if len == 0 || u32::try_from(len).is_err() {
        return;
    }
    let (data, blocks) = match plain.as_slice() {
        [(_, one)] => compress_blocks(one.as_bytes()),
        _ => CONCATENATED.with(|all| {
            let mut all = all.borrow_mut();
            all.clear();
            for (_, text) in &plain {
                all.extend_from_slice(text.as_bytes());
            }
            let packed = compress_blocks(&all);
            // Kept for the next group, unless a large group made it large.
            if all.capacity() > 4 * BLOCK {
                *all = Vec::new();
            }
            packed
        }),
    };
    if data.len() * 10 > len * 9 || u32::try_from(data.len()).is_err() {
        return;
    }
    let store = Arc::new(Store {
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        len,
        blocks: blocks.into_boxed_slice(),
        data: data.into_boxed_slice(),
    });
    let mut at = 0;
    for (body, text) in plain {
        *body.state.lock().unwrap_or_else(PoisonError::into_inner) = State::Packed(Arc::clone(&store), at);
        at += text.len();
    }
}

thread_local! {
    /// The texts of a group, one after the other (see [`pack`]), and a block's compressed form:
    /// kept from one group to the next rather than allocated for each.
    static CONCATENATED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static COMPRESSED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The blocks of a text, compressed one after the other, and where each is.
fn compress_blocks(text: &[u8]) -> (Vec<u8>, Vec<(u32, u32)>) {
    // Room for texts that compress to a third; more is taken as needed.
    let mut data = Vec::with_capacity(text.len() / 3 + 64);
    let mut blocks = Vec::with_capacity(text.len().div_ceil(BLOCK));
    for block in text.chunks(BLOCK) {
        let at = data.len();
        compress(block, &mut data);
        blocks.push((u32::try_from(at).unwrap_or(u32::MAX), u32::try_from(data.len()).unwrap_or(u32::MAX)));
    }
    (data, blocks)
}

/// Appends a block, compressed, to `out`.
fn compress(bytes: &[u8], out: &mut Vec<u8>) {
    COMPRESSED.with(|room| {
        let mut room = room.borrow_mut();
        let size = lz4_flex::block::get_maximum_output_size(bytes.len()).max(room.len());
        room.resize(size, 0);
        // The room is the most a block can take: compressing into it cannot fail.
        let n = lz4_flex::block::compress_into(bytes, &mut room).unwrap_or(0);
        out.extend_from_slice(room.get(..n).unwrap_or_default());
    });
}

/// Whether a byte of UTF-8 text starts a character (is not a continuation byte).
pub(super) fn starts_char(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

fn decompress(bytes: &[u8], size: usize) -> Vec<u8> {
    let mut out = vec![0; size];
    let n = lz4_flex::block::decompress_into(bytes, &mut out).unwrap_or(0);
    debug_assert_eq!(n, size, "a packed block decompresses to its size");
    out
}
