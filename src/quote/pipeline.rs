//! The steps of [`super::extract`]: marks, tokens, cues, kinds, names.

use std::collections::HashSet;
use std::ops::Range;

use super::attrib::{Attr, Ctx, NpKind};
use super::layouts;
use super::lexicon::{self, is_naming_cue, is_person_noun, is_person_pronoun};
use super::marks::{self, Family, Span};
use super::names::NameIndex;
use super::paragraphs;
use super::rank::{self, Candidate, CandidateView, Considered, Generator, Ranker};
use super::tokens::{self, Tok};
use super::{Quote, QuoteKind, Source};

/// A top-level quote while it is being attributed.
struct Top {
    /// Index into the marks' spans.
    span: usize,
    /// Its tokens, `qs..qe` (exclusive).
    qs: usize,
    qe: usize,
    attr: Option<Attr>,
    /// The rule that found `attr`.
    source: Option<Source>,
    /// The attribution came from an earlier quote.
    inherited: bool,
    /// Every candidate found, in precedence order.
    candidates: Vec<Candidate>,
    /// The index of the one the ranker chose.
    chosen: Option<usize>,
    kind: QuoteKind,
    paragraph: usize,
}

/// Runs every step over `text`, the candidates ranked by `ranker`; with
/// `collect`, also every quote's candidates, each resolved to a speaker.
pub fn run(text: &str, ranker: &dyn Ranker, collect: bool) -> (Vec<Quote>, Vec<Considered>) {
    // Same length as `text`, so every offset found in it is one into `text`.
    let logical = paragraphs::logical(text);
    let text = logical.as_ref();
    let spans = marks::scan(text);
    let toks = tokens::tokenize(text);
    let mut inq = vec![0u32; toks.len()];
    let mut tops = Vec::new();
    let mut paragraph = 0;
    let mut last_end = 0;
    for (si, sp) in spans.iter().enumerate() {
        if sp.parent.is_some() || sp.family == Family::Single {
            continue;
        }
        let qs = toks.partition_point(|t| (t.start as usize) < sp.range.start);
        let qe = toks.partition_point(|t| (t.end as usize) <= sp.range.end);
        if qe <= qs {
            continue;
        }
        paragraph += memchr::memchr_iter(b'\n', &text.as_bytes()[last_end..sp.range.start]).count();
        last_end = sp.range.start;
        let n = tops.len() as u32 + 1;
        inq[qs..qe].iter_mut().for_each(|q| *q = n);
        tops.push(Top {
            span: si,
            qs,
            qe,
            attr: None,
            source: None,
            inherited: false,
            candidates: Vec::new(),
            chosen: None,
            kind: QuoteKind::Direct,
            paragraph,
        });
    }
    let transparent: Vec<bool> = tops
        .iter()
        .map(|t| {
            looks_like_title(text, spans[t.span].range.clone())
                || is_inline_term(text, &toks, t.qs, spans[t.span].range.clone())
        })
        .collect();
    let mut ctx = Ctx {
        text,
        toks: &toks,
        inq: &inq,
        transparent: &transparent,
        boundary: Vec::new(),
        lines: Vec::new(),
        subjects: Default::default(),
    };
    ctx.boundary = ctx.boundaries();
    ctx.lines = ctx.line_starts();
    attribute(&ctx, &spans, &mut tops, ranker, collect);
    let reported = reported(&ctx, &tops);
    let mut names = NameIndex::new(text, &toks, &inq);
    let candidates: Vec<String> = tops
        .iter()
        .filter_map(|t| t.attr.as_ref())
        .chain(reported.iter().map(|r| &r.attr))
        .filter_map(|a| written_name(&ctx, &a.np))
        .map(|w| names.canonical(w))
        .collect();
    names.mark_common(text, &toks, &candidates);
    build(&ctx, &spans, &tops, &reported, &names, ranker, collect)
}

