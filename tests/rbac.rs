//! Expected RBAC answers, one file per semantic corner: `tests/rbac/<corner>.yaml` holds
//! manifests plus a first document with `queries` (who-can with the exact set of subjects, can-i
//! with yes/no). Every mismatch is collected before the test fails.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::collections::BTreeSet;

use ladrillo::analysis::rbac::query::parse_request;
use ladrillo::analysis::rbac::{Graph, Names, identity};
use ladrillo::document::{Node, yaml};
use ladrillo::model::ObjectSet;

fn load(rel: &str, text: &str) -> ObjectSet {
    let loaded = ladrillo::input::file::load(&common::source(rel, text));
    assert!(loaded.errors.is_empty(), "{rel}: {:?}", loaded.errors);
    loaded.objects.into_iter().collect()
}

fn words(q: &Node, key: &str) -> (String, String) {
    let text = q.get(key).and_then(Node::as_str).unwrap_or_default();
    let (verb, resource) = text.split_once(' ').unwrap_or((text, ""));
    (verb.to_string(), resource.to_string())
}

#[test]
fn rbac_answers() {
    let dir = common::root().join("tests/rbac");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")) {
        let rel = path.strip_prefix(common::root()).unwrap().display().to_string();
        let text = common::read(path);
        let set = load(&rel, &text);
        let graph = Graph::of(&set);
        let stream = yaml::parse(&text);
        let queries = stream.documents.iter().find_map(|d| d.root.get("queries").cloned()).expect("queries");
        for (i, q) in queries.items().enumerate() {
            count += 1;
            let ns = q.get("namespace").and_then(Node::as_str);
            let name = q.get("name").and_then(Node::as_str);
            if q.get("who-can").is_some() {
                let (verb, resource) = words(q, "who-can");
                let (req, at) = parse_request(&verb, &resource, name, ns).unwrap();
                let got: BTreeSet<String> = graph
                    .who_can(&req, &at)
                    .into_iter()
                    .map(|e| match e.namespace {
                        Some(n) => format!("{} {n}/{}", e.kind, e.name),
                        None => format!("{} {}", e.kind, e.name),
                    })
                    .collect();
                let want: BTreeSet<String> =
                    q.get("expect").unwrap().items().filter_map(Node::as_str).map(str::to_string).collect();
                if got != want {
                    failures.push(format!(
                        "{rel} query {i} (who-can {verb} {resource}): expected {want:?}, got {got:?}"
                    ));
                }
            } else {
                let subject = q.get("can-i").and_then(Node::as_str).unwrap();
                let (verb, resource) = words(q, "do");
                let (req, at) = parse_request(&verb, &resource, name, ns).unwrap();
                let at = if at == ladrillo::analysis::rbac::query::Where::Anywhere {
                    ladrillo::analysis::rbac::query::Where::Cluster
                } else {
                    at
                };
                let id = if subject.starts_with("arn:") {
                    graph.identity_of_arn(subject).expect("mapped").0
                } else {
                    graph.identity_of(&identity::parse_subject(subject).unwrap())
                };
                let got = !graph.allowed(&id, &req, &at, Names::Exact).is_empty();
                let want = q.get("expect").and_then(Node::as_bool).unwrap();
                if got != want {
                    failures.push(format!(
                        "{rel} query {i} (can-i {subject} {verb} {resource}): expected {want}, got {got}"
                    ));
                }
            }
        }
    }
    assert!(count >= 40, "only {count} queries found");
    assert!(failures.is_empty(), "{} RBAC answer mismatches:\n{}", failures.len(), failures.join("\n"));
}

mod cli {
    use assert_cmd::Command;
    use predicates::str::contains;

    fn ladrillo() -> Command {
        let mut c = Command::cargo_bin("ladrillo").unwrap();
        c.current_dir(env!("CARGO_MANIFEST_DIR"));
        c
    }

    #[test]
    fn who_can_names_binding_and_role() {
        ladrillo()
            .args(["rbac", "who-can", "create", "pods/exec", "-n", "dev", "tests/rbac/default-roles.yaml"])
            .assert()
            .code(0)
            .stdout(contains(
                "User hank  in namespace dev  RoleBinding dev/hank-edit → ClusterRole edit (default)",
            ))
            .stdout(contains("via ConfigMap kube-system/aws-auth mapRoles[0]"));
    }

    #[test]
    fn who_can_json() {
        let out = ladrillo()
            .args([
                "rbac",
                "who-can",
                "get",
                "secrets",
                "-n",
                "team-a",
                "--format",
                "json",
                "tests/rbac/namespace-scoping.yaml",
            ])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let subjects = v["subjects"].as_array().unwrap();
        assert!(subjects.iter().any(|s| s["kind"] == "User"
            && s["name"] == "gina"
            && s["binding"] == "RoleBinding team-a/reader"));
    }

    #[test]
    fn can_i_exit_codes() {
        ladrillo()
            .args([
                "rbac",
                "can-i",
                "User:gina",
                "get",
                "secrets",
                "-n",
                "team-a",
                "tests/rbac/namespace-scoping.yaml",
            ])
            .assert()
            .code(0)
            .stdout(contains("yes: User gina can get secrets in namespace team-a"));
        ladrillo()
            .args(["rbac", "can-i", "User:gina", "get", "secrets", "tests/rbac/namespace-scoping.yaml"])
            .assert()
            .code(1)
            .stdout(contains("allowed only in namespaces: team-a"));
    }

    #[test]
    fn rules_lists_effective_rules() {
        ladrillo()
            .args(["rbac", "rules", "ServiceAccount:team-a/robot", "tests/rbac/namespace-scoping.yaml"])
            .assert()
            .code(0)
            .stdout(contains("verbs=[get] apiGroups=[\"\"] resources=[secrets, nodes, namespaces]  in namespace team-a  RoleBinding team-a/reader → ClusterRole reader"));
    }

    #[test]
    fn input_errors_exit_2() {
        ladrillo().args(["rbac", "who-can", "get", "pods", "no/such/file.yaml"]).assert().code(2);
        ladrillo()
            .args(["rbac", "who-can", "get", "widgets", "tests/rbac/aggregation.yaml"])
            .assert()
            .code(2)
            .stderr(contains("widgets.example.com"));
        ladrillo()
            .args(["rbac", "can-i", "alice", "get", "pods", "tests/rbac/aggregation.yaml"])
            .assert()
            .code(2)
            .stderr(contains("User:NAME"));
        ladrillo()
            .write_stdin("kind: Role\nmetadata: {name: x}\n")
            .args(["rbac", "rules", "User:a", "-"])
            .assert()
            .code(2)
            .stderr(contains("-:1:1"));
    }
}
