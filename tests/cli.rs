//! The binary end to end: exit codes, errors on bad input and options, stdin, output files.
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
    // English whatever the machine's locale (tests/i18n.rs covers the others).
    c.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    c
}

const CLEAN_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n";
const PRIVILEGED_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n    - name: app\n      securityContext:\n        privileged: true\n";

#[test]
fn exit_0_when_clean() {
    ladrillo()
        .args(["scan", "--select", "privileged-container,run-as-root", "--no-config", "-"])
        .write_stdin(CLEAN_POD)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no findings in 1 object from 1 file"));
}

#[test]
fn exit_1_on_findings_and_fail_on_threshold() {
    ladrillo()
        .args(["scan", "--select", "privileged-container", "--no-config", "-"])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-:9:9"));
    // A critical finding passes a gate that only fails on... nothing.
    ladrillo()
        .args(["scan", "--select", "privileged-container", "--fail-on", "none", "--no-config", "-"])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .code(0);
    ladrillo()
        .args(["scan", "--select", "run-as-root", "--fail-on", "critical", "--no-config", "-"])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .code(0);
}

#[test]
fn unknown_rule_is_a_usage_error_with_suggestion() {
    ladrillo()
        .args(["scan", "--select", "privileged-contianer", "--no-config", "-"])
        .write_stdin(CLEAN_POD)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule `privileged-contianer`; did you mean `privileged-container`?",
        ));
    ladrillo().args(["explain", "nope-nope"]).assert().code(2);
    ladrillo().args(["scan", "--fail-on", "severe", "-"]).write_stdin(CLEAN_POD).assert().code(2);
}

#[test]
fn parse_error_names_position_and_other_files_are_still_scanned() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: [oops\n").unwrap();
    std::fs::write(dir.path().join("b-good.yaml"), PRIVILEGED_POD).unwrap();
    ladrillo()
        .args(["scan", "--select", "privileged-container", "--no-config"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(
            predicate::str::contains("a-broken.yaml:3:11").and(predicate::str::contains("runs privileged")),
        );
}

#[test]
fn missing_path_is_an_error() {
    ladrillo()
        .args(["scan", "--no-config", "does/not/exist.yaml"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("--> does/not/exist.yaml"));
}

#[test]
fn walks_directories_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/pod.yml"), PRIVILEGED_POD).unwrap();
    std::fs::write(dir.path().join("ignored.yaml"), PRIVILEGED_POD).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not yaml: [").unwrap();
    std::fs::write(dir.path().join(".gitignore"), "ignored.yaml\n").unwrap();
    ladrillo()
        .args(["scan", "--select", "privileged-container", "--no-config", "-f", "json"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"files\": 1").and(predicate::str::contains("sub/pod.yml")));
}

#[test]
fn config_file_is_found_and_validated() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pod.yaml"), PRIVILEGED_POD).unwrap();
    std::fs::write(
        dir.path().join(".ladrillo.yaml"),
        "select: [privileged-container]\nfail-on: high\nseverity:\n  privileged-container: medium\n",
    )
    .unwrap();
    // The override lowers the finding below the gate.
    ladrillo()
        .arg("scan")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("medium[POD001]"));
    std::fs::write(dir.path().join(".ladrillo.yaml"), "select: [privileged-container]\nfial-on: high\n")
        .unwrap();
    ladrillo().arg("scan").arg(dir.path()).assert().code(2).stderr(predicate::str::contains(
        ".ladrillo.yaml:2:1: unknown key `fial-on`; did you mean `fail-on`?",
    ));
    std::fs::write(dir.path().join(".ladrillo.yaml"), "ignore: [privileged-containr]\n").unwrap();
    ladrillo().arg("scan").arg(dir.path()).assert().code(2).stderr(predicate::str::contains("unknown rule"));
}

#[test]
fn config_waivers_need_a_reason_and_unused_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pod.yaml"), PRIVILEGED_POD).unwrap();
    std::fs::write(
        dir.path().join(".ladrillo.yaml"),
        "select: [privileged-container, unused-waiver, invalid-waiver]\nwaivers:\n  - rules: [privileged-container]\n    name: bad\n    reason: debug pod, removed next sprint\n    until: 2099-01-01\n  - rules: [privileged-container]\n    name: other\n    reason: stale\n",
    )
    .unwrap();
    ladrillo().args(["scan", "--show-suppressed"]).arg(dir.path()).assert().code(1).stdout(
        predicate::str::contains("suppressed by config: debug pod, removed next sprint").and(
            predicate::str::contains("unused-waiver: waiver for privileged-container matched no finding"),
        ),
    );
}

