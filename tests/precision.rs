//! Object identity across one scan (see docs/precision.md): the same documents give the same
//! report whatever order they are given in, every finding has its own fingerprint, and
//! same-named objects of unrelated projects never meet.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::collections::HashMap;
use std::path::Path;

use assert_cmd::Command;

fn ladrillo(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.current_dir(dir).env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    c.args(["scan", "--no-config", "--date", "2026-01-01"]);
    c
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn deployment(name: &str, ns: &str, app: &str, replicas: u32) -> String {
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, namespace: {ns}}}\nspec:\n  \
         replicas: {replicas}\n  selector: {{matchLabels: {{app: {app}}}}}\n  template:\n    \
         metadata: {{labels: {{app: {app}}}}}\n    spec:\n      containers:\n        \
         - {{name: c, image: \"nginx:1.2{replicas}\"}}\n"
    )
}

/// Files of one directory (one scope) that hold duplicates, a conflicting Namespace, an
/// autoscaler with two candidate targets and namespaces without a Namespace object: every
/// place where a tie used to be broken by input order.
fn variants(dir: &Path) -> Vec<&'static str> {
    for (file, level) in [("shop/ns-a.yaml", "restricted"), ("shop/ns-b.yaml", "baseline")] {
        write(
            dir,
            file,
            &format!(
                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: pss\n  labels:\n    \
                 pod-security.kubernetes.io/enforce: {level}\n"
            ),
        );
    }
    write(dir, "shop/app.yaml", &deployment("app", "pss", "app", 1));
    for v in [1, 2] {
        let text = format!(
            "{}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: settings, namespace: ui}}\ndata: {{v: \"{v}\"}}\n",
            deployment("ui", "ui", "ui", v)
        );
        write(dir, &format!("shop/ui-{v}.yaml"), &text);
    }
    write(
        dir,
        "shop/hpa.yaml",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: ui, namespace: ui}\n\
         spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ui}\n  minReplicas: 1\n  maxReplicas: 3\n",
    );
    vec![
        "shop/ns-a.yaml",
        "shop/ns-b.yaml",
        "shop/app.yaml",
        "shop/ui-1.yaml",
        "shop/ui-2.yaml",
        "shop/hpa.yaml",
    ]
}

