//! `ladrillo init` end to end: every generated bundle passes the real scan with every rule,
//! validates against the eksctl and Kubernetes JSON schemas, is `terraform fmt`-clean, is
//! byte-identical across runs, and is written without ever clobbering user files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const DAY: &str = "2026-11-24";

/// The guide's command (G3.3), flag for flag.
const GUIDE: &[&str] = &[
    "--name",
    "mi-cluster",
    "--region",
    "us-east-1",
    "--nodegroup-name",
    "workers",
    "--node-type",
    "t3.medium",
    "--nodes",
    "3",
    "--nodes-min",
    "1",
    "--nodes-max",
    "5",
];

/// How the operator reaches the API server, a choice the guide's command does not make: added
/// to every run that does not give `--private` or `--public-access-cidrs` itself.
const ENDPOINT: &[&str] = &["--public-access-cidrs", "203.0.113.0/24"];

/// Flag combinations on top of the guide's command (and [`ENDPOINT`]).
const MATRIX: &[&[&str]] = &[
    &[],
    &["--private"],
    &["--public-access-cidrs", "203.0.113.0/24,198.51.100.7/32"],
    &["--karpenter"],
    &["--spot", "--instance-types", "m5.large,m5a.large,m6i.large"],
    &["--version", "1.34", "--zones", "us-east-1a,us-east-1b,us-east-1c"],
    &["--kms-key-arn", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    &["--account-id", "123456789012", "--tags", "env=prod,owner=platform", "--namespaces", "shop,payments"],
    &["--node-type", "m6g.large", "--karpenter", "--private", "--namespaces", "team-a"],
    &["--version", "1.32", "--extended-support"],
    &["--webhook"],
    &["--webhook", "--scan-cronjob"],
];

fn ladrillo() -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    c
}

/// The guide's flags without those `extra` gives again, and the endpoint when `extra` does not
/// choose one.
fn guide_with(extra: &[&str]) -> Vec<&'static str> {
    let mut args: Vec<&str> =
        GUIDE.chunks(2).filter(|pair| !extra.contains(&pair[0])).flatten().copied().collect();
    if !extra.iter().any(|a| *a == "--private" || *a == "--public-access-cidrs") {
        args.extend(ENDPOINT);
    }
    args
}

/// Runs `ladrillo init` with the guide's flags plus `extra` into a fresh directory.
fn init(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    init_in("en", extra)
}

