//! The requests: a client from kubeconfig or the in-cluster service account, discovery, then
//! every list page by page, a few lists at a time, each response read up to a size cap and
//! within the timeout.

use std::collections::HashMap;
use std::time::Duration;

use futures::StreamExt as _;
use http_body_util::BodyExt as _;
use kube::config::{KubeConfigOptions, Kubeconfig};
use serde_json::Value;
use serde_json::value::RawValue;

use super::resources::{RESOURCES, Resource, SECRETS};
use super::{LiveObject, NotRead, Options, Snapshot, owners};
use crate::i18n::Lang;

/// Why nothing could be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No usable configuration (kubeconfig, context, namespace).
    #[error("{0}")]
    Config(String),
    /// The API server could not be reached or refused the credentials.
    #[error("{0}")]
    Connect(String),
}

/// Metadata only: the API server answers a list with a `PartialObjectMetadataList`.
const METADATA_ONLY: &str = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

/// One list: the resource, the namespace asked for, its items or why it failed.
type Listed = (Resource, Option<String>, Result<Vec<Item>, FetchError>);

/// One object as listed: the JSON text the loader reads, and the few fields the owner
/// de-duplication, the namespace filter and the object's name need. Each page's items become
/// these as the page arrives, and the page itself is dropped: no parsed tree of the whole
/// cluster is ever held.
#[derive(Debug)]
pub(super) struct Item {
    pub kind: &'static str,
    /// `metadata.name` (empty when missing).
    pub name: String,
    pub namespace: Option<String>,
    pub uid: Option<String>,
    /// The uids of its `ownerReferences` marked `controller: true` (only for the kinds a
    /// controller creates, see [`owners`]).
    pub controllers: Vec<String>,
    pub json: String,
}

pub async fn read(options: &Options) -> Result<Snapshot, Error> {
    let lang = options.lang;
    let (client, context) = client(options).await?;
    let reader = Reader { client, options };
    let served = reader.discover().await.map_err(|e| Error::Connect(e.describe(lang, "/apis")))?;
    let mut snapshot = Snapshot { context, ..Snapshot::default() };
    let mut lists = Vec::new();
    let wanted = RESOURCES.iter().copied().chain(options.secrets_metadata.then_some(SECRETS));
    for resource in wanted {
        let Some(version) = served.version(&resource) else {
            if resource.optional {
                snapshot.not_served.push(resource);
            } else {
                snapshot.not_read.push(NotRead {
                    resource,
                    namespace: None,
                    reason: crate::t!(
                        lang,
                        "live-not-served",
                        version = resource.api_version(resource.version)
                    ),
                });
            }
            continue;
        };
        if resource.namespaced && !options.namespaces.is_empty() {
            for ns in &options.namespaces {
                lists.push((resource, version.clone(), Some(ns.clone())));
            }
        } else {
            lists.push((resource, version, None));
        }
    }
    let results: Vec<Listed> = futures::stream::iter(lists.into_iter().map(|(resource, version, ns)| {
        let reader = &reader;
        async move {
            let r = reader.list(&resource, &version, ns.as_deref()).await;
            (resource, ns, r)
        }
    }))
    .buffer_unordered(options.concurrency.max(1))
    .collect()
    .await;
    let mut objects = Vec::new();
    for (resource, namespace, result) in results {
        match result {
            Ok(items) => objects.extend(items),
            Err(e) => {
                let reason = e.describe(lang, &resource.name());
                snapshot.not_read.push(NotRead { resource, namespace, reason });
            }
        }
    }
    snapshot
        .not_read
        .sort_by(|a, b| (a.resource.name(), &a.namespace).cmp(&(b.resource.name(), &b.namespace)));
    if !options.namespaces.is_empty() {
        // Namespaces are listed whole (their labels decide Pod Security); keep those asked for.
        objects.retain(|o| o.kind != "Namespace" || options.namespaces.contains(&o.name));
    }
    snapshot.owned = owners::dedup(&mut objects);
    snapshot.objects = objects.into_iter().map(|o| to_live(&snapshot.context, o)).collect();
    Ok(snapshot)
}