#[test]
fn output_file_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("pod.yaml");
    std::fs::write(&input, PRIVILEGED_POD).unwrap();
    ladrillo().args(["scan", "--no-config", "-o"]).arg(&input).arg(&input).assert().code(2);
    assert_eq!(std::fs::read_to_string(&input).unwrap(), PRIVILEGED_POD);
    let out = dir.path().join("report.sarif");
    ladrillo()
        .args(["scan", "--no-config", "-f", "sarif", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .code(1)
        .stdout("");
    assert!(std::fs::read_to_string(&out).unwrap().contains("\"version\": \"2.1.0\""));
}

#[test]
fn rules_and_explain() {
    ladrillo()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("  POD001   privileged-container"));
    let out = ladrillo().args(["rules", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v.as_array().unwrap().iter().any(|r| r["name"] == "privileged-container" && r["code"] == "POD001")
    );
    ladrillo()
        .args(["explain", "pod001"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## Why is this bad?"));
}

#[test]
fn kubernetes_lists_are_expanded() {
    let list = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: a\n    spec:\n      containers:\n        - name: c\n          securityContext:\n            privileged: true\n";
    ladrillo()
        .args(["scan", "--select", "privileged-container", "--no-config", "-"])
        .write_stdin(list)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-:12:13").and(predicate::str::contains("Pod a")));
}

/// `rbac` reads the inputs through the same loader as `scan`: access entries and their policies
/// authenticate and authorize their principals whether eksctl, Terraform or CloudFormation
/// declares them (`describe-cluster` output has no access entries).
#[test]
fn rbac_reads_eks_access_entries_and_policies_of_every_form() {
    const TF: &str = r#"
resource "aws_eks_cluster" "this" {
  name     = "prod"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0aaa"]
  }
  access_config {
    authentication_mode = "API"
  }
}

resource "aws_eks_access_entry" "devs" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = "arn:aws:iam::111122223333:role/shop-devs"
}

resource "aws_eks_access_policy_association" "devs" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_eks_access_entry.devs.principal_arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"
  access_scope {
    type       = "namespace"
    namespaces = ["shop"]
  }
}
"#;
    const CFN: &str = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Name: prod\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-0aaa]\n      AccessConfig:\n        AuthenticationMode: API\n  Devs:\n    Type: AWS::EKS::AccessEntry\n    Properties:\n      ClusterName: !Ref Cluster\n      PrincipalArn: arn:aws:iam::111122223333:role/shop-devs\n      AccessPolicies:\n        - PolicyArn: arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy\n          AccessScope: {Type: namespace, Namespaces: [shop]}\n";
    const EKSCTL: &str = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: prod\n  region: eu-west-1\naccessConfig:\n  authenticationMode: API\n  accessEntries:\n    - principalARN: arn:aws:iam::111122223333:role/shop-devs\n      accessPolicies:\n        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy\n          accessScope:\n            type: namespace\n            namespaces: [shop]\n";
    // `aws eks describe-cluster`, `describe-access-entry` and `list-associated-access-policies`.
    const DESCRIBE: &str = r#"{"cluster": {"name": "prod", "arn": "arn:aws:eks:eu-west-1:111122223333:cluster/prod", "resourcesVpcConfig": {"subnetIds": ["subnet-0aaa"]}, "accessConfig": {"authenticationMode": "API"}}}"#;
    const ENTRY: &str = r#"{"accessEntry": {"clusterName": "prod", "principalArn": "arn:aws:iam::111122223333:role/shop-devs", "kubernetesGroups": [], "type": "STANDARD", "username": "arn:aws:sts::111122223333:assumed-role/shop-devs/{{SessionName}}"}}"#;
    const POLICIES: &str = r#"{"clusterName": "prod", "principalArn": "arn:aws:iam::111122223333:role/shop-devs", "associatedAccessPolicies": [{"policyArn": "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", "accessScope": {"type": "namespace", "namespaces": ["shop"]}}]}"#;
    let forms: [&[(&str, &str)]; 4] = [
        &[("cluster.yaml", EKSCTL)],
        &[("main.tf", TF)],
        &[("cluster.cfn.yaml", CFN)],
        &[("describe-cluster.json", DESCRIBE), ("entry.json", ENTRY), ("policies.json", POLICIES)],
    ];
    for files in forms {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let name = if files.len() == 1 { files[0].0 } else { "entry.json" };
        let can_i = |ns: &str| {
            let mut c = ladrillo();
            c.args([
                "rbac",
                "can-i",
                "arn:aws:iam::111122223333:role/shop-devs",
                "delete",
                "deployments",
                "-n",
                ns,
            ])
            .arg(dir.path());
            c
        };
        can_i("shop")
            .assert()
            .code(0)
            .stdout(predicate::str::contains("(EKS access policy) → ClusterRole edit"));
        can_i("prod").assert().code(1);
        ladrillo()
            .args(["rbac", "who-can", "delete", "deployments", "-n", "shop"])
            .arg(dir.path())
            .assert()
            .code(0)
            .stdout(predicate::str::contains(format!(
                "via EKS access entry ({}",
                dir.path().join(name).display()
            )));
    }
}

