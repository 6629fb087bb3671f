//! Hostile input: every case ends in a clear error with a position, never a panic or a hang,
//! and never stops other files from being scanned.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::scan::scan_files;

fn errors_for(bytes: &[u8]) -> Vec<String> {
    match ladrillo::source::from_bytes("hostile.yaml".into(), None, bytes.to_vec()) {
        Err(e) => vec![e.to_string()],
        Ok(file) => {
            let good = common::source("good.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n");
            let r = scan_files(&[file, good], &common::settings(&["all"]));
            assert_eq!(r.summary.files, 2);
            assert!(r.summary.objects >= 1, "the good file was not scanned");
            r.errors.iter().map(ToString::to_string).collect()
        }
    }
}

#[test]
fn invalid_yaml() {
    let e = errors_for(b"apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n  labels: {\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("hostile.yaml:"), "{e:?}");
}

#[test]
fn binary_file() {
    let e = errors_for(b"\x7fELF\x02\x01\x01\x00\x00\x00");
    assert_eq!(e, ["hostile.yaml:1:8: binary file (contains a NUL byte); not a manifest"]);
}

#[test]
fn non_utf8() {
    let e = errors_for(b"apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf\xe9\n");
    assert_eq!(e, ["hostile.yaml:4:12: file is not valid UTF-8"]);
    let e = errors_for(b"\xff\xfea\x00p\x00");
    assert!(e[0].contains("UTF-16"), "{e:?}");
}

#[test]
fn huge_file_is_refused() {
    use ladrillo::source::{MAX_FILE_SIZE, MAX_NAMED_FILE_SIZE};
    let big = vec![b'a'; (MAX_NAMED_FILE_SIZE + 1) as usize];
    let e = errors_for(&big);
    assert!(e[0].contains("larger than 500 MiB"), "{e:?}");
    // Sizes are checked before reading: sparse files of any size cost nothing here.
    let dir = tempfile::tempdir().unwrap();
    let sparse = |name: &str, len: u64| {
        let path = dir.path().join(name);
        std::fs::File::create(&path).unwrap().set_len(len).unwrap();
        path.display().to_string()
    };
    let found = sparse("found.yaml", MAX_FILE_SIZE + 1);
    let settings = common::settings(&["all"]);
    let errors = |paths: &[String]| -> Vec<String> {
        ladrillo::scan::scan_paths(paths, &settings).errors.iter().map(ToString::to_string).collect()
    };
    // Found by a walk: the walk's limit, and where the larger one applies.
    let e = errors(&[dir.path().display().to_string()]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("found.yaml") && e[0].contains("larger than 64 MiB") && e[0].contains("up to 500 MiB"),
        "{e:?}"
    );
    // Named, the same file is read: its NUL bytes make it binary, not too large.
    let e = errors(std::slice::from_ref(&found));
    assert!(e.len() == 1 && e[0].contains("binary"), "{e:?}");
    // Named and past the larger limit.
    let named = sparse("named.json", MAX_NAMED_FILE_SIZE + 1);
    let e = errors(&[named]);
    assert!(e.len() == 1 && e[0].contains("larger than 500 MiB; refusing"), "{e:?}");
}

#[test]
fn the_findings_cap_counts_per_object_so_a_cluster_export_is_reported_whole() {
    use ladrillo::scan::MAX_FINDINGS_PER_RULE;
    // One file of more objects than the cap, each with one finding of the rule, as in a
    // `kubectl get -A -o yaml` of a large cluster: every one is reported.
    let pods = MAX_FINDINGS_PER_RULE + 1;
    let text: String = (0..pods)
        .map(|i| {
            format!(
                "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\n  namespace: ns\nspec:\n  \
                 hostNetwork: true\n  containers:\n  - name: c\n    image: nginx:1.27\n"
            )
        })
        .collect();
    let r = common::scan_text(&text, &["POD007"]);
    assert_eq!(r.summary.elided, 0);
    assert_eq!(r.findings.iter().filter(|f| f.rule.code == "POD007").count(), pods);
    // One object with more than the cap is still cut: a pod of many containers each with a
    // host port.
    let ports: String = (0..pods)
        .map(|i| format!("    - containerPort: {}\n      hostPort: {}\n", i % 60_000 + 1, i % 60_000 + 1))
        .collect();
    let one = format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  namespace: ns\nspec:\n  containers:\n  - name: c\n    \
         image: nginx:1.27\n    ports:\n{ports}"
    );
    let r = common::scan_text(&one, &["POD010"]);
    assert_eq!(r.findings.iter().filter(|f| f.rule.code == "POD010").count(), MAX_FINDINGS_PER_RULE);
    assert_eq!(r.summary.elided, 1);
}

