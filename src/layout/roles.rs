//! Which role each byte of an article's text has, as sorted, non-overlapping
//! spans: quotes (the innermost wins), the mentions of their speakers over
//! them, the dateline under them. Bytes outside every span are body text.

use std::cmp::Reverse;
use std::ops::Range;

use super::Role;
use crate::quote::{Quote, QuoteKind};

/// Sorted, non-overlapping spans with their roles.
pub(super) type Spans = Vec<(Range<usize>, Role)>;

/// The spans of `text` that are not plain body text.
pub(super) fn role_spans(text: &str, quotes: &[Quote], dateline: Option<&Range<usize>>) -> Spans {
    let under: Spans = dateline
        .map(|d| (clamp(text, d), Role::Meta))
        .into_iter()
        .collect();
    overlay(
        &overlay(&under, &quote_spans(text, quotes)),
        &mention_spans(text, quotes),
    )
}

/// The role of the text of quote `i`.
pub(super) fn quote_role(i: usize, q: &Quote) -> Role {
    match q.kind {
        QuoteKind::Reported => Role::Reported(i),
        QuoteKind::Term => Role::Unattributed(i),
        QuoteKind::Direct | QuoteKind::Embedded if q.speaker.is_some() => Role::Quote(i),
        QuoteKind::Direct | QuoteKind::Embedded => Role::Unattributed(i),
    }
}

/// `r` limited to `text` and moved to char boundaries, so slicing with it
/// cannot panic whatever an extractor produced.
pub(super) fn clamp(text: &str, r: &Range<usize>) -> Range<usize> {
    let floor = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(r.start);
    start..floor(r.end).max(start)
}

/// Quote spans flattened so that a quote nested in another wins over it.
fn quote_spans(text: &str, quotes: &[Quote]) -> Spans {
    let mut order: Spans = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (clamp(text, &q.span), quote_role(i, q)))
        .filter(|(r, _)| !r.is_empty())
        .collect();
    // Outer before inner at the same start; already sorted input costs O(n).
    order.sort_by_key(|(r, _)| (r.start, Reverse(r.end)));
    let mut out = Spans::with_capacity(order.len() * 2);
    let mut open: Vec<(usize, Role)> = Vec::new();
    let mut pos = 0;
    for (r, role) in order {
        close_until(&mut open, &mut out, &mut pos, r.start);
        if let Some(&(_, outer)) = open.last() {
            push(&mut out, pos..r.start, outer);
        }
        pos = pos.max(r.start);
        open.push((r.end, role));
    }
    close_until(&mut open, &mut out, &mut pos, usize::MAX);
    out
}

/// Emits and closes the open quotes (innermost first) that end by `limit`.
fn close_until(open: &mut Vec<(usize, Role)>, out: &mut Spans, pos: &mut usize, limit: usize) {
    while let Some(&(end, role)) = open.last() {
        if end > limit {
            break;
        }
        push(out, *pos..end, role);
        *pos = (*pos).max(end);
        open.pop();
    }
}

/// The mentions naming each quote's speaker; a mention shared by several
/// quotes belongs to the first, and overlapping mentions are dropped.
fn mention_spans(text: &str, quotes: &[Quote]) -> Spans {
    let mut all: Spans = quotes
        .iter()
        .enumerate()
        .filter_map(|(i, q)| Some((clamp(text, q.mention.as_ref()?), Role::Mention(i))))
        .filter(|(r, _)| !r.is_empty())
        .collect();
    all.sort_by_key(|(r, _)| r.start);
    let mut out = Spans::with_capacity(all.len());
    for (r, role) in all {
        if out.last().is_none_or(|(last, _)| last.end <= r.start) {
            out.push((r, role));
        }
    }
    out
}

/// `top` laid over `base`: where they overlap, `top` wins. Linear.
fn overlay(base: &[(Range<usize>, Role)], top: &[(Range<usize>, Role)]) -> Spans {
    let mut out = Spans::with_capacity(base.len() + top.len() * 2);
    let mut ti = 0;
    let mut covered = 0;
    for (br, brole) in base {
        let mut a = br.start.max(covered);
        while a < br.end {
            match top.get(ti) {
                Some((tr, trole)) if tr.start <= a => {
                    push(&mut out, tr.clone(), *trole);
                    covered = covered.max(tr.end);
                    a = a.max(tr.end);
                    ti += 1;
                }
                next => {
                    let b = next.map_or(br.end, |(tr, _)| tr.start.min(br.end));
                    push(&mut out, a..b, *brole);
                    covered = b;
                    a = b;
                }
            }
        }
    }
    for (tr, trole) in top.get(ti..).unwrap_or_default() {
        push(&mut out, tr.clone(), *trole);
    }
    out
}

/// Appends a span, skipping empty ones and joining it to an equal neighbour.
fn push(out: &mut Spans, r: Range<usize>, role: Role) {
    if r.start >= r.end {
        return;
    }
    match out.last_mut() {
        Some((last, lrole)) if *lrole == role && last.end == r.start => last.end = r.end,
        _ => out.push((r, role)),
    }
}

/// Walks [`Spans`] forward: the role at a position and where it ends.
pub(super) struct Cursor<'s> {
    spans: &'s [(Range<usize>, Role)],
    next: usize,
}

impl<'s> Cursor<'s> {
    /// A cursor at the start of `spans`.
    pub(super) fn new(spans: &'s [(Range<usize>, Role)]) -> Self {
        Self { spans, next: 0 }
    }

