//! A loopback stand-in for the EKS API: the calls moto implements (clusters, node groups) are
//! passed to a `moto_server` it starts; the calls moto lacks (add-ons, access entries, Pod
//! Identity associations) are answered with recorded responses in the EKS API's JSON; a call
//! can be refused as IAM refuses it. Every request is recorded.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper::{Request, Response};

/// `moto_server` from `MOTO_SERVER`, the `.ci/venv` that `.ci/run` makes, or `PATH`; `None`
/// when absent (tests then fail under CI and are skipped with a note elsewhere).
pub fn moto_command() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("MOTO_SERVER") {
        return Some(p.into());
    }
    let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/venv/bin/moto_server");
    if venv.is_file() {
        return Some(venv);
    }
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| std::path::Path::new(d).join("moto_server"))
        .find(|p| p.is_file())
}

/// A running `moto_server` on a loopback port, stopped on drop.
pub struct Moto {
    pub addr: SocketAddr,
    child: std::process::Child,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Moto {
    pub fn start(command: &std::path::Path) -> Moto {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut child = std::process::Command::new(command)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("moto_server starts");
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        // Wait until it accepts connections (a readiness wait, not a timed assertion).
        for _ in 0..600 {
            if std::net::TcpStream::connect(addr).is_ok() {
                return Moto { addr, child };
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("moto_server did not start on {addr}");
    }
}

/// What the stand-in answers itself.
#[derive(Clone, Debug, Default)]
pub struct Answers {
    /// Responses by path (percent-decoded), as the EKS API sends them.
    pub recorded: BTreeMap<String, String>,
    /// Paths refused with AccessDeniedException, with the IAM action named in the message.
    pub denied: BTreeMap<String, String>,
}

pub struct AwsApi {
    pub addr: SocketAddr,
    requests: Arc<Mutex<Vec<(String, String)>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for AwsApi {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct State {
    moto: SocketAddr,
    answers: Answers,
    requests: Arc<Mutex<Vec<(String, String)>>>,
}

impl AwsApi {
    pub fn start(moto: SocketAddr, answers: Answers) -> AwsApi {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let state = Arc::new(State { moto, answers, requests: Arc::clone(&requests) });
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                loop {
                    let (tcp, _) = tokio::select! {
                        _ = &mut stopped => return,
                        a = listener.accept() => match a { Ok(a) => a, Err(_) => continue },
                    };
                    let state = Arc::clone(&state);
                    tokio::spawn(async move {
                        let service = hyper::service::service_fn(move |req| {
                            let state = Arc::clone(&state);
                            async move { Ok::<_, std::convert::Infallible>(handle(&state, req).await) }
                        });
                        let _ = hyper::server::conn::http1::Builder::new()
                            .serve_connection(hyper_util::rt::TokioIo::new(tcp), service)
                            .await;
                    });
                }
            });
        });
        AwsApi { addr, requests, stop: Some(stop), thread: Some(thread) }
    }

    /// (method, decoded path) of every request.
    pub fn requests(&self) -> Vec<(String, String)> {
        self.requests.lock().unwrap().clone()
    }
}

/// `%3A` → `:`, `%2F` → `/`: the path labels the SDK encodes (principal ARNs).
pub fn decode(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        match u8::from_str_radix(rest.get(i + 1..i + 3).unwrap_or(""), 16) {
            Ok(b) => {
                out.push(char::from(b));
                rest = &rest[i + 3..];
            }
            Err(_) => {
                out.push('%');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn json(code: u16, body: String, error_type: Option<&str>) -> Response<Full<Bytes>> {
    let mut b = Response::builder().status(code).header("content-type", "application/json");
    if let Some(t) = error_type {
        b = b.header("x-amzn-errortype", t);
    }
    b.body(Full::new(Bytes::from(body))).unwrap()
}

async fn handle(state: &State, req: Request<hyper::body::Incoming>) -> Response<Full<Bytes>> {
    let path = decode(req.uri().path());
    state.requests.lock().unwrap().push((req.method().to_string(), path.clone()));
    if let Some(action) = state.answers.denied.get(&path) {
        let message = format!(
            "User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: {action} on resource: arn:aws:eks:eu-west-1:111122223333:cluster/prod"
        );
        return json(
            403,
            serde_json::json!({ "message": message }).to_string(),
            Some("AccessDeniedException"),
        );
    }
    if let Some(body) = state.answers.recorded.get(&path) {
        return json(200, body.clone(), None);
    }
    forward(state.moto, req).await
}

/// Passes a request to moto and its answer back.
async fn forward(moto: SocketAddr, req: Request<hyper::body::Incoming>) -> Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    let tcp = tokio::net::TcpStream::connect(moto).await.unwrap();
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(tcp)).await.unwrap();
    tokio::spawn(conn);
    let mut out =
        Request::builder().method(parts.method).uri(parts.uri.path_and_query().map_or("/", |p| p.as_str()));
    for (k, v) in &parts.headers {
        out = out.header(k, v);
    }
    let response = sender.send_request(out.body(Full::new(body)).unwrap()).await.unwrap();
    let (parts, body) = response.into_parts();
    let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    Response::from_parts(parts, Full::new(body))
}

/// A request to moto as the SDK would sign it for `region` (moto reads the region from the
/// credential scope and does not check signatures): for setting up and reading back.
pub fn call(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
    region: &str,
) -> serde_json::Value {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
        let (mut sender, conn) = hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(tcp)).await.unwrap();
        tokio::spawn(conn);
        let auth = format!(
            "AWS4-HMAC-SHA256 Credential=testing/20260101/{region}/eks/aws4_request, SignedHeaders=host, Signature=0"
        );
        let request = Request::builder()
            .method(method)
            .uri(path)
            .header("host", addr.to_string())
            .header("authorization", auth)
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body.map(|b| b.to_string()).unwrap_or_default())))
            .unwrap();
        let response = sender.send_request(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        assert!(status.is_success(), "{method} {path}: {status} {}", String::from_utf8_lossy(&bytes));
        serde_json::from_slice(&bytes).unwrap()
    })
}
