//! The Pod Security admission controller's own fixtures (kubernetes/pod-security-admission
//! `test/testdata`, 4,537 Pods), run through the evaluator at the level and version each was
//! written for: a `pass` fixture must be allowed, a `fail` fixture denied with a reason containing
//! upstream's expected substring. 100% agreement is required.
//!
//! The data lives in `tests/data/pss-conformance/` in a compact form (see its README): the 380
//! distinct Pods once each in `pods.yaml`, and `MANIFEST.tsv` with one row per Pod naming the run
//! of policy versions it is a fixture for. `compact_data_matches_upstream` rebuilds that form from
//! the upstream folder (`../shared/conformance/pod-security-admission`) and compares;
//! `LADRILLO_UPDATE_CONFORMANCE=1` rewrites it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ladrillo::analysis::pss::{self, Level, Policy, Version};
use ladrillo::document::yaml;
use ladrillo::model::Object;

const HEADER: &str = "level\tversions\texpected\tcheck_id\tcheck_level\texpected_error_substring\tfile";
/// The number of fixtures upstream publishes at the vendored commit.
const UPSTREAM_FIXTURES: usize = 4537;
const POD_SEPARATOR: &str = "--- # ";

fn data_dir() -> PathBuf {
    common::root().join("tests/data/pss-conformance")
}

/// One row of the compact manifest: a Pod and the versions it is a fixture for.
struct Row {
    level: Level,
    /// Minor versions, inclusive.
    from: u32,
    to: u32,
    pass: bool,
    check: String,
    substring: String,
    /// Upstream's path with the version written `v1.{N}`.
    file: String,
}

fn parse_versions(s: &str) -> (u32, u32) {
    let minor = |v: &str| v.strip_prefix("v1.").and_then(|m| m.parse().ok()).expect("v1.N");
    let (from, to) = s.split_once("..").unwrap_or((s, s));
    (minor(from), minor(to))
}

fn read_manifest(text: &str) -> Vec<Row> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(HEADER), "MANIFEST.tsv header");
    lines
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 7, "MANIFEST.tsv row `{line}`");
            let (from, to) = parse_versions(f[1]);
            Row {
                level: f[0].parse().expect("level"),
                from,
                to,
                pass: match f[2] {
                    "pass" => true,
                    "fail" => false,
                    other => panic!("expected `{other}`"),
                },
                check: f[3].to_string(),
                substring: f[5].to_string(),
                file: f[6].to_string(),
            }
        })
        .collect()
}

/// The Pods of `pods.yaml`, in order: each starts with a `--- # N` line.
fn read_pods(text: &str) -> Vec<String> {
    let mut pods: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(index) = line.strip_prefix(POD_SEPARATOR) {
            assert_eq!(index.trim().parse::<usize>().ok(), Some(pods.len()), "pods.yaml: `{line}`");
            pods.push(String::new());
        } else if let Some(pod) = pods.last_mut() {
            pod.push_str(line);
        }
    }
    pods
}

fn object(text: &str) -> Object {
    let mut stream = yaml::parse(text);
    assert!(stream.errors.is_empty(), "{:?}", stream.errors);
    assert_eq!(stream.documents.len(), 1);
    Object::from_root(stream.documents.remove(0).root, None).expect("an object").expect("an object")
}