/// Finds each top-level quote's candidates (one per generator that finds
/// a mention, in precedence order), lets `ranker` pick one, and sets the
/// quote's kind.
///
/// The kind is read with the first local candidate (the cue, colon,
/// possessive or subject one that precedence would choose), whatever the
/// ranker picks, so that which spans count as quotes does not depend on
/// the ranker.
///
/// Each quote keeps its candidates only with `collect` (for `--explain`
/// and training); else one buffer serves every quote, so that memory does
/// not hold some hundreds of bytes per quote until the end.
fn attribute(ctx: &Ctx, spans: &[Span], tops: &mut [Top], ranker: &dyn Ranker, collect: bool) {
    // The latest quote before `n` that is not a term: kept as we go, so
    // finding it costs nothing however many terms come between.
    let mut last_quotation: Option<usize> = None;
    let para_of = paragraph_of_tokens(ctx);
    let mut spoken: HashSet<&str> = HashSet::new();
    let mut spare: Vec<Candidate> = Vec::new();
    for n in 0..tops.len() {
        let (qs, qe) = (tops[n].qs, tops[n].qe);
        let hi = ctx.sentence_end(qe);
        let lo = ctx.sentence_start(qs);
        let opens = lo == qs && (qs == 0 || ctx.is_boundary(qs - 1));
        let mut cands = std::mem::take(&mut spare);
        cands.clear();
        let mut push = |generator: Generator, source: Source, attr: Option<Attr>| {
            if let Some(attr) = attr {
                cands.push(Candidate {
                    attr,
                    generator,
                    source,
                    x: [0.0; rank::NF],
                });
            }
        };
        let cue = |a: Option<Attr>| {
            a.map(|a| (cue_source(ctx, &a, qs), name_sentence_subject(ctx, a, lo)))
        };
        let trailing = ctx.trailing(qe - 1, hi, opens);
        let leading = ctx.leading(lo, qs);
        // A dash credit or a label line names the speaker outright, before
        // any cue.
        if let Some((source, a)) = cue(layouts::credit(ctx, qs, qe)) {
            push(Generator::DashCue, source, Some(a));
        }
        // After `said:` or `said,` the cue before comes first.
        if is_intro(ctx, qs) {
            // After a dash or colon, a cue right after the quote is its own:
            // `… but Moscow denies — “why …?” asked Dunn`.
            let dash = ctx.toks[qs - 1].is('—') || ctx.toks[qs - 1].is(':');
            let dashed = trailing.filter(|a| dash && a.cue <= qe + 2);
            for (g, a) in [
                (Generator::DashCue, dashed),
                (Generator::CueBefore, leading),
                (Generator::CueAfter, trailing.filter(|_| dashed.is_none())),
            ] {
                if let Some((source, a)) = cue(a) {
                    push(g, source, Some(a));
                }
            }
        } else {
            for (g, a) in [
                (Generator::CueAfter, trailing),
                (Generator::CueBefore, leading),
            ] {
                if let Some((source, a)) = cue(a) {
                    push(g, source, Some(a));
                }
            }
        }
        let range = spans[tops[n].span].range.clone();
        let at_start = lo == qs || is_intro(ctx, qs);
        if qs >= 2 && ctx.toks[qs - 1].is(':') {
            // `Rep. Trey Gowdy (R-S.C.): “…”`
            push(
                Generator::Colon,
                Source::Colon,
                ctx.colon_speaker(qs - 1, lo),
            );
        }
        // `his call for “a total ban”`: the owner of the words.
        push(
            Generator::Possessive,
            Source::Possessive,
            possessive_source(ctx, lo, qs),
        );
        let real_start = lo == 0
            || ctx.is_boundary(lo - 1)
            || (ctx.inq[lo - 1] != 0 && ctx.closes_sentence(lo - 1));
        if qs > lo && real_start {
            // `Trump issued a statement: “…”`, `West took a dig at “…”`: the
            // sentence's subject, with the mark before the quote as cue.
            let subject = ctx.sentence_subject(lo, qs).map(|np| Attr {
                cue: qs - 1,
                cue_last: qs - 1,
                np,
            });
            push(Generator::SentenceSubject, Source::SentenceSubject, subject);
        }
        // A transcript's or interview's turn: `SMITH:`, `A:`, `you` in `Q:`.
        push(Generator::Colon, Source::Colon, layouts::turn(ctx, lo, qs));
        let kind = kind_of(ctx, range, at_start, cands.first().map(|c| &c.attr), qs);
        if kind == QuoteKind::Term {
            cands.clear();
        } else {
            if lo == qs {
                // `Howard continued his remarks. “…”`: the previous sentence's cue.
                let prev_attributed = n > 0 && tops[n - 1].attr.is_some();
                cands.extend(previous_sentence_cue(ctx, lo, prev_attributed).map(|attr| {
                    Candidate {
                        attr,
                        generator: Generator::PreviousSentence,
                        source: Source::PreviousSentence,
                        x: [0.0; rank::NF],
                    }
                }));
            }
            if let Some(prev) = last_quotation.map(|p| &tops[p]) {
                let near = prev.paragraph == tops[n].paragraph
                    || (prev.paragraph + 4 >= tops[n].paragraph && at_start);
                if near && let Some(attr) = prev.attr {
                    cands.push(Candidate {
                        attr,
                        generator: Generator::PreviousQuote,
                        source: Source::PreviousQuote,
                        x: [0.0; rank::NF],
                    });
                }
            }
        }
        let site = rank::QuoteSite {
            qs,
            qe,
            lo,
            hi,
            paragraph: para_of[qs] as usize,
            opens_paragraph: qs == 0 || ctx.toks[qs - 1].kind == tokens::Kind::Break,
            prev_mention: last_quotation
                .and_then(|p| tops[p].attr)
                .map(|a| a.np.first),
        };
        rank::featurize(
            ctx,
            &site,
            &|k| para_of[k] as usize,
            &|w| spoken.contains(w),
            &mut cands,
        );
        let chosen = ranker.pick(&cands).filter(|&i| i < cands.len());
        let won = chosen.map(|i| &cands[i]);
        if let Some(c) = won
            && c.attr.np.kind != NpKind::Description
            && let Some(w) = ctx.word(c.attr.np.name_last)
        {
            spoken.insert(w);
        }
        let t = &mut tops[n];
        t.attr = won.map(|c| c.attr);
        t.source = won.map(|c| c.source);
        t.inherited = won.is_some_and(|c| c.generator == Generator::PreviousQuote);
        t.kind = kind;
        t.chosen = chosen;
        if collect {
            t.candidates = cands;
        } else {
            spare = cands;
        }
        if kind != QuoteKind::Term {
            last_quotation = Some(n);
        }
    }
}

/// The rule a cue's attribution records: `according to`, or the cue's side.
fn cue_source(ctx: &Ctx, a: &Attr, qs: usize) -> Source {
    match ctx.word(a.cue) {
        Some("according" | "According") => Source::AccordingTo,
        _ if a.cue < qs => Source::CueBefore,
        _ => Source::CueAfter,
    }
}

/// `Clinton says … what she calls “…”`: a pronoun inside the sentence
/// stands for the sentence's named subject, the outer source; the pronoun
/// stays the mention, its antecedent is named.
fn name_sentence_subject(ctx: &Ctx, mut a: Attr, lo: usize) -> Attr {
    if a.np.kind == NpKind::Pronoun
        && a.np.first > lo
        && ctx.word(a.np.first).is_some_and(is_person_pronoun)
        && let Some(np) = ctx.sentence_subject(lo, a.np.first)
        && np.kind == NpKind::Name
    {
        a.np.name_first = np.name_first;
        a.np.name_last = np.name_last;
    }
    a
}

/// Per token, the number of line breaks before it (its paragraph).
fn paragraph_of_tokens(ctx: &Ctx) -> Vec<u32> {
    let mut out = Vec::with_capacity(ctx.toks.len());
    let mut n = 0u32;
    for t in ctx.toks {
        out.push(n);
        if t.kind == tokens::Kind::Break {
            n += 1;
        }
    }
    out
}

/// A cue with its subject in the sentence ending just before token `lo`,
/// when that sentence holds no quote.
fn previous_sentence_cue(ctx: &Ctx, lo: usize, prev_attributed: bool) -> Option<Attr> {
    let mut end = lo;
    while end > 0 && ctx.is_boundary(end - 1) {
        end -= 1;
        if lo - end > 3 {
            return None;
        }
    }
    if end == 0 || ctx.inq[end - 1] != 0 {
        return None;
    }
    let start = ctx.sentence_start(end - 1);
    if (start..end).any(|k| ctx.inq[k] != 0) {
        return None;
    }
    // `“…,” said Alan Cobb, a senior adviser who … . “…”`: the sentence
    // is the tail of the quote before, whose speaker goes on (unless that
    // quote found no speaker: `“…?” Trump went on. “…”`).
    let tail = prev_attributed
        && start >= 2
        && ctx.inq[start - 1] != 0
        && matches!(
            ctx.toks[start - 2].kind,
            tokens::Kind::Punct(',' | '?' | '!')
        );
    if tail {
        return None;
    }
    // `Howard continued his remarks.`, or failing a cue, `Ruiz turned to
    // the crowd.`: whoever the sentence is about, its verb as cue.
    ctx.leading(start, end).or_else(|| {
        let np = ctx.sentence_subject(start, end)?;
        let verb = np.last + 1;
        (verb < end && np.kind != NpKind::Description).then_some(Attr {
            cue: verb,
            cue_last: verb,
            np,
        })
    })
}