/// The client for the kubeconfig (or the in-cluster account) and the context's name.
pub(super) async fn client(options: &Options) -> Result<(kube::Client, String), Error> {
    let lang = options.lang;
    let kubeconfig = match &options.kubeconfig {
        Some(path) => Some(Kubeconfig::read_from(path).map_err(|e| {
            Error::Config(crate::t!(
                lang,
                "live-kubeconfig",
                path = path.display().to_string(),
                reason = chain(&e)
            ))
        })?),
        None => Kubeconfig::read().ok(),
    };
    let (mut config, context) = match kubeconfig {
        Some(kc) => {
            let context = options.context.clone().or_else(|| kc.current_context.clone()).unwrap_or_default();
            let kc_options =
                KubeConfigOptions { context: options.context.clone(), ..KubeConfigOptions::default() };
            let config = kube::Config::from_custom_kubeconfig(kc, &kc_options).await.map_err(|e| {
                Error::Config(crate::t!(lang, "live-context", context = context.as_str(), reason = chain(&e)))
            })?;
            (config, context)
        }
        None if options.context.is_none() => {
            let config = kube::Config::incluster()
                .map_err(|e| Error::Config(crate::t!(lang, "live-no-config", reason = chain(&e))))?;
            (config, "in-cluster".to_string())
        }
        None => return Err(Error::Config(crate::t!(lang, "live-no-config", reason = "no kubeconfig file"))),
    };
    config.connect_timeout = Some(options.timeout);
    config.read_timeout = Some(options.timeout);
    config.write_timeout = Some(options.timeout);
    let client = kube::Client::try_from(config).map_err(|e| Error::Config(chain(&e)))?;
    Ok((client, context))
}

/// What went wrong with one request.
#[derive(Debug)]
pub(super) enum FetchError {
    /// No answer: connection refused, TLS, DNS…
    Transport(String),
    /// An HTTP error with the `Status` message the API server sent.
    Status(u16, String),
    Timeout(Duration),
    TooLarge(usize),
    /// The answer is not what the API sends (not JSON, not a List).
    Garbage(String),
}

impl FetchError {
    pub(super) fn describe(&self, lang: Lang, what: &str) -> String {
        match self {
            Self::Transport(reason) => crate::t!(lang, "live-unreachable", reason = reason.as_str()),
            Self::Status(401, message) => crate::t!(lang, "live-unauthorized", message = message.as_str()),
            Self::Status(403, message) => crate::t!(lang, "live-forbidden", message = message.as_str()),
            Self::Status(code, message) => {
                crate::t!(lang, "live-status", code = *code, message = message.as_str())
            }
            Self::Timeout(d) => crate::t!(lang, "live-timeout", seconds = d.as_secs_f64().to_string()),
            Self::TooLarge(cap) => crate::t!(lang, "live-too-large", what = what, megabytes = cap >> 20),
            Self::Garbage(reason) => crate::t!(lang, "live-garbage", what = what, reason = reason.as_str()),
        }
    }
}

/// The versions each API group serves.
struct Served {
    /// Group → (versions, preferred version).
    groups: HashMap<String, (Vec<String>, String)>,
}

impl Served {
    /// The version to list a resource at: its own when served, else the group's preferred one.
    fn version(&self, r: &Resource) -> Option<String> {
        let (versions, preferred) = self.groups.get(r.group)?;
        Some(if versions.iter().any(|v| v == r.version) { r.version.to_string() } else { preferred.clone() })
    }
}

struct Reader<'a> {
    client: kube::Client,
    options: &'a Options,
}

