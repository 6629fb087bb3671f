//! Terraform and CloudFormation through a whole scan: a directory is one Terraform module (its
//! `.tf` files and the `.tfvars` Terraform loads by itself), syntax errors carry positions, and
//! CloudFormation templates are read rather than skipped.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::fs;

use ladrillo::scan::scan_paths;

fn write(dir: &std::path::Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn a_directory_is_one_module_with_its_auto_loaded_variables() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "variables.tf", "variable \"public\" {\n  type = bool\n}\n");
    write(
        d,
        "main.tf",
        "resource \"aws_eks_cluster\" \"x\" {\n  name     = \"x\"\n  role_arn = \"r\"\n  vpc_config {\n    subnet_ids             = [\"a\", \"b\"]\n    endpoint_public_access = var.public\n    public_access_cidrs    = [\"203.0.113.0/24\"]\n  }\n}\n",
    );
    let settings = common::settings(&["public-endpoint"]);
    let paths = vec![d.display().to_string()];

    // Without a value the variable is unknown: nothing is reported.
    let r = scan_paths(&paths, &settings);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.active().count(), 0);
    assert_eq!(r.summary.files, 2);

    // terraform.tfvars is loaded by Terraform itself, so its value applies.
    write(d, "terraform.tfvars", "public = true\n");
    let r = scan_paths(&paths, &settings);
    let f: Vec<_> = r.active().collect();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].location.start().map(|p| p.line), Some(6));
    assert!(f[0].location.file_name().unwrap().ends_with("main.tf"));

    // A -var-file is a command-line choice: it is not applied, and counted as skipped.
    fs::remove_file(d.join("terraform.tfvars")).unwrap();
    write(d, "prod.tfvars", "public = true\n");
    let r = scan_paths(&paths, &settings);
    assert_eq!(r.active().count(), 0);
    assert_eq!(r.summary.skipped_documents, 1);
}

#[test]
fn syntax_errors_have_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", "resource \"aws_eks_cluster\" \"x\" {\n  name = \"x\n}\n");
    let r = scan_paths(&[dir.path().display().to_string()], &common::settings(&["public-endpoint"]));
    assert_eq!(r.errors.len(), 1);
    let e = &r.errors[0];
    assert!(e.file.ends_with("main.tf") && e.line.is_some() && e.column.is_some(), "{e}");
    assert_eq!(r.exit_code(ladrillo::settings::FailOn::Never), 2);
}

#[test]
fn cloudformation_templates_are_read_not_skipped() {
    let text = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  C:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Name: c\n      RoleArn: r\n      ResourcesVpcConfig:\n        SubnetIds: [a, b]\n        EndpointPublicAccess: yes\n        PublicAccessCidrs: [203.0.113.0/24]\n";
    let r = common::scan_text(text, &["public-endpoint", "ambiguous-scalar"]);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.summary.skipped_documents, 0);
    assert_eq!(r.summary.documents, 1);
    // The cluster is checked; Kubernetes' YAML 1.1 notes do not apply to templates.
    let rules: Vec<&str> = r.active().map(|f| f.rule.name).collect();
    assert_eq!(rules, ["public-endpoint"]);
}

/// Rules of the scan that fire on one Terraform file, as `(name, message)`.
fn terraform_findings(text: &str, select: &[&str]) -> Vec<(&'static str, String)> {
    let r = ladrillo::scan::scan_files(&[common::source("main.tf", text)], &common::settings(select));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r.active().map(|f| (f.rule.name, f.message().into_owned())).collect()
}

const CLUSTER_HEAD: &str = "resource \"aws_eks_cluster\" \"this\" {\n  name     = \"c\"\n  role_arn = \"arn:aws:iam::111122223333:role/eks\"\n";