/// `his call for “…”`, `her claim that she “…”`: a possessive pronoun and
/// a noun of speech just before the quote (in `lo..qs`), the pronoun as
/// mention and the noun as cue.
fn possessive_source(ctx: &Ctx, lo: usize, qs: usize) -> Option<Attr> {
    let floor = qs.saturating_sub(6).max(lo);
    let mut k = qs;
    while k > floor {
        k -= 1;
        let w = ctx.word(k)?;
        // `Ana Ruiz's claim that “…”`: the named owner of the words.
        if let Some(np) = ctx.owner_left(k, lo) {
            let noun = (k + 1..qs).find(|&j| ctx.word(j).is_some_and(lexicon::is_speech_noun));
            if let Some(noun) = noun {
                return Some(Attr {
                    cue: noun,
                    cue_last: noun,
                    np,
                });
            }
        }
        if matches!(w, "his" | "His" | "her" | "Her" | "their" | "Their") {
            let noun = (k + 1..qs).find(|&j| ctx.word(j).is_some_and(lexicon::is_speech_noun))?;
            // `Sanders pushed his promise of “…”`: the pronoun is the
            // sentence's subject when it has one.
            let (name_first, name_last) = match ctx.sentence_subject(lo, k) {
                Some(np) if np.kind == NpKind::Name => (np.name_first, np.name_last),
                _ => (k, k),
            };
            return Some(Attr {
                cue: noun,
                cue_last: noun,
                np: super::attrib::Np {
                    first: k,
                    last: k,
                    name_first,
                    name_last,
                    kind: NpKind::Pronoun,
                },
            });
        }
    }
    None
}

/// Whether the token before a quote introduces a statement: `said:`.
fn is_intro(ctx: &Ctx, qs: usize) -> bool {
    qs > 0 && matches!(ctx.toks[qs - 1].kind, tokens::Kind::Punct(':' | ',' | '—'))
}

/// Direct, embedded or a term (scare quote, title, name, markup value).
fn kind_of(
    ctx: &Ctx,
    range: Range<usize>,
    at_start: bool,
    attr: Option<&Attr>,
    qs: usize,
) -> QuoteKind {
    let text = ctx.text;
    let before = text[..range.start].trim_end_matches([' ', '\u{a0}']);
    if before.ends_with('=') || inside_tag(before) {
        return QuoteKind::Term;
    }
    let inner = text[range.clone()]
        .trim_matches(|c: char| !tokens::is_alphanumeric(c))
        .trim();
    let words: Vec<&str> = inner.split_whitespace().take(8).collect();
    let short = words.len() <= 4;
    let named_by_cue =
        attr.is_some_and(|a| a.cue + 4 >= qs && ctx.word(a.cue).is_some_and(is_naming_cue));
    let title_case = is_title_case(inner, &words);
    if short && title_case && !named_by_cue && !at_start {
        return QuoteKind::Term;
    }
    let long_title = inner.split_whitespace().nth(12).is_none() && is_title_case(inner, &words);
    if long_title && !at_start && announces_title(ctx, qs) {
        return QuoteKind::Term;
    }
    if short && term_marker(ctx, qs) {
        return QuoteKind::Term;
    }
    let first_upper = inner.chars().next().is_some_and(|c| c.is_uppercase());
    let after_intro = is_intro(ctx, qs);
    if after_intro
        || (at_start && (first_upper || words.len() > 4))
        || (first_upper && words.len() > 6)
    {
        QuoteKind::Direct
    } else {
        QuoteKind::Embedded
    }
}

/// Short words, all capitalised, no sentence inside: `“Meet the Press”`.
fn is_title_case(inner: &str, words: &[&str]) -> bool {
    words.first().is_some_and(|w| starts_upper(w))
        && words
            .iter()
            .all(|w| w.len() <= 3 || starts_upper(w) || is_small_title_word(w))
        && !inner.contains(['.', '!', '?'])
}

/// Words left lowercase inside titles: `The Lead with Jake Tapper`.
fn is_small_title_word(w: &str) -> bool {
    lexicon::Lexicon::get().is_title_small_word(w)
}

/// A word before a quote that announces a title: `NBC’s “Today”`, `the
/// book “…”`, `a show called “…”`.
fn announces_title(ctx: &Ctx, qs: usize) -> bool {
    let Some(w) = qs.checked_sub(1).and_then(|k| ctx.word(k)) else {
        return false;
    };
    w.ends_with("’s") || w.ends_with("'s") || lexicon::Lexicon::get().is_title_marker(w)
}

/// A quote that reads as a title or name inside its sentence.
fn looks_like_title(text: &str, range: Range<usize>) -> bool {
    let inner = text[range]
        .trim_matches(|c: char| !tokens::is_alphanumeric(c))
        .trim();
    let words: Vec<&str> = inner.split_whitespace().take(6).collect();
    words.len() <= 5 && is_title_case(inner, &words)
}

/// A short quote in the middle of a clause, after a lowercase word: `the
/// words “radical Islam,” Democrats are`. It is a term read as part of the
/// sentence, so a cue before it still reaches a quote after it.
fn is_inline_term(text: &str, toks: &[Tok], qs: usize, range: Range<usize>) -> bool {
    let inner = text[range].trim_matches(|c: char| !tokens::is_alphanumeric(c));
    let after_word = qs > 0
        && toks[qs - 1].is_word()
        && toks[qs - 1]
            .text(text)
            .starts_with(|c: char| c.is_lowercase());
    after_word && inner.split_whitespace().count() <= 3 && !inner.contains(['.', '!', '?'])
}

