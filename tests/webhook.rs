//! The admission decision as a pure function: AdmissionReview JSON in, HTTP status and
//! AdmissionReview response out, with the scan's rules, selection, overrides and waivers; the
//! rules' admission scope; and the Pod Security conformance fixtures through the webhook path.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::collections::HashMap;

use ladrillo::i18n::Lang;
use ladrillo::settings::{Config, WebhookMode};
use ladrillo::webhook::{Verdict, Webhook, scope};
use serde_json::{Value, json};

type Labels = HashMap<String, Vec<(String, String)>>;

fn webhook(config: &str, mode: Option<WebhookMode>) -> Webhook {
    let config = Config::parse(&common::source(".ladrillo.yaml", config)).expect("valid config");
    Webhook::new(config, mode, common::test_day(), Lang::En)
}

/// A review as the API server sends it.
fn review(operation: &str, namespace: &str, object: &Value, extra: &Value) -> Vec<u8> {
    let kind = object["kind"].as_str().unwrap_or("Pod");
    let resource = format!("{}s", kind.to_lowercase());
    let mut request = json!({
        "uid": "705ab4f5-6393-11e8-b7cc-42010a800002",
        "kind": {"group": "", "version": "v1", "kind": kind},
        "resource": {"group": "", "version": "v1", "resource": resource},
        "requestKind": {"group": "", "version": "v1", "kind": kind},
        "requestResource": {"group": "", "version": "v1", "resource": resource},
        "name": object["metadata"]["name"],
        "namespace": namespace,
        "operation": operation,
        "userInfo": {"username": "admin", "uid": "014fbff9a07c", "groups": ["system:authenticated"]},
        "object": object,
        "oldObject": null,
        "dryRun": false,
        "options": {"apiVersion": "meta.k8s.io/v1", "kind": "CreateOptions"}
    });
    for (k, v) in extra.as_object().into_iter().flatten() {
        request[k] = v.clone();
    }
    serde_json::to_vec(
        &json!({"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": request}),
    )
    .unwrap()
}

fn pod(name: &str, privileged: bool) -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": name, "namespace": "shop", "labels": {"app": name}},
        "spec": {"containers": [{
            "name": "app",
            "image": "registry.example.com/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "securityContext": {"privileged": privileged}
        }]}
    })
}

struct Answer {
    status: u16,
    verdict: Verdict,
    response: Value,
    decision: ladrillo::webhook::Decision,
}

fn decide(w: &Webhook, body: Vec<u8>, labels: &Labels) -> Answer {
    let d = w.decide(body, labels);
    let response = if d.status == 200 {
        let v: Value = serde_json::from_slice(&d.body).expect("JSON response");
        assert_eq!(v["apiVersion"], "admission.k8s.io/v1");
        assert_eq!(v["kind"], "AdmissionReview");
        assert_eq!(v["response"]["uid"], "705ab4f5-6393-11e8-b7cc-42010a800002");
        v["response"].clone()
    } else {
        Value::String(String::from_utf8(d.body.clone()).unwrap())
    };
    Answer { status: d.status, verdict: d.verdict, response, decision: d }
}

fn no_labels() -> Labels {
    HashMap::new()
}

fn ns(labels: &[(&str, &str)]) -> Labels {
    let mut m = HashMap::new();
    m.insert("shop".to_string(), labels.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
    m
}

const POD_RULES: &str = "select: [privileged-container, host-network, invalid-waiver]\n";

#[test]
fn a_privileged_pod_is_denied_with_rule_path_and_help() {
    let w = webhook(POD_RULES, None);
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels());
    assert_eq!(a.status, 200);
    assert_eq!(a.verdict, Verdict::Denied);
    assert_eq!(a.response["allowed"], false);
    assert_eq!(a.response["status"]["code"], 403);
    let message = a.response["status"]["message"].as_str().unwrap();
    assert!(message.starts_with("ladrillo denied this Pod: 1 finding at or above info"), "{message}");
    assert!(
        message.contains("POD001 privileged-container at spec.containers[0].securityContext.privileged: "),
        "{message}"
    );
    assert!(message.contains("(remove"), "help missing: {message}");
    assert_eq!(a.decision.denied_by, vec!["POD001"]);
}

#[test]
fn a_compliant_pod_is_allowed_without_warnings() {
    let w = webhook(POD_RULES, None);
    let a = decide(&w, review("CREATE", "shop", &pod("web", false), &json!({})), &no_labels());
    assert_eq!((a.status, a.verdict), (200, Verdict::Allowed));
    assert_eq!(a.response["allowed"], true);
    assert!(a.response.get("warnings").is_none() && a.response.get("status").is_none(), "{}", a.response);
}

