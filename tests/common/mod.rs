//! Shared helpers for integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ladrillo::document::SourceFile;
use ladrillo::scan::{self, ScanResult, ScanSettings};
use ladrillo::settings::{Config, Selector};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixed day, so waiver expiry in fixtures does not depend on when tests run.
pub fn test_day() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 24)
}

pub fn settings(select: &[&str]) -> ScanSettings {
    let select: Vec<Selector> = select.iter().map(|s| Selector::parse(s).expect("known rule")).collect();
    ScanSettings::new(Config::default(), &select, &[], test_day())
}

/// Settings from `.ladrillo.yaml` text, with the given rules selected.
pub fn settings_with(config: &str, select: &[&str]) -> ScanSettings {
    let config = Config::parse(&source(".ladrillo.yaml", config)).expect("valid config");
    let select: Vec<Selector> = select.iter().map(|s| Selector::parse(s).expect("known rule")).collect();
    ScanSettings::new(config, &select, &[], test_day())
}

pub fn source(display: &str, text: &str) -> Arc<SourceFile> {
    ladrillo::source::from_bytes(display.to_string(), None, text.as_bytes().to_vec()).expect("valid source")
}

pub fn scan_text(text: &str, select: &[&str]) -> ScanResult {
    scan::scan_files(&[source("test.yaml", text)], &settings(select))
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
