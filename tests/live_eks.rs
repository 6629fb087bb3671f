//! `scan --eks` against EKS on loopback: `moto_server` for the calls moto implements (clusters,
//! node groups, Fargate profiles) and recorded EKS API responses for the others (add-ons, access entries, Pod
//! Identity), through the SDK's endpoint override (`AWS_ENDPOINT_URL`). Under CI (`CI=true`)
//! a missing `moto_server` fails the tests; `.ci/run` installs it in `.ci/venv`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

#[path = "live/aws.rs"]
mod aws;
mod common;

use std::collections::{BTreeMap, BTreeSet};

use assert_cmd::Command;
use aws::{Answers, AwsApi, Moto};
use serde_json::{Value, json};

const REGION: &str = "eu-west-1";
const ADMIN: &str = "arn:aws:iam::111122223333:root";

/// moto, or `None` outside CI when it is not installed (the test then says so and passes
/// nothing: it returns before asserting).
fn moto() -> Option<Moto> {
    match aws::moto_command() {
        Some(c) => Some(Moto::start(&c)),
        None if std::env::var_os("CI").is_some() => {
            panic!("moto_server not found (CI=true): run .ci/run, which installs it in .ci/venv")
        }
        None => {
            eprintln!("moto_server not found: skipping (pip install \"moto[server]\")");
            None
        }
    }
}

/// The cluster `prod`, its node group `ng-1` and Fargate profile `system`, created in moto.
fn create(moto: &Moto) {
    aws::call(
        moto.addr,
        "POST",
        "/clusters",
        Some(json!({
            "name": "prod",
            "version": "1.29",
            "roleArn": "arn:aws:iam::111122223333:role/eks-cluster",
            "resourcesVpcConfig": { "subnetIds": ["subnet-1", "subnet-2"], "endpointPublicAccess": true, "endpointPrivateAccess": false, "publicAccessCidrs": ["0.0.0.0/0"] },
            "logging": { "clusterLogging": [{ "types": ["api"], "enabled": true }] },
            "tags": { "team": "shop" },
        })),
        REGION,
    );
    aws::call(
        moto.addr,
        "POST",
        "/clusters/prod/node-groups",
        Some(json!({
            "nodegroupName": "ng-1",
            "nodeRole": "arn:aws:iam::111122223333:role/eks-node",
            "subnets": ["subnet-1"],
            "instanceTypes": ["m5.large"],
            "amiType": "AL2_x86_64",
            "diskSize": 20,
            "scalingConfig": { "minSize": 1, "maxSize": 3, "desiredSize": 2 },
            "remoteAccess": { "ec2SshKey": "ops" },
        })),
        REGION,
    );
    aws::call(
        moto.addr,
        "POST",
        "/clusters/prod/fargate-profiles",
        Some(json!({
            "fargateProfileName": "system",
            "podExecutionRoleArn": "arn:aws:iam::111122223333:role/eks-fargate",
            "subnets": ["subnet-1"],
            "selectors": [{ "namespace": "kube-system" }],
        })),
        REGION,
    );
}

