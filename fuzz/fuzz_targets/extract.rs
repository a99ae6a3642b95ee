#![no_main]
//! `extract` on arbitrary text: never panics, and its spans keep their invariants.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let quotes = hearsay::quote::extract(&text);
    let mut last = 0;
    for q in &quotes {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(q.span.start >= last || q.parent.is_some());
        last = q.span.start;
    }
});