impl Reader<'_> {
    /// `/api` and `/apis`: which groups and versions the cluster serves.
    async fn discover(&self) -> Result<Served, FetchError> {
        let mut groups = HashMap::new();
        let core = self.get_json("/api", "application/json").await?;
        let versions: Vec<String> = strings(core.get("versions"));
        let Some(first) = versions.first().cloned() else {
            return Err(FetchError::Garbage("no versions in /api".into()));
        };
        groups.insert(String::new(), (versions, first));
        let apis = self.get_json("/apis", "application/json").await?;
        let Some(list) = apis.get("groups").and_then(Value::as_array) else {
            return Err(FetchError::Garbage("no groups in /apis".into()));
        };
        for g in list {
            let Some(name) = g.get("name").and_then(Value::as_str) else { continue };
            let versions: Vec<String> = g
                .get("versions")
                .and_then(Value::as_array)
                .map(|vs| vs.iter().filter_map(|v| v.get("version")?.as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            let preferred = g
                .pointer("/preferredVersion/version")
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| versions.first().cloned());
            if let Some(p) = preferred {
                groups.insert(name.to_string(), (versions, p));
            }
        }
        Ok(Served { groups })
    }

    /// Every item of a list, page by page, each page turned into [`Item`]s as it arrives; a
    /// continue token that expired (410) restarts the list once.
    async fn list(
        &self,
        r: &Resource,
        version: &str,
        namespace: Option<&str>,
    ) -> Result<Vec<Item>, FetchError> {
        let path = r.list_path(version, namespace);
        let accept = if *r == SECRETS { METADATA_ONLY } else { "application/json" };
        let api_version = r.api_version(version);
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        let mut restarted = false;
        loop {
            let mut query = form_urlencoded::Serializer::new(String::new());
            query.append_pair("limit", &self.options.page_size.to_string());
            if let Some(t) = &token {
                query.append_pair("continue", t);
            }
            let body = match self.get_body(&format!("{path}?{}", query.finish()), accept).await {
                Ok(body) => body,
                Err(FetchError::Status(410, _)) if token.is_some() && !restarted => {
                    restarted = true;
                    token = None;
                    items.clear();
                    continue;
                }
                Err(e) => return Err(e),
            };
            token = page(&body, r, &api_version, &mut items)?;
            if token.is_none() {
                return Ok(items);
            }
        }
    }

    /// One `GET`, its body read up to the size cap, parsed as JSON; an error status is read as
    /// the API's `Status` object.
    async fn get_json(&self, path_and_query: &str, accept: &str) -> Result<Value, FetchError> {
        let body = self.get_body(path_and_query, accept).await?;
        serde_json::from_slice::<Value>(&body).map_err(|e| FetchError::Garbage(e.to_string()))
    }

    /// One `GET`, its body read up to the size cap; an error status is read as the API's
    /// `Status` object.
    async fn get_body(&self, path_and_query: &str, accept: &str) -> Result<Vec<u8>, FetchError> {
        let timeout = self.options.timeout;
        let request = http::Request::get(path_and_query)
            .header(http::header::ACCEPT, accept)
            .body(kube::client::Body::empty())
            .map_err(|e| FetchError::Transport(e.to_string()))?;
        let exchange = async {
            let response = self.client.send(request).await.map_err(|e| FetchError::Transport(chain(&e)))?;
            let status = response.status();
            let body = read_capped(response.into_body(), self.options.max_response_bytes).await?;
            if !status.is_success() {
                return Err(FetchError::Status(status.as_u16(), status_message(&body, status)));
            }
            Ok(body)
        };
        tokio::time::timeout(timeout, exchange).await.map_err(|_| FetchError::Timeout(timeout))?
    }
}

/// The body, refused as soon as it grows past `cap` bytes.
pub(super) async fn read_capped(mut body: kube::client::Body, cap: usize) -> Result<Vec<u8>, FetchError> {
    let mut out = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| FetchError::Transport(chain(&e)))?;
        if let Ok(data) = frame.into_data() {
            if out.len() + data.len() > cap {
                return Err(FetchError::TooLarge(cap));
            }
            out.extend_from_slice(&data);
        }
    }
    Ok(out)
}

/// The `message` of a `Status` body, else the HTTP reason.
pub(super) fn status_message(body: &[u8], status: http::StatusCode) -> String {
    serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("").to_string())
}

/// One page of a list: its items appended to `items`, and the continue token. The page is read
/// as raw JSON (checked whole, never built into a tree): each item's text is copied out with the
/// changes of [`item`].
pub(super) fn page(
    body: &[u8],
    r: &Resource,
    api_version: &str,
    items: &mut Vec<Item>,
) -> Result<Option<String>, FetchError> {
    let raw: &RawValue = serde_json::from_slice(body).map_err(|e| FetchError::Garbage(e.to_string()))?;
    let not_a_list = || FetchError::Garbage("not a List".into());
    let Some(Entries(page)) = object_entries(raw) else { return Err(not_a_list()) };
    let field = |key: &str| page.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
    let kind = field("kind").and_then(|k| serde_json::from_str::<Value>(k.get()).ok());
    if !kind.as_ref().and_then(Value::as_str).is_some_and(|k| k.ends_with("List")) {
        return Err(not_a_list());
    }
    match field("items").map(|v| (v, v.get().trim_start().as_bytes().first().copied())) {
        None | Some((_, Some(b'n'))) => {}
        Some((v, Some(b'['))) => {
            let list: Vec<&RawValue> =
                serde_json::from_str(v.get()).map_err(|e| FetchError::Garbage(e.to_string()))?;
            items.reserve(list.len());
            for raw in list {
                items.push(item(raw, r, api_version)?);
            }
        }
        Some(_) => return Err(FetchError::Garbage("`items` is not a list".into())),
    }
    let metadata = field("metadata").and_then(|m| serde_json::from_str::<Value>(m.get()).ok());
    Ok(metadata
        .as_ref()
        .and_then(|m| m.get("continue"))
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .map(str::to_string))
}

