//! Speakers given by the layout around a quote rather than by a verb:
//! a dash or bar and a name after it (`“…” ― Ana Ruiz`, `“…” — Ana Ruiz,
//! harbour master`, `"…" -- Ana Ruiz`), and the labels of round-ups and
//! pull quotes (a `Name, Outlet:` line before the quote, a line holding
//! only a name after it).
//!
//! Each looks at a few tokens next to the quote and the line they are on,
//! so the work per quote is bounded.

use super::attrib::{Attr, Ctx, Np, NpKind};
use super::tokens::Kind;

/// How many tokens a label line may hold.
const LABEL: usize = 12;

/// The speaker the layout gives the top-level quote of tokens `qs..qe`
/// (exclusive), if any: a dash credit after it, a name line after it, or a
/// label line before it.
pub fn credit(ctx: &Ctx, qs: usize, qe: usize) -> Option<Attr> {
    // Only a quote that is a statement of its own: not the end of a
    // sentence before a byline (`his party was “…”--Kim Hjelm`).
    let opens = qs == 0 || ctx.is_boundary(qs - 1);
    opens.then(|| dash_credit(ctx, qe)).flatten().or_else(|| {
        let own_line = line_starts(ctx, qs);
        own_line
            .then(|| name_line_after(ctx, qe).or_else(|| label_line_before(ctx, qs)))
            .flatten()
    })
}

/// Whether token `k` starts a line.
fn line_starts(ctx: &Ctx, k: usize) -> bool {
    k == 0 || ctx.toks[k - 1].kind == Kind::Break
}

/// Whether token `k` is past a line's end: a break or the end of the text.
fn line_ends(ctx: &Ctx, k: usize) -> bool {
    ctx.toks.get(k).is_none_or(|t| t.kind == Kind::Break)
}

/// One past the last token of the line holding token `k` (bounded).
fn line_end(ctx: &Ctx, k: usize) -> usize {
    let hi = (k + LABEL).min(ctx.toks.len());
    (k..hi)
        .find(|&j| ctx.toks[j].kind == Kind::Break)
        .unwrap_or(hi)
}

/// A person's name from token `start`, all of it on the line (before
/// `end`), followed by the line's end, a comma (a role after it) or a
/// final period.
fn name_on_line(ctx: &Ctx, start: usize, end: usize) -> Option<Np> {
    let np = ctx.np_right(start, end)?;
    if np.kind != NpKind::Name || np.first != start {
        return None;
    }
    let next = np.last + 1;
    let closes =
        next >= end || ctx.toks[next].is(',') || (ctx.toks[next].is('.') && next + 1 >= end);
    closes.then_some(np)
}

/// `“…” ― Ana Ruiz`, `“…” — Ana Ruiz, harbour master`, `"…" -- Ana Ruiz`:
/// a dash or bar right after the closing mark (token `qe - 1`) and a name.
fn dash_credit(ctx: &Ctx, qe: usize) -> Option<Attr> {
    let t = ctx.toks.get(qe)?;
    let cue_last = match t.kind {
        Kind::Punct('―' | '—' | '–' | '|') => qe,
        Kind::Punct('-') if ctx.toks.get(qe + 1).is_some_and(|n| n.is('-')) => qe + 1,
        _ => return None,
    };
    let start = cue_last + 1;
    let np = name_on_line(ctx, start, line_end(ctx, start))?;
    Some(Attr {
        cue: qe,
        cue_last,
        np,
    })
}