/// Recorded responses for what moto lacks: two add-ons, an access entry giving the account
/// root cluster admin, one Pod Identity association.
fn recorded() -> BTreeMap<String, String> {
    let entry = format!("/clusters/prod/access-entries/{ADMIN}");
    [
        ("/clusters/prod/addons".to_string(), json!({ "addons": ["vpc-cni", "kube-proxy"] })),
        ("/clusters/prod/addons/vpc-cni".into(), json!({ "addon": { "addonName": "vpc-cni", "clusterName": "prod", "status": "ACTIVE", "addonVersion": "v1.18.1-eksbuild.1", "serviceAccountRoleArn": "arn:aws:iam::111122223333:role/vpc-cni" } })),
        ("/clusters/prod/addons/kube-proxy".into(), json!({ "addon": { "addonName": "kube-proxy", "clusterName": "prod", "status": "ACTIVE", "addonVersion": "v1.29.0-eksbuild.1" } })),
        ("/clusters/prod/access-entries".into(), json!({ "accessEntries": [ADMIN] })),
        (entry.clone(), json!({ "accessEntry": { "clusterName": "prod", "principalArn": ADMIN, "kubernetesGroups": [], "type": "STANDARD", "username": "root" } })),
        (format!("{entry}/access-policies"), json!({ "clusterName": "prod", "principalArn": ADMIN, "associatedAccessPolicies": [
            { "policyArn": "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", "accessScope": { "type": "cluster", "namespaces": [] } } ] })),
        ("/clusters/prod/pod-identity-associations".into(), json!({ "associations": [{ "clusterName": "prod", "namespace": "shop", "serviceAccount": "web", "associationId": "a-1", "associationArn": "arn:aws:eks:eu-west-1:111122223333:podidentityassociation/prod/a-1" }] })),
        ("/clusters/prod/pod-identity-associations/a-1".into(), json!({ "association": { "clusterName": "prod", "namespace": "shop", "serviceAccount": "web", "roleArn": "arn:aws:iam::111122223333:role/web", "associationId": "a-1" } })),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect()
}

fn ladrillo(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.current_dir(dir).env("NO_COLOR", "1").env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    c
}

/// `scan --eks prod` through the stand-in, with test credentials and no profile of the machine.
fn scan_eks(api: &AwsApi, dir: &std::path::Path) -> std::process::Output {
    ladrillo_eks(api, dir, &[])
}

/// [`scan_eks`] with more arguments.
fn ladrillo_eks(api: &AwsApi, dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    ladrillo(dir)
        .args([
            "scan",
            "--no-config",
            "--eks",
            "prod",
            "--region",
            REGION,
            "--select",
            "eks",
            "--format",
            "json",
        ])
        .args(extra)
        .env("AWS_ENDPOINT_URL", format!("http://{}", api.addr))
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_CONFIG_FILE", dir.join("no-config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", dir.join("no-credentials"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("HOME", dir)
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_REGION")
        .output()
        .unwrap()
}

fn scan_files(dir: &std::path::Path, files: &[&str]) -> Value {
    let out = ladrillo(dir)
        .args(["scan", "--no-config", "--select", "eks", "--format", "json"])
        .args(files)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (rule, field path, message) of every finding.
fn findings(report: &Value) -> BTreeSet<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].to_string(), f["path"].to_string(), f["message"].to_string()))
        .collect()
}

