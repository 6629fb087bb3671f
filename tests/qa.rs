//! Problems found by hostile use of the command line, each pinned so it stays fixed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn ladrillo() -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    c
}

/// Invalid UTF-8 before a NUL byte made the error span land inside a replacement character and
/// the text report panicked.
#[test]
fn binary_with_invalid_utf8_before_nul_is_an_error_not_a_panic() {
    let mut bytes = b"apiVersion: v1\n\xe9\x80".to_vec();
    bytes.extend_from_slice(b"abc\x00rest");
    let err = ladrillo::source::from_bytes("bin.yaml".into(), None, bytes).unwrap_err();
    assert_eq!(err.to_string(), "bin.yaml:2:1: binary file (contains a NUL byte); not a manifest");
    let mut bytes = vec![0xC3u8; 70];
    bytes.extend_from_slice(b"\xff\x00");
    for format in ["text", "json", "sarif", "junit", "html"] {
        ladrillo()
            .args(["scan", "--no-config", "--format", format, "-"])
            .write_stdin(bytes.clone())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("panicked").not())
            .stdout(predicate::str::contains("binary file"));
    }
}

/// `--select ""` (an unset shell variable) silently ran every rule.
#[test]
fn empty_rule_names_are_errors() {
    for args in [["--select", ""], ["--select", "POD001,"], ["--ignore", ""], ["--ignore", ",POD001"]] {
        ladrillo()
            .args(["scan", "--no-config", args[0], args[1], "-"])
            .write_stdin("")
            .assert()
            .code(2)
            .stderr(predicate::str::contains("empty rule name"));
    }
}

fn config_errors(text: &str) -> Vec<String> {
    let file = common::source(".ladrillo.yaml", text);
    ladrillo::settings::Config::parse(&file)
        .err()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// A key given twice in `.ladrillo.yaml` silently kept only the last value.
#[test]
fn duplicate_config_keys_are_errors() {
    assert_eq!(
        config_errors("select: [POD001]\nselect: [POD002]\n"),
        [".ladrillo.yaml:2:1: key `select` is repeated (first at line 1)"]
    );
    assert_eq!(
        config_errors("waivers:\n  - rules: [POD001]\n    reason: a\n    reason: b\n"),
        [".ladrillo.yaml:4:5: key `reason` is repeated (first at line 3)"]
    );
}

/// A waiver of `.ladrillo.yaml` whose `until` is not a date (or is past) was reported at its
/// first key, `rules:`, rather than at the date; without a reason it is the waiver's own fault.
#[test]
fn a_config_waivers_bad_date_is_reported_at_the_date() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: a:1\n      securityContext: {privileged: true}\n";
    let place = |config: &str| -> Vec<(String, usize, usize)> {
        let settings = common::settings_with(config, &["privileged-container", "invalid-waiver"]);
        let result = ladrillo::scan::scan_files(&[common::source("pod.yaml", pod)], &settings);
        result
            .findings
            .iter()
            .filter(|f| f.rule.name == "invalid-waiver")
            .map(|f| {
                let at = f.location.start().unwrap();
                (f.message().to_string(), at.line, at.column)
            })
            .collect()
    };
    let waiver = "waivers:\n  - rules: [privileged-container]\n    reason: debug\n";
    assert_eq!(
        place(&format!("{waiver}    until: 2026-13-45\n")),
        [("waiver does not apply: its expiry `2026-13-45` is not a date (YYYY-MM-DD)".to_string(), 4, 12)]
    );
    assert_eq!(
        place(&format!("{waiver}    until:   \"next year\"\n")),
        [("waiver does not apply: its expiry `next year` is not a date (YYYY-MM-DD)".to_string(), 4, 14)]
    );
    assert_eq!(
        place(&format!("{waiver}    until: 2020-01-01\n")),
        [("waiver does not apply: it expired on 2020-01-01".to_string(), 4, 12)]
    );
    assert_eq!(
        place("waivers:\n  - until: 2026-13-45\n    rules: [privileged-container]\n"),
        [("waiver does not apply: it has no reason".to_string(), 2, 5)]
    );
}

/// `until: {}` made a waiver without an expiry, `kind: [Pod]` one for every kind: a value that
/// is not a string is an error.
#[test]
fn a_config_waivers_until_and_kind_must_be_strings() {
    let waiver = "waivers:\n  - rules: [POD001]\n    reason: r\n";
    assert_eq!(
        config_errors(&format!("{waiver}    until: {{}}\n")),
        [".ladrillo.yaml:4:12: expected a string"]
    );
    assert_eq!(
        config_errors(&format!("{waiver}    kind: [Pod]\n")),
        [".ladrillo.yaml:4:11: expected a string"]
    );
    assert_eq!(config_errors(&format!("{waiver}    kind: 1\n")), [".ladrillo.yaml:4:11: expected a string"]);
    assert!(config_errors(&format!("{waiver}    kind: Pod\n    until: 2099-01-01\n")).is_empty());
}

