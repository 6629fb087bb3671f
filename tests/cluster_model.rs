//! One cluster, several forms, one model: each form of `tests/cluster_model/prod.*` must build a
//! cluster whose normalised (span-free) form agrees with every other form wherever both know a
//! value. `full.*` does the same for every resource the Terraform and CloudFormation adapters
//! link to a cluster (launch templates, add-ons, access policies, Pod Identity, OIDC, Fargate).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::model::cluster::{Cluster, Clusters, differences, normalized};

/// The forms of the same cluster; each entry is the set of files that together describe it.
const FORMS: &[(&str, &[&str])] = &[
    ("eksctl", &["prod.eksctl.yaml"]),
    ("describe", &["prod.describe-cluster.json", "prod.describe-nodegroup.json"]),
    ("terraform", &["prod.tf"]),
    ("cloudformation", &["prod.cfn.yaml"]),
];

/// One cluster with every linked resource, in the two forms that spell the EKS API as resources.
const FULL: &[(&str, &[&str])] = &[("terraform", &["full.tf"]), ("cloudformation", &["full.cfn.yaml"])];

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

fn disagreements(forms: &[(&str, &[&str])]) -> Vec<String> {
    let built: Vec<(&str, Cluster)> = forms.iter().map(|(name, files)| (*name, build(files))).collect();
    let mut failures = Vec::new();
    for (i, (a_name, a)) in built.iter().enumerate() {
        for (b_name, b) in &built[i + 1..] {
            for d in differences(a, b) {
                failures.push(format!("{a_name} vs {b_name}: {d}"));
            }
        }
    }
    failures
}

/// Guards against a vacuous agreement: the values compared must be determined in each form.
fn assert_determined(forms: &[(&str, &[&str])], pointers: &[&str]) {
    for (name, files) in forms {
        let n = normalized(&build(files));
        for pointer in pointers {
            let v = n.pointer(pointer).unwrap_or_else(|| panic!("{name}: no {pointer}"));
            assert!(v.get("$unknown").is_none(), "{name}: {pointer} is unknown: {v}");
        }
    }
}

