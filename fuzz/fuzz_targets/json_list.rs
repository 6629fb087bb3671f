//! A JSON `List` read in parts against the same text read whole: whenever
//! `document::json::parse_without_items` and `parse_item` read the bytes, `document::json::parse`
//! must read them into the very same tree (values, spans, key spans); whenever `parse` reads them
//! into a root with an `items` sequence, reading them in parts must read them too.
#![no_main]

use ladrillo::document::{Value, json};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let whole = json::parse(text);
    let parts = json::parse_without_items(text).and_then(|unread| {
        let items: Option<Vec<_>> =
            unread.items.iter().map(|r| json::parse_item(text.get(r.clone())?, r.start)).collect();
        items.map(|items| unread.with_items(items))
    });
    match (&parts, &whole) {
        (Some(parts), Some(whole)) => assert_eq!(parts, whole, "{text:?}"),
        (Some(_), None) => panic!("read in parts, not whole: {text:?}"),
        (None, Some(whole)) => {
            let items = matches!(whole.get("items").map(|n| &n.value), Some(Value::Seq(_)));
            assert!(!items, "read whole with items at the top, not in parts: {text:?}");
        }
        (None, None) => {}
    }
});
