//! Properties of `quote::extract` over arbitrary and adversarial text: it
//! never panics, spans sit on char boundaries inside the text, are sorted,
//! and only overlap when one is nested inside its parent.

use hearsay::quote::{Quote, extract};
use proptest::prelude::*;

fn check_invariants(text: &str, quotes: &[Quote]) -> Result<(), TestCaseError> {
    let on_boundary = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    for (i, q) in quotes.iter().enumerate() {
        prop_assert!(on_boundary(&q.span), "span {:?}", q.span);
        prop_assert!(q.span.start < q.span.end, "empty span {:?}", q.span);
        if let Some(m) = &q.mention {
            prop_assert!(on_boundary(m), "mention {:?}", m);
        }
        if let Some(c) = &q.cue {
            prop_assert!(on_boundary(c), "cue {:?}", c);
        }
        if i > 0 {
            prop_assert!(quotes[i - 1].span.start <= q.span.start, "not sorted");
        }
        if let Some(p) = q.parent {
            prop_assert!(p < i, "parent after child");
            let ps = &quotes[p].span;
            prop_assert!(
                ps.start <= q.span.start && q.span.end <= ps.end,
                "outside parent"
            );
        }
        for (j, o) in quotes.iter().enumerate().take(i) {
            let overlaps = o.span.end > q.span.start;
            if overlaps {
                prop_assert!(
                    q.span.end <= o.span.end,
                    "partial overlap {:?} {:?}",
                    o.span,
                    q.span
                );
                // Then q must descend from o.
                let mut a = q.parent;
                while let Some(p) = a {
                    if p == j {
                        break;
                    }
                    a = quotes[p].parent;
                }
                prop_assert!(
                    a == Some(j),
                    "overlap without nesting {:?} {:?}",
                    o.span,
                    q.span
                );
            }
        }
    }
    Ok(())
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "“",
        "”",
        "„",
        "‟",
        "\"",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "‹",
        "›",
        "「",
        "」",
        "『",
        "』",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        "(",
        ")",
        "said",
        "he",
        "She",
        "told",
        "according",
        "to",
        "Wi",
        "Sung‑lac",
        "Mr.",
        "Sen.",
        "calling",
        "it",
        "the",
        "don’t",
        "rock 'n' roll",
        "’90s",
        "Korea’s",
        "a",
        "spokesman",
        "U.S.",
        "<tweet id=",
        ">",
        "=",
        "é",
        "\u{a0}",
        "\t",
        "that",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode_never_breaks(text in "\\PC{0,300}") {
        let q = extract(&text);
        check_invariants(&text, &q)?;
    }

    #[test]
    fn any_chars_never_break(text in any::<String>()) {
        let q = extract(&text);
        check_invariants(&text, &q)?;
    }

    #[test]
    fn marks_and_words_never_break(pieces in prop::collection::vec(piece(), 0..120)) {
        let text: String = pieces.concat();
        let q = extract(&text);
        check_invariants(&text, &q)?;
    }
}

/// Runs of marks and cues that once made extraction quadratic still give
/// whole, well-formed quotes. How long they take is measured, not asserted:
/// the same shapes are in `benches/scaling.rs`, which times N against 2N.
#[test]
fn ten_thousand_marks_give_well_formed_quotes() {
    for text in [
        "“".repeat(10_000),
        "”".repeat(10_000),
        "\"".repeat(10_000),
        "“‘«‹「『".repeat(2_000),
        "“a ‘b “c ‘d ".repeat(2_500),
        "\" said he, \"".repeat(5_000),
        "Wi said that “".repeat(3_000),
        "a, b, said, Mr. X (Y), ".repeat(3_000),
    ] {
        let q = extract(&text);
        if let Err(e) = check_invariants(&text, &q) {
            panic!("{} bytes: {e}", text.len());
        }
    }
}