#[test]
fn an_empty_public_access_cidrs_list_leaves_the_endpoint_open_to_everyone() {
    let select = ["public-endpoint-open-to-internet", "public-endpoint"];
    let empty = format!(
        "{CLUSTER_HEAD}  vpc_config {{\n    subnet_ids          = [\"a\"]\n    public_access_cidrs = []\n  }}\n}}\n"
    );
    let f = terraform_findings(&empty, &select);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "public-endpoint-open-to-internet");
    assert!(f[0].1.contains("0.0.0.0/0"), "{f:?}");
    // The same as an absent list; a real list restricts it.
    let absent = format!("{CLUSTER_HEAD}  vpc_config {{\n    subnet_ids = [\"a\"]\n  }}\n}}\n");
    assert_eq!(terraform_findings(&absent, &select), f);
    let listed = format!(
        "{CLUSTER_HEAD}  vpc_config {{\n    subnet_ids          = [\"a\"]\n    public_access_cidrs = [\"203.0.113.0/24\"]\n  }}\n}}\n"
    );
    let f = terraform_findings(&listed, &select);
    assert_eq!(f.iter().map(|f| f.0).collect::<Vec<_>>(), ["public-endpoint"]);
    // The endpoint open to everyone implies the peers' "public access enabled" check.
    let rule =
        ladrillo::rules::all().iter().find(|r| r.meta().name == "public-endpoint-open-to-internet").unwrap();
    assert!(rule.meta().references.contains(&"checkov:CKV_AWS_39"));
}

#[test]
fn an_encryption_config_without_secrets_encrypts_nothing() {
    let select = ["secrets-without-customer-key"];
    let block = |resources: &str| {
        format!(
            "{CLUSTER_HEAD}  vpc_config {{\n    subnet_ids = [\"a\"]\n  }}\n  encryption_config {{\n    resources = {resources}\n    provider {{\n      key_arn = \"arn:aws:kms:eu-west-1:111122223333:key/k\"\n    }}\n  }}\n}}\n"
        )
    };
    assert_eq!(terraform_findings(&block("[]"), &select).len(), 1);
    assert!(terraform_findings(&block("[\"secrets\"]"), &select).is_empty());
    // The eks module's `encryption_config = { resources = [] }` too.
    let module = "module \"eks\" {\n  source  = \"terraform-aws-modules/eks/aws\"\n  version = \"~> 21.0\"\n  name    = \"m\"\n  encryption_config = {\n    resources        = []\n    provider_key_arn = \"arn:aws:kms:eu-west-1:111122223333:key/k\"\n  }\n}\n";
    assert_eq!(terraform_findings(module, &select).len(), 1);
}

/// A `dynamic "encryption_config"` whose `for_each` the variables decide: with no key given it
/// makes no block, so secrets are not encrypted; with one it is the block. Before conditionals
/// and dynamic blocks were evaluated, both read as unknown and neither was reported.
#[test]
fn a_dynamic_encryption_config_is_read_with_the_variables_values() {
    let select = ["secrets-without-customer-key"];
    let module = |default: &str| {
        format!(
            "variable \"kms_key_arn\" {{\n  default = {default}\n}}\n{CLUSTER_HEAD}  vpc_config {{\n    subnet_ids = [\"a\"]\n  }}\n  \
             dynamic \"encryption_config\" {{\n    for_each = var.kms_key_arn != null ? [var.kms_key_arn] : []\n    content {{\n      \
             resources = [\"secrets\"]\n      provider {{\n        key_arn = encryption_config.value\n      }}\n    }}\n  }}\n}}\n"
        )
    };
    let f = terraform_findings(&module("null"), &select);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(terraform_findings(&module("\"arn:aws:kms:eu-west-1:111122223333:key/k\""), &select).is_empty());
    // A `for_each` that cannot be known leaves the block unknown: nothing is reported.
    assert!(
        terraform_findings(
            &module("null").replace("var.kms_key_arn != null", "length(var.kms_key_arn) > 0"),
            &select
        )
        .is_empty()
    );
}

