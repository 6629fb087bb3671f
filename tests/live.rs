//! `scan --cluster` against a loopback Kubernetes API server (tests/live/apiserver.rs): the real
//! kube client, a real kubeconfig, TLS with a CA made for the test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

#[path = "live/apiserver.rs"]
mod apiserver;
mod common;

use std::collections::BTreeSet;

use apiserver::{FakeApi, Fault, Setup};
use assert_cmd::Command;
use serde_json::{Value, json};

fn ladrillo() -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE").env_remove("KUBECONFIG");
    c.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    c
}

/// The objects of a YAML stream, as JSON (read by ladrillo's own YAML reader).
fn objects(text: &str) -> Vec<Value> {
    let stream = ladrillo::document::yaml::parse(text);
    stream.documents.iter().filter(|d| !d.root.is_null()).map(|d| d.root.to_json()).collect()
}

struct Run {
    api: FakeApi,
    dir: tempfile::TempDir,
}

impl Run {
    fn new(setup: Setup) -> Run {
        let api = FakeApi::start(setup);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("kubeconfig"), api.kubeconfig("prod")).unwrap();
        Run { api, dir }
    }

    fn kubeconfig(&self) -> String {
        self.dir.path().join("kubeconfig").display().to_string()
    }

    fn scan(&self, extra: &[&str]) -> std::process::Output {
        ladrillo()
            .current_dir(self.dir.path())
            .args(["scan", "--cluster", "--kubeconfig", &self.kubeconfig(), "--no-config"])
            .args(extra)
            .output()
            .unwrap()
    }
}

fn fixture() -> String {
    common::read(&common::root().join("tests/live/cluster.yaml"))
}

/// What the controllers made: the Deployment's ReplicaSet and two Pods, the CronJob's Job and
/// its Pod, each with its controller as owner and the controller's pod template.
fn replicas(objects: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for o in objects {
        let (kind, name, ns) =
            (&o["kind"], o["metadata"]["name"].as_str().unwrap(), &o["metadata"]["namespace"]);
        let owner = |kind: &str, name: &str, uid: &str| json!([{ "apiVersion": "apps/v1", "kind": kind, "name": name, "uid": uid, "controller": true }]);
        if kind == "Deployment" {
            let rs = format!("{name}-5d4f8");
            let rs_uid = format!("uid-{rs}");
            out.push(json!({
                "apiVersion": "apps/v1", "kind": "ReplicaSet",
                "metadata": { "name": rs, "namespace": ns, "uid": rs_uid, "ownerReferences": owner("Deployment", name, o["metadata"]["uid"].as_str().unwrap()) },
                "spec": { "replicas": 2, "selector": o["spec"]["selector"], "template": o["spec"]["template"] },
            }));
            for i in 0..2 {
                let mut pod = json!({
                    "apiVersion": "v1", "kind": "Pod",
                    "metadata": { "name": format!("{rs}-{i}"), "namespace": ns, "ownerReferences": owner("ReplicaSet", &rs, &rs_uid) },
                    "spec": o["spec"]["template"]["spec"],
                });
                pod["metadata"]["labels"] = o["spec"]["template"]["metadata"]["labels"].clone();
                out.push(pod);
            }
        }
        if kind == "CronJob" {
            let job = format!("{name}-28000000");
            let job_uid = format!("uid-{job}");
            let template = &o["spec"]["jobTemplate"]["spec"]["template"];
            out.push(json!({
                "apiVersion": "batch/v1", "kind": "Job",
                "metadata": { "name": job, "namespace": ns, "uid": job_uid, "ownerReferences": owner("CronJob", name, o["metadata"]["uid"].as_str().unwrap()) },
                "spec": { "template": template },
            }));
            out.push(json!({
                "apiVersion": "v1", "kind": "Pod",
                "metadata": { "name": format!("{job}-x1"), "namespace": ns, "ownerReferences": owner("Job", &job, &job_uid) },
                "spec": template["spec"],
            }));
        }
    }
    out
}

/// (rule, object, field path, message) of every finding of a JSON report.
fn findings(report: &Value) -> BTreeSet<(String, String, String, String)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let o = &f["object"];
            let object = format!("{} {}/{}", o["kind"], o["namespace"], o["name"]);
            (f["rule"].to_string(), object, f["path"].to_string(), f["message"].to_string())
        })
        .collect()
}