/// Issue 16 item 8: `--stdin-filename` names standard input in every format (SARIF's `uri`
/// included), and nowhere does `-` remain as the file of a finding.
#[test]
fn stdin_filename_names_stdin_in_every_format() {
    let name = "overlays/prod/pod.yaml";
    for format in ["text", "json", "sarif", "junit", "html", "markdown"] {
        let out = ladrillo()
            .args(["scan", "--select", "privileged-container", "--no-config", "--stdin-filename", name])
            .args(["--format", format, "-"])
            .write_stdin(PRIVILEGED_POD)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(name), "{format}: {out}");
        match format {
            "text" => assert!(out.contains(&format!("{name}:9:9")), "{out}"),
            "json" => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                let file = &v["findings"][0]["file"];
                assert_eq!(file, name, "{out}");
            }
            "sarif" => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                let uri = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                    ["uri"];
                assert_eq!(uri, name, "{out}");
                assert!(!out.contains("\"uri\": \"-\""), "{out}");
            }
            _ => assert!(!out.contains("-:9:9"), "{format}: {out}"),
        }
    }
    // Without the flag, stdin is `-` as before.
    ladrillo()
        .args(["scan", "--select", "privileged-container", "--no-config", "-"])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-:9:9"));
    // The other commands that read manifests name it too.
    ladrillo()
        .args(["pss", "check", "--no-config", "--stdin-filename", name, "-"])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .stdout(predicate::str::contains(name));
}

