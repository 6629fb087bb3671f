//! NetworkPolicy reachability fixtures: each `tests/netpol/<case>.yaml` has a sibling
//! `<case>.expected` holding the exact `netpol reach` text output. `NETPOL_BLESS=1` rewrites the
//! expected files (read the diff before committing).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::analysis::netpol::{Model, render};
use ladrillo::model::ObjectSet;

fn model_of(rel: &str, text: &str) -> (ObjectSet, Model) {
    let file = common::source(rel, text);
    let loaded = ladrillo::input::file::load(&file);
    assert!(loaded.errors.is_empty(), "{rel}: {:?}", loaded.errors);
    let set: ObjectSet = loaded.objects.into_iter().collect();
    let model = Model::build(&set);
    (set, model)
}

#[test]
fn reach_fixtures() {
    let dir = common::root().join("tests/netpol");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 8, "fixtures are missing");
    let bless = std::env::var_os("NETPOL_BLESS").is_some();
    let mut failures = Vec::new();
    for path in cases {
        let rel = path.strip_prefix(common::root()).unwrap().display().to_string();
        let (_, model) = model_of(&rel, &common::read(&path));
        assert!(model.invalid.is_empty(), "{rel}: invalid policies {:?}", model.invalid);
        let got = render::text(&model, &model.reach(), ladrillo::i18n::Lang::En);
        let expected_path = path.with_extension("expected");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("{rel}:\n--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reach_is_stable_across_input_order() {
    let path = common::root().join("tests/netpol/ports.yaml");
    let text = common::read(&path);
    let mut docs: Vec<&str> = text.split("\n---\n").collect();
    let (_, m1) = model_of("a.yaml", &docs.join("\n---\n"));
    docs.reverse();
    let (_, m2) = model_of("b.yaml", &docs.join("\n---\n"));
    assert_eq!(
        render::text(&m1, &m1.reach(), ladrillo::i18n::Lang::En),
        render::text(&m2, &m2.reach(), ladrillo::i18n::Lang::En)
    );
}