fn json_out(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    })
}

#[test]
fn a_live_scan_finds_what_the_file_scan_of_the_same_objects_finds() {
    let text = fixture();
    let manifests = objects(&text);
    let mut served = manifests.clone();
    served.extend(replicas(&manifests));
    let run = Run::new(Setup { objects: served.clone(), ..Setup::default() });
    let live = run.scan(&["--select", "all", "--format", "json"]);
    let live_report = json_out(&live);
    let file = run.dir.path().join("cluster.yaml");
    std::fs::write(&file, &text).unwrap();
    let files = ladrillo()
        .current_dir(run.dir.path())
        .args(["scan", "--no-config", "--select", "all", "--format", "json", "cluster.yaml"])
        .output()
        .unwrap();
    let file_report = json_out(&files);
    let (live_set, file_set) = (findings(&live_report), findings(&file_report));
    assert!(file_set.len() > 10, "the fixture should trip many rules: {file_set:#?}");
    let only_live: Vec<_> = live_set.difference(&file_set).collect();
    let only_file: Vec<_> = file_set.difference(&live_set).collect();
    assert!(
        only_live.is_empty() && only_file.is_empty(),
        "only live: {only_live:#?}\nonly in files: {only_file:#?}"
    );
    // Replicas are reported on their controllers: no finding names a ReplicaSet, a Job or an owned Pod.
    assert!(live_set.iter().all(|(_, o, _, _)| !o.contains("5d4f8") && !o.contains("28000000")));
    // Findings name the cluster, not a file, and have no line.
    let first = &live_report["findings"][0];
    assert!(first["file"].as_str().unwrap().starts_with("cluster prod: "), "{first}");
    assert!(first["line"].is_null());
    assert_eq!(live_report["summary"]["cluster"], "prod");
    assert_eq!(live_report["summary"]["objects"], file_report["summary"]["objects"]);
    assert_eq!(live.status.code(), files.status.code());
    // The same objects exported in one file, replicas included (`kubectl get -A -o json`): the
    // replicas go to their controllers as they do live, and both say how many were left out.
    let list = serde_json::json!({ "apiVersion": "v1", "kind": "List", "items": served });
    std::fs::write(run.dir.path().join("export.json"), list.to_string()).unwrap();
    let exported = ladrillo()
        .current_dir(run.dir.path())
        .args(["scan", "--no-config", "--select", "all", "--format", "json", "export.json"])
        .output()
        .unwrap();
    let export_report = json_out(&exported);
    assert_eq!(findings(&export_report), file_set);
    assert!(live_report["summary"]["owned"].as_u64().is_some_and(|n| n > 0), "{}", live_report["summary"]);
    assert_eq!(export_report["summary"]["owned"], live_report["summary"]["owned"]);
    assert_eq!(export_report["summary"]["objects"], file_report["summary"]["objects"]);
}

/// (rule, field path, message) of every finding, per object, in the report's order.
fn findings_in_order(report: &Value) -> std::collections::BTreeMap<String, Vec<(String, String, String)>> {
    let mut out: std::collections::BTreeMap<String, Vec<(String, String, String)>> = Default::default();
    for f in report["findings"].as_array().expect("findings") {
        let o = &f["object"];
        out.entry(format!("{} {}/{}", o["kind"], o["namespace"], o["name"])).or_default().push((
            f["rule"].to_string(),
            f["path"].to_string(),
            f["message"].to_string(),
        ));
    }
    out
}

#[test]
fn a_live_objects_findings_come_in_the_order_of_its_fields_as_in_the_file() {
    // Each listed item becomes the loader's text with its fields in the order the server sent
    // them (`managedFields` dropped, `apiVersion` and `kind` first): findings sort by position,
    // so one object's findings come in the same order as in the file scan of the same object.
    let text = fixture();
    let run = Run::new(Setup { objects: objects(&text), ..Setup::default() });
    let live = json_out(&run.scan(&["--select", "all", "--format", "json"]));
    std::fs::write(run.dir.path().join("cluster.yaml"), &text).unwrap();
    let files = ladrillo()
        .current_dir(run.dir.path())
        .args(["scan", "--no-config", "--select", "all", "--format", "json", "cluster.yaml"])
        .output()
        .unwrap();
    let (live, file) = (findings_in_order(&live), findings_in_order(&json_out(&files)));
    assert!(live.values().any(|f| f.len() > 3), "{live:#?}");
    assert_eq!(live, file);
}