/// A name for an input that is not read, or an empty one, is a usage error, not ignored.
#[test]
fn stdin_filename_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pod.yaml"), PRIVILEGED_POD).unwrap();
    ladrillo()
        .args(["scan", "--no-config", "--stdin-filename", "x.yaml"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`-` is not among the paths"));
    ladrillo()
        .args(["scan", "--no-config", "--stdin-filename", "", "-"])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--stdin-filename is empty"));
}

/// A `.tf` name reads stdin as Terraform, as a file of that name would be.
#[test]
fn stdin_filename_with_tf_reads_terraform() {
    let tf = "resource \"aws_eks_cluster\" \"this\" {\n  name = \"demo\"\n  role_arn = \"arn:aws:iam::111122223333:role/eks\"\n  vpc_config {\n    subnet_ids = [\"subnet-1\"]\n  }\n}\n";
    ladrillo()
        .args(["scan", "--no-config", "--format", "json", "--stdin-filename", "infra/main.tf", "-"])
        .write_stdin(tf)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"file\": \"infra/main.tf\""));
}

/// Issue 16 item 8: findings in a `.ladrillo.yaml` found from a relative path are shown at a
/// relative path, like the files scanned, never at an absolute one.
#[test]
fn config_findings_use_a_relative_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("k8s")).unwrap();
    std::fs::write(dir.path().join("k8s/pod.yaml"), PRIVILEGED_POD).unwrap();
    std::fs::write(
        dir.path().join(".ladrillo.yaml"),
        "select: [privileged-container, unused-waiver]\nwaivers:\n  - rules: [privileged-container]\n    name: other\n    reason: stale\n    until: 2099-01-01\n",
    )
    .unwrap();
    let abs = std::fs::canonicalize(dir.path()).unwrap().display().to_string();
    for (cwd, path, config) in [
        (dir.path().to_path_buf(), "k8s", ".ladrillo.yaml"),
        (dir.path().join("k8s"), ".", "../.ladrillo.yaml"),
    ] {
        let out = ladrillo()
            .current_dir(&cwd)
            .args(["scan", "--format", "json", path])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let files: Vec<&str> =
            v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
        assert!(files.contains(&config), "{files:?}");
        assert!(files.iter().all(|f| !f.starts_with('/') && !f.contains(&abs)), "{files:?}");
    }
    // An absolute path scanned gives absolute paths, the config's included.
    let out = ladrillo().args(["scan", "--format", "json"]).arg(dir.path().join("k8s")).assert().code(1);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["file"].as_str().unwrap().starts_with('/')));
}

