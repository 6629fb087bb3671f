//! The waiver annotations: the input's first three lines are the values of
//! `ladrillo.dev/ignore`, `ladrillo.dev/ignore-reason` and `ladrillo.dev/ignore-until` on a pod
//! with findings.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut lines = text.splitn(3, '\n');
    let mut annotations = serde_json::Map::new();
    for key in ["ladrillo.dev/ignore", "ladrillo.dev/ignore-reason", "ladrillo.dev/ignore-until"] {
        if let Some(v) = lines.next() {
            annotations.insert(key.into(), v.into());
        }
    }
    let pod = serde_json::json!({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "p", "annotations": annotations},
        "spec": {"containers": [{"name": "c", "image": "nginx", "securityContext": {"privileged": true}}]}
    });
    common::scan_as("pod.json", pod.to_string().as_bytes(), ladrillo::settings::Config::default());
});
