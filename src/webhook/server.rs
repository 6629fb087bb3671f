//! The HTTPS server around [`super::decision`]: TLS with `rustls` (certificate files read again
//! when they change, as a Secret volume's symlink swap does), HTTP/1.1 keep-alive with `hyper`,
//! routes with `axum`, and graceful shutdown: on SIGTERM the listener closes and the reviews in
//! flight are answered before the process exits.

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hyper_util::rt::{TokioIo, TokioTimer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};

use super::connection::{Activity, Guarded, Limits, Phase, overstay};
use super::decision::{NamespaceLabels, Webhook};
use super::metrics::Metrics;
use crate::settings::{Config, WebhookMode};

/// Reviews larger than this are refused with 413 (the API server's own limit is 3 MiB).
pub const MAX_BODY: usize = 3 * 1024 * 1024;
/// Time allowed after SIGTERM for the reviews in flight.
pub const GRACE: Duration = Duration::from_secs(25);

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Options {
    pub cert: PathBuf,
    pub key: PathBuf,
    /// How often the certificate files are read again.
    pub reload_every: Duration,
}

/// The serving certificate, swapped in place when its files change.
#[derive(Debug)]
pub struct Certificate {
    current: RwLock<(Vec<u8>, Arc<CertifiedKey>)>,
    options: Options,
}

impl Certificate {
    /// Reads the certificate chain and key; the error names the file and the problem.
    pub fn load(options: &Options) -> Result<Self, String> {
        let (bytes, key) = read(options)?;
        Ok(Self { current: RwLock::new((bytes, key)), options: options.clone() })
    }

    /// Reads the files again; `Ok(true)` when a new certificate is in use. A pair that does not
    /// load leaves the current one in place.
    pub fn reload(&self) -> Result<bool, String> {
        let (bytes, key) = read(&self.options)?;
        let mut current = self.current.write().map_err(|_| "certificate lock poisoned".to_string())?;
        if current.0 == bytes {
            return Ok(false);
        }
        *current = (bytes, key);
        Ok(true)
    }
}

impl ResolvesServerCert for Certificate {
    fn resolve(&self, _hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        self.current.read().ok().map(|c| Arc::clone(&c.1))
    }
}

fn read(options: &Options) -> Result<(Vec<u8>, Arc<CertifiedKey>), String> {
    let cert_pem = std::fs::read(&options.cert).map_err(|e| format!("{}: {e}", options.cert.display()))?;
    let key_pem = std::fs::read(&options.key).map_err(|e| format!("{}: {e}", options.key.display()))?;
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{}: {e}", options.cert.display()))?;
    if chain.is_empty() {
        return Err(format!("{}: no PEM certificate", options.cert.display()));
    }
    let key =
        PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| format!("{}: {e}", options.key.display()))?;
    let signing = rustls::crypto::ring::sign::any_supported_type(&key)
        .map_err(|e| format!("{}: {e}", options.key.display()))?;
    let certified = CertifiedKey::new(chain, signing);
    certified
        .keys_match()
        .map_err(|e| format!("{} and {}: {e}", options.cert.display(), options.key.display()))?;
    let mut bytes = cert_pem;
    bytes.extend_from_slice(&key_pem);
    Ok((bytes, Arc::new(certified)))
}

/// The webhook of the current day (waiver expiry dates are read against it), rebuilt from the
/// config when the date changes.
#[derive(Debug)]
pub struct Current {
    config: Config,
    mode: Option<WebhookMode>,
    lang: crate::i18n::Lang,
    webhook: RwLock<Arc<Webhook>>,
}

impl Current {
    #[must_use]
    pub fn new(config: Config, mode: Option<WebhookMode>, lang: crate::i18n::Lang) -> Self {
        let today = jiff::Zoned::now().date();
        let webhook = Arc::new(Webhook::new(config.clone(), mode, today, lang));
        Self { config, mode, lang, webhook: RwLock::new(webhook) }
    }

    /// The webhook for today.
    pub fn get(&self) -> Arc<Webhook> {
        let today = jiff::Zoned::now().date();
        if let Ok(w) = self.webhook.read()
            && w.settings.today == today
        {
            return Arc::clone(&w);
        }
        let fresh = Arc::new(Webhook::new(self.config.clone(), self.mode, today, self.lang));
        if let Ok(mut w) = self.webhook.write() {
            *w = Arc::clone(&fresh);
        }
        fresh
    }
}

