//! Per-rule fixtures: `tests/fixtures/<group>/<rule-name>.<ext>`. A `# expect: <rule-name>`
//! comment marks a line where the rule must fire (a comment on its own line applies to the next
//! line); `# expect: <rule-name> "<text>"` also requires the message to contain the text. Every
//! unmatched expectation and every unexpected finding is collected before the test fails. The
//! rendered text report of each fixture is snapshotted. JSON cannot hold comments, so a `.json`
//! fixture keeps its expectations in a sibling `.expect` file, one `<line> <rule-name>
//! ["<text>"]` per line (`#` starts a comment); its documents may be separated by `---` lines.
//! A sibling `.config` file, when present, is read as `.ladrillo.yaml` for that fixture.
//! Terraform fixtures (`.tf`) use `# expect:` comments like YAML; a fixture named
//! `<rule>.<form>.<ext>` (`public-endpoint.cfn.yaml`) is another form for the same rule.
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

use ladrillo::finding::Group;
use ladrillo::i18n::Lang;
use ladrillo::report::{self, Format, ReportOptions};

/// Rule groups whose finding messages and notes are all Fluent messages (so `--lang es` shows
/// them in Spanish). A group joins the list once every rule of it reports through `msg!`.
const TRANSLATED: &[Group] = &[
    Group::Pod,
    Group::Network,
    Group::Rbac,
    Group::Eks,
    Group::Secrets,
    Group::Reliability,
    Group::Hygiene,
    Group::Input,
    Group::Pss,
];

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Expect {
    line: usize,
    rule: String,
    text: Option<String>,
}

fn expectations(text: &str) -> Vec<Expect> {
    let mut out = Vec::new();
    let mut pending: Vec<(String, Option<String>)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let comment_only = trimmed.starts_with('#') || trimmed.starts_with("//");
        let mut here = Vec::new();
        for part in line.split("# expect: ").skip(1).chain(line.split("// expect: ").skip(1)) {
            let part = part.trim();
            let (rule, text) = match part.split_once(' ') {
                Some((r, t)) => (r.to_string(), Some(unquote(t.trim()))),
                None => (part.to_string(), None),
            };
            here.push((rule, text));
        }
        if comment_only {
            pending.extend(here);
            continue;
        }
        for (rule, text) in pending.drain(..).chain(here) {
            out.push(Expect { line: i + 1, rule, text });
        }
    }
    out
}

/// Expectations from a sibling `.expect` file (for JSON fixtures).
fn expect_file(path: &Path) -> Vec<Expect> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut parts = line.splitn(3, ' ');
        let n = parts.next().and_then(|n| n.parse().ok());
        let rule = parts.next().map(str::to_string);
        match (n, rule) {
            (Some(line), Some(rule)) => {
                out.push(Expect { line, rule, text: parts.next().map(|t| unquote(t.trim())) });
            }
            _ => panic!("{}: bad expectation `{line}`", path.display()),
        }
    }
    out
}

fn unquote(t: &str) -> String {
    let inner = t.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(t);
    inner.replace("\\\"", "\"")
}

pub fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = glob_dir(&common::root().join("tests/fixtures"));
    files.sort();
    files
}

fn glob_dir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(glob_dir(&p));
        } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml" || e == "json" || e == "tf") {
            out.push(p);
        }
    }
    out
}

