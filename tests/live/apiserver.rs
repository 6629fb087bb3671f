//! A loopback Kubernetes API server for tests: TLS with a CA made for the test, the wire format
//! of the real API (discovery documents, Lists with `metadata.continue`, items without
//! `apiVersion`/`kind`, `PartialObjectMetadataList` when asked for metadata, `Status` objects for
//! errors), every request recorded, and faults to inject per resource.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::{Request, Response};
use serde_json::{Value, json};

/// Something wrong with one resource's lists.
#[derive(Clone, Debug)]
pub enum Fault {
    Forbidden,
    NotFound,
    /// Answer after this long.
    Slow(Duration),
    /// A body that is not JSON.
    Garbage,
    /// A List this many bytes long.
    Huge(usize),
    /// The first continue token has expired (410 Gone) once.
    ExpireContinueOnce,
}

/// What the server serves.
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// Full objects, as manifests write them.
    pub objects: Vec<Value>,
    /// Faults by resource plural (`secrets`, `deployments`).
    pub faults: HashMap<String, Fault>,
    /// Every request gets 401 (an expired token).
    pub unauthorized: bool,
    /// Extra API groups served (`karpenter.sh`), besides the built-in ones.
    pub extra_groups: Vec<(String, String)>,
    /// The PolicyReport CRDs (`wgpolicyk8s.io/v1alpha2`) are installed: reports can be applied.
    pub policy_reports: bool,
}

/// One request as received.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub query: String,
    pub accept: String,
    pub content_type: String,
    pub body: String,
}

pub struct FakeApi {
    pub addr: SocketAddr,
    pub ca_pem: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
    reports: Arc<Mutex<BTreeMap<String, Value>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Built-in groups: (group, versions, preferred).
const GROUPS: &[(&str, &[&str], &str)] = &[
    ("apps", &["v1"], "v1"),
    ("batch", &["v1"], "v1"),
    ("networking.k8s.io", &["v1"], "v1"),
    ("policy", &["v1"], "v1"),
    ("autoscaling", &["v2", "v1"], "v2"),
    ("rbac.authorization.k8s.io", &["v1"], "v1"),
    ("storage.k8s.io", &["v1"], "v1"),
    ("admissionregistration.k8s.io", &["v1"], "v1"),
];

/// plural → kind, for every resource the server can list.
const KINDS: &[(&str, &str)] = &[
    ("namespaces", "Namespace"),
    ("pods", "Pod"),
    ("replicationcontrollers", "ReplicationController"),
    ("podtemplates", "PodTemplate"),
    ("services", "Service"),
    ("serviceaccounts", "ServiceAccount"),
    ("configmaps", "ConfigMap"),
    ("secrets", "Secret"),
    ("limitranges", "LimitRange"),
    ("resourcequotas", "ResourceQuota"),
    ("deployments", "Deployment"),
    ("replicasets", "ReplicaSet"),
    ("statefulsets", "StatefulSet"),
    ("daemonsets", "DaemonSet"),
    ("jobs", "Job"),
    ("cronjobs", "CronJob"),
    ("ingresses", "Ingress"),
    ("networkpolicies", "NetworkPolicy"),
    ("poddisruptionbudgets", "PodDisruptionBudget"),
    ("horizontalpodautoscalers", "HorizontalPodAutoscaler"),
    ("roles", "Role"),
    ("rolebindings", "RoleBinding"),
    ("clusterroles", "ClusterRole"),
    ("clusterrolebindings", "ClusterRoleBinding"),
    ("storageclasses", "StorageClass"),
    ("validatingwebhookconfigurations", "ValidatingWebhookConfiguration"),
    ("mutatingwebhookconfigurations", "MutatingWebhookConfiguration"),
    ("httproutes", "HTTPRoute"),
    ("nodepools", "NodePool"),
    ("ec2nodeclasses", "EC2NodeClass"),
];

impl FakeApi {
    pub fn start(setup: Setup) -> FakeApi {
        let (ca_pem, cert_der, key_der) = certificates();
        let config = rustls_config(cert_der, key_der);
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let reports = Arc::new(Mutex::new(BTreeMap::new()));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let state = Arc::new(State {
            setup: prepare(setup),
            requests: Arc::clone(&requests),
            reports: Arc::clone(&reports),
            expired: Mutex::new(BTreeSet::new()),
        });
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            rt.block_on(serve(listener, config, state, stopped));
        });
        FakeApi { addr, ca_pem, requests, reports, stop: Some(stop), thread: Some(thread) }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    /// The reports applied so far, by path, as the server stored them.
    pub fn reports(&self) -> BTreeMap<String, Value> {
        self.reports.lock().unwrap().clone()
    }