#[test]
fn the_default_rules_allow_a_hardened_pod_and_leave_scan_only_rules_out() {
    // Default selection: a hardened pod in a namespace enforcing restricted passes every rule
    // that runs at admission; the rules that would need other objects (limits from LimitRanges,
    // the ServiceAccount, NetworkPolicies, PDBs) are not run, so they cannot deny it.
    let w = webhook("", None);
    let hardened = json!({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "web", "namespace": "shop", "labels": {
            "app.kubernetes.io/name": "web", "app.kubernetes.io/instance": "web-1",
            "app.kubernetes.io/version": "1.0.0", "app.kubernetes.io/component": "frontend",
            "app.kubernetes.io/part-of": "shop", "app.kubernetes.io/managed-by": "kubectl"}},
        "spec": {
            "serviceAccountName": "web",
            "automountServiceAccountToken": false,
            "securityContext": {"runAsNonRoot": true, "runAsUser": 10001, "seccompProfile": {"type": "RuntimeDefault"}},
            "containers": [{
                "name": "app",
                "image": "registry.example.com/app:1.0.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "imagePullPolicy": "IfNotPresent",
                "securityContext": {"allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true,
                    "capabilities": {"drop": ["ALL"]}},
                "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}},
                "readinessProbe": {"httpGet": {"path": "/readyz", "port": 8080}}
            }]
        }
    });
    let labels = ns(&[("pod-security.kubernetes.io/enforce", "restricted")]);
    let a = decide(&w, review("CREATE", "shop", &hardened, &json!({})), &labels);
    assert_eq!(a.verdict, Verdict::Allowed, "{}", a.response);
    let codes: Vec<&str> = w.settings.rules.iter().map(|r| r.meta().code).collect();
    for scan_only in ["POD012", "POD013", "POD020", "NET103", "REL001", "HYG005", "RBAC002"] {
        assert!(!codes.contains(&scan_only), "{scan_only} runs at admission");
    }
    assert!(codes.contains(&"POD001") && codes.contains(&"PSS001"));
}

#[test]
fn warn_mode_allows_with_warnings_and_audit_mode_with_annotations() {
    let w = webhook(POD_RULES, Some(WebhookMode::Warn));
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels());
    assert_eq!((a.verdict, &a.response["allowed"]), (Verdict::Warned, &json!(true)));
    let warnings = a.response["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].as_str().unwrap().starts_with("POD001 privileged-container at "), "{warnings:?}");
    assert!(warnings[0].as_str().unwrap().len() <= ladrillo::webhook::decision::MAX_WARNING);

    let w = webhook(POD_RULES, Some(WebhookMode::Audit));
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels());
    assert_eq!((a.verdict, &a.response["allowed"]), (Verdict::Audited, &json!(true)));
    assert_eq!(a.response["auditAnnotations"]["verdict"], "would-deny");
    assert_eq!(a.response["auditAnnotations"]["findings"], "POD001 privileged-container");
    assert!(a.response.get("warnings").is_none());
}

#[test]
fn findings_below_fail_on_are_warnings_in_enforce_mode_and_overrides_apply() {
    // privileged-container is critical; overridden to low it no longer reaches fail-on: high.
    let w = webhook(&format!("{POD_RULES}fail-on: high\nseverity:\n  privileged-container: low\n"), None);
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels());
    assert_eq!(a.verdict, Verdict::Warned, "{}", a.response);
    assert_eq!(a.response["allowed"], true);
    assert!(a.response["warnings"][0].as_str().unwrap().contains("POD001"));
    let w = webhook(&format!("{POD_RULES}fail-on: none\n"), None);
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels());
    assert_eq!(a.verdict, Verdict::Warned);
}

fn waived(reason: Option<&str>, until: Option<&str>) -> Value {
    let mut p = pod("agent", true);
    let mut annotations = json!({"ladrillo.dev/ignore": "privileged-container"});
    if let Some(r) = reason {
        annotations["ladrillo.dev/ignore-reason"] = json!(r);
    }
    if let Some(u) = until {
        annotations["ladrillo.dev/ignore-until"] = json!(u);
    }
    p["metadata"]["annotations"] = annotations;
    p
}