fn starts_upper(w: &str) -> bool {
    w.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Whether `before` ends inside a markup tag: `<tweet id=`.
fn inside_tag(before: &str) -> bool {
    let mut from = before.len().saturating_sub(300);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = &before.as_bytes()[from..];
    // The last `<` or `>`, in one backward pass: inside a tag when it is a
    // `<`, and either a `>` comes before it or the tail holds no line break.
    match memchr::memrchr2(b'<', b'>', tail) {
        Some(at) if tail[at] == b'<' => {
            memchr::memrchr(b'>', &tail[..at]).is_some() || memchr::memchr(b'\n', tail).is_none()
        }
        _ => false,
    }
}

/// `so-called “…”`, `the term “…”`, `titled “…”`.
fn term_marker(ctx: &Ctx, qs: usize) -> bool {
    (qs.saturating_sub(2)..qs).any(|k| {
        ctx.word(k)
            .is_some_and(|w| lexicon::Lexicon::get().is_term_marker(w))
    })
}

/// A reported statement: its clause's byte range and attribution.
struct Reported {
    range: Range<usize>,
    attr: Attr,
}

/// `Wi told reporters that …`: cues followed by a `that` clause, in
/// sentences with no attributed quote.
fn reported(ctx: &Ctx, tops: &[Top]) -> Vec<Reported> {
    let mut used = vec![false; 0];
    used.resize(ctx.toks.len(), false);
    for t in tops {
        if let Some(a) = &t.attr
            && !t.inherited
        {
            used[a.cue] = true;
        }
    }
    let mut out = Vec::new();
    let mut next_free = 0;
    // Look for `that` first (rare) and then for a cue just before it.
    for that in 1..ctx.toks.len() {
        if that < next_free || ctx.inq[that] != 0 || ctx.word(that) != Some("that") {
            continue;
        }
        let floor = that.saturating_sub(4).max(next_free);
        let Some((k, cue_last)) = (floor..that).rev().find_map(|k| {
            if ctx.inq[k] != 0 || used[k] {
                return None;
            }
            let last = ctx.cue_at(k)?;
            let words_between = (last + 1..that).all(|j| ctx.toks[j].is_word());
            (last < that && words_between).then_some((k, last))
        }) else {
            continue;
        };
        let lo = ctx.sentence_start(k);
        let end = ctx.sentence_end_any(that + 1);
        let attributed_quote = (that + 1..end)
            .any(|j| ctx.inq[j] != 0 && tops[ctx.inq[j] as usize - 1].kind != QuoteKind::Term);
        if let (Some(np), false) = (ctx.subject_left(k, lo), attributed_quote)
            && end > that + 1
        {
            let range = ctx.toks[that + 1].start as usize..ctx.toks[end - 1].end as usize;
            out.push(Reported {
                range,
                attr: Attr {
                    cue: k,
                    cue_last,
                    np,
                },
            });
            next_free = end;
        }
    }
    out
}

/// Who was last named, for resolving pronouns and descriptions.
#[derive(Default, Clone)]
struct Recent {
    /// The people named so far, latest last, with what is known of their
    /// gender (`Mr.`, `Mrs.`, a first name, or an earlier `he`/`she`).
    people: Vec<(String, Option<Gender>)>,
    org: Option<String>,
}

impl Recent {
    /// Records `name` as the latest person, keeping any gender known of it.
    fn push_person(&mut self, name: String, gender: Option<Gender>) {
        let known = match self.people.iter().position(|(n, _)| *n == name) {
            Some(i) => self.people.remove(i).1,
            None => None,
        };
        self.people.push((name, gender.or(known)));
        if self.people.len() > 8 {
            self.people.remove(0);
        }
    }

    /// The latest person a pronoun of `gender` can stand for; that person
    /// then counts as latest, with the pronoun's gender.
    fn resolve(&mut self, gender: Option<Gender>) -> Option<String> {
        let i = match gender {
            Some(g) => self
                .people
                .iter()
                .rposition(|(_, pg)| pg.is_none_or(|pg| pg == g))?,
            None => self.people.len().checked_sub(1)?,
        };
        let (name, known) = self.people.remove(i);
        self.people.push((name.clone(), known.or(gender)));
        Some(name)
    }

    /// The latest of `people` named so far.
    fn latest_of(&self, people: &[String]) -> Option<String> {
        self.people
            .iter()
            .rev()
            .find(|(n, _)| people.contains(n))
            .map(|(n, _)| n.clone())
    }

    fn person(&self) -> Option<String> {
        self.people.last().map(|(n, _)| n.clone())
    }
}

/// The gender a pronoun, title or first name points to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

fn pronoun_gender(w: &str) -> Option<Gender> {
    match w {
        "he" | "He" => Some(Gender::Male),
        "she" | "She" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender shown by a name's title or first name, if any.
fn name_gender<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<Gender> {
    for w in words {
        let w = w.trim_end_matches('.');
        if let Some(g) = lexicon::gendered_title(w).or_else(|| lexicon::first_name_gender(w)) {
            return Some(if g { Gender::Female } else { Gender::Male });
        }
        if !lexicon::is_title(w) {
            // Only the first word after any titles is a first name.
            return None;
        }
    }
    None
}

/// Names the speaker of one attribution, updating `recent`.
fn speaker(ctx: &Ctx, attr: &Attr, names: &NameIndex, recent: &mut Recent) -> Option<String> {
    let np = attr.np;
    let antecedent =
        np.kind == NpKind::Pronoun && np.name_first != np.first && person_antecedent(ctx, &np);
    let kind = if antecedent || surname_of_named(ctx, &np, names) {
        NpKind::Name
    } else {
        np.kind
    };
    match kind {
        NpKind::Name => {
            let raw = written_name(ctx, &np)?;
            let name = shouted_name(names, raw).unwrap_or_else(|| names.canonical(raw));
            if !speakable(names, &name) {
                return None;
            }
            let org = raw.split_whitespace().any(lexicon::is_org_word)
                || ctx.word(np.first).is_some_and(|w| w == "the" || w == "The");
            if org {
                recent.org = Some(name.clone());
            } else {
                let written = (np.first..=np.name_last).filter_map(|k| ctx.word(k));
                let gender = name_gender(written).or_else(|| name_gender(name.split(' ')));
                recent.push_person(name.clone(), gender);
            }
            Some(name)
        }
        NpKind::Pronoun => {
            let w = match ctx.word(np.first)? {
                "his" | "His" => "he",
                "her" | "Her" => "she",
                "their" | "Their" => "they",
                w => w,
            };
            if is_person_pronoun(w) {
                let gender = pronoun_gender(w);
                // `Ida Marr chairs the group. Recently she told …`: the
                // person the sentence before is about, when it names one.
                if let Some(name) = previous_subject(ctx, np.first, names, gender) {
                    recent.push_person(name.clone(), gender);
                    return Some(name);
                }
                recent.resolve(gender)
            } else {
                recent.org.clone()
            }
        }
        NpKind::Description => {
            if let Some(author) = document_author(ctx, &np, names, recent) {
                return author;
            }
            // `a Nevada Democrat`: a description made of a proper noun.
            let proper: Vec<&str> = (np.first + 1..=np.name_last)
                .filter_map(|k| ctx.word(k))
                .collect();
            // `the Texas Democrat`, `the Russian`: a role, not a name.
            let role = proper
                .iter()
                .any(|w| lexicon::is_affiliation(w) || lexicon::is_place_prefix(w))
                || proper.last().is_some_and(|h| {
                    lexicon::is_title(h)
                        && !lexicon::is_org_word(h)
                        && !h.chars().all(|c| c.is_uppercase())
                });
            if !proper.is_empty()
                && !role
                && proper.len() <= 4
                && proper
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()))
                && ctx.word(np.first).is_some_and(lexicon::is_determiner)
            {
                return Some(proper.join(" "));
            }
            let definite = matches!(ctx.word(np.first), Some("the" | "The" | "its" | "Its"));
            let head = ctx.word(np.name_last)?;
            // `the alliance said` after the `Countryside Alliance`: the one
            // organisation the article names with that word at its end.
            if definite && let Some(org) = organisation_ending_in(names, head) {
                recent.org = Some(org.clone());
                return Some(org);
            }
            // `the company said`, `the Canada-based firm says`: the latest
            // organisation named.
            if definite && lexicon::is_org_noun(head) {
                return recent.org.clone();
            }
            // `the governor said` after `Governor Garrey Carruthers`: the
            // one person the article gives that title; of several, the
            // latest named, and nobody else.
            let titled = if definite && np.name_last == np.first + 1 {
                names.titled(head)
            } else {
                &[]
            };
            // `the world champion` after `100m champion Kim Collins`: the
            // people the article introduces with that role word.
            let introduced;
            let titled = if titled.is_empty()
                && definite
                && lexicon::is_title(head)
                && head.starts_with(|c: char| c.is_lowercase())
                && (np.first + 1..np.name_last)
                    .all(|k| ctx.word(k).is_some_and(|w| !capitalised(w)))
            {
                introduced = given_role(ctx, names, head, np.first);
                &introduced[..]
            } else {
                titled
            };
            if !titled.is_empty() {
                let people: Vec<String> = titled.iter().map(|p| names.canonical(p)).collect();
                let person = match people.as_slice() {
                    [only] => Some(only.clone()),
                    _ => recent.latest_of(&people),
                };
                if let Some(p) = &person {
                    recent.push_person(p.clone(), None);
                }
                return person;
            }
            if definite && (is_person_noun(head) || role) {
                // `a designer at the firm … said the designer`: someone
                // the article brought in without a name.
                if introduced_unnamed(ctx, head, np.first) {
                    return None;
                }
                // `Sen. Ana Ruiz spoke on Monday. “…,” the senator said`:
                // the person the sentence before is about, as for `she`.
                if matches!(ctx.word(np.first), Some("the" | "The")) {
                    let mut at = np.first;
                    while at > 0 && ctx.inq[at - 1] != 0 {
                        at -= 1;
                    }
                    if let Some(name) = previous_subject(ctx, at, names, None) {
                        recent.push_person(name.clone(), None);
                        return Some(name);
                    }
                }
                recent.person()
            } else {
                None
            }
        }
    }
}

/// The people the article names, before token `before`, right after the
/// lowercase role word `role` (`100m champion Kim Collins`, `lawyer Ana
/// Ruiz`), in order of first mention, each once.
fn given_role(ctx: &Ctx, names: &NameIndex, role: &str, before: usize) -> Vec<String> {
    let lo = before.saturating_sub(INTRODUCTION_WINDOW);
    let mut people: Vec<String> = Vec::new();
    for k in lo..before {
        if ctx.word(k) != Some(role) {
            continue;
        }
        // `champion rower Tomas Ilves`: one more role word between.
        let from = k
            + 1
            + usize::from(ctx.word(k + 1).is_some_and(|w| {
                w.starts_with(|c: char| c.is_lowercase()) && lexicon::is_title(w)
            }));
        let run: Vec<&str> = (from..before)
            .map_while(|j| ctx.word(j).filter(|w| capitalised(w)))
            .take(4)
            .collect();
        if run.len() < 2 {
            continue;
        }
        let person = names.canonical(&run.join(" "));
        if person.contains(' ') && !people.contains(&person) {
            people.push(person);
        }
    }
    people
}

/// How far back (in tokens) [`introduced_unnamed`] looks for `a <head>`.
const INTRODUCTION_WINDOW: usize = 4000;

/// Whether the article, before token `before`, brings in someone as `a
/// <head>` or `an <head>` (`a designer who works for another brand`) who
/// is given no name there: a later `the <head>` is that person, not the
/// latest one named. `Ann Lee, a designer,` and `Lee is a designer` name
/// theirs and do not count, nor does `a designer, Ann Lee,`.
fn introduced_unnamed(ctx: &Ctx, head: &str, before: usize) -> bool {
    let lo = before.saturating_sub(INTRODUCTION_WINDOW);
    (lo..before).any(|k| {
        if ctx.word(k) != Some(head) {
            return false;
        }
        // Up to two modifiers between the article and the head.
        let Some(det) = (k.saturating_sub(3)..k)
            .rev()
            .take_while(|&j| ctx.word(j).is_some())
            .find(|&j| matches!(ctx.word(j), Some("a" | "an" | "A" | "An")))
        else {
            return false;
        };
        if (det + 1..k).any(|j| ctx.word(j).is_some_and(capitalised)) {
            return false;
        }
        let predicate = det
            .checked_sub(1)
            .and_then(|j| ctx.word(j))
            .is_some_and(|w| matches!(w, "is" | "was" | "as" | "became" | "becomes"));
        let apposition = det > 1
            && ctx.toks.get(det - 1).is_some_and(|t| t.is(','))
            && ctx.word(det - 2).is_some_and(capitalised);
        let named_after = ctx.toks.get(k + 1).is_some_and(|t| t.is(','))
            && ctx.word(k + 2).is_some_and(capitalised)
            || ctx.word(k + 1).is_some_and(capitalised);
        !(predicate || apposition || named_after)
    })
}

fn capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// Whether the sentence subject a pronoun was tied to (`np.name_first..=
/// np.name_last`) can be a person: not an organisation (`Brandt
/// Partners`, `American Motors`).
fn person_antecedent(ctx: &Ctx, np: &super::attrib::Np) -> bool {
    let Some(raw) = written_name(ctx, np) else {
        return false;
    };
    !raw.split_whitespace().any(lexicon::is_org_word)
}

/// The one organisation name of the article whose last word is `head`
/// capitalised (`alliance` → `Countryside Alliance`), when that word is an
/// organisation's kind (`org_words.txt`).
fn organisation_ending_in(names: &NameIndex, head: &str) -> Option<String> {
    let mut chars = head.chars();
    let first = chars.next()?;
    let cap: String = first.to_uppercase().chain(chars).collect();
    if !lexicon::is_org_word(&cap) {
        return None;
    }
    names.organisation_ending_in(&cap).map(str::to_string)
}

/// `DUNMORE` of a transcript's `DUNMORE:` label: the full name the
/// article gives for it written in title case (`Mark Dunmore`), if any.
fn shouted_name(names: &NameIndex, raw: &str) -> Option<String> {
    if raw.len() < 2 || raw.contains(' ') || raw.chars().any(char::is_lowercase) {
        return None;
    }
    let mut chars = raw.chars();
    let first = chars.next()?;
    let title: String = std::iter::once(first)
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    let full = names.canonical(&title);
    full.contains(' ').then_some(full)
}

/// `Singer said` after `analyst Brian Singer`: a lone capitalised word
/// read as a role (`singer`) that is the surname of one person the
/// article names in full.
fn surname_of_named(ctx: &Ctx, np: &super::attrib::Np, names: &NameIndex) -> bool {
    np.kind == NpKind::Description
        && np.first == np.name_last
        && ctx
            .word(np.first)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        && written_name(ctx, np).is_some_and(|w| names.canonical(w).contains(' '))
}

/// Whether a name is written after a title (`Lord Dubs`, `Mr Knight`):
/// a person's, even when it is one word.
fn titled(ctx: &Ctx, np: &super::attrib::Np) -> bool {
    np.name_first > np.first.min(np.name_first)
        && ctx.word(np.name_first - 1).is_some_and(lexicon::is_title)
}

/// The author of a document that speaks (`the report says`, `Judge
/// Miller's statement reads`, `the council's ruling said`): the owner
/// written before the noun, else the latest organisation. `None` when the
/// description is no document; `Some(None)` when it is one by nobody known.
fn document_author(
    ctx: &Ctx,
    np: &super::attrib::Np,
    names: &NameIndex,
    recent: &Recent,
) -> Option<Option<String>> {
    let head = ctx.word(np.name_last)?;
    if !lexicon::is_document_noun(head) {
        return None;
    }
    let owner = (np.first..np.name_last).rev().find(|&k| {
        ctx.word(k)
            .is_some_and(|w| w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s'"))
    });
    let Some(o) = owner else {
        let definite = matches!(ctx.word(np.first), Some("the" | "The" | "its" | "Its"));
        return Some(definite.then(|| recent.org.clone()).flatten());
    };
    let w = ctx.word(o)?;
    let bare = lexicon::trim_possessives(w).trim_end_matches('\'');
    if bare.starts_with(|c: char| c.is_uppercase()) {
        let mut first = o;
        while first > np.first
            && ctx
                .word(first - 1)
                .is_some_and(|p| p.starts_with(|c: char| c.is_uppercase()) && !lexicon::is_title(p))
        {
            first -= 1;
        }
        let raw = ctx
            .text
            .get(ctx.toks[first].start as usize..ctx.toks[o].end as usize)?;
        let raw = lexicon::trim_possessives(raw).trim_end_matches('\'');
        let name = names.canonical(raw);
        return Some(speakable(names, &name).then_some(name));
    }
    Some(if lexicon::is_org_noun(bare) {
        recent.org.clone()
    } else if is_person_noun(bare) || lexicon::is_title(bare) {
        recent.person()
    } else {
        None
    })
}

/// The person named as subject of the sentence before the one holding
/// token `at`, when that sentence has no quote and the name fits `gender`.
fn previous_subject(
    ctx: &Ctx,
    at: usize,
    names: &NameIndex,
    gender: Option<Gender>,
) -> Option<String> {
    let lo = ctx.sentence_start(at);
    let mut end = lo;
    while end > 0 && ctx.is_boundary(end - 1) && lo - end < 3 {
        end -= 1;
    }
    if end == lo || end == 0 {
        return None;
    }
    let start = ctx.sentence_start(end - 1);
    if (start..end).any(|k| ctx.inq[k] != 0) {
        return None;
    }
    // `Citroen expects …, president Jacques Calvet said. … he said`: the
    // person who reported the sentence before, over its own subject.
    let np = reporter_of(ctx, start, end).or_else(|| ctx.sentence_subject(start, end))?;
    if np.kind != NpKind::Name {
        return None;
    }
    let words: Vec<&str> = (np.first..=np.name_last)
        .filter_map(|k| ctx.word(k))
        .collect();
    if words.iter().any(|w| lexicon::is_org_word(w)) || matches!(words.first(), Some(&"The")) {
        return None;
    }
    let name = names.canonical(written_name(ctx, &np)?);
    let known = name_gender(words.iter().copied()).or_else(|| name_gender(name.split(' ')));
    if gender.is_some() && known.is_some() && known != gender {
        return None;
    }
    // Only a person's name: two words or more once expanded, or a title
    // before it.
    (name.contains(' ') || titled(ctx, &np)).then_some(name)
}

/// `Citroen expects profits to rise, president Jacques Calvet said.`: the
/// person a sentence ending in a short attribution after a comma reports,
/// who is what a `he` in the next sentence stands for, over the reported
/// clause's own subject.
fn reporter_of(ctx: &Ctx, start: usize, end: usize) -> Option<super::attrib::Np> {
    let comma = (start + 1..end)
        .rev()
        .take(8)
        .find(|&k| ctx.toks[k].is(','))?;
    let a = ctx.trailing(comma - 1, end, false)?;
    // The reporter is the cue's subject, before it or right after it
    // (`…, said Ana Ruiz.`, ending the sentence: not `…, said Nunberg
    // was …`), not a name further on (`…, confirmed on Facebook`), and
    // never a source cited with `according to` or after a determiner or
    // possessive (`according to his Facebook page`, `the BBC reported`).
    let next_to_cue = a.np.last < a.cue
        || (a.np.first == a.cue_last + 1
            && (a.np.last + 1 >= end || ctx.toks[a.np.last + 1].is(',')));
    let cited = matches!(ctx.word(a.cue), Some("according" | "According"))
        || ctx
            .word(a.np.first)
            .is_some_and(|w| lexicon::is_determiner(w) || is_person_pronoun(w));
    (a.np.kind == NpKind::Name && next_to_cue && !cited).then_some(a.np)
}

/// A name as written between `np.name_first` and `np.name_last`, without a
/// possessive, a trailing comma or a sentence's period (an initial's or
/// `Jr.`'s stays).
fn written_name<'t>(ctx: &Ctx<'t>, np: &super::attrib::Np) -> Option<&'t str> {
    let toks = ctx.toks;
    let raw = ctx
        .text
        .get(toks[np.name_first].start as usize..toks[np.name_last].end as usize)?;
    let raw = lexicon::trim_possessives(raw)
        .trim_end_matches(['’', '\''])
        .trim_end_matches(',');
    let keeps_period = raw
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.len() <= 3 || lexicon::is_abbreviation(w.trim_end_matches('.')));
    Some(if keeps_period {
        raw
    } else {
        raw.trim_end_matches('.')
    })
}