    /// A kubeconfig for this server, with a bearer token, its context named `context`.
    pub fn kubeconfig(&self, context: &str) -> String {
        use base64::Engine as _;
        let ca = base64::engine::general_purpose::STANDARD.encode(&self.ca_pem);
        format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: {context}\nclusters:\n- name: fake\n  cluster:\n    server: https://127.0.0.1:{port}\n    certificate-authority-data: {ca}\nusers:\n- name: tester\n  user:\n    token: test-token\ncontexts:\n- name: {context}\n  context:\n    cluster: fake\n    user: tester\n",
            port = self.addr.port()
        )
    }
}

struct State {
    setup: Setup,
    requests: Arc<Mutex<Vec<Recorded>>>,
    /// PolicyReports and ClusterPolicyReports applied, by path.
    reports: Arc<Mutex<BTreeMap<String, Value>>>,
    /// Resources whose continue token already expired once.
    expired: Mutex<BTreeSet<String>>,
}

/// The objects as the API server holds them: uid, resourceVersion, creation time and
/// managedFields added (they must not change what is found).
fn prepare(mut setup: Setup) -> Setup {
    for (i, o) in setup.objects.iter_mut().enumerate() {
        let meta = o["metadata"].as_object_mut().expect("metadata");
        meta.entry("uid").or_insert_with(|| json!(format!("uid-{i}")));
        meta.insert("resourceVersion".into(), json!(format!("{}", 1000 + i)));
        meta.insert("creationTimestamp".into(), json!("2026-01-01T00:00:00Z"));
        meta.insert(
            "managedFields".into(),
            json!([{ "manager": "kubectl", "operation": "Apply", "fieldsType": "FieldsV1", "fieldsV1": { "f:metadata": {} } }]),
        );
    }
    setup
}

async fn serve(
    listener: std::net::TcpListener,
    config: Arc<tokio_rustls::rustls::ServerConfig>,
    state: Arc<State>,
    mut stopped: tokio::sync::oneshot::Receiver<()>,
) {
    let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
    let acceptor = tokio_rustls::TlsAcceptor::from(config);
    loop {
        let (tcp, _) = tokio::select! {
            _ = &mut stopped => return,
            a = listener.accept() => match a { Ok(a) => a, Err(_) => continue },
        };
        let acceptor = acceptor.clone();
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let Ok(tls) = acceptor.accept(tcp).await else { return };
            let service = hyper::service::service_fn(move |req| {
                let state = Arc::clone(&state);
                async move { Ok::<_, std::convert::Infallible>(handle(&state, req).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(tls), service)
                .await;
        });
    }
}

fn reply(code: u16, body: String) -> Response<Full<Bytes>> {
    Response::builder()
        .status(code)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body)))
        .expect("response")
}

fn status(code: u16, reason: &str, message: &str) -> Response<Full<Bytes>> {
    let body = json!({
        "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
        "message": message, "reason": reason, "code": code,
    });
    reply(code, body.to_string())
}

