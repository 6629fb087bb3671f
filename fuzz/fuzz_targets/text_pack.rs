//! Packed source texts: lines, columns and slices of texts packed together read exactly as the
//! texts as read. The input is cut into up to four texts at 0xFF bytes (never in UTF-8 text),
//! packed after a text that compresses well, so that they are packed whatever they hold (unless
//! a line is too long).
#![no_main]

use std::sync::Arc;

use ladrillo::document::SourceFile;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let texts: Vec<String> =
        data.split(|b| *b == 0xFF).take(4).map(|t| String::from_utf8_lossy(t).into_owned()).collect();
    let filler = SourceFile::new("filler", None, "k: v\n".repeat(2000));
    let packed: Vec<Arc<SourceFile>> = texts.iter().map(|t| SourceFile::new("x", None, t.clone())).collect();
    SourceFile::pack(&[vec![filler], packed.clone()].concat());
    for (text, packed) in texts.iter().zip(&packed) {
        let plain = SourceFile::new("x", None, text.clone());
        assert_eq!(*packed.text(), **text);
        assert_eq!(packed.line_count(), plain.line_count());
        for line in 0..=plain.line_count() + 1 {
            assert_eq!(packed.line_start(line), plain.line_start(line), "line {line}");
            assert_eq!(*packed.line_text(line), *plain.line_text(line), "line {line}");
        }
        // Every offset, inside characters too, and past the end.
        for offset in 0..=text.len() + 1 {
            let o = u32::try_from(offset).unwrap_or(u32::MAX);
            assert_eq!(packed.position(o), plain.position(o), "offset {offset}");
            for end in [offset, offset + 1, offset + 7, text.len()] {
                let (a, b) = (packed.slice(offset..end), plain.slice(offset..end));
                assert_eq!(a.as_deref(), b.as_deref(), "{offset}..{end}");
            }
        }
    }
});
