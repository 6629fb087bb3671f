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

use ladrillo::analysis::rbac::query::parse_request_in;
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
                let asked = parse_request_in(&graph, &set, &verb, &resource, name, ns).unwrap();
                let got: BTreeSet<String> = asked
                    .requests
                    .iter()
                    .flat_map(|req| graph.who_can(req, &asked.at))
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
                let asked = parse_request_in(&graph, &set, &verb, &resource, name, ns).unwrap();
                let at = if asked.at == ladrillo::analysis::rbac::query::Where::Anywhere {
                    ladrillo::analysis::rbac::query::Where::Cluster
                } else {
                    asked.at.clone()
                };
                let id = if subject.starts_with("arn:") {
                    graph.identity_of_arn(subject).expect("mapped").0
                } else {
                    graph.identity_of(&identity::parse_subject(subject).unwrap())
                };
                let got =
                    asked.requests.iter().any(|req| !graph.allowed(&id, req, &at, Names::Exact).is_empty());
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

    /// Issue 16 item 5: a custom resource named without a group is matched in the groups the
    /// input's roles name it with, and the answer says which.
    #[test]
    fn who_can_custom_resource_says_which_groups_matched() {
        ladrillo()
            .args(["rbac", "who-can", "create", "gateways", "-n", "edge", "tests/rbac/custom-resources.yaml"])
            .assert()
            .code(0)
            .stdout(contains("resource matched in API groups gateway.networking.k8s.io, networking.istio.io"))
            .stdout(contains("User gw-admin"))
            .stdout(contains("ServiceAccount edge/istio"));
        let out = ladrillo()
            .args(["rbac", "who-can", "create", "gateways", "-n", "edge", "--format", "json"])
            .arg("tests/rbac/custom-resources.yaml")
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v["matchedGroups"],
            serde_json::json!(["gateway.networking.k8s.io", "networking.istio.io"])
        );
        ladrillo()
            .args(["rbac", "can-i", "ServiceAccount:edge/istio", "create", "gateways", "-n", "edge"])
            .arg("tests/rbac/custom-resources.yaml")
            .assert()
            .code(0)
            .stdout(contains("resource matched in API groups"));
        // A resource no role and no CustomResourceDefinition names stays an error.
        ladrillo()
            .args(["rbac", "who-can", "create", "gizmos", "tests/rbac/custom-resources.yaml"])
            .assert()
            .code(2)
            .stderr(contains("unknown resource `gizmos`: not built-in, and no Role"));
        // Empty words are refused before anything is read.
        ladrillo()
            .args(["rbac", "who-can", "", "gateways", "does-not-exist"])
            .assert()
            .code(2)
            .stderr(contains("the verb is empty"));
    }

    /// `--expand-groups` lists the input's ServiceAccounts in each group that can.
    #[test]
    fn who_can_expands_groups_into_service_accounts() {
        let base = ["rbac", "who-can", "get", "configmaps", "-n", "b", "tests/rbac/groups.yaml"];
        let plain = ladrillo().args(base).assert().code(0).get_output().stdout.clone();
        let plain = String::from_utf8(plain).unwrap();
        assert!(plain.contains("Group system:serviceaccounts "), "{plain}");
        assert!(!plain.contains("member of Group"), "{plain}");
        ladrillo()
            .args(base)
            .arg("--expand-groups")
            .assert()
            .code(0)
            .stdout(contains("ServiceAccount a/default"))
            .stdout(contains("via member of Group system:serviceaccounts"));
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

    /// The text answers in Spanish (issue 14): the words around verbs, resources and names are
    /// the reader's, identifiers stay as written; JSON keeps English.
    #[test]
    fn answers_in_spanish() {
        let queries: [&[&str]; 6] = [
            &["who-can", "create", "pods/exec", "-n", "dev", "tests/rbac/default-roles.yaml"],
            &[
                "who-can",
                "get",
                "secrets",
                "--name",
                "db",
                "-n",
                "team-a",
                "tests/rbac/namespace-scoping.yaml",
            ],
            &["can-i", "User:hank", "create", "pods/exec", "-n", "dev", "tests/rbac/default-roles.yaml"],
            &["can-i", "User:gina", "get", "secrets", "tests/rbac/namespace-scoping.yaml"],
            &[
                "can-i",
                "ServiceAccount:edge/istio",
                "create",
                "gateways",
                "-n",
                "edge",
                "tests/rbac/custom-resources.yaml",
            ],
            &["rules", "ServiceAccount:team-a/robot", "tests/rbac/namespace-scoping.yaml"],
        ];
        let mut out = String::new();
        for q in queries {
            let o = ladrillo().args(["--lang", "es", "rbac"]).args(q).output().unwrap();
            let code = o.status.code().unwrap_or(-1);
            out.push_str(&format!("$ ladrillo --lang es rbac {} (exit {code})\n", q.join(" ")));
            out.push_str(&String::from_utf8_lossy(&o.stdout));
            out.push_str(&String::from_utf8_lossy(&o.stderr));
            out.push('\n');
        }
        insta::assert_snapshot!("rbac_cli_es", out);
        let json = ladrillo()
            .args(["--lang", "es", "rbac", "who-can", "get", "secrets", "-n", "team-a", "--format", "json"])
            .arg("tests/rbac/namespace-scoping.yaml")
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(v["where"], "in namespace team-a");
        assert_eq!(v["request"], "get secrets");
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
        // `widgets` is not built-in: the input's roles name it in example.com (issue 16 item 5).
        ladrillo()
            .args(["rbac", "who-can", "get", "widgets", "tests/rbac/aggregation.yaml"])
            .assert()
            .code(0)
            .stdout(contains("resource matched in API group example.com"));
        ladrillo()
            .args(["rbac", "who-can", "get", "gizmos", "tests/rbac/aggregation.yaml"])
            .assert()
            .code(2)
            .stderr(contains("gizmos.example.com"));
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
