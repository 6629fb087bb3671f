//! Label selectors with Kubernetes semantics: `matchLabels` and `matchExpressions` (In, NotIn,
//! Exists, DoesNotExist), ANDed; an empty selector matches everything. Matching is three-valued
//! so that a namespace whose labels are not in the input gives "maybe" instead of a guess.
//! Also parses kubectl's string form (`app=web,tier in (a,b),!legacy`) for settings.

use std::collections::BTreeMap;

use crate::document::{Node, Span};

pub type Labels = BTreeMap<String, String>;

/// The label the API server sets on every namespace (Kubernetes ≥ 1.21).
pub const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";

/// Labels of a namespace or pod: all of them, or only some keys when the object is not in the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownLabels {
    pub labels: Labels,
    /// Whether keys absent from `labels` are known to be absent.
    pub complete: bool,
}

impl KnownLabels {
    #[must_use]
    pub fn complete(labels: Labels) -> Self {
        Self { labels, complete: true }
    }
}

/// Three-valued match result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Match {
    No,
    Maybe,
    Yes,
}

impl Match {
    #[must_use]
    pub fn and(self, o: Match) -> Match {
        self.min(o)
    }

    #[must_use]
    pub fn or(self, o: Match) -> Match {
        self.max(o)
    }

    #[must_use]
    pub fn possible(self) -> bool {
        self != Match::No
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    pub key: String,
    pub op: Operator,
    pub values: Vec<String>,
}

/// A parsed label selector. `matchLabels` entries become `In` requirements.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selector {
    pub requirements: Vec<Requirement>,
}

