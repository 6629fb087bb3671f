//! A message's arguments, encoded in one byte string: a finding keeps its message (and often a
//! help line and notes) for the whole run, hundreds of thousands of them on a large input, and
//! a list of named values with boxed nested messages took one allocation per nested message
//! and 40 bytes per argument before its text.
//!
//! Each argument is its name, a tag and its value: a text as its length and bytes, a number
//! (zigzag, so that small negative numbers stay short), or a nested message as its id and its
//! own encoded arguments. Lengths are LEB128. The bytes are only ever written here, from
//! `&str`s, so every text read back is valid UTF-8; a malformed buffer ends the iteration.

use super::Arg;

const STR: u8 = 0;
const NUM: u8 = 1;
const MSG: u8 = 2;

/// One argument as read back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgRef<'a> {
    Str(&'a str),
    Num(i64),
    /// A nested message: its id and its encoded arguments.
    Msg(&'a str, &'a [u8]),
}

fn push_bytes(buf: &mut Vec<u8>, bytes: &[u8]) {
    crate::varint::push(buf, bytes.len() as u64);
    buf.extend_from_slice(bytes);
}

/// Appends one argument.
pub fn push(buf: &mut Vec<u8>, name: &str, value: ArgRef<'_>) {
    push_bytes(buf, name.as_bytes());
    match value {
        ArgRef::Str(s) => {
            buf.push(STR);
            push_bytes(buf, s.as_bytes());
        }
        ArgRef::Num(n) => {
            buf.push(NUM);
            #[allow(clippy::cast_sign_loss)]
            crate::varint::push(buf, ((n << 1) ^ (n >> 63)) as u64);
        }
        ArgRef::Msg(id, args) => {
            buf.push(MSG);
            push_bytes(buf, id.as_bytes());
            push_bytes(buf, args);
        }
    }
}

/// Appends one argument given as an [`Arg`].
pub fn push_arg(buf: &mut Vec<u8>, name: &str, value: &Arg) {
    match value {
        Arg::Str(s) => push(buf, name, ArgRef::Str(s)),
        Arg::Num(n) => push(buf, name, ArgRef::Num(*n)),
        Arg::Msg(m) => push(buf, name, ArgRef::Msg(&m.id, m.args.as_deref().unwrap_or_default())),
    }
}

/// The arguments of an encoded list, in order.
pub fn iter(buf: &[u8]) -> Iter<'_> {
    Iter { rest: buf }
}

pub struct Iter<'a> {
    rest: &'a [u8],
}

impl<'a> Iter<'a> {
    fn number(&mut self) -> Option<u64> {
        let mut at = 0;
        let n = crate::varint::read(self.rest, &mut at)?;
        self.rest = self.rest.get(at..)?;
        Some(n)
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.number()?).ok()
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        let (bytes, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(bytes)
    }

    fn text(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    fn next_arg(&mut self) -> Option<(&'a str, ArgRef<'a>)> {
        let name = self.text()?;
        let (&tag, rest) = self.rest.split_first()?;
        self.rest = rest;
        let value = match tag {
            STR => ArgRef::Str(self.text()?),
            NUM => {
                let z = self.number()?;
                #[allow(clippy::cast_possible_wrap)]
                ArgRef::Num(((z >> 1) as i64) ^ -((z & 1) as i64))
            }
            MSG => ArgRef::Msg(self.text()?, self.bytes()?),
            _ => return None,
        };
        Some((name, value))
    }
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, ArgRef<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.next_arg();
        if item.is_none() {
            self.rest = &[];
        }
        item
    }
}

/// Whether `f` holds for a text argument, in nested messages too.
pub fn any_text(buf: &[u8], f: &impl Fn(&str) -> bool) -> bool {
    iter(buf).any(|(_, value)| match value {
        ArgRef::Str(s) => f(s),
        ArgRef::Msg(_, args) => any_text(args, f),
        ArgRef::Num(_) => false,
    })
}

