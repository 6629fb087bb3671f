//! Rendered sources: findings in `helm template` output name the template of their document
//! (`# Source:`), findings in `kustomize build` output the origin file of their object
//! (`config.kubernetes.io/origin`), in every output format, and keep their line in the rendered
//! text.
//!
//! The rendered inputs under `tests/data/render/` are recorded: `web-debug.helm-template.yaml` is
//! the output of `helm template web --values web/values-debug.yaml` (Helm v3.8.1) and
//! `kustomize-prod.kustomize-build.yaml` the output of `kubectl kustomize kustomize/overlays/prod`
//! (kustomize v5.5.0), both run in that directory; CI installs neither tool, so these tests read
//! the recordings and never run Helm or kustomize.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::report::{self, Format, ReportOptions};
use ladrillo::scan::ScanResult;

const SELECT: &[&str] = &["privileged-container", "exposed-service", "host-network"];

fn recorded(name: &str) -> String {
    common::read(&common::root().join("tests/data/render").join(name))
}

/// Scans a recorded rendering as standard input (`helm template … | ladrillo scan -`).
fn scan_stdin(name: &str) -> (String, ScanResult) {
    let text = recorded(name);
    let result = ladrillo::scan::scan_files(&[common::source("-", &text)], &common::settings(SELECT));
    (text, result)
}

fn json(result: &ScanResult) -> serde_json::Value {
    serde_json::from_str(&report::render(result, Format::Json, ReportOptions::default())).unwrap()
}

/// The line `line` (1-based) of `text`.
fn line(text: &str, line: u64) -> &str {
    text.lines().nth(usize::try_from(line).unwrap() - 1).unwrap()
}

#[test]
fn helm_findings_name_their_template_and_keep_the_rendered_line() {
    let (text, result) = scan_stdin("web-debug.helm-template.yaml");
    let json = json(&result);
    let findings = json["findings"].as_array().unwrap();
    let found: Vec<(&str, &str, u64)> = findings
        .iter()
        .map(|f| {
            assert_eq!(f["file"], "-");
            assert_eq!(f["rendered_from"]["by"], "helm");
            (
                f["name"].as_str().unwrap(),
                f["rendered_from"]["file"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("exposed-service", "web-app/templates/service.yaml", 9),
            ("privileged-container", "web-app/templates/deployment.yaml", 36),
        ]
    );
    // The rendered line is the offending one.
    assert_eq!(line(&text, 9).trim(), "type: NodePort");
    assert_eq!(line(&text, 36).trim(), "privileged: true");
    insta::assert_json_snapshot!("helm_json_findings", json["findings"]);
}

#[test]
fn helm_template_is_named_in_every_format() {
    let (_, result) = scan_stdin("web-debug.helm-template.yaml");
    let options = ReportOptions::default();
    let text = report::render(&result, Format::Text, options);
    assert!(text.contains(" --> -:9:3"), "{text}");
    assert!(
        text.contains("= note: rendered from the Helm template web-app/templates/service.yaml"),
        "{text}"
    );
    insta::assert_snapshot!("helm_text", text);
    let spanish =
        report::render(&result, Format::Text, ReportOptions { lang: ladrillo::i18n::Lang::Es, ..options });
    assert!(spanish.contains("generado por Helm a partir de la plantilla web-app/templates/deployment.yaml"));

    let policy = report::render(&result, Format::Policyreport, options);
    assert!(policy.contains("\"renderedFrom\": \"web-app/templates/deployment.yaml\""), "{policy}");
    assert!(policy.contains("\"renderedBy\": \"helm\""), "{policy}");

    let junit = report::render(&result, Format::Junit, options);
    assert!(junit.contains("<testsuite name=\"web-app/templates/deployment.yaml\""), "{junit}");
    assert!(junit.contains("web-app/templates/deployment.yaml (rendered at -:36:13)"), "{junit}");

    let html = report::render(&result, Format::Html, options);
    assert!(html.contains("rendered from the Helm template web-app/templates/service.yaml"), "{html}");
    assert!(html.contains("   36 |             privileged: true"), "{html}");

    use ladrillo::report::markdown::{self, Links};
    let md = markdown::render(&result, &Links { base: Some("https://github.com/o/r/blob/abc/".into()) });
    assert!(
        md.contains("[web-app/templates/service.yaml](https://github.com/o/r/blob/abc/web-app/templates/service.yaml) (rendered at -:9)"),
        "{md}"
    );
}

#[test]
fn sarif_points_at_the_template_and_keeps_the_rendered_place() {
    let (_, result) = scan_stdin("web-debug.helm-template.yaml");
    let sarif: serde_json::Value =
        serde_json::from_str(&report::render(&result, Format::Sarif, ReportOptions::default())).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&common::read(&common::root().join("tests/data/sarif-schema-2.1.0.json")))
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let privileged = results.iter().find(|r| r["properties"]["name"] == "privileged-container").unwrap();
    let physical = &privileged["locations"][0]["physicalLocation"];
    assert_eq!(physical["artifactLocation"]["uri"], "web-app/templates/deployment.yaml");
    assert_eq!(physical["region"]["startLine"], 1);
    let related = &privileged["relatedLocations"][0];
    assert_eq!(related["physicalLocation"]["artifactLocation"]["uri"], "-");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 36);
    assert_eq!(related["message"]["text"], "rendered at -:36:13");
    assert_eq!(privileged["properties"]["renderedFrom"], "web-app/templates/deployment.yaml");
    assert_eq!(privileged["properties"]["renderedBy"], "helm");
}

