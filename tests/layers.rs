//! The crate's layers: a module may use its own layer and the layers below it, never one above.
//! Every `crate::…` path in non-test code of `src/` is checked. The order is written here and in
//! CONTRIBUTING.md ("Layers"), and a test keeps the two the same.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::path::Path;

/// Top-level modules of `src/`, bottom layer first. Modules in one layer may use each other.
const LAYERS: &[&[&str]] = &[
    &["i18n", "shared", "varint"],
    &["diagnostic", "document", "progress"],
    &["source"],
    &["model"],
    &["input"],
    &["live"],
    &["analysis"],
    &["finding"],
    &["rules"],
    &["settings"],
    &["scan"],
    &["audit"],
    &["report"],
    &["webhook"],
    &["generate"],
    &["cli"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level module a file of `src/` belongs to (`None` for the crate root and the binary).
fn module_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

/// The lines of a file that are not test code, with their numbers: `#[cfg(test)]` items (a
/// `mod tests;` line or a `mod tests { … }` block, which rustfmt closes with a `}` at its own
/// indentation) and comments are left out.
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            let indent = line.len() - trimmed.len();
            let Some((_, item)) = lines.next() else { break };
            if item.trim_end().ends_with('{') {
                let close = format!("{}}}", " ".repeat(indent));
                for (_, l) in lines.by_ref() {
                    if l.trim_end() == close {
                        break;
                    }
                }
            }
            continue;
        }
        out.push((i + 1, line));
    }
    out
}

/// The top-level modules a line names through `crate::` (`crate::{a, b::c}` names both).
fn crate_paths(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        // `$crate::` in macros is the crate too; `ladrillo_crate::` is not.
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String =
                    item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Every upward use in the given files (paths relative to `src/`), and every module missing
/// from the layer order.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (rel, text) in files {
        let Some(module) = module_of(Path::new(rel)) else { continue };
        let Some(own) = layer(&module) else {
            out.push(format!(
                "src/{rel}: module `{module}` is not in the layer order (tests/layers.rs, CONTRIBUTING.md)"
            ));
            continue;
        };
        for (n, line) in code_lines(text) {
            for used in crate_paths(line) {
                match layer(&used) {
                    Some(l) if l > own => out.push(format!(
                        "src/{rel}:{n}: `{module}` uses `{used}`, a layer above it: {}",
                        line.trim()
                    )),
                    // Macros exported at the crate root (`crate::declare_rule!`) are not modules.
                    _ => {}
                }
            }
        }
    }
    out
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            // Unit-test files (`foo/tests.rs`) may use anything, like `#[cfg(test)]` modules.
            if path.file_stem().is_some_and(|s| s == "tests") {
                continue;
            }
            out.push((rel, common::read(&path)));
        }
    }
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let root = common::root().join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    assert!(files.len() > 100, "src/ was not read");
    let found = violations(&files);
    assert!(found.is_empty(), "upward uses:\n{}", found.join("\n"));
}

#[test]
fn an_upward_use_is_found_and_test_code_is_not_checked() {
    let file = |rel: &str, text: &str| (rel.to_string(), text.to_string());
    let found = violations(&[
        file("model/x.rs", "use crate::document::Node;\nuse crate::{model, scan::Summary};\n"),
        file("document/y.rs", "fn f() { let _ = crate::rules::find(\"x\"); }\n"),
        file(
            "analysis/z.rs",
            "// crate::cli in a comment\nfn f() {}\n\n#[cfg(test)]\nmod tests {\n    use crate::scan;\n}\n\n#[cfg(test)]\nmod more;\nuse crate::report;\n",
        ),
        file("newthing/mod.rs", "use crate::document::Node;\n"),
        file("lib.rs", "pub mod cli;\n"),
    ]);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[0].starts_with("src/model/x.rs:2: `model` uses `scan`"));
    assert!(found[1].starts_with("src/document/y.rs:1: `document` uses `rules`"));
    assert!(found[2].starts_with("src/analysis/z.rs:11: `analysis` uses `report`"));
    assert!(found[3].contains("module `newthing` is not in the layer order"));
}

/// CONTRIBUTING.md lists the same order, bottom first, one layer per list item.
#[test]
fn contributing_lists_the_same_layers() {
    let text = common::read(&common::root().join("CONTRIBUTING.md"));
    let section = text.split("\n## Layers\n").nth(1).expect("a `## Layers` section in CONTRIBUTING.md");
    let listed: Vec<Vec<String>> = section
        .lines()
        .skip_while(|l| !l.starts_with("1. "))
        .take_while(|l| l.split_once(". ").is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit())))
        .map(|l| {
            let item = l.split_once(". ").map_or("", |(_, rest)| rest);
            let names = item.split(':').next().unwrap_or_default();
            names.split(',').map(|n| n.trim().trim_matches('`').to_string()).collect()
        })
        .collect();
    let expected: Vec<Vec<String>> =
        LAYERS.iter().map(|l| l.iter().map(|m| (*m).to_string()).collect()).collect();
    assert_eq!(listed, expected, "the layer list of CONTRIBUTING.md differs from tests/layers.rs");
}
