//! One cluster, several forms, one model: each form of `tests/cluster_model/prod.*` must build a
//! cluster whose normalised (span-free) form agrees with every other form wherever both know a
//! value.

mod common;

use ladrillo::model::cluster::{Cluster, Clusters, differences, normalized};

/// The forms of the same cluster; each entry is the set of files that together describe it.
const FORMS: &[(&str, &[&str])] = &[
    ("eksctl", &["prod.eksctl.yaml"]),
    ("describe", &["prod.describe-cluster.json", "prod.describe-nodegroup.json"]),
    ("terraform", &["prod.tf"]),
    ("cloudformation", &["prod.cfn.yaml"]),
];

fn build(files: &[&str]) -> Cluster {
    let sources: Vec<_> = files
        .iter()
        .map(|f| {
            let path = common::root().join("tests/cluster_model").join(f);
            common::source(f, &common::read(&path))
        })
        .collect();
    let Clusters { mut clusters, errors } = ladrillo::input::clusters(&sources);
    assert!(errors.is_empty(), "{files:?}: {errors:?}");
    assert_eq!(clusters.len(), 1, "{files:?} should describe one cluster");
    clusters.remove(0)
}

#[test]
fn every_form_gives_the_same_model() {
    let built: Vec<(&str, Cluster)> = FORMS.iter().map(|(name, files)| (*name, build(files))).collect();
    let mut failures = Vec::new();
    for (i, (a_name, a)) in built.iter().enumerate() {
        for (b_name, b) in &built[i + 1..] {
            for d in differences(a, b) {
                failures.push(format!("{a_name} vs {b_name}: {d}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn forms_agree_on_the_facts_that_matter() {
    // Guard against a vacuous agreement: the values compared must be determined in each form.
    for (name, files) in FORMS {
        let n = normalized(&build(files));
        for pointer in [
            "/name",
            "/version",
            "/endpoint/public_access",
            "/endpoint/public_cidrs",
            "/secrets_key",
            "/logging",
            "/access/mode",
            "/tags",
            "/node_groups/0/scaling/desired",
            "/node_groups/0/instance_types",
            "/node_groups/0/spot",
            "/node_groups/0/taints",
        ] {
            let v = n.pointer(pointer).unwrap_or_else(|| panic!("{name}: no {pointer}"));
            assert!(v.get("$unknown").is_none(), "{name}: {pointer} is unknown: {v}");
        }
    }
}

#[test]
fn a_real_difference_is_reported() {
    let eksctl = build(&["prod.eksctl.yaml"]);
    let mut other = build(&["prod.describe-cluster.json", "prod.describe-nodegroup.json"]);
    other.version = ladrillo::model::cluster::Field::known("1.34".into(), other.version.at().clone());
    assert_eq!(differences(&eksctl, &other), [r#".version: "1.33" != "1.34""#]);
}
