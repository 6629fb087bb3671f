//! CloudFormation templates (YAML with `!Ref`-style tags, or JSON with `{"Fn::GetAtt": …}`) read
//! from parsed documents: resources with their properties, intrinsic functions resolved as far as
//! the template itself tells.
//!
//! `Ref` to a parameter gives its `Default` (unknown without one: the value comes at deploy
//! time); `Ref` to a resource and `GetAtt` give a symbolic reference ([`super::symbolic`]);
//! `Ref: AWS::NoValue` removes the property, as CloudFormation does; `Sub` is resolved when every
//! part is known. Pseudo parameters and every other intrinsic (`If`, `Join`, `Select`,
//! `ImportValue`, `FindInMap`, …) are unknown, never guessed.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::node::{Entry, Map, Node, Tag, Value};
use super::span::{SourceFile, Span};

/// Nesting deeper than this in a property is unknown (the YAML parser already bounds input).
const MAX_DEPTH: usize = 256;
/// Bytes (as [`Node::weight`] counts them) that references and `Sub` may add to one template
/// past its own text: `!Ref P` to a long default, repeated, is unknown once they are spent.
const BUDGET: usize = 64 * 1024 * 1024;

/// One template (one YAML/JSON document).
#[derive(Debug)]
pub struct Template {
    pub file: Arc<SourceFile>,
    /// 0-based document index in the file.
    pub document: usize,
    pub span: Span,
    pub resources: Vec<Resource>,
}

/// One entry of `Resources`.
#[derive(Debug)]
pub struct Resource {
    pub logical_id: String,
    /// The logical id key, where findings about the resource point.
    pub id_span: Span,
    /// `AWS::EKS::Cluster`, …
    pub kind: String,
    pub span: Span,
    /// `Properties`, intrinsics resolved; an empty map when absent.
    pub properties: Node,
    /// The `Condition` the resource depends on: it may not be created.
    pub condition: Option<String>,
}

impl Template {
    /// Resources of one type.
    pub fn resources<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Resource> + 'a {
        self.resources.iter().filter(move |r| r.kind == kind)
    }

    /// The resource a reference address names (`ClusterKey` or `ClusterKey.Arn`).
    #[must_use]
    pub fn resource_at(&self, address: &str) -> Option<&Resource> {
        let id = address.split_once('.').map_or(address, |(id, _)| id);
        self.resources.iter().find(|r| r.logical_id == id)
    }
}

/// Whether a document is a CloudFormation template: it has `AWSTemplateFormatVersion`, or a
/// `Resources` mapping with an entry whose `Type` is `AWS::…`.
#[must_use]
pub fn is_template(root: &Node) -> bool {
    if root.get("apiVersion").is_some() || root.get("kind").is_some() {
        return false;
    }
    root.get("AWSTemplateFormatVersion").is_some()
        || root.get("Resources").is_some_and(|r| {
            r.entries().any(|(_, res)| {
                res.get("Type").and_then(Node::as_str).is_some_and(|t| t.starts_with("AWS::"))
            })
        })
}

/// Reads a template document.
#[must_use]
pub fn read(file: &Arc<SourceFile>, document: usize, root: &Node) -> Template {
    let parameters: HashMap<&str, Option<&Node>> = root
        .get("Parameters")
        .into_iter()
        .flat_map(Node::entries)
        .map(|(k, p)| (k, p.get("Default")))
        .collect();
    let resource_ids: HashSet<&str> =
        root.get("Resources").into_iter().flat_map(Node::entries).map(|(k, _)| k).collect();
    let resolver = Resolver { parameters, resources: resource_ids, budget: std::cell::Cell::new(BUDGET) };
    let mut resources = Vec::new();
    if let Some(map) = root.get("Resources").and_then(Node::as_map) {
        for entry in &map.entries {
            let res = &entry.value;
            let properties = res.get("Properties").map_or_else(
                || {
                    Node::new(
                        Span::new(res.span().end as usize, res.span().end as usize),
                        Value::Map(Map::default()),
                    )
                },
                |p| resolver.resolve(p, 0).unwrap_or_else(|| Node::new(p.span(), Value::Map(Map::default()))),
            );
            resources.push(Resource {
                logical_id: entry.key.as_str().to_owned(),
                id_span: entry.key_span,
                kind: res.get("Type").and_then(Node::as_str).unwrap_or_default().to_string(),
                span: res.span(),
                properties,
                condition: res.get("Condition").and_then(Node::as_str).map(str::to_string),
            });
        }
    }
    Template { file: Arc::clone(file), document, span: root.span(), resources }
}

