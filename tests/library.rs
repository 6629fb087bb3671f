//! The library entry points other front ends build on: the input loader with in-memory inputs
//! (objects from the Kubernetes API, an AdmissionReview's object, an audit event's
//! requestObject), a scan over loaded inputs, and one object judged in its context.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::document::{FieldPath, Node, yaml};
use ladrillo::finding::Severity;
use ladrillo::input::Loader;
use ladrillo::scan;

const PRIVILEGED_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\n  namespace: shop\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n";

#[test]
fn text_without_a_file_is_read_like_a_file_and_named_as_given() {
    let mut loader = Loader::default();
    loader.text("cluster:pods", PRIVILEGED_POD);
    let result = scan::scan(loader.finish(), &common::settings(&["privileged-container"]));
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    assert_eq!(result.summary.objects, 1);
    let f = result.active().next().expect("a finding");
    assert_eq!(f.location.file_name(), Some("cluster:pods"));
    assert_eq!(f.location.start().map(|p| p.line), Some(11));
    assert!(f.location.file.as_ref().is_some_and(|file| file.path.is_none()));
}

#[test]
fn text_without_a_file_is_checked_like_a_file() {
    let mut loader = Loader::default();
    loader.text("cluster:binary", b"kind: Pod\0".to_vec());
    let inputs = loader.finish();
    assert_eq!(inputs.errors.len(), 1);
    assert_eq!(inputs.errors[0].file, "cluster:binary");
    assert_eq!(inputs.stats.files, 1);
}

const REVIEW: &str = r#"{
  "apiVersion": "admission.k8s.io/v1",
  "kind": "AdmissionReview",
  "request": {
    "uid": "705ab4f5-6393-11e8-b7cc-42010a800002",
    "namespace": "shop",
    "object": {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {"name": "bad", "namespace": "shop"},
      "spec": {
        "containers": [
          {"name": "app", "image": "nginx:1.27", "securityContext": {"privileged": true}}
        ]
      }
    }
  }
}
"#;

/// The node of a request's object, as a webhook or an audit-log reader holds it.
fn request_object(text: &str) -> (std::sync::Arc<ladrillo::document::SourceFile>, FieldPath, Node) {
    let file = common::source("admission:shop/bad", text);
    let stream = yaml::parse(&file.text());
    let root = stream.documents.into_iter().next().expect("a document").root;
    let path = FieldPath::root().keys(&["request", "object"]);
    let node = root.get("request").and_then(|r| r.get("object")).cloned().expect("request.object");
    (file, path, node)
}

#[test]
fn a_node_of_a_parsed_text_is_an_object_whose_findings_point_into_that_text() {
    let (file, path, node) = request_object(REVIEW);
    let mut loader = Loader::default();
    loader.document(file, 0, path.clone(), node);
    let inputs = loader.finish();
    assert_eq!(inputs.set.len(), 1);
    let pod = &inputs.set.objects()[0];
    assert_eq!((pod.kind.as_str(), pod.name.as_str()), ("Pod", "bad"));
    assert_eq!(pod.origin.as_ref().map(|o| o.path_in_document.to_string()), Some(path.to_string()));
    let result = scan::scan(inputs, &common::settings(&["privileged-container"]));
    let f = result.active().next().expect("a finding");
    assert_eq!(f.location.file_name(), Some("admission:shop/bad"));
    // `"privileged": true` is on line 13 of the review.
    assert_eq!(f.location.start().map(|p| p.line), Some(13));
    assert_eq!(f.object.as_ref().map(|o| o.name.as_str()), Some("bad"));
}

fn namespace(name: &str, enforce: Option<&str>) -> String {
    let labels = enforce.map_or_else(String::new, |level| {
        format!("  labels:\n    pod-security.kubernetes.io/enforce: {level}\n")
    });
    format!("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n{labels}")
}

/// Judges the Pod of the review in a namespace with the given enforce label.
fn judge(enforce: Option<&str>, settings: &scan::ScanSettings) -> scan::ScanResult {
    let (file, path, node) = request_object(REVIEW);
    let mut loader = Loader::default();
    loader.text("cluster:namespaces/shop", namespace("shop", enforce));
    loader.document(file, 0, path, node);
    let inputs = loader.finish();
    let pod = inputs.set.iter().position(|o| o.kind == "Pod").expect("the pod");
    scan::scan_object(inputs, pod, settings)
}

#[test]
fn one_object_is_judged_at_the_level_of_its_namespace_and_only_it_is_reported() {
    let settings = common::settings(&["pss"]);
    // A privileged namespace admits the pod: nothing about it, and nothing about the namespace
    // (`privileged-pss-namespace` would fire on the Namespace, which is context here).
    let relaxed = judge(Some("privileged"), &settings);
    assert!(relaxed.findings.is_empty(), "{:?}", relaxed.findings);
    let strict = judge(Some("restricted"), &settings);
    assert!(strict.summary.findings > 0);
    assert!(
        strict.findings.iter().all(|f| f.object.as_ref().is_some_and(|o| o.kind == "Pod")),
        "{:?}",
        strict.findings.iter().map(|f| (&f.object, f.message())).collect::<Vec<_>>()
    );
    assert!(strict.findings.iter().any(|f| f.rule.code == "PSS001" && f.message().contains("privileged")));
}