#[test]
fn deep_nesting() {
    let flow = "a: ".to_string() + &"[".repeat(50_000) + &"]".repeat(50_000);
    let e = errors_for(flow.as_bytes());
    assert_eq!(e.len(), 1, "{e:?}");
    let block: String = (0..5_000).map(|i| format!("{}k{i}:\n", " ".repeat(i))).collect();
    let e = errors_for(block.as_bytes());
    assert_eq!(e.len(), 1, "{e:?}");
}

#[test]
fn billion_laughs() {
    let mut text =
        String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (prev, name) in
        ["a", "b", "c", "d", "e", "f", "g", "h"].iter().zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let e = errors_for(text.as_bytes());
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("alias expansion"), "{e:?}");
}

#[test]
fn odd_but_valid_documents_are_not_errors() {
    for text in
        ["", "---\n---\n", "# only a comment\n", "- just\n- a list\n", "plain scalar\n", "{}\n", "~\n"]
    {
        let e = errors_for(text.as_bytes());
        assert!(e.is_empty(), "{text:?}: {e:?}");
    }
}

#[test]
fn half_objects_are_errors() {
    let e = errors_for(b"kind: Pod\nmetadata:\n  name: x\n");
    assert_eq!(e, ["hostile.yaml:1:1: object has no `apiVersion`"]);
    let e = errors_for(b"apiVersion: v1\nkind: 42\n");
    assert_eq!(e, ["hostile.yaml:2:7: `kind` must be a non-empty string, found number"]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512)) {
        let _ = errors_for(&bytes);
    }

    #[test]
    fn yaml_like_text_never_panics(text in "[a-z:{}\\[\\]\\-&*!<>#|'\" \n,.0-9]{0,300}") {
        let _ = errors_for(text.as_bytes());
    }
}

/// A `.json` file is JSON, as kubectl reads it: a trailing comma or a comment, which YAML would
/// accept, is an error with its position, and the file's objects are not checked.
#[test]
fn json_files_are_strict_json() {
    let bad = ladrillo::source::from_bytes(
        "bad.json".into(),
        None,
        b"{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": \"x\",}}\n".to_vec(),
    )
    .unwrap();
    let good = common::source("good.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n");
    let r = scan_files(&[bad, good], &common::settings(&["all"]));
    let e: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("bad.json:2:27: invalid JSON: "), "{e:?}");
    assert_eq!(r.summary.objects, 1);
    // What neither reader reads is reported in JSON's words, where the JSON goes wrong (the YAML
    // reader's words were about the end of a flow mapping).
    let doubled = ladrillo::source::from_bytes(
        "doubled.json".into(),
        None,
        b"{\"apiVersion\": \"v1\",, \"kind\": \"Pod\"}\n".to_vec(),
    )
    .unwrap();
    let r = scan_files(&[doubled], &common::settings(&["all"]));
    let e: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
    assert_eq!(e, ["doubled.json:1:21: invalid JSON: key must be a string"]);
    // JSON that holds nothing ladrillo reads (a tsconfig with a trailing comma) stays skipped.
    let other = ladrillo::source::from_bytes("tsconfig.json".into(), None, b"{\"strict\": true,}\n".to_vec())
        .unwrap();
    let r = scan_files(&[other], &common::settings(&["all"]));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    // Valid JSON is read as before.
    let ok = ladrillo::source::from_bytes(
        "ok.json".into(),
        None,
        b"{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a\"}}\n".to_vec(),
    )
    .unwrap();
    let r = scan_files(&[ok], &common::settings(&["all"]));
    assert_eq!(r.summary.objects, 1);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
}

/// A Kubernetes object without a name is rejected by the API server; it was checked as `Pod ""`.
#[test]
fn objects_without_a_name_are_errors() {
    let e = errors_for(b"apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n");
    assert_eq!(e, ["hostile.yaml:1:1: object has no `metadata.name`"]);
    let e = errors_for(b"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {a: b}\n");
    assert_eq!(e, ["hostile.yaml:3:1: object has no `metadata.name`"]);
    let e = errors_for(b"apiVersion: v1\nkind: Pod\nmetadata:\n  name: 5\n");
    assert_eq!(e, ["hostile.yaml:4:9: `metadata.name` must be a non-empty string, found number"]);
    let e = errors_for(b"apiVersion: v1\nkind: Pod\nmetadata: x\n");
    assert_eq!(e, ["hostile.yaml:3:11: `metadata` must be an object, found string"]);
    // generateName is a name; tool configs without metadata are not Kubernetes API objects.
    for ok in [
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: run-\n",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n",
    ] {
        assert!(errors_for(ok.as_bytes()).is_empty(), "{ok}");
    }
}

