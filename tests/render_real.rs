//! `--render` with the real `kubectl kustomize`, not a stand-in: the recorded build that
//! `tests/render_tools.rs` serves (`tests/data/render/kustomize-prod.kustomize-build.yaml`) must be
//! what kubectl builds, finding for finding, line for line.
//!
//! Ignored by default because it needs kubectl on `PATH`; `.ci/run` runs it when kubectl is there
//! (`cargo test --test render_real -- --ignored`) and says so when it is not.
#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use assert_cmd::Command;
use serde_json::Value;

const OVERLAY: &str = "tests/data/render/kustomize/overlays/prod";
const RECORDING: &str = "tests/data/render/kustomize-prod.kustomize-build.yaml";

fn findings(args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("ladrillo")
        .unwrap()
        .current_dir(common::root())
        .args(["scan", "--no-config", "--date", "2026-12-05", "-f", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    report["findings"].as_array().unwrap().clone()
}

/// What must not depend on who built the text: rule, object, message, field path and place.
fn key(f: &Value) -> String {
    ["rule", "object", "message", "path", "line", "column"].map(|k| f[k].to_string()).join(" ")
}

#[test]
#[ignore = "needs kubectl on PATH (.ci/run runs it when present): cargo test --test render_real -- --ignored"]
fn kubectl_kustomize_builds_what_the_recording_holds() {
    let which = std::process::Command::new("sh").args(["-c", "command -v kubectl"]).output().unwrap();
    assert!(which.status.success(), "kubectl is not on PATH");

    let real = findings(&["--render", OVERLAY]);
    let recorded = findings(&[RECORDING]);
    assert!(!real.is_empty());
    let mut a: Vec<String> = real.iter().map(key).collect();
    let mut b: Vec<String> = recorded.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "kubectl's build and the recording give different findings");

    // Rendered from kubectl, every finding names the file kustomize took the object from, and
    // that file exists.
    for f in &real {
        assert_eq!(f["file"], format!("kustomize build {OVERLAY}"), "{f}");
        let origin = f["rendered_from"]["file"].as_str().unwrap();
        assert!(common::root().join(origin).is_file(), "{origin}");
        assert_eq!(f["rendered_from"]["by"], "kustomize");
    }
}
