//! Value types of eksctl's `ClusterConfig` fields, checked against eksctl's JSON schema
//! (eksctl-io/eksctl `pkg/apis/eksctl.io/v1alpha5/assets/schema.json` at `99984adb`, beside
//! eks-facts.md). `eksctl_schema.json` is that schema with only what types need: each
//! definition's `type`, `properties`, `items`, `additionalProperties` and `$ref` (by definition
//! name), `oneOf`/`anyOf` kept as a mark; plus the fields eksctl's examples use since
//! (`deletionProtection`, node groups' `connectionTracking`, see [`super::eksctl_keys`]).
//!
//! eksctl decodes the file twice, with `sigs.k8s.io/yaml` (strict) and then with the Kubernetes
//! decoder, which turns YAML into JSON first and refuses any value of another JSON type than the
//! Go field's: `version: 1.22` fails with "ClusterMeta.Version: ReadString: expects \" or n, but
//! found 1" (eksctl-io/eksctl#5556), a list where a mapping goes with "cannot unmarshal array
//! into Go struct field" (#860). So a number or a boolean where a string goes is an error here
//! too, in tag and label values as anywhere else.
//!
//! Where the schema says less than eksctl reads: a definition without a type (an ARN) or with a
//! `oneOf` (an identity provider) is not checked; `null` is always accepted (Go leaves the field
//! unset); an integer written as `80.0` is accepted (it reaches Go as `80`); node groups' `taints`
//! take the list of the schema or the older mapping of `key: value:Effect` strings, which eksctl
//! still reads.

use std::sync::OnceLock;

use serde_json::{Map as JsonMap, Value as Json};

use crate::document::{FieldPath, Node, Value};

use super::read::Reader;

const SCHEMA: &str = include_str!("eksctl_schema.json");

/// Definitions are followed through this many `$ref`s at most (the schema needs two).
const MAX_REFS: usize = 8;

fn definitions() -> Option<&'static JsonMap<String, Json>> {
    static DEFS: OnceLock<Option<Json>> = OnceLock::new();
    DEFS.get_or_init(|| serde_json::from_str(SCHEMA).ok()).as_ref().and_then(Json::as_object)
}

/// A value of the wrong type: the node, its path and what it must be.
type Wrong<'n> = (&'n Node, FieldPath, &'static str);

/// Reports every value whose type eksctl's schema gives and the document does not match, at
/// the value. A value the model's readers already reported at the same place is not repeated.
pub fn check(r: &mut Reader<'_>) {
    let Some(defs) = definitions() else { return };
    let Some(root) = defs.get("ClusterConfig") else { return };
    let mut wrong = Vec::new();
    walk(defs, root, r.root, FieldPath::root(), &mut wrong);
    for (node, path, expected) in wrong {
        let Some(file) = &r.file else { return };
        let at = file.position(node.span().start);
        let reported = r.errors.iter().any(|e| e.line == Some(at.line) && e.column == Some(at.column));
        if !reported {
            let _: super::Field<()> = r.wrong(node, &path, expected);
        }
    }
}

/// The schema a `$ref` names, followed until a definition with content.
fn resolve<'s>(defs: &'s JsonMap<String, Json>, mut schema: &'s Json) -> Option<&'s Json> {
    for _ in 0..MAX_REFS {
        match schema.get("$ref").and_then(Json::as_str) {
            Some(name) => schema = defs.get(name)?,
            None => return Some(schema),
        }
    }
    None
}