/// An item as an object of its own: `apiVersion` and `kind` set first (lists leave them out),
/// `managedFields` dropped (bookkeeping, often the largest part); for Secrets only the metadata.
/// Every other key keeps its place and its text as the server sent them.
fn item(raw: &RawValue, r: &Resource, api_version: &str) -> Result<Item, FetchError> {
    let Some(Entries(entries)) = object_entries(raw) else {
        return Err(FetchError::Garbage("a list item is not an object".into()));
    };
    let secret = *r == SECRETS;
    let mut json = String::with_capacity(raw.get().len() + api_version.len() + r.kind.len() + 32);
    json.push_str("{\"apiVersion\":");
    push_string(&mut json, api_version);
    json.push_str(",\"kind\":");
    push_string(&mut json, r.kind);
    let metadata = entries.iter().find(|(k, _)| k == "metadata").map(|(_, v)| *v);
    let mut out = Item {
        kind: r.kind,
        name: String::new(),
        namespace: None,
        uid: None,
        controllers: Vec::new(),
        json: String::new(),
    };
    if secret && metadata.is_none() {
        json.push_str(",\"metadata\":null");
    }
    for (key, value) in &entries {
        let is_metadata = key == "metadata";
        if key == "apiVersion" || key == "kind" || (secret && !is_metadata) {
            continue;
        }
        json.push(',');
        push_string(&mut json, key);
        json.push(':');
        match if is_metadata { object_entries(value) } else { None } {
            Some(Entries(meta)) => {
                json.push('{');
                let mut first = true;
                for (k, v) in &meta {
                    match k.as_str() {
                        "managedFields" => continue,
                        "name" => out.name = as_string(v).unwrap_or_default(),
                        "namespace" => out.namespace = as_string(v),
                        "uid" => out.uid = as_string(v),
                        "ownerReferences" if owners::OWNED_KINDS.contains(&r.kind) => {
                            out.controllers = controllers(v);
                        }
                        _ => {}
                    }
                    if !std::mem::take(&mut first) {
                        json.push(',');
                    }
                    push_string(&mut json, k);
                    json.push(':');
                    json.push_str(v.get());
                }
                json.push('}');
            }
            None => json.push_str(value.get()),
        }
    }
    json.push('}');
    out.json = json;
    Ok(out)
}

/// A string value, `None` for any other JSON value.
fn as_string(v: &RawValue) -> Option<String> {
    serde_json::from_str::<Value>(v.get()).ok().and_then(|v| v.as_str().map(str::to_string))
}

/// The uids of the owner references marked `controller: true`.
fn controllers(v: &RawValue) -> Vec<String> {
    let Ok(Value::Array(refs)) = serde_json::from_str::<Value>(v.get()) else { return Vec::new() };
    refs.iter()
        .filter(|r| r.get("controller").and_then(Value::as_bool) == Some(true))
        .filter_map(|r| r.get("uid")?.as_str().map(str::to_string))
        .collect()
}

/// A string as a JSON string literal.
fn push_string(out: &mut String, s: &str) {
    // Writing a `str` as JSON cannot fail; the fallback keeps the text valid anyway.
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string()));
}

/// An object's entries in their order, each value as raw text; a key given twice keeps its
/// first place and its last value, as a parsed object does.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

/// The entries of a raw value when it is an object.
fn object_entries(raw: &RawValue) -> Option<Entries<'_>> {
    if !raw.get().trim_start().starts_with('{') {
        return None;
    }
    serde_json::from_str(raw.get()).ok()
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for Entries<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visitor<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Entries<'a>, A::Error> {
                let mut out: Vec<(String, &'a RawValue)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, &'a RawValue>()? {
                    match out.iter_mut().find(|(k, _)| *k == key) {
                        Some(slot) => slot.1 = value,
                        None => out.push((key, value)),
                    }
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(Visitor(std::marker::PhantomData))
    }
}