#[test]
fn one_object_gets_the_scans_severity_overrides_and_waivers() {
    let settings =
        common::settings_with("severity:\n  privileged-container: low\n", &["privileged-container"]);
    let result = judge(None, &settings);
    assert_eq!(result.findings.len(), 1);
    assert_eq!(result.findings[0].severity, Severity::Low);
    assert_eq!(result.summary.by_severity.get("low"), Some(&1));

    let waived = common::settings_with(
        "waivers:\n  - rules: [privileged-container]\n    name: bad\n    reason: the CNI agent needs it\n",
        &["privileged-container"],
    );
    let result = judge(None, &waived);
    assert_eq!((result.summary.findings, result.summary.suppressed), (0, 1));
}

/// Everything a scan says, for comparing two runs: findings (with their fingerprints), input
/// errors, the summary and the redacted spans.
fn everything(result: &scan::ScanResult) -> String {
    let mut redactions: Vec<_> = result.redactions.iter().collect();
    redactions.sort_by(|a, b| a.0.cmp(b.0));
    format!(
        "{:#?}\n{:#?}\n{}\n{:?}",
        result.findings,
        result.errors,
        serde_json::to_string_pretty(&result.summary).unwrap(),
        redactions
    )
}

/// Every directory of fixtures, and the examples.
fn every_fixture() -> Vec<String> {
    let root = common::root();
    ["tests/fixtures", "tests/rbac", "tests/netpol", "tests/pss", "tests/cluster_model", "examples"]
        .iter()
        .map(|p| root.join(p))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect()
}

#[test]
fn a_scan_on_the_calling_thread_says_exactly_what_a_parallel_scan_says() {
    // Every rule over every fixture: many files, objects and scopes (projects), Terraform
    // modules, clusters, waivers and parser notes.
    let paths = every_fixture();
    let parallel_settings = common::settings(&["all"]);
    let mut sequential_settings = common::settings(&["all"]);
    sequential_settings.parallel = false;
    let options = parallel_settings.input_options();
    let parallel = scan::scan(ladrillo::input::Inputs::from_paths(&paths, &options), &parallel_settings);
    let mut loader = Loader::default();
    loader.sequential();
    loader.paths(&paths, &options);
    let sequential = scan::scan(loader.finish(), &sequential_settings);
    assert!(parallel.findings.len() > 1000, "the fixtures give many findings: {}", parallel.findings.len());
    assert!(parallel.summary.clusters > 1, "and several clusters: {}", parallel.summary.clusters);
    assert_same("parallel and sequential scans", &everything(&parallel), &everything(&sequential));
}

/// Fails with the first line where two texts differ.
fn assert_same(what: &str, a: &str, b: &str) {
    if a != b {
        let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
        panic!("{what} differ at line {}: {:?} vs {:?}", line + 1, a.lines().nth(line), b.lines().nth(line));
    }
}

#[test]
fn packed_texts_give_the_reports_that_texts_as_read_give() {
    // Every rule over every fixture, in every format: positions, excerpts (masked credentials,
    // long and non-ASCII lines), related places and HTML source views all read the texts.
    let paths = every_fixture();
    let settings = common::settings(&["all"]);
    let scan_with = |packing| {
        let options = ladrillo::input::Options { packing, ..settings.input_options() };
        let inputs = ladrillo::input::Inputs::from_paths(&paths, &options);
        let packed = inputs.files.iter().filter(|f| f.is_packed()).count();
        (scan::scan(inputs, &settings), packed)
    };
    let (as_read, none) = scan_with(ladrillo::input::Packing::Never);
    let (packed, some) = scan_with(ladrillo::input::Packing::Always);
    assert_eq!(none, 0);
    assert!(some > 100, "many fixtures are packed: {some}");
    assert!(as_read.findings.len() > 1000, "the fixtures give many findings: {}", as_read.findings.len());
    use ladrillo::report::{Format, ReportOptions, render};
    for format in [Format::Text, Format::Json, Format::Sarif, Format::Junit, Format::Html, Format::Markdown] {
        for lang in [ladrillo::i18n::Lang::En, ladrillo::i18n::Lang::Es] {
            let options = ReportOptions { show_suppressed: true, lang, ..ReportOptions::default() };
            let (a, b) = (render(&as_read, format, options), render(&packed, format, options));
            assert_same(&format!("{format:?} reports in {lang:?}"), &a, &b);
        }
    }
}

#[test]
fn a_set_drops_each_tree_once_its_check_ran() {
    let objects = [
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec: {}\n",
        PRIVILEGED_POD,
        "kind: Namespace\napiVersion: v1\nmetadata:\n  name: shop\n",
    ]
    .iter()
    .map(|text| {
        let root = yaml::parse(text).documents.remove(0).root;
        ladrillo::model::Object::from_root(root, None).unwrap().unwrap()
    });
    let mut set: ladrillo::model::ObjectSet = objects.collect();
    let spans: Vec<_> = set.iter().map(|o| o.root.span()).collect();
    assert!(set.has_trees());
    let mut seen = Vec::new();
    set.check_dropping_trees(2, true, |o| o.root.get("spec").is_some(), |first, out| seen.push((first, out)));
    // Every object checked once with its tree, chunk by chunk, in order.
    assert_eq!(seen, vec![(0, vec![true, true]), (2, vec![false])]);
    assert!(!set.has_trees());
    // The identity stays; the tree is a null node over the same span.
    let names: Vec<&str> = set.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["a", "bad", "shop"]);
    assert!(set.iter().all(|o| o.root.is_null()));
    assert_eq!(set.iter().map(|o| o.root.span()).collect::<Vec<_>>(), spans);
}
