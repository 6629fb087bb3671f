//! The CloudFormation reader: every input is read as a template (the format version line is
//! put first, so the fuzzer spends its time inside templates, not on detecting them).
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut text = b"AWSTemplateFormatVersion: \"2010-09-09\"\n".to_vec();
    text.extend_from_slice(data);
    common::scan_as("template.yaml", &text, ladrillo::settings::Config::default());
});
