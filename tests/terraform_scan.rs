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
