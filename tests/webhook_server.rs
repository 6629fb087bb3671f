//! `ladrillo webhook` end to end on loopback: the binary serves HTTPS with a certificate from a
//! generated CA, a client that verifies the chain sends AdmissionReviews, the certificate is
//! replaced mid-run (as a Secret volume update does) and picked up, and SIGTERM with a review in
//! flight lets it finish before the process exits. Hostile clients — a request head sent byte by
//! byte, a client that never reads its answers, more connections than the cap, idle keep-alive
//! connections — are disconnected by the server's limits (seen in its metrics) while it keeps
//! answering a well-behaved client. Nothing here measures time: each wait has a generous bound
//! and the assertions are on what happened.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use ladrillo::webhook::certs;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

fn write_certs(dir: &Path, bundle: &certs::Bundle) {
    // As a Secret volume does: new files beside, then renamed over the old ones.
    for (name, text) in [("tls.crt", &bundle.cert), ("tls.key", &bundle.key)] {
        let tmp = dir.join(format!(".{name}.new"));
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, dir.join(name)).unwrap();
    }
}

fn new_bundle() -> certs::Bundle {
    certs::generate(
        &["localhost".to_string(), "127.0.0.1".to_string()],
        "ladrillo-test",
        jiff::Timestamp::now(),
    )
    .unwrap()
}

struct Server {
    child: Child,
    address: String,
    logs: std::sync::mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &Path, config: &Path) -> Server {
    start_with(dir, config, &[])
}

fn start_with(dir: &Path, config: &Path, limits: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ladrillo"))
        .args(["webhook", "--listen", "127.0.0.1:0", "--cert-reload-interval", "1", "--no-namespace-watch"])
        .args(limits)
        .arg("--tls-cert")
        .arg(dir.join("tls.crt"))
        .arg("--tls-key")
        .arg(dir.join("tls.key"))
        .arg("--config")
        .arg(config)
        .env("LANG", "C")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut address = String::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(60)) {
        let log: Value =
            serde_json::from_str(&line).unwrap_or_else(|_| panic!("not a JSON log line: {line}"));
        if log["fields"]["message"] == "listening" {
            address = log["fields"]["address"].as_str().unwrap().to_string();
            break;
        }
    }
    assert!(!address.is_empty(), "the server never said where it listens");
    Server { child, address, logs: rx }
}

fn connector(ca_pem: &str) -> tokio_rustls::TlsConnector {
    let mut roots = rustls::RootCertStore::empty();
    for c in CertificateDer::pem_slice_iter(ca_pem.as_bytes()) {
        roots.add(c.unwrap()).unwrap();
    }
    #[allow(deprecated)]
    let provider = rustls::crypto::ring::default_provider();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(provider))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

async fn connect(address: &str, ca_pem: &str) -> std::io::Result<TlsStream<TcpStream>> {
    let tcp = TcpStream::connect(address).await?;
    connector(ca_pem).connect(ServerName::try_from("localhost").unwrap(), tcp).await
}

/// Reads one HTTP/1.1 response with a Content-Length: status and body.
async fn read_response(stream: &mut TlsStream<TcpStream>) -> (u16, Vec<u8>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_string();
            let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
            let length: usize = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap())
                })
                .unwrap_or(0);
            while buf.len() < end + 4 + length {
                let n = stream.read(&mut chunk).await.unwrap();
                assert!(n > 0, "connection closed mid-response");
                buf.extend_from_slice(&chunk[..n]);
            }
            return (status, buf[end + 4..end + 4 + length].to_vec());
        }
        let n = stream.read(&mut chunk).await.unwrap();
        assert!(n > 0, "connection closed before a response: {}", String::from_utf8_lossy(&buf));
        buf.extend_from_slice(&chunk[..n]);
    }
}

async fn send(stream: &mut TlsStream<TcpStream>, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    read_response(stream).await
}

