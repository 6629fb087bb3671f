//! `scan --baseline` and `--write-baseline`: only findings not in the baseline are reported,
//! matched by rule, file, object and field path — not by line — and the exit code follows the
//! new findings only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::path::Path;

use assert_cmd::Command;

fn ladrillo(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.current_dir(dir).env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE").env("LANG", "C");
    c.args(["scan", "--no-config", "--date", "2026-01-01"]);
    c
}

fn pod(name: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  namespace: shop\nspec:\n  containers:\n    \
         - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n"
    )
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// Writes the baseline of `app.yaml` as it is now.
fn write_baseline(dir: &Path) -> serde_json::Value {
    let out = ladrillo(dir)
        .args(["--write-baseline", "baseline.json", "--format", "json", "app.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("baseline.json")).unwrap()).unwrap();
    assert_eq!(written["findings"], json(&out)["findings"], "the baseline is the JSON report");
    assert!(!written["findings"].as_array().unwrap().is_empty());
    written
}

fn against_baseline(dir: &Path) -> (Option<i32>, serde_json::Value) {
    let out =
        ladrillo(dir).args(["--baseline", "baseline.json", "--format", "json", "app.yaml"]).output().unwrap();
    (out.status.code(), json(&out))
}

#[test]
fn unchanged_input_has_nothing_new_and_exits_0() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("app.yaml"), pod("web")).unwrap();
    let written = write_baseline(tmp.path());
    let (code, report) = against_baseline(tmp.path());
    assert_eq!(code, Some(0));
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    assert_eq!(report["summary"]["in_baseline"], written["findings"].as_array().unwrap().len());
}

#[test]
fn a_line_shift_keeps_every_match() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("app.yaml"), pod("web")).unwrap();
    write_baseline(tmp.path());
    std::fs::write(tmp.path().join("app.yaml"), format!("# owner: shop team\n# reviewed\n\n{}", pod("web")))
        .unwrap();
    let (code, report) = against_baseline(tmp.path());
    assert_eq!(report["findings"].as_array().unwrap().len(), 0, "{report}");
    assert_eq!(code, Some(0));
}

#[test]
fn reordered_documents_keep_every_match_and_a_new_one_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("app.yaml"), format!("{}---\n{}", pod("web"), pod("api"))).unwrap();
    write_baseline(tmp.path());
    std::fs::write(tmp.path().join("app.yaml"), format!("{}---\n{}", pod("api"), pod("web"))).unwrap();
    let (code, report) = against_baseline(tmp.path());
    assert_eq!(report["findings"].as_array().unwrap().len(), 0, "{report}");
    assert_eq!(code, Some(0));

    // A third pod is new: only its findings are reported, and the run fails on them.
    std::fs::write(
        tmp.path().join("app.yaml"),
        format!("{}---\n{}---\n{}", pod("api"), pod("batch"), pod("web")),
    )
    .unwrap();
    let (code, report) = against_baseline(tmp.path());
    assert_eq!(code, Some(1));
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(findings.iter().all(|f| f["object"]["name"] == "batch"), "{report}");
}

#[test]
fn a_copy_of_a_finding_needs_its_own_entry() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("app.yaml"), pod("web")).unwrap();
    write_baseline(tmp.path());
    // The same pod twice in one file: the second copy's findings are not in the baseline.
    std::fs::write(tmp.path().join("app.yaml"), format!("{}---\n{}", pod("web"), pod("web"))).unwrap();
    let (code, report) = against_baseline(tmp.path());
    assert_eq!(code, Some(1));
    assert!(!report["findings"].as_array().unwrap().is_empty());
}

#[test]
fn a_bad_baseline_is_an_error_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("app.yaml"), pod("web")).unwrap();
    for (text, expected) in [
        ("{\"findings\": [", "baseline.json: 1:14: not a JSON report"),
        ("{\"findings\": []}", "baseline.json: not a ladrillo JSON report"),
        ("{\"schema_version\": 1, \"findings\": [{\"file\": \"app.yaml\"}]}", "`findings[0]` lacks"),
    ] {
        std::fs::write(tmp.path().join("baseline.json"), text).unwrap();
        let out = ladrillo(tmp.path()).args(["--baseline", "baseline.json", "app.yaml"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{err}");
    }
    let out = ladrillo(tmp.path()).args(["--baseline", "missing.json", "app.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json: cannot read the baseline"));
}

#[test]
fn write_baseline_never_overwrites_an_input() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("app.yaml"), pod("web")).unwrap();
    let out = ladrillo(tmp.path()).args(["--write-baseline", "app.yaml", "app.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--write-baseline app.yaml would overwrite"));
    assert_eq!(std::fs::read_to_string(tmp.path().join("app.yaml")).unwrap(), pod("web"));
    // A hidden baseline inside the scanned directory is fine: the walk does not read it.
    let out =
        ladrillo(tmp.path()).args(["--write-baseline", ".ladrillo-baseline.json", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let out = ladrillo(tmp.path()).args(["--baseline", ".ladrillo-baseline.json", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("already in the baseline not shown"), "{text}");
}

/// The report never lands on a baseline: `-o` naming the baseline read or written is refused
/// before anything is written, whatever name reaches it; reading and rewriting one baseline is
/// allowed.
#[test]
fn the_report_never_overwrites_a_baseline() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("app.yaml"), pod("web")).unwrap();
    let out = ladrillo(tmp.path())
        .args(["--write-baseline", "b.json", "-o", "./b.json", "app.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--output and --write-baseline name the same file")
    );
    assert!(!tmp.path().join("b.json").exists(), "nothing is written");
    let written = write_baseline(tmp.path());
    let out = ladrillo(tmp.path())
        .args(["--baseline", "baseline.json", "-o", "baseline.json", "app.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output and --baseline name the same file"));
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("baseline.json")).unwrap()).unwrap();
    assert_eq!(kept, written, "the baseline is untouched");
    let out = ladrillo(tmp.path())
        .args(["--baseline", "baseline.json", "--write-baseline", "baseline.json", "app.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}