    /// The role at byte `pos` and the end of the run of that role. Positions
    /// must be asked for in non-decreasing order (earlier ones read as body).
    pub(super) fn at(&mut self, pos: usize) -> (Role, usize) {
        while self.spans.get(self.next).is_some_and(|(r, _)| r.end <= pos) {
            self.next += 1;
        }
        match self.spans.get(self.next) {
            Some((r, role)) if r.start <= pos => (*role, r.end),
            Some((r, _)) => (Role::Body, r.start),
            None => (Role::Body, usize::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(
        span: Range<usize>,
        kind: QuoteKind,
        speaker: bool,
        mention: Option<Range<usize>>,
    ) -> Quote {
        Quote {
            span,
            kind,
            speaker: speaker.then(|| "S".to_string()),
            mention,
            cue: None,
            parent: None,
            source: None,
            confidence: None,
        }
    }

    #[test]
    fn innermost_quote_wins_and_mentions_override() {
        let text = "a".repeat(40);
        let quotes = [
            q(0..20, QuoteKind::Direct, true, Some(30..32)),
            q(5..10, QuoteKind::Term, false, None),
            q(12..14, QuoteKind::Direct, true, Some(16..18)),
        ];
        let spans = role_spans(&text, &quotes, Some(&(0..3)));
        assert_eq!(
            spans,
            vec![
                (0..5, Role::Quote(0)),
                (5..10, Role::Unattributed(1)),
                (10..12, Role::Quote(0)),
                (12..14, Role::Quote(2)),
                (14..16, Role::Quote(0)),
                (16..18, Role::Mention(2)),
                (18..20, Role::Quote(0)),
                (30..32, Role::Mention(0)),
            ]
        );
    }

    #[test]
    fn dateline_is_under_quotes() {
        let text = "a".repeat(20);
        let quotes = [q(4..8, QuoteKind::Reported, true, None)];
        let spans = role_spans(&text, &quotes, Some(&(0..10)));
        assert_eq!(
            spans,
            vec![
                (0..4, Role::Meta),
                (4..8, Role::Reported(0)),
                (8..10, Role::Meta)
            ]
        );
    }

    #[test]
    fn bad_ranges_are_clamped_to_char_boundaries() {
        let text = "é“x”";
        let quotes = [q(
            1..99,
            QuoteKind::Direct,
            false,
            Some(Range { start: 7, end: 3 }),
        )]; // reversed on purpose
        let spans = role_spans(text, &quotes, None);
        assert_eq!(spans, vec![(0..text.len(), Role::Unattributed(0))]);
    }

    #[test]
    fn cursor_walks_forward() {
        let spans = vec![(2..4, Role::Meta), (6..8, Role::Mention(1))];
        let mut c = Cursor::new(&spans);
        assert_eq!(c.at(0), (Role::Body, 2));
        assert_eq!(c.at(3), (Role::Meta, 4));
        assert_eq!(c.at(4), (Role::Body, 6));
        assert_eq!(c.at(9), (Role::Body, usize::MAX));
    }

    /// The role at `at` worked out directly from the definition.
    fn oracle(quotes: &[Quote], dateline: &Range<usize>, at: usize) -> Role {
        let mut mentions: Vec<(Range<usize>, usize)> = (quotes.iter().enumerate())
            .filter_map(|(i, q)| Some((q.mention.clone()?, i)))
            .filter(|(m, _)| !m.is_empty())
            .collect();
        mentions.sort_by_key(|(m, _)| m.start);
        let mut end = 0;
        for (m, i) in mentions {
            if m.start >= end {
                end = m.end;
                if m.contains(&at) {
                    return Role::Mention(i);
                }
            }
        }
        let inner = (quotes.iter().enumerate())
            .filter(|(_, q)| q.span.contains(&at))
            .max_by_key(|(i, q)| (q.span.start, Reverse(q.span.end), *i));
        match inner {
            Some((i, q)) => quote_role(i, q),
            None if dateline.contains(&at) => Role::Meta,
            None => Role::Body,
        }
    }

    proptest::proptest! {
        #[test]
        fn spans_match_the_definition(
            raw in proptest::collection::vec((0usize..60, 0usize..20, 0u8..4, proptest::option::of((0usize..60, 0usize..6))), 0..8),
            dl in (0usize..60, 0usize..20),
        ) {
            // Ranges stay inside the text: clamping is tested on its own.
            let text = "a".repeat(80);
            let kinds = [QuoteKind::Direct, QuoteKind::Embedded, QuoteKind::Reported, QuoteKind::Term];
            let quotes: Vec<Quote> = raw
                .iter()
                .map(|&(s, len, k, m)| {
                    q(s..s + len, kinds[usize::from(k)], k % 2 == 0, m.map(|(ms, ml)| ms..ms + ml))
                })
                .collect();
            let dateline = dl.0..dl.0 + dl.1;
            let spans = role_spans(&text, &quotes, Some(&dateline));
            proptest::prop_assert!(spans.windows(2).all(|w| w[0].0.end <= w[1].0.start), "{:?}", spans);
            let mut cursor = Cursor::new(&spans);
            for at in 0..text.len() {
                proptest::prop_assert_eq!(cursor.at(at).0, oracle(&quotes, &dateline, at), "at {}", at);
            }
        }
    }
}
