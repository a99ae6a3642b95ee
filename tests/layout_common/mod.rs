//! Checks shared by the layout integration tests: what must hold of every
//! layout, whatever the text and the quotes.

#![allow(dead_code)] // each test crate uses a part

use hearsay::corpus::Entry;
use hearsay::layout::{ArticleLayout, Role, Source, layout};
use hearsay::quote::{Quote, QuoteKind};
use proptest::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// White space that separates words (the no-break spaces do not).
pub fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Whether `s` is one char of non-zero width, possibly joined to more by ZWJ.
pub fn one_cluster(s: &str) -> bool {
    let mut bases = 0;
    let mut prev = ' ';
    for c in s.chars() {
        if c.width() != Some(0) && prev != '\u{200d}' {
            bases += 1;
        }
        prev = c;
    }
    bases == 1
}

/// Non-space bytes shown by Text segments, in order, each with its row,
/// its index in the flat list of segments, and its role.
pub fn shown(e: &Entry, lay: &ArticleLayout) -> Vec<(usize, usize, usize, Role)> {
    let text = &e.article.text;
    let mut out = Vec::new();
    let mut k = 0;
    for (r, row) in lay.rows.iter().enumerate() {
        for seg in &row.segs {
            if let Source::Text(range) = &seg.source {
                for (i, c) in text[range.clone()].char_indices() {
                    if !is_break_space(c) {
                        out.push((range.start + i, r, k, seg.role));
                    }
                }
            }
            k += 1;
        }
    }
    out
}

/// The label of quote `i`: there iff it has a speaker, is not a term and
/// shows some text; whole when it fits a row; right after the word holding
/// the quote's last shown byte.
pub fn check_label(
    e: &Entry,
    lay: &ArticleLayout,
    shown: &[(usize, usize, usize, Role)],
    i: usize,
    q: &Quote,
    width: u16,
) -> Result<(), TestCaseError> {
    let segs: Vec<(usize, String)> = (lay.rows.iter().flat_map(|r| &r.segs).enumerate())
        .filter(|(_, s)| s.role == Role::Speaker(i))
        .map(|(k, s)| (k, s.text(&e.article.text).into_owned()))
        .collect();
    let shows_text = shown.iter().any(|s| q.span.contains(&s.0));
    let Some(name) = q
        .speaker
        .as_ref()
        .filter(|_| q.kind != QuoteKind::Term && shows_text)
    else {
        prop_assert!(segs.is_empty());
        return Ok(());
    };
    let label = format!("— {name}");
    let joined: String = segs.iter().map(|(_, s)| s.as_str()).collect();
    prop_assert_eq!(joined.replace(' ', ""), label.replace(' ', ""));
    if label.width() <= usize::from(width) {
        prop_assert_eq!(segs.len(), 1, "label {:?} split", label);
    }
    let k = segs.first().map_or(0, |s| s.0);
    let Some(last_in) = shown.iter().map(|s| s.0).rfind(|&b| b < q.span.end) else {
        return Ok(());
    };
    let before = shown.iter().filter(|s| s.2 < k).map(|s| s.0).next_back();
    let after = shown.iter().find(|s| s.2 > k).map(|s| s.0);
    prop_assert!(
        before >= Some(last_in),
        "label {} before the end of its quote",
        i
    );
    prop_assert_eq!(
        after,
        next_word_start(e, last_in, shown),
        "label {} not right after the word",
        i
    );
    Ok(())
}

/// The first shown byte after the word holding byte `at`: a word ends at
/// white space or at the end of its paragraph.
pub fn next_word_start(
    e: &Entry,
    at: usize,
    shown: &[(usize, usize, usize, Role)],
) -> Option<usize> {
    let text = &e.article.text;
    let para_end = (e.article.paragraphs().into_iter())
        .find(|p| p.contains(&at))
        .map_or(text.len(), |p| p.end);
    let word_end = text[at..para_end]
        .find(is_break_space)
        .map_or(para_end, |w| at + w);
    shown.iter().map(|s| s.0).find(|&b| b >= word_end)
}

/// The role a byte of an entry's text is expected to show with.
pub type RoleOf = dyn Fn(&Entry, usize) -> Role;

/// Lays out `e` at `width` and checks it: rows fit (unless one cluster),
/// show no control, every non-space byte of the body is shown once and in
/// order, on the row `row_of_offset` says, with the role `role_of` expects
/// (when given); quote rows and labels are right.
pub fn check(
    e: &Entry,
    width: u16,
    role_of: Option<&RoleOf>,
) -> Result<ArticleLayout, TestCaseError> {
    let lay = layout(e, width);
    let text = &e.article.text;
    for r in 0..lay.rows.len() {
        let row = lay.row_text(r, text);
        prop_assert!(
            row.width() <= usize::from(width.max(1)) || one_cluster(&row),
            "row {} {:?}",
            r,
            row
        );
        let unsafe_char = |c: char| {
            c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        };
        prop_assert!(
            !row.chars().any(unsafe_char),
            "row {} {:?} has a control",
            r,
            row
        );
    }
    let shown = shown(e, &lay);
    let body: Vec<usize> = (e.article.paragraphs().into_iter())
        .flat_map(|p| {
            text[p.clone()]
                .char_indices()
                .filter(|(_, c)| !is_break_space(*c))
                .map(move |(i, _)| p.start + i)
        })
        .collect();
    let bytes: Vec<usize> = shown.iter().map(|s| s.0).collect();
    prop_assert_eq!(&bytes, &body);
    for &(at, row, _, role) in &shown {
        if let Some(f) = role_of {
            prop_assert_eq!(role, f(e, at), "role at {}", at);
        }
        prop_assert_eq!(lay.row_of_offset(at), row, "row of {}", at);
    }
    prop_assert!(lay.row_starts.windows(2).all(|w| w[0] <= w[1]));
    for (i, q) in e.quotes.iter().enumerate() {
        if let Some(&(_, row, _, _)) = shown.iter().find(|s| s.0 == q.span.start) {
            prop_assert_eq!(lay.quote_rows[i], row, "quote {} starts on row {}", i, row);
        }
        prop_assert!(lay.quote_rows[i] < lay.rows.len().max(1));
        check_label(e, &lay, &shown, i, q, width)?;
    }
    Ok(lay)
}
