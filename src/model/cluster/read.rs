//! Typed reads from a document tree into model fields, shared by the adapters of tree-shaped
//! forms (eksctl YAML, AWS JSON, CloudFormation): each read yields a known value with its place,
//! the form's default, or unknown; a value of the wrong type is an input error and unknown.
//! Values the document marks unknown or as a reference to another resource (Terraform,
//! CloudFormation; see `document::symbolic`) read as unknown, never as absent or mistyped.

use std::sync::Arc;

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node, Segment, SourceFile, Span, Value};

use super::{Field, ObjectLink, Place, Spanned, Tag};

/// Reads fields of one document (or object) root.
#[derive(Debug)]
pub struct Reader<'a> {
    pub file: Option<Arc<SourceFile>>,
    pub root: &'a Node,
    /// Where absent top-level fields point (the cluster's name), rather than the first line.
    pub head: Span,
    pub object: Option<ObjectLink>,
    pub errors: Vec<InputError>,
    /// Absent fields whose nearest existing parent is this deep or less point at `head`
    /// (1 for AWS JSON, where the root's only key wraps the cluster).
    pub anchor: usize,
    /// A top-level key that also stands for the document's head when it is the nearest
    /// existing parent (`metadata` in eksctl, whose name is the head).
    pub head_key: Option<&'static str>,
    /// When set, absent fields are unknown for this reason instead of taking their default (an
    /// eksctl file that only adds node groups to a cluster defined elsewhere).
    pub no_defaults: Option<&'static str>,
    /// The Terraform variable references of the block, to say where a value read from one is
    /// set (empty for other forms).
    pub vars: &'a [crate::document::hcl::VarUse],
}