#[test]
fn every_form_gives_the_same_model() {
    let failures = disagreements(FORMS);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn linked_resources_give_the_same_model() {
    let failures = disagreements(FULL);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Node groups sort by kind, then name: Fargate `system`, managed `custom`, managed `general`.
    assert_determined(
        FULL,
        &[
            "/name",
            "/endpoint/public_cidrs",
            "/secrets_key",
            "/logging",
            "/access/bootstrap_creator_admin",
            "/access/entries/0/groups",
            "/access/entries/0/username",
            "/access/entries/0/policies/0/scope",
            "/access/entries/0/policies/1/policy_arn",
            "/access/entries/1/kind",
            "/identity/oidc_provider",
            "/identity/pod_identity/0/role_arn",
            "/identity/pod_identity/1/namespace",
            "/addons/0/version",
            "/addons/0/service_account_role_arn",
            "/addons/1/configuration_values",
            "/cluster_role/policies",
            "/tags",
            "/guardduty_managed_agent",
            "/node_groups/0/name",
            "/node_groups/0/subnets",
            "/node_groups/0/private_networking",
            "/node_groups/1/volume/encrypted",
            "/node_groups/1/volume/size_gib",
            "/node_groups/1/volume/kms_key",
            "/node_groups/1/imds/v2_required",
            "/node_groups/1/imds/hop_limit",
            "/node_groups/1/ssh/enabled",
            "/node_groups/2/ami_family",
            "/node_groups/2/spot",
            "/node_groups/2/labels",
            "/node_groups/2/tags",
            "/node_groups/2/taints",
            "/node_groups/2/ssh/source_security_groups",
        ],
    );
    let n = normalized(&build(&["full.tf"]));
    assert_eq!(n.pointer("/node_groups/2/taints/1/value"), Some(&serde_json::Value::Null));
    assert_eq!(n.pointer("/identity/pod_identity").and_then(|v| v.as_array()).map(Vec::len), Some(2));
}

#[test]
fn forms_agree_on_the_facts_that_matter() {
    assert_determined(
        FORMS,
        &[
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
        ],
    );
}

#[test]
fn a_real_difference_is_reported() {
    let eksctl = build(&["prod.eksctl.yaml"]);
    let mut other = build(&["prod.describe-cluster.json", "prod.describe-nodegroup.json"]);
    other.version = ladrillo::model::cluster::Field::known("1.34".into(), other.version.at().clone());
    assert_eq!(differences(&eksctl, &other), [r#".version: "1.33" != "1.34""#]);
}

/// The exported files of `tests/cluster_model/entries.*`: `aws eks describe-cluster`, then
/// `describe-access-entry` and `list-associated-access-policies` of each principal.
const EXPORTED: &[&str] = &[
    "entries.describe-cluster.json",
    "entries.access-entry-root.json",
    "entries.access-policies-root.json",
    "entries.access-entry-devs.json",
    "entries.access-policies-devs.json",
];

/// The document `scan --eks` builds from the same calls (`src/live/eks.rs`): the cluster and,
/// per access entry, its `accessEntry` and `associatedAccessPolicies` as the API returned them.
fn live_document() -> String {
    let json = |f: &str| -> serde_json::Value {
        serde_json::from_str(&common::read(&common::root().join("tests/cluster_model").join(f))).unwrap()
    };
    let entries: Vec<serde_json::Value> = ["root", "devs"]
        .iter()
        .map(|who| {
            serde_json::json!({
                "accessEntry": json(&format!("entries.access-entry-{who}.json"))["accessEntry"],
                "associatedAccessPolicies": json(&format!("entries.access-policies-{who}.json"))["associatedAccessPolicies"],
            })
        })
        .collect();
    let cluster = json("entries.describe-cluster.json");
    serde_json::to_string_pretty(
        &serde_json::json!({ "cluster": cluster["cluster"], "accessEntries": entries }),
    )
    .unwrap()
}

fn sources(files: &[&str]) -> Vec<std::sync::Arc<ladrillo::document::SourceFile>> {
    files
        .iter()
        .map(|f| common::source(f, &common::read(&common::root().join("tests/cluster_model").join(f))))
        .collect()
}

/// A note with the place an explanation names (`(EKS access entry (FILE:LINE))`) left out: the
/// two inputs put the same entry in different files.
fn without_places(note: &str) -> String {
    let mut out = String::new();
    let mut rest = note;
    while let Some(i) = rest.find(" (EKS access entry (") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("))").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    out
}

/// Access entries given as exported API output and as the live EKS read of the same calls go
/// through one reader: the same entries in the model, the same IAM subjects in the RBAC graph,
/// the same findings.
#[test]
fn access_entries_exported_and_live_give_the_same_subjects_and_findings() {
    let exported = sources(EXPORTED);
    let live = vec![common::source("eks shop (eu-west-1)", &live_document())];
    let model = |s: &[std::sync::Arc<ladrillo::document::SourceFile>]| {
        let Clusters { clusters, errors } = ladrillo::input::clusters(s);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(clusters.len(), 1);
        clusters
    };
    let (a, b) = (model(&exported), model(&live));
    // In the order of their inputs (files sort by name): compared as sets, by principal.
    let entries = |c: &[Cluster]| {
        let mut e = normalized(&c[0]).pointer("/access/entries").and_then(|v| v.as_array().cloned()).unwrap();
        e.sort_by_key(|v| v["principal_arn"].to_string());
        e
    };
    assert_eq!(entries(&a), entries(&b));
    assert_eq!(entries(&a).len(), 2);
    let subjects = |c: &[Cluster]| -> Vec<serde_json::Value> {
        let mut out = ladrillo::analysis::rbac::access_entry_mappings(c)
            .iter()
            .map(|m| {
                let mut v = serde_json::to_value(m).unwrap();
                assert!(v["source"].as_str().unwrap().starts_with("EKS access entry ("), "{v}");
                v.as_object_mut().unwrap().remove("source");
                v
            })
            .collect::<Vec<_>>();
        out.sort_by_key(|v| v["arn"].to_string());
        out
    };
    let from_files = subjects(&a);
    assert_eq!(from_files, subjects(&b));
    assert_eq!(
        from_files[0]["groups"],
        serde_json::json!(["shop-admins", "eks:access-entry:arn:aws:iam::111122223333:role/shop-devs"])
    );
    assert_eq!(from_files[0]["access_policies"].as_array().map(Vec::len), Some(2));
    // Findings over the entries alone (EKS015) and through the RBAC graph (the group bound to
    // cluster-admin, whose IAM principals a note lists).
    let findings = |mut s: Vec<std::sync::Arc<ladrillo::document::SourceFile>>| {
        s.extend(sources(&["entries.bindings.yaml"]));
        let result = ladrillo::scan::scan_files(&s, &common::settings(&["eks", "rbac"]));
        assert!(result.errors.is_empty(), "{:?}", result.errors);
        let mut out: Vec<(String, String, Vec<String>)> = result
            .active()
            .map(|f| {
                (
                    f.rule.code.to_string(),
                    f.message().into_owned(),
                    f.notes().iter().map(|n| without_places(n)).collect(),
                )
            })
            .collect();
        out.sort();
        out
    };
    let from_files = findings(exported);
    assert_eq!(from_files, findings(live));
    assert!(
        from_files.iter().any(|(rule, m, _)| rule == "EKS015" && m.contains("111122223333:root")),
        "{from_files:#?}"
    );
    assert!(
        from_files.iter().any(|(rule, _, notes)| rule == "RBAC002"
            && notes
                .iter()
                .any(|n| n.contains("IAM principals in it: arn:aws:iam::111122223333:role/shop-devs"))),
        "{from_files:#?}"
    );
}