/// The named subject of every sentence outside quotes, in text order: who
/// a later `he` or `the minister` may stand for, even when they were never
/// quoted (`Lawson met bankers. … “…,” he said.`); after it, the person
/// a sentence ending in `…, X said.` reports.
///
/// Found lazily, as far as [`note_subjects`] asks: a subject is only ever
/// read before a later mention, so the sentences after an article's last
/// attribution (all of them, in an article without one) cost nothing. A
/// sentence starting at token `k` gives subjects at `k` or later only, so
/// all those read before token `upto` come from sentences starting before
/// it, and finding those first gives the same list.
#[derive(Default)]
struct SentenceSubjects {
    found: std::cell::RefCell<Vec<super::attrib::Np>>,
    /// The token the next sentence is looked for from.
    next: std::cell::Cell<usize>,
}

impl SentenceSubjects {
    /// Subject number `n`, if it comes from a sentence starting before
    /// token `upto` (or was found already).
    fn get(&self, ctx: &Ctx, n: usize, upto: usize) -> Option<super::attrib::Np> {
        let mut found = self.found.borrow_mut();
        let mut k = self.next.get();
        while found.len() <= n && k < upto.min(ctx.toks.len()) {
            k = sentence_subjects_at(ctx, k, &mut found);
        }
        self.next.set(k);
        found.get(n).copied()
    }
}

