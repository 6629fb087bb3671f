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
