//! Crashes found by fuzzing, one test each, named after what broke. Inputs
//! are written here, never copied from third-party text.

use hearsay::article::Article;
use hearsay::corpus::Entry;
use unicode_width::UnicodeWidthStr;

/// Found by the `layout` fuzz target: at width 1, a comma followed by a
/// zero-width joiner and replacement characters made a row 2 columns wide.
/// The layout joined any char after a ZWJ into one cluster, which
/// `unicode-width` measures as two columns unless it is an emoji sequence.
#[test]
fn zero_width_joiner_before_replacement_chars_fits_width_one() {
    let text = "Fares\n\nThis winter,\u{200d}\u{fffd}\u{fffd}\u{fffd}\u{fffd}n route.\n";
    let entry = Entry::new(Article::from_text("zwj.txt", text.to_string()));
    for width in [1u16, 2, 3] {
        assert_rows_fit(&entry, width);
    }
}

/// Every row of `entry` laid out at `width` fits it (a single char wider
/// than the width has a row of its own).
fn assert_rows_fit(entry: &Entry, width: u16) {
    let layout = hearsay::layout::layout(entry, width);
    for row in 0..layout.rows.len() {
        let shown = layout.row_text(row, &entry.article.text);
        let cols = UnicodeWidthStr::width(shown.as_str());
        assert!(
            cols <= usize::from(width) || shown.chars().count() == 1,
            "row {row} is {cols} columns at width {width}: {shown:?}"
        );
    }
}

/// Found by the `load_feed` target: a byte-order mark for UTF-16 before an
/// XML declaration whose encoding name is binary, then a second feed inside
/// the first. Kept as the fuzzer wrote it; it must load without a panic.
#[test]
fn feed_with_bom_and_binary_encoding_name_loads_without_panic() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fuzz/load_feed-utf16-bom-bad-encoding.xml"
    );
    let bytes = std::fs::read(path).unwrap();
    let loaded = hearsay::article::load_bytes(std::path::Path::new("story.xml"), &bytes);
    for a in &loaded.articles {
        assert!(a.text.get(a.body.clone()).is_some());
    }
}

/// The `layout` target's own input for the ZWJ bug above: its first byte is
/// the width, the rest the text, laid out as the fuzz target does.
#[test]
fn layout_fuzz_input_fits_its_width() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fuzz/layout-zwj-width1.bin"
    );
    let bytes = std::fs::read(path).unwrap();
    let (&w, rest) = bytes.split_first().unwrap();
    let width = u16::from(w % 120).max(1);
    let entry = Entry::new(Article::from_text(
        "fuzz",
        String::from_utf8_lossy(rest).into_owned(),
    ));
    assert_rows_fit(&entry, width);
}
