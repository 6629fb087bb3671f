//! The webhook's JSON reader against the YAML reader it stands in for: whenever
//! `document::json::parse` reads a text, the YAML reader must read the same text without an
//! error into one document with the very same tree (values, spans, key spans).
#![no_main]

use ladrillo::document::{json, yaml};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some(fast) = json::parse(text) else { return };
    let stream = yaml::parse(text);
    assert!(stream.errors.is_empty(), "the JSON reader read what the YAML reader refuses: {text:?}");
    assert_eq!(stream.documents.len(), 1, "{text:?}");
    assert_eq!(fast, stream.documents[0].root, "{text:?}");
});
