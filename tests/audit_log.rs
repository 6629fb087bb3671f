//! `ladrillo audit-log` end to end: every input form carries the same EKS events to the same
//! alerts; malformed records are reported with their line and the rest is analysed; time
//! ranges, outputs, exit codes, configuration errors and `--follow`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use base64::Engine as _;

fn data(name: &str) -> PathBuf {
    common::root().join("tests/data/audit").join(name)
}

fn ladrillo() -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.env("NO_COLOR", "1").arg("audit-log").arg("--no-config");
    c
}

/// `(rule, message)` of each JSON-lines alert.
fn alerts(stdout: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            (v["rule"].as_str().unwrap().to_string(), v["message"].as_str().unwrap().to_string())
        })
        .collect()
}

fn codes(stdout: &[u8]) -> Vec<String> {
    let mut c: Vec<String> = alerts(stdout).into_iter().map(|(r, _)| r).collect();
    c.sort();
    c
}

/// The alerts the EKS sample must raise, by code.
const MIX: &[&str] = &["AUD001", "AUD010", "AUD014", "AUD029", "AUD036", "AUD037"];

fn mix_lines() -> Vec<String> {
    common::read(&data("eks-mix.jsonl")).lines().map(str::to_string).collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn eks_sample_raises_the_expected_alerts_with_identity() {
    let out = ladrillo().arg(data("eks-mix.jsonl")).args(["--format", "jsonl"]).assert().code(1);
    let stdout = &out.get_output().stdout;
    assert_eq!(codes(stdout), MIX);
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["rule"], "AUD001");
    assert_eq!(first["user"]["username"], "alice");
    assert_eq!(first["user"]["arn"], "arn:aws:sts::111122223333:assumed-role/Developer/alice");
    assert_eq!(first["user"]["canonical_arn"], "arn:aws:iam::111122223333:role/Developer");
    assert_eq!(first["user"]["session_name"], "alice");
    assert_eq!(first["source_ips"][0], "203.0.113.7");
    assert!(first["user_agent"].as_str().unwrap().starts_with("kubectl/"));
    assert_eq!(first["verb"], "create");
    assert_eq!(first["object"]["namespace"], "kube-system");
    assert_eq!(first["location"]["line"], 4);
    assert!(first["audit_id"].is_string() && first["time"].is_string());
    // The access key id EKS logs in `user.extra` is never repeated.
    assert!(!String::from_utf8_lossy(stdout).contains("ASIA"));
}

#[test]
fn metadata_level_events_are_not_evaluated_rather_than_clean() {
    let out = ladrillo().arg(data("eks-mix.jsonl")).assert().code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("note: AUD010 privileged-workload-admitted could not evaluate 1 event"), "{text}");
    let json = ladrillo().arg(data("eks-mix.jsonl")).args(["--format", "json"]).assert().code(1);
    let v: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(v["summary"]["not_evaluated"]["AUD012"], 1);
    assert_eq!(v["not_evaluated"][0]["needs"], "Request");
    assert_eq!(v["alerts"].as_array().unwrap().len(), MIX.len());
}

