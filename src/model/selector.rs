//! Kubernetes label selectors (`matchLabels` + `matchExpressions`: In, NotIn, Exists,
//! DoesNotExist, ANDed) and label sets, for every analysis that relates objects to pods or roles:
//! disruption budgets, network policies, ClusterRole aggregation. Semantics follow
//! `k8s.io/apimachinery/pkg/labels`; matching is also three-valued, so that labels only partly
//! known (a namespace not in the input) give "maybe". Also parses kubectl's string form.

use compact_str::CompactString;

use super::validation;
use crate::document::{Node, Span};

/// A set of labels (`metadata.labels`), key → value, sorted by key. A boxed slice of compact
/// strings: the NetworkPolicy model keeps one per workload, and a `BTreeMap` of `String`s took a
/// node of eleven slots plus two allocations per label for each (about 600 bytes for three
/// labels, against 144 here).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Labels(Box<[(CompactString, CompactString)]>);

impl Labels {
    /// The value of `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        let i = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        self.0.get(i).map(|(_, v)| v.as_str())
    }

    /// Sets `key` to `value`, replacing the value it had.
    pub fn insert(&mut self, key: impl Into<CompactString>, value: impl Into<CompactString>) {
        let (key, value) = (key.into(), value.into());
        let mut pairs = std::mem::take(&mut self.0).into_vec();
        match pairs.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => {
                if let Some(slot) = pairs.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => pairs.insert(i, (key, value)),
        }
        self.0 = pairs.into_boxed_slice();
    }

    /// The labels in key order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<CompactString>, V: Into<CompactString>> FromIterator<(K, V)> for Labels {
    /// A key given twice keeps its last value, as a map being filled does.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut pairs: Vec<(CompactString, CompactString)> =
            iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect();
        // Stable: within a run of one key the pairs keep their order, and the last one stays.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(CompactString, CompactString)> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            match out.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => out.push(pair),
            }
        }
        Self(out.into_boxed_slice())
    }
}

/// The label the API server sets on every namespace (Kubernetes ≥ 1.21).
pub const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";

/// Reads a labels map; absent, null or non-map nodes give an empty set. A null value is the
/// empty string, as Kubernetes decodes it; other non-string values (which the API server would
/// reject) are kept in their scalar text form (see [`Node::string_map_value`]).
#[must_use]
pub fn labels_of(node: Option<&Node>) -> Labels {
    node.into_iter()
        .flat_map(Node::entries)
        .filter_map(|(k, v)| v.string_map_value().map(|v| (k.to_string(), v)))
        .collect()
}

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

/// The operator of a `matchExpressions` requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

/// One requirement on one label key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    pub key: String,
    pub operator: Operator,
    pub values: Vec<String>,
}

impl Requirement {
    /// Three-valued: a key absent from labels that are not complete may be there.
    #[must_use]
    pub fn matches_known(&self, labels: &Labels, complete: bool) -> Match {
        let value = labels.get(&self.key);
        if value.is_none() && !complete {
            return Match::Maybe;
        }
        let ok = match self.operator {
            Operator::In => value.is_some_and(|v| self.values.iter().any(|x| x == v)),
            Operator::NotIn => value.is_none_or(|v| !self.values.iter().any(|x| x == v)),
            Operator::Exists => value.is_some(),
            Operator::DoesNotExist => value.is_none(),
        };
        if ok { Match::Yes } else { Match::No }
    }
}

/// A parsed `LabelSelector`; `matchLabels` entries become `In` requirements with one value. An
/// empty selector (`{}`) matches every label set. What an absent or null selector means depends
/// on the field: see [`LabelSelector::from_field`] and [`LabelSelector::from_node`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelSelector {
    pub requirements: Vec<Requirement>,
}

/// Why a selector could not be read (the API server would reject it), with the span of the bad
/// part. Such a selector's coverage is unknown; callers report it or treat it as unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorError {
    pub span: Span,
    /// Why, in the reader's language when shown (`Display` is the English text).
    pub message: crate::i18n::Msg,
}

impl std::fmt::Display for SelectorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.render(crate::i18n::Lang::En))
    }
}

impl std::error::Error for SelectorError {}

fn err(span: Span, message: crate::i18n::Msg) -> SelectorError {
    SelectorError { span, message }
}

impl LabelSelector {
    /// The selector that matches everything (`{}`).
    #[must_use]
    pub fn everything() -> Self {
        Self::default()
    }

