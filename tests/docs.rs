//! Generated documentation is committed and must equal a fresh generation. Run with
//! `LADRILLO_UPDATE_DOCS=1` to rewrite it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

/// A generated file equals a fresh generation; `LADRILLO_UPDATE_DOCS=1` rewrites it.
fn assert_fresh(relative: &str, fresh: &str) {
    let path = common::root().join(relative);
    if std::env::var_os("LADRILLO_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{relative} is stale; run `LADRILLO_UPDATE_DOCS=1 cargo test --test docs` and commit the result"
    );
}

#[test]
fn rules_md_is_fresh() {
    assert_fresh("docs/rules.md", &ladrillo::rules::docs::rules_markdown());
}

#[test]
fn guide_map_md_is_fresh() {
    assert_fresh("docs/guide-map.md", &ladrillo::rules::guide_map::guide_map_markdown());
}

#[test]
fn frameworks_md_is_fresh() {
    assert_fresh("docs/frameworks.md", &ladrillo::rules::frameworks::frameworks_markdown());
}

#[test]
fn rules_cite_only_practices_of_the_guide() {
    let known = ladrillo::rules::guide_map::practice_ids();
    for r in ladrillo::rules::all() {
        for g in r.meta().guide {
            assert!(known.contains(g), "{} cites unknown guide practice {g}", r.meta().code);
        }
    }
}

/// The first ```yaml block of a Markdown file.
fn first_yaml_block(markdown: &str) -> String {
    let start = markdown.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let end = markdown[start..].find("```").expect("closed") + start;
    markdown[start..end].to_string()
}

#[test]
fn configuration_md_example_is_valid_and_uses_every_key() {
    let text = common::read(&common::root().join("docs/configuration.md"));
    let example = first_yaml_block(&text);
    let config = ladrillo::settings::Config::parse(&common::source(".ladrillo.yaml", &example))
        .unwrap_or_else(|e| panic!("the example in docs/configuration.md is invalid: {e:?}"));
    assert!(config.pss_kubernetes_version.is_some() && !config.reachability.is_empty());
    let root = ladrillo::document::yaml::parse(&example).documents.remove(0).root;
    let keys: Vec<&str> = root.entries().map(|(k, _)| k).collect();
    for key in ladrillo::settings::KEYS {
        assert!(keys.contains(key), "docs/configuration.md's example lacks `{key}`");
    }
    let pss: Vec<&str> = root.get("pss").expect("pss").entries().map(|(k, _)| k).collect();
    for key in ladrillo::settings::PSS_KEYS {
        assert!(pss.contains(key), "docs/configuration.md's `pss` example lacks `{key}`");
    }
}

/// "opt-in" is documented only while some rule is opt-in.
#[test]
fn opt_in_is_mentioned_only_when_some_rule_is() {
    let any = ladrillo::rules::all().iter().any(|r| !r.meta().default_enabled);
    let mut files = vec![common::root().join("README.md")];
    files.extend(std::fs::read_dir(common::root().join("docs")).unwrap().flatten().map(|e| e.path()));
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "md")) {
        let text = common::read(path).to_lowercase();
        assert!(any || !text.contains("opt-in"), "{} mentions opt-in rules, but none exist", path.display());
    }
}

#[test]
fn peers_md_is_fresh() {
    assert_fresh("docs/peers.md", &ladrillo::rules::peers::peers_markdown().unwrap());
}