#[test]
fn every_input_form_gives_the_same_alerts() {
    let dir = tempfile::tempdir().unwrap();
    let lines = mix_lines();
    let joined = lines.join("\n") + "\n";
    // EventList, pretty-printed, as an audit webhook batch or `jq` writes it.
    let items: Vec<serde_json::Value> = lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    let list = serde_json::json!({"kind": "EventList", "apiVersion": "audit.k8s.io/v1", "metadata": {}, "items": items});
    let event_list = write(dir.path(), "list.json", serde_json::to_string_pretty(&list).unwrap().as_bytes());
    // `aws logs get-log-events`: no stream names.
    let events: Vec<serde_json::Value> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| serde_json::json!({"timestamp": 1_748_772_000_000_u64 + i as u64, "message": l, "ingestionTime": 1_748_772_001_000_u64}))
        .collect();
    let get = serde_json::json!({"events": events, "nextForwardToken": "f/1", "nextBackwardToken": "b/1"});
    let get_log_events =
        write(dir.path(), "get.json", serde_json::to_string_pretty(&get).unwrap().as_bytes());
    // CloudWatch Logs subscription payload, gzip + base64, one record per line.
    let payload = serde_json::json!({
        "messageType": "DATA_MESSAGE", "owner": "111122223333", "logGroup": "/aws/eks/prod/cluster",
        "logStream": "kube-apiserver-audit-7f9c1d2e3b4a5c6d7e8f9a0b1c2d3e4f", "subscriptionFilters": ["to-siem"],
        "logEvents": lines.iter().enumerate().map(|(i, l)| serde_json::json!({"id": i.to_string(), "timestamp": 1_748_772_000_000_u64, "message": l})).collect::<Vec<_>>()
    });
    let encoded = base64::engine::general_purpose::STANDARD.encode(gzip(payload.to_string().as_bytes()));
    let subscription = write(dir.path(), "kinesis.txt", format!("{encoded}\n").as_bytes());
    let lambda = write(
        dir.path(),
        "lambda.json",
        serde_json::json!({"awslogs": {"data": encoded}}).to_string().as_bytes(),
    );
    let gz = write(dir.path(), "audit.log.gz", &gzip(joined.as_bytes()));
    for path in [&event_list, &get_log_events, &subscription, &lambda, &gz] {
        let out = ladrillo().arg(path).args(["--format", "jsonl"]).assert().code(1);
        assert_eq!(codes(&out.get_output().stdout), MIX, "{}", path.display());
    }
    let stdin = ladrillo().arg("-").args(["--format", "jsonl"]).write_stdin(joined).assert().code(1);
    assert_eq!(codes(&stdin.get_output().stdout), MIX);
    // The AWS CLI's filter-log-events export, with an authenticator log event among them.
    let export = ladrillo().arg(data("filter-log-events.json")).args(["--format", "jsonl"]).assert().code(1);
    let mut first_five: Vec<&str> = MIX.iter().copied().filter(|c| !["AUD037"].contains(c)).collect();
    first_five.sort_unstable();
    assert_eq!(codes(&export.get_output().stdout), first_five);
}

/// `audit-log - -` counted standard input twice (and failed on the second, empty, read), and a
/// file named twice was read twice: each is read once, as `scan` reads them.
#[test]
fn an_input_named_twice_is_read_once() {
    let mix = common::read(&data("eks-mix.jsonl"));
    let summary = |out: &std::process::Output| -> serde_json::Value {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["summary"].clone()
    };
    let once = ladrillo().args(["-", "--format", "json"]).write_stdin(mix.clone()).output().unwrap();
    assert_eq!(once.status.code(), Some(1));
    let twice = ladrillo().args(["-", "-", "--format", "json"]).write_stdin(mix).output().unwrap();
    assert_eq!(twice.status.code(), Some(1), "{}", String::from_utf8_lossy(&twice.stderr));
    assert_eq!(summary(&twice), summary(&once));
    assert_eq!(summary(&once)["inputs"], 1);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "audit.log", mix_lines().join("\n").as_bytes());
    let spellings = [dir.path().to_path_buf(), file.clone(), dir.path().join("./audit.log")];
    let out = ladrillo().args(&spellings).args(["--format", "json"]).output().unwrap();
    let one = ladrillo().arg(&file).args(["--format", "json"]).output().unwrap();
    assert_eq!(summary(&out), summary(&one));
    assert_eq!(summary(&one)["inputs"], 1);
    // `scan` reads standard input named twice once too.
    let pod =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: a, image: a:1}]\n";
    let mut scan = Command::cargo_bin("ladrillo").unwrap();
    let out =
        scan.args(["scan", "--no-config", "--format", "json", "-", "-"]).write_stdin(pod).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 1, "{v}");
    assert_eq!(v["summary"]["objects"], 1, "{v}");
}

/// A broken link named as an audit log was "no such file or directory": it is said to be a
/// broken link, naming its target, as `scan` says it.
#[cfg(unix)]
#[test]
fn a_broken_link_is_named_so() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("gone.log", dir.path().join("audit.log")).unwrap();
    let link = dir.path().join("audit.log");
    let out = ladrillo().arg(&link).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let expected = format!(
        "error: {}: broken symbolic link: its target `{}` does not exist\n",
        link.display(),
        dir.path().join("gone.log").display()
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), expected);
}

