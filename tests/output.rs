//! Every output format, snapshotted on the same input; SARIF validated against the official
//! OASIS schema; JSON checked for the documented shape.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::i18n::Lang;
use ladrillo::report::{self, Format, ReportOptions};
use ladrillo::scan::ScanResult;

const INPUT: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  annotations:
    ladrillo.dev/ignore: run-as-root
    ladrillo.dev/ignore-reason: image runs as root until the base image is rebuilt
    ladrillo.dev/ignore-until: 2027-01-31
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
---
apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
    - name: app
      securityContext:
        runAsNonRoot: false
";

fn result() -> ScanResult {
    common::scan_text(INPUT, &["privileged-container", "run-as-root", "unused-waiver", "invalid-waiver"])
}

#[test]
fn text_report() {
    let r = result();
    insta::assert_snapshot!(report::render(&r, Format::Text, ReportOptions::default()));
    insta::assert_snapshot!(
        "text_with_suppressed",
        report::render(
            &r,
            Format::Text,
            ReportOptions { show_suppressed: true, color: false, ..Default::default() }
        )
    );
}

#[test]
fn text_report_in_spanish() {
    let options = ReportOptions { show_suppressed: true, lang: Lang::Es, ..Default::default() };
    let text = report::render(&result(), Format::Text, options);
    assert!(!text.contains(['\u{2068}', '\u{2069}']), "Fluent isolation marks leaked: {text:?}");
    insta::assert_snapshot!(text);
}

#[test]
fn json_report_has_the_documented_shape() {
    let r = result();
    let text = report::render(&r, Format::Json, ReportOptions::default());
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for f in v["findings"].as_array().unwrap() {
        for key in [
            "rule",
            "name",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "object",
            "path",
            "help",
            "references",
        ] {
            assert!(f.get(key).is_some(), "finding lacks `{key}`: {f}");
        }
        for key in ["apiVersion", "kind", "namespace", "name"] {
            assert!(f["object"].get(key).is_some(), "object lacks `{key}`");
        }
    }
    assert_eq!(v["suppressed"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["suppressed"][0]["suppressed"]["reason"],
        "image runs as root until the base image is rebuilt"
    );
    assert!(v["errors"].as_array().unwrap().is_empty());
    assert_eq!(v["summary"]["objects"], 2);
    insta::assert_snapshot!(text);
}

#[test]
fn sarif_report_is_valid_sarif_2_1_0() {
    let r = result();
    let text = report::render(&r, Format::Sarif, ReportOptions::default());
    let sarif: serde_json::Value = serde_json::from_str(&text).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&common::read(&common::root().join("tests/data/sarif-schema-2.1.0.json")))
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(&sarif).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF schema violations:\n{}", errors.join("\n"));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().all(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64()));
    assert!(results.iter().any(|r| r.get("suppressions").is_some()));
    // Rule descriptors are listed so that ruleIndex points at the right one.
    for res in results {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(sarif["runs"][0]["tool"]["driver"]["rules"][idx]["id"], res["ruleId"]);
    }
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().len();
    insta::assert_snapshot!(redact_rules(&sarif, rules));
}

/// The full rule list changes with every new rule; the snapshot keeps results and invocation.
fn redact_rules(sarif: &serde_json::Value, count: usize) -> String {
    let mut s = sarif.clone();
    assert!(count > 0);
    s["runs"][0]["tool"]["driver"]["rules"] = serde_json::json!("[rule descriptors]");
    for r in s["runs"][0]["results"].as_array_mut().unwrap() {
        r["ruleIndex"] = serde_json::json!("[index]");
    }
    serde_json::to_string_pretty(&s).unwrap()
}

#[test]
fn junit_report() {
    let r = result();
    insta::assert_snapshot!(report::render(&r, Format::Junit, ReportOptions::default()));
}

