//! The eksctl adapter: every input is read as a `ClusterConfig` (its header is put first).
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut text = b"apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n".to_vec();
    text.extend_from_slice(data);
    common::scan_as("cluster.yaml", &text, ladrillo::settings::Config::default());
});