/// A cluster whose `count` the variables make 0 is not created, so not analysed, and the scan
/// says so rather than leave it out in silence.
#[test]
fn a_cluster_the_variables_switch_off_is_named_as_not_created() {
    let text = format!(
        "variable \"create\" {{\n  default = false\n}}\n{}",
        CLUSTER_HEAD.replacen(" {\n", " {\n  count    = var.create ? 1 : 0\n", 1)
            + "  vpc_config {\n    subnet_ids = [\"a\"]\n  }\n}\n"
    );
    let r = ladrillo::scan::scan_files(&[common::source("main.tf", &text)], &common::settings(&["all"]));
    assert_eq!(r.summary.clusters, 0);
    let notes: Vec<&str> = r.summary.input_notes.iter().map(|n| n.message.as_str()).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].starts_with("`aws_eks_cluster.this` is not created with these values"), "{notes:?}");
    assert_eq!(r.summary.input_notes[0].line, Some(4));
    // Switched on, it is analysed and nothing is said.
    let on = ladrillo::scan::scan_files(
        &[common::source("main.tf", &text.replace("default = false", "default = true"))],
        &common::settings(&["all"]),
    );
    assert_eq!((on.summary.clusters, on.summary.input_notes.len()), (1, 0));
}

#[test]
fn a_node_group_whose_cluster_is_elsewhere_is_still_checked() {
    let text = "resource \"aws_eks_node_group\" \"ng\" {\n  cluster_name    = var.cluster_name\n  node_group_name = \"ng\"\n  node_role_arn   = \"arn:aws:iam::111122223333:role/node\"\n  subnet_ids      = [\"a\", \"b\"]\n  scaling_config {\n    min_size     = 1\n    max_size     = 3\n    desired_size = 2\n  }\n  remote_access {\n    ec2_ssh_key = \"key\"\n  }\n}\n";
    let r = ladrillo::scan::scan_files(&[common::source("main.tf", text)], &common::settings(&["all"]));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.summary.clusters, 1);
    let rules: Vec<&str> = r.active().map(|f| f.rule.name).collect();
    assert!(rules.contains(&"ssh-open-to-internet"), "{rules:?}");
    // Nothing is said of the cluster's own settings: they are not in this module.
    for cluster_rule in [
        "public-endpoint",
        "control-plane-logs-missing",
        "secrets-without-customer-key",
        "core-addon-missing",
    ] {
        assert!(!rules.contains(&cluster_rule), "{rules:?}");
    }
}

const TF_WITH_VARS: &str = "variable \"cidrs\" {\n  type = list(string)\n}\n\nresource \"aws_eks_cluster\" \"this\" {\n  name     = \"demo\"\n  role_arn = \"r\"\n  vpc_config {\n    subnet_ids          = [\"a\", \"b\"]\n    public_access_cidrs = var.cidrs\n  }\n}\n";
const CFN: &str = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ProdCluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Name: prod\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-a, subnet-b]\n";

/// Issue 16 item 7: Terraform and CloudFormation findings name their resource as the object
/// (the address, the logical ID), and a value from a variable points at where it is set.
#[test]
fn terraform_and_cloudformation_findings_name_their_resource() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "main.tf", TF_WITH_VARS);
    write(d, "terraform.tfvars", "# the public ranges\ncidrs = [\"0.0.0.0/0\"]\n");
    let r = scan_paths(&[d.display().to_string()], &common::settings(&["public-endpoint-open-to-internet"]));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let f = r.active().next().expect("a finding");
    let o = f.object.as_ref().expect("an object");
    assert_eq!(
        (o.api_version.as_str(), o.kind.as_str(), o.name.as_str()),
        ("terraform", "aws_eks_cluster", "aws_eks_cluster.this")
    );
    assert_eq!(o.to_string(), "aws_eks_cluster.this");
    // Reported where the variable is used (main.tf:10), noted where it is set (tfvars:2).
    assert_eq!(f.location.start().unwrap().line, 10);
    let tfvars = format!("{}:2:9", d.join("terraform.tfvars").display());
    assert!(f.notes().iter().any(|n| n == &format!("value of var.cidrs set at {tfvars}")), "{:?}", f.notes());

    let cfn = tempfile::tempdir().unwrap();
    write(cfn.path(), "stack.yaml", CFN);
    let r =
        scan_paths(&[cfn.path().display().to_string()], &common::settings(&["secrets-without-customer-key"]));
    let f = r.active().next().expect("a finding");
    let o = f.object.as_ref().expect("an object");
    assert_eq!(
        (o.api_version.as_str(), o.kind.as_str(), o.name.as_str()),
        ("cloudformation", "AWS::EKS::Cluster", "ProdCluster")
    );
    assert!(f.object_index.is_none());
}