/// One step of the search of [`SentenceSubjects`] at token `k`: pushes the
/// subjects of the sentence opening there, if one does, and returns where
/// to look next.
fn sentence_subjects_at(ctx: &Ctx, k: usize, out: &mut Vec<super::attrib::Np>) -> usize {
    let opens = k == 0 || ctx.is_boundary(k - 1);
    if !opens || ctx.inq[k] != 0 || !ctx.toks[k].is_word() {
        return k + 1;
    }
    let end = ctx.sentence_end(k);
    // Only the sentence's own subject, near its start or after an
    // opening phrase: not `The head of the Church in England and Wales
    // made …`.
    if let Some(np) = ctx.sentence_subject(k, end)
        && np.kind == NpKind::Name
        && (np.first <= k + 2
            || ctx.toks[np.first - 1].is(',')
            || (ctx.word(np.first - 1) == Some("the") && ctx.toks[np.first - 2].is(',')))
    {
        out.push(np);
    }
    if let Some(np) = reporter_of(ctx, k, end)
        && out.last().is_none_or(|o| o.last < np.first)
    {
        out.push(np);
    }
    end.max(k + 1)
}

/// Whether a name found as a subject can be anyone's: not a single word
/// that is a party or nationality adjective (`Tory`) or that the article
/// uses as a common word (`Plans`).
fn speakable(names: &NameIndex, name: &str) -> bool {
    name.contains(' ') || !(names.is_common(name) || lexicon::is_affiliation(name))
}

