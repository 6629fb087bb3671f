//! Values a file does not state: unknown values and symbolic references to other resources, as
//! tagged [`Node`]s, so Terraform and CloudFormation values are navigated like YAML.
//!
//! - Unknown: `Value::Null` tagged [`Tag::Unknown`]. Functions, conditionals, data sources,
//!   module outputs and the like evaluate to this; it is never a guess, and never reported as
//!   insecure.
//! - Reference: `Value::Str(address)` tagged [`Tag::Reference`], naming another resource of the
//!   same module or template (`aws_kms_key.this.arn`, CloudFormation `ClusterKey.Arn`). Adapters
//!   link through it; as a string it is only ever the address, never a value the resource would
//!   have.
//!
//! Both tags are written [`UNKNOWN_TAG`] and [`REF_TAG`], with a prefix a YAML author would not
//! write, so they never clash with `!Ref`-style tags kept from YAML.

use super::node::{CompactString, Node, Tag, Value};
use super::span::Span;

pub const UNKNOWN_TAG: &str = "ladrillo:unknown";
pub const REF_TAG: &str = "ladrillo:ref";

impl Node {
    /// A value that cannot be known from the files.
    #[must_use]
    pub fn unknown(span: Span) -> Node {
        Node::tagged(span, Value::Null, Some(Tag::Unknown))
    }

    /// A symbolic reference to (an attribute of) another resource.
    #[must_use]
    pub fn reference(span: Span, address: impl Into<CompactString>) -> Node {
        Node::tagged(span, Value::Str(address.into()), Some(Tag::Reference))
    }

    #[must_use]
    pub fn is_unknown(&self) -> bool {
        self.tag() == Some(Tag::Unknown)
    }

    /// The address of a symbolic reference.
    #[must_use]
    pub fn reference_address(&self) -> Option<&str> {
        match (&self.value, self.tag()) {
            (Value::Str(s), Some(Tag::Reference)) => Some(s),
            _ => None,
        }
    }

    /// Neither unknown nor a reference: a value the file states.
    #[must_use]
    pub fn is_literal(&self) -> bool {
        !self.is_unknown() && self.reference_address().is_none()
    }

    /// Whether this node or anything below it is unknown.
    #[must_use]
    pub fn contains_unknown(&self) -> bool {
        self.is_unknown()
            || match &self.value {
                Value::Seq(s) => s.iter().any(Node::contains_unknown),
                Value::Map(m) => m.entries.iter().any(|e| e.value.contains_unknown()),
                _ => false,
            }
    }

    /// The same value placed at another span, with every descendant (and key) moved there too:
    /// a value taken from a variable default is reported where the variable is used.
    #[must_use]
    pub fn respanned(mut self, span: Span) -> Node {
        fn walk(node: &mut Node, span: Span) {
            node.set_span(span);
            match &mut node.value {
                Value::Seq(items) => items.iter_mut().for_each(|n| walk(n, span)),
                Value::Map(m) => {
                    for e in &mut *m.entries {
                        e.key_span = span;
                        walk(&mut e.value, span);
                    }
                }
                _ => {}
            }
        }
        walk(&mut self, span);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_distinct_from_values() {
        let u = Node::unknown(Span::new(1, 2));
        assert!(u.is_unknown() && !u.is_literal() && u.as_str().is_none());
        let r = Node::reference(Span::new(1, 2), "aws_kms_key.this.arn");
        assert_eq!(r.reference_address(), Some("aws_kms_key.this.arn"));
        assert!(!r.is_unknown() && !r.is_literal());
        let mut tagged = Node::new(Span::default(), Value::Str("x".into()));
        tagged.set_tag(Some(Tag::from_text("Ref")));
        assert!(tagged.is_literal() && tagged.reference_address().is_none());
    }
}
