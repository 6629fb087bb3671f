//! Pod Security Standards cases: `tests/pss/*.yaml` holds one case per document, an object and
//! the exact reasons expected per level and range of policy versions:
//!
//! ```yaml
//! case: what is tested
//! object: {apiVersion: v1, kind: Pod, ...}
//! expect:
//!   baseline v1.0..v1.33: []                  # allowed
//!   baseline v1.34..latest: ['reason (detail)']
//!   restricted: [...]                         # every version
//! ```
//!
//! Ranges are inclusive; each case must cover every version (v1.0 to v1.40, past the newest
//! known one, and `latest`) of both baseline and restricted exactly once. `privileged` is
//! always expected to allow, unless the case says otherwise. `evaluated: false` marks objects
//! that carry no pods.

mod common;

use ladrillo::analysis::pss::{self, Level, Policy, Version};
use ladrillo::document::{Node, yaml};
use ladrillo::model::Object;

/// Versions every case is checked at: v1.0 to past the newest known, and latest.
fn versions() -> Vec<Version> {
    (0..=40).map(Version::V1).chain([Version::Latest]).collect()
}

fn parse_range(s: &str) -> Result<(Level, Vec<Version>), String> {
    let (level, range) = s.split_once(' ').unwrap_or((s, "v1.0..latest"));
    let level: Level = level.parse()?;
    let (from, to) = range.split_once("..").unwrap_or((range, range));
    let (from, to): (Version, Version) = (from.parse()?, to.parse()?);
    Ok((level, versions().into_iter().filter(|v| *v >= from && *v <= to).collect()))
}

fn strings(node: &Node) -> Vec<String> {
    node.items().map(|n| n.as_str().expect("reasons are strings").to_string()).collect()
}

#[test]
fn pss_cases() {
    let dir = common::root().join("tests/pss");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")) {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let stream = yaml::parse(&common::read(path));
        assert!(stream.errors.is_empty(), "{file}: {:?}", stream.errors);
        for doc in stream.documents.into_iter().filter(|d| !d.root.is_null()) {
            count += 1;
            let name = doc.root.get("case").and_then(Node::as_str).unwrap_or("?").to_string();
            let at = format!("{file}: {name}");
            let object_node = doc.root.get("object").unwrap_or_else(|| panic!("{at}: no object")).clone();
            let object = Object::from_root(object_node, None).unwrap().unwrap();
            if doc.root.get("evaluated").and_then(Node::as_bool) == Some(false) {
                if pss::evaluate_object(&object, Policy::default()).is_some() {
                    failures.push(format!("{at}: evaluated, expected not to be"));
                }
                continue;
            }
            let expect = doc.root.get("expect").and_then(Node::as_map).unwrap_or_else(|| panic!("{at}: no expect"));
            let mut covered: Vec<(Level, Version)> = Vec::new();
            let mut privileged_given = false;
            for (key, reasons) in expect.iter() {
                let (level, range) = parse_range(key).unwrap_or_else(|e| panic!("{at}: `{key}`: {e}"));
                privileged_given |= level == Level::Privileged;
                let expected = strings(reasons);
                for version in range {
                    if covered.contains(&(level, version)) {
                        failures.push(format!("{at}: {level}:{version} is expected twice"));
                    }
                    covered.push((level, version));
                    let policy = Policy::new(level, version);
                    let got = pss::evaluate_object(&object, policy).expect("pod-bearing").reasons();
                    if got != expected {
                        failures.push(format!("{at}: {policy}\n   expected {expected:#?}\n   got {got:#?}"));
                    }
                }
            }
            for level in [Level::Baseline, Level::Restricted] {
                let missing: Vec<String> = versions()
                    .into_iter()
                    .filter(|v| !covered.contains(&(level, *v)))
                    .map(|v| v.to_string())
                    .collect();
                if !missing.is_empty() {
                    failures.push(format!("{at}: no expectation for {level} at {}", missing.join(", ")));
                }
            }
            if !privileged_given {
                let e = pss::evaluate_object(&object, Policy::new(Level::Privileged, Version::Latest)).unwrap();
                if !e.allowed() {
                    failures.push(format!("{at}: privileged denies: {:?}", e.reasons()));
                }
            }
        }
    }
    assert!(count > 0, "no cases found in {}", dir.display());
    assert!(failures.is_empty(), "{} of the PSS expectations failed:\n{}", failures.len(), failures.join("\n"));
}