#[test]
fn concatenated_records_on_one_line_are_each_read() {
    // Firehose writes records back to back, without a separator.
    let lines = mix_lines();
    let out =
        ladrillo().arg("-").args(["--format", "jsonl"]).write_stdin(lines.join("") + "\n").assert().code(1);
    assert_eq!(codes(&out.get_output().stdout), MIX);
    // A broken record after the others on the same line: reported, the ones before it analysed.
    let broken = lines.join(" ") + " {\"verb\":\n";
    let out = ladrillo().arg("-").args(["--format", "json"]).write_stdin(broken).assert().code(2);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["summary"]["events"], lines.len());
    assert_eq!(json["summary"]["malformed"], 1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("<stdin>:1: malformed JSON: EOF while parsing a value"), "{stderr}");
}

#[test]
fn v1beta1_events_are_read() {
    let out = ladrillo()
        .arg(data("v1beta1.jsonl"))
        .args(["--format", "jsonl", "--select", "exec-into-pod"])
        .assert()
        .code(1);
    let a = alerts(&out.get_output().stdout);
    assert_eq!(a.len(), 1);
    assert!(a[0].1.contains("kube-system/aws-node-7xk2p"));
}

#[test]
fn malformed_lines_are_reported_with_their_number_and_the_rest_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = mix_lines();
    // A CloudWatch entry cut at 256 KB, and a line that is not JSON.
    let cut = lines[4][..300].to_string();
    lines.insert(2, cut);
    lines.insert(5, "not json at all".to_string());
    let path = write(dir.path(), "audit.jsonl", (lines.join("\n") + "\n").as_bytes());
    let out = ladrillo().arg(&path).args(["--format", "jsonl"]).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("audit.jsonl:3:"), "{stderr}");
    assert!(stderr.contains("audit.jsonl:6: not a JSON record"), "{stderr}");
    assert!(stderr.contains("2 malformed records"), "{stderr}");
    assert_eq!(codes(&out.get_output().stdout), MIX);
}

#[test]
fn standard_input_is_named_by_stdin_filename() {
    let mut lines = mix_lines();
    lines.insert(1, "not json at all".to_string());
    let joined = lines.join("\n") + "\n";
    let unnamed =
        ladrillo().arg("-").args(["--format", "jsonl"]).write_stdin(joined.clone()).assert().code(2);
    let stderr = String::from_utf8_lossy(&unnamed.get_output().stderr).to_string();
    assert!(stderr.contains("<stdin>:2: not a JSON record"), "{stderr}");
    let named = ladrillo()
        .arg("-")
        .args(["--format", "jsonl", "--stdin-filename", "prod/audit.log"])
        .write_stdin(joined)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&named.get_output().stderr).to_string();
    assert!(stderr.contains("prod/audit.log:2: not a JSON record"), "{stderr}");
    assert!(!stderr.contains("<stdin>"), "{stderr}");
    let alerts: Vec<serde_json::Value> = String::from_utf8_lossy(&named.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!alerts.is_empty());
    assert!(alerts.iter().all(|a| a.to_string().contains("prod/audit.log")), "{alerts:?}");
    // A name for an input that is not read, or an empty one, is refused.
    let no_stdin = ladrillo().arg(data("eks-mix.jsonl")).args(["--stdin-filename", "x.log"]).assert().code(2);
    assert!(String::from_utf8_lossy(&no_stdin.get_output().stderr).contains("--stdin-filename"));
    ladrillo().arg("-").args(["--stdin-filename", " "]).write_stdin("").assert().code(2);
}

#[test]
fn empty_or_unrelated_input_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.jsonl", b"");
    let out = ladrillo().arg(&empty).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("no Kubernetes audit events"));
    let other = write(dir.path(), "other.jsonl", b"{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}\n");
    ladrillo().arg(&other).assert().code(2);
    ladrillo().arg(dir.path().join("missing.jsonl")).assert().code(2);
}