impl Selector {
    /// The selector that matches everything (`{}`).
    #[must_use]
    pub fn everything() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.requirements.is_empty()
    }

    /// Reads a `LabelSelector` from a document node; errors carry the span of the bad part.
    pub fn from_node(node: &Node) -> Result<Selector, (Span, String)> {
        if node.is_null() {
            return Ok(Self::everything());
        }
        let map = node
            .as_map()
            .ok_or((node.span, format!("a label selector must be an object, found {}", node.type_name())))?;
        let mut requirements = Vec::new();
        if let Some(ml) = map.get("matchLabels").filter(|n| !n.is_null()) {
            let m = ml.as_map().ok_or((ml.span, "`matchLabels` must be an object".to_string()))?;
            for e in &m.entries {
                let v = e
                    .value
                    .scalar_text()
                    .filter(|_| !e.value.is_null())
                    .ok_or((e.value.span, format!("label value for `{}` must be a string", e.key)))?;
                requirements.push(Requirement { key: e.key.clone(), op: Operator::In, values: vec![v] });
            }
        }
        for ex in map.get("matchExpressions").into_iter().flat_map(Node::items) {
            let key = ex
                .get("key")
                .and_then(Node::as_str)
                .ok_or((ex.span, "a match expression needs a string `key`".to_string()))?;
            let op_node =
                ex.get("operator").ok_or((ex.span, "a match expression needs an `operator`".to_string()))?;
            let op = match op_node.as_str() {
                Some("In") => Operator::In,
                Some("NotIn") => Operator::NotIn,
                Some("Exists") => Operator::Exists,
                Some("DoesNotExist") => Operator::DoesNotExist,
                _ => {
                    return Err((
                        op_node.span,
                        "operator must be In, NotIn, Exists or DoesNotExist".to_string(),
                    ));
                }
            };
            let values: Vec<String> =
                ex.get("values").into_iter().flat_map(Node::items).filter_map(Node::scalar_text).collect();
            match op {
                Operator::In | Operator::NotIn if values.is_empty() => {
                    return Err((ex.span, format!("operator {op:?} needs at least one value")));
                }
                Operator::Exists | Operator::DoesNotExist if !values.is_empty() => {
                    return Err((ex.span, format!("operator {op:?} takes no values")));
                }
                _ => {}
            }
            requirements.push(Requirement { key: key.to_string(), op, values });
        }
        Ok(Selector { requirements })
    }

    /// Whether the selector matches fully known labels.
    #[must_use]
    pub fn matches(&self, labels: &Labels) -> bool {
        self.eval(labels, true) == Match::Yes
    }

    /// Three-valued match against possibly partial labels.
    #[must_use]
    pub fn matches_known(&self, l: &KnownLabels) -> Match {
        self.eval(&l.labels, l.complete)
    }

    fn eval(&self, labels: &Labels, complete: bool) -> Match {
        self.requirements.iter().fold(Match::Yes, |acc, r| {
            let value = labels.get(&r.key);
            let m = if value.is_none() && !complete {
                Match::Maybe
            } else {
                let ok = match r.op {
                    Operator::In => value.is_some_and(|v| r.values.contains(v)),
                    Operator::NotIn => value.is_none_or(|v| !r.values.contains(v)),
                    Operator::Exists => value.is_some(),
                    Operator::DoesNotExist => value.is_none(),
                };
                if ok { Match::Yes } else { Match::No }
            };
            acc.and(m)
        })
    }

    /// Parses kubectl's selector syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`,
    /// `k`, `!k`, separated by commas. The empty string is the empty selector.
    pub fn parse(text: &str) -> Result<Selector, String> {
        let mut requirements = Vec::new();
        for part in split_top(text) {
            let part = part.trim();
            if part.is_empty() {
                if text.trim().is_empty() {
                    continue;
                }
                return Err(format!("empty requirement in selector `{text}`"));
            }
            let req = if let Some(k) = part.strip_prefix('!') {
                Requirement { key: key(k)?, op: Operator::DoesNotExist, values: vec![] }
            } else if let Some((k, v)) = part.split_once("!=") {
                Requirement { key: key(k)?, op: Operator::NotIn, values: vec![value(v)?] }
            } else if let Some((k, v)) = part.split_once("==").or_else(|| part.split_once('=')) {
                Requirement { key: key(k)?, op: Operator::In, values: vec![value(v)?] }
            } else if let Some((k, rest)) = split_word(part, " notin ") {
                Requirement { key: key(k)?, op: Operator::NotIn, values: set(rest)? }
            } else if let Some((k, rest)) = split_word(part, " in ") {
                Requirement { key: key(k)?, op: Operator::In, values: set(rest)? }
            } else {
                Requirement { key: key(part)?, op: Operator::Exists, values: vec![] }
            };
            requirements.push(req);
        }
        Ok(Selector { requirements })
    }
}

impl std::fmt::Display for Selector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.requirements.is_empty() {
            return f.write_str("{}");
        }
        for (i, r) in self.requirements.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            match (r.op, r.values.as_slice()) {
                (Operator::In, [v]) => write!(f, "{}={v}", r.key)?,
                (Operator::NotIn, [v]) => write!(f, "{}!={v}", r.key)?,
                (Operator::In, vs) => write!(f, "{} in ({})", r.key, vs.join(","))?,
                (Operator::NotIn, vs) => write!(f, "{} notin ({})", r.key, vs.join(","))?,
                (Operator::Exists, _) => f.write_str(&r.key)?,
                (Operator::DoesNotExist, _) => write!(f, "!{}", r.key)?,
            }
        }
        Ok(())
    }
}

/// Splits on commas outside parentheses.
fn split_top(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

fn split_word<'a>(part: &'a str, word: &str) -> Option<(&'a str, &'a str)> {
    let i = part.find(word)?;
    Some((&part[..i], &part[i + word.len()..]))
}

fn key(k: &str) -> Result<String, String> {
    let k = k.trim();
    if k.is_empty() || k.contains(|c: char| c.is_whitespace() || "=!(),".contains(c)) {
        return Err(format!("`{k}` is not a label key"));
    }
    Ok(k.to_string())
}