/// A second YAML document in `.ladrillo.yaml` was silently ignored.
#[test]
fn a_second_config_document_is_an_error() {
    assert_eq!(
        config_errors("select: [POD001]\n---\nignore: [POD002]\n"),
        [".ladrillo.yaml:3:1: the config must be a single YAML document"]
    );
}

/// `select: [""]` suggested unrelated rule names.
#[test]
fn empty_rule_name_message() {
    assert_eq!(
        ladrillo::settings::Selector::parse(" ").unwrap_err(),
        "empty rule name (see `ladrillo rules`)"
    );
}

/// `pss`, `rbac` and `netpol` read Terraform files as YAML: valid `.tf` files were input errors
/// (exit 2) and invalid ones passed silently.
#[test]
fn kubernetes_commands_read_terraform_as_terraform() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_eks_cluster\" \"x\" {\n  name = \"a\" # a comment\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: a, image: x}]\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let commands: [&[&str]; 3] =
        [&["pss", "--level", "privileged"], &["rbac", "who-can", "get", "pods"], &["netpol", "reach"]];
    for args in commands {
        ladrillo().args(args).arg(d).assert().code(0).stderr(predicate::str::contains("error").not());
    }
    std::fs::write(dir.path().join("bad.tf"), "resource \"a\" \"b\" {\n  name =\n").unwrap();
    for args in commands {
        ladrillo()
            .args(args)
            .arg(d)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("bad.tf:2:").and(predicate::str::contains("main.tf").not()));
    }
}

/// `ServiceAccount:/x` and `-n ''` were accepted and answered about a namespace named "".
#[test]
fn rbac_empty_namespaces_are_errors() {
    use ladrillo::analysis::rbac::{identity::parse_subject, query::parse_request};
    assert_eq!(
        parse_subject("ServiceAccount:/x").unwrap_err(),
        "subject `ServiceAccount:/x` has an empty namespace"
    );
    let english = |m: ladrillo::i18n::Msg| m.render(ladrillo::i18n::Lang::En);
    assert_eq!(english(parse_request("get", "pods", None, Some("")).unwrap_err()), "the namespace is empty");
    assert_eq!(
        english(parse_request("get", "pods", Some(""), None).unwrap_err()),
        "the object name is empty"
    );
}

/// `-f` is the format everywhere else; `max-pods` and `rules` refused it.
#[test]
fn short_format_flag_everywhere() {
    ladrillo().args(["max-pods", "-f", "tsv", "m5.large"]).assert().code(0).stdout("m5.large\t29\n");
    ladrillo().args(["rules", "-f", "json"]).assert().code(0).stdout(predicate::str::starts_with("["));
}

/// `ladrillo explain ""` suggested unrelated rules.
#[test]
fn explain_empty_name() {
    ladrillo()
        .args(["explain", ""])
        .assert()
        .code(2)
        .stderr("error: empty rule name (see `ladrillo rules`)\n");
}

/// An error at a multi-byte character (here invalid JSON starting with `é`) got a one-byte caret
/// that split the character, and the text report panicked.
#[test]
fn error_caret_on_a_multibyte_character() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    let pod = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a\"}}";
    std::fs::write(&path, format!("{pod}\né\n")).unwrap();
    ladrillo()
        .args(["scan", "--no-config"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("bad.json:2:1"))
        .stderr(predicate::str::contains("panicked").not());
    std::fs::write(&path, "---\n{\"b\": \"x\"}\n---\n{\"a\": 1}\n").unwrap();
    ladrillo().args(["scan", "--no-config", "--allow-empty"]).arg(&path).assert().code(0);
}

/// The summary said "1 document not Kubernetes objects".
#[test]
fn summary_grammar_for_one_skipped_document() {
    ladrillo()
        .args(["scan", "--no-config", "--allow-empty", "-"])
        .write_stdin("a: 1\n")
        .assert()
        .code(0)
        .stdout("no findings in 0 objects from 1 file; 1 document not a Kubernetes object\n");
}

/// A misspelt waiver annotation (`ignore-untill`) was ignored, so the waiver never expired.
#[test]
fn unknown_ladrillo_annotations_are_errors() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    ladrillo.dev/ignore: POD001\n    ladrillo.dev/ignore-reason: needed\n    ladrillo.dev/ignore-untill: \"2020-01-01\"\nspec:\n  template:\n    metadata:\n      annotations:\n        ladrillo.dev/ignor: POD002\n  containers: []\n";
    let r = common::scan_text(text, &["POD001"]);
    let e: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        e,
        [
            "test.yaml:8:5: unknown annotation `ladrillo.dev/ignore-untill`; did you mean `ladrillo.dev/ignore-until`?"
        ]
    );
    let deploy = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      annotations:\n        ladrillo.dev/ignor: POD002\n    spec:\n      containers: []\n";
    let r = common::scan_text(deploy, &["POD001"]);
    let e: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        e,
        ["test.yaml:9:9: unknown annotation `ladrillo.dev/ignor`; did you mean `ladrillo.dev/ignore`?"]
    );
}

