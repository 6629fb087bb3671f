//! Nothing the user wrote is ever overwritten: a report path that is an input by another name
//! (hard link, symbolic link, `/dev/stdin`) is refused, and `init --force` never writes through
//! a link planted inside `--out`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::path::Path;
use std::process::Stdio;

use assert_cmd::Command;
use assert_cmd::assert::OutputAssertExt as _;
use predicates::prelude::*;

const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n";

fn ladrillo() -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.env("NO_COLOR", "1");
    c
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

#[test]
fn a_report_path_hard_linked_to_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.yaml");
    std::fs::write(&input, POD).unwrap();
    std::fs::hard_link(&input, dir.path().join("r.txt")).unwrap();
    ladrillo()
        .current_dir(dir.path())
        .args(["scan", "in.yaml", "-o", "r.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output r.txt would overwrite the input in.yaml"));
    assert_eq!(read(&input), POD);
}

/// The input is reached through a directory walk and the report through a hard link elsewhere.
#[test]
fn a_report_path_linked_to_a_file_inside_a_scanned_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("manifests")).unwrap();
    let input = dir.path().join("manifests/pod.yaml");
    std::fs::write(&input, POD).unwrap();
    std::fs::hard_link(&input, dir.path().join("report.txt")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, dir.path().join("report-link.txt")).unwrap();
    for out in ["report.txt", "report-link.txt"] {
        if !dir.path().join(out).exists() {
            continue;
        }
        ladrillo()
            .current_dir(dir.path())
            .args(["scan", "manifests", "-o", out])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("--output {out} would overwrite")));
        assert_eq!(read(&input), POD, "{out}");
    }
    // A report that is no input is written as before.
    ladrillo().current_dir(dir.path()).args(["scan", "manifests", "-o", "new.txt"]).assert().code(1);
    assert!(read(&dir.path().join("new.txt")).contains("p"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_report_to_standard_input_never_truncates_the_file_behind_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.yaml");
    std::fs::write(&input, POD).unwrap();
    for out in ["/dev/stdin", "/proc/self/fd/0"] {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("ladrillo"))
            .args(["scan", "-", "-o", out])
            .stdin(Stdio::from(std::fs::File::open(&input).unwrap()))
            .output()
            .unwrap()
            .assert()
            .code(2)
            .stderr(predicate::str::contains("would overwrite standard input"));
        assert_eq!(read(&input), POD, "{out}");
    }
}

const GUIDE: &[&str] = &[
    "init",
    "--name",
    "mi-cluster",
    "--region",
    "us-east-1",
    "--public-access-cidrs",
    "203.0.113.0/24",
    "--date",
    "2026-11-24",
    "--force",
    "--out",
];

#[cfg(unix)]
#[test]
fn init_never_writes_through_a_link_planted_in_the_output() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle");
    std::fs::create_dir(&out).unwrap();
    let precious = dir.path().join("precious.txt");
    std::fs::write(&precious, "mine").unwrap();
    let victim = dir.path().join("victimdir");
    std::fs::create_dir(&victim).unwrap();

    // A file of the bundle is a link to a file outside.
    symlink("../precious.txt", out.join("README.md")).unwrap();
    ladrillo()
        .args(GUIDE)
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("README.md is a symbolic link"));
    assert_eq!(read(&precious), "mine");
    // Nothing was written before the link was found.
    assert!(!out.join(".ladrillo.yaml").exists());
    std::fs::remove_file(out.join("README.md")).unwrap();

    // A directory of the bundle is a link to a directory outside.
    symlink("../victimdir", out.join("terraform")).unwrap();
    ladrillo()
        .args(GUIDE)
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("terraform is a symbolic link"));
    assert_eq!(std::fs::read_dir(&victim).unwrap().count(), 0);
    std::fs::remove_file(out.join("terraform")).unwrap();

    // --out itself a link: refused too.
    symlink("victimdir", dir.path().join("out-link")).unwrap();
    ladrillo()
        .args(GUIDE)
        .arg(dir.path().join("out-link"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a symbolic link"));
    assert_eq!(std::fs::read_dir(&victim).unwrap().count(), 0);

    // Without links the same command writes the bundle, and leaves no temporary file.
    ladrillo().args(GUIDE).arg(&out).assert().success();
    assert!(read(&out.join("README.md")).starts_with("# Hardened EKS cluster"));
    let leftovers: Vec<_> = walk(&out).into_iter().filter(|p| p.contains("ladrillo-tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// `--force` replaces the bundle's files, and a file hard-linked to one of them elsewhere keeps
/// its contents: files are replaced, never written in place.
#[cfg(unix)]
#[test]
fn init_replaces_files_instead_of_writing_into_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle");
    std::fs::create_dir_all(out.join("manifests")).unwrap();
    let outside = dir.path().join("keep.yaml");
    std::fs::write(&outside, "mine").unwrap();
    std::fs::hard_link(&outside, out.join("manifests/app.yaml")).unwrap();
    ladrillo().args(GUIDE).arg(&out).assert().success();
    assert_eq!(read(&outside), "mine");
    assert!(read(&out.join("manifests/app.yaml")).contains("kind: Deployment"));
}

fn walk(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    out
}
