//! Kubernetes label selectors (`matchLabels` + `matchExpressions`) and label sets, for analyses
//! that relate objects to pods: disruption budgets, services, network policies, autoscalers.
//! Semantics follow `k8s.io/apimachinery/pkg/labels`: every requirement must hold.

use std::collections::BTreeMap;

use crate::document::Node;

/// A set of labels (`metadata.labels`), key → value.
pub type Labels = BTreeMap<String, String>;

/// Reads a labels map; absent, null or non-map nodes give an empty set. Non-string values
/// (which the API server would reject) are kept in their scalar text form.
#[must_use]
pub fn labels_of(node: Option<&Node>) -> Labels {
    node.into_iter()
        .flat_map(Node::entries)
        .filter_map(|(k, v)| v.scalar_text().map(|v| (k.to_string(), v)))
        .collect()
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
    #[must_use]
    pub fn matches(&self, labels: &Labels) -> bool {
        let value = labels.get(&self.key);
        match self.operator {
            Operator::In => value.is_some_and(|v| self.values.contains(v)),
            Operator::NotIn => value.is_none_or(|v| !self.values.contains(v)),
            Operator::Exists => value.is_some(),
            Operator::DoesNotExist => value.is_none(),
        }
    }
}

/// A parsed `LabelSelector`. An empty selector (`{}`) matches every label set; an absent one is
/// represented by `None` at the call site and matches nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelSelector {
    /// `matchLabels`, as `In` requirements with one value.
    pub requirements: Vec<Requirement>,
}

/// Why a selector could not be read; such a selector's coverage is unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorError(pub String);

impl std::fmt::Display for SelectorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl LabelSelector {
    /// Reads a selector field. `Ok(None)` when the field is absent or null (selects nothing).
    pub fn from_field(node: Option<&Node>) -> Result<Option<Self>, SelectorError> {
        match node {
            None => Ok(None),
            Some(n) if n.is_null() => Ok(None),
            Some(n) => Self::parse(n).map(Some),
        }
    }

    /// Reads a `LabelSelector` object (`matchLabels`, `matchExpressions`).
    pub fn parse(node: &Node) -> Result<Self, SelectorError> {
        let map = node
            .as_map()
            .ok_or_else(|| SelectorError(format!("selector is a {}, not an object", node.type_name())))?;
        let mut requirements = Vec::new();
        for (key, value) in map.iter() {
            match key {
                "matchLabels" => {
                    if !value.is_null() && value.as_map().is_none() {
                        return Err(SelectorError("`matchLabels` is not an object".into()));
                    }
                    for (k, v) in value.entries() {
                        let v = v
                            .scalar_text()
                            .ok_or_else(|| SelectorError(format!("`matchLabels.{k}` is not a string")))?;
                        requirements.push(Requirement {
                            key: k.to_string(),
                            operator: Operator::In,
                            values: vec![v],
                        });
                    }
                }
                "matchExpressions" => {
                    if !value.is_null() && value.as_seq().is_none() {
                        return Err(SelectorError("`matchExpressions` is not a list".into()));
                    }
                    for (i, e) in value.items().enumerate() {
                        requirements.push(
                            parse_expression(e)
                                .map_err(|m| SelectorError(format!("`matchExpressions[{i}]`: {m}")))?,
                        );
                    }
                }
                _ => {}
            }
        }
        Ok(Self { requirements })
    }

    /// A plain `key: value` map selector (a Service's `spec.selector`).
    #[must_use]
    pub fn from_map(node: &Node) -> Self {
        let requirements = labels_of(Some(node))
            .into_iter()
            .map(|(key, v)| Requirement { key, operator: Operator::In, values: vec![v] })
            .collect();
        Self { requirements }
    }

    /// Whether the selector has no requirement (and so matches everything).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.requirements.is_empty()
    }

    #[must_use]
    pub fn matches(&self, labels: &Labels) -> bool {
        self.requirements.iter().all(|r| r.matches(labels))
    }
}

fn parse_expression(e: &Node) -> Result<Requirement, String> {
    let key = e.get("key").and_then(Node::as_str).filter(|k| !k.is_empty()).ok_or("no `key`")?;
    let op = e.get("operator").and_then(Node::as_str).ok_or("no `operator`")?;
    let operator = match op {
        "In" => Operator::In,
        "NotIn" => Operator::NotIn,
        "Exists" => Operator::Exists,
        "DoesNotExist" => Operator::DoesNotExist,
        other => return Err(format!("unknown operator `{other}`")),
    };
    let values: Vec<String> =
        e.get("values").into_iter().flat_map(Node::items).filter_map(Node::scalar_text).collect();
    match operator {
        Operator::In | Operator::NotIn if values.is_empty() => {
            Err(format!("operator `{op}` needs at least one value"))
        }
        Operator::Exists | Operator::DoesNotExist if !values.is_empty() => {
            Err(format!("operator `{op}` takes no values"))
        }
        _ => Ok(Requirement { key: key.to_string(), operator, values }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(yaml: &str) -> Node {
        crate::document::yaml::parse(yaml).documents.remove(0).root
    }

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect()
    }

    fn sel(yaml: &str) -> LabelSelector {
        LabelSelector::parse(&node(yaml)).expect("valid selector")
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
    fn invalid_selectors_are_errors() {
        for bad in [
            "matchExpressions: [{key: a, operator: Equals, values: [x]}]",
            "matchExpressions: [{key: a, operator: In}]",
            "matchExpressions: [{key: a, operator: Exists, values: [x]}]",
            "matchExpressions: [{operator: Exists}]",
            "matchLabels: [a]",
            "[a]",
        ] {
            assert!(LabelSelector::parse(&node(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn map_selectors_and_labels() {
        let root = node("selector: {app: web}\nlabels: {app: web, count: 3}\n");
        let s = LabelSelector::from_map(root.get("selector").unwrap());
        let l = labels_of(root.get("labels"));
        assert_eq!(l.get("count").map(String::as_str), Some("3"));
        assert!(s.matches(&l));
        assert!(labels_of(None).is_empty());
    }
}