async fn handle(state: &State, req: Request<hyper::body::Incoming>) -> Response<Full<Bytes>> {
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let (accept, content_type) = (header("accept"), header("content-type"));
    let method = req.method().clone();
    let body = {
        use http_body_util::BodyExt as _;
        let bytes = req.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    state.requests.lock().unwrap().push(Recorded {
        method: method.to_string(),
        path: path.clone(),
        query: query.clone(),
        accept: accept.clone(),
        content_type: content_type.clone(),
        body: body.clone(),
    });
    let setup = &state.setup;
    if setup.unauthorized {
        return status(401, "Unauthorized", "Unauthorized");
    }
    if method == hyper::Method::PATCH && path.starts_with("/apis/wgpolicyk8s.io/") {
        return apply_report(state, &path, &query, &content_type, &body);
    }
    if method != hyper::Method::GET {
        return status(405, "MethodNotAllowed", "the test server only lists, and applies reports");
    }
    if path == "/api" {
        return reply(
            200,
            json!({ "kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": [] })
                .to_string(),
        );
    }
    if path == "/apis" {
        return reply(200, discovery(setup).to_string());
    }
    let Some((group, version, namespace, plural)) = parse_path(&path) else {
        return status(404, "NotFound", "the server could not find the requested resource");
    };
    let Some(kind) = KINDS.iter().find(|(p, _)| *p == plural).map(|(_, k)| *k) else {
        return status(404, "NotFound", "the server could not find the requested resource");
    };
    match setup.faults.get(&plural) {
        Some(Fault::Forbidden) => {
            let message = format!(
                "{plural}{} is forbidden: User \"tester\" cannot list resource \"{plural}\" in API group \"{group}\" at the cluster scope",
                if group.is_empty() { String::new() } else { format!(".{group}") }
            );
            return status(403, "Forbidden", &message);
        }
        Some(Fault::NotFound) => {
            return status(404, "NotFound", "the server could not find the requested resource");
        }
        Some(Fault::Slow(d)) => tokio::time::sleep(*d).await,
        Some(Fault::Garbage) => return reply(200, "<html>502 Bad Gateway</html>".into()),
        Some(Fault::Huge(n)) => {
            let pad = "x".repeat(*n);
            return reply(
                200,
                json!({ "kind": "List", "apiVersion": "v1", "metadata": { "pad": pad }, "items": [] })
                    .to_string(),
            );
        }
        _ => {}
    }
    let params: HashMap<String, String> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let limit: usize = params.get("limit").and_then(|l| l.parse().ok()).unwrap_or(usize::MAX).max(1);
    let start: usize = match params.get("continue") {
        None => 0,
        Some(t) => {
            if matches!(setup.faults.get(&plural), Some(Fault::ExpireContinueOnce))
                && state.expired.lock().unwrap().insert(plural.clone())
            {
                return status(
                    410,
                    "Expired",
                    "The provided continue parameter is too old to display a consistent list result.",
                );
            }
            match t.strip_prefix("offset-").and_then(|n| n.parse().ok()) {
                Some(n) => n,
                None => return status(400, "BadRequest", "invalid continue token"),
            }
        }
    };
    let api_version = if group.is_empty() { version.clone() } else { format!("{group}/{version}") };
    let all: Vec<&Value> = setup
        .objects
        .iter()
        .filter(|o| o["kind"] == kind && group_of(o) == group)
        .filter(|o| namespace.as_deref().is_none_or(|ns| o["metadata"]["namespace"].as_str() == Some(ns)))
        .collect();
    let end = start.saturating_add(limit).min(all.len());
    let metadata_only = accept.contains("as=PartialObjectMetadataList");
    let items: Vec<Value> = all[start.min(end)..end]
        .iter()
        .map(|o| {
            if metadata_only {
                json!({ "apiVersion": "meta.k8s.io/v1", "kind": "PartialObjectMetadata", "metadata": o["metadata"] })
            } else {
                // Items keep the order of their fields, as the API server writes them.
                let mut item = (*o).clone();
                let m = item.as_object_mut().expect("object");
                m.shift_remove("apiVersion");
                m.shift_remove("kind");
                item
            }
        })
        .collect();
    let mut meta = json!({ "resourceVersion": "5000" });
    if end < all.len() {
        meta["continue"] = json!(format!("offset-{end}"));
        meta["remainingItemCount"] = json!(all.len() - end);
    }
    let body = if metadata_only {
        json!({ "kind": "PartialObjectMetadataList", "apiVersion": "meta.k8s.io/v1", "metadata": meta, "items": items })
    } else {
        json!({ "kind": format!("{kind}List"), "apiVersion": api_version, "metadata": meta, "items": items })
    };
    reply(200, body.to_string())
}

/// A server-side apply of a PolicyReport or ClusterPolicyReport: the body must be the object
/// the URL names, sent as an apply patch with a field manager; 201 when created, 200 after.
fn apply_report(
    state: &State,
    path: &str,
    query: &str,
    content_type: &str,
    body: &str,
) -> Response<Full<Bytes>> {
    let setup = &state.setup;
    if !setup.policy_reports {
        return status(404, "NotFound", "the server could not find the requested resource");
    }
    let Some(("wgpolicyk8s.io", "v1alpha2", namespace, plural, name)) = parse_object_path(path) else {
        return status(404, "NotFound", "the server could not find the requested resource");
    };
    let kind = match (plural, namespace) {
        ("policyreports", Some(_)) => "PolicyReport",
        ("clusterpolicyreports", None) => "ClusterPolicyReport",
        _ => return status(404, "NotFound", "the server could not find the requested resource"),
    };
    if let Some(Fault::Forbidden) = setup.faults.get(plural) {
        let message = format!(
            "{plural}.wgpolicyk8s.io \"{name}\" is forbidden: User \"tester\" cannot patch resource \"{plural}\" in API group \"wgpolicyk8s.io\""
        );
        return status(403, "Forbidden", &message);
    }
    if content_type != "application/apply-patch+yaml" {
        return status(415, "UnsupportedMediaType", "the body of the request was in an unknown format");
    }
    let params: HashMap<String, String> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    if params.get("fieldManager").is_none_or(String::is_empty) {
        return status(400, "BadRequest", "PATCH requests with apply content types require fieldManager");
    }
    let Ok(object) = serde_json::from_str::<Value>(body) else {
        return status(400, "BadRequest", "error decoding YAML");
    };
    if object["kind"] != kind
        || object["metadata"]["name"] != name
        || object["metadata"]["namespace"].as_str() != namespace
    {
        return status(400, "BadRequest", "the name or namespace of the object does not match the URL");
    }
    let created = state.reports.lock().unwrap().insert(path.to_string(), object.clone()).is_none();
    reply(if created { 201 } else { 200 }, object.to_string())
}

/// `/apis/G/V[/namespaces/NS]/PLURAL/NAME`.
fn parse_object_path(path: &str) -> Option<(&str, &str, Option<&str>, &str, &str)> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        ["apis", g, v, "namespaces", ns, plural, name] => Some((g, v, Some(*ns), plural, name)),
        ["apis", g, v, plural, name] => Some((g, v, None, plural, name)),
        _ => None,
    }
}

