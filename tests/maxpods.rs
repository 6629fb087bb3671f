//! Max pods: every embedded instance type against the formula and ceiling recomputed here from the
//! source tables in `data/`, the published `eni-max-pods.txt` values, the worked examples, and the
//! CLI. `data/` must equal the upstream copies in `../shared/data` when they are beside the
//! repository (they are in CI).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use assert_cmd::Command;
use ladrillo::analysis::maxpods::{self, Ceiling, MaxPods, Networking};
use predicates::prelude::*;

/// The source tables as copied into the repository (`data/`, see its README).
fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

struct Source {
    /// name → (ENIs, IPv4 per ENI)
    info: BTreeMap<String, (u32, u32)>,
    published: BTreeMap<String, u32>,
    vcpus: BTreeMap<String, u32>,
}

fn read_source() -> Source {
    let dir = data_dir();
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    let mut info = BTreeMap::new();
    for line in read("instance-info.jsonl").lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let n = |k: &str| u32::try_from(v[k].as_u64().expect(k)).expect(k);
        info.insert(
            v["instanceType"].as_str().expect("name").to_string(),
            (n("defaultMaxENIs"), n("ipv4AddressesPerInterface")),
        );
    }
    let mut published = BTreeMap::new();
    for line in read("eni-max-pods.txt").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (name, value) = line.split_once(' ').expect("two columns");
        published.insert(name.to_string(), value.trim().parse().expect("count"));
    }
    let mut vcpus = BTreeMap::new();
    for line in read("instance-vcpus.tsv").lines().skip_while(|l| l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        vcpus.insert(cols[0].to_string(), cols[1].parse().expect("vcpus"));
    }
    Source { info, published, vcpus }
}

/// "More than 30 vCPUs?" as the size name answers it, written out independently of the library:
/// `large` 2, `xlarge` 4, `Nxlarge` and `metal-Nxl` 4·N; a bare `metal` is at least the largest
/// other size of its family.
fn over_30_vcpus(src: &Source, name: &str) -> Option<bool> {
    let from_name = |name: &str| -> Option<u32> {
        let size = name.split('.').nth(1)?;
        match size {
            "large" => Some(2),
            "xlarge" => Some(4),
            _ => {
                let n = size
                    .strip_suffix("xlarge")
                    .or_else(|| size.strip_prefix("metal-")?.strip_suffix("xl"))?;
                n.parse::<u32>().ok().map(|n| 4 * n)
            }
        }
    };
    if let Some(&v) = src.vcpus.get(name) {
        return Some(v > 30);
    }
    if let Some(v) = from_name(name) {
        return Some(v > 30);
    }
    let (family, size) = name.split_once('.')?;
    let largest = src
        .published
        .keys()
        .filter(|n| n.as_str() != name && n.split_once('.').map(|f| f.0) == Some(family))
        .filter_map(|n| src.vcpus.get(n).copied().or_else(|| from_name(n)))
        .max()?;
    (size == "metal" && largest > 30).then_some(true)
}

/// The EKS managed node group value, written out independently of the library.
fn expected(src: &Source, name: &str, pd: bool, cn: bool) -> Option<(u32, Option<u32>)> {
    let raw = match src.info.get(name) {
        Some(&(enis, ips)) => {
            let enis = if cn { enis - 1 } else { enis };
            let per_eni = if pd { (ips - 1) * 16 } else { ips - 1 };
            enis * per_eni + 2
        }
        None if !pd && !cn => *src.published.get(name)?,
        None => return None,
    };
    let capped = over_30_vcpus(src, name).map(|over| raw.min(if over { 250 } else { 110 }));
    Some((raw, capped))
}

#[test]
fn every_type_matches_the_formula_from_the_source_tables() {
    let src = read_source();
    let names: Vec<&str> = maxpods::all().iter().map(|t| t.name).collect();
    let source_names: Vec<&str> = src.published.keys().map(String::as_str).collect();
    assert_eq!(names, source_names, "embedded types differ from eni-max-pods.txt");
    let mut checked = 0;
    for t in maxpods::all() {
        for (pd, cn) in [(false, false), (true, false), (false, true), (true, true)] {
            let net = Networking { prefix_delegation: pd, custom_networking: cn };
            let got = t.max_pods(net, Ceiling::ManagedNodeGroup);
            let ctx = format!("{} pd={pd} cn={cn}", t.name);
            match expected(&src, t.name, pd, cn) {
                None => assert_eq!(got, MaxPods::Unknown, "{ctx}"),
                Some((raw, Some(capped))) => {
                    assert_eq!(got, MaxPods::Exact(capped), "{ctx}");
                    assert_eq!(t.uncapped(net), Some(raw), "{ctx}");
                }
                Some((raw, None)) if raw <= 110 => assert_eq!(got, MaxPods::Exact(raw), "{ctx}"),
                Some((raw, None)) => assert_eq!(
                    got,
                    MaxPods::DependsOnVcpus { up_to_30_vcpus: 110, over_30_vcpus: raw.min(250) },
                    "{ctx}"
                ),
            }
            assert_eq!(t.max_pods(net, Ceiling::None).exact(), expected(&src, t.name, pd, cn).map(|e| e.0));
            checked += 1;
        }
    }
    assert_eq!(checked, 4 * 1391);
}