/// Records the sentence subjects written before token `upto` as the latest
/// people (or organisation) named.
fn note_subjects(
    ctx: &Ctx,
    subjects: &SentenceSubjects,
    seen: &mut usize,
    upto: usize,
    names: &NameIndex,
    recent: &mut Recent,
) {
    while let Some(np) = subjects.get(ctx, *seen, upto).filter(|np| np.last < upto) {
        *seen += 1;
        let Some(raw) = written_name(ctx, &np) else {
            continue;
        };
        let name = names.canonical(raw);
        let org = raw.split_whitespace().any(lexicon::is_org_word)
            || ctx.word(np.first).is_some_and(|w| w == "the" || w == "The");
        if !speakable(names, &name) {
            continue;
        }
        if org {
            recent.org = Some(name);
        } else if name.contains(' ') || titled(ctx, &np) {
            // Only a person's full name: a single word opening a sentence
            // is as often a place or a common noun (`Northamptonshire
            // police said`).
            let written = (np.first..=np.name_last).filter_map(|k| ctx.word(k));
            let gender = name_gender(written).or_else(|| name_gender(name.split(' ')));
            recent.push_person(name, gender);
        }
    }
}

fn byte_range(toks: &[Tok], first: usize, last: usize) -> Range<usize> {
    toks[first].start as usize..toks[last].end as usize
}

/// Turns spans and attributions into quotes, naming speakers in text order.
fn build(
    ctx: &Ctx,
    spans: &[Span],
    tops: &[Top],
    reported: &[Reported],
    names: &NameIndex,
    ranker: &dyn Ranker,
    collect: bool,
) -> (Vec<Quote>, Vec<Considered>) {
    let mut considered = Vec::new();
    let toks = ctx.toks;
    let mut out: Vec<Quote> = Vec::with_capacity(spans.len() + reported.len());
    let mut recent = Recent::default();
    let mut ri = 0;
    let mut top_of_span = vec![usize::MAX; spans.len()];
    for (n, t) in tops.iter().enumerate() {
        top_of_span[t.span] = n;
    }
    let mut last_speaker: Option<String> = None;
    let subjects = SentenceSubjects::default();
    let mut seen = 0;
    for (si, sp) in spans.iter().enumerate() {
        while ri < reported.len() && reported[ri].range.start < sp.range.start {
            let r = &reported[ri];
            note_subjects(
                ctx,
                &subjects,
                &mut seen,
                r.attr.np.first,
                names,
                &mut recent,
            );
            let speaker = speaker(ctx, &r.attr, names, &mut recent);
            out.push(Quote {
                span: r.range.clone(),
                kind: QuoteKind::Reported,
                speaker,
                mention: Some(byte_range(toks, r.attr.np.first, r.attr.np.last)),
                cue: Some(byte_range(toks, r.attr.cue, r.attr.cue_last)),
                parent: None,
                source: Some(Source::Reported),
                confidence: None,
            });
            ri += 1;
        }
        let n = top_of_span[si];
        if collect && let Some(t) = tops.get(n) {
            let candidates = t
                .candidates
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let speaker = if c.generator == Generator::PreviousQuote {
                        last_speaker.clone()
                    } else {
                        let (mut r, mut s) = (recent.clone(), seen);
                        note_subjects(ctx, &subjects, &mut s, c.attr.np.first, names, &mut r);
                        speaker(ctx, &c.attr, names, &mut r)
                    };
                    CandidateView {
                        generator: c.generator,
                        source: c.source,
                        mention: byte_range(toks, c.attr.np.first, c.attr.np.last),
                        cue: byte_range(toks, c.attr.cue, c.attr.cue_last),
                        speaker,
                        score: ranker.score(c, i),
                        x: c.x,
                    }
                })
                .collect();
            considered.push(Considered {
                span: sp.range.clone(),
                candidates,
                chosen: t.chosen,
            });
        }
        let source = tops.get(n).and_then(|t| t.source);
        let (kind, speaker, mention, cue) = if n == usize::MAX {
            (QuoteKind::Embedded, None, None, None)
        } else {
            let t = &tops[n];
            match &t.attr {
                Some(a) if t.inherited => (
                    t.kind,
                    last_speaker.clone(),
                    mention_of(toks, a),
                    cue_of(toks, a),
                ),
                Some(a) => {
                    note_subjects(ctx, &subjects, &mut seen, a.np.first, names, &mut recent);
                    let s = speaker(ctx, a, names, &mut recent);
                    last_speaker = s.clone();
                    (t.kind, s, mention_of(toks, a), cue_of(toks, a))
                }
                None => (t.kind, None, None, None),
            }
        };
        out.push(Quote {
            span: sp.range.clone(),
            kind,
            speaker,
            mention,
            cue,
            parent: None,
            source,
            confidence: None,
        });
    }
    for r in &reported[ri..] {
        note_subjects(
            ctx,
            &subjects,
            &mut seen,
            r.attr.np.first,
            names,
            &mut recent,
        );
        let speaker = speaker(ctx, &r.attr, names, &mut recent);
        out.push(Quote {
            span: r.range.clone(),
            kind: QuoteKind::Reported,
            speaker,
            mention: Some(byte_range(toks, r.attr.np.first, r.attr.np.last)),
            cue: Some(byte_range(toks, r.attr.cue, r.attr.cue_last)),
            parent: None,
            source: Some(Source::Reported),
            confidence: None,
        });
    }
    nest(&mut out);
    super::confidence::score(ctx.text, &mut out);
    (out, considered)
}

fn mention_of(toks: &[Tok], a: &Attr) -> Option<Range<usize>> {
    Some(byte_range(toks, a.np.first, a.np.last))
}

fn cue_of(toks: &[Tok], a: &Attr) -> Option<Range<usize>> {
    Some(byte_range(toks, a.cue, a.cue_last))
}