/// Annotation values are strings to Kubernetes, and a null one (a key with nothing after it) is
/// the empty string. Read as the text `null`, an empty `ignore-reason` was a reason; and an
/// `ignore` naming no rule waived nothing without a word, when it had a reason.
#[test]
fn null_waiver_annotations_are_empty_strings() {
    let pod = |annotations: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n{annotations}spec:\n  containers:\n    - name: app\n      securityContext: {{privileged: true}}\n"
        )
    };
    let no_reason = pod("    ladrillo.dev/ignore: POD001\n    ladrillo.dev/ignore-reason:\n");
    let r = common::scan_text(&no_reason, &["POD001", "INP003"]);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let found: Vec<(&str, String, bool)> =
        r.findings.iter().map(|f| (f.rule.code, f.message().into_owned(), f.suppressed.is_some())).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|(c, m, _)| *c == "INP003" && m.contains("no reason")), "{found:?}");
    assert!(found.iter().any(|(c, _, waived)| *c == "POD001" && !waived), "{found:?}");

    for empty in ["    ladrillo.dev/ignore:\n", "    ladrillo.dev/ignore: \" , \"\n"] {
        let text = pod(&format!("{empty}    ladrillo.dev/ignore-reason: needed\n"));
        let r = common::scan_text(&text, &["POD001", "INP003"]);
        assert!(r.errors.is_empty(), "{empty}: {:?}", r.errors);
        let found: Vec<(&str, String, bool)> = r
            .findings
            .iter()
            .map(|f| (f.rule.code, f.message().into_owned(), f.suppressed.is_some()))
            .collect();
        assert_eq!(found.len(), 2, "{empty}: {found:?}");
        assert!(
            found.iter().any(|(c, m, _)| *c == "INP003" && m.contains("names no rule")),
            "{empty}: {found:?}"
        );
        assert!(found.iter().any(|(c, _, waived)| *c == "POD001" && !waived), "{empty}: {found:?}");
    }
}

/// A file named twice, or inside a directory also named, was scanned twice: every finding twice.
#[test]
fn a_file_named_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n").unwrap();
    let file = dir.path().join("p.yaml");
    let ladrillo::source::Discovered { inputs, errors, .. } = ladrillo::source::discover(
        &[
            dir.path().display().to_string(),
            file.display().to_string(),
            format!("{}/./p.yaml", dir.path().display()),
            "-".into(),
            "-".into(),
        ],
        &ladrillo::source::Walk::default(),
    );
    assert!(errors.is_empty());
    assert_eq!(inputs.len(), 2, "{inputs:?}");
}

/// A broken link named on the command line was "no such file or directory", while a walk called
/// the same link a broken link: both now say it is one and name the target that does not exist.
#[cfg(unix)]
#[test]
fn a_broken_link_is_named_so_whether_named_or_walked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    std::fs::create_dir_all(&d).unwrap();
    std::os::unix::fs::symlink("missing.yaml", d.join("broken.yaml")).unwrap();
    // A chain of links leads to the last one's target.
    std::os::unix::fs::symlink("broken.yaml", d.join("chain.yaml")).unwrap();
    let d = d.display().to_string();
    let errors = |paths: &[String]| -> Vec<String> {
        let found = ladrillo::source::discover(paths, &ladrillo::source::Walk::default());
        found.errors.iter().map(ToString::to_string).collect()
    };
    let expected = [
        format!("{d}/broken.yaml: broken symbolic link: its target `{d}/missing.yaml` does not exist"),
        format!("{d}/chain.yaml: broken symbolic link: its target `{d}/missing.yaml` does not exist"),
    ];
    assert_eq!(errors(std::slice::from_ref(&d)), expected);
    assert_eq!(errors(&[format!("{d}/broken.yaml"), format!("{d}/chain.yaml")]), expected);
    // A path that is not there at all is still just missing.
    assert_eq!(
        errors(&[format!("{d}/missing.yaml")]),
        [format!("{d}/missing.yaml: no such file or directory")]
    );
}