/// [`init`] in a language (`--lang`).
fn init_in(lang: &str, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle");
    let args = guide_with(extra);
    let wrote = if lang == "es" { "escritos" } else { "wrote" };
    ladrillo()
        .args(["--lang", lang, "init"])
        .args(&args)
        .args(extra)
        .args(["--date", DAY, "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(wrote));
    (dir, out)
}

fn scan_json(dir: &Path) -> Value {
    let out = ladrillo()
        // The bundle's own .ladrillo.yaml applies; it selects every rule too.
        .args(["scan", "--select", "all", "--date", DAY, "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// Waivers the bundle carries on purpose, each with its reason in the file.
const EXPECTED_WAIVERS: &[&str] = &[
    "image-without-digest",
    "kube-system-write",
    "public-endpoint",
    "network-policy-selects-nothing",
    "unsupported-kubernetes-version",
];

fn assert_clean(dir: &Path, label: &str) {
    let report = scan_json(dir);
    let summary = &report["summary"];
    assert_eq!(summary["errors"], 0, "{label}: input errors: {:#}", report["errors"]);
    assert_eq!(summary["findings"], 0, "{label}: findings: {:#}", report["findings"]);
    assert!(summary["rules"].as_u64().unwrap() > 20, "{label}: too few rules ran");
    for s in report["suppressed"].as_array().unwrap() {
        let name = s["name"].as_str().unwrap();
        assert!(EXPECTED_WAIVERS.contains(&name), "{label}: unexpected waived finding {s:#}");
    }
    // The eksctl file and the Terraform are read as clusters, not skipped.
    assert!(summary["files"].as_u64().unwrap() >= 16, "{label}: {summary}");
}

#[test]
fn the_guide_command_and_a_matrix_of_flags_scan_clean() {
    for extra in MATRIX {
        let (_dir, out) = init(extra);
        let label = format!("{extra:?}");
        assert_clean(&out, &label);
        no_replicas_beside_an_hpa(&out, &label);
        // Every node group, Karpenter's pools included, is shown with the cluster it belongs to.
        let report = scan_json(&out);
        for c in report["summary"]["capacity"].as_array().unwrap() {
            assert_eq!(c["cluster"], "mi-cluster", "{label}: {c:#}");
        }
    }
}

/// An HPA owns its target's replica count: `replicas` beside it would reset it at every apply.
fn no_replicas_beside_an_hpa(out: &Path, label: &str) {
    let docs: Vec<Value> = walk(&out.join("manifests"))
        .iter()
        .flat_map(|f| yaml_documents(&out.join("manifests").join(f)))
        .collect();
    let mut targets = 0;
    for hpa in docs.iter().filter(|d| d["kind"] == "HorizontalPodAutoscaler") {
        let target = &hpa["spec"]["scaleTargetRef"];
        let workload = docs
            .iter()
            .find(|d| {
                d["kind"] == target["kind"]
                    && d["metadata"]["name"] == target["name"]
                    && d["metadata"]["namespace"] == hpa["metadata"]["namespace"]
            })
            .unwrap_or_else(|| panic!("{label}: the HPA's target is not in the bundle: {target}"));
        assert!(workload["spec"].get("replicas").is_none(), "{label}: replicas beside an HPA");
        targets += 1;
    }
    assert!(targets >= 1, "{label}: no HPA checked");
}

/// `--scan-cronjob` adds the in-cluster scan as `deploy/` ships it: the same two files, under
/// `manifests/` and in the kustomization; its pods are admitted at restricted.
#[test]
fn the_scan_cronjob_is_the_shipped_one_and_restricted() {
    let (_dir, out) = init(&["--scan-cronjob"]);
    let kustomization = common::read(&out.join("manifests/kustomization.yaml"));
    for f in ["ladrillo-scan-rbac.yaml", "ladrillo-scan-cronjob.yaml"] {
        let shipped = common::read(&common::root().join("deploy").join(f));
        assert_eq!(common::read(&out.join("manifests").join(f)), shipped, "{f}");
        assert!(kustomization.contains(&format!("  - {f}\n")), "{kustomization}");
    }
    ladrillo()
        .args(["pss", "--level", "restricted", "--no-config"])
        .arg(out.join("manifests/ladrillo-scan-cronjob.yaml"))
        .assert()
        .code(0);
    assert!(common::read(&out.join("README.md")).contains("kubectl get policyreports -A"));
}

#[test]
fn same_input_same_bytes() {
    let (_a, one) = init(&["--karpenter", "--tags", "b=2,a=1"]);
    let (_b, two) = init(&["--karpenter", "--tags", "b=2,a=1"]);
    let files = walk(&one);
    assert_eq!(files, walk(&two));
    for f in files {
        assert_eq!(std::fs::read(one.join(&f)).unwrap(), std::fs::read(two.join(&f)).unwrap(), "{f}");
    }
}

fn walk(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn refuses_a_non_empty_directory_and_never_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("notes.txt");
    std::fs::write(&mine, "mine").unwrap();
    ladrillo()
        .arg("init")
        .args(guide_with(&[]))
        .args(["--date", DAY, "--out"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not empty").and(predicate::str::contains("--force")));
    assert!(!dir.path().join("README.md").exists());
    let stale = dir.path().join("manifests/app.yaml");
    std::fs::create_dir_all(stale.parent().unwrap()).unwrap();
    std::fs::write(&stale, "old").unwrap();
    ladrillo()
        .arg("init")
        .args(guide_with(&[]))
        .args(["--date", DAY, "--force", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "mine");
    assert!(std::fs::read_to_string(&stale).unwrap().contains("kind: Deployment"));
}

#[test]
fn invalid_flags_are_clear_errors() {
    let cases: &[(&[&str], &str)] = &[
        (&["--nodes", "9"], "keep min ≤ desired ≤ max"),
        (&["--node-type", "t3.medum"], "did you mean t3.medium"),
        (&["--region", "us-east"], "not an AWS region"),
        (
            &["--version", "1.33"],
            "left EKS standard support on 2026-07-29; use 1.35 or 1.34, or add --extended-support",
        ),
        (&["--version", "1.30", "--extended-support"], "left EKS extended support on 2026-07-23"),
        (&["--private", "--region", "eu-south-1"], "fully private clusters in eu-south-1"),
        (&["--public-access-cidrs", "10.0.0.0/16"], "not a public address range"),
        (&["--version", "2.0"], "not a Kubernetes version"),
        (&["--public-access-cidrs", "0.0.0.0/0"], "large part of the internet"),
        (&["--zones", "us-east-1a"], "at least two availability zones"),
        (&["--spot"], "at least two instance types"),
        (&["--kms-key-arn", "arn:aws:kms:eu-west-1:123456789012:key/x"], "cluster's region us-east-1"),
        (&["--namespaces", "kube-system"], "reserved"),
        (&["--tags", "novalue"], "not key=value"),
    ];
    for (extra, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        ladrillo()
            .arg("init")
            .args(guide_with(extra))
            .args(*extra)
            .args(["--date", DAY, "--out"])
            .arg(dir.path().join("b"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message));
        assert!(!dir.path().join("b").exists(), "{extra:?} wrote files");
    }
    ladrillo()
        .args(["init", "--region", "us-east-1", "--date", DAY])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--name is required"));
    // The guide's command alone does not say how the operator reaches the API server.
    let dir = tempfile::tempdir().unwrap();
    ladrillo()
        .arg("init")
        .args(GUIDE)
        .args(["--date", DAY, "--out"])
        .arg(dir.path().join("b"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("choose how you will reach the API server")
                .and(predicate::str::contains("--public-access-cidrs"))
                .and(predicate::str::contains("--private")),
        );
    assert!(!dir.path().join("b").exists());
}

/// An eksctl config with most of the insecure defaults and choices `--from` must fix.
const INSECURE_EKSCTL: &str = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: legacy\n  region: eu-west-1\n  version: \"1.27\"\n  tags:\n    team: data\nvpc:\n  publicAccessCIDRs: [\"0.0.0.0/0\"]\niamIdentityMappings:\n  - arn: arn:aws:iam::111122223333:root\n    groups: [\"system:masters\"]\nnodeGroups:\n  - name: ng-1\n    instanceType: m5.xlarge\n    desiredCapacity: 3\n    minSize: 2\n    maxSize: 6\n    volumeEncrypted: false\n    ssh:\n      allow: true\n";

#[test]
fn hardening_an_insecure_eksctl_config_gives_a_clean_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("cluster.yaml");
    std::fs::write(&config, INSECURE_EKSCTL).unwrap();
    // The input itself is insecure: the scan says so.
    let before = scan_json(dir.path());
    assert!(before["summary"]["findings"].as_u64().unwrap() >= 5, "{:#}", before["summary"]);
    let out = dir.path().join("hardened");
    // The file's open endpoint needs the operator's choice.
    ladrillo()
        .args(["init", "--from"])
        .arg(&config)
        .args(["--date", DAY, "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("choose how you will reach the API server"));
    ladrillo()
        .args(["init", "--from"])
        .arg(&config)
        .args(ENDPOINT)
        .args(["--date", DAY, "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("hardened")
                .and(predicate::str::contains("open only to the ranges given with --public-access-cidrs"))
                .and(predicate::str::contains("iamIdentityMappings"))
                .and(predicate::str::contains("ssh.allow")),
        );
    let eksctl = std::fs::read_to_string(out.join("eksctl/cluster.yaml")).unwrap();
    assert!(eksctl.contains("name: \"legacy\"") && eksctl.contains("instanceType: \"m5.xlarge\""));
    assert!(eksctl.contains("team") && eksctl.contains("maxSize: 6"));
    assert_clean(&out, "--from");
}

/// `--from` reads the file as `scan` does: a value eksctl would reject stops `init` with its
/// position instead of being dropped, and nothing is written.
#[test]
fn from_a_mistyped_config_is_an_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("cluster.yml");
    std::fs::write(&config, INSECURE_EKSCTL.replace("desiredCapacity: 3", "desiredCapacity: three")).unwrap();
    ladrillo()
        .args(["init", "--from"])
        .arg(&config)
        .args(["--date", DAY, "--out"])
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cluster.yml:17:22"));
    assert!(!dir.path().join("out").exists());
    ladrillo()
        .args(["init", "--from"])
        .arg(dir.path().join("missing.yaml"))
        .args(["--date", DAY, "--out"])
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.yaml"));
}

/// The example application is reachable by what is meant to call it, a frontend labelled
/// `app: frontend` in its namespace (both the backend's ingress and the frontend's egress are
/// open), and by nothing else.
#[test]
fn the_example_application_is_reachable_from_its_frontend_only() {
    for (extra, ns) in [(&[][..], "mi-app"), (&["--namespaces", "shop,payments"][..], "shop")] {
        let (dir, out) = init(extra);
        let pod = |name: &str, labels: &str| {
            format!(
                "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  namespace: {ns}\n  labels: {{{labels}}}\nspec:\n  containers:\n    - name: c\n      image: example\n"
            )
        };
        let callers = dir.path().join("callers.yaml");
        std::fs::write(&callers, pod("frontend", "app: frontend") + &pod("other", "app: other")).unwrap();
        let explain = |src: &str| {
            ladrillo()
                .args(["netpol", "explain", &format!("{ns}/{src}"), &format!("{ns}/mi-app"), "8080", "-f"])
                .arg(out.join("manifests"))
                .arg("-f")
                .arg(&callers)
                .assert()
        };
        explain("frontend").code(0);
        explain("other").code(1);
    }
}

#[test]
fn the_eksctl_file_validates_against_the_eksctl_schema() {
    let mut schema: Value =
        serde_json::from_str(&common::read(&common::root().join("tests/data/eksctl-schema.json"))).unwrap();
    // Its `$ref`s hold a raw `|` (Go package paths), which is not a valid URI reference.
    escape_refs(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for extra in MATRIX {
        let (_dir, out) = init(extra);
        let doc = yaml_documents(&out.join("eksctl/cluster.yaml"));
        assert_eq!(doc.len(), 1);
        let errors: Vec<String> =
            validator.iter_errors(&doc[0]).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{extra:?}: {errors:#?}");
    }
}

fn escape_refs(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                match x {
                    Value::String(s) if k == "$ref" => *s = s.replace('|', "%7C"),
                    _ => escape_refs(x),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(escape_refs),
        _ => {}
    }
}

fn yaml_documents(path: &Path) -> Vec<Value> {
    let stream = ladrillo::document::yaml::parse(&common::read(path));
    assert!(stream.errors.is_empty(), "{}: {:?}", path.display(), stream.errors);
    stream.documents.iter().filter(|d| !d.root.is_null()).map(|d| d.root.to_json()).collect()
}

/// Serves the vendored Kubernetes schemas of one version to `$ref` resolution.
struct LocalSchemas(PathBuf);

impl jsonschema::Retrieve for LocalSchemas {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.path().as_str().rsplit('/').next().unwrap_or_default().to_string();
        let text = std::fs::read_to_string(self.0.join(&name))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// The schema file of a kind (`deployment-apps-v1.json`), as kubernetes-validate names them.
fn schema_file(api_version: &str, kind: &str) -> String {
    let kind = kind.to_ascii_lowercase();
    match api_version.split_once('/') {
        Some((group, version)) => {
            format!("{kind}-{}-{version}.json", group.split('.').next().unwrap_or(group))
        }
        None => format!("{kind}-{api_version}.json"),
    }
}

/// Kinds defined by CustomResourceDefinitions, which the Kubernetes schemas do not cover.
const CRD_GROUPS: &[&str] = &[
    "secrets-store.csi.x-k8s.io",
    "karpenter.sh",
    "karpenter.k8s.aws",
    "kustomize.config.k8s.io",
    "cert-manager.io",
];

/// Validates each document against the strict schema of its kind in `version`; returns how many
/// were checked (CRD kinds are not).
fn validate_documents(label: &str, docs: &[Value], version: &str) -> usize {
    let dir = common::root().join("tests/data/kubernetes-json-schema").join(version);
    let mut checked = 0;
    for doc in docs {
        let api = doc["apiVersion"].as_str().unwrap();
        let kind = doc["kind"].as_str().unwrap();
        if CRD_GROUPS.iter().any(|g| api.starts_with(&format!("{g}/"))) {
            continue;
        }
        let path = dir.join(schema_file(api, kind));
        let schema: Value = serde_json::from_str(&common::read(&path)).unwrap();
        let validator = jsonschema::options()
            .with_retriever(LocalSchemas(dir.clone()))
            .build(&schema)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let errors: Vec<String> =
            validator.iter_errors(doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{label} {kind} {}: {errors:#?}", doc["metadata"]["name"]);
        checked += 1;
    }
    checked
}

#[test]
fn every_manifest_validates_against_the_kubernetes_schema_of_its_version() {
    for extra in [
        &[][..],
        &["--karpenter", "--version", "1.34"][..],
        &["--namespaces", "a,b,c"][..],
        &["--webhook"][..],
    ] {
        let (_dir, out) = init(extra);
        let version = if extra.contains(&"1.34") { "v1.34.0-local-strict" } else { "v1.35.0-local-strict" };
        let mut checked = 0;
        for file in walk(&out.join("manifests")) {
            let docs = yaml_documents(&out.join("manifests").join(&file));
            checked += validate_documents(&file, &docs, version);
        }
        assert!(checked >= 10, "only {checked} objects checked");
    }
}

#[test]
fn the_webhook_manifests_and_the_deploy_files_validate_against_the_kubernetes_schema() {
    let dir = tempfile::tempdir().unwrap();
    for (name, extra) in [("cert-manager", &[][..]), ("no-cert-manager", &["--no-cert-manager"][..])] {
        let output = ladrillo().args(["webhook", "manifests"]).args(extra).output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&path, &output.stdout).unwrap();
        let docs = yaml_documents(&path);
        let kinds: Vec<&str> = docs.iter().filter_map(|d| d["kind"].as_str()).collect();
        for kind in
            ["ValidatingWebhookConfiguration", "Deployment", "Service", "ClusterRole", "ClusterRoleBinding"]
        {
            assert!(kinds.contains(&kind), "{name}: no {kind} in {kinds:?}");
        }
        assert!(validate_documents(name, &docs, "v1.35.0-local-strict") >= 10);
    }
    let deploy = common::root().join("deploy");
    let mut checked = 0;
    for file in walk(&deploy).iter().filter(|f| f.ends_with(".yaml")) {
        checked += validate_documents(file, &yaml_documents(&deploy.join(file)), "v1.35.0-local-strict");
    }
    assert!(checked >= 5, "only {checked} objects of deploy/ checked");
}

#[test]
fn terraform_is_fmt_clean() {
    let Ok(status) = std::process::Command::new("terraform").arg("version").output() else {
        // CI installs terraform (.ci/run): there, a missing terraform is a failure, not a pass.
        assert!(std::env::var_os("CI").is_none(), "terraform is not installed (CI=true): see .ci/run");
        eprintln!("terraform not installed: not checked (CI installs it)");
        return;
    };
    assert!(status.status.success());
    for extra in MATRIX {
        let (_dir, out) = init(extra);
        let fmt = std::process::Command::new("terraform")
            .args(["fmt", "-check", "-diff", "-recursive"])
            .current_dir(out.join("terraform"))
            .output()
            .unwrap();
        assert!(fmt.status.success(), "{extra:?}:\n{}", String::from_utf8_lossy(&fmt.stdout));
    }
}

fn clusters_of(files: &[PathBuf]) -> Vec<ladrillo::model::cluster::Cluster> {
    let sources: Vec<_> =
        files.iter().map(|f| common::source(&f.display().to_string(), &common::read(f))).collect();
    let built = ladrillo::input::clusters(&sources);
    assert!(built.errors.is_empty(), "{:?}", built.errors);
    built.clusters
}

#[test]
fn the_terraform_is_the_same_cluster_as_the_eksctl_file() {
    for extra in MATRIX {
        let (_dir, out) = init(extra);
        let eksctl = clusters_of(&[out.join("eksctl/cluster.yaml")]);
        let tf: Vec<PathBuf> = ["versions.tf", "variables.tf", "main.tf", "outputs.tf"]
            .iter()
            .map(|f| out.join("terraform").join(f))
            .collect();
        let terraform = clusters_of(&tf);
        assert_eq!((eksctl.len(), terraform.len()), (1, 1), "{extra:?}");
        let mut diff = ladrillo::model::cluster::differences(&eksctl[0], &terraform[0]);
        // Without --kms-key-arn, eksctl names the key the README creates and Terraform the key
        // it creates itself: two keys by design. With the flag both name the same ARN.
        if !extra.contains(&"--kms-key-arn") {
            diff.retain(|d| !(d.starts_with(".secrets_key:") && d.ends_with("\"aws_kms_key.secrets.arn\"")));
        }
        assert!(diff.is_empty(), "{extra:?}: eksctl and Terraform disagree:\n{}", diff.join("\n"));
    }
}

/// The files of a bundle directory, path → contents.
fn bundle_files(dir: &Path) -> std::collections::BTreeMap<String, String> {
    walk(dir).into_iter().map(|f| (f.clone(), common::read(&dir.join(&f)))).collect()
}

/// How `other` differs from `base`, file by file, as unified diffs (new files in full).
fn bundle_diff(
    base: &std::collections::BTreeMap<String, String>,
    other: &std::collections::BTreeMap<String, String>,
) -> String {
    let mut out = String::new();
    for (path, text) in other {
        match base.get(path) {
            Some(b) if b == text => {}
            Some(b) => {
                let diff = similar::TextDiff::from_lines(b.as_str(), text.as_str());
                out.push_str(&diff.unified_diff().context_radius(2).header(path, path).to_string());
            }
            None => out.push_str(&format!("+++ new file {path}\n{text}")),
        }
    }
    for path in base.keys().filter(|p| !other.contains_key(*p)) {
        out.push_str(&format!("--- no file {path}\n"));
    }
    out
}

/// Byte-for-byte golden output of every matrix combination and of `--from`: each snapshot is
/// the difference from the guide's bundle, whose every file is snapshotted in full below, so
/// together they pin every byte of every bundle.
#[test]
fn every_matrix_bundle_is_golden() {
    let (_g, guide) = init(&[]);
    let base = bundle_files(&guide);
    for (i, extra) in MATRIX.iter().enumerate().skip(1) {
        let (_dir, out) = init(extra);
        let diff = bundle_diff(&base, &bundle_files(&out));
        insta::with_settings!({ description => extra.join(" "), omit_expression => true }, {
            insta::assert_snapshot!(format!("matrix-{i}"), diff);
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("cluster.yaml");
    std::fs::write(&config, INSECURE_EKSCTL).unwrap();
    let out = dir.path().join("hardened");
    ladrillo()
        .args(["init", "--from"])
        .arg(&config)
        .args(ENDPOINT)
        .args(["--date", DAY, "--out"])
        .arg(&out)
        .assert()
        .success();
    insta::assert_snapshot!("from-insecure", bundle_diff(&base, &bundle_files(&out)));
}

/// The guide's cluster: its name, region, node group and a restricted public endpoint.
fn guide_profile() -> ladrillo::generate::Profile {
    let request = ladrillo::generate::Request {
        name: Some("mi-cluster".into()),
        region: Some("us-east-1".into()),
        nodegroup_name: Some("workers".into()),
        node_type: Some("t3.medium".into()),
        nodes: Some(3),
        nodes_min: Some(1),
        nodes_max: Some(5),
        public_access_cidrs: ENDPOINT[1..].iter().map(|c| (*c).to_string()).collect(),
        ..ladrillo::generate::Request::default()
    };
    ladrillo::generate::Profile::new(&request, common::test_day()).unwrap()
}

/// Every file of the guide's bundle, for review of wording and layout (`cargo insta review`).
#[test]
fn the_guide_bundle_snapshot() {
    let profile = guide_profile();
    for file in ladrillo::generate::bundle(&profile, ladrillo::i18n::Lang::En) {
        let name = format!("guide-{}", file.path.replace(['/', '.'], "_"));
        insta::assert_snapshot!(name, file.contents);
    }
}

/// Flag combinations whose Spanish bundles are checked: between them they use every message of
/// `generate.ftl` but the `--from` and `--no-cert-manager` ones.
const SPANISH_MATRIX: &[&[&str]] = &[
    &[],
    &["--private", "--karpenter", "--spot", "--instance-types", "m5.large,m5a.large,m6i.large"],
    &[
        "--version",
        "1.32",
        "--extended-support",
        "--webhook",
        "--scan-cronjob",
        "--zones",
        "us-east-1a,us-east-1b",
    ],
    &[
        "--kms-key-arn",
        "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "--account-id",
        "123456789012",
        "--tags",
        "env=prod",
        "--private",
    ],
];

/// A file with its prose taken out: comment lines dropped, and the values of the keys that hold
/// prose (Terraform descriptions and validation messages, waiver reasons) blanked.
fn without_prose(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        let prose_key = ["description", "error_message", "reason:", "ladrillo.dev/ignore-reason:"]
            .iter()
            .any(|k| trimmed.starts_with(k));
        let kept = if prose_key { line.split([':', '=']).next().unwrap_or(line) } else { line };
        out.push_str(kept.trim_end());
        out.push('\n');
    }
    out
}

/// The fenced code blocks of a Markdown text, fences included.
fn code_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut open: Option<String> = None;
    for line in markdown.lines() {
        let fence = line.trim_start().starts_with("```");
        match (&mut open, fence) {
            (None, true) => open = Some(format!("{line}\n")),
            (Some(block), true) => {
                block.push_str(line);
                blocks.extend(open.take());
            }
            (Some(block), false) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, false) => {}
        }
    }
    blocks
}

/// `init --lang es`: the same files as in English, the same YAML and HCL once comments and prose
/// values are set aside (identifiers, fields, names and commands untranslated), every YAML
/// document parses, the Terraform is `terraform fmt`-clean, and the bundle passes its own audit.
#[test]
fn the_spanish_bundle_is_the_english_one_with_spanish_prose() {
    let terraform = std::process::Command::new("terraform").arg("version").output().is_ok();
    assert!(terraform || std::env::var_os("CI").is_none(), "terraform is not installed (CI=true)");
    for extra in SPANISH_MATRIX {
        let label = format!("es {extra:?}");
        let (_a, en) = init(extra);
        let (_b, es) = init_in("es", extra);
        assert_clean(&es, &label);
        let (en_files, es_files) = (bundle_files(&en), bundle_files(&es));
        assert_eq!(en_files.keys().collect::<Vec<_>>(), es_files.keys().collect::<Vec<_>>(), "{label}");
        let mut translated = 0;
        for (path, english) in &en_files {
            let spanish = &es_files[path];
            if path == "README.md" {
                assert!(code_blocks(english).len() >= 3, "{label}: README without commands");
                assert_eq!(code_blocks(english), code_blocks(spanish), "{label}: README commands");
            } else {
                assert_eq!(without_prose(english), without_prose(spanish), "{label}: {path}");
            }
            if path.ends_with(".yaml") {
                assert!(!yaml_documents(&es.join(path)).is_empty(), "{label}: {path}");
            }
            translated += usize::from(english != spanish);
        }
        // Every file but the IAM JSON documents carries prose.
        let json = en_files.keys().filter(|p| p.ends_with(".json")).count();
        assert_eq!(translated, en_files.len() - json, "{label}");
        if terraform {
            let fmt = std::process::Command::new("terraform")
                .args(["fmt", "-check", "-diff", "-recursive"])
                .current_dir(es.join("terraform"))
                .output()
                .unwrap();
            assert!(fmt.status.success(), "{label}:\n{}", String::from_utf8_lossy(&fmt.stdout));
        }
    }
}

/// `webhook manifests --lang es`: the English objects with Spanish comments, clean under the scan.
#[test]
fn the_spanish_webhook_manifests_scan_clean() {
    let dir = tempfile::tempdir().unwrap();
    for extra in [&[][..], &["--no-cert-manager"][..]] {
        let run = |lang: &str| {
            let out = ladrillo().args(["--lang", lang, "webhook", "manifests"]).args(extra).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8(out.stdout).unwrap()
        };
        let (en, es) = (run("en"), run("es"));
        assert_ne!(en, es);
        assert_eq!(without_prose(&en), without_prose(&es), "{extra:?}");
        let path = dir.path().join("webhook.yaml");
        std::fs::write(&path, &es).unwrap();
        assert!(validate_documents("es", &yaml_documents(&path), "v1.35.0-local-strict") >= 10);
        let report = scan_json(dir.path());
        assert_eq!(report["summary"]["findings"], 0, "{extra:?}: {:#}", report["findings"]);
        assert_eq!(report["summary"]["errors"], 0, "{extra:?}: {:#}", report["errors"]);
    }
}

/// Every file of the guide's bundle in Spanish that differs from the English one, for review of
/// the wording (`cargo insta review`); the IAM JSON documents are the same in both languages.
#[test]
fn the_guide_bundle_snapshot_in_spanish() {
    let profile = guide_profile();
    let english = ladrillo::generate::bundle(&profile, ladrillo::i18n::Lang::En);
    let spanish = ladrillo::generate::bundle(&profile, ladrillo::i18n::Lang::Es);
    assert_eq!(english.len(), spanish.len());
    let mut same = Vec::new();
    for (en, es) in english.iter().zip(&spanish) {
        assert_eq!(en.path, es.path);
        if en.contents == es.contents {
            same.push(en.path.clone());
            continue;
        }
        let name = format!("guide-es-{}", es.path.replace(['/', '.'], "_"));
        insta::assert_snapshot!(name, es.contents);
    }
    assert!(same.iter().all(|p| p.starts_with("iam/") && p.ends_with(".json")), "{same:?}");
}