/// A quote alone on its line and a line after it holding only a name
/// (and a role after a comma): a pull quote's credit.
fn name_line_after(ctx: &Ctx, qe: usize) -> Option<Attr> {
    // The quote's line ends at its closing mark (or its final period).
    let mut brk = qe;
    if ctx.toks.get(brk).is_some_and(|t| t.is('.')) {
        brk += 1;
    }
    if !ctx.toks.get(brk).is_some_and(|t| t.kind == Kind::Break) {
        return None;
    }
    let mut start = brk + 1;
    // `- Hillary Clinton.` a paragraph after: a credit that opens with a
    // dash may stand after blank lines.
    let line = start;
    while ctx.toks.get(start).is_some_and(|t| t.kind == Kind::Break) {
        start += 1;
    }
    match ctx.toks.get(start).map(|t| t.kind) {
        Some(Kind::Punct('―' | '—' | '–')) => start += 1,
        Some(Kind::Punct('-')) => {
            start += 1;
            if ctx.toks.get(start).is_some_and(|t| t.is('-')) {
                start += 1;
            }
        }
        _ => start = line,
    }
    let end = line_end(ctx, start);
    let np = name_on_line(ctx, start, end)?;
    // Only a name and its role: no verb on the line.
    // After a dash, a role or an aside after a comma: `-President Obama,
    // tweeting after the speech.`
    let dashed = start > brk + 1
        && ctx.toks[start - 1].kind != Kind::Break
        && ctx.toks.get(np.last + 1).is_some_and(|t| t.is(','));
    let role_only = dashed
        || (np.last + 1..end).all(|k| {
            ctx.word(k)
                .is_none_or(|w| !super::lexicon::is_cue(w) && !super::lexicon::is_aux_or_adverb(w))
        });
    (role_only && line_ends(ctx, end)).then_some(Attr {
        cue: brk,
        cue_last: brk,
        np,
    })
}

/// `Wenna Colby, Harbour Gazette:` on the line before a quote that starts
/// its own line: a round-up's label.
fn label_line_before(ctx: &Ctx, qs: usize) -> Option<Attr> {
    let colon = qs.checked_sub(2)?;
    if !ctx.toks[colon].is(':') || ctx.toks[qs - 1].kind != Kind::Break {
        return None;
    }
    let floor = colon.saturating_sub(LABEL);
    let start = ctx.line_start_in(floor, colon)?;
    let np = name_on_line(ctx, start, colon)?;
    let next = np.last + 1;
    (next == colon || ctx.toks[next].is(',')).then_some(Attr {
        cue: colon,
        cue_last: colon,
        np,
    })
}

/// How far back (in tokens) a quote's paragraph start is looked for.
const PARAGRAPH: usize = 300;

/// How far into the article (in tokens) the interviewee is looked for.
const OPENING: usize = 200;

/// Who a turn of a transcript or interview is labelled with.
enum Turn {
    /// `((WN))`, `Q:`: the interviewer's question.
    Question,
    /// `A:`: the interviewee's answer.
    Answer,
    /// `SMITH:`, `Mr. Smith:`: the speaker named by the label, tokens
    /// `first..=last`, the colon at `colon`.
    Named(usize, usize, usize),
}

/// The speaker a transcript or interview turn gives a quote in it that
/// found no speaker of its own: a `SMITH:` or `Mr. Smith:` label, an
/// `A:` answer (the interviewee), or `you` in an interviewer's `Q:` or
/// `((WN))` question (`On your website you state “…”`: the interviewee).
/// The interviewee is the first person the article's opening sentences
/// name as a subject (`Adam Kokesh, …, spoke with Wikinews`).
pub fn turn(ctx: &Ctx, lo: usize, qs: usize) -> Option<Attr> {
    let floor = qs.saturating_sub(PARAGRAPH);
    let start = ctx.line_start_in(floor, qs)?;
    match turn_label(ctx, start)? {
        Turn::Named(first, last, colon) => Some(Attr {
            cue: colon,
            cue_last: colon,
            np: ctx.np_right(first, last + 1)?,
        }),
        Turn::Answer => {
            let (name_first, name_last) = interviewee(ctx)?;
            Some(Attr {
                cue: start + 1,
                cue_last: start + 1,
                np: Np {
                    first: start,
                    last: start,
                    name_first,
                    name_last,
                    kind: NpKind::Pronoun,
                },
            })
        }
        Turn::Question => {
            let you =
                (lo..qs).find(|&k| matches!(ctx.word(k), Some("you" | "You" | "your" | "Your")))?;
            let (name_first, name_last) = interviewee(ctx)?;
            Some(Attr {
                cue: qs - 1,
                cue_last: qs - 1,
                np: Np {
                    first: you,
                    last: you,
                    name_first,
                    name_last,
                    kind: NpKind::Pronoun,
                },
            })
        }
    }
}