fn to_live(context: &str, o: Item) -> LiveObject {
    let Item { kind, name, namespace, json, .. } = o;
    let name = match namespace {
        Some(ns) => format!("cluster {context}: {kind} {ns}/{name}"),
        None => format!("cluster {context}: {kind} {name}"),
    };
    LiveObject { name, json }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// An error with its causes, `outer: inner: innermost`.
pub(super) fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::resources::RESOURCES;

    fn resource(kind: &str) -> Resource {
        RESOURCES.iter().copied().chain([SECRETS]).find(|r| r.kind == kind).expect("a listed kind")
    }

    fn items(kind: &str, page_text: &str) -> Result<(Vec<Item>, Option<String>), FetchError> {
        let mut items = Vec::new();
        let r = resource(kind);
        let token = page(page_text.as_bytes(), &r, &r.api_version(r.version), &mut items)?;
        Ok((items, token))
    }

    #[test]
    fn an_item_keeps_the_servers_order_and_text_behind_its_kind_without_managed_fields() {
        let page = r#"{"kind":"DeploymentList","apiVersion":"apps/v1","metadata":{"continue":"next-1"},"items":[
            {"metadata":{"name":"web","managedFields":[{"manager":"kubectl"}],"namespace":"shop","uid":"u-1","labels":{"b":"1","a":"2"}},
             "spec":{"replicas":2.50,"z":1,"a":{"\u00e9":"é"}},"kind":"Deployment","status":{}}]}"#;
        let (items, token) = items("Deployment", page).unwrap();
        assert_eq!(token.as_deref(), Some("next-1"));
        let [item] = items.as_slice() else { panic!("{items:?}") };
        assert_eq!(
            item.json,
            r#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","uid":"u-1","labels":{"b":"1","a":"2"}},"spec":{"replicas":2.50,"z":1,"a":{"\u00e9":"é"}},"status":{}}"#
        );
        assert_eq!(
            (item.kind, item.name.as_str(), item.namespace.as_deref(), item.uid.as_deref()),
            ("Deployment", "web", Some("shop"), Some("u-1"))
        );
        // The text is what the loader reads: valid JSON with the same content.
        let v: Value = serde_json::from_str(&item.json).unwrap();
        assert_eq!(v.pointer("/spec/a/é").and_then(Value::as_str), Some("é"));
    }

    #[test]
    fn a_key_given_twice_keeps_its_first_place_and_its_last_value() {
        let page = r#"{"kind":"ConfigMapList","items":[{"data":{"k":"1"},"metadata":{"name":"a","name":"b"},"data":{"k":"2"}}]}"#;
        let (items, token) = items("ConfigMap", page).unwrap();
        assert_eq!(token, None);
        let [item] = items.as_slice() else { panic!("{items:?}") };
        assert_eq!(
            item.json,
            r#"{"apiVersion":"v1","kind":"ConfigMap","data":{"k":"2"},"metadata":{"name":"b"}}"#
        );
        assert_eq!(item.name, "b");
    }

    #[test]
    fn secrets_keep_only_their_metadata() {
        let page = r#"{"kind":"PartialObjectMetadataList","items":[
            {"apiVersion":"meta.k8s.io/v1","kind":"PartialObjectMetadata","metadata":{"name":"s","namespace":"shop"},"data":{"password":"c2VjcmV0"},"type":"Opaque"},
            {"data":{"password":"c2VjcmV0"}}]}"#;
        let (items, _) = items("Secret", page).unwrap();
        let texts: Vec<&str> = items.iter().map(|i| i.json.as_str()).collect();
        assert_eq!(
            texts,
            [
                r#"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"shop"}}"#,
                r#"{"apiVersion":"v1","kind":"Secret","metadata":null}"#,
            ]
        );
    }

    #[test]
    fn controllers_are_kept_for_the_kinds_a_controller_creates() {
        let refs = r#"[{"uid":"rs-1","controller":true},{"uid":"x","controller":false},{"uid":7,"controller":true}]"#;
        let page = format!(
            r#"{{"kind":"List","items":[{{"metadata":{{"name":"p","uid":"p-1","ownerReferences":{refs}}}}}]}}"#
        );
        let (pods, _) = items("Pod", &page).unwrap();
        assert_eq!(pods.first().map(|p| p.controllers.clone()), Some(vec!["rs-1".to_string()]));
        let (maps, _) = items("ConfigMap", &page).unwrap();
        assert_eq!(maps.first().map(|p| p.controllers.len()), Some(0));
    }

    #[test]
    fn pages_that_are_not_lists_are_refused() {
        let refused = |text: &str| match items("ConfigMap", text) {
            Err(FetchError::Garbage(reason)) => reason,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(refused(r#"{"kind":"ConfigMap","items":[]}"#), "not a List");
        assert_eq!(refused(r#"[1]"#), "not a List");
        assert_eq!(refused(r#"{"kind":7}"#), "not a List");
        assert_eq!(refused(r#"{"kind":"List","items":{}}"#), "`items` is not a list");
        assert_eq!(refused(r#"{"kind":"List","items":[1]}"#), "a list item is not an object");
        assert!(!refused(r#"{"kind":"List","items":[}"#).is_empty());
        assert!(items("ConfigMap", r#"{"kind":"List","items":null}"#).unwrap().0.is_empty());
        assert!(items("ConfigMap", r#"{"kind":"List"}"#).unwrap().0.is_empty());
    }
}