fn report(dir: &Path, files: &[&str], format: &str) -> String {
    let out = ladrillo(dir).args(["--format", format]).args(files).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn fingerprints(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["findings"].as_array().unwrap().iter().map(|f| f["fingerprint"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_same_documents_in_another_order_give_the_same_report() {
    let tmp = tempfile::tempdir().unwrap();
    let files = variants(tmp.path());
    let reversed: Vec<&str> = files.iter().rev().copied().collect();
    let mut rotated = files.clone();
    rotated.rotate_left(2);
    for format in ["json", "sarif", "text"] {
        let first = report(tmp.path(), &files, format);
        assert_eq!(first, report(tmp.path(), &reversed, format), "{format}: reversed order");
        assert_eq!(first, report(tmp.path(), &rotated, format), "{format}: rotated order");
    }
}

#[test]
fn every_finding_has_its_own_fingerprint() {
    let tmp = tempfile::tempdir().unwrap();
    let files = variants(tmp.path());
    let json = report(tmp.path(), &files, "json");
    let prints = fingerprints(&json);
    assert!(prints.len() > 40, "{json}");
    assert_unique(&prints);
}

#[test]
fn fingerprints_are_unique_over_every_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = ladrillo(root)
        .args(["--select", "all", "--format", "json", "--one-cluster", "tests/fixtures"])
        .output()
        .unwrap();
    let json = String::from_utf8(out.stdout).unwrap();
    let prints = fingerprints(&json);
    assert!(prints.len() > 1000, "only {} findings", prints.len());
    assert_unique(&prints);
}

fn assert_unique(prints: &[String]) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for p in prints {
        *seen.entry(p).or_default() += 1;
    }
    let shared: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(shared.is_empty(), "fingerprints shared by several findings: {shared:?}");
}

/// Two kustomize projects scanned together, each with a Deployment `frontend`: the policy of
/// one selects its own Deployment, not the other project's.
#[test]
fn same_named_objects_of_two_projects_never_meet() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "a/kustomization.yaml", "resources: [deploy.yaml, policy.yaml]\n");
    write(d, "a/deploy.yaml", &deployment("frontend", "shop", "frontend", 2));
    write(
        d,
        "a/policy.yaml",
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: frontend, namespace: shop}\n\
         spec:\n  podSelector: {matchLabels: {app: frontend}}\n  policyTypes: [Ingress]\n",
    );
    write(d, "b/kustomization.yaml", "resources: [deploy.yaml]\n");
    write(d, "b/deploy.yaml", &deployment("frontend", "shop", "web", 2));
    let scan = |extra: &[&str]| {
        let out = ladrillo(d)
            .args(["--select", "NET103,NET104,HYG004", "--format", "json"])
            .args(extra)
            .args(["b", "a"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let apart = scan(&[]);
    // a's frontend is selected by a's policy; b's frontend has none in its own project.
    assert!(!apart.contains("NET104"), "{apart}");
    assert!(!apart.contains("HYG004"), "{apart}");
    let net103: Vec<_> = apart.match_indices("\"NET103\"").collect();
    assert_eq!(net103.len(), 1, "{apart}");
    assert!(apart.contains("\"file\": \"b/deploy.yaml\""), "{apart}");
    // As one cluster the two are one object defined twice: reported, not silently merged.
    let together = scan(&["--one-cluster"]);
    assert!(together.contains("\"HYG004\""), "{together}");
}

fn json_report(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = ladrillo(dir).args(["--format", "json"]).args(args).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rules_in(report: &serde_json::Value, file_suffix: &str) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"].as_str().is_some_and(|p| p.ends_with(file_suffix)))
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect()
}

/// A 12-line kustomize patch used to be audited as a whole Deployment: no image, no resources,
/// no security context, each a finding its base contradicts.
#[test]
fn kustomize_patches_are_counted_not_audited() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "app/base/kustomization.yaml", "resources: [deploy.yaml]\n");
    write(d, "app/base/deploy.yaml", &deployment("web", "shop", "web", 2));
    write(
        d,
        "app/overlays/prod/kustomization.yaml",
        "resources: [../../base]\npatches:\n  - path: replicas.yaml\ncommonLabels:\n  app.kubernetes.io/name: web\n",
    );
    write(
        d,
        "app/overlays/prod/replicas.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 5\n  \
         template:\n    spec:\n      containers:\n        - name: c\n          resources: {limits: {memory: 1Gi}}\n",
    );
    let r = json_report(d, &["app"]);
    assert_eq!(rules_in(&r, "replicas.yaml"), Vec::<String>::new(), "the patch is not an object");
    assert_eq!(r["summary"]["patches"], 1, "{}", r["summary"]);
    // The base is still audited, and the overlay's commonLabels count for label rules.
    let base = rules_in(&r, "base/deploy.yaml");
    assert!(!base.is_empty(), "the base is audited");
    assert!(!base.contains(&"missing-recommended-labels".to_string()), "{base:?}");

    // Without the kustomization's label, the same base is flagged for it.
    write(
        d,
        "app/overlays/prod/kustomization.yaml",
        "resources: [../../base]\npatches:\n  - path: replicas.yaml\n",
    );
    let r = json_report(d, &["app"]);
    assert!(rules_in(&r, "base/deploy.yaml").contains(&"missing-recommended-labels".to_string()));
}

/// A `.workshop/` folder held a privileged Deployment the walk passed over without a word.
#[test]
fn hidden_paths_are_counted_and_read_with_hidden() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "repo/app.yaml", &deployment("app", "shop", "app", 2));
    write(d, "repo/.workshop/deploy.yaml", &deployment("lab", "shop", "lab", 2));
    write(d, "repo/.hidden.yaml", &deployment("dot", "shop", "dot", 2));
    write(d, "repo/.ladrillo.yaml", "exclude: []\n");
    let r = json_report(d, &["repo"]);
    assert_eq!(r["summary"]["hidden_skipped"], 2, "{}", r["summary"]);
    assert!(rules_in(&r, ".workshop/deploy.yaml").is_empty());
    let text = String::from_utf8(ladrillo(d).arg("repo").output().unwrap().stdout).unwrap();
    assert!(text.contains("2 hidden paths skipped (--hidden reads them)"), "{text}");

    let r = json_report(d, &["--hidden", "repo"]);
    assert!(r["summary"].get("hidden_skipped").is_none(), "{}", r["summary"]);
    assert!(!rules_in(&r, ".workshop/deploy.yaml").is_empty());
    assert!(!rules_in(&r, ".hidden.yaml").is_empty());
    // ladrillo's own config is never read as an input.
    assert!(rules_in(&r, ".ladrillo.yaml").is_empty());
    // A hidden directory named on the command line is read.
    let r = json_report(d, &["repo/.workshop"]);
    assert!(!rules_in(&r, "deploy.yaml").is_empty());
}