struct Resolver<'a> {
    parameters: HashMap<&'a str, Option<&'a Node>>,
    resources: HashSet<&'a str>,
    budget: std::cell::Cell<usize>,
}

/// An intrinsic function call in short (`!Ref x`) or long (`{Ref: x}`) form.
fn intrinsic(node: &Node) -> Option<(&str, &Node)> {
    if let Some(tag) = node.tag() {
        let name = match tag {
            Tag::Ref => "Ref",
            Tag::GetAtt => "GetAtt",
            Tag::Sub => "Sub",
            // Functions the resolver does not evaluate: their value is unknown.
            Tag::Unknown | Tag::Reference | Tag::Other => "",
        };
        return Some((name, node));
    }
    let map = node.as_map()?;
    match &*map.entries {
        [e] if e.key == "Ref" => Some(("Ref", &e.value)),
        [e] if e.key.starts_with("Fn::") => Some((&e.key[4..], &e.value)),
        _ => None,
    }
}

impl Resolver<'_> {
    /// The resolved value; `None` when the value is `AWS::NoValue` (the property is removed).
    fn resolve(&self, node: &Node, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return Some(Node::unknown(node.span()));
        }
        if let Some((name, arg)) = intrinsic(node) {
            return self.call(name, arg, node.span());
        }
        let value = match &node.value {
            Value::Seq(items) => {
                Value::Seq(items.iter().filter_map(|n| self.resolve(n, depth + 1)).collect())
            }
            Value::Map(m) => Value::Map(Map {
                entries: m
                    .entries
                    .iter()
                    .filter_map(|e| {
                        Some(Entry {
                            key: e.key.clone(),
                            key_span: e.key_span,
                            value: self.resolve(&e.value, depth + 1)?,
                        })
                    })
                    .collect(),
            }),
            other => other.clone(),
        };
        Some(Node::new(node.span(), value))
    }

    fn call(&self, name: &str, arg: &Node, span: Span) -> Option<Node> {
        match name {
            "Ref" => {
                let Some(target) = scalar(arg) else { return Some(Node::unknown(span)) };
                self.reference(&target, span)
            }
            "GetAtt" => {
                let address = match &arg.value {
                    Value::Seq(parts) => match parts.as_ref() {
                        [id, attr] => format!("{}.{}", scalar(id)?, scalar(attr)?),
                        _ => return Some(Node::unknown(span)),
                    },
                    _ => scalar(arg).unwrap_or_default(),
                };
                let id = address.split_once('.').map_or(address.as_str(), |(id, _)| id);
                Some(if self.resources.contains(id) && address.contains('.') {
                    Node::reference(span, address)
                } else {
                    Node::unknown(span)
                })
            }
            "Sub" => Some(self.sub(arg, span)),
            _ => Some(Node::unknown(span)),
        }
    }

    /// `Ref` to a parameter, pseudo parameter or resource; `None` for `AWS::NoValue`.
    fn reference(&self, target: &str, span: Span) -> Option<Node> {
        if target == "AWS::NoValue" {
            return None;
        }
        if let Some(default) = self.parameters.get(target) {
            return Some(match default {
                Some(d) if !d.contains_unknown() && intrinsic(d).is_none() && self.spend(d.weight()) => {
                    (*d).clone().respanned(span)
                }
                _ => Node::unknown(span),
            });
        }
        if self.resources.contains(target) {
            return Some(Node::reference(span, target));
        }
        Some(Node::unknown(span))
    }

    /// `Sub` with a string, or `[string, {name: value}]`: every `${name}` must be known.
    fn sub(&self, arg: &Node, span: Span) -> Node {
        let (template, vars) = match &arg.value {
            Value::Str(s) => (s.as_str(), None),
            Value::Seq(parts) => match parts.as_ref() {
                [Node { value: Value::Str(s), .. }, vars] => (s.as_str(), Some(vars)),
                _ => return Node::unknown(span),
            },
            _ => return Node::unknown(span),
        };
        let mut out = String::new();
        let mut rest = template;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else { return Node::unknown(span) };
            let name = &after[..end];
            rest = &after[end + 1..];
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
                continue;
            }
            let value = match vars.and_then(|v| v.get(name)) {
                Some(v) => self.resolve(v, 1),
                None if name.contains('.') => return Node::unknown(span),
                None => self.reference(name, span),
            };
            match value.as_ref().map(|v| (&v.value, v.is_literal())) {
                Some((Value::Str(s), true)) => out.push_str(s),
                Some((Value::Int(i), true)) => out.push_str(&i.to_string()),
                Some((Value::Bool(b), true)) => out.push_str(&b.to_string()),
                _ => return Node::unknown(span),
            }
        }
        out.push_str(rest);
        if !self.spend(out.len()) {
            return Node::unknown(span);
        }
        Node::new(span, Value::Str(out.into()))
    }

    /// Takes `n` bytes from the budget; false when they were not left (the budget is then spent).
    fn spend(&self, n: usize) -> bool {
        let left = self.budget.get();
        self.budget.set(left.saturating_sub(n));
        left >= n
    }
}