#[test]
fn html_report_escapes_everything() {
    let text = INPUT.replace("name: web", "name: \"<script>alert(1)</script>\"");
    let r = common::scan_text(&text, &["privileged-container"]);
    let html = report::render(&r, Format::Html, ReportOptions::default());
    assert_eq!(html.matches("<script").count(), 1, "only the page's own script: {html}");
    assert!(!html.contains("<script>alert"), "unescaped input in HTML");
    assert!(html.contains("&lt;script&gt;"));
    insta::assert_snapshot!(report::render(
        &result(),
        Format::Html,
        ReportOptions { show_suppressed: true, color: false, ..Default::default() }
    ));
}

#[test]
fn errors_appear_in_every_format() {
    let files = [common::source("bad.yaml", "a: [1, 2\n"), common::source("good.yaml", INPUT)];
    let r = ladrillo::scan::scan_files(&files, &common::settings(&["privileged-container"]));
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.exit_code(ladrillo::settings::FailOn::Never), 2);
    for format in
        [Format::Text, Format::Json, Format::Sarif, Format::Junit, Format::Html, Format::Policyreport]
    {
        let out = report::render(&r, format, ReportOptions::default());
        assert!(out.contains("bad.yaml"), "{format:?} does not name the bad file");
        assert!(out.contains("privileged"), "{format:?} lost the good file's finding");
    }
}

#[test]
fn markdown_report() {
    use ladrillo::report::markdown::{self, Links};
    let r = result();
    insta::assert_snapshot!("markdown", markdown::render(&r, &Links::default()));
    let linked = markdown::render(&r, &Links { base: Some("https://github.com/o/r/blob/abc/".into()) });
    assert!(linked.contains("](https://github.com/o/r/blob/abc/test.yaml#L"), "{linked}");
}

/// Names from the input cannot open a link, a mention, HTML or a new table cell.
#[test]
fn markdown_escapes_names() {
    let input = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x|<script>@team[a](b)\"\nspec:\n  containers:\n    - name: c\n      securityContext: {privileged: true}\n";
    let r = common::scan_text(input, &["privileged-container"]);
    let md = ladrillo::report::markdown::render(&r, &ladrillo::report::markdown::Links::default());
    let row = md.lines().find(|l| l.contains("POD001")).unwrap();
    assert_eq!(row.matches('|').count(), 5, "{row}");
    for bad in ["<script>", "@team", "[a](b)"] {
        assert!(!md.contains(bad), "{bad} unescaped in {md}");
    }
}

/// Many findings stay under GitHub's comment limit, with a count of those left out.
#[test]
fn markdown_stays_under_the_comment_limit() {
    use std::fmt::Write as _;
    let mut input = String::new();
    for i in 0..3000 {
        let _ = write!(
            input,
            "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-with-a-rather-long-name-{i}\nspec:\n  containers:\n    - name: c\n      securityContext: {{privileged: true}}\n"
        );
    }
    let r = common::scan_text(&input, &["privileged-container"]);
    assert_eq!(r.active().count(), 3000);
    let md = ladrillo::report::markdown::render(&r, &ladrillo::report::markdown::Links::default());
    assert!(md.chars().count() <= ladrillo::report::markdown::GITHUB_COMMENT_LIMIT);
    let shown = md.lines().filter(|l| l.contains("POD001")).count();
    assert!(shown > 100, "{shown}");
    assert!(md.contains(&format!("_{} more findings not shown", 3000 - shown)), "{}", &md[md.len() - 300..]);
}