/// The list with every text argument (in nested messages too) replaced where `f` returns a new
/// text, or `None` when `f` changes none.
pub fn map_text(buf: &[u8], f: &impl Fn(&str) -> Option<String>) -> Option<Vec<u8>> {
    if !any_text(buf, &|s| f(s).is_some()) {
        return None;
    }
    let mut out = Vec::with_capacity(buf.len());
    for (name, value) in iter(buf) {
        match value {
            ArgRef::Str(s) => match f(s) {
                Some(new) => push(&mut out, name, ArgRef::Str(&new)),
                None => push(&mut out, name, value),
            },
            ArgRef::Msg(id, args) => match map_text(args, f) {
                Some(new) => push(&mut out, name, ArgRef::Msg(id, &new)),
                None => push(&mut out, name, value),
            },
            ArgRef::Num(_) => push(&mut out, name, value),
        }
    }
    Some(out)
}

/// `Debug` of an encoded list, shaped like a list of `(name, value)` pairs.
pub struct DebugArgs<'a>(pub &'a [u8]);

impl std::fmt::Debug for DebugArgs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        struct Nested<'a>(&'a str, &'a [u8]);
        impl std::fmt::Debug for Nested<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct("Msg").field("id", &self.0).field("args", &DebugArgs(self.1)).finish()
            }
        }
        let mut list = f.debug_list();
        for (name, value) in iter(self.0) {
            match value {
                ArgRef::Str(s) => list.entry(&(name, s)),
                ArgRef::Num(n) => list.entry(&(name, n)),
                ArgRef::Msg(id, args) => list.entry(&(name, Nested(id, args))),
            };
        }
        list.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_read_back_as_written() {
        let mut inner = Vec::new();
        push(&mut inner, "name", ArgRef::Str("web"));
        let mut buf = Vec::new();
        let long = "x".repeat(300);
        push(&mut buf, "kind", ArgRef::Str("Deployment"));
        push(&mut buf, "long", ArgRef::Str(&long));
        push(&mut buf, "empty", ArgRef::Str(""));
        for n in [0, 1, -1, 63, -64, 64, i64::MAX, i64::MIN] {
            push(&mut buf, "n", ArgRef::Num(n));
        }
        push(&mut buf, "what", ArgRef::Msg("container-ref", &inner));
        let read: Vec<_> = iter(&buf).collect();
        assert_eq!(read.len(), 12);
        assert_eq!(read[0], ("kind", ArgRef::Str("Deployment")));
        assert_eq!(read[1], ("long", ArgRef::Str(long.as_str())));
        assert_eq!(read[2], ("empty", ArgRef::Str("")));
        let numbers: Vec<i64> = read[3..11]
            .iter()
            .map(|(_, v)| if let ArgRef::Num(n) = v { *n } else { panic!("{v:?}") })
            .collect();
        assert_eq!(numbers, [0, 1, -1, 63, -64, 64, i64::MAX, i64::MIN]);
        assert_eq!(read[11], ("what", ArgRef::Msg("container-ref", &inner)));
        assert_eq!(iter(&inner).collect::<Vec<_>>(), [("name", ArgRef::Str("web"))]);
    }

    #[test]
    fn a_malformed_list_ends_the_iteration() {
        let mut buf = Vec::new();
        push(&mut buf, "a", ArgRef::Str("one"));
        push(&mut buf, "b", ArgRef::Str("two"));
        for cut in 0..buf.len() {
            assert!(iter(&buf[..cut]).count() <= 1);
        }
        assert_eq!(iter(&[0xff; 12]).count(), 0);
        assert_eq!(iter(&[1, b'a', 9]).count(), 0);
    }

    #[test]
    fn texts_are_replaced_in_nested_messages_and_only_when_changed() {
        let mut inner = Vec::new();
        push(&mut inner, "name", ArgRef::Str("AKIASECRET"));
        let mut buf = Vec::new();
        push(&mut buf, "n", ArgRef::Num(3));
        push(&mut buf, "what", ArgRef::Msg("ref", &inner));
        let mask = |s: &str| s.starts_with("AKIA").then(|| "****".to_string());
        assert!(any_text(&buf, &|s| s.starts_with("AKIA")));
        let masked = map_text(&buf, &mask).expect("changed");
        assert!(!any_text(&masked, &|s| s.starts_with("AKIA")));
        assert!(any_text(&masked, &|s| s == "****"));
        assert_eq!(iter(&masked).next(), Some(("n", ArgRef::Num(3))));
        assert_eq!(map_text(&masked, &mask), None);
    }
}
