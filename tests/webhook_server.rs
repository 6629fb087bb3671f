//! `ladrillo webhook` end to end on loopback: the binary serves HTTPS with a certificate from a
//! generated CA, a client that verifies the chain sends AdmissionReviews, the certificate is
//! replaced mid-run (as a Secret volume update does) and picked up, and SIGTERM with a review in
//! flight lets it finish before the process exits.
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

fn start(dir: &Path, config: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ladrillo"))
        .args(["webhook", "--listen", "127.0.0.1:0", "--cert-reload-interval", "1", "--no-namespace-watch"])
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
    let mut server = start(dir.path(), &config);
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
    let exit = tokio::task::spawn_blocking(move || server.child.wait()).await.unwrap().unwrap();
    assert!(exit.success(), "{exit:?}");
    // Nothing listens any more.
    assert!(TcpStream::connect(&address).await.is_err());
}