#[test]
fn lists_are_read_page_by_page_and_only_with_get_requests_for_known_kinds() {
    let mut objects: Vec<Value> = (0..1201)
        .map(|i| json!({ "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": format!("cm-{i:04}"), "namespace": "shop" }, "data": { "k": "v" } }))
        .collect();
    objects.push(json!({ "apiVersion": "v1", "kind": "Namespace", "metadata": { "name": "shop" } }));
    let run = Run::new(Setup { objects, ..Setup::default() });
    let out = run.scan(&["--format", "json"]);
    let report = json_out(&out);
    assert_eq!(report["summary"]["objects"], 1202, "{}", String::from_utf8_lossy(&out.stderr));
    let requests = run.api.requests();
    let pages: Vec<&apiserver::Recorded> =
        requests.iter().filter(|r| r.path == "/api/v1/configmaps").collect();
    assert_eq!(pages.len(), 3, "{pages:#?}");
    assert_eq!(pages[0].query, "limit=500");
    assert_eq!(pages[1].query, "limit=500&continue=offset-500");
    assert_eq!(pages[2].query, "limit=500&continue=offset-1000");
    // Every request is discovery or a list of a kind the scan needs; Secrets are never asked for.
    let paths: BTreeSet<&str> = requests.iter().map(|r| r.path.as_str()).collect();
    assert!(paths.iter().all(|p| !p.contains("secrets")), "{paths:#?}");
    for p in &paths {
        assert!(*p == "/api" || *p == "/apis" || p.starts_with("/api/v1/") || p.starts_with("/apis/"), "{p}");
    }
    assert!(
        paths.contains("/apis/apps/v1/deployments")
            && paths.contains("/apis/autoscaling/v2/horizontalpodautoscalers")
    );
}

#[test]
fn secrets_are_listed_as_metadata_only_when_asked() {
    let secret = json!({ "apiVersion": "v1", "kind": "Secret", "type": "Opaque",
        "metadata": { "name": "db", "namespace": "shop", "labels": { "app": "db" } },
        "data": { "password": "c3VwZXJzZWNyZXQtdmFsdWU=" } });
    let run = Run::new(Setup { objects: vec![secret], ..Setup::default() });
    let out = run.scan(&["--include-secrets-metadata", "--select", "all", "--format", "json"]);
    let report = json_out(&out);
    assert_eq!(report["summary"]["objects"], 1);
    let secrets: Vec<apiserver::Recorded> =
        run.api.requests().into_iter().filter(|r| r.path.contains("secrets")).collect();
    assert_eq!(secrets.len(), 1);
    assert!(
        secrets[0].accept.starts_with("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"),
        "{secrets:?}"
    );
    let all = String::from_utf8_lossy(&out.stdout);
    assert!(!all.contains("c3VwZXJzZWNyZXQtdmFsdWU=") && !all.contains("supersecret"));
}