fn scalar(node: &Node) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.as_str().to_owned()),
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => node.scalar_text(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml;

    fn template(text: &str) -> Template {
        let file = SourceFile::new("t.yaml", None, text.to_string());
        let stream = yaml::parse(text);
        assert!(stream.errors.is_empty(), "{:?}", stream.errors);
        let root = &stream.documents[0].root;
        assert!(is_template(root));
        read(&file, 0, root)
    }

    const YAML: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Version:
    Type: String
    Default: "1.33"
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: !Sub "${AWS::StackName}-eks"
      Version: !Ref Version
      RoleArn: !GetAtt Role.Arn
      ResourcesVpcConfig:
        SubnetIds: !Ref Subnets
        EndpointPublicAccess: !If [IsProd, false, true]
        EndpointPrivateAccess: !Ref AWS::NoValue
      EncryptionConfig:
        - Provider:
            KeyArn: !GetAtt Key.Arn
          Resources: [secrets]
      Tags:
        - Key: v
          Value: !Sub "v${Version}"
        - Key: literal
          Value: !Sub "${!NotThis}"
        - Key: pseudo
          Value: !Ref AWS::Region
"#;

    #[test]
    fn yaml_short_forms() {
        let t = template(YAML);
        assert_eq!(t.resources.len(), 2);
        let c = t.resources("AWS::EKS::Cluster").next().unwrap();
        let p = &c.properties;
        assert!(p.get("Name").unwrap().is_unknown());
        assert_eq!(p.get("Version").and_then(Node::as_str), Some("1.33"));
        // Role is not a resource of this template: unknown, not a reference.
        assert!(p.get("RoleArn").unwrap().is_unknown());
        let vpc = p.get("ResourcesVpcConfig").unwrap();
        assert!(vpc.get("SubnetIds").unwrap().is_unknown());
        assert!(vpc.get("EndpointPublicAccess").unwrap().is_unknown());
        assert!(vpc.get("EndpointPrivateAccess").is_none());
        let key = p.at(&["EncryptionConfig"]).unwrap().items().next().unwrap().at(&["Provider", "KeyArn"]);
        assert_eq!(key.unwrap().reference_address(), Some("Key.Arn"));
        assert_eq!(t.resource_at("Key.Arn").map(|r| r.kind.as_str()), Some("AWS::KMS::Key"));
        let tags: Vec<&Node> = p.get("Tags").unwrap().items().map(|t| t.get("Value").unwrap()).collect();
        assert_eq!(tags[0].as_str(), Some("v1.33"));
        assert_eq!(tags[1].as_str(), Some("${NotThis}"));
        assert!(tags[2].is_unknown());
    }

    #[test]
    fn json_long_forms() {
        let text = r#"{"Resources": {
  "Role": {"Type": "AWS::IAM::Role"},
  "Cluster": {"Type": "AWS::EKS::Cluster", "Condition": "Make", "Properties": {
    "RoleArn": {"Fn::GetAtt": ["Role", "Arn"]},
    "Name": {"Ref": "Nope"},
    "Version": {"Fn::Join": ["", ["1.", "33"]]},
    "Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": "api"}, {"Ref": "AWS::NoValue"}]}},
    "Tags": [{"Key": "a", "Value": {"Fn::Sub": ["${X}-b", {"X": "a"}]}}]
  }}}}"#;
        let t = template(text);
        let c = t.resources("AWS::EKS::Cluster").next().unwrap();
        assert_eq!(c.condition.as_deref(), Some("Make"));
        let p = &c.properties;
        assert_eq!(p.get("RoleArn").unwrap().reference_address(), Some("Role.Arn"));
        assert!(p.get("Name").unwrap().is_unknown());
        assert!(p.get("Version").unwrap().is_unknown());
        assert_eq!(p.at(&["Logging", "ClusterLogging", "EnabledTypes"]).unwrap().items().count(), 1);
        let tag = p.get("Tags").unwrap().items().next().unwrap().get("Value").unwrap();
        assert_eq!(tag.as_str(), Some("a-b"));
        // Resources without Properties get an empty map.
        assert!(t.resource_at("Role").unwrap().properties.as_map().unwrap().is_empty());
    }

    #[test]
    fn recognition() {
        let k8s = yaml::parse("apiVersion: v1\nkind: Pod\nResources: {X: {Type: AWS::S3::Bucket}}\n");
        assert!(!is_template(&k8s.documents[0].root));
        let values = yaml::parse("Resources:\n  limits: {cpu: 1}\n");
        assert!(!is_template(&values.documents[0].root));
        let bare = yaml::parse("Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        assert!(is_template(&bare.documents[0].root));
    }

    #[test]
    fn deep_nesting_stays_bounded() {
        let mut text =
            String::from("Resources:\n  X:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: ");
        text.push_str(&"[".repeat(400));
        text.push_str(&"]".repeat(400));
        text.push('\n');
        let stream = yaml::parse(&text);
        if let Some(doc) = stream.documents.first() {
            let file = SourceFile::new("t.yaml", None, text.clone());
            let t = read(&file, 0, &doc.root);
            assert_eq!(t.resources.len(), 1);
        }
    }

    #[test]
    fn huge_template_reads_every_resource() {
        let mut text = String::from("Parameters:\n  P: {Type: String, Default: v}\nResources:\n");
        for i in 0..5000 {
            text.push_str(&format!("  K{i}:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: !Sub \"${{P}}-{i}\"\n      Policy: !GetAtt K{i}.Arn\n"));
        }
        let t = template(&text);
        assert_eq!(t.resources.len(), 5000);
        let last = &t.resources[4999].properties;
        assert_eq!(last.get("Description").and_then(Node::as_str), Some("v-4999"));
        assert_eq!(last.get("Policy").unwrap().reference_address(), Some("K4999.Arn"));
    }
}