    /// Whether the selector has no requirement (and so matches everything).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.requirements.is_empty()
    }

    /// Reads an optional `*metav1.LabelSelector` field where absent or null selects nothing
    /// (PodDisruptionBudget `spec.selector`, a NetworkPolicy peer's selectors): `Ok(None)`.
    pub fn from_field(node: Option<&Node>) -> Result<Option<Self>, SelectorError> {
        match node {
            None => Ok(None),
            Some(n) if n.is_null() => Ok(None),
            Some(n) => Self::from_node(n).map(Some),
        }
    }

    /// Reads a `LabelSelector` object. A null node decodes to the empty selector, as a
    /// non-pointer selector field does (NetworkPolicy `spec.podSelector`, an item of
    /// `aggregationRule.clusterRoleSelectors`).
    pub fn from_node(node: &Node) -> Result<Self, SelectorError> {
        if node.is_null() {
            return Ok(Self::everything());
        }
        let map = node
            .as_map()
            .ok_or_else(|| err(node.span(), crate::msg!("selector-not-object", found = node.type_msg())))?;
        let mut requirements = Vec::new();
        if let Some(ml) = map.get("matchLabels").filter(|n| !n.is_null()) {
            let m = ml.as_map().ok_or_else(|| err(ml.span(), crate::msg!("selector-match-labels")))?;
            for e in &m.entries {
                // A null value is the empty string, as Kubernetes decodes `matchLabels`.
                let v = e.value.string_map_value().ok_or_else(|| {
                    err(e.value.span(), crate::msg!("selector-value-string", key = e.key.as_str()))
                })?;
                validation::label_key(&e.key).map_err(|m| err(e.key_span, m))?;
                validation::label_value(&v).map_err(|m| err(e.value.span(), m))?;
                requirements.push(Requirement {
                    key: e.key.as_str().to_owned(),
                    operator: Operator::In,
                    values: vec![v],
                });
            }
        }
        if let Some(me) = map.get("matchExpressions").filter(|n| !n.is_null()) {
            let items =
                me.as_seq().ok_or_else(|| err(me.span(), crate::msg!("selector-match-expressions")))?;
            for ex in items {
                requirements.push(expression(ex)?);
            }
        }
        Ok(Self { requirements })
    }

    /// A plain `key: value` map selector (a Service's `spec.selector`).
    #[must_use]
    pub fn from_map(node: &Node) -> Self {
        let requirements = labels_of(Some(node))
            .iter()
            .map(|(key, v)| Requirement {
                key: key.to_owned(),
                operator: Operator::In,
                values: vec![v.to_owned()],
            })
            .collect();
        Self { requirements }
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
        self.requirements.iter().fold(Match::Yes, |acc, r| acc.and(r.matches_known(labels, complete)))
    }

    /// Parses kubectl's selector syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`,
    /// `k`, `!k`, separated by commas. The empty string is the empty selector.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut requirements = Vec::new();
        for part in split_top(text) {
            let part = part.trim();
            if part.is_empty() {
                if text.trim().is_empty() {
                    continue;
                }
                return Err(format!("empty requirement in selector `{text}`"));
            }
            let (key, operator, values) = if let Some(k) = part.strip_prefix('!') {
                (key(k)?, Operator::DoesNotExist, vec![])
            } else if let Some((k, v)) = part.split_once("!=") {
                (key(k)?, Operator::NotIn, vec![value(v)?])
            } else if let Some((k, v)) = part.split_once("==").or_else(|| part.split_once('=')) {
                (key(k)?, Operator::In, vec![value(v)?])
            } else if let Some((k, rest)) = split_word(part, " notin ") {
                (key(k)?, Operator::NotIn, set(rest)?)
            } else if let Some((k, rest)) = split_word(part, " in ") {
                (key(k)?, Operator::In, set(rest)?)
            } else {
                (key(part)?, Operator::Exists, vec![])
            };
            requirements.push(Requirement { key, operator, values });
        }
        Ok(Self { requirements })
    }
}