#[test]
fn the_live_eks_model_is_the_model_of_the_same_api_responses_read_as_files() {
    let Some(moto) = moto() else { return };
    create(&moto);
    let api = AwsApi::start(moto.addr, Answers { recorded: recorded(), ..Answers::default() });
    let dir = tempfile::tempdir().unwrap();
    let out = scan_eks(&api, dir.path());
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    let live: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(live["summary"]["clusters"], 1);
    assert_eq!(live["summary"]["cluster"], "eks prod (eu-west-1)");
    // Only reads.
    assert!(api.requests().iter().all(|(m, _)| m == "GET"), "{:?}", api.requests());
    assert!(
        api.requests().iter().any(|(_, p)| p == "/clusters/prod/fargate-profiles/system"),
        "{:?}",
        api.requests()
    );
    // The same responses, fetched as `aws eks describe-*` would print them, as files.
    let cluster = aws::call(api.addr, "GET", "/clusters/prod", None, REGION);
    let nodegroup = aws::call(api.addr, "GET", "/clusters/prod/node-groups/ng-1", None, REGION);
    let fargate = aws::call(api.addr, "GET", "/clusters/prod/fargate-profiles/system", None, REGION);
    std::fs::write(dir.path().join("describe-cluster.json"), cluster.to_string()).unwrap();
    std::fs::write(dir.path().join("describe-nodegroup.json"), nodegroup.to_string()).unwrap();
    let r: BTreeMap<String, Value> =
        recorded().into_iter().map(|(k, v)| (k, serde_json::from_str(&v).unwrap())).collect();
    let entry = format!("/clusters/prod/access-entries/{ADMIN}");
    let snapshot = json!({
        "cluster": cluster["cluster"],
        "nodegroups": [nodegroup],
        "fargateProfiles": [fargate],
        "addons": [r["/clusters/prod/addons/vpc-cni"], r["/clusters/prod/addons/kube-proxy"]],
        "accessEntries": [{ "accessEntry": r[&entry]["accessEntry"], "associatedAccessPolicies": r[&format!("{entry}/access-policies")]["associatedAccessPolicies"] }],
        "podIdentityAssociations": [r["/clusters/prod/pod-identity-associations/a-1"]],
    });
    std::fs::write(dir.path().join("snapshot.json"), snapshot.to_string()).unwrap();
    let from_snapshot = scan_files(dir.path(), &["snapshot.json"]);
    let live_set = findings(&live);
    assert!(live_set.len() >= 4, "{live_set:#?}");
    assert_eq!(live_set, findings(&from_snapshot));
    // describe-cluster and describe-nodegroup alone know less: what they find, the live scan
    // finds too; the access entry giving the account root cluster admin only the live scan sees.
    let describe = findings(&scan_files(dir.path(), &["describe-cluster.json", "describe-nodegroup.json"]));
    let missing: Vec<_> = describe.iter().filter(|f| !live_set.contains(*f)).collect();
    assert!(missing.is_empty(), "{missing:#?}");
    assert!(live_set.iter().any(|(rule, _, m)| rule == "\"EKS015\"" && m.contains(ADMIN)), "{live_set:#?}");
    assert!(!describe.iter().any(|(rule, _, _)| rule == "\"EKS015\""));
    // The access entry exported as `describe-access-entry` and `list-associated-access-policies`
    // output: the same access-entry findings (the field paths differ with the document's shape).
    std::fs::write(dir.path().join("entry.json"), r[&entry].to_string()).unwrap();
    std::fs::write(dir.path().join("policies.json"), r[&format!("{entry}/access-policies")].to_string())
        .unwrap();
    let exported =
        findings(&scan_files(dir.path(), &["describe-cluster.json", "entry.json", "policies.json"]));
    let eks015 = |set: &BTreeSet<(String, String, String)>| -> Vec<String> {
        set.iter().filter(|(rule, _, _)| rule == "\"EKS015\"").map(|(_, _, m)| m.clone()).collect()
    };
    assert!(!eks015(&exported).is_empty(), "{exported:#?}");
    assert_eq!(eks015(&exported), eks015(&live_set));
}

#[test]
fn a_refused_call_is_a_warning_naming_the_action_and_its_list_stays_unknown() {
    let Some(moto) = moto() else { return };
    create(&moto);
    let mut answers = Answers { recorded: recorded(), ..Answers::default() };
    answers.denied.insert("/clusters/prod/access-entries".into(), "eks:ListAccessEntries".into());
    answers.denied.insert("/clusters/prod/addons".into(), "eks:ListAddons".into());
    let api = AwsApi::start(moto.addr, answers);
    let dir = tempfile::tempdir().unwrap();
    let out = scan_eks(&api, dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    assert!(stderr.contains("warning: eks:ListAccessEntries was refused"), "{stderr}");
    assert!(stderr.contains("eks:ListAddons was refused"), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["summary"]["not_evaluated"],
        json!(["addons (eks:ListAddons)", "accessEntries (eks:ListAccessEntries)"])
    );
    let found = findings(&report);
    // Unknown, not fine and not missing: no access-entry finding, no "lacks the add-ons".
    assert!(!found.iter().any(|(rule, _, _)| rule == "\"EKS015\"" || rule == "\"EKS016\""), "{found:#?}");
}

/// `describe-launch-template-versions` output of the template `ng-lt` uses: version 1 (the
/// default) requires IMDSv2, version 2 (the one the node group runs) does not and leaves its
/// volume unencrypted.
const LAUNCH_TEMPLATE_VERSIONS: &str = r#"{
    "LaunchTemplateVersions": [
        {
            "LaunchTemplateId": "lt-0123456789abcdef0",
            "LaunchTemplateName": "workers",
            "VersionNumber": 2,
            "DefaultVersion": false,
            "LaunchTemplateData": {
                "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 50, "Encrypted": false}}],
                "MetadataOptions": {"HttpTokens": "optional", "HttpPutResponseHopLimit": 2}
            }
        },
        {
            "LaunchTemplateId": "lt-0123456789abcdef0",
            "LaunchTemplateName": "workers",
            "VersionNumber": 1,
            "DefaultVersion": true,
            "LaunchTemplateData": {
                "MetadataOptions": {"HttpTokens": "required", "HttpPutResponseHopLimit": 1}
            }
        }
    ]
}
"#;