/// A default: the value and why it applies (the form's documentation, cited).
pub type Fallback<T> = Option<(T, &'static str)>;

impl<'a> Reader<'a> {
    #[must_use]
    pub fn new(
        file: Option<Arc<SourceFile>>,
        root: &'a Node,
        head: Span,
        object: Option<ObjectLink>,
    ) -> Self {
        Self {
            file,
            root,
            head,
            object,
            errors: Vec::new(),
            anchor: 0,
            head_key: None,
            no_defaults: None,
            vars: &[],
        }
    }

    /// The place of a field: its value, or its nearest existing parent when absent.
    #[must_use]
    pub fn place(&self, path: &FieldPath) -> Place {
        let located = self.root.locate(path);
        let span = match &located.missing {
            Some(m) if path.depth() - m.depth() <= self.anchor => self.head,
            Some(m)
                if path.depth() - m.depth() == 1
                    && self.head_key.is_some_and(|k| path.first() == Some(Segment::Key(k))) =>
            {
                self.head
            }
            _ => located.span,
        };
        let set_by = match &located.missing {
            None => self
                .vars
                .iter()
                .find(|u| u.span.start <= span.start && span.end <= u.span.end && !u.span.range().is_empty())
                .cloned(),
            Some(_) => None,
        };
        Place {
            file: self.file.clone(),
            span,
            path: path.clone(),
            missing: located.missing,
            object: self.object.clone(),
            set_by,
        }
    }

    /// The node at a path; absent and `null` are both `None`. An unknown value is `Some`.
    #[must_use]
    pub fn get(&self, path: &FieldPath) -> Option<&'a Node> {
        let mut node = self.root;
        for seg in path.segments() {
            node = match seg {
                Segment::Key(k) => node.get(k)?,
                Segment::Index(i) => node.as_seq()?.get(i)?,
            };
        }
        (!node.is_null() || node.is_unknown()).then_some(node)
    }

    /// Unknown for a value the document cannot tell (unknown, or a reference where a literal is
    /// needed), at its place.
    #[must_use]
    pub fn symbolic<T>(&self, node: &Node, path: &FieldPath) -> Option<Field<T>> {
        (!node.is_literal()).then(|| self.opaque(node, path))
    }

    fn opaque<T>(&self, node: &Node, path: &FieldPath) -> Field<T> {
        match node.reference_address() {
            Some(a) => Field::unknown(self.place(path), format!("refers to `{a}`")),
            None => Field::unknown(self.place(path), "computed, not known from the files"),
        }
    }

    /// A string, or the address of a reference to another resource (an ARN that the referenced
    /// resource will have): for fields whose only use is to link or to tell that something is set.
    pub fn string_or_reference(&mut self, path: &FieldPath, default: Fallback<&str>) -> Field<String> {
        match self.get(path).and_then(Node::reference_address) {
            Some(a) => Field::known(a.to_string(), self.place(path)),
            None => self.string(path, default),
        }
    }

    fn absent<T>(&self, path: &FieldPath, default: Fallback<T>) -> Field<T> {
        if let Some(reason) = self.no_defaults {
            return Field::unknown(self.place(path), reason);
        }
        match default {
            Some((v, why)) => Field::default(v, self.place(path), why),
            None => Field::unknown(self.place(path), "not set"),
        }
    }

    /// Records a type error at a node and returns unknown.
    pub fn wrong<T>(&mut self, node: &Node, path: &FieldPath, expected: &str) -> Field<T> {
        if let Some(f) = &self.file {
            self.errors.push(InputError::at(
                f,
                node.span(),
                crate::msg!(
                    "input-wrong-type",
                    path = path.to_string(),
                    expected = expected_msg(expected),
                    found = node.type_msg()
                ),
            ));
        }
        Field::unknown(self.place(path), format!("not {expected}"))
    }

    pub fn bool(&mut self, path: &FieldPath, default: Fallback<bool>) -> Field<bool> {
        match self.get(path) {
            None => self.absent(path, default),
            Some(n) if !n.is_literal() => self.opaque(n, path),
            Some(n) => match n.as_bool() {
                Some(b) => Field::known(b, self.place(path)),
                None => self.wrong(n, path, "a boolean"),
            },
        }
    }

    pub fn int(&mut self, path: &FieldPath, default: Fallback<i64>) -> Field<i64> {
        match self.get(path) {
            None => self.absent(path, default),
            Some(n) if !n.is_literal() => self.opaque(n, path),
            Some(n) => match n.as_i64() {
                Some(i) => Field::known(i, self.place(path)),
                None => self.wrong(n, path, "an integer"),
            },
        }
    }

    pub fn string(&mut self, path: &FieldPath, default: Fallback<&str>) -> Field<String> {
        match self.get(path) {
            None => self.absent(path, default.map(|(v, w)| (v.to_string(), w))),
            Some(n) if !n.is_literal() => self.opaque(n, path),
            Some(n) => match scalar(n) {
                Some(s) => Field::known(s, self.place(path)),
                None => self.wrong(n, path, "a string"),
            },
        }
    }

    /// An optional string: absent means `None`, for the reason given.
    pub fn opt_string(&mut self, path: &FieldPath, why: &'static str) -> Field<Option<String>> {
        self.string(path, None).map(Some).or_absent(self, path, why)
    }

    pub fn strings(&mut self, path: &FieldPath, default: Fallback<Vec<String>>) -> Field<Vec<String>> {
        self.spanned_strings(path, default).map(|v| v.into_iter().map(|s| s.value).collect())
    }

    /// A list of strings with the place of each item.
    pub fn spanned_strings(
        &mut self,
        path: &FieldPath,
        default: Fallback<Vec<String>>,
    ) -> Field<Vec<Spanned<String>>> {
        let Some(n) = self.get(path) else {
            let at = self.place(path);
            let default = default
                .map(|(v, w)| (v.into_iter().map(|s| Spanned { value: s, at: at.clone() }).collect(), w));
            return self.absent(path, default);
        };
        if let Some(f) = self.symbolic(n, path) {
            return f;
        }
        let Some(items) = n.as_seq() else { return self.wrong(n, path, "a list of strings") };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = path.clone().index(i);
            if let Some(f) = self.symbolic(item, &p) {
                return f.map(|()| Vec::new());
            }
            match scalar(item) {
                Some(s) => out.push(Spanned { value: s, at: self.place(&p) }),
                None => return self.wrong(item, &p, "a string"),
            }
        }
        Field::known(out, self.place(path))
    }

    /// A string-to-string map (tags, labels) with the place of each entry.
    pub fn string_map(&mut self, path: &FieldPath, default: Fallback<()>) -> Field<Vec<Spanned<Tag>>> {
        let Some(n) = self.get(path) else {
            return self.absent(path, default.map(|((), w)| (Vec::new(), w)));
        };
        if let Some(f) = self.symbolic(n, path) {
            return f;
        }
        let Some(map) = n.as_map() else { return self.wrong(n, path, "a mapping of strings") };
        let mut out = Vec::new();
        for e in &map.entries {
            let p = path.clone().key(&e.key);
            if let Some(f) = self.symbolic(&e.value, &p) {
                return f.map(|()| Vec::new());
            }
            let value = if e.value.is_null() { Some(String::new()) } else { scalar(&e.value) };
            match value {
                Some(v) => out.push(Spanned {
                    value: Tag { key: e.key.as_str().to_owned(), value: v },
                    at: self.place(&p),
                }),
                None => return self.wrong(&e.value, &p, "a string"),
            }
        }
        Field::known(out, self.place(path))
    }

    /// Items of a list at a path, with their paths; a non-list is an input error. An unknown
    /// list gives none (callers that must tell "none" from "unknown" check [`Node::is_unknown`]).
    pub fn list(&mut self, path: &FieldPath) -> Option<Vec<(FieldPath, &'a Node)>> {
        let n = self.get(path)?;
        if !n.is_literal() {
            return None;
        }
        match n.as_seq() {
            Some(items) => {
                Some(items.iter().enumerate().map(|(i, item)| (path.clone().index(i), item)).collect())
            }
            None => {
                let _: Field<()> = self.wrong(n, path, "a list");
                None
            }
        }
    }
}