/// A Helm `Chart.yaml` (apiVersion, name, version; no kind) made every chart directory exit 2.
#[test]
fn helm_chart_metadata_is_not_a_half_object() {
    let e = errors_for(b"apiVersion: v2\nname: web\nversion: 1.2.3\nappVersion: \"1.0\"\n");
    assert!(e.is_empty(), "{e:?}");
    // A real half object still is one.
    let e = errors_for(b"apiVersion: v1\nmetadata:\n  name: x\n");
    assert_eq!(e, ["hostile.yaml:1:1: object has no `kind`"]);
}

/// Items of a `List` that are not objects were counted as skipped documents, without a word.
#[test]
fn list_items_that_are_not_objects_are_errors() {
    let e = errors_for(b"apiVersion: v1\nkind: List\nitems:\n- 5\n- {}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n");
    assert_eq!(
        e,
        [
            "hostile.yaml:4:3: a List item must be a Kubernetes object, found number",
            "hostile.yaml:5:3: a List item must be a Kubernetes object (with apiVersion and kind)",
        ]
    );
}

/// `aws eks describe-access-entry` and `list-associated-access-policies` output of the wrong
/// shape: an error with its position, the other file still scanned (issue 16 item 5).
#[test]
fn malformed_access_entry_output_is_an_error_with_a_position() {
    let e = errors_for(br#"{"accessEntry": {"principalArn": "arn:aws:iam::1:role/r", "clusterName": "x", "kubernetesGroups": "admins"}}"#);
    assert!(e.iter().any(|m| m.contains("hostile.yaml:1:") && m.contains("kubernetesGroups")), "{e:?}");
    let e = errors_for(br#"{"clusterName": "x", "principalArn": "arn:aws:iam::1:role/r", "associatedAccessPolicies": [{"policyArn": "p", "accessScope": {"type": "namespace", "namespaces": "shop"}}]}"#);
    assert!(e.iter().any(|m| m.contains("hostile.yaml:1:") && m.contains("namespaces")), "{e:?}");
}

/// Issue 19 item 14: a binding the API server rejects (a subject of kind `Bogus`, a
/// ServiceAccount without a namespace in a ClusterRoleBinding, an empty user name, a user in the
/// wrong API group, ServiceAccounts with an invalid name or an API group) grants nothing: no
/// subject of it is listed, while the valid binding beside them still is.
#[test]
fn bindings_the_api_server_rejects_grant_nothing() {
    let out = assert_cmd::Command::cargo_bin("ladrillo")
        .unwrap()
        .args(["rbac", "who-can", "get", "pods", "tests/fixtures/rbac/invalid-role-binding.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("User bob") && text.contains("ServiceAccount shop/deployer"), "{text}");
    assert!(text.contains("Group auditors"), "{text}");
    for absent in ["mallory", "alice", "Builder_1", "carol", "bad-", "User  "] {
        assert!(!text.contains(absent), "{absent} in\n{text}");
    }
}

/// The pod template checks read fixed fields at fixed depths: a template with many invalid
/// containers, huge values and deep nesting under a checked field is judged without a panic, and
/// each field is reported once.
#[test]
fn invalid_pod_templates_of_hostile_size() {
    let deep = "[".repeat(100) + &"]".repeat(100);
    let mut text = String::from("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n");
    for i in 0..2_000 {
        text.push_str(&format!(
            "    - {{env: {deep}, image: \"x@sha256:{}\", resources: {i}}}\n",
            "a".repeat(i % 70)
        ));
    }
    text.push_str(&format!("  volumes: \"{}\"\n", "v".repeat(1 << 20)));
    let r = scan_files(
        &[common::source("hostile.yaml", &text)],
        &common::settings(&["invalid-pod-template", "malformed-image-reference", "pss-violation"]),
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let count = |rule: &str| r.findings.iter().filter(|f| f.rule.name == rule).count();
    // Per container: the name is required, env must be a list, resources an object; the volumes.
    assert_eq!(count("invalid-pod-template"), 2_000 * 3 + 1);
    // Only `sha256:` + 64 hex digits pins: every other length is malformed.
    assert_eq!(count("malformed-image-reference"), 2_000 - (0..2_000).filter(|i| i % 70 == 64).count());
}
