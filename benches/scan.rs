//! In-process scan of a generated corpus (`bench/gen_corpus.py`): parsing alone, the whole scan of
//! files already in memory, the scan from disk, and writing one scan's JSON and SARIF reports.
//! `cargo bench --bench scan`.
//!
//! `LADRILLO_BENCH_OBJECTS` (default 10000) sets the corpus size; `LADRILLO_BENCH_CORPUS` points at an
//! existing corpus directory instead of generating one under `target/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use ladrillo::document::SourceFile;
use ladrillo::input::file;
use ladrillo::report::{self, Format, ReportOptions};
use ladrillo::scan::{self, ScanSettings};
use ladrillo::settings::Config;
use ladrillo::source;
use rayon::prelude::*;

/// The corpus directory, generated once per size; `None` (with a message) if it cannot be made.
fn corpus() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("LADRILLO_BENCH_CORPUS") {
        return Some(PathBuf::from(dir));
    }
    let objects = std::env::var("LADRILLO_BENCH_OBJECTS").unwrap_or_else(|_| "10000".into());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target").join("bench-corpus").join(format!("{objects}-seed42"));
    if dir.is_dir() {
        return Some(dir);
    }
    let status = Command::new("python3")
        .arg(root.join("bench/gen_corpus.py"))
        .args(["--objects", &objects, "--seed", "42", "--out"])
        .arg(&dir)
        .stdout(std::process::Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => Some(dir),
        other => {
            eprintln!("skipped: cannot generate the corpus with python3 bench/gen_corpus.py ({other:?})");
            None
        }
    }
}

fn settings() -> ScanSettings {
    ScanSettings::new(Config::default(), &[], &[], jiff::civil::date(2026, 11, 24))
}

fn bench_scan(c: &mut Criterion) {
    let Some(dir) = corpus() else { return };
    let dir = dir.display().to_string();
    let source::Discovered { inputs, errors, .. } =
        source::discover(std::slice::from_ref(&dir), &source::Walk::default());
    assert!(errors.is_empty(), "{errors:?}");
    let files: Vec<Arc<SourceFile>> = inputs.iter().map(|i| source::read(i).expect("readable")).collect();
    let settings = settings();
    let objects = scan::scan_files(&files, &settings).summary.objects as u64;

    let mut g = c.benchmark_group("corpus");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements(objects));
    g.bench_function("parse", |b| {
        b.iter(|| files.par_iter().map(|f| file::load(f).objects.len()).sum::<usize>());
    });
    g.bench_function("scan_files", |b| b.iter(|| scan::scan_files(&files, &settings).findings.len()));
    g.bench_function("scan_paths", |b| {
        b.iter(|| scan::scan_paths(std::slice::from_ref(&dir), &settings).findings.len());
    });
    g.finish();

    // The reports of one scan, written through a buffered writer behind `dyn Write`, as the CLI
    // writes them to a file (here the bytes are dropped).
    let result = scan::scan_files(&files, &settings);
    let mut g = c.benchmark_group("report");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Elements(result.findings.len() as u64));
    for (name, format) in [("json", Format::Json), ("sarif", Format::Sarif)] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut w = std::io::BufWriter::new(std::io::sink());
                report::write(&result, format, ReportOptions::default(), &mut w).unwrap();
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench_scan);
criterion_main!(benches);