/// Dumps of live objects under `testdata/` and recorded outputs under `__snapshots__` are other
/// tools' test data: skipped by default, named in the summary, read on request.
#[test]
fn other_tools_test_data_is_excluded_by_default() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "repo/deploy/app.yaml", &deployment("app", "shop", "app", 2));
    write(d, "repo/pkg/testdata/live.yaml", &deployment("live", "shop", "live", 2));
    write(d, "repo/web/__snapshots__/render.yaml", &deployment("snap", "shop", "snap", 2));
    let r = json_report(d, &["repo"]);
    assert_eq!(r["summary"]["default_excluded"], 2, "{}", r["summary"]);
    assert!(rules_in(&r, "live.yaml").is_empty() && rules_in(&r, "render.yaml").is_empty());
    assert!(!rules_in(&r, "app.yaml").is_empty());
    let text = String::from_utf8(ladrillo(d).arg("repo").output().unwrap().stdout).unwrap();
    assert!(text.contains("2 directories of other tools' test data skipped"), "{text}");

    let r = json_report(d, &["--no-default-excludes", "repo"]);
    assert!(r["summary"].get("default_excluded").is_none());
    assert!(!rules_in(&r, "live.yaml").is_empty() && !rules_in(&r, "render.yaml").is_empty());
    // A file named explicitly is always read.
    let r = json_report(d, &["repo/pkg/testdata/live.yaml"]);
    assert!(!rules_in(&r, "live.yaml").is_empty());
}

/// A `ClusterConfig` for `eksctl create nodegroup` holds node groups only: cluster-level rules
/// used to fire on eksctl's defaults ("runs 1.34" for a file that sets no version). Next to
/// another definition of the cluster, its cluster fields are unknown; alone, the same file may
/// create a cluster (`eksctl create cluster -f`) and eksctl's defaults apply.
#[test]
fn an_eksctl_file_of_node_groups_for_a_cluster_defined_elsewhere_leaves_the_cluster_unknown() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let nodegroups = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: dev\n  region: eu-west-1\n\
                      managedNodeGroups:\n  - name: ng-1\n    instanceType: m5.large\n    privateNetworking: true\n";
    let cluster = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: dev\n  region: eu-west-1\n  \
                   version: \"1.34\"\nvpc:\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\n";
    write(d, "project/cluster.yaml", cluster);
    write(d, "project/nodegroup.yaml", nodegroups);
    write(d, "alone/nodegroup.yaml", nodegroups);
    let messages = |path: &str, file: &str| -> Vec<String> {
        let r = json_report(d, &[path]);
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["file"].as_str().is_some_and(|p| p.ends_with(file)))
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    let added = messages("project", "project/nodegroup.yaml");
    assert!(added.iter().all(|m| !m.starts_with("cluster \"dev\"")), "{added:?}");
    assert!(added.iter().any(|m| m.starts_with("managed node group \"ng-1\"")), "{added:?}");
    let alone = messages("alone", "alone/nodegroup.yaml");
    assert!(alone.iter().any(|m| m.contains("exposes its API endpoint")), "{alone:?}");
}