#[test]
fn upstream_fixtures_agree_at_their_level_and_version() {
    let dir = data_dir();
    let rows = read_manifest(&common::read(&dir.join("MANIFEST.tsv")));
    let pods = read_pods(&common::read(&dir.join("pods.yaml")));
    assert_eq!(rows.len(), pods.len(), "one Pod per manifest row");
    let mut total = 0;
    let mut failures = Vec::new();
    for (row, text) in rows.iter().zip(&pods) {
        let object = object(text);
        for minor in row.from..=row.to {
            total += 1;
            let policy = Policy::new(row.level, Version::V1(minor));
            let file = row.file.replace("{N}", &minor.to_string());
            let evaluation = pss::evaluate_object(&object, policy).expect("a Pod");
            // Upstream looks for the substring in the whole message, details included.
            let message = evaluation.message();
            let agrees = if row.pass {
                evaluation.allowed()
            } else {
                !evaluation.allowed() && message.contains(&row.substring)
            };
            if !agrees {
                let expected =
                    if row.pass { "allowed".to_string() } else { format!("denied: {}", row.substring) };
                failures.push(format!(
                    "{file} ({}, {policy}): expected {expected}; got {}",
                    row.check,
                    if evaluation.allowed() { "allowed".to_string() } else { message }
                ));
            }
        }
    }
    assert_eq!(total, UPSTREAM_FIXTURES, "every upstream fixture is run");
    assert!(
        failures.is_empty(),
        "{} of {total} upstream fixtures disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The fixtures are Pods as a client sends them; every one is also valid at `privileged`.
#[test]
fn every_fixture_is_allowed_at_privileged() {
    let pods = read_pods(&common::read(&data_dir().join("pods.yaml")));
    for text in &pods {
        let e = pss::evaluate_object(&object(text), Policy::new(Level::Privileged, Version::Latest)).unwrap();
        assert!(e.allowed(), "{text}");
    }
}

/// The upstream folder beside the repository, as CI provides it.
fn upstream_dir() -> Option<PathBuf> {
    let root = common::root();
    ["../shared", "../../shared"]
        .into_iter()
        .map(|shared| root.join(shared).join("conformance/pod-security-admission"))
        .find(|p| p.join("MANIFEST.tsv").is_file())
}

/// The compact form of the upstream folder: (MANIFEST.tsv, pods.yaml).
fn compact(upstream: &Path) -> (String, String) {
    struct Group {
        key: Vec<String>,
        content: String,
        minors: Vec<u32>,
    }
    let manifest = common::read(&upstream.join("MANIFEST.tsv"));
    let mut lines = manifest.lines();
    assert_eq!(
        lines.next(),
        Some("level\tpolicy_version\texpected\tcheck_id\tcheck_level\texpected_error_substring\tfile")
    );
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(Vec<String>, String), usize> = HashMap::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let (minor, _) = parse_versions(f[1]);
        let file = f[6].replace(&format!("/{}/", f[1]), "/v1.{N}/");
        assert_ne!(file, f[6], "{line}: the version is a folder");
        let content = common::read(&upstream.join(f[6]));
        let key = vec![f[0], f[2], f[3], f[4], f[5], &file].into_iter().map(String::from).collect::<Vec<_>>();
        let at = *index.entry((key.clone(), content.clone())).or_insert_with(|| {
            groups.push(Group { key, content, minors: Vec::new() });
            groups.len() - 1
        });
        groups[at].minors.push(minor);
    }
    let mut tsv = format!("{HEADER}\n");
    let mut pods = String::from(
        "# The distinct Pods of kubernetes/pod-security-admission test/testdata, byte for byte, in\n\
         # MANIFEST.tsv order (see README.md). Generated by tests/pss_conformance.rs.\n",
    );
    for (i, g) in groups.iter().enumerate() {
        let (from, to) = (g.minors[0], g.minors[g.minors.len() - 1]);
        assert!(g.minors.iter().copied().eq(from..=to), "{:?}: versions are one run", g.key);
        let versions = if from == to { format!("v1.{from}") } else { format!("v1.{from}..v1.{to}") };
        let k = &g.key;
        writeln!(tsv, "{}\t{versions}\t{}\t{}\t{}\t{}\t{}", k[0], k[1], k[2], k[3], k[4], k[5]).unwrap();
        write!(pods, "{POD_SEPARATOR}{i}\n{}", g.content).unwrap();
        assert!(g.content.ends_with('\n'));
    }
    (tsv, pods)
}

#[test]
fn compact_data_matches_upstream() {
    let Some(upstream) = upstream_dir() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/conformance/pod-security-admission is missing beside the repository"
        );
        eprintln!("not compared: ../shared/conformance/pod-security-admission not found");
        return;
    };
    let (tsv, pods) = compact(&upstream);
    let dir = data_dir();
    if std::env::var_os("LADRILLO_UPDATE_CONFORMANCE").is_some() {
        std::fs::write(dir.join("MANIFEST.tsv"), &tsv).unwrap();
        std::fs::write(dir.join("pods.yaml"), &pods).unwrap();
        std::fs::copy(upstream.join("LICENSE"), dir.join("LICENSE")).unwrap();
    }
    assert!(
        common::read(&dir.join("MANIFEST.tsv")) == tsv,
        "MANIFEST.tsv is stale: LADRILLO_UPDATE_CONFORMANCE=1"
    );
    assert!(
        common::read(&dir.join("pods.yaml")) == pods,
        "pods.yaml is stale: LADRILLO_UPDATE_CONFORMANCE=1"
    );
    assert_eq!(common::read(&dir.join("LICENSE")), common::read(&upstream.join("LICENSE")));
    let commit = common::read(&upstream.join("SOURCE_COMMIT"));
    let readme = common::read(&dir.join("README.md"));
    let sha = commit.split_whitespace().nth(1).expect("commit");
    assert!(readme.contains(sha), "README.md names upstream commit {sha}");
}