#[test]
fn time_range_filters_events() {
    // The mix's events are stamped 2025-06-01T10:00–10:03; the exec is at line 4.
    let lines = mix_lines();
    let exec: serde_json::Value = serde_json::from_str(&lines[3]).unwrap();
    let t = exec["requestReceivedTimestamp"].as_str().unwrap().to_string();
    let after = ladrillo()
        .arg(data("eks-mix.jsonl"))
        .args(["--format", "jsonl", "--since", &t, "--select", "exec-into-pod"])
        .assert()
        .code(1);
    assert_eq!(codes(&after.get_output().stdout), ["AUD001"]);
    let before = ladrillo()
        .arg(data("eks-mix.jsonl"))
        .args(["--format", "jsonl", "--until", &t, "--select", "exec-into-pod"])
        .assert()
        .code(0);
    assert!(before.get_output().stdout.is_empty());
    ladrillo().arg(data("eks-mix.jsonl")).args(["--since", "last tuesday"]).assert().code(2);
}

#[test]
fn fail_on_and_selection() {
    ladrillo().arg(data("eks-mix.jsonl")).args(["--fail-on", "none"]).assert().code(0);
    ladrillo().arg(data("eks-mix.jsonl")).args(["--fail-on", "critical"]).assert().code(1);
    ladrillo()
        .arg(data("eks-mix.jsonl"))
        .args(["--select", "exec-into-pod", "--fail-on", "critical"])
        .assert()
        .code(0);
    let out =
        ladrillo().arg(data("eks-mix.jsonl")).args(["--select", "privileged-container"]).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("selects no audit-log detection"));
    ladrillo().arg(data("eks-mix.jsonl")).args(["--select", "exec-into-pdo"]).assert().code(2);
    let ignored = ladrillo()
        .arg(data("eks-mix.jsonl"))
        .args(["--format", "jsonl", "--ignore", "audit"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&ignored.get_output().stderr).contains("no detection selected"));
}

#[test]
fn config_is_read_and_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    let log = write(dir.path(), "audit.jsonl", std::fs::read(data("eks-mix.jsonl")).unwrap().as_slice());
    std::fs::write(
        dir.path().join(".ladrillo.yaml"),
        "audit-log:\n  trusted-users: [alice, \"arn:aws:iam::111122223333:role/Admin\"]\n",
    )
    .unwrap();
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    // Every alert of the sample is about alice or the Admin role (bob's canonical ARN).
    let out = c.args(["audit-log", "--format", "json"]).arg(&log).assert().code(0);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["alerts"].as_array().unwrap().len(), 0);
    assert_eq!(v["summary"]["suppressed"], MIX.len());
    std::fs::write(dir.path().join(".ladrillo.yaml"), "audit-log:\n  trusted-user: [alice]\n").unwrap();
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    let bad = c.args(["audit-log"]).arg(&log).assert().code(2);
    let stderr = String::from_utf8_lossy(&bad.get_output().stderr).to_string();
    assert!(
        stderr.contains(".ladrillo.yaml:2:3: unknown key `trusted-user`; did you mean `trusted-users`?"),
        "{stderr}"
    );
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let log = write(dir.path(), "audit.jsonl", std::fs::read(data("eks-mix.jsonl")).unwrap().as_slice());
    let before = std::fs::read(&log).unwrap();
    ladrillo().arg(&log).arg("-o").arg(&log).assert().code(2);
    assert_eq!(std::fs::read(&log).unwrap(), before);
    let report = dir.path().join("alerts.jsonl");
    ladrillo().arg(&log).args(["--format", "jsonl", "-o"]).arg(&report).assert().code(1);
    assert_eq!(codes(&std::fs::read(&report).unwrap()), MIX);
}