#[test]
fn waivers_need_a_reason_and_expire() {
    let w = webhook(POD_RULES, None);
    let ok = decide(
        &w,
        review("CREATE", "shop", &waived(Some("node agent"), Some("2027-01-01")), &json!({})),
        &no_labels(),
    );
    assert_eq!(ok.verdict, Verdict::Allowed, "{}", ok.response);
    let no_reason = decide(&w, review("CREATE", "shop", &waived(None, None), &json!({})), &no_labels());
    assert_eq!(no_reason.verdict, Verdict::Denied);
    let message = no_reason.response["status"]["message"].as_str().unwrap();
    assert!(message.contains("POD001") && message.contains("INP003"), "{message}");
    // The test day is 2026-11-24.
    let expired = decide(
        &w,
        review("CREATE", "shop", &waived(Some("node agent"), Some("2026-01-01")), &json!({})),
        &no_labels(),
    );
    assert_eq!(expired.verdict, Verdict::Denied);
    assert!(expired.response["status"]["message"].as_str().unwrap().contains("POD001"));
    // A config waiver applies too.
    let w = webhook(
        &format!(
            "{POD_RULES}waivers:\n  - rules: [privileged-container]\n    namespace: shop\n    reason: reviewed\n"
        ),
        None,
    );
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels());
    assert_eq!(a.verdict, Verdict::Allowed, "{}", a.response);
}

#[test]
fn a_misspelt_waiver_annotation_denies_rather_than_waiving_nothing() {
    let w = webhook(POD_RULES, None);
    let mut p = pod("web", false);
    p["metadata"]["annotations"] = json!({"ladrillo.dev/ignor": "privileged-container"});
    let a = decide(&w, review("CREATE", "shop", &p, &json!({})), &no_labels());
    assert_eq!(a.verdict, Verdict::Denied);
    assert!(a.response["status"]["message"].as_str().unwrap().contains("did you mean `ladrillo.dev/ignore`"));
}

#[test]
fn dry_run_gets_the_same_verdict_and_is_marked() {
    let w = webhook(POD_RULES, None);
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({"dryRun": true})), &no_labels());
    assert_eq!(a.verdict, Verdict::Denied);
    assert!(a.decision.dry_run);
    let b = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels());
    assert!(!b.decision.dry_run);
    assert_eq!(a.response, b.response);
}

#[test]
fn namespace_label_chooses_the_mode_and_config_wins_over_it() {
    let w = webhook(POD_RULES, None);
    let warn = ns(&[("ladrillo.dev/webhook-mode", "warn")]);
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &warn);
    assert_eq!(a.verdict, Verdict::Warned);
    let audit = ns(&[("ladrillo.dev/webhook-mode", "audit")]);
    assert_eq!(
        decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &audit).verdict,
        Verdict::Audited
    );
    // Another namespace keeps the default.
    let mut other = pod("web", true);
    other["metadata"]["namespace"] = json!("billing");
    assert_eq!(decide(&w, review("CREATE", "billing", &other, &json!({})), &warn).verdict, Verdict::Denied);
    // An unreadable mode fails closed, with a warning saying so.
    let bad = ns(&[("ladrillo.dev/webhook-mode", "off")]);
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &bad);
    assert_eq!(a.verdict, Verdict::Denied);
    assert!(a.response["warnings"][0].as_str().unwrap().contains("invalid value `off`"));
    // The config's per-namespace mode wins over the label.
    let w = webhook(&format!("{POD_RULES}webhook:\n  namespaces:\n    shop: enforce\n"), None);
    assert_eq!(
        decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &warn).verdict,
        Verdict::Denied
    );
    // The config's default mode, and --mode over it.
    let w = webhook(&format!("{POD_RULES}webhook:\n  mode: warn\n"), None);
    assert_eq!(
        decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels()).verdict,
        Verdict::Warned
    );
    let w = webhook(&format!("{POD_RULES}webhook:\n  mode: warn\n"), Some(WebhookMode::Enforce));
    assert_eq!(
        decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels()).verdict,
        Verdict::Denied
    );
}

#[test]
fn exempt_namespaces_are_admitted_unchecked_and_none_are_exempt_by_default() {
    let mut p = pod("kube-proxy", true);
    p["metadata"]["namespace"] = json!("kube-system");
    let w = webhook(POD_RULES, None);
    assert_eq!(
        decide(&w, review("CREATE", "kube-system", &p, &json!({})), &no_labels()).verdict,
        Verdict::Denied
    );
    let w = webhook(&format!("{POD_RULES}webhook:\n  exempt-namespaces: [kube-system]\n"), None);
    let a = decide(&w, review("CREATE", "kube-system", &p, &json!({})), &no_labels());
    assert_eq!((a.verdict, &a.response["allowed"]), (Verdict::Exempt, &json!(true)));
}

