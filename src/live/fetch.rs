//! The requests: a client from kubeconfig or the in-cluster service account, discovery, then
//! every list page by page, a few lists at a time, each response read up to a size cap and
//! within the timeout.

use std::collections::HashMap;
use std::time::Duration;

use futures::StreamExt as _;
use http_body_util::BodyExt as _;
use kube::config::{KubeConfigOptions, Kubeconfig};
use serde_json::Value;

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
type Listed = (Resource, Option<String>, Result<Vec<Value>, FetchError>);

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
        objects.retain(|o| {
            o.get("kind").and_then(Value::as_str) != Some("Namespace")
                || o.pointer("/metadata/name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| options.namespaces.iter().any(|ns| ns == n))
        });
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

    /// Every item of a list, page by page; a continue token that expired (410) restarts the
    /// list once.
    async fn list(
        &self,
        r: &Resource,
        version: &str,
        namespace: Option<&str>,
    ) -> Result<Vec<Value>, FetchError> {
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
            let page = match self.get_json(&format!("{path}?{}", query.finish()), accept).await {
                Ok(page) => page,
                Err(FetchError::Status(410, _)) if token.is_some() && !restarted => {
                    restarted = true;
                    token = None;
                    items.clear();
                    continue;
                }
                Err(e) => return Err(e),
            };
            let mut page = page;
            if !page.get("kind").and_then(Value::as_str).is_some_and(|k| k.ends_with("List")) {
                return Err(FetchError::Garbage("not a List".into()));
            }
            let page_items = match page.get_mut("items").map(Value::take) {
                Some(Value::Array(a)) => a,
                None | Some(Value::Null) => Vec::new(),
                Some(_) => return Err(FetchError::Garbage("`items` is not a list".into())),
            };
            for item in page_items {
                items.push(normalise(item, r, &api_version)?);
            }
            token = page
                .pointer("/metadata/continue")
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())
                .map(str::to_string);
            if token.is_none() {
                return Ok(items);
            }
        }
    }

    /// One `GET`, its body read up to the size cap, parsed as JSON; an error status is read as
    /// the API's `Status` object.
    async fn get_json(&self, path_and_query: &str, accept: &str) -> Result<Value, FetchError> {
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
            serde_json::from_slice::<Value>(&body).map_err(|e| FetchError::Garbage(e.to_string()))
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

/// An item as an object of its own: `apiVersion` and `kind` set (lists leave them out),
/// `managedFields` dropped (bookkeeping, often the largest part); for Secrets only the metadata.
fn normalise(item: Value, r: &Resource, api_version: &str) -> Result<Value, FetchError> {
    let Value::Object(mut map) = item else {
        return Err(FetchError::Garbage("a list item is not an object".into()));
    };
    if *r == SECRETS {
        let metadata = map.remove("metadata").unwrap_or(Value::Null);
        map.clear();
        map.insert("metadata".into(), metadata);
    }
    let mut out = serde_json::Map::new();
    out.insert("apiVersion".into(), Value::String(api_version.to_string()));
    out.insert("kind".into(), Value::String(r.kind.to_string()));
    map.remove("apiVersion");
    map.remove("kind");
    if let Some(Value::Object(m)) = map.get_mut("metadata") {
        m.remove("managedFields");
    }
    out.extend(map);
    Ok(Value::Object(out))
}

fn to_live(context: &str, o: Value) -> LiveObject {
    let kind = o.get("kind").and_then(Value::as_str).unwrap_or("");
    let name = o.pointer("/metadata/name").and_then(Value::as_str).unwrap_or("");
    let name = match o.pointer("/metadata/namespace").and_then(Value::as_str) {
        Some(ns) => format!("cluster {context}: {kind} {ns}/{name}"),
        None => format!("cluster {context}: {kind} {name}"),
    };
    LiveObject { name, json: o.to_string() }
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
