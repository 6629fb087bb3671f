//! The `.ladrillo.yaml` reader, then a scan under the config it accepted (globs, waivers,
//! reachability assertions, severities are all used).
#![no_main]

#[path = "common.rs"]
mod common;

const PODS: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\n  labels: {app: a}\nspec:\n  containers:\n    - name: c\n      image: nginx\n      securityContext: {privileged: true}\n";

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = ladrillo::document::SourceFile::new(".ladrillo.yaml", None, text.to_string());
    if let Ok(config) = ladrillo::settings::Config::parse(&file) {
        common::scan_as("pods.yaml", PODS.as_bytes(), config);
    }
});
