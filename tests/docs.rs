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