fn walk<'n>(
    defs: &JsonMap<String, Json>,
    schema: &Json,
    node: &'n Node,
    path: FieldPath,
    wrong: &mut Vec<Wrong<'n>>,
) {
    if node.is_null() || !node.is_literal() {
        return;
    }
    if schema.get("$ref").and_then(Json::as_str) == Some("taintsWrapper") {
        return taints(defs, schema, node, path, wrong);
    }
    let Some(schema) = resolve(defs, schema) else { return };
    if schema.get("oneOf").is_some() || schema.get("anyOf").is_some() {
        return;
    }
    let kind =
        schema.get("type").and_then(Json::as_str).or_else(|| schema.get("properties").map(|_| "object"));
    match kind {
        Some("object") => object(defs, schema, node, path, wrong),
        Some("array") => match node.as_seq() {
            Some(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        walk(defs, item_schema, item, path.clone().index(i), wrong);
                    }
                }
            }
            None => wrong.push((node, path, list_of(defs, schema))),
        },
        Some("string") if !matches!(node.value, Value::Str(_)) => wrong.push((node, path, "a string")),
        Some("boolean") if !matches!(node.value, Value::Bool(_)) => wrong.push((node, path, "a boolean")),
        Some("integer") if node.as_i64().is_none() => wrong.push((node, path, "an integer")),
        Some("number") if !matches!(node.value, Value::Int(_) | Value::Float(_)) => {
            wrong.push((node, path, "a number"));
        }
        _ => {}
    }
}

/// A mapping: known keys by their schema, other keys by `additionalProperties` when it is a
/// schema (string maps such as `tags`); unknown keys are [`super::eksctl_keys`]'s to report.
fn object<'n>(
    defs: &JsonMap<String, Json>,
    schema: &Json,
    node: &'n Node,
    path: FieldPath,
    wrong: &mut Vec<Wrong<'n>>,
) {
    let Some(map) = node.as_map() else {
        let expected = match schema.get("additionalProperties").and_then(|a| a.get("type")) {
            Some(Json::String(t)) if t == "string" => "a mapping of strings",
            _ => "a mapping",
        };
        return wrong.push((node, path, expected));
    };
    let properties = schema.get("properties").and_then(Json::as_object);
    let others = schema.get("additionalProperties").filter(|a| a.is_object());
    for e in &map.entries {
        let child = properties.and_then(|p| p.get(e.key.as_str())).or(others);
        if let Some(child) = child {
            walk(defs, child, &e.value, path.clone().key(&e.key), wrong);
        }
    }
}

/// What a list must be, for the message: "a list of strings" when its items are strings.
fn list_of(defs: &JsonMap<String, Json>, schema: &Json) -> &'static str {
    let item = schema.get("items").and_then(|i| resolve(defs, i));
    match item.and_then(|i| i.get("type")).and_then(Json::as_str) {
        Some("string") => "a list of strings",
        _ => "a list",
    }
}

/// Node group taints: the schema's list, or the older `key: "value:Effect"` mapping.
fn taints<'n>(
    defs: &JsonMap<String, Json>,
    schema: &Json,
    node: &'n Node,
    path: FieldPath,
    wrong: &mut Vec<Wrong<'n>>,
) {
    match &node.value {
        Value::Map(map) => {
            for e in &map.entries {
                if !e.value.is_null() && !matches!(e.value.value, Value::Str(_)) {
                    wrong.push((&e.value, path.clone().key(&e.key), "a string"));
                }
            }
        }
        Value::Seq(_) => {
            if let Some(list) = resolve(defs, schema) {
                walk(defs, list, node, path, wrong);
            }
        }
        _ => wrong.push((node, path, "a list of taints")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_schema_parses_and_every_reference_resolves() {
        let defs = definitions().expect("the embedded schema is JSON");
        assert!(defs.contains_key("ClusterConfig"));
        fn refs<'a>(v: &'a Json, out: &mut Vec<&'a str>) {
            match v {
                Json::Object(m) => {
                    if let Some(Json::String(r)) = m.get("$ref") {
                        out.push(r);
                    }
                    m.values().for_each(|v| refs(v, out));
                }
                Json::Array(a) => a.iter().for_each(|v| refs(v, out)),
                _ => {}
            }
        }
        let mut names = Vec::new();
        for d in defs.values() {
            refs(d, &mut names);
        }
        for name in names {
            assert!(defs.contains_key(name), "`$ref` to a missing definition {name}");
        }
    }
}