#[test]
fn policyreport_report() {
    let text = report::render(&result(), Format::Policyreport, ReportOptions::default());
    insta::assert_snapshot!(text);
    let list: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(list["kind"], "List");
    let items = list["items"].as_array().unwrap();
    let shop =
        items.iter().find(|i| i["kind"] == "PolicyReport" && i["metadata"]["namespace"] == "shop").unwrap();
    assert_eq!(shop["apiVersion"], "wgpolicyk8s.io/v1alpha2");
    let results = shop["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["rule"] == "POD001" && r["result"] == "fail" && r["resources"][0]["name"] == "web")
    );
    // The waived finding is a skip, counted as one.
    assert!(results.iter().any(|r| r["result"] == "skip"));
    assert_eq!(shop["summary"]["skip"], results.iter().filter(|r| r["result"] == "skip").count());
    assert_eq!(items.last().unwrap()["kind"], "ClusterPolicyReport");
}

/// The page loads nothing from elsewhere, forbids it by policy, and is usable without a mouse:
/// every filter is a labelled native control, tables have header cells, the language is set.
/// (`tests/html_browser.rs` checks the same page in Chromium.)
#[test]
fn html_report_is_self_contained_and_accessible() {
    for lang in ladrillo::i18n::Lang::ALL {
        let html =
            report::render(&result(), Format::Html, ReportOptions { lang, ..ReportOptions::default() });
        for external in [" src=", "<link", "url(", "@import", "http:", "https:", "//fonts"] {
            assert!(!html.contains(external), "{external} in {html}");
        }
        assert!(html.contains(
            "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""
        ));
        assert!(html.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{}\">", lang.code())));
        assert_eq!(html.matches("<select").count(), 3, "severity, rule, namespace");
        assert_eq!(
            html.matches("<label>").count(),
            html.matches("<select").count(),
            "a select without label"
        );
        assert!(
            !html.contains("tabindex=\"-1\"") && !html.contains("onclick"),
            "a control out of keyboard reach"
        );
        assert!(html.contains("<th scope=\"col\">") && html.contains("<main>"));
        assert!(html.contains("data-namespace=\"shop\"") && html.contains("data-rule=\"POD001\""));
        assert!(html.contains("@media print"));
    }
    let es = report::render(
        &result(),
        Format::Html,
        ReportOptions { lang: ladrillo::i18n::Lang::Es, ..ReportOptions::default() },
    );
    assert!(
        es.contains("Hallazgos por severidad")
            && es.contains("el contenedor &quot;app&quot; se ejecuta en modo privilegiado"),
        "{es}"
    );
}

#[test]
fn markdown_report_in_spanish() {
    use ladrillo::report::markdown::{self, Links};
    let md = markdown::render_in(&result(), &Links::default(), ladrillo::i18n::Lang::Es);
    insta::assert_snapshot!("markdown_es", md);
}

/// A scan with an EKS cluster shows each node group's pod capacity in the page, in the reader's
/// language; a scan without clusters has no such section.
#[test]
fn html_report_shows_node_group_capacity() {
    let path = common::root().join("tests/fixtures/eks/insufficient-pod-capacity.ok.yaml");
    let r = common::scan_text(&common::read(&path), &["insufficient-pod-capacity"]);
    assert!(!r.summary.capacity.is_empty());
    let en = report::render(&r, Format::Html, ReportOptions::default());
    assert!(en.contains("<h2 id=\"capacity\">Node-group capacity</h2>"), "{en}");
    assert!(en.contains("<td>cluster &quot;ok-fits&quot;</td>"), "{en}");
    assert!(en.contains("5 nodes × 29 pods (m5.large) = 145 pods"), "{en}");
    let es = report::render(&r, Format::Html, ReportOptions { lang: Lang::Es, ..ReportOptions::default() });
    assert!(es.contains("<h2 id=\"capacity\">Capacidad de los grupos de nodos</h2>"), "{es}");
    assert!(es.contains("<td>clúster &quot;ok-fits&quot;</td>"), "{es}");
    assert!(es.contains("5 nodos × 29 pods (m5.large) = 145 pods"), "{es}");
    let none = report::render(&result(), Format::Html, ReportOptions::default());
    assert!(!none.contains("id=\"capacity\""), "{none}");
}

