//! An `admission.k8s.io/v1` AdmissionReview read through the project's document path: the body
//! becomes a source file and a tree with spans, so the object's findings carry field paths into
//! it. Anything that is not a review the webhook can answer is an error with a message (the
//! server answers it with HTTP 400, and the API server applies the webhook's failure policy).

use std::sync::Arc;

use crate::document::{FieldPath, Node, SourceFile, Span, Value, json, node::Entry, yaml};

/// The request of a review, with the trees of its objects.
#[derive(Debug)]
pub struct Review {
    pub file: Arc<SourceFile>,
    pub uid: String,
    /// `CREATE`, `UPDATE`, `DELETE` or `CONNECT`.
    pub operation: String,
    /// The resource's kind as the request names it (`Pod`, `Deployment`).
    pub kind: String,
    pub resource: String,
    pub sub_resource: String,
    /// Empty for a cluster-scoped object.
    pub namespace: String,
    pub name: String,
    pub dry_run: bool,
    pub object: Option<Node>,
    pub old_object: Option<Node>,
}

/// Where the objects sit in the review's document.
#[must_use]
pub fn object_path() -> FieldPath {
    FieldPath::root().keys(&["request", "object"])
}

#[must_use]
pub fn old_object_path() -> FieldPath {
    FieldPath::root().keys(&["request", "oldObject"])
}

/// Reads a review; the error says what is wrong with it. The API server sends JSON, read by
/// the JSON reader; anything it leaves (YAML, or JSON the YAML reader might read its own way)
/// is read by the YAML reader, which gives the same tree for any JSON and says what is wrong.
pub fn parse(body: Vec<u8>) -> Result<Review, String> {
    let file = crate::source::from_bytes("admission-review".into(), None, body).map_err(|e| e.to_string())?;
    let mut root = match json::parse(&file.text()) {
        Some(root) => root,
        None => {
            let mut stream = yaml::parse(&file.text());
            if let Some(e) = stream.errors.first() {
                let p = file.position(e.span.start);
                return Err(format!(
                    "the body cannot be read as JSON: {} at line {}, column {}",
                    e.message.render(crate::i18n::Lang::En),
                    p.line,
                    p.column
                ));
            }
            if stream.documents.len() != 1 {
                return Err("the body must be one AdmissionReview".into());
            }
            stream.documents.remove(0).root
        }
    };
    let text = |n: &Node, key: &str| n.get(key).and_then(Node::as_str).unwrap_or_default().to_string();
    if text(&root, "apiVersion") != "admission.k8s.io/v1" || text(&root, "kind") != "AdmissionReview" {
        return Err("expected an AdmissionReview of apiVersion admission.k8s.io/v1".into());
    }
    let Some(request) = root.get("request").filter(|r| r.as_map().is_some()) else {
        return Err("the AdmissionReview has no `request`".into());
    };
    let uid = text(request, "uid");
    if uid.is_empty() {
        return Err("the AdmissionReview has no `request.uid`".into());
    }
    let operation = text(request, "operation");
    if !["CREATE", "UPDATE", "DELETE", "CONNECT"].contains(&operation.as_str()) {
        return Err(format!("unknown operation `{operation}` in `request.operation`"));
    }
    let kind = request.get("kind").map(|k| text(k, "kind")).unwrap_or_default();
    let resource = request.get("resource").map(|r| text(r, "resource")).unwrap_or_default();
    let sub_resource = text(request, "subResource");
    let namespace = text(request, "namespace");
    let name = text(request, "name");
    let dry_run = request.get("dryRun").and_then(Node::as_bool).unwrap_or(false);
    // The objects are moved out of the review's tree, not copied.
    let mut object = |key: &str| take(&mut root, "request", key).filter(|o| !o.is_null());
    let (object, old_object) = (object("object"), object("oldObject"));
    let review = Review {
        file,
        uid,
        operation,
        kind,
        resource,
        sub_resource,
        namespace,
        name,
        dry_run,
        object,
        old_object,
    };
    if matches!(review.operation.as_str(), "CREATE" | "UPDATE") {
        match &review.object {
            None => return Err(format!("a {} review needs `request.object`", review.operation)),
            Some(o) if o.as_map().is_none() => return Err("`request.object` must be an object".into()),
            Some(_) => {}
        }
    }
    Ok(review)
}

/// Fills in what the API server knows but the object may not carry: its namespace and name.
pub fn complete(object: &mut Node, namespace: &str, name: &str) {
    let Value::Map(root) = &mut object.value else { return };
    if root.get("metadata").is_none() {
        root.push(entry("metadata", Node::synthetic(Value::Map(crate::document::node::Map::default()))));
    }
    let Some(meta) = root.entries.iter_mut().find(|e| e.key == "metadata") else { return };
    let Value::Map(meta) = &mut meta.value.value else { return };
    for (key, value) in [("namespace", namespace), ("name", name)] {
        if !value.is_empty()
            && meta.get(key).is_none()
            && !(key == "name" && meta.get("generateName").is_some())
        {
            meta.push(entry(key, Node::synthetic(Value::Str(value.into()))));
        }
    }
}

fn entry(key: &str, value: Node) -> Entry {
    Entry { key: key.into(), key_span: Span::default(), value }
}

/// Moves `root[outer][key]` out of the tree (the entry a lookup finds: the last of its name).
fn take(root: &mut Node, outer: &str, key: &str) -> Option<Node> {
    let Value::Map(root) = &mut root.value else { return None };
    let outer = root.entries.iter_mut().rev().find(|e| e.key == outer)?;
    let Value::Map(inner) = &mut outer.value.value else { return None };
    let entry = inner.entries.iter_mut().rev().find(|e| e.key == key)?;
    Some(std::mem::replace(&mut entry.value, Node::synthetic(Value::Null)))
}