fn value(v: &str) -> Result<String, String> {
    let v = v.trim();
    if v.contains(|c: char| c.is_whitespace() || "=!(),".contains(c)) {
        return Err(format!("`{v}` is not a label value"));
    }
    Ok(v.to_string())
}

fn set(rest: &str) -> Result<Vec<String>, String> {
    let inner = rest
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .ok_or_else(|| format!("expected a parenthesised value list, found `{}`", rest.trim()))?;
    let values = inner.split(',').map(value).collect::<Result<Vec<_>, _>>()?;
    if values.iter().all(String::is_empty) {
        return Err("a value list needs at least one value".into());
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml;

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect()
    }

    fn sel(text: &str) -> Selector {
        let root = yaml::parse(text).documents.into_iter().next().unwrap().root;
        Selector::from_node(&root).unwrap()
    }

    #[test]
    fn empty_selector_matches_everything() {
        assert!(sel("{}").matches(&labels(&[])));
        assert_eq!(sel("{}").matches_known(&KnownLabels::default()), Match::Yes);
    }

    #[test]
    fn match_labels_and_expressions_are_anded() {
        let s = sel(
            "matchLabels: {app: web}\nmatchExpressions:\n- {key: tier, operator: In, values: [a, b]}\n- {key: legacy, operator: DoesNotExist}\n- {key: env, operator: NotIn, values: [dev]}\n- {key: team, operator: Exists}",
        );
        assert!(s.matches(&labels(&[("app", "web"), ("tier", "a"), ("team", "x")])));
        assert!(s.matches(&labels(&[("app", "web"), ("tier", "b"), ("team", "x"), ("env", "prod")])));
        assert!(!s.matches(&labels(&[("app", "web"), ("tier", "c"), ("team", "x")])));
        assert!(!s.matches(&labels(&[("app", "web"), ("tier", "a"), ("team", "x"), ("legacy", "1")])));
        assert!(!s.matches(&labels(&[("app", "web"), ("tier", "a"), ("team", "x"), ("env", "dev")])));
        assert!(!s.matches(&labels(&[("app", "web"), ("tier", "a")])));
    }

    #[test]
    fn partial_labels_give_maybe() {
        let partial = KnownLabels { labels: labels(&[(NAMESPACE_NAME_LABEL, "shop")]), complete: false };
        assert_eq!(sel("matchLabels: {team: a}").matches_known(&partial), Match::Maybe);
        assert_eq!(
            sel("matchLabels: {kubernetes.io/metadata.name: shop}").matches_known(&partial),
            Match::Yes
        );
        assert_eq!(
            sel("matchLabels: {kubernetes.io/metadata.name: other, team: a}").matches_known(&partial),
            Match::No
        );
    }

    #[test]
    fn invalid_selectors_are_errors() {
        let root =
            yaml::parse("matchExpressions:\n- {key: a, operator: Is, values: [x]}").documents.remove(0).root;
        assert!(Selector::from_node(&root).is_err());
        let root = yaml::parse("matchExpressions:\n- {key: a, operator: In}").documents.remove(0).root;
        assert!(Selector::from_node(&root).is_err());
        let root = yaml::parse("matchExpressions:\n- {key: a, operator: Exists, values: [x]}")
            .documents
            .remove(0)
            .root;
        assert!(Selector::from_node(&root).is_err());
    }

    #[test]
    fn kubectl_syntax() {
        let s = Selector::parse("app=web, tier in (a,b),env!=dev,!legacy,team").unwrap();
        assert_eq!(s.to_string(), "app=web,tier in (a,b),env!=dev,!legacy,team");
        assert!(s.matches(&labels(&[("app", "web"), ("tier", "b"), ("team", "x")])));
        assert!(Selector::parse("").unwrap().is_empty());
        assert!(Selector::parse("a in b").is_err());
        assert!(Selector::parse("a=b,").is_err());
        assert!(Selector::parse("=b").is_err());
        assert_eq!(Selector::parse("x notin (1)").unwrap().requirements[0].op, Operator::NotIn);
    }
}