#[test]
fn rule_fixtures() {
    let mut failures = Vec::new();
    let mut snapshots = BTreeMap::new();
    let mut seen_severities: BTreeMap<&str, std::collections::BTreeSet<ladrillo::finding::Severity>> =
        BTreeMap::new();
    let mut spanish: BTreeMap<&str, String> = BTreeMap::new();
    for path in fixtures() {
        // `<rule>.cfn.yaml`: a form suffix lets one rule have several fixtures of one extension.
        let file_name = path.file_name().unwrap().to_string_lossy().to_string();
        let name = file_name.split('.').next().unwrap_or_default().to_string();
        let rel = path.strip_prefix(common::root()).unwrap().display().to_string();
        let text = common::read(&path);
        let Some(rule) = ladrillo::rules::find(&name) else {
            failures.push(format!("{rel}: no rule named `{name}`"));
            continue;
        };
        let config = std::fs::read_to_string(path.with_extension("config")).ok();
        let settings = match &config {
            // A sibling `.config` file holds `.ladrillo.yaml` settings the rule reads; findings
            // about the config itself are expected by `# expect:` comments in it.
            Some(config) => common::settings_with(config, &[rule.meta().name]),
            None => common::settings(&[rule.meta().name]),
        };
        let result = ladrillo::scan::scan_files(&[common::source(&rel, &text)], &settings);
        for e in &result.errors {
            failures.push(format!("{rel}: input error {e}"));
        }
        let mut expected: Vec<(&str, Expect)> =
            expectations(&text).into_iter().map(|e| (rel.as_str(), e)).collect();
        if path.extension().is_some_and(|e| e == "json") {
            expected
                .extend(expect_file(&path.with_extension("expect")).into_iter().map(|e| (rel.as_str(), e)));
        }
        if let Some(config) = &config {
            expected.extend(expectations(config).into_iter().map(|e| (".ladrillo.yaml", e)));
        }
        let mut unexpected = Vec::new();
        for f in result.active() {
            let meta = ladrillo::rules::find(f.rule.name).expect("a rule").meta();
            if TRANSLATED.contains(&meta.group) {
                failures.extend(untranslated(&rel, f));
            }
            seen_severities.entry(f.rule.name).or_default().insert(f.severity);
            if f.severity != meta.severity && !meta.also_severity.contains(&f.severity) {
                failures.push(format!(
                    "{rel}: {} reports severity {} but declares {} (add it to `also_severity`)",
                    f.rule.name, f.severity, meta.severity
                ));
            }
            let line = f.location.start().map_or(0, |p| p.line);
            let file = f.location.file_name().unwrap_or_default();
            let pos = expected.iter().position(|(in_file, e)| {
                *in_file == file
                    && e.line == line
                    && e.rule == f.rule.name
                    && e.text.as_deref().is_none_or(|t| f.message().contains(t))
            });
            match pos {
                Some(i) => {
                    expected.remove(i);
                }
                None => unexpected.push(format!("{rel}:{line}: unexpected {}: {}", f.rule.name, f.message())),
            }
        }
        failures.extend(unexpected);
        for (in_file, e) in expected {
            failures.push(format!(
                "{rel} ({in_file}):{}: expected {}{} but it did not fire",
                e.line,
                e.rule,
                e.text.map(|t| format!(" with \"{t}\"")).unwrap_or_default()
            ));
        }
        let rendered = report::render(&result, Format::Text, ReportOptions::default());
        // An unknown name is said to be unknown, never printed as an empty string.
        for line in rendered.lines().filter(|l| l.starts_with("capacity:")) {
            if line.contains("\"\"") {
                failures.push(format!("{rel}: empty name in `{line}`"));
            }
        }
        snapshots.insert(rel.replace(['/', '.'], "_"), rendered);
        let group = rule.meta().group;
        if TRANSLATED.contains(&group) {
            let options = ReportOptions { lang: Lang::Es, ..ReportOptions::default() };
            let out = spanish.entry(group.as_str()).or_default();
            out.push_str(&format!("=== {rel}\n{}\n", report::render(&result, Format::Text, options)));
        }
    }
    // Every severity a rule declares is shown by one of its fixtures, so the docs cannot claim
    // severities the rule no longer reports.
    // Audit-log detections have their own fixtures (`tests/audit.rs` checks the same).
    for rule in ladrillo::rules::all().iter().filter(|r| r.meta().group != ladrillo::rules::Group::Audit) {
        let m = rule.meta();
        for s in std::iter::once(&m.severity).chain(m.also_severity) {
            if !seen_severities.get(m.name).is_some_and(|seen| seen.contains(s)) {
                failures.push(format!("{}: no fixture finding has its declared severity {s}", m.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} fixture mismatches:\n{}", failures.len(), failures.join("\n"));
    for (name, rendered) in snapshots {
        insta::assert_snapshot!(name, rendered);
    }
    // The translated groups' fixtures as a Spanish reader sees them, reviewed as a whole.
    for (group, rendered) in spanish {
        insta::assert_snapshot!(format!("es_{group}"), rendered);
    }
}

/// What is left in English in a finding of a translated group: its message or a note that is
/// not a Fluent message, or a Spanish text identical to the English one.
fn untranslated(rel: &str, f: &ladrillo::finding::Finding) -> Vec<String> {
    let mut out = Vec::new();
    let what = format!("{rel}: {} ({})", f.rule.name, f.rule.code);
    match f.message_msg() {
        None => out.push(format!("{what}: message `{}` is not a Fluent message (use msg!)", f.message())),
        Some(m) if m.render(Lang::Es) == f.message() => {
            out.push(format!("{what}: message `{}` is the same in Spanish", f.message()));
        }
        Some(_) => {}
    }
    for note in f.note_messages() {
        if note.msg().is_none() {
            out.push(format!("{what}: note `{}` is not a Fluent message (use msg!)", note.english()));
        }
    }
    for m in f.note_messages().iter().filter_map(ladrillo::finding::Message::msg) {
        if m.id == "finding-default"
            && m.args().any(|(_, a)| matches!(a, ladrillo::i18n::args::ArgRef::Str(_)))
        {
            out.push(format!(
                "{what}: the default reason of note `{}` has no message in src/i18n/*/defaults.ftl",
                m.render(Lang::En)
            ));
        }
    }
    if let Some(ladrillo::finding::Message::Text(help)) = &f.help {
        out.push(format!("{what}: help `{help}` is not a Fluent message (use msg!)"));
    }
    out
}

#[test]
fn expectation_comments_are_read() {
    let e = expectations("a: 1 # expect: x\n# expect: y \"msg\"\nb: 2\n");
    assert_eq!(e.len(), 2);
    assert_eq!((e[0].line, e[0].rule.as_str()), (1, "x"));
    assert_eq!((e[1].line, e[1].rule.as_str(), e[1].text.as_deref()), (3, "y", Some("msg")));
}

/// A null label value is the empty string, as the API server decodes labels and selectors (and
/// kubectl does too): every reader of labels and selectors agrees, so the Service, the
/// PodDisruptionBudget and the NetworkPolicy below all select the Deployment's pods, and its own
/// selector matches its template.
#[test]
fn null_label_values_read_as_the_empty_string() {
    let text = r#"apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web, canary: }}
  template:
    metadata: {labels: {app: web, canary: }}
    spec: {containers: [{name: c, image: "nginx:1.27"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web, canary: ""}
  ports: [{port: 80}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {canary: ""}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: canary, namespace: shop}
spec:
  podSelector: {matchExpressions: [{key: canary, operator: In, values: [""]}]}
  policyTypes: [Ingress]
"#;
    let rules = [
        "service-selects-nothing",
        "missing-pod-disruption-budget",
        "pdb-selects-nothing",
        "network-policy-selects-nothing",
        "workload-without-network-policy",
        "selector-mismatch",
    ];
    let r = common::scan_text(text, &rules);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let found: Vec<String> = r.active().map(|f| format!("{}: {}", f.rule.name, f.message())).collect();
    assert!(found.is_empty(), "{found:#?}");
    // The empty value is a value: a selector for another one still selects nothing.
    let other = text.replace(r#"{app: web, canary: ""}"#, r#"{app: web, canary: "yes"}"#);
    let r = common::scan_text(&other, &rules);
    let found: Vec<&str> = r.active().map(|f| f.rule.name).collect();
    assert_eq!(found, ["service-selects-nothing"]);
}

/// A field the Pod Security evaluator refuses for its type is reported once: by
/// invalid-pod-template when it runs (with the fields the evaluator does not read), by
/// pss-violation ("pods cannot be admitted") when it runs alone.
#[test]
fn an_invalid_pod_field_is_reported_once() {
    let text = r#"apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  hostNetwork: "yes"
  containers:
    - image: nginx:1.27
      env: "FOO=bar"
      securityContext: {privileged: "true"}
"#;
    let found = |rules: &[&str]| -> Vec<String> {
        let r = common::scan_text(text, rules);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        let mut found: Vec<String> = r
            .active()
            .filter(|f| f.message().contains(" must be ") || f.message().contains(" is required"))
            .map(|f| {
                format!("{} {}", f.rule.name, f.path.as_ref().map(ToString::to_string).unwrap_or_default())
            })
            .collect();
        found.sort();
        found
    };
    let both = found(&["invalid-pod-template", "pss-violation"]);
    assert_eq!(
        both,
        [
            "invalid-pod-template spec.containers[0].env",
            "invalid-pod-template spec.containers[0].name",
            "invalid-pod-template spec.containers[0].securityContext.privileged",
            "invalid-pod-template spec.hostNetwork",
        ]
    );
    assert_eq!(found(&["all"]), both);
    let alone = found(&["pss-violation"]);
    assert_eq!(
        alone,
        ["pss-violation spec.containers[0].securityContext.privileged", "pss-violation spec.hostNetwork"]
    );
}

/// A container without a name is named by its position, in English and Spanish, and a Pod
/// Security reason that quotes its empty name says which container that is.
#[test]
fn a_container_without_a_name_is_named_by_its_position() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n    - image: nginx:1.27\n";
    let r = common::scan_text(text, &["run-as-root", "pss-violation"]);
    let es = ReportOptions { lang: Lang::Es, ..ReportOptions::default() };
    let (en, es) =
        (report::render(&r, Format::Text, ReportOptions::default()), report::render(&r, Format::Text, es));
    assert!(en.contains("unnamed container containers[1] may run as root"), "{en}");
    assert!(es.contains("el contenedor sin nombre containers[1]"), "{es}");
    assert!(!en.contains("container \"\"") && !es.contains("contenedor \"\""), "{en}\n{es}");
    assert!(en.contains("`\"\"` in the reason is the container without a name: containers[1]"), "{en}");
    assert!(es.contains("`\"\"` en el motivo es el contenedor sin nombre: containers[1]"), "{es}");
}

/// A built-in kind under a built-in group that does not serve it is reported, never silently
/// left unaudited; a version the group once served is removed-api-version's alone.
#[test]
fn a_kind_under_the_wrong_group_is_reported_once() {
    let text = "apiVersion: v1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {spec: {containers: [{name: app, image: nginx, securityContext: {privileged: true}}]}}}\n---\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: old}\n";
    let r = common::scan_text(text, &["all"]);
    let found: Vec<String> = r
        .active()
        .filter(|f| f.rule.group == Group::Input || f.rule.name == "removed-api-version")
        .map(|f| {
            format!(
                "{} {} {}",
                f.rule.name,
                f.object.as_ref().map(|o| o.name.to_string()).unwrap_or_default(),
                f.location.start().map_or(0, |p| p.line)
            )
        })
        .collect();
    assert_eq!(found, ["wrong-api-group web 1", "removed-api-version old 6"]);
    assert!(
        r.active()
            .any(|f| f.severity >= ladrillo::finding::Severity::High && f.rule.name == "wrong-api-group")
    );
}