/// The rules of `ladrillo rules --format json` that a predicate keeps, by code.
fn rule_codes(keep: impl Fn(&serde_json::Value) -> bool) -> Vec<String> {
    let out = ladrillo().args(["rules", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array().unwrap().iter().filter(|r| keep(r)).map(|r| r["code"].as_str().unwrap().to_owned()).collect()
}

/// How many rules a scan with these selection flags ran (the JSON summary's `rules`).
fn rules_run(flags: &[&str]) -> u64 {
    let out = ladrillo()
        .args(["scan", "--no-config", "-f", "json", "--fail-on", "none"])
        .args(flags)
        .arg("-")
        .write_stdin(CLEAN_POD)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{flags:?}: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["summary"]["rules"].as_u64().unwrap()
}

#[test]
fn select_and_ignore_accept_groups_code_prefixes_and_globs() {
    let count = |group: &str| rule_codes(|r| r["group"] == group).len() as u64;
    let network = count("network");
    assert!(network > 1);
    // The group name, its code prefix in any case, and the singular of `secrets`.
    for flag in ["network", "NET", "net", "Network"] {
        assert_eq!(rules_run(&["--select", flag]), network, "--select {flag}");
    }
    assert_eq!(rules_run(&["--select", "secret"]), count("secrets"));
    assert_eq!(rules_run(&["--select", "SEC"]), count("secrets"));
    assert_eq!(
        rules_run(&["--select", "REL,HYG,INP"]),
        count("reliability") + count("hygiene") + count("input")
    );
    // Globs over codes (any case) and names (as written, like lookups): `POD*` is codes only.
    let pod = rule_codes(|r| r["code"].as_str().unwrap().starts_with("POD")).len() as u64;
    assert_eq!(rules_run(&["--select", "POD*"]), pod);
    assert_eq!(rules_run(&["--select", "pod00?"]), 9);
    // `scan` never runs the audit-log detections (`ladrillo audit-log` does).
    let pod_names = rule_codes(|r| {
        r["group"] != "audit"
            && (r["code"].as_str().unwrap().starts_with("POD")
                || r["name"].as_str().unwrap().starts_with("pod"))
    });
    assert!(pod_names.len() as u64 > pod, "some rule names start with `pod`");
    assert_eq!(rules_run(&["--select", "pod*"]), pod_names.len() as u64);
    let bindings = rule_codes(|r| r["name"].as_str().unwrap().ends_with("-binding")).len() as u64;
    assert!(bindings > 1);
    assert_eq!(rules_run(&["--select", "*-binding"]), bindings);
    // Ignore takes the same forms.
    assert_eq!(rules_run(&["--select", "pod,network", "--ignore", "NET*"]), count("pod"));
    // Ignoring all that is selected leaves nothing to run: an error, not a clean scan.
    let out = ladrillo()
        .args(["scan", "--no-config", "--select", "pod", "--ignore", "POD", "-"])
        .write_stdin(CLEAN_POD)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no rule selected"));
}

#[test]
fn selectors_that_match_nothing_fail_closed_and_suggest_groups() {
    for (flag, message) in [
        ("POX*", "`POX*` matches no rule"),
        ("*-nothing-at-all", "matches no rule"),
        ("netwrok", "did you mean `network`?"),
        ("secrts", "did you mean `secrets`?"),
        ("POD[", "invalid rule pattern `POD[`"),
    ] {
        for option in ["--select", "--ignore"] {
            ladrillo()
                .args(["scan", "--no-config", option, flag, "-"])
                .write_stdin(CLEAN_POD)
                .assert()
                .code(2)
                .stdout("")
                .stderr(predicate::str::contains(message));
        }
    }
    // In Spanish too.
    for (flag, message) in [
        ("POX*", "`POX*` no coincide con ninguna regla"),
        ("netwrok", "¿quiso decir `network`?"),
        ("POD[", "patrón de regla `POD[` no válido"),
    ] {
        ladrillo()
            .args(["scan", "--no-config", "--lang", "es", "--select", flag, "-"])
            .write_stdin(CLEAN_POD)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message));
    }
    // The config file's `select`/`ignore` read selectors the same way, with a position.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".ladrillo.yaml"), "select: [NET]\nignore: [\"NOPE*\"]\n").unwrap();
    std::fs::write(dir.path().join("pod.yaml"), CLEAN_POD).unwrap();
    ladrillo().args(["scan", "."]).current_dir(dir.path()).assert().code(2).stderr(
        predicate::str::contains(".ladrillo.yaml:2:")
            .and(predicate::str::contains("`NOPE*` matches no rule")),
    );
}

#[test]
fn rules_text_shows_groups_with_aligned_columns() {
    let out = ladrillo().arg("rules").assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let groups = rule_codes(|_| true).len();
    // One heading per group, with its code prefix and count; every rule listed once under it.
    assert!(text.contains("network (NET, "), "{text}");
    assert!(text.contains("rbac (RBAC, "), "{text}");
    let secrets = rule_codes(|r| r["group"] == "secrets").len();
    assert!(text.contains(&format!("secrets (SEC, {secrets} rules): ")), "{text}");
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("  ")).collect();
    assert_eq!(rows.len(), groups);
    // The name and severity columns start at the same place on every row, RBAC001 included.
    let column = |row: &str, n: usize| {
        let word = row.split_whitespace().nth(n).unwrap();
        row.find(&format!(" {word} ")).unwrap() + 1
    };
    let starts: std::collections::BTreeSet<(usize, usize)> =
        rows.iter().map(|r| (column(r, 1), column(r, 2))).collect();
    assert_eq!(starts.len(), 1, "name columns differ: {starts:?}\n{text}");
}