#[test]
fn kustomize_findings_name_their_origin_file() {
    let (text, result) = scan_stdin("kustomize-prod.kustomize-build.yaml");
    let json = json(&result);
    let found: Vec<(&str, &str, &str, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap(),
                f["rendered_from"]["file"].as_str().unwrap(),
                f["rendered_from"]["by"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("exposed-service", "service.yaml", "kustomize", 15),
            ("host-network", "../../base/deployment.yaml", "kustomize", 38),
        ]
    );
    assert_eq!(line(&text, 15).trim(), "type: LoadBalancer");
    assert_eq!(line(&text, 38).trim(), "hostNetwork: true");
    let text = report::render(&result, Format::Text, ReportOptions::default());
    assert!(text.contains("= note: rendered by kustomize from ../../base/deployment.yaml"), "{text}");
}

#[test]
fn a_comment_that_is_not_helms_names_no_template() {
    let text = "# Source: hand-written, see the wiki\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n";
    let result = common::scan_text(text, SELECT);
    let json = json(&result);
    assert_eq!(json["findings"].as_array().unwrap().len(), 1);
    assert!(json["findings"][0].get("rendered_from").is_none());
}

#[test]
fn a_source_comment_outside_a_chart_names_no_template() {
    // The Kubernetes documentation's examples open with `# Source: https://kubernetes.io/…`, and
    // copies keep it; Helm only writes paths inside a chart (`CHART/templates/FILE`).
    let body = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n";
    let plain = fingerprints(&ladrillo::scan::scan_files(
        &[common::source("svc.yaml", body)],
        &common::settings(SELECT),
    ));
    for comment in [
        "# Source: https://kubernetes.io/examples/service/nodeport.yaml",
        "# Source: /home/me/charts/app/templates/svc.yaml",
        "# Source: ../app/templates/svc.yaml",
        "# Source: service.yaml",
    ] {
        let text = format!("{comment}\n{body}");
        let result =
            ladrillo::scan::scan_files(&[common::source("svc.yaml", &text)], &common::settings(SELECT));
        let json = json(&result);
        assert_eq!(json["findings"].as_array().unwrap().len(), 1, "{comment}");
        assert!(json["findings"][0].get("rendered_from").is_none(), "{comment}");
        assert_eq!(fingerprints(&result), plain, "{comment}");
        // A waiver's `file:` glob matches the file, not the comment.
        let waived = |file: &str| {
            let config = format!(
                "waivers:\n  - rules: [exposed-service]\n    file: \"{file}\"\n    reason: r\n    until: 2099-01-01\n"
            );
            let result = ladrillo::scan::scan_files(
                &[common::source("svc.yaml", &text)],
                &common::settings_with(&config, SELECT),
            );
            result.findings.iter().any(|f| f.suppressed.is_some())
        };
        assert!(waived("svc.yaml"), "{comment}");
        assert!(!waived(comment.trim_start_matches("# Source: ")), "{comment}");
    }
}

