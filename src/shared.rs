//! Values shared between the equal copies a thread makes (a mapping key, a finding's field path,
//! a message's arguments): a large input repeats a few thousand keys, paths and names hundreds
//! of thousands of times.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::Hash;
use std::thread::LocalKey;

/// The value equal to `value` that this thread remembers in `seen`, or `make(value)`, then
/// remembered. A thread remembers at most `max` values: past that it forgets them all and starts
/// again, so that a hostile input of millions of distinct values costs no more than before.
pub(crate) fn shared<T, S>(
    seen: &'static LocalKey<RefCell<HashSet<S>>>,
    value: &T,
    max: usize,
    make: impl FnOnce(&T) -> S,
) -> S
where
    T: ?Sized + Hash + Eq,
    S: Borrow<T> + Hash + Eq + Clone,
{
    seen.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(known) = seen.get(value) {
            return known.clone();
        }
        if seen.len() >= max {
            seen.clear();
        }
        let new = make(value);
        seen.insert(new.clone());
        new
    })
}