/// Issue 16 item 13: `--min-severity` leaves lower findings out of the report and the exit
/// code, and the summary counts them.
#[test]
fn min_severity_leaves_lower_findings_out_of_report_and_exit_code() {
    let scan = |flags: &[&str]| {
        ladrillo()
            .args(["scan", "--select", "privileged-container,run-as-root", "--no-config"])
            .args(flags)
            .arg("-")
            .write_stdin(PRIVILEGED_POD)
            .assert()
    };
    let out = scan(&["-f", "json"]).code(1).get_output().stdout.clone();
    let all: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let lower = all["findings"].as_array().unwrap().iter().filter(|f| f["severity"] != "critical").count();
    assert!(lower > 0, "{all}");
    let out = scan(&["-f", "json", "--min-severity", "critical"]).code(1).get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["severity"] == "critical"), "{v}");
    assert_eq!(v["summary"]["below_min_severity"], lower as u64, "{v}");
    assert_eq!(v["summary"]["findings"], 1, "{v}");
    // Only lower findings: nothing reported, exit 0 whatever `--fail-on` says.
    ladrillo()
        .args([
            "scan",
            "--select",
            "run-as-root",
            "--fail-on",
            "info",
            "--min-severity",
            "critical",
            "--no-config",
            "-",
        ])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 finding below --min-severity not shown"));
    scan(&["--min-severity", "severe"])
        .code(2)
        .stderr(predicate::str::contains("`severe` is not a severity"));
}

/// Issue 16 item 13: `--statistics` prints one line per rule, most findings first, then the
/// summary line; with another format it is refused.
#[test]
fn statistics_count_findings_per_rule() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec:\n  containers:\n    \
                - {name: a, image: nginx, securityContext: {privileged: true}}\n    \
                - {name: b, image: nginx, securityContext: {privileged: true}}\n    \
                - {name: c, image: \"nginx:1.27\"}\n";
    let out = ladrillo()
        .args([
            "scan",
            "--select",
            "privileged-container,mutable-image-tag",
            "--statistics",
            "--no-config",
            "-",
        ])
        .write_stdin(text)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..2],
        ["2  POD001  privileged-container  critical", "2  POD016  mutable-image-tag     medium"],
        "{out}"
    );
    assert!(lines[2].starts_with("found 4 findings"), "{out}");
    insta::assert_snapshot!("statistics", out);
    assert!(!out.contains("-->"), "{out}");
    ladrillo()
        .args(["scan", "--statistics", "-f", "json", "--no-config", "-"])
        .write_stdin(text)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--statistics is a text summary"));
}

