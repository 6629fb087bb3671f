//! Rules keep the house style: unique codes and names, documentation sections, a fixture each.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::collections::HashSet;

use ladrillo::rules::{self, Group};

fn group_prefix(g: Group) -> &'static str {
    match g {
        Group::Pod => "POD",
        Group::Pss => "PSS",
        Group::Rbac => "RBAC",
        Group::Secrets => "SEC",
        Group::Network => "NET",
        Group::Eks => "EKS",
        Group::Reliability => "REL",
        Group::Hygiene => "HYG",
        Group::Input => "INP",
        Group::Audit => "AUD",
    }
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    let mut problems = Vec::new();
    for r in rules::all() {
        let m = r.meta();
        if !codes.insert(m.code) {
            problems.push(format!("duplicate code {}", m.code));
        }
        if !names.insert(m.name) {
            problems.push(format!("duplicate name {}", m.name));
        }
        let prefix = group_prefix(m.group);
        let digits = m.code.strip_prefix(prefix);
        if !digits.is_some_and(|d| d.len() == 3 && d.chars().all(|c| c.is_ascii_digit())) {
            problems.push(format!("{}: code must be {prefix} + 3 digits", m.code));
        }
        if m.name.is_empty()
            || !m.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            || m.name.starts_with('-')
            || m.name.ends_with('-')
            || m.name.starts_with("no-")
        {
            problems.push(format!(
                "{}: name `{}` must be kebab-case and name the flagged pattern",
                m.code, m.name
            ));
        }
        for r in m.references {
            let Some((scheme, id)) = r.split_once(':') else {
                problems.push(format!("{}: reference `{r}` must be scheme:id", m.code));
                continue;
            };
            let known = [
                "cis-eks-1.8",
                "pss",
                "nsa-cisa",
                "checkov",
                "trivy",
                "kube-linter",
                "kubescape",
                "falco",
                "panther",
                "mitre",
            ];
            if !known.contains(&scheme) || id.is_empty() {
                problems.push(format!("{}: reference `{r}` has an unknown scheme", m.code));
            }
        }
        for g in m.guide {
            let ok = g
                .strip_prefix('G')
                .and_then(|s| s.split_once('.'))
                .is_some_and(|(a, b)| a.parse::<u8>().is_ok() && b.parse::<u8>().is_ok());
            if !ok {
                problems.push(format!("{}: guide section `{g}` must look like G4.3", m.code));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_is_documented() {
    let mut problems = Vec::new();
    for r in rules::all() {
        let m = r.meta();
        let summary = m.summary();
        if summary.is_empty() || !summary.ends_with('.') {
            problems.push(format!(
                "{}: the first doc line is a one-sentence summary ending with a period",
                m.code
            ));
        }
        for section in ["Why is this bad?", "How to fix", "Example"] {
            if m.section(section).is_none_or(|s| s.is_empty()) {
                problems.push(format!("{}: missing doc section `## {section}`", m.code));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_has_a_fixture_and_every_fixture_a_rule() {
    let fixtures = common::root().join("tests/fixtures");
    let mut problems = Vec::new();
    for r in rules::all() {
        let m = r.meta();
        let dir = fixtures.join(m.group.as_str());
        let found =
            ["yaml", "json", "tf", "jsonl"].iter().any(|ext| dir.join(format!("{}.{ext}", m.name)).exists())
                || dir.join(m.name).is_dir();
        if !found {
            problems.push(format!(
                "{} {}: no fixture in tests/fixtures/{}/",
                m.code,
                m.name,
                m.group.as_str()
            ));
        }
    }
    for group in std::fs::read_dir(&fixtures).unwrap().flatten() {
        for f in std::fs::read_dir(group.path()).into_iter().flatten().flatten() {
            let path = f.path();
            // `<rule>.<ext>` or `<rule>.<variant>.<ext>` (`ssh-open-to-internet.cfn.yaml`).
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let stem = name.split('.').next().unwrap_or_default().to_string();
            if rules::find(&stem).is_none() {
                problems.push(format!("{}: fixture for no rule", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_code_starts_with_its_groups_prefix() {
    // `--select NET` means the group `network`: the prefix and the group must agree for every rule.
    for r in ladrillo::rules::all() {
        let m = r.meta();
        let digits = m.code.strip_prefix(m.group.code_prefix());
        assert!(
            digits.is_some_and(|d| d.len() == 3 && d.bytes().all(|b| b.is_ascii_digit())),
            "{} is in group {} (prefix {})",
            m.code,
            m.group.as_str(),
            m.group.code_prefix()
        );
        assert_eq!(ladrillo::rules::Group::parse(m.group.code_prefix()), Some(m.group));
    }
}