#[test]
fn secondary_ip_formula_equals_the_published_table() {
    let src = read_source();
    for (name, &value) in &src.published {
        let t = maxpods::lookup(name).expect("embedded");
        assert_eq!(t.uncapped(Networking::default()), Some(value), "{name}");
        if let Some(&(enis, ips)) = src.info.get(name) {
            assert_eq!(
                enis * (ips - 1) + 2,
                value,
                "{name}: instance-info.jsonl disagrees with eni-max-pods.txt"
            );
        }
    }
}

#[test]
fn worked_examples() {
    let mng = Ceiling::ManagedNodeGroup;
    let d = Networking::default();
    let pd = Networking { prefix_delegation: true, custom_networking: false };
    let cn = Networking { prefix_delegation: false, custom_networking: true };
    let get = |n: &str| maxpods::lookup(n).expect(n);
    assert_eq!(get("t3.medium").max_pods(d, mng), MaxPods::Exact(17));
    assert_eq!(get("m5.large").max_pods(d, mng), MaxPods::Exact(29));
    assert_eq!(get("t3.medium").max_pods(pd, mng), MaxPods::Exact(110));
    assert_eq!(get("m5.large").max_pods(pd, mng), MaxPods::Exact(110));
    assert_eq!(get("m5.large").max_pods(cn, mng), MaxPods::Exact(20));
    assert_eq!(get("m5.4xlarge").max_pods(d, mng), MaxPods::Exact(110));
    assert_eq!(get("m5.8xlarge").max_pods(pd, mng), MaxPods::Exact(250));
}

fn cli() -> Command {
    Command::cargo_bin("ladrillo").expect("binary")
}

#[test]
fn cli_text() {
    cli()
        .args(["max-pods", "t3.medium", "m5.large"])
        .assert()
        .success()
        .stdout(predicate::str::contains("secondary IP mode"))
        .stdout(predicate::str::is_match(r"(?m)^t3\.medium +2 +3 +6 +17 +17$").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^m5\.large +2 +3 +10 +29 +29$").unwrap());
    cli()
        .args(["max-pods", "--prefix-delegation", "M5.LARGE"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^m5\.large +2 +3 +10 +434 +110$").unwrap());
}

#[test]
fn cli_json() {
    let out =
        cli().args(["max-pods", "--custom-networking", "--format", "json", "m5.large"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["custom_networking"], true);
    assert_eq!(v["prefix_delegation"], false);
    let row = &v["instance_types"][0];
    assert_eq!(row["instance_type"], "m5.large");
    assert_eq!(row["max_pods"], 20);
    assert_eq!(row["uncapped"], 20);
    assert_eq!(row["vcpus"], 2);
}

#[test]
fn cli_tsv_all_lists_every_type() {
    let out = cli().args(["max-pods", "--all", "--format", "tsv"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), maxpods::all().len());
    assert!(lines.contains(&"t3.medium\t17"));
    assert!(lines.contains(&"m5.large\t29"));
    assert!(lines.contains(&"m5.24xlarge\t250"));
    // vCPUs derived from the size name, and the lower ceiling when even that does not tell.
    assert!(lines.contains(&"c7i.32xlarge\t250"));
    assert!(lines.contains(&"bmn-sf1.metal\t110"));
    for l in &lines {
        let (name, value) = l.split_once('\t').expect("two columns");
        assert!(maxpods::lookup(name).is_some(), "{l}");
        assert!(value.parse::<u32>().is_ok(), "one number per type: {l}");
    }
}

#[test]
fn cli_unknown_type_is_an_error_with_suggestions() {
    cli()
        .args(["max-pods", "t3.medium", "m5.larg"])
        .assert()
        .code(2)
        // The known type beside the unknown one is still answered; the exit code says one was not.
        .stdout(predicate::str::contains("t3.medium").and(predicate::str::contains("m5.larg").not()))
        .stderr(predicate::str::contains("unknown instance type \"m5.larg\"; did you mean m5.large"));
    cli().args(["max-pods", "m5.larg"]).assert().code(2).stdout(predicate::str::is_empty());
    cli().args(["max-pods"]).assert().code(2);
}

#[test]
fn repository_data_equals_the_shared_upstream_copies() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(shared) = ["../shared/data", "../../shared/data"]
        .iter()
        .map(|p| root.join(p))
        .find(|p| p.join("instance-info.jsonl").is_file())
    else {
        assert!(std::env::var_os("CI").is_none(), "../shared/data is missing beside the repository");
        eprintln!("not compared: ../shared/data not found");
        return;
    };
    for file in ["instance-info.jsonl", "eni-max-pods.txt", "instance-vcpus.tsv"] {
        let ours = std::fs::read(data_dir().join(file)).unwrap();
        let theirs = std::fs::read(shared.join(file)).unwrap();
        assert!(ours == theirs, "data/{file} differs from {}", shared.join(file).display());
    }
}

#[test]
fn cli_says_when_the_vcpu_count_is_derived() {
    cli()
        .args(["max-pods", "c7i.32xlarge", "c5a.metal"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^c7i\.32xlarge +128~ .* 250$").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^c5a\.metal +≥96 .* 250$").unwrap())
        .stdout(predicate::str::contains("derived from the size name"));
    let out = cli().args(["max-pods", "-f", "json", "c7i.32xlarge"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &v["instance_types"][0];
    assert_eq!((row["vcpus"].clone(), row["max_pods"].clone()), (serde_json::Value::Null, 250.into()));
    assert_eq!(row["vcpus_derived"]["count"], 128);
    assert_eq!(row["vcpus_derived"]["at_least"], false);
}
