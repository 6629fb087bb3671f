//! The terraform reader and everything after it: the bytes are a file called `main.tf`.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::scan_as("main.tf", data, ladrillo::settings::Config::default());
});
