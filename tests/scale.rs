//! Large inputs: the scan of a generated corpus keeps its exact output (a digest snapshot taken
//! before the cross-object analyses were indexed), and parallelism never changes it.
//!
//! The corpus comes from `bench/gen_corpus.py` (python3), the generator of the benchmarks.
//! A change to what rules report (messages, references, new findings) changes the digest too:
//! check that the change is the intended one, then update the snapshot (`cargo insta review`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::path::Path;
use std::process::Command;

const OBJECTS: &str = "2000";

/// Generates the corpus under `dir/corpus` (deterministic for a seed and size).
fn corpus(dir: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen_corpus.py");
    let status = Command::new("python3")
        .arg(script)
        .args(["--objects", OBJECTS, "--seed", "7", "--out"])
        .arg(dir.join("corpus"))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 is needed to generate the corpus");
    assert!(status.success(), "bench/gen_corpus.py failed");
}

/// `ladrillo scan corpus --format json` run from `dir`, with `jobs` threads.
fn scan_json(dir: &Path, jobs: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_ladrillo"))
        .current_dir(dir)
        .args(["scan", "corpus", "--no-config", "--format", "json", "--date", "2026-01-01", "--jobs", jobs])
        .env_remove("CI")
        .output()
        .expect("run ladrillo");
    // Exit 1: the corpus has findings on purpose.
    assert_eq!(out.status.code(), Some(1), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.len() > 1_000_000, "a 2,000-object corpus gives a large report");
    out.stdout
}

/// FNV-1a, 64 bits: a stable digest of the report bytes.
fn fnv(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Findings per rule, then the digest of the whole report: a changed count names the rule whose
/// results moved; a changed digest alone means the same findings in other words or places.
fn digest(report: &[u8]) -> String {
    let json: serde_json::Value = serde_json::from_slice(report).expect("the report is JSON");
    let mut by_rule = std::collections::BTreeMap::<String, usize>::new();
    for f in json["findings"].as_array().into_iter().flatten() {
        *by_rule.entry(f["rule"].as_str().unwrap_or("?").to_string()).or_default() += 1;
    }
    let summary = &json["summary"];
    let mut text = format!(
        "files {} objects {} findings {} suppressed {} errors {}\n",
        summary["files"], summary["objects"], summary["findings"], summary["suppressed"], summary["errors"]
    );
    for (rule, n) in by_rule {
        text.push_str(&format!("{rule} {n}\n"));
    }
    // The tool version is in the report; the digest is of everything else.
    let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    let without_version = String::from_utf8_lossy(report).replacen(&version, "\"version\": \"\"", 1);
    text.push_str(&format!("report fnv1a-64 {}\n", fnv(without_version.as_bytes())));
    text
}

#[test]
fn generated_corpus_report_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    insta::assert_snapshot!("corpus_2000_seed_7", digest(&scan_json(dir.path(), "2")));
}

#[test]
fn jobs_1_and_4_give_byte_identical_reports() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let one = scan_json(dir.path(), "1");
    let four = scan_json(dir.path(), "4");
    assert!(one == four, "--jobs 1 and --jobs 4 differ:\n{}", first_difference(&one, &four));
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
    format!(
        "line {}: {:?} vs {:?}",
        line + 1,
        a.lines().nth(line).unwrap_or(""),
        b.lines().nth(line).unwrap_or("")
    )
}
