//! Mapping keys. A large input repeats a few hundred keys (`metadata`, `name`, `image`, …) over
//! hundreds of thousands of mapping entries: each entry holds an 8-byte pointer to one shared
//! text ([`Key`]) instead of a 24-byte inline copy.
//!
//! Sharing is per thread (each parsing thread remembers the keys it made, up to [`MAX_SEEN`]),
//! and the first [`MAX_STATIC`] distinct keys of the process are made static: copying or
//! dropping them touches no reference count, so the threads that parse and check objects in
//! parallel never contend on the common keys. A hostile input of millions of distinct keys
//! leaks at most `MAX_STATIC` × [`MAX_SHARED_LEN`] bytes and otherwise pays one allocation per
//! key, as before.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::atomic::{AtomicUsize, Ordering};

use arcstr::ArcStr;

/// Keys a thread remembers for sharing before it forgets them all and starts again.
pub const MAX_SEEN: usize = 16_384;

/// Distinct keys made static over the whole process.
pub const MAX_STATIC: usize = 8_192;

/// Longer keys are not shared (nor made static): they are rarely repeated.
pub const MAX_SHARED_LEN: usize = 64;

static MADE_STATIC: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static SEEN: RefCell<HashSet<ArcStr>> = RefCell::new(HashSet::new());
}

/// The text of a mapping key, shared between the entries that repeat it.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(ArcStr);

impl Key {
    /// The key `text`, shared with an equal key made before on this thread when there is one.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.len() > MAX_SHARED_LEN {
            return Self(ArcStr::from(text));
        }
        Self(crate::shared::shared(&SEEN, text, MAX_SEEN, |text| {
            let key = ArcStr::from(text);
            if MADE_STATIC.fetch_add(1, Ordering::Relaxed) < MAX_STATIC {
                // Every clone of a leaked `ArcStr` is static: no count to update, ever.
                let _: &'static str = key.leak();
            }
            key
        }))
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Key {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl From<&str> for Key {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for Key {
    fn from(text: String) -> Self {
        Self::new(&text)
    }
}

impl From<&String> for Key {
    fn from(text: &String) -> Self {
        Self::new(text)
    }
}

impl From<compact_str::CompactString> for Key {
    fn from(text: compact_str::CompactString) -> Self {
        Self::new(&text)
    }
}

impl serde::Serialize for Key {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_one_pointer() {
        assert_eq!(std::mem::size_of::<Key>(), 8);
    }

    #[test]
    fn equal_keys_share_their_text() {
        let a = Key::new("metadata");
        let b = Key::new("metadata");
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, "metadata");
        assert_ne!(a, Key::new("spec"));
    }

    #[test]
    fn long_keys_are_kept_whole_and_not_shared() {
        let long = "k".repeat(MAX_SHARED_LEN + 1);
        let a = Key::new(&long);
        let b = Key::new(&long);
        assert_eq!(a, b);
        assert_eq!(a.as_str(), long);
        assert!(!std::ptr::eq(a.as_str(), b.as_str()));
    }

    #[test]
    fn many_distinct_keys_stay_correct_past_every_limit() {
        let keys: Vec<Key> = (0..MAX_SEEN + MAX_STATIC + 10).map(|i| Key::new(&format!("key-{i}"))).collect();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(k.as_str(), format!("key-{i}"));
        }
        // A key made again after its thread forgot it is equal, if not the same pointer.
        assert_eq!(Key::new("key-0"), keys[0]);
    }
}