/// The resource is named in every output format, and the help line speaks the input's form.
#[test]
fn every_format_names_the_resource_and_help_speaks_the_form() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", TF_WITH_VARS);
    write(dir.path(), "terraform.tfvars", "cidrs = [\"0.0.0.0/0\"]\n");
    let cfn = tempfile::tempdir().unwrap();
    write(cfn.path(), "stack.yaml", CFN);
    let eksctl = tempfile::tempdir().unwrap();
    write(
        eksctl.path(),
        "cluster.yaml",
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: prod\n  region: eu-west-1\n",
    );
    for (dir, object, help) in [
        (dir.path(), "aws_eks_cluster.this", "Terraform `encryption_config`"),
        (cfn.path(), "ProdCluster", "CloudFormation `EncryptionConfig`"),
        (eksctl.path(), "ClusterConfig prod", "eksctl `secretsEncryption.keyARN`"),
    ] {
        for format in ["text", "json", "sarif", "junit", "html", "markdown"] {
            let out = assert_cmd::Command::cargo_bin("ladrillo")
                .unwrap()
                .env("NO_COLOR", "1")
                .args(["scan", "--no-config", "--select", "secrets-without-customer-key", "--format", format])
                .arg(dir)
                .assert()
                .code(1)
                .get_output()
                .stdout
                .clone();
            let out = String::from_utf8(out).unwrap();
            let shown = match format {
                "markdown" => object.replace('_', "\\_"),
                // JSON has the object's fields: its name is the address or logical ID.
                "json" => format!("\"name\": \"{}\"", object.rsplit(' ').next().unwrap()),
                _ => object.to_string(),
            };
            assert!(out.contains(&shown), "{format}: no {shown} in {out}");
            if matches!(format, "text" | "json" | "sarif") {
                assert!(out.contains(help), "{format}: no {help} in {out}");
            }
        }
    }
}

/// SARIF lists where a variable's value is set as a related location of the finding.
#[test]
fn sarif_relates_a_variable_value_to_where_it_is_set() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", TF_WITH_VARS);
    write(dir.path(), "terraform.tfvars", "# the public ranges\ncidrs = [\"0.0.0.0/0\"]\n");
    let out = assert_cmd::Command::cargo_bin("ladrillo")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "scan",
            "--no-config",
            "--select",
            "public-endpoint-open-to-internet",
            "--format",
            "sarif",
            ".",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startLine"], 10);
    let related = &result["relatedLocations"][0];
    assert_eq!(related["physicalLocation"]["artifactLocation"]["uri"], "terraform.tfvars");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 2);
    assert_eq!(related["message"]["text"], "value of var.cidrs");
}

/// A variable read through locals is set where the variable is, and used where the local is.
#[test]
fn a_variable_through_locals_points_at_where_it_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "main.tf", &TF_WITH_VARS.replace("var.cidrs", "local.cidrs"));
    write(d, "locals.tf", "locals {\n  ranges = var.cidrs\n  cidrs  = local.ranges\n}\n");
    write(d, "terraform.tfvars", "cidrs = [\"0.0.0.0/0\"]\n");
    let r = scan_paths(&[d.display().to_string()], &common::settings(&["public-endpoint-open-to-internet"]));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let f = r.active().next().expect("a finding");
    assert_eq!(f.location.file_name().unwrap(), d.join("main.tf").display().to_string());
    assert_eq!(f.location.start().unwrap().line, 10);
    let tfvars = format!("{}:1:9", d.join("terraform.tfvars").display());
    assert!(f.notes().iter().any(|n| n == &format!("value of var.cidrs set at {tfvars}")), "{:?}", f.notes());
}