/// The target version of `removed-api-version`: `--kubernetes-version`, else the cluster the
/// input defines; a version deprecated at the target and removed later is low.
#[test]
fn removed_api_versions_are_judged_at_the_target_version() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let flow = "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: fs\n\
                spec:\n  priorityLevelConfiguration: {name: global-default}\n";
    write(d, "a/flow.yaml", flow);
    let found = |args: &[&str]| -> Vec<(String, String)> {
        let r = json_report(d, &[&["--select", "removed-api-version"], args].concat());
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (f["severity"].as_str().unwrap().to_string(), f["message"].as_str().unwrap().to_string())
            })
            .collect()
    };
    assert_eq!(found(&["a"]), Vec::<(String, String)>::new(), "no target: only removals before 1.28");
    let at_30 = found(&["--kubernetes-version", "1.30", "a"]);
    assert_eq!(at_30.len(), 1, "{at_30:?}");
    assert_eq!(at_30[0].0, "low");
    assert!(at_30[0].1.contains("deprecated at Kubernetes 1.30 and removed in 1.32"), "{at_30:?}");
    let at_33 = found(&["--kubernetes-version", "1.33", "a"]);
    assert_eq!(at_33.len(), 1);
    assert_eq!(at_33[0].0, "high");
    assert!(
        at_33[0].1.contains("removed in Kubernetes 1.32: the API server of 1.33 rejects it"),
        "{at_33:?}"
    );

    // The cluster defined next to the manifests sets the target.
    write(
        d,
        "a/cluster.yaml",
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: prod\n  region: eu-west-1\n  version: \"1.33\"\n",
    );
    let r = json_report(d, &["--select", "removed-api-version", "a"]);
    let f = &r["findings"][0];
    assert_eq!(f["severity"], "high", "{r}");
    assert!(f["notes"][0].as_str().unwrap().contains("cluster \"prod\" runs it"), "{r}");
}

/// `docs/precision.md` records a hand-checked sample of the findings on
/// `tests/data/precision-corpus`: its per-rule counts must be those of a scan of the corpus, so a
/// change in what fires there sends someone back to check the new findings.
#[test]
fn the_checked_sample_is_the_corpus_report() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = Command::cargo_bin("ladrillo")
        .unwrap()
        .current_dir(&root)
        .args(["scan", "--no-config", "--date", "2026-12-05", "--select", "all", "--format", "json"])
        .arg("tests/data/precision-corpus")
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut scanned: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for f in r["findings"].as_array().unwrap() {
        *scanned.entry(f["name"].as_str().unwrap().to_string()).or_default() += 1;
    }
    let doc = std::fs::read_to_string(root.join("docs/precision.md")).unwrap();
    // The table of this section only: the page's other sections have tables of their own corpus.
    let section = doc.split("\n## A checked sample\n").nth(1).unwrap();
    let section = section.split("\n## ").next().unwrap();
    let mut recorded = std::collections::BTreeMap::new();
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let rule = cells[1].trim_matches('`').to_string();
        let (findings, checked, right): (usize, usize, usize) =
            (cells[2].parse().unwrap(), cells[3].parse().unwrap(), cells[4].parse().unwrap());
        assert!(right <= checked && checked <= findings, "{line}");
        recorded.insert(rule, findings);
    }
    assert_eq!(recorded, scanned, "re-check the sample in docs/precision.md");
}

/// Issue 18 §4: the findings of a scan of `x.yaml` in `dir`, as JSON.
fn scan_json(dir: &Path, flags: &[&str]) -> serde_json::Value {
    let out =
        ladrillo(dir).args(["-f", "json", "--fail-on", "none"]).args(flags).arg("x.yaml").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn of_rule<'v>(v: &'v serde_json::Value, code: &str) -> Vec<&'v serde_json::Value> {
    v["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == code).collect()
}

fn implied_codes(f: &serde_json::Value) -> Vec<&str> {
    f["implies"].as_array().map_or_else(Vec::new, |a| a.iter().map(|i| i["rule"].as_str().unwrap()).collect())
}