fn group_of(o: &Value) -> String {
    let v = o["apiVersion"].as_str().unwrap_or("");
    v.rsplit_once('/').map_or(String::new(), |(g, _)| g.to_string())
}

fn discovery(setup: &Setup) -> Value {
    let mut groups: Vec<Value> =
        GROUPS.iter().map(|(name, versions, preferred)| group_doc(name, versions, preferred)).collect();
    for (name, version) in &setup.extra_groups {
        groups.push(group_doc(name, &[version.as_str()], version));
    }
    json!({ "kind": "APIGroupList", "apiVersion": "v1", "groups": groups })
}

fn group_doc(name: &str, versions: &[&str], preferred: &str) -> Value {
    let vs: Vec<Value> =
        versions.iter().map(|v| json!({ "groupVersion": format!("{name}/{v}"), "version": v })).collect();
    json!({ "name": name, "versions": vs, "preferredVersion": { "groupVersion": format!("{name}/{preferred}"), "version": preferred } })
}

/// `/api/v1[/namespaces/NS]/PLURAL` or `/apis/G/V[/namespaces/NS]/PLURAL`.
fn parse_path(path: &str) -> Option<(String, String, Option<String>, String)> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let (group, rest) = match parts.as_slice() {
        ["api", rest @ ..] => (String::new(), rest),
        ["apis", g, rest @ ..] => ((*g).to_string(), rest),
        _ => return None,
    };
    match rest {
        [v, "namespaces", ns, plural] => {
            Some((group, (*v).to_string(), Some((*ns).to_string()), (*plural).to_string()))
        }
        [v, plural] => Some((group, (*v).to_string(), None, (*plural).to_string())),
        _ => None,
    }
}

/// A CA, and a server certificate for 127.0.0.1 and localhost signed by it.
fn certificates() -> (String, Vec<u8>, Vec<u8>) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().expect("key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca_params.self_signed(&ca_key).expect("CA");
    let issuer = Issuer::new(ca_params, ca_key);
    let key = KeyPair::generate().expect("key");
    let params =
        CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()]).expect("params");
    let cert = params.signed_by(&key, &issuer).expect("server certificate");
    (ca_cert.pem(), cert.der().to_vec(), key.serialize_der())
}

fn rustls_config(cert: Vec<u8>, key: Vec<u8>) -> Arc<tokio_rustls::rustls::ServerConfig> {
    use tokio_rustls::rustls::{self, pki_types};
    // The same provider as the client (kube's `ring` feature).
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("protocols")
        .with_no_client_auth()
        .with_single_cert(
            vec![pki_types::CertificateDer::from(cert)],
            pki_types::PrivateKeyDer::Pkcs8(pki_types::PrivatePkcs8KeyDer::from(key)),
        )
        .expect("certificate");
    Arc::new(config)
}
