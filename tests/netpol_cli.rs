//! `ladrillo netpol` and reachability assertions through the binary.
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
    c.current_dir(common::root());
    c
}

#[test]
fn reach_text_matches_the_expected_file() {
    let expected = common::read(&common::root().join("tests/netpol/backend-only-from-frontend.expected"));
    ladrillo()
        .args(["netpol", "reach", "tests/netpol/backend-only-from-frontend.yaml"])
        .assert()
        .success()
        .stdout(expected);
}

#[test]
fn reach_focus_keeps_lines_of_one_workload() {
    let out = ladrillo()
        .args(["netpol", "reach", "tests/netpol/backend-only-from-frontend.yaml", "--focus", "shop/backend"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "shop/backend[Deployment] => shop/frontend[Deployment] : All Connections\n\
         shop/backend[Deployment] => shop/worker[Deployment] : All Connections\n\
         shop/backend[Deployment] => 0.0.0.0/0 : All Connections\n\
         shop/frontend[Deployment] => shop/backend[Deployment] : TCP 8080\n"
    );
    ladrillo()
        .args(["netpol", "reach", "tests/netpol/backend-only-from-frontend.yaml", "--focus", "nothing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no workload `nothing`"));
}

#[test]
fn reach_json_and_matrix() {
    let out = ladrillo()
        .args(["netpol", "reach", "tests/netpol/unknown-namespace.yaml", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &v[0];
    assert_eq!(first["src"], "backend/api[Pod]");
    assert_eq!(first["dst"], "db/postgres[Pod]");
    assert_eq!(first["connections"]["text"], "TCP 5432");
    assert_eq!(first["connections"]["ports"]["TCP"], serde_json::json!([[5432, 5432]]));
    assert_eq!(first["possible"]["text"], "TCP 5433");
    assert_eq!(first["unknownNamespaces"], serde_json::json!(["backend"]));

    ladrillo()
        .args(["netpol", "reach", "tests/netpol/backend-only-from-frontend.yaml", "--format", "matrix"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[4] 0.0.0.0/0"))
        .stdout(predicate::str::contains("[2]        TCP 8080  .    all  all"));
}

#[test]
fn explain_names_the_rules_and_gives_a_verdict() {
    ladrillo()
        .args(["netpol", "explain", "shop/worker", "shop/backend[Deployment]", "8080/TCP"])
        .args(["-f", "tests/netpol/backend-only-from-frontend.yaml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "ingress of shop/backend[Deployment]: isolated by shop/backend-from-frontend (tests/netpol/backend-only-from-frontend.yaml:41:3)",
        ))
        .stdout(predicate::str::contains("spec.ingress[0] (tests/netpol/backend-only-from-frontend.yaml:44:7): does not match this peer"))
        .stdout(predicate::str::contains("verdict: TCP 8080 blocked by ingress of shop/backend[Deployment]"));
    ladrillo()
        .args(["netpol", "explain", "edge/proxy", "10.2.3.4", "5432"])
        .args(["-f", "tests/netpol/ipblock-except.yaml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("edge/proxy[Deployment] => 10.2.3.4 : TCP 5432"))
        .stdout(predicate::str::contains("verdict: TCP 5432 allowed"));
    ladrillo()
        .args(["netpol", "explain", "jobs/batch", "db/postgres", "5433"])
        .args(["-f", "tests/netpol/unknown-namespace.yaml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "verdict: TCP 5433 possibly allowed: depends on labels of namespace \"jobs\"",
        ));
}

#[test]
fn invalid_policies_are_named_with_their_position() {
    ladrillo()
        .args(["netpol", "reach", "tests/fixtures/network/invalid-network-policy.yaml"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: tests/fixtures/network/invalid-network-policy.yaml:9:11: NetworkPolicy shop/bad-end-port is ignored: `endPort` 80 is below `port` 8080",
        ));
}

#[test]
fn reachability_assertions_fail_the_scan() {
    let out = ladrillo().args(["scan", "tests/netpol/assertions", "--color", "never"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("found 4 findings (3 high, 1 medium)"), "{text}");
    assert!(text.contains(
        "shop/frontend[Deployment] => shop/backend[Deployment] : TCP 8080 breaks the deny assertion from `shop/app=frontend` to `shop/app=backend` on TCP 8080"
    ));
    assert!(text.contains(".ladrillo.yaml:9:7"), "{text}");
    assert!(text.contains(
        "`from` of the allow assertion from `shop/app=frontnd` to `shop/app=backend` matches nothing"
    ));
    assert!(!text.contains("shop/app=worker` to `shop/app=backend`"), "a holding assertion fired:\n{text}");
}

#[test]
fn bad_assertions_are_config_errors_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".ladrillo.yaml"),
        "reachability:\n  deny:\n    - {from: \"a in (b\", to: x, prot: 80}\n  maybe: []\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("app.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n").unwrap();
    ladrillo()
        .args(["scan"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".ladrillo.yaml:3:14: expected a parenthesised value list"))
        .stderr(predicate::str::contains(".ladrillo.yaml:3:32: unknown key `prot`"))
        .stderr(predicate::str::contains(".ladrillo.yaml:4:3: unknown key `maybe` in `reachability`"));
}

#[test]
fn explain_exit_codes_follow_rbac_can_i() {
    // Without a port: 0 when some connection is allowed, 1 when none is.
    ladrillo()
        .args(["netpol", "explain", "shop/frontend", "shop/backend"])
        .args(["-f", "tests/netpol/backend-only-from-frontend.yaml"])
        .assert()
        .code(0);
    ladrillo()
        .args(["netpol", "explain", "shop/worker", "shop/backend"])
        .args(["-f", "tests/netpol/backend-only-from-frontend.yaml"])
        .assert()
        .code(1);
    ladrillo()
        .args(["netpol", "explain", "shop/nobody", "shop/backend"])
        .args(["-f", "tests/netpol/backend-only-from-frontend.yaml"])
        .assert()
        .code(2);
    // A range that is not one CIDR is printed as first-last and accepted back.
    ladrillo()
        .args(["netpol", "explain", "0.0.0.0-9.255.255.255", "edge/proxy", "8443"])
        .args(["-f", "tests/netpol/ipblock-except.yaml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0.0.0.0-9.255.255.255 => edge/proxy[Deployment] : TCP 8443"));
}

/// A file given where the port goes is named as such, and nothing is read before the port is
/// checked (here `.` would be read).
#[test]
fn explain_says_how_to_read_a_file_given_as_the_port() {
    ladrillo()
        .args(["netpol", "explain", "shop/frontend", "shop/backend", "tests/netpol/backend-only-from-frontend.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`tests/netpol/backend-only-from-frontend.yaml` is not PORT or PORT/PROTOCOL; to read \
             `tests/netpol/backend-only-from-frontend.yaml`, name it with `-f tests/netpol/backend-only-from-frontend.yaml`",
        ));
    ladrillo()
        .args(["netpol", "explain", "shop/frontend", "shop/backend", "http"])
        .args(["-f", "tests/netpol/backend-only-from-frontend.yaml"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("`http` is not PORT or PORT/PROTOCOL")
                .and(predicate::str::contains("-f").not()),
        );
}

#[test]
fn host_network_pods_are_said_not_to_be_selected() {
    ladrillo()
        .args(["netpol", "explain", "ops/agent", "ops/api"])
        .args(["-f", "tests/netpol/host-network.yaml"])
        .assert()
        .stdout(predicate::str::contains(
            "egress of ops/agent[DaemonSet]: runs on the host network, and NetworkPolicies do not select host-network pods",
        ));
    ladrillo()
        .args(["netpol", "reach", "tests/netpol/host-network.yaml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("note: ops/agent[DaemonSet] runs on the host network"));
}

/// A policy the API server rejects cannot block anything: it is left out and named.
#[test]
fn explain_ignores_a_policy_the_api_server_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.yaml");
    std::fs::write(
        &file,
        "apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: data, labels: {app: db}}\nspec: {containers: [{name: c, image: i}]}\n\
         ---\napiVersion: v1\nkind: Pod\nmetadata: {name: client, namespace: data}\nspec: {containers: [{name: c, image: i}]}\n\
         ---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-all, namespace: data}\n\
         spec:\n  podSelector: {}\n  ingress:\n    - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}]\n",
    )
    .unwrap();
    ladrillo()
        .args(["netpol", "explain", "data/client", "data/db", "5432", "-f"])
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("verdict: TCP 5432 allowed"))
        .stderr(predicate::str::contains(
            "NetworkPolicy data/deny-all is ignored: except block is not a strict subset of `10.0.0.0/8`",
        ));
}