/// Issue 18 §4: a privileged container is one finding, `privileged-container`, which names
/// (with their references) the privilege escalation and capabilities findings it implies on the
/// same container; another container keeps its own; `run-as-root` stays separate; without the
/// root rule the implied rules report as before.
#[test]
fn a_privileged_container_is_one_finding_that_names_what_it_implies() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\nspec:\n  containers:\n    \
         - name: priv\n      image: nginx:1.27\n      securityContext: {privileged: true}\n    \
         - name: plain\n      image: nginx:1.27\n",
    );
    let rules = "privileged-container,privilege-escalation-allowed,capabilities-not-dropped,run-as-root";
    let v = scan_json(dir.path(), &["--select", rules]);
    let root = of_rule(&v, "POD001");
    assert_eq!(root.len(), 1, "{v}");
    assert_eq!(implied_codes(root[0]), ["POD004", "POD005"], "{v}");
    let refs: Vec<&serde_json::Value> = root[0]["implies"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["references"].as_array().unwrap())
        .collect();
    assert!(refs.iter().any(|r| *r == "checkov:CKV_K8S_20"), "{v}");
    let notes: Vec<&str> = root[0]["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    assert!(
        notes.iter().any(|n| n.starts_with(
            "implies privilege-escalation-allowed (POD005), not reported on its own: container \"priv\" allows"
        )),
        "{notes:?}"
    );
    for code in ["POD004", "POD005"] {
        let fs = of_rule(&v, code);
        assert_eq!(fs.len(), 1, "{code}: {v}");
        assert!(fs[0]["path"].as_str().unwrap().starts_with("spec.containers[1]"), "{code}: {v}");
    }
    assert_eq!(of_rule(&v, "POD002").len(), 2, "run-as-root is its own problem: {v}");
    // Without the root rule, the privileged container gets the implied findings again.
    let v = scan_json(dir.path(), &["--select", rules, "--ignore", "privileged-container"]);
    assert_eq!(of_rule(&v, "POD005").len(), 2, "{v}");
    assert_eq!(of_rule(&v, "POD004").len(), 2, "{v}");
    // SARIF carries them too.
    let out = ladrillo(dir.path())
        .args(["--select", rules, "-f", "sarif", "--fail-on", "none", "x.yaml"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let pod001 = results.iter().find(|r| r["ruleId"] == "POD001").unwrap();
    let implied: Vec<&str> = pod001["properties"]["implies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(implied, ["POD004", "POD005"], "{pod001}");
}

/// Issue 18 §4: an image without a tag (or `latest`) and without a digest is one finding,
/// `mutable-image-tag`; a fixed tag without a digest is still `image-without-digest`.
#[test]
fn latest_without_a_digest_is_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\nspec:\n  containers:\n    \
         - {name: a, image: nginx}\n    - {name: b, image: \"nginx:latest\"}\n    - {name: c, image: \"nginx:1.27\"}\n",
    );
    let v = scan_json(dir.path(), &["--select", "mutable-image-tag,image-without-digest"]);
    let mutable = of_rule(&v, "POD016");
    assert_eq!(mutable.len(), 2, "{v}");
    assert!(mutable.iter().all(|f| implied_codes(f) == ["POD017"]), "{v}");
    let digest = of_rule(&v, "POD017");
    assert_eq!(digest.len(), 1, "{v}");
    assert_eq!(digest[0]["path"], "spec.containers[2].image");
}

/// Issue 18 §4: a host-network pod that no policy selects is one finding, `host-network`, which
/// names the NetworkPolicy rule's host-network variant; a pod on the pod network keeps its own.
#[test]
fn a_host_network_pod_is_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a, labels: {app: p}}\nspec:\n  hostNetwork: true\n  \
         containers:\n    - {name: a, image: \"nginx:1.27\"}\n---\napiVersion: v1\nkind: Pod\n\
         metadata: {name: q, namespace: a, labels: {app: q}}\nspec:\n  containers:\n    - {name: a, image: \"nginx:1.27\"}\n",
    );
    let v = scan_json(dir.path(), &["--select", "host-network,workload-without-network-policy"]);
    let root = of_rule(&v, "POD007");
    assert_eq!(root.len(), 1, "{v}");
    assert_eq!(implied_codes(root[0]), ["NET103"], "{v}");
    let net = of_rule(&v, "NET103");
    assert_eq!(net.len(), 1, "{v}");
    assert_eq!(net[0]["object"]["name"], "q", "{v}");
    // Alone, the NetworkPolicy rule still says it of the host-network pod.
    let v = scan_json(dir.path(), &["--select", "workload-without-network-policy"]);
    assert_eq!(of_rule(&v, "NET103").len(), 2, "{v}");
}

