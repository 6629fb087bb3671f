//! Per-detection fixtures: `tests/fixtures/audit/<detection>[.<variant>].jsonl`, hand-written
//! audit events (or CloudTrail events) where each firing event has a benign twin that differs in
//! one field. A sibling `.expect` file lists `<line> <detection> ["text"]` for every alert and
//! `<line> <detection> not-evaluated` for every event the detection must count as not evaluated;
//! any other alert fails. A sibling `.config` file is read as `.ladrillo.yaml`. The rendered
//! alerts of every fixture are snapshotted.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ladrillo::audit::input::{Input, ReadOptions};
use ladrillo::audit::report::{Format, Writer};
use ladrillo::audit::{self, Options};
use ladrillo::settings::Config;

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Expect {
    line: usize,
    rule: String,
    text: Option<String>,
}

fn expectations(path: &Path) -> Vec<Expect> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, ' ');
            let line = parts.next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("bad line `{l}`"));
            let rule = parts.next().unwrap_or_else(|| panic!("bad line `{l}`")).to_string();
            let text = parts.next().map(|t| t.trim().trim_matches('"').to_string());
            Expect { line, rule, text }
        })
        .collect()
}

fn fixtures() -> Vec<PathBuf> {
    let dir = common::root().join("tests/fixtures/audit");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    v.sort();
    v
}

fn config_for(path: &Path) -> Config {
    match std::fs::read_to_string(path.with_extension("config")) {
        Ok(text) => Config::parse(&common::source(".ladrillo.yaml", &text)).expect("valid fixture config"),
        Err(_) => Config::default(),
    }
}

#[test]
fn detection_fixtures() {
    let mut failures = Vec::new();
    let mut snapshots = BTreeMap::new();
    let mut snapshots_es = BTreeMap::new();
    let mut severities: BTreeMap<&str, Vec<ladrillo::finding::Severity>> = BTreeMap::new();
    for path in fixtures() {
        let file_name = path.file_name().unwrap().to_string_lossy().to_string();
        let name = file_name.split('.').next().unwrap().to_string();
        let rel = path.strip_prefix(common::root()).unwrap().display().to_string();
        let Some(d) = audit::detections::ALL.iter().copied().find(|d| d.meta().name == name) else {
            failures.push(format!("{rel}: no detection named `{name}`"));
            continue;
        };
        let config = config_for(&path);
        let options = Options {
            detections: vec![d],
            severity: Vec::new(),
            since: None,
            until: None,
            read: ReadOptions::default(),
        };
        let mut alerts = Vec::new();
        let outcome = audit::run(
            &[Input::File { path: path.clone(), display: rel.clone() }],
            &config.audit_log.clone().unwrap_or_default(),
            &options,
            &mut |a| alerts.push(a),
        );
        for e in &outcome.errors {
            failures.push(format!("{rel}: input error {e}"));
        }
        let expected = expectations(&path.with_extension("expect"));
        let (not_eval, mut expected): (Vec<Expect>, Vec<Expect>) =
            expected.into_iter().partition(|e| e.text.as_deref() == Some("not-evaluated"));
        let counted = outcome.summary.not_evaluated.get(d.meta().code).copied().unwrap_or(0);
        if counted != not_eval.len() {
            failures.push(format!(
                "{rel}: {counted} events not evaluated, expected {} (lines {:?})",
                not_eval.len(),
                not_eval.iter().map(|e| e.line).collect::<Vec<_>>()
            ));
        }
        severities.entry(d.meta().name).or_default().extend(alerts.iter().map(|a| a.severity));
        for a in &alerts {
            let pos = expected.iter().position(|e| {
                e.line == a.location.line
                    && e.rule == a.name
                    && e.text.as_deref().is_none_or(|t| a.message.contains(t))
            });
            match pos {
                Some(i) => {
                    expected.remove(i);
                }
                None => {
                    failures.push(format!("{rel}:{}: unexpected {}: {}", a.location.line, a.name, a.message))
                }
            }
        }
        for e in expected {
            failures.push(format!("{rel}:{}: expected {} {:?} did not fire", e.line, e.rule, e.text));
        }
        let mut out = Vec::new();
        let mut w = Writer::new(&mut out, Format::Text, false, false);
        for a in &alerts {
            w.alert(a).unwrap();
        }
        w.finish(&outcome).unwrap();
        snapshots.insert(file_name.clone(), String::from_utf8(out).unwrap());
        let mut out = Vec::new();
        let mut w = Writer::new(&mut out, Format::Text, false, false).lang(ladrillo::i18n::Lang::Es);
        for a in &alerts {
            w.alert(a).unwrap();
        }
        w.finish(&outcome).unwrap();
        snapshots_es.insert(file_name, String::from_utf8(out).unwrap());
    }
    // Every severity a detection declares is raised by one of its fixtures.
    for d in audit::detections::ALL {
        let m = d.meta();
        for s in std::iter::once(&m.severity).chain(m.also_severity) {
            if !severities.get(m.name).is_some_and(|seen| seen.contains(s)) {
                failures.push(format!("{}: no fixture alert has its declared severity {s}", m.name));
            }
        }
        for s in severities.get(m.name).into_iter().flatten() {
            if *s != m.severity && !m.also_severity.contains(s) {
                failures.push(format!("{}: raises severity {s}, which it does not declare", m.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    insta::assert_yaml_snapshot!("audit_fixtures", snapshots);
    // The same alerts in Spanish: messages, notes, labels and the summary (JSON stays English).
    insta::assert_yaml_snapshot!("audit_fixtures_es", snapshots_es);
}

#[test]
fn every_detection_has_a_fixture() {
    let names: Vec<String> = fixtures()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().split('.').next().unwrap().to_string())
        .collect();
    for d in audit::detections::ALL {
        assert!(names.contains(&d.meta().name.to_string()), "{} has no fixture", d.meta().name);
    }
}

#[test]
fn detection_table_in_docs_is_fresh() {
    let path = common::root().join("docs/audit-log.md");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let (start, end) = ("<!-- detections:start -->\n", "<!-- detections:end -->");
    let (Some(a), Some(b)) = (text.find(start), text.find(end)) else {
        panic!("docs/audit-log.md lacks the detections markers");
    };
    let fresh = format!("{}{start}{}{}", &text[..a], audit::detections::table_markdown(), &text[b..]);
    if std::env::var_os("LADRILLO_UPDATE_DOCS").is_some() {
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    assert!(
        text == fresh,
        "docs/audit-log.md is stale; run `LADRILLO_UPDATE_DOCS=1 cargo test --test audit` and commit the result"
    );
}
