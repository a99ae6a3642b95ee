//! Properties of `layout` over random text and random quotes: rows fit the
//! width, every non-space byte of the body is shown once and in order with
//! the role its quote or mention gives it, labels follow their quotes, and
//! `quote_rows` / `row_of_offset` agree with where the bytes are shown.

use hearsay::article::Article;
use hearsay::corpus::Entry;
use hearsay::layout::{ArticleLayout, Role, Source, layout};
use hearsay::quote::{Quote, QuoteKind};
use proptest::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Pieces random texts are made of: words, every kind of space, no-break
/// space and hyphen, wide, zero-width and joined chars, controls.
const PIECES: &[&str] = &[
    "a",
    "Wi",
    "Sung‑lac",
    "said",
    "“",
    "”",
    "‘",
    ",",
    ".",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{3000}",
    "\u{2003}",
    "漢",
    "字",
    "😀",
    "e\u{301}",
    "👩\u{200d}💻",
    "\u{1b}[31m",
    "\u{7}",
    "\u{202e}",
    "\u{85}",
    "\u{2028}",
    "abcdefghijklmnopqrstuvwxyz",
];

/// White space that separates words (the no-break spaces do not).
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// What each random interval of the text becomes.
#[derive(Debug, Clone, Copy)]
enum Part {
    Plain,
    Quote(QuoteKind, bool),
    Mention,
}

fn part() -> impl Strategy<Value = Part> {
    let kind = prop_oneof![
        Just(QuoteKind::Direct),
        Just(QuoteKind::Embedded),
        Just(QuoteKind::Reported),
        Just(QuoteKind::Term)
    ];
    prop_oneof![
        2 => Just(Part::Plain),
        3 => (kind, any::<bool>()).prop_map(|(k, s)| Part::Quote(k, s)),
        1 => Just(Part::Mention),
    ]
}

/// A text, and quotes over non-overlapping intervals of it (mentions too).
fn entry() -> impl Strategy<Value = Entry> {
    let text = prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat());
    (
        text,
        prop::collection::vec((any::<prop::sample::Index>(), part()), 0..12),
        "[A-Z][a-z]{0,5}( [A-Z][a-z]{0,8}){0,2}",
    )
        .prop_map(|(text, cuts, name)| build(text, &cuts, &name))
}

fn build(text: String, cuts: &[(prop::sample::Index, Part)], name: &str) -> Entry {
    let bounds: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let mut at: Vec<(usize, Part)> = cuts.iter().map(|(i, p)| (*i.get(&bounds), *p)).collect();
    at.sort_by_key(|(i, _)| *i);
    at.dedup_by_key(|(i, _)| *i);
    let mut quotes = Vec::new();
    let mut mentions = Vec::new();
    for (k, &(start, part)) in at.iter().enumerate() {
        let end = at.get(k + 1).map_or(text.len(), |n| n.0);
        match part {
            Part::Plain => {}
            Part::Mention => mentions.push(start..end),
            Part::Quote(kind, speaker) => quotes.push(Quote {
                span: start..end,
                kind,
                speaker: speaker.then(|| name.to_string()),
                mention: None,
                cue: None,
                parent: None,
            }),
        }
    }
    let n = quotes.len();
    for (k, m) in mentions.into_iter().enumerate().filter(|_| n > 0) {
        quotes[k % n].mention.get_or_insert(m);
    }
    let article = Article {
        title: "Head\u{1b}[2J line".into(),
        body: 0..text.len(),
        text,
        ..Article::default()
    };
    Entry { article, quotes }
}

/// The role each byte of the text should show with.
fn expected_role(e: &Entry, at: usize) -> Role {
    for (i, q) in e.quotes.iter().enumerate() {
        if q.mention.as_ref().is_some_and(|m| m.contains(&at)) {
            return Role::Mention(i);
        }
    }
    for (i, q) in e.quotes.iter().enumerate() {
        if q.span.contains(&at) {
            return match (q.kind, &q.speaker) {
                (QuoteKind::Reported, _) => Role::Reported(i),
                (QuoteKind::Term, _) | (_, None) => Role::Unattributed(i),
                _ => Role::Quote(i),
            };
        }
    }
    Role::Body
}

/// Whether `s` is one char of non-zero width, possibly joined to more by ZWJ.
fn one_cluster(s: &str) -> bool {
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
fn shown(e: &Entry, lay: &ArticleLayout) -> Vec<(usize, usize, usize, Role)> {
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

fn check(e: &Entry, width: u16) -> Result<(), TestCaseError> {
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
        prop_assert_eq!(role, expected_role(e, at), "role at {}", at);
        prop_assert_eq!(lay.row_of_offset(at), row, "row of {}", at);
    }
    prop_assert!(lay.row_starts.windows(2).all(|w| w[0] <= w[1]));
    for (i, q) in e.quotes.iter().enumerate() {
        if let Some(&(_, row, _, _)) = shown.iter().find(|s| s.0 == q.span.start) {
            prop_assert_eq!(lay.quote_rows[i], row, "quote {} starts on row {}", i, row);
        }
        check_label(e, &lay, &shown, i, q, width)?;
    }
    Ok(())
}

/// The label of quote `i`: there iff it has a speaker, is not a term and
/// shows some text; whole when it fits a row; after the quote's last word
/// and before the next.
fn check_label(
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
    let last_in = shown
        .iter()
        .filter(|s| s.0 < q.span.end)
        .map(|s| s.0)
        .next_back();
    let before = shown.iter().filter(|s| s.2 < k).map(|s| s.0).next_back();
    prop_assert!(before >= last_in, "label {} before the end of its quote", i);
    if let Some(after) = shown.iter().find(|s| s.2 > k) {
        let next_word = next_word_start(&e.article.text, q.span.end, shown);
        prop_assert!(
            after.0 >= q.span.end && Some(after.0) >= next_word,
            "label {} too late",
            i
        );
    }
    Ok(())
}

/// The first shown byte of the word after the one holding the char before
/// `end` (after that char itself when it is white space).
fn next_word_start(text: &str, end: usize, shown: &[(usize, usize, usize, Role)]) -> Option<usize> {
    let last = text[..end].char_indices().next_back().map_or(0, |(i, _)| i);
    let ws = text[last..]
        .find(is_break_space)
        .map_or(text.len(), |w| last + w);
    shown.iter().map(|s| s.0).find(|&b| b >= ws)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn layout_invariants(e in entry(), width in prop_oneof![0u16..=4, 5u16..=120]) {
        check(&e, width)?;
    }
}

#[test]
fn quoted_label_fits_whole() {
    let text = "“Yes,” he said, and went on at some length.".to_string();
    let e = build(text, &[], "Wi");
    check(&e, 10).expect("invariants hold");
}