/// Everything a request handler reads.
pub struct AppState {
    pub webhook: Current,
    pub namespaces: Arc<dyn NamespaceLabels + Send + Sync>,
    pub metrics: Arc<Metrics>,
    /// Whether the webhook can answer as configured (its Namespace cache has synced).
    pub ready: Arc<dyn Fn() -> bool + Send + Sync>,
    /// Allow every review without running a rule: the floor of `bench/webhook.sh`.
    pub always_allow: bool,
    /// The time allowed for a request body.
    pub read_timeout: Duration,
}

/// The routes: `POST /validate` (also `/`), `GET /healthz`, `GET /readyz`, `GET /metrics`.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", post(validate))
        .route("/validate", post(validate))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    if (state.ready)() {
        (StatusCode::OK, "ok\n").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "the Namespace cache has not synced yet\n").into_response()
    }
}

async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")],
        state.metrics.encode(),
    )
        .into_response()
}

async fn validate(State(state): State<Arc<AppState>>, body: Body) -> Response {
    let started = std::time::Instant::now();
    let bytes = match tokio::time::timeout(state.read_timeout, axum::body::to_bytes(body, MAX_BODY)).await {
        Err(_) => {
            state.metrics.refused("timeout");
            return (StatusCode::REQUEST_TIMEOUT, "request body not received in time\n").into_response();
        }
        Ok(Err(e)) => {
            let too_large = std::error::Error::source(&e)
                .is_some_and(|s| s.downcast_ref::<http_body_util::LengthLimitError>().is_some());
            state.metrics.refused(if too_large { "too-large" } else { "unreadable" });
            return if too_large {
                (StatusCode::PAYLOAD_TOO_LARGE, format!("request body over the limit of {MAX_BODY} bytes\n"))
                    .into_response()
            } else {
                (StatusCode::BAD_REQUEST, format!("cannot read the request body: {e}\n")).into_response()
            };
        }
        Ok(Ok(b)) => b,
    };
    if state.always_allow {
        return allow_all(&bytes);
    }
    let webhook = state.webhook.get();
    let decision = webhook.decide(Vec::from(bytes), state.namespaces.as_ref());
    state.metrics.observe(&decision, started.elapsed().as_secs_f64());
    tracing::info!(
        uid = decision.uid,
        operation = decision.operation,
        kind = decision.kind,
        namespace = decision.namespace,
        name = decision.name,
        dry_run = decision.dry_run,
        mode = decision.mode.map(WebhookMode::as_str),
        verdict = decision.verdict.as_str(),
        findings = decision.findings,
        denied_by = decision.denied_by.join(","),
        "review"
    );
    let content_type = if decision.status == 200 { "application/json" } else { "text/plain; charset=utf-8" };
    let status = StatusCode::from_u16(decision.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, [(header::CONTENT_TYPE, content_type)], decision.body).into_response()
}

/// The answer of a webhook without rules: the request's uid, allowed (the benchmark's floor: the
/// same TLS, HTTP and body handling as a real review).
fn allow_all(body: &[u8]) -> Response {
    let uid = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("request")?.get("uid")?.as_str().map(str::to_string))
        .unwrap_or_default();
    let answer = serde_json::json!({
        "apiVersion": "admission.k8s.io/v1",
        "kind": "AdmissionReview",
        "response": {"uid": uid, "allowed": true},
    });
    (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], answer.to_string()).into_response()
}

/// Serves until `shutdown` completes, then waits (at most [`GRACE`]) for the connections that
/// have a request in flight; idle keep-alive connections are closed. At most
/// `limits.max_connections` are open at once: at the cap, idle connections are closed to make
/// room and the next connection waits in the listen backlog until one closes.
pub async fn serve(
    listener: TcpListener,
    certificate: Arc<Certificate>,
    app: Router,
    limits: Limits,
    metrics: Arc<Metrics>,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    // ring, not aws-lc-rs (which needs cmake to build); ring offers no post-quantum key
    // exchange, hence the deprecation.
    #[allow(deprecated)]
    let provider = rustls::crypto::ring::default_provider();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(provider))
        .with_safe_default_protocol_versions()
        .map_err(std::io::Error::other)?
        .with_no_client_auth()
        .with_cert_resolver(certificate);
    let mut config = config;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let service = hyper_util::service::TowerToHyperService::new(app);
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let shed = Arc::new(Notify::new());
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // A reply goes out in more than one segment (TLS records, headers and body): with Nagle's
        // algorithm on, the last waits for the client's delayed ACK, about 40 ms.
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(error = %e, "TCP_NODELAY not set");
        }
        // At the cap this one connection waits, unread, and no other is accepted meanwhile.
        let permit = tokio::select! {
            permit = room(&permits, &shed, &metrics) => permit,
            () = &mut shutdown => break,
        };
        let connection = Connection {
            acceptor: acceptor.clone(),
            service: service.clone(),
            limits,
            metrics: Arc::clone(&metrics),
            shed: Arc::clone(&shed),
        };
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            let _permit = permit;
            connection.run(tcp, peer, watcher).await;
        });
    }
    drop(listener);
    tracing::info!(connections = graceful.count(), "shutting down: finishing the reviews in flight");
    if tokio::time::timeout(GRACE, graceful.shutdown()).await.is_err() {
        tracing::warn!("grace period over: closing the connections left");
    }
    Ok(())
}