/// A walk knows its files' real paths without resolving each one: a file reached through a linked
/// directory, a link to a file of the same walk, or a second spelling is still read once.
#[cfg(unix)]
#[test]
fn a_file_reached_through_links_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    std::fs::create_dir_all(dir.path().join("top")).unwrap();
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n";
    std::fs::write(d.join("sub/p.yaml"), pod).unwrap();
    std::fs::write(d.join("q.yaml"), pod).unwrap();
    std::os::unix::fs::symlink("sub/p.yaml", d.join("alias.yaml")).unwrap();
    std::os::unix::fs::symlink("../d", dir.path().join("top/link")).unwrap();
    let link = dir.path().join("top/link");
    let ladrillo::source::Discovered { inputs, errors, .. } = ladrillo::source::discover(
        &[
            d.display().to_string(),
            link.display().to_string(),
            link.join("sub/p.yaml").display().to_string(),
            format!("{}/../d/q.yaml", d.display()),
        ],
        &ladrillo::source::Walk::default(),
    );
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<String> = inputs
        .iter()
        .map(|i| i.display().strip_prefix(&d.display().to_string()).unwrap().to_string())
        .collect();
    assert_eq!(names, ["/alias.yaml", "/q.yaml"]);
}

/// A rule's "Why is this bad?" section ran on to the end of its documentation, every line
/// indented by a space (SARIF `fullDescription`).
#[test]
fn rule_sections_end_at_the_next_heading() {
    for r in ladrillo::rules::all() {
        let why = r.meta().section("Why is this bad?").unwrap();
        assert!(!why.contains("## "), "{}: {why}", r.meta().code);
        assert!(!why.lines().any(|l| l.starts_with(' ')), "{}: {why}", r.meta().code);
    }
}

/// `--jobs 0` was quietly read as 1.
#[test]
fn zero_jobs_is_an_error() {
    ladrillo()
        .args(["scan", "--no-config", "-j", "0", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--jobs"));
}

/// Symlinked manifests inside a scanned directory were skipped without a word, and broken or
/// looping links too.
#[cfg(unix)]
#[test]
fn symlinked_manifests_in_directories_are_read_or_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("real.txt"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n").unwrap();
    std::os::unix::fs::symlink("real.txt", d.join("link.yaml")).unwrap();
    std::os::unix::fs::symlink("b.yaml", d.join("a.yaml")).unwrap();
    std::os::unix::fs::symlink("a.yaml", d.join("b.yaml")).unwrap();
    std::os::unix::fs::symlink("missing", d.join("gone.yaml")).unwrap();
    let ladrillo::source::Discovered { inputs, errors, .. } =
        ladrillo::source::discover(&[d.display().to_string()], &ladrillo::source::Walk::default());
    let names: Vec<&str> = inputs.iter().map(|i| i.display().rsplit('/').next().unwrap()).collect();
    assert_eq!(names, ["link.yaml"]);
    let errors: Vec<String> = errors.iter().map(|e| e.file.rsplit('/').next().unwrap().to_string()).collect();
    assert_eq!(errors, ["a.yaml", "b.yaml", "gone.yaml"]);
}

/// `rbac who-can gett secrets` answered as if `gett` were a verb (only wildcard rules match it).
#[test]
fn rbac_warns_about_unknown_verbs() {
    let rbac = common::root().join("tests/rbac");
    ladrillo()
        .args(["rbac", "who-can", "gett", "secrets"])
        .arg(&rbac)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning: `gett` is not a verb Kubernetes defines"));
    ladrillo()
        .args(["rbac", "can-i", "User:alice", "get", "secrets"])
        .arg(&rbac)
        .assert()
        .stderr(predicate::str::contains("warning").not());
}

/// `select: []` (or `select:` with nothing) in the config quietly ran the default set.
#[test]
fn an_empty_config_select_is_an_error() {
    assert_eq!(
        config_errors("select: []\n"),
        [".ladrillo.yaml:1:9: `select` is empty; remove it to run the default rules"]
    );
    assert_eq!(config_errors("select:\n"), [".ladrillo.yaml:1:7: `select/ignore` must be a list of strings"]);
    assert!(config_errors("ignore: []\n").is_empty());
}

/// `--output` named the config file (`--config my.yml -o my.yml`, or the discovered
/// `.ladrillo.yaml`) and overwrote it.
#[test]
fn output_never_overwrites_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let config = "select: [POD001]\n";
    std::fs::write(d.join("my.yml"), config).unwrap();
    std::fs::write(d.join(".ladrillo.yaml"), config).unwrap();
    std::fs::write(d.join("app.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n").unwrap();
    ladrillo()
        .current_dir(d)
        .args(["scan", "--config", "my.yml", "-o", "my.yml", "app.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would overwrite the config my.yml"));
    ladrillo()
        .current_dir(d)
        .args(["scan", "-o", ".ladrillo.yaml", "app.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would overwrite the config"));
    assert_eq!(std::fs::read_to_string(d.join("my.yml")).unwrap(), config);
    assert_eq!(std::fs::read_to_string(d.join(".ladrillo.yaml")).unwrap(), config);
}
