//! Generated documentation is committed and must equal a fresh generation. Run with
//! `LADRILLO_UPDATE_DOCS=1` to rewrite it.

mod common;

#[test]
fn rules_md_is_fresh() {
    let path = common::root().join("docs/rules.md");
    let fresh = ladrillo::rules::docs::rules_markdown();
    if std::env::var_os("LADRILLO_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/rules.md is stale; run `LADRILLO_UPDATE_DOCS=1 cargo test --test docs` and commit the result"
    );
}

#[test]
fn guide_map_md_is_fresh() {
    let path = common::root().join("docs/guide-map.md");
    let fresh = ladrillo::rules::guide_map::guide_map_markdown();
    if std::env::var_os("LADRILLO_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/guide-map.md is stale; run `LADRILLO_UPDATE_DOCS=1 cargo test --test docs` and commit the result"
    );
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
