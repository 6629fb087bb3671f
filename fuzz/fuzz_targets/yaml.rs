//! The yaml reader and everything after it: the bytes are a file called `in.yaml`.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::scan_as("in.yaml", data, ladrillo::settings::Config::default());
});