#[test]
fn malformed_reviews_get_400_with_a_message() {
    let w = webhook(POD_RULES, None);
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"{\"apiVersion\": ".to_vec(), "cannot be read as JSON"),
        (b"".to_vec(), "one AdmissionReview"),
        (b"[1, 2]".to_vec(), "expected an AdmissionReview"),
        (br#"{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{}}"#.to_vec(), "admission.k8s.io/v1"),
        (br#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}"#.to_vec(), "no `request`"),
        (br#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"operation":"CREATE"}}"#.to_vec(), "no `request.uid`"),
        (br#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"1","operation":"PATCH"}}"#.to_vec(), "unknown operation `PATCH`"),
        (br#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"1","operation":"CREATE"}}"#.to_vec(), "needs `request.object`"),
        (br#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"1","operation":"CREATE","object":"x"}}"#.to_vec(), "must be an object"),
        (vec![0xff, 0xfe, 0x00], "UTF-16"),
        // JSON, but an object rather than a review of it.
        (br#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"}}"#.to_vec(), "expected an AdmissionReview"),
        (b"null".to_vec(), "expected an AdmissionReview"),
        (br#"{"apiVersion":"admission.k8s.io/v2","kind":"AdmissionReview","request":{"uid":"1"}}"#.to_vec(), "admission.k8s.io/v1"),
        (br#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReviewList","request":{"uid":"1"}}"#.to_vec(), "expected an AdmissionReview"),
        // Nested deeper than the reader follows: refused with a position, not a stack overflow.
        (deeply_nested(100_000), "cannot be read as JSON: recursion limit exceeded at line 1"),
    ];
    for (body, expected) in cases {
        let shown = String::from_utf8_lossy(&body).into_owned();
        let d = w.decide(body, &no_labels());
        let text = String::from_utf8(d.body).unwrap();
        assert_eq!((d.status, d.verdict), (400, Verdict::Malformed), "{shown}: {text}");
        assert!(
            text.starts_with("malformed AdmissionReview: ") && text.contains(expected),
            "{shown}: {text}"
        );
    }
}

/// A review whose object nests `depth` arrays.
fn deeply_nested(depth: usize) -> Vec<u8> {
    let head = r#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"1","operation":"CREATE","object":{"apiVersion":"v1","kind":"Pod","spec":"#;
    [head, &"[".repeat(depth), &"]".repeat(depth), "}}}"].concat().into_bytes()
}

#[test]
fn a_huge_object_is_judged_and_its_denial_stays_bounded() {
    // Just under the server's 3 MiB body limit: thousands of privileged containers.
    let w = webhook(POD_RULES, None);
    let containers: Vec<Value> = (0..30_000)
        .map(|i| json!({"name": format!("c{i}"), "image": "registry.example.com/app:1", "securityContext": {"privileged": true}}))
        .collect();
    let mut object = pod("huge", false);
    object["spec"]["containers"] = Value::Array(containers);
    let body = review("CREATE", "shop", &object, &json!({}));
    assert!(
        body.len() > 2 * 1024 * 1024 && body.len() < ladrillo::webhook::server::MAX_BODY,
        "{} bytes",
        body.len()
    );
    let a = decide(&w, body, &no_labels());
    assert_eq!((a.status, a.verdict), (200, Verdict::Denied));
    let message = a.response["status"]["message"].as_str().unwrap();
    assert!(message.len() <= 4096 && message.contains("more"), "{} bytes: {message}", message.len());
}

#[test]
fn an_object_that_is_not_one_is_denied_with_the_input_error() {
    let w = webhook(POD_RULES, None);
    let bad = json!({"apiVersion": "v1", "kind": "Pod", "metadata": "web"});
    let a = decide(&w, review("CREATE", "shop", &bad, &json!({})), &no_labels());
    assert_eq!(a.verdict, Verdict::Denied, "{}", a.response);
    assert!(a.response["status"]["message"].as_str().unwrap().contains("`metadata` must be an object"));
}

#[test]
fn update_blocks_only_what_it_adds() {
    let w = webhook(POD_RULES, None);
    // Already privileged before: a label change is allowed, the finding shown as a warning.
    let mut relabelled = pod("web", true);
    relabelled["metadata"]["labels"]["tier"] = json!("front");
    let a = decide(
        &w,
        review("UPDATE", "shop", &relabelled, &json!({"oldObject": pod("web", true)})),
        &no_labels(),
    );
    assert_eq!(a.verdict, Verdict::Warned, "{}", a.response);
    assert!(a.response["warnings"][0].as_str().unwrap().contains("already there before this update"));
    // Made privileged by the update: denied.
    let a = decide(
        &w,
        review("UPDATE", "shop", &pod("web", true), &json!({"oldObject": pod("web", false)})),
        &no_labels(),
    );
    assert_eq!(a.verdict, Verdict::Denied);
    // A new finding beside an old one is denied, and only the new one blocks.
    let mut both = pod("web", true);
    both["spec"]["hostNetwork"] = json!(true);
    let a =
        decide(&w, review("UPDATE", "shop", &both, &json!({"oldObject": pod("web", true)})), &no_labels());
    assert_eq!(a.decision.denied_by, vec!["POD007"], "{}", a.response);
}

#[test]
fn operations_and_subresources_that_carry_no_spec_are_allowed_unchecked() {
    let w = webhook(POD_RULES, None);
    let delete = decide(
        &w,
        review("DELETE", "shop", &pod("web", true), &json!({"object": null, "oldObject": pod("web", true)})),
        &no_labels(),
    );
    assert_eq!((delete.verdict, &delete.response["allowed"]), (Verdict::Allowed, &json!(true)));
    let exec =
        json!({"kind": "PodExecOptions", "apiVersion": "v1", "command": ["sh"], "metadata": {"name": "web"}});
    let connect = decide(
        &w,
        review(
            "CONNECT",
            "shop",
            &exec,
            &json!({"subResource": "exec", "resource": {"group": "", "version": "v1", "resource": "pods"}}),
        ),
        &no_labels(),
    );
    assert_eq!(connect.verdict, Verdict::Allowed);
    let status = decide(
        &w,
        review(
            "UPDATE",
            "shop",
            &pod("web", true),
            &json!({"subResource": "status", "oldObject": pod("web", false)}),
        ),
        &no_labels(),
    );
    assert_eq!(status.verdict, Verdict::Allowed);
    // An ephemeral container added to a running Pod is judged.
    let mut debug = pod("web", false);
    debug["spec"]["ephemeralContainers"] =
        json!([{"name": "debug", "image": "busybox", "securityContext": {"privileged": true}}]);
    let a = decide(
        &w,
        review(
            "UPDATE",
            "shop",
            &debug,
            &json!({"subResource": "ephemeralcontainers", "oldObject": pod("web", false)}),
        ),
        &no_labels(),
    );
    assert_eq!(a.verdict, Verdict::Denied, "{}", a.response);
    assert!(a.response["status"]["message"].as_str().unwrap().contains("spec.ephemeralContainers[0]"));
}

#[test]
fn a_deployment_is_judged_by_its_pod_template_and_the_namespace_is_filled_in() {
    let w = webhook("select: [privileged-container, default-namespace]\n", None);
    let deployment = json!({
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
        "spec": {"selector": {"matchLabels": {"app": "web"}}, "template": {
            "metadata": {"labels": {"app": "web"}},
            "spec": {"containers": [{"name": "app", "image": "nginx", "securityContext": {"privileged": true}}]}}}
    });
    let mut body: Value = serde_json::from_slice(&review("CREATE", "shop", &deployment, &json!({}))).unwrap();
    body["request"]["kind"] = json!({"group": "apps", "version": "v1", "kind": "Deployment"});
    body["request"]["resource"] = json!({"group": "apps", "version": "v1", "resource": "deployments"});
    let a = decide(&w, serde_json::to_vec(&body).unwrap(), &no_labels());
    // In namespace shop (from the request), not default.
    assert_eq!(a.decision.denied_by, vec!["POD001"], "{}", a.response);
    assert!(a.response["status"]["message"].as_str().unwrap().contains("spec.template.spec.containers[0]"));
}

#[test]
fn pss_level_comes_from_the_namespace_labels() {
    let w = webhook("select: [pss]\n", None);
    // Runs as root: fine for baseline, not for restricted.
    let mut p = pod("web", false);
    p["spec"]["containers"][0]["securityContext"] = json!({});
    let body = || review("CREATE", "shop", &p, &json!({}));
    let baseline = ns(&[("pod-security.kubernetes.io/enforce", "baseline")]);
    assert_eq!(decide(&w, body(), &baseline).verdict, Verdict::Allowed);
    let restricted = ns(&[("pod-security.kubernetes.io/enforce", "restricted")]);
    let a = decide(&w, body(), &restricted);
    assert_eq!(a.verdict, Verdict::Denied);
    assert!(
        a.response["status"]["message"]
            .as_str()
            .unwrap()
            .contains("violates PodSecurity \"restricted:latest\"")
    );
    // A namespace not in the cache is judged at the target level (restricted by default).
    assert_eq!(decide(&w, body(), &no_labels()).verdict, Verdict::Denied);
}

#[test]
fn long_denials_and_many_warnings_are_bounded() {
    let w = webhook("select: [privileged-container]\n", Some(WebhookMode::Enforce));
    let mut p = pod("web", true);
    let containers: Vec<Value> = (0..200)
        .map(|i| json!({"name": format!("c{i}"), "image": "nginx", "securityContext": {"privileged": true}}))
        .collect();
    p["spec"]["containers"] = json!(containers);
    let a = decide(&w, review("CREATE", "shop", &p, &json!({})), &no_labels());
    let message = a.response["status"]["message"].as_str().unwrap();
    assert!(message.len() <= ladrillo::webhook::decision::MAX_MESSAGE, "{}", message.len());
    assert!(message.ends_with("more"), "{message}");
    let w = webhook("select: [privileged-container]\n", Some(WebhookMode::Warn));
    let a = decide(&w, review("CREATE", "shop", &p, &json!({})), &no_labels());
    let warnings = a.response["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), ladrillo::webhook::decision::MAX_WARNINGS);
    assert!(warnings.last().unwrap().as_str().unwrap().contains("189 more"), "{warnings:?}");
}

#[test]
fn messages_follow_the_language() {
    let config = Config::parse(&common::source(".ladrillo.yaml", POD_RULES)).unwrap();
    let w = Webhook::new(config, None, common::test_day(), Lang::Es);
    let a = decide(&w, review("CREATE", "shop", &pod("web", true), &json!({})), &no_labels());
    let message = a.response["status"]["message"].as_str().unwrap();
    assert!(message.starts_with("ladrillo ha denegado este Pod: 1 hallazgo"), "{message}");
}

#[test]
fn every_rule_has_an_admission_scope() {
    let mut missing = Vec::new();
    for rule in ladrillo::rules::all() {
        if scope::scope(*rule).is_none() {
            missing.push(format!("{} {}", rule.meta().code, rule.meta().name));
        }
    }
    assert!(missing.is_empty(), "add these rules to the table of src/webhook/scope.rs: {missing:?}");
    for code in scope::table_codes() {
        assert!(ladrillo::rules::find(code).is_some(), "src/webhook/scope.rs names an unknown rule {code}");
    }
}

/// Each rule the table runs at admission finds, about each object of its fixture judged alone
/// (with its Namespace, when the fixture has it), what a scan of the whole fixture finds about
/// that object: it needs no other object.
#[test]
fn admission_rules_judge_each_fixture_object_alone_as_the_scan_does() {
    let mut disagreements = Vec::new();
    let mut checked = 0;
    for rule in ladrillo::rules::all().iter().filter(|r| scope::at_admission(**r)) {
        let meta = rule.meta();
        let path = common::root().join(format!("tests/fixtures/{}/{}.yaml", meta.group.as_str(), meta.name));
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let settings = common::settings(&[meta.name]);
        let whole = ladrillo::scan::scan_files(&[common::source("fixture.yaml", &text)], &settings);
        let inputs = ladrillo::input::Inputs::from_files(&[common::source("fixture.yaml", &text)]);
        let objects = inputs.set.objects();
        for (i, o) in objects.iter().enumerate() {
            if o.kind == "Namespace" && scope::scope(*rule) == Some(scope::Scope::Namespace) {
                continue;
            }
            let expected: Vec<String> = whole
                .findings
                .iter()
                .filter(|f| f.object_index == Some(i))
                .map(|f| format!("{} {} {}", f.path_text(), f.message(), f.suppressed.is_some()))
                .collect();
            // The object alone, beside its Namespace for the rules that read its labels.
            let mut loader = ladrillo::input::Loader::default();
            let namespace = objects
                .iter()
                .find(|n| n.kind == "Namespace" && Some(n.name.as_str()) == o.effective_namespace());
            let own = common::source(&format!("object-{i}.yaml"), &node_text(o));
            loader.file(std::sync::Arc::clone(&own));
            if let Some(n) = namespace.filter(|_| scope::scope(*rule) == Some(scope::Scope::Namespace)) {
                loader.file(common::source("namespace.yaml", &node_text(n)));
            }
            let alone_inputs = loader.finish();
            let Some(index) = alone_inputs
                .set
                .objects()
                .iter()
                .position(|x| x.origin.as_ref().is_some_and(|or| std::sync::Arc::ptr_eq(&or.file, &own)))
            else {
                continue;
            };
            let alone = ladrillo::scan::scan_object(alone_inputs, index, &settings);
            let got: Vec<String> = alone
                .findings
                .iter()
                .filter(|f| f.object_index == Some(index))
                .map(|f| format!("{} {} {}", f.path_text(), f.message(), f.suppressed.is_some()))
                .collect();
            checked += 1;
            if got != expected {
                disagreements.push(format!(
                    "{} on {} {}: scan {expected:?}, alone {got:?}",
                    meta.code, o.kind, o.name
                ));
            }
        }
    }
    assert!(checked > 100, "only {checked} objects checked");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

/// An object's tree as JSON text.
fn node_text(o: &ladrillo::model::Object) -> String {
    o.root.to_json().to_string()
}

/// Every Pod of the upstream Pod Security admission fixtures that is a fixture of the latest
/// version, wrapped in an AdmissionReview for a namespace enforcing its level: the webhook
/// allows the `pass` fixtures and denies the `fail` ones.
#[test]
fn pss_conformance_fixtures_agree_through_the_webhook() {
    let dir = common::root().join("tests/data/pss-conformance");
    let manifest = common::read(&dir.join("MANIFEST.tsv"));
    let pods_text = common::read(&dir.join("pods.yaml"));
    let mut pods: Vec<String> = Vec::new();
    for line in pods_text.split_inclusive('\n') {
        if line.starts_with("--- # ") {
            pods.push(String::new());
        } else if let Some(p) = pods.last_mut() {
            p.push_str(line);
        }
    }
    let rows: Vec<Vec<&str>> = manifest.lines().skip(1).map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), pods.len());
    let latest = rows
        .iter()
        .filter_map(|r| r[1].split("..").last()?.strip_prefix("v1.")?.parse::<u32>().ok())
        .max()
        .unwrap();
    let w = webhook("select: [pss]\n", None);
    let mut failures = Vec::new();
    let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
    for (row, text) in rows.iter().zip(&pods) {
        let to = row[1].split("..").last().unwrap();
        if to != format!("v1.{latest}") {
            continue;
        }
        let (level, expected) = (row[0], row[2]);
        let mut stream = ladrillo::document::yaml::parse(text);
        let mut object = stream.documents.remove(0).root.to_json();
        object["metadata"]["namespace"] = json!("shop");
        let labels = ns(&[("pod-security.kubernetes.io/enforce", level)]);
        let a = decide(&w, review("CREATE", "shop", &object, &json!({})), &labels);
        let allowed = a.response["allowed"] == json!(true);
        *counts.entry((level, expected)).or_default() += 1;
        if allowed != (expected == "pass") {
            failures.push(format!(
                "{} ({level}): expected {expected}, got {}",
                row[6].replace("{N}", &latest.to_string()),
                a.response
            ));
        }
    }
    // Both levels, both verdicts, in numbers that show the whole set was read.
    for key in [("baseline", "pass"), ("baseline", "fail"), ("restricted", "pass"), ("restricted", "fail")] {
        assert!(counts.get(&key).copied().unwrap_or(0) >= 10, "{key:?}: {counts:?}");
    }
    assert!(failures.is_empty(), "{} disagree:\n{}", failures.len(), failures.join("\n"));
}

fn ladrillo() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("ladrillo").unwrap();
    c.env("NO_COLOR", "1").env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    c
}

/// The deployment manifests scan clean with every rule, with and without cert-manager.
#[test]
fn the_manifests_scan_clean_with_every_rule() {
    for extra in [&[][..], &["--no-cert-manager", "--namespace", "admission", "--mode", "enforce"][..]] {
        let out = ladrillo()
            .args(["webhook", "manifests"])
            .args(extra)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        for needle in [
            "kind: ValidatingWebhookConfiguration",
            "failurePolicy: Fail",
            "sideEffects: None",
            "timeoutSeconds: 5",
            "admissionReviewVersions: [v1]",
            "operator: NotIn",
            "matchConditions:",
            "kind: PodDisruptionBudget",
            "kind: HorizontalPodAutoscaler",
            "kind: NetworkPolicy",
        ] {
            assert!(text.contains(needle), "{extra:?}: no `{needle}`");
        }
        assert_eq!(text.contains("kind: Certificate"), extra.is_empty());
        assert_eq!(text.contains("caBundle"), !extra.is_empty());
        ladrillo().args(["scan", "--select", "all", "--no-config", "-"]).write_stdin(text).assert().code(0);
    }
}

#[test]
fn certs_writes_a_ca_and_a_serving_certificate_for_the_service_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("certs");
    let stdout = ladrillo()
        .args(["webhook", "certs", "--out"])
        .arg(&out)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8(stdout).unwrap();
    assert!(stdout.contains("create secret tls ladrillo-webhook-tls"), "{stdout}");
    assert!(stdout.contains("ladrillo-webhook.ladrillo-system.svc"), "{stdout}");
    for name in ["ca.crt", "ca.key", "tls.crt", "tls.key"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(text.starts_with("-----BEGIN "), "{name}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(out.join("tls.key")).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the key is readable by others: {mode:o}");
    }
    // The serving certificate loads as the server loads it.
    let options = ladrillo::webhook::server::Options {
        cert: out.join("tls.crt"),
        key: out.join("tls.key"),
        reload_every: std::time::Duration::from_secs(1),
    };
    assert!(ladrillo::webhook::server::Certificate::load(&options).is_ok());
    let before = std::fs::read(out.join("ca.key")).unwrap();
    let err =
        ladrillo().args(["webhook", "certs", "--out"]).arg(&out).assert().code(2).get_output().stderr.clone();
    assert!(String::from_utf8_lossy(&err).contains("never overwrites"));
    assert_eq!(std::fs::read(out.join("ca.key")).unwrap(), before);
}

#[test]
fn the_server_refuses_missing_or_bad_certificates_and_configs_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.crt");
    let err = ladrillo()
        .args(["webhook", "--no-namespace-watch", "--tls-cert"])
        .arg(&missing)
        .arg("--tls-key")
        .arg(&missing)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&err).contains("cannot load the serving certificate"));
    let config = dir.path().join("c.yaml");
    std::fs::write(&config, "webhook:\n  mode: block\n").unwrap();
    let err = ladrillo()
        .args(["webhook", "--no-namespace-watch", "--tls-cert"])
        .arg(&missing)
        .arg("--tls-key")
        .arg(&missing)
        .arg("--config")
        .arg(&config)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&err).contains("unknown webhook mode `block`"),
        "{}",
        String::from_utf8_lossy(&err)
    );
    // Without the certificate flags, clap says what is missing.
    ladrillo().args(["webhook"]).assert().code(2);
}