/// Issue 18 §4: outside an enforced namespace, `pss-violation` says the level is a target
/// (ladrillo's default or the configured one), not what admission does, and which namespace
/// state made it so.
#[test]
fn pss_violation_names_the_target_level_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let pod = |ns: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p, namespace: {ns}}}\nspec:\n  hostPID: true\n  \
             containers:\n    - {{name: a, image: \"nginx:1.27\"}}\n"
        )
    };
    write(dir.path(), "x.yaml", &pod("a"));
    let v = scan_json(dir.path(), &["--select", "pss-violation"]);
    let f = of_rule(&v, "PSS001");
    assert!(!f.is_empty(), "{v}");
    let message = f[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "does not meet the target Pod Security level \"restricted:latest\" (ladrillo's default, not known to be \
             enforced by admission): "
        ),
        "{message}"
    );
    let note = f[0]["notes"][0].as_str().unwrap();
    assert!(note.contains("namespace \"a\" is not in the input") && note.contains("privileged"), "{note}");
    // The Namespace in the input without an enforce label, and a level set in `.ladrillo.yaml`.
    write(dir.path(), ".ladrillo.yaml", "pss: {level: baseline}\n");
    write(
        dir.path(),
        "x.yaml",
        &format!("apiVersion: v1\nkind: Namespace\nmetadata: {{name: b}}\n---\n{}", pod("b")),
    );
    let out = Command::cargo_bin("ladrillo")
        .unwrap()
        .current_dir(dir.path())
        .args(["scan", "-f", "json", "--fail-on", "none", "--select", "pss-violation", "x.yaml"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = of_rule(&v, "PSS001");
    assert_eq!(f.len(), 1, "{v}");
    let message = f[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "does not meet the target Pod Security level \"baseline:latest\" (set by `pss:`, not enforced by admission): "
        ),
        "{message}"
    );
    let note = f[0]["notes"][0].as_str().unwrap();
    assert!(note.contains("namespace \"b\" has no pod-security.kubernetes.io/enforce label"), "{note}");
    assert!(note.contains("set by `pss:`"), "{note}");
    // `explain` says the same.
    let out = Command::cargo_bin("ladrillo").unwrap().args(["explain", "pss-violation"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("not what") && text.contains("admission would do"), "{text}");
    assert!(text.contains("privileged"), "{text}");
}

/// Issue 18 §4: an `nsswitch.conf` ConfigMap names lookup sources, not passwords, whatever the
/// key is called; `/etc/passwd` and `postgresql.conf` settings neither; a real password in a
/// ConfigMap still is one.
#[test]
fn config_file_syntaxes_are_not_credentials() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nss, namespace: a}\ndata:\n  \
         nsswitch.conf: |\n    passwd:     compat\n    group:      compat\n    shadow:     compat\n    \
         hosts:      files dns\n  \
         nss: |\n    passwd: files ldap_site\n    shadow: files ldap_site\n  \
         passwd: \"files systemd\"\n  \
         users: |\n    root:x:0:0:root:/root:/bin/sh\n    password:x:1000:1000::/home/password:/bin/sh\n  \
         postgresql.conf: |\n    password_encryption = scram-sha-256\n  \
         app.properties: |\n    db.user=app\n    db.password=Tr0ub4dor3\n",
    );
    let v = scan_json(dir.path(), &["--select", "secret-in-configmap"]);
    let keys: Vec<&str> = of_rule(&v, "SEC002").iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(keys, ["data.app.properties"], "{v}");
}

/// Issue 18 §4: write access to CSRs themselves neither approves nor signs; the status half
/// without `sign` says it cannot sign (low), not "approve or sign".
#[test]
fn csr_permissions_say_what_they_allow() {
    let dir = tempfile::tempdir().unwrap();
    let role = |name: &str, resources: &str| {
        format!(
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {{name: {name}}}\nrules:\n  \
             - {{apiGroups: [certificates.k8s.io], resources: [{resources}], verbs: [delete, get, patch]}}\n---\n\
             apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {{name: {name}}}\n\
             roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: {name}}}\nsubjects:\n  \
             - {{kind: ServiceAccount, name: {name}, namespace: ops}}\n---\n"
        )
    };
    write(
        dir.path(),
        "x.yaml",
        &format!(
            "{}{}",
            role("cleaner", "certificatesigningrequests"),
            role("status", "certificatesigningrequests/status")
        ),
    );
    let v = scan_json(dir.path(), &["--select", "csr-approve"]);
    let f = of_rule(&v, "RBAC013");
    assert_eq!(f.len(), 1, "{v}");
    assert_eq!(f[0]["severity"], "low");
    let message = f[0]["message"].as_str().unwrap();
    assert!(
        message.contains("ServiceAccount ops/status")
            && message.ends_with("so it cannot sign certificate requests with it"),
        "{message}"
    );
    assert!(!message.contains("approve or sign"), "{message}");
}

