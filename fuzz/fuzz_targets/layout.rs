#![no_main]
//! Quote extraction, layout at any width and sanitising on arbitrary text:
//! never panic, rows fit the width, and no control reaches a row's text.

use hearsay::article::Article;
use hearsay::corpus::Entry;
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else {
        return;
    };
    let width = u16::from(w % 120);
    let text = String::from_utf8_lossy(rest).into_owned();
    let entry = Entry::new(Article::from_text("fuzz", text));
    let layout = hearsay::layout::layout(&entry, width);
    assert_eq!(layout.quote_rows.len(), entry.quotes.len());
    assert_eq!(layout.row_starts.len(), layout.rows.len());
    for row in 0..layout.rows.len() {
        let shown = layout.row_text(row, &entry.article.text);
        assert!(
            !shown.chars().any(|c| c.is_control()
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "{shown:?}"
        );
        let cols = UnicodeWidthStr::width(shown.as_str());
        assert!(
            cols <= usize::from(width.max(1)) || shown.chars().count() == 1,
            "row {row} is {cols} columns at width {width}: {shown:?}"
        );
    }
});