/// Every peer check is decided, and a decision agrees with the rules: implemented exactly when
/// some rule's `references` name it.
#[test]
fn every_peer_check_is_decided_and_agrees_with_the_rules() {
    use ladrillo::rules::peers::{Decision, checks};
    let rows = checks().unwrap_or_else(|e| panic!("{e}"));
    let referenced: std::collections::HashSet<&str> =
        ladrillo::rules::all().iter().flat_map(|r| r.meta().references.iter().copied()).collect();
    let mut seen = std::collections::HashSet::new();
    let mut problems = Vec::new();
    for r in &rows {
        let reference = r.reference();
        if !seen.insert(reference.clone()) {
            problems.push(format!("data/peers.tsv:{}: `{reference}` listed twice", r.line));
        }
        match (r.decision, referenced.contains(reference.as_str())) {
            (Decision::Implemented, false) => problems.push(format!(
                "data/peers.tsv:{}: `{reference}` is implemented but no rule references it",
                r.line
            )),
            (Decision::Declined, true) => problems.push(format!(
                "data/peers.tsv:{}: `{reference}` is declined but a rule references it",
                r.line
            )),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(rows.len() > 300, "the peer lists look truncated: {} rows", rows.len());
}

/// A Kubernetes check id a rule cites exists in the peer's list (catches typos in references).
#[test]
fn rules_cite_only_listed_peer_checks() {
    let rows = ladrillo::rules::peers::checks().unwrap_or_else(|e| panic!("{e}"));
    let listed: std::collections::HashSet<String> = rows.iter().map(|r| r.reference()).collect();
    for rule in ladrillo::rules::all() {
        for reference in rule.meta().references {
            let kubernetes = reference.starts_with("kube-linter:")
                || reference.starts_with("kubescape:")
                || reference.starts_with("checkov:CKV_K8S_")
                || reference.starts_with("checkov:CKV2_K8S_")
                || reference.starts_with("trivy:KSV");
            assert!(
                !kubernetes || listed.contains(*reference),
                "{} cites `{reference}`, which is not in data/peers.tsv",
                rule.meta().code
            );
        }
    }
}

/// The rule table of docs/webhook.md, between its markers, is generated from
/// `src/webhook/scope.rs`.
#[test]
fn webhook_md_rule_table_is_fresh() {
    const START: &str = "<!-- rule table: generated from src/webhook/scope.rs -->\n";
    const END: &str = "<!-- end of rule table -->\n";
    let path = common::root().join("docs/webhook.md");
    let text = common::read(&path);
    let start = text.find(START).expect("docs/webhook.md has the rule table's start marker") + START.len();
    let end = text[start..].find(END).expect("and its end marker") + start;
    let fresh = format!("{}{}{}", &text[..start], ladrillo::webhook::scope::table_markdown(), &text[end..]);
    assert_fresh("docs/webhook.md", &fresh);
}

/// The first fenced block of a language in a Markdown page.
fn first_block(markdown: &str, lang: &str) -> String {
    let fence = format!("```{lang}\n");
    let start = markdown.find(&fence).map(|i| i + fence.len()).unwrap();
    let len = markdown[start..].find("```").unwrap();
    markdown[start..start + len].to_string()
}

/// Issue 16 item 10: docs/output.md's JSON example is what the binary prints for the same
/// finding: the same keys (none the report omits when empty, such as `notes: []`), the same
/// values for the rule, message, field, help and references, and only summary keys there are.
#[test]
fn output_md_json_example_is_what_the_binary_prints() {
    let page = common::read(&common::root().join("docs/output.md"));
    let example: serde_json::Value = serde_json::from_str(&first_block(&page, "json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("deploy")).unwrap();
    let finding = &example["findings"][0];
    // The example's Deployment, with the privileged field at the example's line and column.
    let mut text = String::from(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n",
    );
    let line = finding["line"].as_u64().unwrap() as usize;
    let column = finding["column"].as_u64().unwrap() as usize;
    while text.lines().count() < line - 2 {
        text.push_str("          # …\n");
    }
    text.push_str("          securityContext:\n");
    text.push_str(&format!("{}privileged: true\n", " ".repeat(column - 1)));
    std::fs::write(dir.path().join("deploy/web.yaml"), text).unwrap();
    let out = assert_cmd::Command::cargo_bin("ladrillo")
        .unwrap()
        .current_dir(dir.path())
        .args(["scan", "--no-config", "--select", "privileged-container", "-f", "json", "deploy/web.yaml"])
        .output()
        .unwrap();
    let real: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys = |v: &serde_json::Value| -> std::collections::BTreeSet<String> {
        v.as_object().unwrap().keys().cloned().collect()
    };
    assert_eq!(keys(&example), keys(&real), "top-level keys");
    let printed = &real["findings"][0];
    assert_eq!(keys(finding), keys(printed), "keys of a finding");
    for key in ["rule", "name", "severity", "message", "file", "line", "column", "object", "path", "help"] {
        assert_eq!(finding[key], printed[key], "`{key}` of the example");
    }
    for reference in finding["references"].as_array().unwrap() {
        assert!(printed["references"].as_array().unwrap().contains(reference), "{reference}");
    }
    let (shown, always) = (keys(&example["summary"]), keys(&real["summary"]));
    assert!(
        shown.is_subset(&always),
        "summary keys the binary never prints: {:?}",
        shown.difference(&always)
    );
    assert!(
        always.is_subset(&shown),
        "summary keys always printed but not shown: {:?}",
        always.difference(&shown)
    );
    assert_eq!(example["tool"]["version"], env!("CARGO_PKG_VERSION"));
}

/// Issue 16 item 10: a rule count in the prose of README.md, CONTRIBUTING.md and docs/ is
/// today's, or says it is of its time (a dated measurement), or is a part of the rules.
#[test]
fn rule_counts_in_the_docs_are_current_or_dated() {
    let all = ladrillo::rules::all().len();
    let scan =
        ladrillo::rules::all().iter().filter(|r| r.meta().group != ladrillo::finding::Group::Audit).count();
    let mut pages = vec![common::root().join("README.md"), common::root().join("CONTRIBUTING.md")];
    for e in std::fs::read_dir(common::root().join("docs")).unwrap() {
        pages.push(e.unwrap().path());
    }
    let mut problems = Vec::new();
    for page in pages.iter().filter(|p| p.extension().is_some_and(|e| e == "md")) {
        let text = common::read(page);
        for paragraph in text.split("\n\n") {
            let words: Vec<&str> = paragraph.split_whitespace().collect();
            for (i, pair) in words.windows(2).enumerate() {
                let [n, unit] = pair else { continue };
                let Ok(n) = n.trim_start_matches('(').parse::<usize>() else { continue };
                if !unit.starts_with("rules") || n == all || n == scan {
                    continue;
                }
                // "findings from 39 rules", "the first 6 rules": a part of the rules.
                let before = i.checked_sub(1).and_then(|j| words.get(j)).copied().unwrap_or("");
                if before == "from"
                    || before == "first"
                    || paragraph.contains("at the time")
                    || paragraph.contains("of the time")
                {
                    continue;
                }
                problems.push(format!(
                    "{}: `{n} {unit}` is neither today's count ({all}; {scan} run by scan) nor said to be of its time",
                    page.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Issue 16 item 10: the guide map says what covers the Terraform practice (G5.5), not "Not yet".
#[test]
fn the_terraform_practice_is_covered() {
    let page = common::read(&common::root().join("docs/guide-map.md"));
    let row = page.lines().find(|l| l.starts_with("| **G5.5**")).unwrap();
    assert!(!row.contains("Not yet") && row.contains("Terraform"), "{row}");
}