/// The page shows the NetworkPolicy reachability matrix, cell for cell the one
/// `netpol reach --format matrix` prints, in the reader's language; no section without
/// NetworkPolicies; above the size limit a note instead of the table.
#[test]
fn html_report_shows_the_reachability_matrix() {
    let run = |args: &[&str]| {
        let mut c = assert_cmd::Command::cargo_bin("ladrillo").unwrap();
        c.current_dir(common::root()).env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES");
        String::from_utf8(c.args(args).output().unwrap().stdout).unwrap()
    };
    let section = |page: &str| -> Option<String> {
        let start = page.find("<section aria-labelledby=\"reachability\"")?;
        let rest = page.get(start..).unwrap();
        Some(rest.get(..rest.find("</section>").unwrap()).unwrap().to_string())
    };
    let file = "tests/netpol/and-vs-or.yaml";
    let matrix = run(&["netpol", "reach", "--no-config", "-f", "matrix", file]);
    let rows: Vec<String> = matrix
        .lines()
        .skip_while(|l| !l.starts_with("from"))
        .skip(1)
        .flat_map(|l| l.split_whitespace().skip(1).map(str::to_string).collect::<Vec<_>>())
        .collect();
    assert_eq!(rows.len(), 36, "{matrix}");
    assert!(rows.iter().any(|c| c == "all") && rows.iter().any(|c| c == "-"), "{matrix}");
    let en = section(&run(&["scan", "--no-config", "-f", "html", file])).expect("no reachability section");
    let cells: Vec<String> =
        en.split("<td><code>").skip(1).map(|c| c.split("</code>").next().unwrap().to_string()).collect();
    assert_eq!(cells, rows);
    assert!(en.contains("<li>red/and-target[Pod]</li>"), "{en}");
    let es = section(&run(&["--lang", "es", "scan", "--no-config", "-f", "html", file])).unwrap();
    assert!(es.contains("Alcance de las políticas de red"), "{es}");
    assert!(es.contains("<td><code>todo</code></td>") && !es.contains("<td><code>all</code>"), "{es}");

    let dir = tempfile::tempdir().unwrap();
    let pods: String = (0..41)
        .map(|i| format!("apiVersion: v1\nkind: Pod\nmetadata: {{name: p{i}, namespace: a}}\nspec: {{containers: [{{name: c, image: nginx}}]}}\n---\n"))
        .collect();
    std::fs::write(dir.path().join("pods.yaml"), &pods).unwrap();
    let plain = dir.path().join("pods.yaml");
    let page = run(&["scan", "--no-config", "-f", "html", plain.to_str().unwrap()]);
    assert!(page.contains("</html>") && section(&page).is_none(), "a section without NetworkPolicies");
    std::fs::write(
        dir.path().join("policy.yaml"),
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: a}\nspec: {podSelector: {}}\n",
    )
    .unwrap();
    let big = section(&run(&["scan", "--no-config", "-f", "html", dir.path().to_str().unwrap()])).unwrap();
    assert!(big.contains("41 workloads and address ranges: the matrix is shown up to 40"), "{big}");
    assert!(!big.contains("<table>"), "{big}");

    // Two workloads and 3,000 `/32` egress peers: the ranges count towards the limit (the page
    // was a table of 9 million cells, 200 MB).
    let peers: String = (0..3000)
        .map(|i| format!("        - ipBlock: {{cidr: 10.{}.{}.1/32}}\n", i / 250, i % 250))
        .collect();
    let many = tempfile::tempdir().unwrap();
    std::fs::write(
        many.path().join("in.yaml"),
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p, namespace: a}}\nspec: {{containers: [{{name: c, image: nginx}}]}}\n---\n\
             apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: eg, namespace: a}}\n\
             spec:\n  podSelector: {{}}\n  policyTypes: [Egress]\n  egress:\n    - to:\n{peers}"
        ),
    )
    .unwrap();
    let page = run(&["scan", "--no-config", "-f", "html", many.path().to_str().unwrap()]);
    let ranges = section(&page).unwrap();
    assert!(ranges.contains("workloads and address ranges: the matrix is shown up to 40"), "{ranges}");
    assert!(page.len() < 1_000_000, "{} bytes", page.len());
}