/// Sorts quotes by start (parents first) and sets each one's parent to the
/// innermost quote containing it; a quote that crosses another's end is
/// dropped so that spans never partly overlap.
fn nest(out: &mut Vec<Quote>) {
    out.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut kept: Vec<Quote> = Vec::with_capacity(out.len());
    let mut stack: Vec<usize> = Vec::new();
    for mut q in out.drain(..) {
        while let Some(&top) = stack.last() {
            if kept[top].span.end <= q.span.start {
                stack.pop();
            } else {
                break;
            }
        }
        if let Some(&top) = stack.last() {
            if kept[top].span.end < q.span.end {
                if q.kind == QuoteKind::Reported || kept[top].kind != QuoteKind::Reported {
                    continue;
                }
                // A reported clause grows to hold the marked quote it cuts.
                for &k in &stack {
                    if kept[k].span.end < q.span.end {
                        kept[k].span.end = q.span.end;
                    }
                }
            }
            q.parent = Some(top);
        }
        stack.push(kept.len());
        kept.push(q);
    }
    *out = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of quotes, cues, sentence ends, abbreviations, short lines
    /// and blank lines, so that every kind of boundary and line start
    /// occurs.
    const MIXED: &str = "Ana Ruiz spoke. “We will win,” she said. Mr. Lind (R-Ky.) \
        agreed; etc. and more!\nSMITH: Yes.\n\nQ: Why?\nA: “Because.” \
        Bo Lind said the plan “works”. He left?\n“No,” said Ana.\n";

    fn with_ctx<R>(text: &str, f: impl FnOnce(&Ctx, &Ctx) -> R) -> R {
        let toks = tokens::tokenize(text);
        let spans = marks::scan(text);
        let mut inq = vec![0u32; toks.len()];
        let tops: Vec<&Span> = spans.iter().filter(|s| s.parent.is_none()).collect();
        for (n, sp) in tops.iter().enumerate() {
            let qs = toks.partition_point(|t| (t.start as usize) < sp.range.start);
            let qe = toks.partition_point(|t| (t.end as usize) <= sp.range.end);
            inq[qs..qe.max(qs)]
                .iter_mut()
                .for_each(|q| *q = n as u32 + 1);
        }
        let transparent = vec![false; tops.len()];
        let ctx = |boundary, lines| Ctx {
            text,
            toks: &toks,
            inq: &inq,
            transparent: &transparent,
            boundary,
            lines,
            subjects: Default::default(),
        };
        let fresh = ctx(Vec::new(), Vec::new());
        let kept = ctx(fresh.boundaries(), fresh.line_starts());
        f(&fresh, &kept)
    }

    #[test]
    fn subjects_found_as_far_as_asked_are_those_found_at_once() {
        let text = "Ana Ruiz met bankers on Monday. Then Lee Wong left the room. \
                    “We won,” he said. The vote was close, Mo Diaz said. \
                    Kim Park agreed. “Fine,” she said.";
        with_ctx(text, |_, ctx| {
            let end = ctx.toks.len();
            let all = SentenceSubjects::default();
            let everything: Vec<_> = (0..).map_while(|n| all.get(ctx, n, end)).collect();
            assert!(everything.len() >= 3, "{everything:?}");
            for upto in 0..=end {
                let lazy = SentenceSubjects::default();
                let before = |n| lazy.get(ctx, n, upto).filter(|np| np.last < upto);
                let found: Vec<_> = (0..).map_while(before).collect();
                let want: Vec<_> = (everything.iter().copied())
                    .take_while(|np| np.last < upto)
                    .collect();
                assert_eq!(found, want, "up to token {upto}");
            }
        });
    }

    #[test]
    fn kept_boundaries_are_the_ones_worked_out_afresh() {
        with_ctx(MIXED, |fresh, kept| {
            assert_eq!(kept.boundary.len(), kept.toks.len());
            assert!(kept.boundary.iter().any(|&b| b));
            assert!(kept.boundary.iter().any(|&b| !b));
            for i in 0..kept.toks.len() + 3 {
                assert_eq!(kept.is_boundary(i), fresh.is_boundary(i), "token {i}");
            }
        });
    }

    #[test]
    fn line_start_is_the_last_one_found_walking_back() {
        // Kept lines, searched lines, and a text that opens with a break.
        for text in [MIXED, &format!("\n\n{MIXED}\n")] {
            with_ctx(text, |fresh, kept| {
                assert!(kept.lines.len() > 3 && fresh.lines.is_empty());
                let starts = |k: usize| k == 0 || kept.toks[k - 1].kind == tokens::Kind::Break;
                let n = kept.toks.len();
                for floor in 0..=n + 1 {
                    for i in 0..=n {
                        let walked = (floor..i).rev().find(|&k| starts(k));
                        assert_eq!(kept.line_start_in(floor, i), walked, "{floor}..{i}");
                        assert_eq!(fresh.line_start_in(floor, i), walked, "{floor}..{i}");
                    }
                }
            });
        }
    }

    #[test]
    fn the_subject_memo_answers_as_a_fresh_search_does() {
        // More sentences than the memo has slots, asked in order, then
        // again backwards and in pairs far apart, so that answers are
        // kept, found, and pushed out by others.
        let text = MIXED.repeat(40);
        with_ctx(&text, |_, ctx| {
            let n = ctx.toks.len();
            let asks: Vec<(usize, usize)> = (0..n)
                .map(|k| (k, ctx.sentence_end(k)))
                .chain((0..n).rev().map(|k| (k, (k + 5).min(n))))
                .chain((0..n / 2).flat_map(|k| [(k, k + 30), (n - k - 1, n)]))
                .collect();
            let mut named = 0;
            for &(lo, hi) in asks.iter().chain(&asks) {
                let got = ctx.sentence_subject(lo, hi);
                named += usize::from(got.is_some());
                assert_eq!(
                    got,
                    ctx.find_sentence_subject(lo, hi.min(lo + 20)),
                    "{lo}..{hi}"
                );
            }
            assert!(named > 0);
        });
    }

    #[test]
    fn inside_tag_reads_the_last_angle_bracket() {
        // What it answered when it searched for each bracket on its own.
        let searched = |before: &str| {
            let mut from = before.len().saturating_sub(300);
            while !before.is_char_boundary(from) {
                from += 1;
            }
            let tail = &before[from..];
            match (tail.rfind('<'), tail.rfind('>')) {
                (Some(lt), Some(gt)) => lt > gt,
                (Some(_), None) => !tail.contains('\n'),
                _ => false,
            }
        };
        let long = format!("<p>{}<tweet id=", "é".repeat(200));
        let cases = [
            "<tweet id=",
            "<b>x</b> id=",
            "a > b and <c d=",
            "no tags here =",
            "<open\nline =",
            "> <two\nlines=",
            "a < b\n",
            "",
            &long,
            &long[..long.len() - 12],
        ];
        for before in cases {
            assert_eq!(inside_tag(before), searched(before), "{before:?}");
        }
        assert!(inside_tag("<tweet id="));
        assert!(!inside_tag("<b>x</b> id="));
    }
}