/// Issue 16 item 13: completions and manual pages are generated from the command line's
/// definitions.
#[test]
fn completions_and_man_pages_come_from_the_definitions() {
    let bash = ladrillo().args(["completions", "bash"]).assert().code(0).get_output().stdout.clone();
    let bash = String::from_utf8(bash).unwrap();
    assert!(
        bash.contains("_ladrillo()") && bash.contains("--min-severity") && bash.contains("who-can"),
        "{bash}"
    );
    let zsh = ladrillo().args(["completions", "zsh"]).assert().code(0).get_output().stdout.clone();
    assert!(String::from_utf8(zsh).unwrap().starts_with("#compdef ladrillo"));
    for shell in ["fish", "powershell", "elvish"] {
        ladrillo()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("statistics"));
    }
    ladrillo().args(["completions", "tcsh"]).assert().code(2);
    let man = ladrillo().arg("man").assert().code(0).get_output().stdout.clone();
    let man = String::from_utf8(man).unwrap();
    assert!(man.contains(".TH ladrillo 1"), "{man}");
    assert!(man.contains("completions") && man.contains("webhook"), "{man}");
    let scan = ladrillo().args(["man", "scan"]).assert().code(0).get_output().stdout.clone();
    let scan = String::from_utf8(scan).unwrap();
    let source = format!("\"ladrillo {}\"", env!("CARGO_PKG_VERSION"));
    assert!(scan.contains(".TH ladrillo-scan 1 ") && scan.contains(&source), "{scan}");
    assert!(scan.contains("\\-\\-min\\-severity"), "{scan}");
    let who = ladrillo().args(["man", "rbac", "who-can"]).assert().code(0).get_output().stdout.clone();
    assert!(String::from_utf8(who).unwrap().contains("ladrillo\\-rbac\\-who\\-can"));
    ladrillo()
        .args(["man", "scna"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no command `ladrillo scna`"));
}

/// Issue 16 item 13: the HTML report says which version scanned what and when, and shows the
/// code spans of messages and fixes as code, not as backticks.
#[test]
fn html_report_names_version_date_and_paths_and_shows_code() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pod.yaml"), PRIVILEGED_POD).unwrap();
    let out = ladrillo()
        .args([
            "scan",
            "--select",
            "privileged-container",
            "--no-config",
            "-f",
            "html",
            "--date",
            "2026-03-04",
            "pod.yaml",
        ])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(out).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        html.contains(&format!(
            "<p class=\"meta\">ladrillo {version} · scan date 2026-03-04 · scanned: pod.yaml</p>"
        )),
        "{html}"
    );
    let meta = html.lines().find(|l| l.starts_with("<p class=\"meta\">")).unwrap();
    insta::assert_snapshot!("html_meta", meta.replace(version, "VERSION"));
    assert!(!html.contains('`'), "backticks left in: {html}");
    assert!(html.contains("<code>privileged: true</code>"), "{html}");
}

/// Issue 16 item 13: no two findings share a JUnit test case (name and class) over every
/// fixture.
#[test]
fn junit_case_names_are_unique_over_the_fixtures() {
    let out = ladrillo()
        .args([
            "scan",
            "--select",
            "all",
            "--no-config",
            "-f",
            "junit",
            "--fail-on",
            "none",
            "tests/fixtures",
        ])
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    let cases: Vec<(String, String)> = xml
        .split("<testcase ")
        .skip(1)
        .map(|rest| {
            let head = rest.split('>').next().unwrap();
            let attr = |name: &str| {
                head.split(&format!("{name}=\""))
                    .nth(1)
                    .map(|v| v.split('"').next().unwrap().to_string())
                    .unwrap()
            };
            (attr("classname"), attr("name"))
        })
        .collect();
    assert!(cases.len() > 500, "{} test cases", cases.len());
    let mut seen = std::collections::HashSet::new();
    let repeated: Vec<&(String, String)> = cases.iter().filter(|c| !seen.insert(*c)).collect();
    assert!(repeated.is_empty(), "repeated test cases: {repeated:?}");
}

/// Issue 16 item 13: two findings of one rule on one object are two JUnit test cases with names
/// of their own (the field, then the line, tell them apart).
#[test]
fn junit_names_two_findings_of_one_rule_on_one_object_apart() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec:\n  containers:\n    \
                - {name: a, image: nginx, securityContext: {privileged: true}}\n    \
                - {name: b, image: nginx, securityContext: {privileged: true}}\n";
    let out = ladrillo()
        .args([
            "scan",
            "--select",
            "privileged-container",
            "--no-config",
            "-f",
            "junit",
            "--stdin-filename",
            "pod.yaml",
            "-",
        ])
        .write_stdin(text)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let xml = String::from_utf8(out).unwrap();
    let names: Vec<&str> = xml
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<testcase name=\""))
        .map(|l| l.split('"').next().unwrap())
        .collect();
    insta::assert_snapshot!("junit_case_names", names.join("\n"));
    assert_eq!(names.len(), 2, "{xml}");
    assert_ne!(names[0], names[1]);
}