/// Issue 18, real-world corpus: a Role and RoleBinding that grant access to `default` live in
/// `default`; `default-namespace` flags the workloads placed there, not them.
#[test]
fn roles_for_the_default_namespace_are_not_misplaced() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.yaml",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader, namespace: default}\n\
         rules: [{apiGroups: [\"\"], resources: [pods], verbs: [get, list]}]\n---\n\
         apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: reader, namespace: default}\n\
         roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}\n\
         subjects: [{kind: ServiceAccount, name: scraper, namespace: monitoring}]\n---\n\
         apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\ndata: {a: b}\n",
    );
    let v = scan_json(dir.path(), &["--select", "default-namespace"]);
    let kinds: Vec<&str> =
        of_rule(&v, "HYG001").iter().map(|f| f["object"]["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["ConfigMap"], "{v}");
}

/// Issue 18, real-world corpus: prometheus-operator creates the pods of a `Prometheus` resource
/// with its `spec.podMetadata` labels and its own. A NetworkPolicy, Service or
/// PodDisruptionBudget selecting them selects pods, though no built-in workload of the scan
/// carries the labels; without the resource the three rules still report.
#[test]
fn selectors_of_operator_created_pods_select_something() {
    let dir = tempfile::tempdir().unwrap();
    let selecting = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: prom, namespace: mon}\n\
         spec: {podSelector: {matchLabels: {app: prom}}, policyTypes: [Ingress]}\n---\n\
         apiVersion: v1\nkind: Service\nmetadata: {name: prom, namespace: mon}\n\
         spec: {selector: {app: prom, prometheus: k8s}, ports: [{port: 9090}]}\n---\n\
         apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: prom, namespace: mon}\n\
         spec: {maxUnavailable: 1, selector: {matchLabels: {prometheus: k8s}}}\n---\n";
    let other = deployment("exporter", "mon", "exporter", 1);
    let resource = "---\napiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: mon}\n\
         spec: {replicas: 2, podMetadata: {labels: {app: prom}}}\n";
    let codes = |v: &serde_json::Value| -> Vec<String> {
        ["NET104", "NET108", "REL005"]
            .iter()
            .filter(|c| !of_rule(v, c).is_empty())
            .map(ToString::to_string)
            .collect()
    };
    let flags = ["--select", "network-policy-selects-nothing,service-selects-nothing,pdb-selects-nothing"];
    write(dir.path(), "x.yaml", &format!("{selecting}{other}"));
    let without = scan_json(dir.path(), &flags);
    assert_eq!(codes(&without), ["NET104", "NET108", "REL005"], "{without}");
    write(dir.path(), "x.yaml", &format!("{selecting}{other}{resource}"));
    let with = scan_json(dir.path(), &flags);
    assert!(codes(&with).is_empty(), "{with}");
}

/// Issue 18, real-world corpus: a role that grants only `pods/portforward` lets its subject
/// reach pod ports, not run commands: `pod-exec` says port-forward, and exec where exec is
/// granted.
#[test]
fn port_forward_is_not_called_exec() {
    let dir = tempfile::tempdir().unwrap();
    let role = |name: &str, resource: &str| {
        format!(
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {{name: {name}}}\nrules:\n  \
             - {{apiGroups: [\"\"], resources: [{resource}], verbs: [create]}}\n---\n\
             apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {{name: {name}}}\n\
             roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: {name}}}\nsubjects:\n  \
             - {{kind: ServiceAccount, name: {name}, namespace: ops}}\n---\n"
        )
    };
    write(
        dir.path(),
        "x.yaml",
        &format!("{}{}", role("forwarder", "pods/portforward"), role("shell", "pods/exec")),
    );
    let v = scan_json(dir.path(), &["--select", "pod-exec"]);
    let f = of_rule(&v, "RBAC009");
    assert_eq!(f.len(), 2, "{v}");
    let text = |i: usize| format!("{} {}", f[i]["message"], f[i]["notes"]);
    let (forward, shell) =
        if text(0).contains("forwarder") { (text(0), text(1)) } else { (text(1), text(0)) };
    assert!(forward.contains("can port-forward to pods") && forward.contains("past Services"), "{forward}");
    assert!(!forward.contains("exec") && !forward.contains("runs commands"), "{forward}");
    assert!(shell.contains("can exec into pods") && shell.contains("runs commands"), "{shell}");
}
