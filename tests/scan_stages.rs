//! A scan reads each object's tree in stages: the cross-object rules, the clusters' checks, the
//! parser's notes and the masks of Secrets first, then the per-object rules and annotation
//! waivers, after which each tree is dropped; config waivers, redaction and sorting read findings
//! only. `tests/data/scan-stages` has something for every stage (valid, invalid and unused
//! waivers in annotations and in the config, by kind, namespace and name; Secrets; duplicate keys
//! and YAML 1.1 scalars; two kustomize scopes beside the shared one; an eksctl cluster), and its
//! reports are pinned: the same findings, places, masks and order whatever the stages' order.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use assert_cmd::Command;

fn scan(format: &str) -> String {
    let out = Command::cargo_bin("ladrillo")
        .unwrap()
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .current_dir(common::root().join("tests/data"))
        .args(["scan", "scan-stages", "--config", "scan-stages/.ladrillo.yaml", "--date", "2026-06-01"])
        .args(["--format", format])
        .output()
        .unwrap();
    // Two input errors: a misspelt waiver annotation and an unknown rule in a waiver.
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_stage_of_a_scan_reports_as_before() {
    let text = scan("text");
    // A Secret's values are masked in every excerpt, whichever finding shows them.
    assert!(text.contains("10 |   enabled: ***\n"), "{text}");
    assert!(!text.contains("hunter2"));
    assert!(text.contains("4 suppressed"));
    insta::assert_snapshot!("scan_stages_text", text);
    let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    insta::assert_snapshot!("scan_stages_json", scan("json").replace(&version, "\"version\": \"VERSION\""));
}
