//! Whatever the input, loading never panics and every range it gives is valid.

use std::path::Path;

use hearsay::article::{Article, load_bytes};
use proptest::prelude::*;

/// Checks the ranges of one article against its text.
fn check(a: &Article) -> Result<(), TestCaseError> {
    let text = &a.text;
    let body = a.body.clone();
    prop_assert!(
        body.start <= body.end && body.end <= text.len(),
        "{body:?} in {}",
        text.len()
    );
    prop_assert!(text.is_char_boundary(body.start) && text.is_char_boundary(body.end));
    let mut last_end = body.start;
    for p in a.paragraphs() {
        prop_assert!(
            p.start >= last_end && p.start < p.end && p.end <= body.end,
            "{p:?} after {last_end} in {body:?}"
        );
        prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        let para = &text[p.clone()];
        prop_assert!(
            !para.starts_with(char::is_whitespace) && !para.ends_with(char::is_whitespace),
            "{para:?}"
        );
        last_end = p.end;
    }
    if let Some(d) = &a.dateline {
        prop_assert!(
            d.span.end <= text.len()
                && text.is_char_boundary(d.span.start)
                && text.is_char_boundary(d.span.end)
        );
    }
    prop_assert!(
        !a.title.contains('\n') && !a.title.chars().any(char::is_control),
        "{:?}",
        a.title
    );
    Ok(())
}

/// News-like text: words, capitals, line breaks, indents, dashes, quotes,
/// entities, brackets, control and multi-byte characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Seoul, Dec 7 (Wire) – ".to_string()),
        Just("WASHINGTON - ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n    ".to_string()),
        Just(" - ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("&#3;".to_string()),
        Just("\u{3}".to_string()),
        Just(" Reuter".to_string()),
        Just("Follow us on X.".to_string()),
        Just("{\"title\": ".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<?xml version=\"1.0\" encoding=".to_string()),
        Just("<rss><channel><title>".to_string()),
        Just("<item>".to_string()),
        Just("</item>".to_string()),
        Just("<entry><title>".to_string()),
        Just("<![CDATA[".to_string()),
        Just("]]>".to_string()),
        Just("<link href=\"".to_string()),
        Just("<article>".to_string()),
        Just("<div class=\"story\">".to_string()),
        Just("</div>".to_string()),
        Just("<nav>".to_string()),
        Just("<html><body>".to_string()),
        Just("<meta property=\"og:title\" content=\"".to_string()),
        Just("<script>".to_string()),
        Just("<!--".to_string()),
        Just("[{\"body\": \"".to_string()),
        Just("\"}, {".to_string()),
        Just("\\".to_string()),
        Just("&#".to_string()),
        Just(";".to_string()),
        Just(",".to_string()),
        Just("By Ana Lin\n\n".to_string()),
        Just("Wi Sung‑lac".to_string()),
        "[a-zA-Z]{1,12}".prop_map(|w| format!("{w} ")),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes_load_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..400), ext in "(txt|json|jsonl|xml|html)") {
        let loaded = load_bytes(Path::new(&format!("input.{ext}")), &bytes);
        for a in &loaded.articles {
            check(a)?;
        }
        prop_assert!(!loaded.articles.is_empty() || !loaded.problems.is_empty(), "an input gives an article or a problem");
    }

    #[test]
    fn news_like_text_loads_with_valid_ranges(text in newsy(), ext in "(txt|json|jsonl|xml|html)") {
        let loaded = load_bytes(Path::new(&format!("input.{ext}")), text.as_bytes());
        for a in &loaded.articles {
            check(a)?;
        }
    }
}