/// One item of `matchExpressions`: In and NotIn need values, Exists and DoesNotExist take none.
fn expression(ex: &Node) -> Result<Requirement, SelectorError> {
    let key = ex
        .get("key")
        .and_then(Node::as_str)
        .ok_or_else(|| err(ex.span(), crate::msg!("selector-expression-key")))?;
    if key.is_empty() {
        return Err(err(ex.span(), crate::msg!("selector-expression-empty-key")));
    }
    let key_span = ex.get("key").map_or(ex.span(), |k| k.span());
    validation::label_key(key).map_err(|m| err(key_span, m))?;
    let op_node =
        ex.get("operator").ok_or_else(|| err(ex.span(), crate::msg!("selector-expression-operator")))?;
    let operator = match op_node.as_str() {
        Some("In") => Operator::In,
        Some("NotIn") => Operator::NotIn,
        Some("Exists") => Operator::Exists,
        Some("DoesNotExist") => Operator::DoesNotExist,
        _ => return Err(err(op_node.span(), crate::msg!("selector-operator"))),
    };
    let values: Vec<String> =
        ex.get("values").into_iter().flat_map(Node::items).filter_map(Node::scalar_text).collect();
    for (v, node) in values.iter().zip(ex.get("values").into_iter().flat_map(Node::items)) {
        validation::label_value(v).map_err(|m| err(node.span(), m))?;
    }
    match operator {
        Operator::In | Operator::NotIn if values.is_empty() => Err(err(
            ex.span(),
            crate::msg!("selector-operator-needs-values", operator = format!("{operator:?}")),
        )),
        Operator::Exists | Operator::DoesNotExist if !values.is_empty() => Err(err(
            ex.span(),
            crate::msg!("selector-operator-no-values", operator = format!("{operator:?}")),
        )),
        _ => Ok(Requirement { key: key.to_string(), operator, values }),
    }
}

