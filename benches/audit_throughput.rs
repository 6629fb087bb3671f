//! `ladrillo audit-log` throughput on one core, end to end (read the file, frame lines, parse,
//! run every detection), beside the physical floor: plain JSON parsing of the same lines. The
//! events come from `bench/gen_audit.py` (a realistic EKS mix; python3 needed) unless
//! `LADRILLO_BENCH_AUDIT=FILE` names a JSON-lines file. Reports events per second.
//!
//! ```sh
//! cargo bench --bench audit_throughput   # LADRILLO_BENCH_AUDIT_EVENTS=200000 by default
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ladrillo::audit::config::AuditConfig;
use ladrillo::audit::input::{Input, ReadOptions};
use ladrillo::audit::{self, Options};

fn corpus() -> PathBuf {
    if let Some(p) = std::env::var_os("LADRILLO_BENCH_AUDIT") {
        return PathBuf::from(p);
    }
    // `cargo test --all-targets` runs benches once as tests: a small corpus is enough there.
    let measuring = std::env::args().any(|a| a == "--bench");
    let events: usize = std::env::var("LADRILLO_BENCH_AUDIT_EVENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if measuring { 200_000 } else { 2_000 });
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let dir = target.join("bench-audit");
    std::fs::create_dir_all(&dir).expect("bench directory");
    let path = dir.join(format!("events-{events}.jsonl"));
    if !path.exists() {
        let status = std::process::Command::new("python3")
            .arg(root.join("bench/gen_audit.py"))
            .args(["--events", &events.to_string(), "--out"])
            .arg(&path)
            .status()
            .expect("python3 runs bench/gen_audit.py");
        assert!(status.success(), "bench/gen_audit.py failed");
    }
    path
}

fn bench(c: &mut Criterion) {
    let path = corpus();
    let bytes = std::fs::read(&path).expect("corpus");
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    let events = lines.len() as u64;
    let config = AuditConfig::default();
    let input = Input::File { path: path.clone(), display: path.display().to_string() };
    let options = Options {
        detections: audit::detections::ALL.to_vec(),
        severity: Vec::new(),
        since: None,
        until: None,
        read: ReadOptions::default(),
    };
    let mut group = c.benchmark_group("audit-log");
    group.sample_size(10);
    group.throughput(Throughput::Elements(events));
    group.bench_function("end-to-end", |b| {
        b.iter(|| {
            let mut alerts = 0usize;
            let outcome = audit::run(std::slice::from_ref(&input), &config, &options, &mut |_| alerts += 1);
            assert_eq!(outcome.summary.events as u64, events);
            black_box(alerts)
        });
    });
    group.bench_function("json-validate-only", |b| {
        b.iter(|| {
            for l in &lines {
                let _: serde::de::IgnoredAny = serde_json::from_slice(l).expect("valid JSON");
            }
        });
    });
    group.bench_function("json-to-value", |b| {
        b.iter(|| {
            for l in &lines {
                let v: serde_json::Value = serde_json::from_slice(l).expect("valid JSON");
                black_box(v);
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