/// A scalar as text: strings as they are, numbers and booleans rendered (`1.34` read as a float
/// stays `1.34`).
#[must_use]
pub fn scalar(n: &Node) -> Option<String> {
    match &n.value {
        Value::Str(s) => Some(s.as_str().to_owned()),
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => n.scalar_text(),
        _ => None,
    }
}

trait OrAbsent<T> {
    fn or_absent(self, r: &Reader<'_>, path: &FieldPath, why: &'static str) -> Field<Option<T>>;
}

impl<T> OrAbsent<T> for Field<Option<T>> {
    /// Turns the "not set" unknown of an absent field into a defaulted `None`.
    fn or_absent(self, r: &Reader<'_>, path: &FieldPath, why: &'static str) -> Field<Option<T>> {
        match self {
            Field::Unknown { reason, .. } if reason == "not set" && r.get(path).is_none() => {
                Field::default(None, r.place(path), why)
            }
            other => other,
        }
    }
}

/// What a field must be, as a message ([`Reader::wrong`]'s `expected`): the texts its callers
/// pass have one each; any other is shown as written.
fn expected_msg(expected: &str) -> crate::i18n::Arg {
    let id = match expected {
        "a boolean" => "expected-boolean",
        "an integer" => "expected-integer",
        "a string" => "expected-string",
        "a list" => "expected-list",
        "a list of strings" => "expected-list-of-strings",
        "a mapping of strings" => "expected-mapping-of-strings",
        "a list of taints" => "expected-list-of-taints",
        "a mapping" => "expected-mapping",
        "a number" => "expected-number",
        "a quoted string such as \"1.30\"" => "expected-quoted-version",
        _ => return expected.into(),
    };
    crate::i18n::Msg::new(id).into()
}
