//! Fail closed: a run that saw nothing to analyse is an input error (exit 2) for every command
//! that reads inputs, unless `--allow-empty`; what kustomize or Helm must render first is named
//! with the command to run; documents of other tools without a name are skipped and counted.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn ladrillo() -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    c.env_remove("LANG");
    c
}

const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every command that reads inputs, with the arguments before the paths.
const COMMANDS: &[&[&str]] = &[
    &["scan", "--no-config"],
    &["report", "--framework", "pss-restricted", "--no-config"],
    &["rbac", "who-can", "get", "pods", "--no-config"],
    &["rbac", "can-i", "system:serviceaccount:a:b", "get", "pods", "--no-config"],
    &["netpol", "reach", "--no-config"],
    &["pss", "--no-config"],
];

#[test]
fn an_empty_directory_fails_every_command_and_allow_empty_opts_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    for args in COMMANDS {
        let out = ladrillo().args(*args).arg(path).output().unwrap();
        // The text report shows input errors on stdout, the other commands on stderr.
        let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains("nothing to analyse") && text.contains("--allow-empty"), "{args:?}: {text}");
        // The message is written for a terminal: no escaped newline of its own (`\u000a`).
        assert!(!text.contains("\\u000a"), "{args:?}: {text}");
    }
    ladrillo().args(["scan", "--no-config", "--allow-empty", path]).assert().code(0);
    ladrillo().args(["pss", "--no-config", "--allow-empty", path]).assert().code(0);
}

/// A selection that leaves no rule to run is an error, not a pass: on the command line, in the
/// config, and for the webhook.
#[test]
fn a_selection_of_no_rule_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pod.yaml", POD);
    let pod = dir.path().join("pod.yaml");
    let out = ladrillo()
        .args(["scan", "--no-config", "--select", "POD001", "--ignore", "POD001"])
        .arg(&pod)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no rule selected"), "{out:?}");
    write(dir.path(), ".ladrillo.yaml", "select: [POD001]\nignore: [privileged-container]\n");
    let out = ladrillo().current_dir(dir.path()).args(["scan", "pod.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no rule selected"), "{out:?}");
    // Only scan-only rules: nothing runs at admission. The check comes before the certificate
    // is read.
    write(dir.path(), "webhook.yaml", "select: [EKS001]\n");
    let out = ladrillo()
        .args([
            "webhook",
            "--listen",
            "127.0.0.1:0",
            "--no-namespace-watch",
            "--tls-cert",
            "missing.crt",
            "--tls-key",
            "missing.key",
            "--config",
        ])
        .arg(dir.path().join("webhook.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no rule selected for admission"), "{out:?}");
}

#[test]
fn empty_stdin_fails_closed() {
    ladrillo()
        .args(["scan", "--no-config", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("nothing to analyse"));
    // A failed `kustomize build` prints nothing but comments or an empty document.
    ladrillo().args(["scan", "--no-config", "-"]).write_stdin("---\n# nothing\n").assert().code(2);
    ladrillo().args(["scan", "--no-config", "--allow-empty", "-"]).write_stdin("").assert().code(0);
    ladrillo()
        .args(["scan", "--no-config", "-f", "json", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("\"errors\": 1"));
}

#[test]
fn a_lone_kustomization_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "base/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - https://example.com/app.yaml\n",
    );
    let base = dir.path().join("base");
    ladrillo().args(["scan", "--no-config", base.to_str().unwrap()]).assert().code(2).stdout(
        predicate::str::contains("nothing to analyse")
            .and(predicate::str::contains("is a kustomization: render it first, `kubectl kustomize"))
            .and(predicate::str::contains("no findings in 0 objects"))
            .and(predicate::str::contains("\\u000a").not()),
    );
}

#[test]
fn helm_templates_are_not_read_as_objects_nor_as_yaml_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "chart/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n");
    write(dir.path(), "chart/values.yaml", "replicas: 1\n");
    write(
        dir.path(),
        "chart/templates/pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n",
    );
    let chart = dir.path().join("chart");
    ladrillo().args(["scan", "--no-config", chart.to_str().unwrap()]).assert().code(2).stdout(
        predicate::str::contains("is a Helm chart: render it first, `helm template")
            .and(predicate::str::contains("mapping key").not())
            .and(predicate::str::contains("1 template not read")),
    );
    // Beside objects to analyse, the chart is a note and the run is not an error.
    write(dir.path(), "pod.yaml", POD);
    ladrillo()
        .args(["scan", "--no-config", "--fail-on", "none", dir.path().to_str().unwrap()])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "Helm chart: 1 template not read; to scan what it renders, pass --render or `helm template",
        ));
}

#[test]
fn a_repository_that_ignores_itself_fails_and_names_the_ignore_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/pod.yaml", POD);
    write(dir.path(), "app/.ladrilloignore", "*\n");
    let app = dir.path().join("app");
    ladrillo().args(["scan", "--no-config", app.to_str().unwrap()]).assert().code(2).stdout(
        predicate::str::contains("inputs were left out by").and(predicate::str::contains(".ladrilloignore")),
    );
    // `.gitignore` (no git repository needed) and `exclude` in the config.
    std::fs::remove_file(app.join(".ladrilloignore")).unwrap();
    write(dir.path(), "app/.gitignore", "*.yaml\n");
    ladrillo()
        .args(["scan", "--no-config", app.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(".gitignore"));
    std::fs::remove_file(app.join(".gitignore")).unwrap();
    write(dir.path(), "app/.ladrillo.yaml", "exclude: [\"**\"]\n");
    ladrillo()
        .current_dir(&app)
        .args(["scan", "."])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("`exclude` in .ladrillo.yaml"));
    ladrillo().current_dir(&app).args(["scan", "--allow-empty", "."]).assert().code(0);
}

#[test]
fn unnamed_documents_of_other_tools_are_skipped_and_counted() {
    let text = format!(
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: minimal\n---\n{POD}"
    );
    ladrillo()
        .args(["scan", "--no-config", "--fail-on", "none", "-"])
        .write_stdin(text.clone())
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains(
                "note: -:1: IstioOperator (install.istio.io/v1alpha1) without `metadata.name` skipped",
            )
            .and(predicate::str::contains("in 1 object from 1 file; 1 document not a Kubernetes object")),
        );
    let out = ladrillo()
        .args(["scan", "--no-config", "--fail-on", "none", "-f", "json", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["skipped_documents"], 1);
    assert_eq!(json["summary"]["input_notes"][0]["line"], 1);
    // Metadata without a name is the same for a kind ladrillo does not analyse.
    ladrillo()
        .args(["scan", "--no-config", "--fail-on", "none", "-"])
        .write_stdin(format!(
            "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  labels: {{a: b}}\n---\n{POD}"
        ))
        .assert()
        .code(0);
}

#[test]
fn a_pod_or_workload_without_a_name_stays_an_error() {
    for text in [
        "apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {a: b}\nspec: {}\n",
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  region: eu-west-1\n",
    ] {
        ladrillo()
            .args(["scan", "--no-config", "-"])
            .write_stdin(format!("{text}---\n{POD}"))
            .assert()
            .code(2)
            .stdout(predicate::str::contains("object has no `metadata.name`"));
    }
}