#[test]
fn follow_reports_events_appended_to_a_growing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.jsonl");
    let lines = mix_lines();
    std::fs::write(&path, format!("{}\n", lines[0])).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("ladrillo");
    let mut child = std::process::Command::new(bin)
        .args(["audit-log", "--no-config", "--follow", "--format", "jsonl"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // Append the exec event in two writes, the line's end last: nothing is read half-written.
    let exec = &lines[3];
    let (a, b) = exec.split_at(exec.len() / 2);
    let mut f = std::fs::OpenOptions::new().append(true).open(&path).unwrap();
    f.write_all(a.as_bytes()).unwrap();
    f.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    f.write_all(format!("{b}\n").as_bytes()).unwrap();
    f.flush().unwrap();
    let got = rx.recv_timeout(std::time::Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    let line = got.expect("an alert within 60 s").unwrap();
    assert!(line.contains("\"rule\":\"AUD001\""), "{line}");
}

#[test]
fn follow_needs_one_file() {
    ladrillo().args(["--follow", "-"]).assert().code(2);
    ladrillo().arg("--follow").arg(data("eks-mix.jsonl")).args(["--format", "json"]).assert().code(2);
}

#[test]
fn cloudtrail_events_are_read_from_trail_files_and_lookups() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = common::root().join("tests/fixtures/audit/access-entry-changed.jsonl");
    let records: Vec<serde_json::Value> =
        common::read(&fixture).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // A trail's log file as delivered to S3: gzip of `{"Records": [...]}`.
    let trail = write(
        dir.path(),
        "trail.json.gz",
        &gzip(serde_json::json!({"Records": records}).to_string().as_bytes()),
    );
    let out = ladrillo().arg(&trail).args(["--format", "jsonl"]).assert().code(1);
    assert_eq!(codes(&out.get_output().stdout), ["AUD038", "AUD038"]);
    // `aws cloudtrail lookup-events`: each event as a JSON string.
    let lookups: Vec<serde_json::Value> = records
        .iter()
        .map(|r| serde_json::json!({"EventId": r["eventID"], "EventName": r["eventName"], "CloudTrailEvent": r.to_string()}))
        .collect();
    let lookup = write(
        dir.path(),
        "lookup.json",
        serde_json::to_string_pretty(&serde_json::json!({"Events": lookups})).unwrap().as_bytes(),
    );
    let out = ladrillo().arg(&lookup).args(["--format", "jsonl"]).assert().code(1);
    assert_eq!(codes(&out.get_output().stdout), ["AUD038", "AUD038"]);
}

#[test]
fn text_output_escapes_terminal_controls() {
    let dir = tempfile::tempdir().unwrap();
    let mut ev: serde_json::Value = serde_json::from_str(&mix_lines()[3]).unwrap();
    ev["userAgent"] = serde_json::Value::String("kubectl\u{1b}[2J\u{1b}]0;pwned\u{7}".into());
    let path = write(dir.path(), "audit.jsonl", format!("{ev}\n").as_bytes());
    let out = ladrillo().arg(&path).args(["--select", "exec-into-pod"]).assert().code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("kubectl\\u{1b}[2J"), "{text}");
}

/// The EKS mix of `bench/gen_audit.py` (5,000 events, seed 42: node, controller, kubectl and
/// attack traffic) gives exactly the alerts, in the order and bytes, and the summary recorded in
/// `tests/data/audit/generated-5000.*`, so changes made for speed cannot change what is
/// reported. Needs python3 (as the audit benchmark does).
#[test]
fn generated_eks_mix_alerts_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("gen.jsonl");
    let status = std::process::Command::new("python3")
        .arg(common::root().join("bench/gen_audit.py"))
        .args(["--events", "5000", "--seed", "42", "--out"])
        .arg(&log)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs bench/gen_audit.py");
    assert!(status.success());
    let text = std::fs::read(&log).unwrap();
    let run = |format: &str| {
        let out = ladrillo()
            .arg("-")
            .args(["--stdin-filename", "generated-5000.jsonl", "--format", format])
            .write_stdin(text.clone())
            .assert()
            .code(1);
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let jsonl = run("jsonl");
    let expected = common::read(&data("generated-5000.alerts.jsonl"));
    assert!(jsonl == expected, "{}", similar::TextDiff::from_lines(&expected, &jsonl).unified_diff());
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let summary = serde_json::to_string_pretty(&json["summary"]).unwrap() + "\n";
    let expected = common::read(&data("generated-5000.summary.json"));
    assert!(summary == expected, "{}", similar::TextDiff::from_lines(&expected, &summary).unified_diff());
}