/// The label opening a paragraph at token `p`, if it is one.
fn turn_label(ctx: &Ctx, p: usize) -> Option<Turn> {
    let t = |k: usize| ctx.toks.get(k);
    let is = |k: usize, c: char| t(k).is_some_and(|t| t.is(c));
    // `((WN))`, `(WN)`
    if is(p, '(') {
        let w = if is(p + 1, '(') { p + 2 } else { p + 1 };
        let label = ctx.word(w)?;
        let closed = is(w + 1, ')');
        return (closed && label.len() <= 4 && label.chars().all(|c| c.is_ascii_uppercase()))
            .then_some(Turn::Question);
    }
    let first = ctx.word(p)?;
    let colon = (p + 1..(p + 4).min(ctx.toks.len())).find(|&k| is(k, ':'))?;
    match (first.trim_end_matches('.'), colon - p) {
        ("Q", 1) => return Some(Turn::Question),
        ("A", 1) => return Some(Turn::Answer),
        _ => {}
    }
    // `SMITH:`, `MARY SMITH:` or `Mr. Smith:`, `Ms Ruiz:`
    let words: Vec<&str> = (p..colon).filter_map(|k| ctx.word(k)).collect();
    if words.len() != colon - p {
        return None;
    }
    let shouted = words
        .iter()
        .all(|w| w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '\''));
    let titled = words.len() >= 2
        && super::lexicon::gendered_title(words[0].trim_end_matches('.')).is_some()
        && words[1..]
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    (shouted || titled).then_some(Turn::Named(p, colon - 1, colon))
}

/// The first person named in full as a subject in the article's opening
/// sentences (bounded), as tokens `name_first..=name_last`.
fn interviewee(ctx: &Ctx) -> Option<(usize, usize)> {
    let hi = OPENING.min(ctx.toks.len());
    let mut k = 0;
    while k < hi {
        let end = ctx.sentence_end(k);
        let opens = k == 0 || ctx.is_boundary(k - 1);
        if opens
            && let Some(np) = ctx.sentence_subject(k, end)
            && np.kind == NpKind::Name
            && np.name_last > np.name_first
            && !(np.name_first..=np.name_last)
                .any(|j| ctx.word(j).is_some_and(super::lexicon::is_org_word))
        {
            return Some((np.name_first, np.name_last));
        }
        k = end.max(k + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::quote::extract;

    fn speakers(text: &str) -> Vec<Option<String>> {
        extract(text).into_iter().map(|q| q.speaker).collect()
    }

    #[test]
    fn a_dash_or_bar_after_the_quote_names_the_speaker() {
        let t = "Pier\n\n“We will rebuild it.” ― Ana Ruiz\n\n\"It let us down.\" -- Tomas Reyes, harbour master\n";
        assert_eq!(
            speakers(t),
            [
                Some("Ana Ruiz".to_string()),
                Some("Tomas Reyes".to_string())
            ]
        );
    }

    #[test]
    fn a_dash_before_a_clause_is_no_credit() {
        let t = "Pier\n\nShe called it “a shame” — and Ana Ruiz agreed.\n";
        assert_ne!(speakers(t), [Some("Ana Ruiz".to_string())]);
    }

    #[test]
    fn label_lines_before_and_after() {
        let t = "Voices\n\nWenna Colby, Harbour Gazette:\n\"The tables were wrong.\"\n\n\"Prices doubled.\"\nPriya Castellan\n";
        assert_eq!(
            speakers(t),
            [
                Some("Wenna Colby".to_string()),
                Some("Priya Castellan".to_string())
            ]
        );
    }

    #[test]
    fn transcript_labels_name_each_turn() {
        let t = "Hearing\n\nDUNMORE: The note was “a disgrace” from start to end.\n\nMs. Ruiz: The note was “a fair summary” of the vote.\n";
        assert_eq!(
            speakers(t),
            [Some("DUNMORE".to_string()), Some("Ruiz".to_string())]
        );
    }

    #[test]
    fn you_in_a_question_is_the_interviewee() {
        let t = "Harbour News interviews Ana Ruiz\n\nAna Ruiz, the harbour master, spoke with Harbour News.\n\n((HN)) On your website you state “the pier will open in May.” Why May?\n\nQ: You once called it “a folly”. Why?\n";
        assert_eq!(
            speakers(t),
            [Some("Ana Ruiz".to_string()), Some("Ana Ruiz".to_string())]
        );
    }
}