#[test]
fn namespaces_limit_the_lists() {
    let text = fixture();
    let run = Run::new(Setup { objects: objects(&text), ..Setup::default() });
    let out = run.scan(&["--namespace", "payments", "--format", "json"]);
    let report = json_out(&out);
    let requests = run.api.requests();
    assert!(requests.iter().any(|r| r.path == "/apis/apps/v1/namespaces/payments/deployments"));
    assert!(!requests.iter().any(|r| r.path == "/apis/apps/v1/deployments"));
    let objects: BTreeSet<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["object"]["namespace"].as_str().map(String::from))
        .collect();
    assert!(objects.iter().all(|ns| ns == "payments"), "{objects:?}");
    let bad = ladrillo().args(["scan", "--cluster", "--namespace", "Bad/NS"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a namespace name"));
}

#[test]
fn a_forbidden_kind_is_named_and_the_scan_is_incomplete() {
    let text = fixture();
    let mut setup = Setup { objects: objects(&text), ..Setup::default() };
    setup.faults.insert("clusterroles".into(), Fault::Forbidden);
    let run = Run::new(setup);
    let out = run.scan(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("not evaluated: clusterroles.rbac.authorization.k8s.io"), "{stdout}");
    assert!(stdout.contains("forbidden (403)"), "{stdout}");
}

/// Runs a scan against a server with one fault and returns (exit code, stdout, stderr).
fn with_fault(plural: &str, fault: Fault, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut setup = Setup { objects: objects(&fixture()), ..Setup::default() };
    setup.faults.insert(plural.into(), fault);
    let run = Run::new(setup);
    let out = run.scan(extra);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_kind_the_server_does_not_find_is_an_error() {
    let (code, stdout, _) = with_fault("networkpolicies", Fault::NotFound, &[]);
    assert_eq!(code, Some(2));
    assert!(
        stdout.contains("networkpolicies.networking.k8s.io not read: the API server answered 404"),
        "{stdout}"
    );
}

#[test]
fn a_slow_answer_times_out() {
    let (code, stdout, _) =
        with_fault("services", Fault::Slow(std::time::Duration::from_secs(5)), &["--timeout", "1"]);
    assert_eq!(code, Some(2));
    assert!(stdout.contains("services not read: no answer within 1 s (--timeout)"), "{stdout}");
}

#[test]
fn garbage_and_oversized_answers_are_refused() {
    let (code, stdout, _) = with_fault("deployments", Fault::Garbage, &[]);
    assert_eq!(code, Some(2));
    assert!(
        stdout.contains("the response for deployments.apps is not a Kubernetes API response"),
        "{stdout}"
    );
    let (code, stdout, _) = with_fault("configmaps", Fault::Huge(2 << 20), &["--max-response-mb", "1"]);
    assert_eq!(code, Some(2));
    assert!(stdout.contains("the response for configmaps is over 1 MB; not read"), "{stdout}");
}

#[test]
fn an_expired_continue_token_restarts_the_list() {
    let mut objects: Vec<Value> = (0..1200)
        .map(|i| json!({ "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": format!("cm-{i:04}"), "namespace": "shop" } }))
        .collect();
    objects.push(json!({ "apiVersion": "v1", "kind": "Namespace", "metadata": { "name": "shop" } }));
    let mut setup = Setup { objects, ..Setup::default() };
    setup.faults.insert("configmaps".into(), Fault::ExpireContinueOnce);
    let run = Run::new(setup);
    let out = run.scan(&["--format", "json", "--fail-on", "none"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json_out(&out)["summary"]["objects"], 1201);
    // page 1, page 2 (410), then pages 1-3 again.
    assert_eq!(run.api.requests().iter().filter(|r| r.path == "/api/v1/configmaps").count(), 5);
}

#[test]
fn refused_credentials_an_unreachable_server_and_a_wrong_ca_stop_the_scan() {
    let run = Run::new(Setup { unauthorized: true, ..Setup::default() });
    let out = run.scan(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot read the cluster: the API server refused the credentials (401 Unauthorized"),
        "{stderr}"
    );
    // The same kubeconfig once the server is gone.
    let kubeconfig = run.kubeconfig();
    let dir = run.dir;
    drop(run.api);
    let out =
        ladrillo().args(["scan", "--cluster", "--no-config", "--kubeconfig", &kubeconfig]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot read the cluster: cannot reach the API server"), "{stderr}");
    drop(dir);
    // A server whose certificate another CA signed.
    let (a, b) = (FakeApi::start(Setup::default()), FakeApi::start(Setup::default()));
    let dir = tempfile::tempdir().unwrap();
    let wrong = a.kubeconfig("prod").replace(&format!(":{}", a.addr.port()), &format!(":{}", b.addr.port()));
    std::fs::write(dir.path().join("kubeconfig"), wrong).unwrap();
    let out = ladrillo()
        .args(["scan", "--cluster", "--no-config", "--kubeconfig"])
        .arg(dir.path().join("kubeconfig"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot reach the API server") && stderr.contains("certificate"), "{stderr}");
}

#[test]
fn the_shipped_permissions_are_generated_from_the_code() {
    use ladrillo::live::permissions;
    for (file, text) in [
        ("deploy/ladrillo-scan-rbac.yaml", permissions::rbac_manifest(ladrillo::i18n::Lang::En)),
        ("deploy/ladrillo-eks-read-policy.json", permissions::iam_policy()),
        (
            "deploy/ladrillo-scan-cronjob.yaml",
            ladrillo::generate::scan_manifests::yaml(ladrillo::i18n::Lang::En),
        ),
    ] {
        let path = common::root().join(file);
        if std::env::var_os("LADRILLO_UPDATE_DOCS").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        assert_eq!(
            common::read(&path),
            text,
            "{file} is stale: LADRILLO_UPDATE_DOCS=1 cargo test --test live"
        );
    }
}

/// (group, plural) → verbs granted by the ClusterRole `name` of the shipped manifest.
fn granted(name: &str) -> std::collections::BTreeMap<(String, String), Vec<String>> {
    let text = common::read(&common::root().join("deploy/ladrillo-scan-rbac.yaml"));
    let role = objects(&text)
        .into_iter()
        .find(|o| o["kind"] == "ClusterRole" && o["metadata"]["name"] == name)
        .unwrap();
    let mut out = std::collections::BTreeMap::new();
    for rule in role["rules"].as_array().unwrap() {
        let verbs: Vec<String> =
            rule["verbs"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
        for g in rule["apiGroups"].as_array().unwrap() {
            for r in rule["resources"].as_array().unwrap() {
                out.insert((g.as_str().unwrap().to_string(), r.as_str().unwrap().to_string()), verbs.clone());
            }
        }
    }
    out
}

#[test]
fn the_shipped_cluster_role_grants_exactly_what_the_scan_lists() {
    let mut setup = Setup { objects: objects(&fixture()), ..Setup::default() };
    for g in ["karpenter.sh", "karpenter.k8s.aws", "gateway.networking.k8s.io"] {
        setup.extra_groups.push((g.into(), "v1".into()));
    }
    let run = Run::new(setup);
    let out = run.scan(&["--include-secrets-metadata", "--format", "json"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    let listed: BTreeSet<(String, String)> = run
        .api
        .requests()
        .iter()
        .filter(|r| r.path != "/api" && r.path != "/apis")
        .map(|r| {
            let parts: Vec<&str> = r.path.trim_start_matches('/').split('/').collect();
            let group = if parts[0] == "api" { String::new() } else { parts[1].to_string() };
            (group, parts.last().unwrap().to_string())
        })
        .collect();
    let scan = granted("ladrillo-scan");
    let secrets = granted("ladrillo-scan-secrets-metadata");
    for (group, plural) in &listed {
        let key = (group.clone(), plural.clone());
        let verbs = scan
            .get(&key)
            .or_else(|| secrets.get(&key))
            .unwrap_or_else(|| panic!("{key:?} is listed but not granted"));
        assert!(verbs.iter().any(|v| v == "list"), "{key:?}");
    }
    let unused: Vec<_> = scan.keys().chain(secrets.keys()).filter(|k| !listed.contains(*k)).collect();
    assert!(unused.is_empty(), "granted but never listed: {unused:?}");
    assert_eq!(secrets.len(), 1);
}

#[test]
fn the_scan_role_cannot_write_anything() {
    let out = ladrillo()
        .args(["rbac", "rules", "ServiceAccount:ladrillo/ladrillo-scan", "--no-config", "--format", "json"])
        .arg(common::root().join("deploy/ladrillo-scan-rbac.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json_out(&out);
    let rules = report["rules"].as_array().unwrap();
    // Besides what every authenticated subject gets from the default bindings (discovery,
    // self-reviews), only what the shipped binding grants.
    let (shipped, others): (Vec<&Value>, Vec<&Value>) =
        rules.iter().partition(|r| r["binding"] == "ClusterRoleBinding ladrillo-scan");
    assert!(others.iter().all(|r| r["binding"].as_str().unwrap().ends_with("(default)")), "{report}");
    assert!(shipped.len() >= 8, "{report}");
    let verbs: BTreeSet<String> = shipped
        .iter()
        .flat_map(|r| r["rule"]["verbs"].as_array().cloned().unwrap_or_default())
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(verbs, BTreeSet::from(["get".to_string(), "list".to_string()]), "{report}");
    let can = |verb: &str, resource: &str| {
        let out = ladrillo()
            .args(["rbac", "can-i", "ServiceAccount:ladrillo/ladrillo-scan", verb, resource, "--no-config"])
            .arg(common::root().join("deploy/ladrillo-scan-rbac.yaml"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    for (verb, resource) in [
        ("create", "pods"),
        ("delete", "deployments.apps"),
        ("patch", "clusterroles.rbac.authorization.k8s.io"),
        ("list", "secrets"),
        ("get", "secrets"),
    ] {
        let answer = can(verb, resource);
        assert!(answer.starts_with("no"), "{verb} {resource}: {answer}");
    }
    assert!(can("list", "pods").starts_with("yes"), "{}", can("list", "pods"));
}

#[test]
fn rbac_netpol_pss_and_report_read_the_cluster_too() {
    let run = Run::new(Setup { objects: objects(&fixture()), ..Setup::default() });
    let k = run.kubeconfig();
    let cmd = |args: &[&str]| {
        let out =
            ladrillo().args(args).args(["--cluster", "--kubeconfig", &k, "--no-config"]).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stdout, stderr) = cmd(&["rbac", "who-can", "list", "secrets"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("ServiceAccount shop/default") && stdout.contains("web-reads-secrets"),
        "{stdout}"
    );
    let (_, stdout, stderr) = cmd(&["pss", "--level", "restricted"]);
    assert!(
        stdout.contains("cluster prod: Deployment shop/web") && stdout.contains("Deployment shop/web"),
        "{stdout}{stderr}"
    );
    let (code, stdout, stderr) = cmd(&["netpol", "reach"]);
    assert_eq!(code, Some(0), "{stderr}");
    // payments has a default deny: its api reaches nothing and nothing reaches it.
    assert!(
        stdout.contains("shop/web[Deployment] => 0.0.0.0/0") && !stdout.contains("payments/api"),
        "{stdout}"
    );
    let (_, stdout, stderr) = cmd(&["report", "--framework", "pss-restricted"]);
    assert!(stdout.contains("fail"), "{stdout}{stderr}");
    // Files and --cluster do not mix.
    let out = ladrillo().args(["scan", "--cluster", "some/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_live_scan_writes_policy_reports() {
    let run = Run::new(Setup { objects: objects(&fixture()), ..Setup::default() });
    let out = run.scan(&["--format", "policyreport"]);
    let list = json_out(&out);
    let items = list["items"].as_array().unwrap();
    let shop =
        items.iter().find(|i| i["kind"] == "PolicyReport" && i["metadata"]["namespace"] == "shop").unwrap();
    let web: Vec<&Value> =
        shop["results"].as_array().unwrap().iter().filter(|r| r["resources"][0]["name"] == "web").collect();
    assert!(
        web.iter().any(
            |r| r["rule"] == "POD001" && r["properties"]["path"].as_str().unwrap().contains("privileged")
        )
    );
    // Objects read from the API have no file or line.
    assert!(
        web.iter().all(|r| r["properties"].get("file").is_none() && r["properties"].get("line").is_none())
    );
    let cluster = items.iter().find(|i| i["kind"] == "ClusterPolicyReport").unwrap();
    assert!(
        cluster["results"].as_array().unwrap().iter().any(|r| r["resources"][0]["kind"] == "ClusterRole")
    );
}

#[test]
fn every_output_format_names_the_cluster_object_of_a_live_finding() {
    let run = Run::new(Setup { objects: objects(&fixture()), ..Setup::default() });
    let origin = "cluster prod: Deployment shop/web";
    for format in ["text", "markdown", "junit", "html"] {
        let out = run.scan(&["--format", format, "--color", "never"]);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(origin), "{format} does not name {origin}:\n{text}");
    }
    // SARIF: no artifact for an object read from the API, a logical location naming it.
    let sarif = json_out(&run.scan(&["--format", "sarif"]));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let web: Vec<&Value> = results
        .iter()
        .filter(|r| {
            r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                .as_str()
                .is_some_and(|n| n.contains(origin))
        })
        .collect();
    assert!(!web.is_empty(), "{sarif:#}");
    assert!(web.iter().all(|r| r["locations"][0]["physicalLocation"].is_null()), "{web:#?}");
}

#[test]
fn a_live_scan_writes_its_report_into_the_current_directory_again() {
    // The default path `.` is not an input of a live scan: a report left by the previous run in
    // the working directory is replaced, not refused as "an input".
    let run = Run::new(Setup { objects: objects(&fixture()), ..Setup::default() });
    for round in 0..2 {
        let out = run.scan(&["--format", "json", "-o", "report.json"]);
        assert_ne!(out.status.code(), Some(2), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
        let written = std::fs::read_to_string(run.dir.path().join("report.json")).unwrap();
        assert!(written.contains("\"findings\""), "round {round}: {written}");
    }
}

/// The reports the server holds: path → report.
fn applied(run: &Run) -> std::collections::BTreeMap<String, Value> {
    run.api.reports()
}

const REPORTS: &str = "/apis/wgpolicyk8s.io/v1alpha2";

#[test]
fn an_in_cluster_scan_applies_its_reports_through_the_api() {
    let mut served = objects(&fixture());
    // A namespace without findings gets an empty report (the one of an earlier run is replaced).
    served.push(json!({ "apiVersion": "v1", "kind": "Namespace", "metadata": { "name": "quiet" } }));
    let run = Run::new(Setup { objects: served, policy_reports: true, ..Setup::default() });
    let out = run.scan(&["--write-policy-reports", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let report = json_out(&out);
    let reports = applied(&run);
    assert!(stderr.contains(&format!("wrote {} policy reports to cluster prod", reports.len())), "{stderr}");
    // Reads are GETs; the only writes are apply patches of the reports, with a field manager.
    let requests = run.api.requests();
    let writes: Vec<_> = requests.iter().filter(|r| r.method != "GET").collect();
    assert_eq!(writes.len(), reports.len(), "{writes:#?}");
    for w in &writes {
        assert_eq!(w.method, "PATCH");
        assert!(w.path.starts_with(REPORTS), "{}", w.path);
        assert_eq!(w.content_type, "application/apply-patch+yaml");
        assert_eq!(w.query, "fieldManager=ladrillo&force=true");
        let body: Value = serde_json::from_str(&w.body).unwrap();
        assert_eq!(body["apiVersion"], "wgpolicyk8s.io/v1alpha2", "{body}");
    }
    // A report for every namespace read and every namespace with findings, and the cluster's.
    let mut expected: BTreeSet<String> =
        ["shop", "payments", "quiet"].iter().map(|s| (*s).to_string()).collect();
    for f in report["findings"].as_array().unwrap() {
        if let Some(ns) = f["object"]["namespace"].as_str() {
            expected.insert(ns.to_string());
        }
    }
    let mut paths: BTreeSet<String> =
        expected.iter().map(|ns| format!("{REPORTS}/namespaces/{ns}/policyreports/ladrillo")).collect();
    paths.insert(format!("{REPORTS}/clusterpolicyreports/ladrillo"));
    assert_eq!(reports.keys().cloned().collect::<BTreeSet<_>>(), paths);
    let quiet = &reports[&format!("{REPORTS}/namespaces/quiet/policyreports/ladrillo")];
    assert_eq!(quiet["results"], json!([]), "{quiet:#}");
    assert_eq!(quiet["summary"]["fail"], 0);
    // What is written is what --format policyreport prints.
    let printed = json_out(&run.scan(&["--format", "policyreport"]));
    for item in printed["items"].as_array().unwrap() {
        let path = match item["metadata"]["namespace"].as_str() {
            Some(ns) => format!("{REPORTS}/namespaces/{ns}/policyreports/ladrillo"),
            None => format!("{REPORTS}/clusterpolicyreports/ladrillo"),
        };
        assert_eq!(reports[&path]["results"], item["results"], "{path}");
    }
    let shop = &reports[&format!("{REPORTS}/namespaces/shop/policyreports/ladrillo")];
    assert!(shop["results"].as_array().unwrap().iter().any(|r| r["rule"] == "POD001"), "{shop:#}");
    // Applied again on the next run: same reports, replaced.
    let again = run.scan(&["--write-policy-reports", "--format", "json"]);
    assert_eq!(again.status.code(), Some(1), "{}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(applied(&run).len(), reports.len());
    // Only with --cluster.
    let out = ladrillo().args(["scan", "--write-policy-reports", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn reports_that_cannot_be_written_fail_the_run() {
    // The CRDs are not installed.
    let run = Run::new(Setup { objects: objects(&fixture()), ..Setup::default() });
    let out = run.scan(&["--write-policy-reports", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("does not serve wgpolicyk8s.io/v1alpha2"), "{stderr}");
    assert!(stderr.contains("wrote 0 of"), "{stderr}");
    // The report on stdout is still whole.
    assert!(json_out(&out)["findings"].as_array().is_some_and(|f| !f.is_empty()));
    // Namespaced reports forbidden: named, the cluster report still written.
    let mut faults = std::collections::HashMap::new();
    faults.insert("policyreports".to_string(), Fault::Forbidden);
    let run =
        Run::new(Setup { objects: objects(&fixture()), policy_reports: true, faults, ..Setup::default() });
    let out = run.scan(&["--write-policy-reports", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("PolicyReport shop/ladrillo: forbidden (403)"), "{stderr}");
    let reports = applied(&run);
    assert_eq!(reports.keys().collect::<Vec<_>>(), [&format!("{REPORTS}/clusterpolicyreports/ladrillo")]);
}

/// The two shipped manifests of an in-cluster scan.
fn in_cluster_manifests() -> [std::path::PathBuf; 2] {
    let root = common::root();
    [root.join("deploy/ladrillo-scan-rbac.yaml"), root.join("deploy/ladrillo-scan-cronjob.yaml")]
}

#[test]
fn the_in_cluster_manifests_scan_clean() {
    let out = ladrillo()
        .args(["scan", "--no-config", "--select", "all", "--format", "json"])
        .args(in_cluster_manifests())
        .output()
        .unwrap();
    let report = json_out(&out);
    assert_eq!(report["findings"], json!([]), "{report:#}");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // The CronJob's pods are admitted at restricted.
    let out = ladrillo()
        .args(["pss", "--level", "restricted", "--no-config"])
        .arg(&in_cluster_manifests()[1])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    // Read-only root filesystem, limits, no token automount: what the scan checked is there.
    let cronjob = objects(&common::read(&in_cluster_manifests()[1]))
        .into_iter()
        .find(|o| o["kind"] == "CronJob")
        .unwrap();
    let pod = &cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"];
    let container = &pod["containers"][0];
    assert_eq!(container["securityContext"]["readOnlyRootFilesystem"], true);
    assert!(container["resources"]["limits"]["memory"].is_string());
    assert_eq!(pod["automountServiceAccountToken"], false);
    assert_eq!(pod["serviceAccountName"], "ladrillo-scan");
    assert!(container["args"].as_array().unwrap().contains(&json!("--write-policy-reports")));
}

#[test]
fn the_cronjob_role_can_write_only_its_reports() {
    let out = ladrillo()
        .args(["rbac", "rules", "ServiceAccount:ladrillo/ladrillo-scan", "--no-config", "--format", "json"])
        .args(in_cluster_manifests())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json_out(&out);
    let mut writes = BTreeSet::new();
    for r in report["rules"].as_array().unwrap() {
        if r["binding"].as_str().unwrap().ends_with("(default)") {
            continue;
        }
        let strings = |v: &Value| -> Vec<String> {
            v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
        };
        let verbs = strings(&r["rule"]["verbs"]);
        if verbs.iter().all(|v| v == "get" || v == "list") {
            continue;
        }
        assert_eq!(r["binding"], "ClusterRoleBinding ladrillo-scan-reports", "{r:#}");
        assert_eq!(strings(&r["rule"]["apiGroups"]), ["wgpolicyk8s.io"], "{r:#}");
        for resource in strings(&r["rule"]["resources"]) {
            for verb in &verbs {
                writes.insert((verb.clone(), resource.clone()));
            }
        }
    }
    let expected: BTreeSet<(String, String)> = [
        ("create", "clusterpolicyreports"),
        ("create", "policyreports"),
        ("patch", "clusterpolicyreports"),
        ("patch", "policyreports"),
    ]
    .iter()
    .map(|(v, r)| ((*v).to_string(), (*r).to_string()))
    .collect();
    assert_eq!(writes, expected, "{report:#}");
    let can = |verb: &str, resource: &str| {
        let out = ladrillo()
            .args([
                "rbac",
                "can-i",
                "ServiceAccount:ladrillo/ladrillo-scan",
                verb,
                resource,
                "-n",
                "shop",
                "--no-config",
            ])
            .args(in_cluster_manifests())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    for (verb, resource, allowed) in [
        ("create", "policyreports.wgpolicyk8s.io", true),
        ("patch", "policyreports.wgpolicyk8s.io", true),
        ("delete", "policyreports.wgpolicyk8s.io", false),
        ("update", "policyreports.wgpolicyk8s.io", false),
        ("create", "pods", false),
        ("patch", "configmaps", false),
        ("create", "clusterrolebindings.rbac.authorization.k8s.io", false),
        ("list", "secrets", false),
        ("list", "pods", true),
    ] {
        let answer = can(verb, resource);
        assert_eq!(answer.starts_with("yes"), allowed, "{verb} {resource}: {answer}");
    }
}
