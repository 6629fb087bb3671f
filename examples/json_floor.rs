//! The physical floor of `ladrillo audit-log` for `bench/audit.sh`: read a JSON-lines file line by
//! line (one reused buffer behind a 256 KiB `BufReader`, as the audit reader reads) and parse every
//! line with serde_json, either only validating it (`ignored`: `serde::de::IgnoredAny`) or into a
//! `serde_json::Value` (`value`, with this crate's serde_json features). Prints the lines and
//! bytes read; time it like the CLI (`/usr/bin/time`, `taskset -c 0`).
//!
//!     cargo run --release --example json_floor -- ignored|value FILE
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a bench helper: a failed assumption ends the bench"
)]

use std::hint::black_box;
use std::io::BufRead as _;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: json_floor ignored|value FILE";
    let mode = args.next().expect(usage);
    let path = args.next().expect(usage);
    let value = match mode.as_str() {
        "ignored" => false,
        "value" => true,
        _ => panic!("{usage}"),
    };
    let file = std::fs::File::open(&path).expect("the log opens");
    let mut reader = std::io::BufReader::with_capacity(256 << 10, file);
    let mut line = Vec::new();
    let (mut lines, mut bytes) = (0u64, 0u64);
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line).expect("the log reads");
        if n == 0 {
            break;
        }
        bytes += n as u64;
        let text = line.trim_ascii();
        if text.is_empty() {
            continue;
        }
        lines += 1;
        if value {
            let v: serde_json::Value = serde_json::from_slice(text).expect("valid JSON");
            black_box(v);
        } else {
            let v: serde::de::IgnoredAny = serde_json::from_slice(text).expect("valid JSON");
            black_box(v);
        }
    }
    println!("{lines} lines, {bytes} bytes");
}