#[test]
fn launch_template_versions_exported_from_ec2_decide_the_node_groups_imds_and_volumes() {
    let Some(moto) = moto() else { return };
    create(&moto);
    aws::call(
        moto.addr,
        "POST",
        "/clusters/prod/node-groups",
        Some(json!({
            "nodegroupName": "ng-lt",
            "nodeRole": "arn:aws:iam::111122223333:role/eks-node",
            "subnets": ["subnet-1"],
            "scalingConfig": { "minSize": 1, "maxSize": 3, "desiredSize": 2 },
            "launchTemplate": { "id": "lt-0123456789abcdef0", "version": "2" },
        })),
        REGION,
    );
    let api = AwsApi::start(moto.addr, Answers { recorded: recorded(), ..Answers::default() });
    let dir = tempfile::tempdir().unwrap();
    let lt_rules = |report: &Value| -> Vec<(String, String, String)> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| {
                ["EKS009", "EKS010"].contains(&f["rule"].as_str().unwrap())
                    && f["message"].as_str().unwrap().contains("ng-lt")
            })
            .map(|f| {
                (f["file"].as_str().unwrap().to_string(), f["line"].to_string(), f["column"].to_string())
            })
            .collect()
    };
    // Without the versions: a warning naming the template and the command, and nothing found.
    let out = scan_eks(&api, dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    assert!(
        stderr.contains("lt-0123456789abcdef0")
            && stderr.contains("aws ec2 describe-launch-template-versions --region eu-west-1")
            && stderr.contains("--launch-template-versions"),
        "{stderr}"
    );
    assert!(lt_rules(&serde_json::from_slice(&out.stdout).unwrap()).is_empty());
    // With them: version 2 decides, and the findings point into the file.
    std::fs::write(dir.path().join("lt.json"), LAUNCH_TEMPLATE_VERSIONS).unwrap();
    let out = ladrillo_eks(&api, dir.path(), &["--launch-template-versions", "lt.json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    assert!(!stderr.contains("describe-launch-template-versions"), "{stderr}");
    let found = lt_rules(&serde_json::from_slice(&out.stdout).unwrap());
    let at = |needle: &str| -> (String, String, String) {
        let line = LAUNCH_TEMPLATE_VERSIONS.lines().position(|l| l.contains(needle)).unwrap();
        let column = LAUNCH_TEMPLATE_VERSIONS.lines().nth(line).unwrap().find(needle).unwrap();
        ("lt.json".into(), (line + 1).to_string(), (column + 1).to_string())
    };
    // Each at its field in the version the node group runs.
    let mut expected = vec![at("\"Encrypted\": false"), at("\"HttpTokens\": \"optional\"")];
    expected.sort();
    let mut found = found;
    found.sort();
    assert_eq!(found, expected);
}