/// The page lists the RBAC escalation paths (the chain each escalation finding notes), in the
/// reader's language, most severe first; none when no finding has a chain.
#[test]
fn html_report_lists_rbac_escalation_paths() {
    let path = common::root().join("tests/fixtures/rbac/bind-verb.yaml");
    let r = common::scan_text(&common::read(&path), &["bind-verb", "role-binding-write"]);
    let section = |page: &str| -> Option<String> {
        let start = page.find("<section aria-labelledby=\"escalation\"")?;
        let rest = page.get(start..).unwrap();
        Some(rest.get(..rest.find("</section>").unwrap()).unwrap().to_string())
    };
    let en = section(&report::render(&r, Format::Html, ReportOptions::default())).expect("no section");
    assert!(en.contains("<h2 id=\"escalation\">RBAC escalation paths</h2>"), "{en}");
    let deployer =
        "chain: ServiceAccount ci/deployer → ClusterRoleBinding bad-bind-and-create → ClusterRole binder";
    assert!(en.contains(deployer), "{en}");
    let chains = r.findings.iter().filter(|f| f.notes().iter().any(|n| n.starts_with("chain: "))).count();
    assert!(chains >= 2);
    assert_eq!(en.matches("<tr><td><span class=\"sev ").count(), chains, "{en}");
    let critical = en.find("sev critical").unwrap();
    assert!(en.find("sev medium").is_none_or(|m| m > critical), "{en}");
    let es = section(&report::render(
        &r,
        Format::Html,
        ReportOptions { lang: Lang::Es, ..ReportOptions::default() },
    ))
    .unwrap();
    assert!(
        es.contains("Rutas de escalada de RBAC") && es.contains("cadena: ServiceAccount ci/deployer"),
        "{es}"
    );
    assert!(!es.contains("chain:"), "{es}");
    assert!(section(&report::render(&result(), Format::Html, ReportOptions::default())).is_none());
}

/// A line longer than an excerpt shows is cut to a window around the finding; the text header
/// still gives the file's line and column, as JSON does, for findings and input errors.
#[test]
fn text_header_gives_the_file_column_on_a_long_line() {
    let labels: Vec<String> = (0..40).map(|i| format!("l{i}: v{i}")).collect();
    let pod = format!(
        "apiVersion: v1\nkind: Pod\nmetadata: {{name: p, namespace: a, labels: {{{}}}}}\nspec: {{containers: [{{name: c, image: x, securityContext: {{privileged: true}}}}]}}\n",
        labels.join(", ")
    );
    let pod = pod.replace("spec: {", &format!("spec: {{hostname: {}, ", "h".repeat(300)));
    let r = common::scan_text(&pod, &["privileged-container"]);
    let f = r.findings.first().expect("a finding");
    let at = f.location.start().expect("a position");
    assert!(at.column > 240, "the finding is beyond the window's width: {at:?}");
    let text = report::render(&r, Format::Text, ReportOptions::default());
    assert!(text.contains(&format!("test.yaml:{}:{}\n", at.line, at.column)), "{text}");
    // An input error on such a line.
    let deep = format!("a: {}1{}\n", "[".repeat(300), "]".repeat(300));
    let r = common::scan_text(&deep, &["privileged-container"]);
    let e = r.errors.first().expect("an input error");
    let text = report::render(&r, Format::Text, ReportOptions::default());
    let (line, column) = (e.line.expect("a line"), e.column.expect("a column"));
    assert!(column > 240, "{e:?}");
    assert!(text.contains(&format!("test.yaml:{line}:{column}\n")), "{e:?}\n{text}");
}
