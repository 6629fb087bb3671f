//! Building blocks of the admission controller's violation details: quoted lists, container
//! lists, setters and plurals ("singular when the count is exactly 1").

use std::fmt::Write as _;

/// `one` when `n == 1`, else `many`.
pub(crate) fn plural<'s>(one: &'s str, many: &'s str, n: usize) -> &'s str {
    if n == 1 { one } else { many }
}

/// Items wrapped in double quotes (without escaping), joined by `", "`.
pub(crate) fn join_quote<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('"');
        out.push_str(&crate::diagnostic::escape_inline(item.as_ref()));
        out.push('"');
    }
    out
}

/// `container "a"` or `containers "a", "b"`.
pub(crate) fn containers<S: AsRef<str>>(names: &[S]) -> String {
    format!("{} {}", plural("container", "containers", names.len()), join_quote(names))
}

/// Sorted bytewise and de-duplicated.
pub(crate) fn sorted_distinct<S: AsRef<str> + Ord>(mut items: Vec<S>) -> Vec<S> {
    items.sort();
    items.dedup_by(|a, b| a.as_ref() == b.as_ref());
    items
}

/// Who set a forbidden value: `pod`, a container list and `annotation(s)`, joined by ` and `.
#[derive(Default)]
pub(crate) struct Setters {
    parts: Vec<String>,
}

impl Setters {
    pub(crate) fn pod(&mut self, yes: bool) -> &mut Self {
        if yes {
            self.parts.push("pod".into());
        }
        self
    }

    pub(crate) fn containers<S: AsRef<str>>(&mut self, names: &[S]) -> &mut Self {
        if !names.is_empty() {
            self.parts.push(containers(names));
        }
        self
    }

    pub(crate) fn add(&mut self, part: &str) -> &mut Self {
        self.parts.push(part.into());
        self
    }

    pub(crate) fn text(&self) -> String {
        self.parts.join(" and ")
    }
}

/// A string quoted the way Go's `%q` writes it.
pub(crate) fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() || c == '\u{feff}' => {
                if (c as u32) < 0x10000 {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                } else {
                    let _ = write!(out, "\\U{:08x}", c as u32);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_plurals() {
        assert_eq!(containers(&["a"]), "container \"a\"");
        assert_eq!(containers(&["a", "b"]), "containers \"a\", \"b\"");
        assert_eq!(join_quote::<&str>(&[]), "");
        let mut s = Setters::default();
        s.pod(true).containers(&["a", "b"]).add("annotation");
        assert_eq!(s.text(), "pod and containers \"a\", \"b\" and annotation");
        assert_eq!(sorted_distinct(vec!["8080", "10000", "8080"]), vec!["10000", "8080"]);
    }

    #[test]
    fn go_quoting() {
        assert_eq!(go_quote("unconfined"), "\"unconfined\"");
        assert_eq!(go_quote("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\x01\"");
        assert_eq!(go_quote("é"), "\"é\"");
    }
}
