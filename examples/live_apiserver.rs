//! The loopback Kubernetes API server of `tests/live.rs`, serving the manifests of a directory,
//! for `bench/live.sh`: prints the path of a kubeconfig pointing at it, then serves until its
//! standard input closes.
//!
//!     cargo run --release --example live_apiserver -- DIR
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a bench helper: a failed assumption ends the bench"
)]

#[path = "../tests/live/apiserver.rs"]
#[allow(dead_code)]
mod apiserver;

use std::io::Read as _;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: live_apiserver DIR");
    let inputs = ladrillo::input::Inputs::from_paths(&[dir], &ladrillo::input::Options::default());
    let objects: Vec<serde_json::Value> = inputs.set.iter().map(|o| o.root.to_json()).collect();
    let api = apiserver::FakeApi::start(apiserver::Setup { objects, ..apiserver::Setup::default() });
    let kubeconfig = std::env::temp_dir().join(format!("ladrillo-bench-kubeconfig-{}", std::process::id()));
    std::fs::write(&kubeconfig, api.kubeconfig("bench")).unwrap();
    println!("{}", kubeconfig.display());
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    let _ = std::fs::remove_file(&kubeconfig);
}