impl std::fmt::Display for LabelSelector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.requirements.is_empty() {
            return f.write_str("{}");
        }
        for (i, r) in self.requirements.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            match (r.operator, r.values.as_slice()) {
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

    fn node(yaml: &str) -> Node {
        yaml::parse(yaml).documents.remove(0).root
    }

    fn sel(text: &str) -> LabelSelector {
        let root = yaml::parse(text).documents.into_iter().next().unwrap().root;
        LabelSelector::from_node(&root).unwrap()
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
        assert!(LabelSelector::from_node(&root).is_err());
        let root = yaml::parse("matchExpressions:\n- {key: a, operator: In}").documents.remove(0).root;
        assert!(LabelSelector::from_node(&root).is_err());
        let root = yaml::parse("matchExpressions:\n- {key: a, operator: Exists, values: [x]}")
            .documents
            .remove(0)
            .root;
        assert!(LabelSelector::from_node(&root).is_err());
    }

    #[test]
    fn errors_carry_the_span_of_the_bad_part() {
        let root = node("matchExpressions:\n- {key: a, operator: Is}\n");
        let e = LabelSelector::from_node(&root).unwrap_err();
        let op = &root.get("matchExpressions").unwrap().items().next().unwrap().get("operator").unwrap();
        assert_eq!(e.span, op.span());
        assert_eq!(e.to_string(), "operator must be In, NotIn, Exists or DoesNotExist");
    }

    #[test]
    fn null_node_is_empty_but_null_field_is_absent() {
        let root = node("selector: null\n");
        assert_eq!(LabelSelector::from_node(root.get("selector").unwrap()), Ok(LabelSelector::everything()));
        assert_eq!(LabelSelector::from_field(root.get("selector")), Ok(None));
    }

    #[test]
    fn kubectl_syntax() {
        let s = LabelSelector::parse("app=web, tier in (a,b),env!=dev,!legacy,team").unwrap();
        assert_eq!(s.to_string(), "app=web,tier in (a,b),env!=dev,!legacy,team");
        assert!(s.matches(&labels(&[("app", "web"), ("tier", "b"), ("team", "x")])));
        assert!(LabelSelector::parse("").unwrap().is_empty());
        assert!(LabelSelector::parse("a in b").is_err());
        assert!(LabelSelector::parse("a=b,").is_err());
        assert!(LabelSelector::parse("=b").is_err());
        assert_eq!(LabelSelector::parse("x notin (1)").unwrap().requirements[0].operator, Operator::NotIn);
    }

    #[test]
    fn empty_selector_matches_everything_absent_matches_nothing() {
        let empty = sel("{}");
        assert!(empty.is_empty());
        assert!(empty.matches(&labels(&[])));
        assert!(empty.matches(&labels(&[("app", "web")])));
        assert_eq!(LabelSelector::from_field(None), Ok(None));
        let root = node("selector: null\n");
        assert_eq!(LabelSelector::from_field(root.get("selector")), Ok(None));
    }

    #[test]
    fn match_labels_need_every_pair() {
        let s = sel("matchLabels: {app: web, tier: front}");
        assert!(s.matches(&labels(&[("app", "web"), ("tier", "front"), ("x", "y")])));
        assert!(!s.matches(&labels(&[("app", "web")])));
        assert!(!s.matches(&labels(&[("app", "web"), ("tier", "back")])));
    }

    #[test]
    fn match_expressions_operators() {
        let s = sel("matchExpressions:\n\
             - {key: app, operator: In, values: [web, api]}\n\
             - {key: env, operator: NotIn, values: [dev]}\n\
             - {key: team, operator: Exists}\n\
             - {key: legacy, operator: DoesNotExist}\n");
        assert!(s.matches(&labels(&[("app", "api"), ("team", "a")])));
        assert!(s.matches(&labels(&[("app", "web"), ("env", "prod"), ("team", "a")])));
        assert!(!s.matches(&labels(&[("app", "db"), ("team", "a")])), "In");
        assert!(!s.matches(&labels(&[("app", "web"), ("env", "dev"), ("team", "a")])), "NotIn");
        assert!(!s.matches(&labels(&[("app", "web")])), "Exists");
        assert!(!s.matches(&labels(&[("app", "web"), ("team", "a"), ("legacy", "")])), "DoesNotExist");
    }

    #[test]
    fn labels_and_expressions_combine() {
        let s =
            sel("matchLabels: {app: web}\nmatchExpressions: [{key: env, operator: In, values: [prod]}]\n");
        assert!(s.matches(&labels(&[("app", "web"), ("env", "prod")])));
        assert!(!s.matches(&labels(&[("app", "web")])));
    }

    #[test]
    fn invalid_selectors_are_errors_too() {
        for bad in [
            "matchExpressions: [{key: a, operator: Equals, values: [x]}]",
            "matchExpressions: [{key: a, operator: In}]",
            "matchExpressions: [{key: a, operator: Exists, values: [x]}]",
            "matchExpressions: [{operator: Exists}]",
            "matchLabels: [a]",
            "matchLabels: {app: [web]}",
            "matchExpressions: {key: a, operator: Exists}",
            "matchExpressions: [{key: '', operator: Exists}]",
            "[a]",
        ] {
            assert!(LabelSelector::from_node(&node(bad)).is_err(), "{bad}");
        }
        // A null value is not one of them: Kubernetes decodes it as the empty string.
        let s = LabelSelector::from_node(&node("matchLabels: {app: null}")).unwrap();
        assert!(s.matches(&labels(&[("app", "")])) && !s.matches(&labels(&[("app", "web")])));
    }

    #[test]
    fn labels_keep_the_last_value_of_a_key_in_key_order() {
        let mut l: Labels = [("b", "1"), ("a", "2"), ("b", "3")].into_iter().collect();
        assert_eq!(l.iter().collect::<Vec<_>>(), [("a", "2"), ("b", "3")]);
        l.insert("a", "4");
        l.insert("c", "5");
        l.insert("", "6");
        assert_eq!(l.iter().collect::<Vec<_>>(), [("", "6"), ("a", "4"), ("b", "3"), ("c", "5")]);
        assert_eq!((l.get("b"), l.get("d"), l.len()), (Some("3"), None, 4));
        // Ordered as a sorted map of the same pairs is (workloads are grouped by their labels).
        let pairs = |v: &[(&str, &str)]| -> (Labels, std::collections::BTreeMap<String, String>) {
            let it = v.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string()));
            (it.clone().collect(), it.collect())
        };
        let sets = [pairs(&[("a", "1")]), pairs(&[("a", "1"), ("b", "")]), pairs(&[("a", "2")]), pairs(&[])];
        for (x, bx) in &sets {
            for (y, by) in &sets {
                assert_eq!(x.cmp(y), bx.cmp(by));
            }
        }
    }

    #[test]
    fn map_selectors_and_labels() {
        let root = node("selector: {app: web}\nlabels: {app: web, count: 3, canary: }\n");
        let s = LabelSelector::from_map(root.get("selector").unwrap());
        let l = labels_of(root.get("labels"));
        assert_eq!(l.get("count"), Some("3"));
        // Null is the empty string, as Kubernetes decodes it.
        assert_eq!(l.get("canary"), Some(""));
        assert!(s.matches(&l));
        assert!(labels_of(None).is_empty());
    }
}