#[test]
fn documents_after_the_helm_output_keep_their_own_template() {
    // Two renderings in one file: each document takes the comment right above it.
    let text = "---\n# Source: a/templates/s.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: t\nspec:\n  type: NodePort\n";
    let result = common::scan_text(text, SELECT);
    let json = json(&result);
    let from: Vec<Option<&str>> =
        json["findings"].as_array().unwrap().iter().map(|f| f["rendered_from"]["file"].as_str()).collect();
    assert_eq!(from, [Some("a/templates/s.yaml"), None]);
}

/// The fingerprints of a scan's findings, by rule name.
fn fingerprints(result: &ScanResult) -> Vec<(String, String)> {
    let json = json(result);
    let mut out: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap().to_string(), f["fingerprint"].as_str().unwrap().to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn rendered_findings_are_identified_by_their_template_whatever_the_rendered_file_is_called() {
    for name in ["web-debug.helm-template.yaml", "kustomize-prod.kustomize-build.yaml"] {
        let text = recorded(name);
        let piped = ladrillo::scan::scan_files(&[common::source("-", &text)], &common::settings(SELECT));
        let saved = ladrillo::scan::scan_files(
            &[common::source("out/rendered.yaml", &text)],
            &common::settings(SELECT),
        );
        assert_eq!(fingerprints(&piped).len(), 2, "{name}");
        assert_eq!(fingerprints(&piped), fingerprints(&saved), "{name}");

        // A baseline written from the piped rendering holds the saved one's findings.
        let baseline = ladrillo::scan::baseline::Baseline::parse(&report::render(
            &piped,
            Format::Json,
            ReportOptions::default(),
        ))
        .unwrap();
        let mut again = saved;
        again.apply_baseline(&baseline);
        assert!(again.findings.is_empty(), "{name}: {:?}", fingerprints(&again));
        assert_eq!(again.summary.in_baseline, 2, "{name}");
    }
    // Without rendering information the file name still tells files apart.
    let plain = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort}\n";
    let a = ladrillo::scan::scan_files(&[common::source("a.yaml", plain)], &common::settings(SELECT));
    let b = ladrillo::scan::scan_files(&[common::source("b.yaml", plain)], &common::settings(SELECT));
    assert_ne!(fingerprints(&a), fingerprints(&b));
}

#[test]
fn a_waiver_file_glob_matches_the_template_or_the_rendered_file() {
    let text = recorded("web-debug.helm-template.yaml");
    let waived = |file: &str| -> Vec<String> {
        let config = format!(
            "waivers:\n  - rules: [privileged-container, exposed-service]\n    file: \"{file}\"\n    reason: debug values only\n    until: 2099-01-01\n"
        );
        let result = ladrillo::scan::scan_files(
            &[common::source("out/web.yaml", &text)],
            &common::settings_with(&config, SELECT),
        );
        let mut names: Vec<String> = result
            .findings
            .iter()
            .filter(|f| f.suppressed.is_some())
            .map(|f| f.rule.name.to_string())
            .collect();
        names.sort();
        names
    };
    assert_eq!(waived("web-app/templates/deployment.yaml"), ["privileged-container"]);
    assert_eq!(waived("web-app/templates/*.yaml"), ["exposed-service", "privileged-container"]);
    assert_eq!(waived("out/*.yaml"), ["exposed-service", "privileged-container"]);
    assert!(waived("other/templates/*.yaml").is_empty());
}