fn review(privileged: bool) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
        "request": {
            "uid": "e911857d-c318-11e8-bbad-025000000001",
            "kind": {"group": "", "version": "v1", "kind": "Pod"},
            "resource": {"group": "", "version": "v1", "resource": "pods"},
            "namespace": "shop", "name": "web", "operation": "CREATE",
            "userInfo": {"username": "admin"},
            "object": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "namespace": "shop"},
                "spec": {"containers": [{"name": "app", "image": "nginx", "securityContext": {"privileged": privileged}}]}},
            "oldObject": null, "dryRun": false
        }
    }))
    .unwrap()
}

fn allowed(body: &[u8]) -> bool {
    let v: Value = serde_json::from_slice(body).unwrap();
    v["response"]["allowed"].as_bool().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_reviews_over_verified_tls_reloads_its_certificate_and_drains_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("ladrillo.yaml");
    std::fs::write(&config, "select: [privileged-container]\n").unwrap();
    let first = new_bundle();
    write_certs(dir.path(), &first);
    let server = start(dir.path(), &config);
    let address = server.address.clone();

    // Reviews on one keep-alive connection, and the probes.
    let mut conn = connect(&address, &first.ca_cert).await.expect("TLS with the first CA");
    let (status, body) = send(&mut conn, "POST", "/validate", &review(true)).await;
    assert_eq!(status, 200);
    assert!(!allowed(&body));
    let (status, body) = send(&mut conn, "POST", "/validate", &review(false)).await;
    assert_eq!((status, allowed(&body)), (200, true));
    assert_eq!(send(&mut conn, "GET", "/healthz", b"").await.0, 200);
    assert_eq!(send(&mut conn, "GET", "/readyz", b"").await.0, 200);
    let (status, body) = send(&mut conn, "POST", "/validate", b"{not json").await;
    assert_eq!(status, 400, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("malformed AdmissionReview"));
    // Over the body limit: refused before it is read in full.
    let big = vec![b' '; ladrillo::webhook::server::MAX_BODY + 1];
    let (status, _) = send(&mut conn, "POST", "/validate", &big).await;
    assert_eq!(status, 413);

    // A client trusting a CA the server does not use is refused.
    let other = new_bundle();
    assert!(connect(&address, &other.ca_cert).await.is_err());

    // The certificate files are replaced: new connections get the new certificate.
    write_certs(dir.path(), &other);
    let mut reloaded = None;
    for _ in 0..300 {
        if let Ok(c) = connect(&address, &other.ca_cert).await {
            reloaded = Some(c);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut conn2 = reloaded.expect("the new certificate is served within 30 s");
    assert!(connect(&address, &first.ca_cert).await.is_err(), "the old certificate is still served");
    let (status, body) = send(&mut conn2, "POST", "/validate", &review(true)).await;
    assert_eq!((status, allowed(&body)), (200, false));

    // The metrics count what was answered: 2 denials by POD001, 1 allowed, 1 malformed, 1 too
    // large, and the certificate reload.
    let (status, body) = send(&mut conn2, "GET", "/metrics", b"").await;
    assert_eq!(status, 200);
    let metrics = String::from_utf8(body).unwrap();
    for line in [
        "ladrillo_webhook_reviews_total{operation=\"create\",verdict=\"denied\",dry_run=\"false\"} 2",
        "ladrillo_webhook_reviews_total{operation=\"create\",verdict=\"allowed\",dry_run=\"false\"} 1",
        "ladrillo_webhook_reviews_total{operation=\"unknown\",verdict=\"malformed\",dry_run=\"false\"} 1",
        "ladrillo_webhook_reviews_total{operation=\"unknown\",verdict=\"too-large\",dry_run=\"false\"} 1",
        "ladrillo_webhook_denials_total{rule=\"POD001\"} 2",
        "ladrillo_webhook_certificate_reloads_total 1",
        "ladrillo_webhook_review_duration_seconds_count 4",
    ] {
        assert!(metrics.lines().any(|l| l == line), "no `{line}` in\n{metrics}");
    }

    // A review in flight: headers and half the body sent, then SIGTERM, then the rest.
    let body = review(true);
    let head = format!(
        "POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    conn2.write_all(head.as_bytes()).await.unwrap();
    conn2.write_all(&body[..body.len() / 2]).await.unwrap();
    conn2.flush().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    // Wait for the server to say it is shutting down, then finish the request.
    let mut draining = false;
    while let Ok(line) = server.logs.recv_timeout(Duration::from_secs(30)) {
        if line.contains("shutting down") {
            draining = true;
            break;
        }
    }
    assert!(draining, "no shutdown log line");
    conn2.write_all(&body[body.len() / 2..]).await.unwrap();
    let (status, response) = read_response(&mut conn2).await;
    assert_eq!((status, allowed(&response)), (200, false));
    let exit = tokio::task::spawn_blocking(move || {
        let mut server = server;
        server.child.wait()
    })
    .await
    .unwrap()
    .unwrap();
    assert!(exit.success(), "{exit:?}");
    // Nothing listens any more.
    assert!(TcpStream::connect(&address).await.is_err());
}

/// The server's metrics, over a fresh connection.
async fn metrics(address: &str, ca: &str) -> String {
    let mut conn = connect(address, ca).await.expect("a connection for the metrics");
    let (status, body) = send(&mut conn, "GET", "/metrics", b"").await;
    assert_eq!(status, 200);
    String::from_utf8(body).unwrap()
}

/// The value of one metric line (`name{labels}`), 0 when absent.
fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .map_or(0.0, |v| v.trim().parse().unwrap())
}

/// Polls the metrics until `name` reaches `at_least`; false after two minutes.
async fn wait_for_metric(address: &str, ca: &str, name: &str, at_least: f64) -> bool {
    for _ in 0..600 {
        if metric(&metrics(address, ca).await, name) >= at_least {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    false
}

/// A well-behaved review on a new connection is answered.
async fn answers_a_review(address: &str, ca: &str) {
    let mut conn = connect(address, ca).await.expect("a well-behaved client connects");
    let (status, body) = send(&mut conn, "POST", "/validate", &review(true)).await;
    assert_eq!((status, allowed(&body)), (200, false));
}

/// Whether the server closed the connection: a read gives EOF or an error within `wait`.
async fn closed_by_server(stream: &mut TlsStream<TcpStream>, wait: Duration) -> bool {
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout(wait, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => {}
        }
    }
}

fn hostile_setup() -> (tempfile::TempDir, certs::Bundle, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("ladrillo.yaml");
    std::fs::write(&config, "select: [privileged-container]\n").unwrap();
    let bundle = new_bundle();
    write_certs(dir.path(), &bundle);
    (dir, bundle, config)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_heads_sent_byte_by_byte_are_cut_and_do_not_starve_others() {
    let (dir, bundle, config) = hostile_setup();
    let server = start_with(dir.path(), &config, &["--read-timeout", "2"]);
    let address = server.address.clone();
    let mut slow = Vec::new();
    for _ in 0..3 {
        slow.push(connect(&address, &bundle.ca_cert).await.expect("TLS"));
    }
    // Endless headers, one byte at a time: without a deadline on the head, the server would
    // wait for the next byte forever (hyper allows 100 headers of any size it buffers).
    let dribble = tokio::spawn(async move {
        let head = b"POST /validate HTTP/1.1\r\nHost: localhost\r\n".iter().copied();
        let mut bytes = head.chain(b"X-Slow: a\r\n".iter().copied().cycle());
        let mut closed = 0;
        // At least 60 s: far more than the 2 s allowed, less than the 120 s idle timeout.
        for _ in 0..600 {
            let byte = bytes.next().unwrap();
            let mut open = Vec::new();
            for mut s in slow.drain(..) {
                let sent = s.write_all(&[byte]).await.is_ok() && s.flush().await.is_ok();
                if sent && !closed_by_server(&mut s, Duration::from_millis(1)).await {
                    open.push(s);
                } else {
                    closed += 1;
                }
            }
            slow = open;
            if slow.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        closed
    });
    answers_a_review(&address, &bundle.ca_cert).await;
    assert_eq!(dribble.await.unwrap(), 3, "every byte-by-byte head is cut");
    let text = metrics(&address, &bundle.ca_cert).await;
    assert_eq!(
        metric(&text, "ladrillo_webhook_connections_closed_total{reason=\"header-timeout\"}"),
        3.0,
        "{text}"
    );
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_reads_its_answers_is_disconnected() {
    let (dir, bundle, config) = hostile_setup();
    let server = start_with(dir.path(), &config, &["--write-timeout", "2", "--read-timeout", "60"]);
    let address = server.address.clone();
    // A small receive buffer on the client, so the server's writes stall early.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let tcp = socket.connect(address.parse().unwrap()).await.unwrap();
    let tls =
        connector(&bundle.ca_cert).connect(ServerName::try_from("localhost").unwrap(), tcp).await.unwrap();
    let (_unread, mut writer) = tokio::io::split(tls);
    let body = review(true);
    let request = [
        format!(
            "POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes(),
        body,
    ]
    .concat();
    // Pipelined reviews, never reading: the server's answers pile up until its writes stall;
    // this writer then stalls too, or fails once the server gives up on the connection.
    let flood = tokio::spawn(async move {
        for _ in 0..100_000 {
            if writer.write_all(&request).await.is_err() {
                return;
            }
        }
    });
    assert!(
        wait_for_metric(
            &address,
            &bundle.ca_cert,
            "ladrillo_webhook_connections_closed_total{reason=\"write-timeout\"}",
            1.0
        )
        .await,
        "the connection that never reads is never closed"
    );
    answers_a_review(&address, &bundle.ca_cert).await;
    flood.abort();
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_keep_alive_connections_are_closed_and_make_room_at_the_cap() {
    let (dir, bundle, config) = hostile_setup();

    // Idle timeout: a connection that answered one review and then sends nothing is closed.
    let server = start_with(dir.path(), &config, &["--idle-timeout", "2"]);
    let mut idle = connect(&server.address, &bundle.ca_cert).await.unwrap();
    let (status, _) = send(&mut idle, "POST", "/validate", &review(false)).await;
    assert_eq!(status, 200);
    assert!(closed_by_server(&mut idle, Duration::from_secs(120)).await, "an idle connection stays open");
    let text = metrics(&server.address, &bundle.ca_cert).await;
    assert!(
        metric(&text, "ladrillo_webhook_connections_closed_total{reason=\"idle-timeout\"}") >= 1.0,
        "{text}"
    );
    answers_a_review(&server.address, &bundle.ca_cert).await;
    drop(server);

    // The cap: two idle connections hold both slots (the idle timeout is far away); a third
    // client is let in because idle connections are closed to make room, and no more than two
    // connections are ever open.
    let server = start_with(dir.path(), &config, &["--max-connections", "2", "--idle-timeout", "3600"]);
    let mut held = Vec::new();
    for _ in 0..2 {
        let mut c = connect(&server.address, &bundle.ca_cert).await.unwrap();
        let (status, _) = send(&mut c, "GET", "/healthz", b"").await;
        assert_eq!(status, 200);
        held.push(c);
    }
    let mut third = connect(&server.address, &bundle.ca_cert).await.expect("the third client gets in");
    let (status, body) = send(&mut third, "POST", "/validate", &review(true)).await;
    assert_eq!((status, allowed(&body)), (200, false));
    let (status, body) = send(&mut third, "GET", "/metrics", b"").await;
    assert_eq!(status, 200);
    let text = String::from_utf8(body).unwrap();
    assert!(metric(&text, "ladrillo_webhook_connections_closed_total{reason=\"shed\"}") >= 1.0, "{text}");
    assert!(metric(&text, "ladrillo_webhook_connection_limit_waits_total") >= 1.0, "{text}");
    assert!(metric(&text, "ladrillo_webhook_connections") <= 2.0, "{text}");
    let mut shed = 0;
    for mut c in held {
        if closed_by_server(&mut c, Duration::from_secs(5)).await {
            shed += 1;
        }
    }
    assert!(shed >= 1, "no idle connection was closed to make room");
    drop(server);
}
