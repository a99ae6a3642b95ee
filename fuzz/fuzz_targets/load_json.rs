#![no_main]
//! The loaders on arbitrary bytes read as `story.json`: never panic, and every
//! article's ranges stay inside its text on char boundaries.

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let loaded = hearsay::article::load_bytes(Path::new("story.json"), data);
    for a in &loaded.articles {
        assert!(a.body.start <= a.body.end && a.body.end <= a.text.len());
        assert!(a.text.is_char_boundary(a.body.start) && a.text.is_char_boundary(a.body.end));
        for p in a.paragraphs() {
            assert!(a.text.get(p).is_some());
        }
    }
});