/// The webhook judges each review on the calling thread (`ScanSettings::parallel` off): its
/// answers are byte for byte those of the scan engine on rayon's pool, for the benchmark's
/// reviews (allowed and denied), as CREATE and as UPDATE, with and without a Namespace.
#[test]
fn reviews_judged_on_the_calling_thread_get_the_answers_of_a_parallel_scan() {
    let sequential = webhook("fail-on: high\n", None);
    assert!(!sequential.settings.parallel, "the webhook judges each review on its calling thread");
    let mut parallel = webhook("fail-on: high\n", None);
    parallel.settings.parallel = true;
    let dir = common::root().join("bench/webhook");
    let mut bodies = Vec::new();
    for name in ["pod-ok", "pod-denied", "deployment-ok", "deployment-denied"] {
        let create: Value =
            serde_json::from_slice(&std::fs::read(dir.join(format!("{name}.json"))).unwrap()).unwrap();
        let mut update = create.clone();
        update["request"]["operation"] = json!("UPDATE");
        update["request"]["oldObject"] = create["request"]["object"].clone();
        bodies.push(serde_json::to_vec(&create).unwrap());
        bodies.push(serde_json::to_vec(&update).unwrap());
    }
    let mut restricted = Labels::new();
    let namespace = |body: &[u8]| {
        let v: Value = serde_json::from_slice(body).unwrap();
        v["request"]["namespace"].as_str().unwrap().to_string()
    };
    restricted.insert(
        namespace(&bodies[0]),
        vec![("pod-security.kubernetes.io/enforce".to_string(), "restricted".to_string())],
    );
    let mut verdicts = Vec::new();
    for labels in [no_labels(), restricted] {
        for body in &bodies {
            let a = sequential.decide(body.clone(), &labels);
            let b = parallel.decide(body.clone(), &labels);
            assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
            assert_eq!(
                String::from_utf8_lossy(&a.body),
                String::from_utf8_lossy(&b.body),
                "sequential and parallel answers differ"
            );
            assert_eq!((a.verdict, a.findings, &a.denied_by), (b.verdict, b.findings, &b.denied_by));
            verdicts.push(a.verdict);
        }
    }
    assert!(
        verdicts.contains(&Verdict::Denied) && verdicts.iter().any(|v| *v != Verdict::Denied),
        "both allowed and denied reviews: {verdicts:?}"
    );
}