/// A slot for one more connection. At the cap, idle connections are asked to close (again every
/// 100 ms, for those that were busy or still in their handshake) until one does or a busy one
/// ends.
async fn room(permits: &Arc<Semaphore>, shed: &Notify, metrics: &Metrics) -> OwnedSemaphorePermit {
    if let Ok(p) = Arc::clone(permits).try_acquire_owned() {
        return p;
    }
    metrics.connection_limit_reached();
    loop {
        shed.notify_waiters();
        // The semaphore is never closed.
        if let Ok(Ok(p)) =
            tokio::time::timeout(Duration::from_millis(100), Arc::clone(permits).acquire_owned()).await
        {
            return p;
        }
    }
}

/// What serving one connection needs.
struct Connection {
    acceptor: tokio_rustls::TlsAcceptor,
    service: hyper_util::service::TowerToHyperService<Router>,
    limits: Limits,
    metrics: Arc<Metrics>,
    shed: Arc<Notify>,
}

impl Connection {
    /// TLS, then HTTP/1.1 requests until the client closes, a limit closes the connection, or
    /// the server shuts down.
    async fn run(self, tcp: TcpStream, peer: SocketAddr, watcher: hyper_util::server::graceful::Watcher) {
        let _open = self.metrics.connection_opened();
        let activity = Arc::new(Activity::default());
        let guarded = Guarded::new(tcp, Arc::clone(&activity), self.limits.write_timeout);
        let tls = match tokio::time::timeout(self.limits.read_timeout, self.acceptor.accept(guarded)).await {
            Ok(Ok(s)) => s,
            Ok(Err(e)) => {
                if activity.write_timed_out() {
                    self.metrics.connection_closed("write-timeout");
                }
                tracing::debug!(%peer, error = %e, "TLS handshake failed");
                return;
            }
            Err(_) => {
                self.metrics.connection_closed("handshake-timeout");
                return;
            }
        };
        activity.set(Phase::Idle);
        let inner = self.service;
        let marks = Arc::clone(&activity);
        let service = hyper::service::service_fn(move |request| {
            marks.set(Phase::Busy);
            let answer = hyper::service::Service::call(&inner, request);
            let marks = Arc::clone(&marks);
            async move {
                let response = answer.await;
                marks.set(Phase::Idle);
                response
            }
        });
        let mut builder = hyper::server::conn::http1::Builder::new();
        // The head's deadline runs from its first byte (`overstay`), not from the end of the
        // previous response, which would close idle keep-alive connections at the read timeout.
        builder.timer(TokioTimer::new()).header_read_timeout(None).keep_alive(true);
        let served = watcher.watch(builder.serve_connection(TokioIo::new(tls), service));
        tokio::select! {
            ended = served => {
                if activity.write_timed_out() {
                    self.metrics.connection_closed("write-timeout");
                } else if let Err(e) = ended {
                    tracing::debug!(%peer, error = %e, "connection ended with an error");
                }
            }
            reason = overstay(&activity, &self.limits, &self.shed) => {
                self.metrics.connection_closed(reason);
                tracing::debug!(%peer, reason, "connection closed");
            }
        }
    }
}

/// Reads the certificate files again every `every`, logging each change and each failure.
pub async fn reload_loop(certificate: Arc<Certificate>, every: Duration, metrics: Arc<Metrics>) {
    let mut tick = tokio::time::interval(every);
    tick.tick().await;
    loop {
        tick.tick().await;
        match certificate.reload() {
            Ok(true) => {
                metrics.certificate_reloaded();
                tracing::info!("serving certificate reloaded");
            }
            Ok(false) => {}
            Err(e) => tracing::warn!(error = e, "serving certificate not reloaded; keeping the current one"),
        }
    }
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn terminated() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// The address the server listens on.
pub async fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr).await
}

/// Structured logs: one JSON object per line on stderr.
pub fn init_logs() {
    let _ = tracing_subscriber::fmt()
        .json()
        .with_writer(std::io::stderr)
        .with_max_level(tracing::Level::INFO)
        .with_current_span(false)
        .try_init();
}
