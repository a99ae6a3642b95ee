//! Finding the speech cue and its subject around a quote, over tokens.
//!
//! Every search is bounded by the sentence around the quote and a fixed
//! number of tokens, so the work per quote does not grow with the article.

use super::lexicon::{
    ends_sentence, is_affiliation, is_aux_or_adverb, is_capital_stopword, is_cue, is_determiner,
    is_org_word, is_participle, is_person_noun, is_place_prefix, is_pronoun, is_title,
};
use super::tokens::{Kind, Tok};

/// How far (in tokens) a sentence is searched on either side of a quote.
pub const WINDOW: usize = 70;

/// What a subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    /// he, she, they, we, I, it.
    Pronoun,
    /// A proper name (person or organisation).
    Name,
    /// A description: the adviser, a spokesman for the ministry.
    Description,
}

/// A subject noun phrase, as token indices (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    /// First token of the mention.
    pub first: usize,
    /// Last token of the mention.
    pub last: usize,
    /// First token of the name proper, titles skipped.
    pub name_first: usize,
    /// Last token of the name proper (a relative `who` names the one before).
    pub name_last: usize,
    /// What it is.
    pub kind: NpKind,
}

impl Np {
    /// A mention of the one token `k`: `he`, `someone`.
    fn word(k: usize, kind: NpKind) -> Np {
        Np {
            first: k,
            last: k,
            name_first: k,
            name_last: k,
            kind,
        }
    }
}

/// A cue and its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr {
    /// The cue token (first token of `according to`).
    pub cue: usize,
    /// Last token of the cue.
    pub cue_last: usize,
    /// The subject.
    pub np: Np,
}

/// The tokens of a text, with which ones lie inside quotes and where
/// sentences end.
pub struct Ctx<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Tok],
    /// Per token: 1 + index of the top-level quote it lies in, or 0.
    pub inq: &'a [u32],
    /// Per top-level quote: whether it looks like a title or name, read as
    /// part of its sentence rather than as a break in it.
    pub transparent: &'a [bool],
    /// Per token: whether it ends a sentence ([`Ctx::is_boundary`]), worked
    /// out once by [`Ctx::boundaries`]; empty until then, when every token
    /// is asked of afresh.
    pub boundary: Vec<bool>,
    /// The tokens that start a line, ascending, found once by
    /// [`Ctx::line_starts`]; empty until then, when lines are searched for.
    pub lines: Vec<u32>,
    /// `sentence_subject` answers already worked out: several quotes and
    /// steps ask for the same sentence's subject, and the answer is a pure
    /// function of the fields above.
    pub subjects: SubjectMemo,
}

/// Slots of [`SubjectMemo`]: a power of two.
const MEMO_SLOTS: usize = 256;

/// The latest `sentence_subject` answers, by `(lo, hi)` with `hi` clamped
/// as it clamps it, in a fixed number of slots (direct-mapped: a new
/// answer takes the slot of an older one). Questions come from the
/// sentences around the quote at hand, so recent answers are the ones
/// asked again; a map keeping every answer grew with the document (one
/// entry per sentence) and its rehashing and cache misses made a text of
/// many short lines super-linear.
#[derive(Default)]
pub struct SubjectMemo(std::cell::RefCell<Vec<MemoSlot>>);

/// One slot of [`SubjectMemo`]: a key and its answer, or nothing yet.
type MemoSlot = Option<((u32, u32), Option<Np>)>;

impl SubjectMemo {
    fn slot(key: (u32, u32)) -> usize {
        (key.0.wrapping_mul(0x9E37_79B9) ^ key.1) as usize % MEMO_SLOTS
    }

    /// The answer kept for `key`, if it is still kept.
    fn get(&self, key: (u32, u32)) -> Option<Option<Np>> {
        let slots = self.0.borrow();
        match slots.get(Self::slot(key)) {
            Some(Some((k, np))) if *k == key => Some(*np),
            _ => None,
        }
    }

    fn insert(&self, key: (u32, u32), np: Option<Np>) {
        let mut slots = self.0.borrow_mut();
        if slots.is_empty() {
            slots.resize(MEMO_SLOTS, None);
        }
        slots[Self::slot(key)] = Some((key, np));
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase()) && !is_compound_adjective(w)
}

/// `GOP-dominated`, `Trump-style`, `Obama-era`: capitalised, but no name.
fn is_compound_adjective(w: &str) -> bool {
    // `rsplit_once('-')` by bytes: asked of every capitalised word, and
    // the `char` searcher costs more than the short word's bytes.
    let Some(tail) = w
        .bytes()
        .rposition(|b| b == b'-')
        .and_then(|k| w.get(k + 1..))
    else {
        return false;
    };
    tail.starts_with(|c: char| c.is_ascii_lowercase())
        && (tail.ends_with("ed") || super::lexicon::Lexicon::get().is_compound_tail(tail))
}

/// Whether a description's head `w` names a person or people: `the
/// presumptive nominee`, `a senior adviser`, `voters`, `a fisherman`.
fn is_person_head(w: &str) -> bool {
    let singular = w.strip_suffix('s').unwrap_or(w);
    is_person_noun(w)
        || is_person_noun(singular)
        || is_title(singular)
        || ["er", "or", "ist", "ian", "ant", "ent", "man", "men"]
            .iter()
            .any(|x| singular.ends_with(x))
}

/// `someone`, `somebody`: a person the article does not name, who never
/// stands for an earlier name the way `he` does (a closed class of
/// English, so kept here, not in a lexicon file).
fn is_indefinite_person(w: &str) -> bool {
    matches!(
        w,
        "someone"
            | "Someone"
            | "somebody"
            | "Somebody"
            | "anyone"
            | "Anyone"
            | "everyone"
            | "Everyone"
    )
}

/// Words that open an adverbial clause before the main one: `When Rubio
/// spoke, a man yelled`, `…, and when Rubio spoke, a man yelled`.
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "When"
            | "As"
            | "After"
            | "While"
            | "Before"
            | "Once"
            | "Until"
            | "Whenever"
            | "Although"
            | "Though"
            | "Because"
            | "Since"
            | "If"
            | "when"
            | "as"
            | "after"
            | "while"
            | "before"
            | "once"
            | "until"
            | "whenever"
            | "although"
            | "though"
            | "because"
            | "since"
            | "if"
    )
}

fn possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

/// Words that cannot end a noun phrase.
fn is_function_word(w: &str) -> bool {
    super::lexicon::Lexicon::get().is_np_stop(w)
}

fn is_particle(w: &str) -> bool {
    super::lexicon::Lexicon::get().is_name_particle(w)
}

impl<'a> Ctx<'a> {
    /// `Closing his speech, …`, `Hastily politicizing …`: a capitalised
    /// gerund or adverb opening a phrase, not a name.
    fn is_opener(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else {
            return false;
        };
        let shape = w.len() > 4 && (w.ends_with("ing") || w.ends_with("ly")) && capitalised(w);
        shape
            && self.toks.get(i + 1).is_some_and(|t| match t.kind {
                Kind::Punct(c) => c == ',',
                Kind::Word => {
                    let n = t.text(self.text);
                    is_determiner(n)
                        || is_function_word(n)
                        || matches!(
                            n,
                            "his"
                                | "her"
                                | "their"
                                | "its"
                                | "him"
                                | "them"
                                | "up"
                                | "off"
                                | "out"
                                | "down"
                        )
                        || n.ends_with("ing")
                }
                Kind::Break => false,
            })
    }

    /// The word at token `i`, if it is one.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        t.is_word().then(|| t.text(self.text))
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(c))
    }

    /// Whether token `i` ends a sentence (outside quotes).
    pub fn is_boundary(&self, i: usize) -> bool {
        match self.boundary.get(i) {
            Some(&b) => b,
            None => self.ends_sentence_at(i),
        }
    }

    /// [`Ctx::is_boundary`] for every token, to keep in `boundary`: the
    /// searches for a sentence's start and end ask it of up to [`WINDOW`]
    /// tokens on each side of every quote.
    pub fn boundaries(&self) -> Vec<bool> {
        (0..self.toks.len())
            .map(|i| self.ends_sentence_at(i))
            .collect()
    }

    /// The tokens that start a line (the first token, or one after a
    /// break), to keep in `lines`.
    pub fn line_starts(&self) -> Vec<u32> {
        let after_breaks = (self.toks.iter().enumerate())
            .filter(|(_, t)| t.kind == Kind::Break)
            .map(|(k, _)| k as u32 + 1)
            .filter(|&k| (k as usize) < self.toks.len());
        (!self.toks.is_empty())
            .then_some(0)
            .into_iter()
            .chain(after_breaks)
            .collect()
    }

    /// The last token in `floor..i` that starts a line (the first token,
    /// or one after a break): looked up in `lines`, or found with one
    /// backward pass over the tokens while it is empty.
    pub fn line_start_in(&self, floor: usize, i: usize) -> Option<usize> {
        if !self.lines.is_empty() {
            let before = self.lines.partition_point(|&k| (k as usize) < i);
            let k = *self.lines.get(before.checked_sub(1)?)? as usize;
            return (k >= floor).then_some(k);
        }
        // Token `k` starts a line when `k == 0` or token `k - 1` is a break.
        let (a, b) = (floor.max(1) - 1, i.saturating_sub(1));
        let before = self.toks.get(a..b).unwrap_or_default();
        match before.iter().rposition(|t| t.kind == Kind::Break) {
            Some(p) => Some(a + p + 1),
            None => (floor == 0 && i > 0).then_some(0),
        }
    }

    /// The work of [`Ctx::is_boundary`].
    fn ends_sentence_at(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return true;
        };
        match t.kind {
            Kind::Break => true,
            Kind::Punct('.' | '!' | '?' | ';') => {
                // Not before `)`, `,` or a lowercase word: `(R-Ky.)`, `etc. and`.
                let next_continues = self.toks.get(i + 1).is_some_and(|n| match n.kind {
                    Kind::Punct(c) => matches!(c, ')' | ',' | ':' | ';'),
                    Kind::Word => n.text(self.text).starts_with(|c: char| c.is_lowercase()),
                    Kind::Break => false,
                });
                self.inq.get(i).is_some_and(|&q| q == 0) && !next_continues
            }
            _ => false,
        }
    }

    /// Whether the quote whose closing mark is token `qe` ends with `.`, `!`
    /// or `?` inside its marks.
    pub fn closes_sentence(&self, qe: usize) -> bool {
        qe > 0 && matches!(self.toks[qe - 1].kind, Kind::Punct('.' | '!' | '?'))
    }

    /// Whether token `j` lies in a quote other than token `i`'s that is not
    /// transparent.
    fn other_quote(&self, j: usize, i: usize) -> bool {
        let q = self.inq[j];
        q != 0
            && q != self.inq.get(i).copied().unwrap_or(0)
            && !self
                .transparent
                .get(q as usize - 1)
                .copied()
                .unwrap_or(false)
    }

    /// A cue at token `i`: its last token.
    pub fn cue_at(&self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        if w == "according" || w == "According" {
            return (self.word(i + 1) == Some("to")).then_some(i + 1);
        }
        if matches!(w, "pointed" | "points" | "point" | "pointing") {
            return (self.word(i + 1) == Some("out")).then_some(i + 1);
        }
        // `“…,” Trump went on.`: continued speaking (not `went on offense`).
        if matches!(w, "went" | "goes") {
            let ends = self
                .toks
                .get(i + 2)
                .is_none_or(|t| matches!(t.kind, Kind::Punct(_) | Kind::Break));
            return (self.word(i + 1) == Some("on") && ends).then_some(i + 1);
        }
        if w == "pressed" {
            return Some(i);
        }
        // `as Ana Ruiz put it`: the words are hers (not `put it off`).
        if matches!(w, "put" | "puts") {
            let as_before =
                (i.saturating_sub(5)..i).any(|k| matches!(self.word(k), Some("as" | "As")));
            let ends = self
                .toks
                .get(i + 2)
                .is_none_or(|t| matches!(t.kind, Kind::Punct(_) | Kind::Break));
            return (self.word(i + 1) == Some("it") && as_before && ends).then_some(i + 1);
        }
        // `Bennett shot back`, `fired back`, `hit back`.
        if matches!(w, "shot" | "fired" | "hit" | "fires" | "hits" | "shoots") {
            return (self.word(i + 1) == Some("back")).then_some(i + 1);
        }
        // `will continue to be`, `calling for a ban`: no words framed.
        if matches!(w, "continue" | "continues" | "continued" | "continuing")
            && self.word(i + 1) == Some("to")
        {
            return None;
        }
        if w == "calling" && matches!(self.word(i + 1), Some("for" | "on" | "off" | "up")) {
            return None;
        }
        is_cue(w).then_some(i)
    }

    /// The first token of the sentence holding token `i` (bounded, stopping
    /// at other quotes).
    pub fn sentence_start(&self, i: usize) -> usize {
        let lo = i.saturating_sub(WINDOW);
        let mut j = i;
        while j > lo {
            if self.is_boundary(j - 1) || self.other_quote(j - 1, i) {
                break;
            }
            j -= 1;
        }
        j
    }

    /// One past the last token of the sentence holding token `i` (bounded,
    /// stopping at other quotes).
    pub fn sentence_end(&self, i: usize) -> usize {
        if i >= self.toks.len() {
            return self.toks.len();
        }
        let hi = (i + WINDOW).min(self.toks.len());
        let mut j = i;
        while j < hi {
            if self.is_boundary(j) || self.other_quote(j, i) {
                break;
            }
            j += 1;
        }
        j
    }

    /// One past the last token of the sentence holding token `i`, quotes
    /// inside it included (bounded).
    pub fn sentence_end_any(&self, i: usize) -> usize {
        let hi = (i + WINDOW).min(self.toks.len());
        (i..hi).find(|&j| self.is_boundary(j)).unwrap_or(hi)
    }

    /// Where an organisation's name starting at `first` really starts: it
    /// goes on leftwards over `for`, `and`, `on` when the words before hold
    /// an organisation word (`the James Martin Center for Nonproliferation
    /// Studies`, `Institute for Science and International Security`), never
    /// joining two people (`Trump and Clinton`).
    fn org_start(&self, first: usize, lo: usize) -> usize {
        let cap = |p: &str| capitalised(p) && !is_capital_stopword(p) && !possessive(p);
        let (mut start, mut found) = (first, first);
        for _ in 0..3 {
            if !(start >= lo + 2
                && matches!(self.word(start - 1), Some("for" | "and" | "on" | "&"))
                && self.word(start - 2).is_some_and(cap))
            {
                break;
            }
            let mut s = start - 2;
            while s > lo && start - s < 8 && self.word(s - 1).is_some_and(cap) {
                s -= 1;
            }
            if (s..start - 1).any(|k| self.word(k).is_some_and(is_org_word)) {
                found = s;
            }
            start = s;
        }
        found
    }

    /// Whether the phrase `np` is the object of a preposition (`the`
    /// between allowed): `Committeeman from Virginia`, `of the Institute`.
    fn after_preposition(&self, np: &Np) -> bool {
        let mut b = np.first.saturating_sub(1);
        if matches!(self.word(b), Some("the" | "The")) {
            b = b.saturating_sub(1);
        }
        np.first > 0
            && self.word(b).is_some_and(|p| {
                matches!(
                    p,
                    "from" | "in" | "of" | "at" | "for" | "with" | "by" | "to"
                )
            })
    }

    /// Whether `np` is the object of a preposition of place, time or
    /// topic (`on Facebook`, `during the Senate hearing`, `about his
    /// rival`), so no participle after it is its own: `Clinton replied on
    /// Facebook writing` is Clinton's. Not `of` or `from` (`of Carson
    /// saying` is his), nor `with` (`with Trump yelling`).
    fn object_of_preposition(&self, np: &Np) -> bool {
        // `about his rival, Hillary Clinton, saying`: the name is in
        // apposition to the object.
        if np.first > 2
            && self.is_punct(np.first - 1, ',')
            && let Some(head) = self.description_left(np.first - 2, np.first.saturating_sub(8))
            && head.last == np.first - 2
            && self.object_of_preposition(&head)
        {
            return true;
        }
        let mut b = np.first.saturating_sub(1);
        if matches!(
            self.word(b),
            Some("the" | "a" | "an" | "his" | "her" | "their")
        ) {
            b = b.saturating_sub(1);
        }
        np.first > 1
            && self.word(b).is_some_and(|p| {
                matches!(
                    p,
                    "on" | "during"
                        | "in"
                        | "for"
                        | "over"
                        | "after"
                        | "before"
                        | "into"
                        | "under"
                        | "through"
                        | "via"
                        | "among"
                        | "at"
                        | "to"
                        | "against"
                        | "toward"
                        | "about"
                )
            })
    }

    /// A noun phrase ending at token `end`, not starting before `lo`.
    pub fn np_left(&self, end: usize, lo: usize) -> Option<Np> {
        let w = self.word(end)?;
        if self.inq[end] != 0 {
            return None;
        }
        if is_pronoun(w) {
            return Some(Np::word(end, NpKind::Pronoun));
        }
        if is_indefinite_person(w) {
            return Some(Np::word(end, NpKind::Description));
        }
        if capitalised(w) {
            if is_capital_stopword(w) || possessive(w) {
                return None;
            }
            let mut first = end;
            while first > lo && end - first < 6 {
                let Some(p) = self.word(first - 1) else { break };
                if ends_sentence(p) {
                    break;
                }
                let name_like = capitalised(p) && !is_capital_stopword(p) && !possessive(p);
                let particle =
                    is_particle(p) && first >= 2 && self.word(first - 2).is_some_and(capitalised);
                if !(name_like || particle) {
                    break;
                }
                first -= 1;
            }
            // `Chairman G.K. Butterfield of North Carolina`, `George Zornick
            // of The Nation`, `Archbishop Aris Shirvanian of the Armenian
            // Patriarchate of Jerusalem`: the person before the `of`.
            // An organisation's name goes on: `the American Federation of
            // Teachers`.
            let first = self.org_start(first, lo);
            let mut of = first;
            if of >= lo + 2
                && self
                    .word(of - 1)
                    .is_some_and(|p| capitalised(p) && possessive(p))
                && self.word(of - 2) == Some("of")
            {
                // `of Washington's Institute for Science`
                of -= 1;
            }
            if of > lo && matches!(self.word(of - 1), Some("the" | "The")) {
                of -= 1;
            }
            if of >= lo + 2
                && self.word(of - 1) == Some("of")
                && let Some(mut np) = self.np_left(of - 2, lo)
                && np.kind == NpKind::Name
            {
                let org =
                    (np.name_first..=np.name_last).any(|k| self.word(k).is_some_and(is_org_word));
                if org && of == first {
                    np.name_last = end;
                }
                np.last = end;
                return Some(np);
            }
            // `Stacy Baker of Columbia, South Carolina`: a place after the
            // town a person is `of`.
            if first >= lo + 3
                && end - first < 2
                && self.is_punct(first - 1, ',')
                && let Some(mut np) = self.np_left(first - 2, lo)
                && np.kind == NpKind::Name
                && np.last == first - 2
                && np.name_last + 2 <= np.last
                && self.word(np.name_last + 1) == Some("of")
            {
                np.last = end;
                return Some(np);
            }
            return Some(self.named(first, end));
        }
        self.description_left(end, lo)
    }

    /// `Ana Ruiz's`, `Sanders'`: a capitalised possessive at token `k` and
    /// the capitalised words before it (not before `lo`), as a name.
    pub fn owner_left(&self, k: usize, lo: usize) -> Option<Np> {
        let w = self.word(k)?;
        if !capitalised(w) || !possessive(w) || self.inq[k] != 0 {
            return None;
        }
        let mut first = k;
        while first > lo && k - first < 4 {
            match self.word(first - 1) {
                Some(p) if capitalised(p) && !is_capital_stopword(p) && !possessive(p) => {
                    first -= 1
                }
                _ => break,
            }
        }
        let np = self.named(first, k);
        (np.kind == NpKind::Name).then_some(np)
    }

    /// A run of capitalised tokens `first..=end` as a name (titles skipped)
    /// or, when it is all titles, a description.
    fn named(&self, first: usize, end: usize) -> Np {
        // Everything up to the last title goes: `Vermont Sen. Bernie Sanders`.
        // A last word that is also a title is a surname after a name:
        // `Howard Dean`, `Bill Bishop`; a run of titles only is a role.
        let title = |k: usize| self.word(k).is_some_and(is_title);
        let role = |k: usize| title(k) || self.word(k).is_some_and(is_affiliation);
        // An organisation ends with its kind: `Iowa Democratic Party`.
        let org_last = self.word(end).is_some_and(is_org_word);
        // A lone nationality may be a surname (`Mark Cuban`): it stays.
        let mut name_first =
            if org_last || (first..=end).all(title) || (first < end && (first..=end).all(role)) {
                end + 1
            } else {
                (first..end)
                    .rev()
                    .find(|&k| title(k))
                    .map_or(first, |k| k + 1)
            };
        // `Russian Dmitriy Bogdanov`, `Vermont Bernie Sanders`: a
        // nationality, party or place before a person's two names (not
        // `British Airways`).
        while !org_last
            && name_first + 2 <= end
            && self
                .word(name_first)
                .is_some_and(|w| is_affiliation(w) || is_place_prefix(w))
        {
            name_first += 1;
        }
        let with_article = first > 0 && matches!(self.word(first - 1), Some("the" | "The"));
        // `the Texas Republican`: a role, not a name.
        let place_or_role = |k: usize| role(k) || self.word(k).is_some_and(is_place_prefix);
        if with_article && !org_last && title(end) && (first..end).all(place_or_role) {
            name_first = end + 1;
        }
        let first = if with_article { first - 1 } else { first };
        let org = (first..=end).any(|k| self.word(k).is_some_and(is_org_word));
        if name_first > end && org {
            let name_first = if with_article { first + 1 } else { first };
            return Np {
                first,
                last: end,
                name_last: end,
                name_first,
                kind: NpKind::Name,
            };
        }
        if name_first > end {
            return Np {
                first,
                last: end,
                name_last: end,
                name_first: first,
                kind: NpKind::Description,
            };
        }
        Np {
            first,
            last: end,
            name_last: end,
            name_first,
            kind: NpKind::Name,
        }
    }

    fn description_left(&self, end: usize, lo: usize) -> Option<Np> {
        let w = self.word(end)?;
        if is_aux_or_adverb(w) || is_cue(w) || is_function_word(w) || is_determiner(w) {
            return None;
        }
        let mut k = end;
        let mut floor = lo.max(end.saturating_sub(6));
        while k > floor {
            k -= 1;
            // `the bespectacled, 71-year-old diplomat`: a comma between
            // two adjectives.
            if self.is_punct(k, ',')
                && k > floor
                && self.word(k - 1).is_some_and(|a| {
                    !capitalised(a) && !is_function_word(a) && !is_cue(a) && !is_title(a)
                })
                && self
                    .word(k + 1)
                    .is_some_and(|a| !capitalised(a) && !is_function_word(a) && !is_determiner(a))
            {
                continue;
            }
            let p = self.word(k)?;
            // `the Vermont senator and Democratic presidential candidate`:
            // two roles of one person.
            if p == "and"
                && k > floor
                && self
                    .word(k - 1)
                    .is_some_and(|r| is_title(r) || is_person_noun(r))
                && (is_title(w) || is_person_noun(w))
            {
                floor = lo.max(floor.saturating_sub(4));
                continue;
            }
            if is_function_word(p) && !is_determiner(p) {
                break;
            }
            if is_determiner(p) {
                // `in a statement`, `at the rally`: not a subject, unless a
                // description comes before it: `a staffer in the room`.
                if k > 0
                    && self.word(k - 1).is_some_and(|w| {
                        matches!(
                            w,
                            "in" | "at" | "on" | "during" | "from" | "with" | "by" | "into"
                        )
                    })
                {
                    // `someone in the audience`, too.
                    let outer = k.checked_sub(2).filter(|&e| e >= lo).and_then(|e| {
                        if self.word(e).is_some_and(is_indefinite_person) {
                            return Some(Np::word(e, NpKind::Description));
                        }
                        self.description_left(e, lo)
                            .filter(|d| self.word(d.first).is_some_and(is_determiner))
                    });
                    return outer.map(|d| Np {
                        first: d.first,
                        last: end,
                        name_first: d.first,
                        name_last: d.last,
                        kind: NpKind::Description,
                    });
                }
                let mut first = k;
                // `a spokesman for the ministry`
                if k >= 2
                    && matches!(
                        self.word(k - 1),
                        Some("for" | "of" | "at" | "from" | "with")
                    )
                    && let Some(inner) = self.description_left(k - 2, lo)
                {
                    first = inner.first;
                }
                return Some(Np {
                    first,
                    last: end,
                    name_last: end,
                    name_first: first,
                    kind: NpKind::Description,
                });
            }
            if is_cue(p) || is_aux_or_adverb(p) || p == "that" || p == "and" {
                break;
            }
        }
        // Bare plurals: `officials said`, `Clinton aides said`.
        if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            let mut first = end;
            while first > lo && end - first < 2 {
                match self.word(first - 1) {
                    Some(p) if capitalised(p) && !is_capital_stopword(p) => first -= 1,
                    _ => break,
                }
            }
            return Some(Np {
                first,
                last: end,
                name_last: end,
                name_first: first,
                kind: NpKind::Description,
            });
        }
        None
    }

    /// The subject of the cue at `cue`, looking left (not before `lo`):
    /// skips auxiliaries, adverbs, a parenthesis and an apposition.
    pub fn subject_left(&self, cue: usize, lo: usize) -> Option<Np> {
        let mut i = cue.checked_sub(1)?;
        for _ in 0..6 {
            if i < lo {
                return None;
            }
            if self
                .word(i)
                .is_some_and(|w| is_aux_or_adverb(w) || is_adverb_ly(w))
            {
                i = i.checked_sub(1)?;
            } else if i >= lo + 2
                && self.word(i).is_some_and(is_weekday)
                && self.word(i - 1) == Some("on")
            {
                // `Beck on Wednesday called`
                i -= 2;
            } else if i >= lo + 3
                && matches!(self.word(i), Some("past" | "years" | "months" | "weeks"))
                && matches!(self.word(i - 1), Some("the" | "recent"))
                && matches!(self.word(i - 2), Some("in" | "over"))
            {
                // `who has in the past described`, `over the years called`
                i -= 3;
            } else if i >= lo + 3
                && self.is_punct(i, ',')
                && self.is_punct(i - 2, ',')
                && self.word(i - 1).is_some_and(is_party_or_age)
            {
                // `Sen. Rand Paul, R-Ky., said`, `Ana Ruiz, 45, said`
                i -= 3;
            } else if i >= lo + 4
                && self.is_punct(i, ',')
                && self.is_punct(i - 1, '.')
                && self.is_punct(i - 3, ',')
                && self.word(i - 2).is_some_and(is_party_or_age)
            {
                // The same with the state's period a token of its own.
                i -= 4;
            } else if i >= lo + 2
                && self.is_punct(i, ',')
                && self.is_punct(i - 1, ')')
                && let Some(open) = (i.saturating_sub(12).max(lo)..i - 1)
                    .rev()
                    .find(|&k| self.is_punct(k, '('))
                && open > lo
                && self
                    .np_left(open - 1, lo)
                    .is_some_and(|np| np.kind == NpKind::Name)
            {
                // `Gov. John Kasich (R-OH), said`: a stray comma after the
                // parenthesis.
                i = open - 1;
            } else if self.is_punct(i, ')') {
                let open = (i.saturating_sub(12).max(lo)..i)
                    .rev()
                    .find(|&k| self.is_punct(k, '('))?;
                i = open.checked_sub(1)?;
            } else {
                break;
            }
        }
        if i < lo {
            return None;
        }
        if self.word(i) == Some("who") && i >= lo + 2 && self.is_punct(i - 1, ',') {
            // `Trump, who has called …`: the mention is `who`, the name Trump.
            let mut np = self.np_left(i - 2, lo)?;
            if np.kind != NpKind::Name {
                return None;
            }
            np.first = i;
            np.last = i;
            return Some(np);
        }
        if self.is_punct(i, ',') {
            return self.apposition_subject(i, lo);
        }
        let np = self.np_left(i, lo)?;
        Some(self.unclosed_apposition(&np, lo).unwrap_or(np))
    }

    /// `Sam Lau, the communications director for the Iowa Democratic Party
    /// said`: an apposition whose closing comma is missing. The name that
    /// opens the sentence before a comma and a role is the subject.
    fn unclosed_apposition(&self, np: &Np, lo: usize) -> Option<Np> {
        if np.kind != NpKind::Name {
            return None;
        }
        let floor = np.first.saturating_sub(16).max(lo);
        let comma = (floor..np.first).rev().find(|&k| self.is_punct(k, ','))?;
        let role = self.word(comma + 1)?;
        let role_like = !capitalised(role) || is_determiner(role) || is_title(role);
        // Only words between the comma and the name found: one phrase.
        let one_phrase = (comma + 1..np.first).all(|k| self.word(k).is_some());
        if !role_like || !one_phrase || comma < lo + 1 || np.first < comma + 3 {
            return None;
        }
        let head = self.np_left(comma - 1, lo)?;
        let opens = head.first == lo || (head.first > 0 && self.is_boundary(head.first - 1));
        let person =
            !(head.name_first..=head.name_last).any(|k| self.word(k).is_some_and(is_org_word));
        (head.kind == NpKind::Name && opens && person && head.name_last > head.name_first)
            .then_some(head)
    }

    /// The subject before an apposition ending with the comma at `i`:
    /// `Flynn, a top Trump surrogate, said`, `Dean Ruiz, a salesman from
    /// Sumter, South Carolina, says`, or `A picker, Tomas Reyes, said`.
    fn apposition_subject(&self, i: usize, lo: usize) -> Option<Np> {
        let floor = i.saturating_sub(40).max(lo);
        let mut first_comma = None;
        // The nearest name before an apposition, unless an earlier one opens
        // the sentence: `Marty West, a professor who worked for Sen. Lamar
        // Alexander (R-Tenn.), one of the bill's architects, called it`.
        let mut nearest: Option<Np> = None;
        let mut k = i;
        while k > floor {
            k -= 1;
            if self.inq[k] != 0 {
                break;
            }
            if !self.is_punct(k, ',') || k == 0 {
                continue;
            }
            first_comma.get_or_insert(k);
            let Some(inner) = self.word(k + 1) else {
                continue;
            };
            // `Sanders’ campaign manager`: the mark may be a token of its own.
            let owner = self
                .toks
                .get(k + 2)
                .is_some_and(|t| t.is('’') || t.is('\''));
            let appositive = !capitalised(inner)
                || is_determiner(inner)
                || is_title(inner)
                || possessive(inner)
                || owner;
            if !appositive {
                continue;
            }
            let mut end = k - 1;
            if self.is_punct(end, ')') {
                let Some(open) = (end.saturating_sub(12).max(lo)..end)
                    .rev()
                    .find(|&j| self.is_punct(j, '('))
                else {
                    continue;
                };
                let Some(e) = open.checked_sub(1) else {
                    continue;
                };
                end = e;
            }
            if end < lo {
                break;
            }
            if let Some(np) = self.np_left(end, lo) {
                let opens = np.first == lo || (np.first > 0 && self.is_boundary(np.first - 1));
                if np.kind == NpKind::Description {
                    // `“…,” an intelligence source, who was not authorised
                    // to speak, told Fox News`: a description opening the
                    // clause is the subject too.
                    if opens && np.first == lo && lo > 0 && self.inq[lo - 1] != 0 {
                        return Some(np);
                    }
                    continue;
                }
                if opens {
                    return Some(np);
                }
                if nearest.is_none() {
                    nearest = Some(np);
                }
                if k < i.saturating_sub(24) {
                    // Only a sentence-opening name is looked for this far.
                    continue;
                }
            }
        }
        if nearest.is_some() {
            return nearest;
        }
        // `The men's solicitor Matthew Knight, said that`: a stray comma
        // between a name and its cue, with no apposition before it.
        // Not before a participle: `… to vote for Ana Ruiz, saying` is
        // someone else's.
        let Some(comma) = first_comma else {
            let finite = self
                .word(i + 1)
                .is_some_and(|w| is_cue(w) && !is_participle(w));
            return finite
                .then(|| self.np_left(i.checked_sub(1)?, lo))
                .flatten()
                .filter(|np| np.kind == NpKind::Name && np.name_last > np.name_first);
        };
        // `A picker, Tomas Reyes, said`: the name is the apposition.
        let np = self.np_left(i - 1, comma + 1)?;
        (np.kind == NpKind::Name && np.first == comma + 1).then_some(np)
    }

    /// A noun phrase starting at token `start`, not reaching `hi`, after a
    /// cue: `said retired Army Lt. Gen. Mick Bednarek`.
    pub fn np_right(&self, start: usize, hi: usize) -> Option<Np> {
        self.np_at(start, hi, true)
    }

    /// A noun phrase starting at `start`; `after_cue` lets any lowercase
    /// descriptor come between a role and the person. A sentence's subject
    /// is followed by its verb instead (`Ryan endorsed Trump`), so there
    /// only titles may.
    fn np_at(&self, start: usize, hi: usize, after_cue: bool) -> Option<Np> {
        if start >= hi {
            return None;
        }
        let w = self.word(start)?;
        if self.inq[start] != 0 {
            return None;
        }
        if is_pronoun(w) {
            return Some(Np {
                first: start,
                last: start,
                name_last: start,
                name_first: start,
                kind: NpKind::Pronoun,
            });
        }
        if capitalised(w) && (!is_capital_stopword(w) || w == "The") && !self.is_opener(start) {
            let first = if w == "The" { start + 1 } else { start };
            if !self.word(first).is_some_and(capitalised) {
                return self.description_right(start, hi);
            }
            let mut last = self.run_right(first, hi);
            // `Public Service Co of New Mexico`: an organisation's name goes
            // on after `of`.
            if self.word(last).is_some_and(is_org_word)
                && self.word(last + 1) == Some("of")
                && last + 2 < hi
                && self
                    .word(last + 2)
                    .is_some_and(|w| capitalised(w) && !is_capital_stopword(w))
            {
                last = self.run_right(last + 2, hi);
            }
            // `Harbour Trust (Asia) Ltd analyst Wen Colby`: an organisation
            // whose name holds a parenthesis, then a person after a role.
            if let Some(person) = self.person_after_parenthesis(last, hi, after_cue) {
                let mut np = self.named(person.0, person.1);
                np.first = start;
                return Some(np);
            }
            // `KNB' Odile Varga`: an owner whose mark is a token of its own.
            if self
                .word(last)
                .is_some_and(|w| w.ends_with('s') || w.ends_with('S'))
                && self
                    .toks
                    .get(last + 1)
                    .is_some_and(|t| t.is('’') || t.is('\''))
                && last + 2 < hi
                && self
                    .word(last + 2)
                    .is_some_and(|n| capitalised(n) && !is_capital_stopword(n))
            {
                let l2 = self.run_right(last + 2, hi);
                let mut np = self.named(last + 2, l2);
                np.first = start;
                return Some(np);
            }
            // `Huckabee campaign spokesman Hogan Gidley`: the person named
            // after a role.
            if let Some((f2, l2)) = self.later_run(last, hi, after_cue) {
                let mut np = self.named(f2, l2);
                np.first = start;
                return Some(np);
            }
            if self.word(last).is_some_and(possessive) {
                // `The New Republic’s Jeet Heer`: the name after the owner.
                if self
                    .word(last + 1)
                    .is_some_and(|n| capitalised(n) && !is_capital_stopword(n))
                    && last + 1 < hi
                {
                    let l2 = self.run_right(last + 1, hi);
                    let mut np = self.named(last + 1, l2);
                    np.first = start;
                    return Some(np);
                }
                return self.description_right(start, hi);
            }
            let mut np = self.named(first, last);
            np.first = start;
            return Some(np);
        }
        if is_determiner(w) && !matches!(w, "that" | "this" | "This") {
            // `his campaign manager Jeff Weaver`: a person after the role.
            if let Some((f, l)) = self.later_run(start, hi, after_cue) {
                let mut np = self.named(f, l);
                if np.kind == NpKind::Name {
                    np.first = start;
                    return Some(np);
                }
            }
            return self.description_right(start, hi);
        }
        // `said pollster Frank Luntz`, `former Florida governor Jeb Bush`
        if start > 0
            && let Some((f, l)) = self.later_run(start - 1, hi, after_cue)
        {
            let mut np = self.named(f, l);
            np.first = start;
            return Some(np);
        }
        None
    }

    /// After a run ending at `last`: `(Asia) Ltd analyst Wen Colby`, a
    /// parenthesis and the rest of an organisation's name, then a person
    /// named after a role (only then: `Ana Ruiz (D-Ore.) Tuesday` is no
    /// organisation).
    fn person_after_parenthesis(
        &self,
        last: usize,
        hi: usize,
        loose: bool,
    ) -> Option<(usize, usize)> {
        if !self.is_punct(last + 1, '(') {
            return None;
        }
        let close = (last + 2..(last + 6).min(hi)).find(|&j| self.is_punct(j, ')'))?;
        let rest = close + 1;
        if rest >= hi
            || !self
                .word(rest)
                .is_some_and(|w| capitalised(w) && !is_capital_stopword(w))
        {
            return None;
        }
        let end = self.run_right(rest, hi);
        if !self.word(end).is_some_and(is_org_word) {
            return None;
        }
        self.later_run(end, hi, loose)
    }

    /// The last token of the run of capitalised words from `first`.
    fn run_right(&self, first: usize, hi: usize) -> usize {
        let mut last = first;
        while last + 1 < hi && last - first < 7 {
            let Some(n) = self.word(last + 1) else { break };
            if possessive(self.word(last).unwrap_or(""))
                || ends_sentence(self.word(last).unwrap_or(""))
            {
                break;
            }
            let name_like = capitalised(n) && !is_capital_stopword(n);
            let particle = is_particle(n) && self.word(last + 2).is_some_and(capitalised);
            if !(name_like || particle) {
                break;
            }
            last += 1;
        }
        last
    }

    /// After a run ending at `last`: up to three lowercase role words and
    /// then another run of capitalised words.
    fn later_run(&self, last: usize, hi: usize, loose: bool) -> Option<(usize, usize)> {
        let mut k = last + 1;
        while k < hi && k - last <= 5 {
            let w = self.word(k)?;
            if capitalised(w) {
                if is_capital_stopword(w) {
                    return None;
                }
                let last_is_name = self.word(last).is_some_and(capitalised);
                if k == last + 1 && last_is_name {
                    return None;
                }
                let end = self.run_right(k, hi);
                // `former Utah governor Michael Leavitt`: a place, a role,
                // then the person.
                if let Some(person) = self.later_run(end, hi, loose)
                    && person.0 > end + 1
                {
                    return Some(person);
                }
                return Some((k, end));
            }
            // Only role words in between: `campaign spokesman`, `retired
            // Army Lt. Gen.`, `undecided Republican voter`; not a verb.
            // `former Pennsylvania Gov. and Democratic National Committee
            // Chairman Ed Rendell`: two roles joined by `and`.
            let joined = w == "and" && self.word(k - 1).is_some_and(is_title);
            if !(is_title(w) || (loose && is_descriptor(w)) || joined) {
                return None;
            }
            k += 1;
        }
        None
    }

    fn description_right(&self, start: usize, hi: usize) -> Option<Np> {
        let mut last = start;
        while last + 1 < hi && last - start < 8 {
            let Some(n) = self.word(last + 1) else { break };
            if matches!(
                n,
                "who"
                    | "that"
                    | "which"
                    | "in"
                    | "on"
                    | "at"
                    | "during"
                    | "when"
                    | "after"
                    | "before"
                    | "while"
                    | "as"
                    | "to"
                    | "because"
                    | "and"
                    | "but"
                    | "told"
            ) || is_cue(n)
                || is_aux_or_adverb(n)
            {
                break;
            }
            last += 1;
        }
        let alone = self
            .word(start)
            .is_some_and(|w| super::lexicon::Lexicon::get().is_group_subject(w));
        (last > start || alone).then_some(Np {
            first: start,
            last,
            name_first: start,
            name_last: last,
            kind: NpKind::Description,
        })
    }

    /// `“…,” Wi added`, `“…,” said Wi`, `“…” would be fine, Wi said`: a cue
    /// after the quote whose last token is `qe`, in the sentence ending
    /// before `hi`.
    pub fn trailing(&self, qe: usize, hi: usize, opens_sentence: bool) -> Option<Attr> {
        let mut i = qe + 1;
        if self.is_punct(i, ',') {
            i += 1;
        }
        if i >= hi {
            return None;
        }
        // After a quote closing a sentence, only a short attribution counts.
        let closes_sentence = self.closes_sentence(qe) && self.word(i).is_some_and(capitalised);
        if closes_sentence && !opens_sentence {
            // `X called Y “unhinged.” Rubio said …`: the next sentence is
            // someone else's.
            return None;
        }
        let hi = hi.min(i + 24);
        let mut k = i;
        let mut fallback: Option<Attr> = None;
        while k < hi {
            let Some(cue_last) = self.cue_at(k) else {
                k += 1;
                continue;
            };
            let w = self.word(k)?;
            if is_participle(w) {
                k += 1;
                continue;
            }
            let after_comma = k > i && self.is_punct(k - 1, ',');
            let np = if let Some(agent) = self.passive_agent(k, cue_last, hi) {
                agent
            } else if k == i {
                // `“…,” told the crowd`: whoever is told is no speaker.
                if matches!(w, "told" | "tells") {
                    k += 1;
                    continue;
                }
                self.np_right(cue_last + 1, hi)
            } else {
                // The subject must follow the quote: `“…” would be fine, Wi
                // said` only when the quote opens the sentence.
                let ends = (cue_last + 1..(cue_last + 6).min(hi + 1))
                    .any(|j| j >= hi || self.is_punct(j, ',') || self.is_boundary(j));
                let subject = self.subject_left(k, i).filter(|np| {
                    // Role words may come between the comma and the name:
                    // `…, DFA spokesman Neil Sroka said.`, `“…?” former
                    // Obama adviser David Axelrod asked`.
                    let mut f = np.first;
                    while f > i
                        && f + 5 > np.first
                        && self
                            .word(f - 1)
                            .is_some_and(|w| is_title(w) || capitalised(w) || w == "former")
                    {
                        f -= 1;
                    }
                    let starts_here = np.first == i || f == i;
                    if closes_sentence {
                        // A new sentence after the quote is the quote's
                        // attribution only when it opens with the speaker:
                        // `“…?” Miller, a retired worker, said pleasantly.`
                        return starts_here;
                    }
                    starts_here
                        || opens_sentence
                        || (ends && np.kind != NpKind::Description && self.is_punct(f - 1, ','))
                });
                // `“…” for Clinton, said Kunin`
                // `told BBC News`: whoever is told is not the speaker.
                let told = self
                    .word(k)
                    .is_some_and(|w| matches!(w, "told" | "tells" | "telling" | "tell"));
                subject.or_else(|| {
                    (after_comma && !closes_sentence && !told)
                        .then(|| self.np_right(cue_last + 1, hi))
                        .flatten()
                        .filter(|np| np.kind != NpKind::Pronoun)
                })
            };
            // `“…,” Sanders said, according to CNN`: the outer source.
            let outer = (cue_last + 1..hi.saturating_sub(2)).find_map(|j| {
                // The word first: cheaper than the cue lookup, and rare.
                matches!(self.word(j), Some("according")).then_some(())?;
                let last = self.cue_at(j).filter(|&l| l > j)?;
                self.np_right(last + 1, hi).map(|np| (j, last, np))
            });
            if let Some((j, last, np)) = outer {
                return Some(Attr {
                    cue: j,
                    cue_last: last,
                    np,
                });
            }
            let attr = np.map(|np| Attr {
                cue: k,
                cue_last,
                np,
            });
            // `“…,” and donations began to pick up, Gilbert said`: a thing
            // as the first cue's subject; a person's cue later wins.
            if let Some(a) = attr
                && self.is_thing(&a.np)
                && k > i
            {
                fallback.get_or_insert(a);
                k = cue_last + 1;
                continue;
            }
            if attr.is_none() && (fallback.is_some() || k > i && self.in_relative_clause(k, i)) {
                k = cue_last + 1;
                continue;
            }
            return attr.or(fallback);
        }
        fallback
    }

    /// `“…” that would respond to …, Ana Ruiz wrote`: whether the cue at
    /// `k` (not before `lo`) is a relative clause's, so a later cue can
    /// still be the quote's.
    fn in_relative_clause(&self, k: usize, lo: usize) -> bool {
        let mut j = k;
        while j > lo && self.word(j - 1).is_some_and(is_aux_or_adverb) {
            j -= 1;
        }
        j > lo && matches!(self.word(j - 1), Some("that" | "which" | "who"))
    }

    /// `Harbour Radio was told by Ana Ruiz`, `reporters were told`: a cue
    /// in the passive, whose subject is who was told, never the speaker.
    /// `Some` of the agent after `by` (or `None`) when the cue at `k` is
    /// passive; `None` when it is not.
    fn passive_agent(&self, k: usize, cue_last: usize, hi: usize) -> Option<Option<Np>> {
        let passive = k > 0
            && matches!(self.word(k), Some("told"))
            && self
                .word(k - 1)
                .is_some_and(|w| matches!(w, "was" | "were" | "been" | "being" | "is" | "are"));
        if !passive {
            return None;
        }
        Some(if self.word(cue_last + 1) == Some("by") {
            self.np_right(cue_last + 2, hi)
                .filter(|np| np.kind != NpKind::Pronoun)
        } else {
            None
        })
    }

    /// `a court document filed by state attorney Dave Aronberg`: the person
    /// who wrote a described document, when one is named right after it.
    fn author_of(&self, np: Np, hi: usize) -> Np {
        if np.kind != NpKind::Description {
            return np;
        }
        let by = (np.first + 1..(np.last + 4).min(hi)).find(|&j| self.word(j) == Some("by"));
        match by.and_then(|b| self.np_right(b + 1, hi)) {
            Some(mut person) if person.kind == NpKind::Name => {
                person.first = person.first.min(person.name_first);
                person
            }
            _ => np,
        }
    }

    /// Whether a subject is a thing rather than someone: a description, or
    /// `it`/`they`.
    fn is_thing(&self, np: &Np) -> bool {
        match np.kind {
            NpKind::Description => {
                // A person's role is no thing: `the presumptive nominee`,
                // `a senior adviser`, `voters`.
                let head = self.word(np.name_last).unwrap_or_default();
                !(is_person_head(head) || is_indefinite_person(head))
            }
            NpKind::Pronoun => matches!(self.word(np.first), Some("it" | "It" | "they")),
            NpKind::Name => false,
        }
    }

    /// `Rep. Steve Israel said Clinton called on members to be “…”`: the
    /// person whose report a nearer cue's subject at `first` is in.
    fn outer_source(&self, first: usize, lo: usize) -> Option<Attr> {
        let mut v = first.checked_sub(1)?;
        if self.word(v) == Some("that") {
            v = v.checked_sub(1)?;
        }
        if v < lo || self.inq[v] != 0 {
            return None;
        }
        let cue_last = self.cue_at(v)?;
        if cue_last != v || is_participle(self.word(v)?) {
            return None;
        }
        let np = self.subject_left(v, lo)?;
        (np.kind == NpKind::Name).then_some(Attr {
            cue: v,
            cue_last,
            np,
        })
    }

    /// Whether a person's description opens the sentence's main clause
    /// after a clause of its own: `When Rubio said it was great to be
    /// home, a man yelled`, `Rubio spoke, and a woman shouted`. A name
    /// before it is then in another clause, not the description's source.
    fn opens_main_clause(&self, np: &Np, lo: usize) -> bool {
        if self.is_thing(np) || np.first < lo + 3 {
            return false;
        }
        let before = np.first - 1;
        // The adverbial clause opens the sentence or follows `, and`:
        // `Some booed, and when Rubio said …, a man yelled`.
        let opens_clause = |k: usize| {
            k == lo
                || self.is_punct(k - 1, ',')
                || (matches!(self.word(k - 1), Some("and" | "but")) && k >= lo + 2)
        };
        let after_adverbial = self.is_punct(before, ',')
            && (lo..before).any(|k| self.word(k).is_some_and(is_subordinator) && opens_clause(k));
        let coordinated =
            matches!(self.word(before), Some("and" | "but")) && self.is_punct(before - 1, ',');
        after_adverbial || coordinated
    }

    /// A cue before the quote starting at token `qs`, in the sentence part
    /// `lo..qs`: the nearest one whose subject can be found.
    pub fn leading(&self, lo: usize, qs: usize) -> Option<Attr> {
        let mut nearest: Option<(usize, usize)> = None;
        let mut fallback: Option<Attr> = None;
        let mut k = qs;
        while k > lo {
            k -= 1;
            if self.inq[k] != 0 {
                continue;
            }
            let Some(cue_last) = self.cue_at(k) else {
                continue;
            };
            if cue_last >= qs {
                continue;
            }
            let (cue, last) = nearest.unwrap_or((k, cue_last));
            nearest.get_or_insert((k, cue_last));
            let w = self.word(k)?;
            let np = if let Some(agent) = self.passive_agent(k, cue_last, qs) {
                agent
            } else if cue_last > k && matches!(w, "according" | "According") {
                // according to
                self.np_right(cue_last + 1, qs)
                    .map(|np| self.author_of(np, qs))
            } else if self.word(k + 1) == Some("by") {
                self.np_right(k + 2, qs)
            } else if is_participle(w) {
                // `with Trump reportedly yelling`, not `…, saying`; nor an
                // object: `tweeted back at Trump pointing out`. After a
                // comma, not a name inside a phrase that does not open the
                // clause: `Ana Ruiz, a councillor from Leeds, spoke,
                // saying` is hers, not Leeds's.
                let after_comma = k > lo && self.is_punct(k - 1, ',');
                self.subject_left(k, lo).filter(|np| {
                    !(after_comma
                        && !(np.first == lo || np.first > 0 && self.is_boundary(np.first - 1))
                        && self.after_preposition(np))
                        && np.kind != NpKind::Description
                        && !self.object_of_preposition(np)
                })
            } else {
                let before = k.checked_sub(1);
                let inverted =
                    k == lo || before.is_some_and(|b| self.inq[b] != 0 || self.is_punct(b, ','));
                let coordinated = before
                    .and_then(|b| self.word(b))
                    .is_some_and(|w| matches!(w, "and" | "but" | "then"));
                self.subject_left(k, lo)
                    .or_else(|| inverted.then(|| self.np_right(cue_last + 1, qs)).flatten())
                    .or_else(|| {
                        // `she laughed and admitted`: the first verb's subject.
                        (coordinated && k >= lo + 3)
                            .then(|| {
                                let v = self.word(k - 2)?;
                                (!capitalised(v) && v.ends_with("ed") && !is_function_word(v))
                                    .then(|| self.subject_left(k - 2, lo))
                                    .flatten()
                                    .filter(|np| np.kind != NpKind::Description)
                            })
                            .flatten()
                    })
                    .or_else(|| coordinated.then(|| self.sentence_subject(lo, k)).flatten())
            };
            if let Some(np) = np {
                // Any description here, people's roles too: `Becky Quick said
                // the billionaire front-runner had called him “…”`.
                let thing = (np.kind == NpKind::Description && !self.opens_main_clause(&np, lo))
                    || self.is_thing(&np);
                if thing && fallback.is_none() {
                    // `Hemsley, the co-author, said the days when … are
                    // “…”`: a thing as subject of a nearer verb may be the
                    // reported clause's; a person before it is the source.
                    fallback = Some(Attr {
                        cue,
                        cue_last: last,
                        np,
                    });
                    continue;
                }
                if thing {
                    continue;
                }
                if np.kind == NpKind::Name
                    && let Some(outer) = self.outer_source(np.first, lo)
                {
                    return Some(outer);
                }
                if fallback.is_some() {
                    return Some(Attr {
                        cue: k,
                        cue_last,
                        np,
                    });
                }
                return Some(Attr {
                    cue,
                    cue_last: last,
                    np,
                });
            }
        }
        if fallback.is_some() {
            return fallback;
        }
        // A participle cue with no subject found: the sentence's subject.
        let (cue, cue_last) = nearest?;
        let np = self.sentence_subject(lo, cue)?;
        Some(Attr { cue, cue_last, np })
    }

    /// Whether the words before token `first` (back to `lo`) are a
    /// preposition and at most a few lowercase words: `later that month on
    /// CNN`, `to the Dutch newspaper NRC`. A name there is where words were
    /// said, or to whom, never who said them.
    fn after_place_preposition(&self, first: usize, lo: usize) -> bool {
        let prep = |w: &str| {
            matches!(
                w,
                "on" | "to" | "in" | "at" | "from" | "with" | "for" | "during" | "into"
            )
        };
        let mut b = first.saturating_sub(1);
        while b > lo
            && first - b < 4
            && self.word(b).is_some_and(|w| {
                // `to the Dutch newspaper`
                (!capitalised(w) || is_affiliation(w)) && !is_function_word(w) && !prep(w)
            })
        {
            b -= 1;
        }
        if matches!(self.word(b), Some("the" | "a" | "an")) {
            b = b.saturating_sub(1);
        }
        first > lo
            && self
                .word(b)
                .is_some_and(|p| prep(p) || matches!(p, "On" | "To" | "In" | "At"))
    }

    /// `Rep. Trey Gowdy (R-S.C.): “…”`: a name (or pronoun) right before the
    /// colon at `colon`, the colon as cue.
    pub fn colon_speaker(&self, colon: usize, lo: usize) -> Option<Attr> {
        let mut end = colon.checked_sub(1)?;
        if self.is_punct(end, ')') {
            let open = (end.saturating_sub(12).max(lo)..end)
                .rev()
                .find(|&k| self.is_punct(k, '('))?;
            end = open.checked_sub(1)?;
        }
        if end < lo {
            return None;
        }
        let np = self.np_left(end, lo)?;
        // `later that month on CNN:`, `to the Dutch newspaper NRC:`: a
        // name after a preposition is where the words were said, or to whom.
        if self.after_place_preposition(np.first, lo) {
            return None;
        }
        (np.kind == NpKind::Name).then_some(Attr {
            cue: colon,
            cue_last: colon,
            np,
        })
    }

    /// The subject of the sentence starting at `lo`: the first name or
    /// pronoun before `hi` followed by a lowercase word (its verb), after
    /// any opening phrase.
    pub fn sentence_subject(&self, lo: usize, hi: usize) -> Option<Np> {
        let hi = hi.min(lo + 20);
        let key = (lo as u32, hi as u32);
        if let Some(np) = self.subjects.get(key) {
            return np;
        }
        let np = self.find_sentence_subject(lo, hi);
        self.subjects.insert(key, np);
        np
    }

    /// The work of `sentence_subject`, with `hi` already clamped.
    pub(super) fn find_sentence_subject(&self, lo: usize, hi: usize) -> Option<Np> {
        let mut k = lo;
        while k < hi {
            if self.inq[k] != 0 {
                return None;
            }
            let initial_description = k == lo
                && self.word(k).is_some_and(|w| {
                    let lex = super::lexicon::Lexicon::get();
                    lex.is_description_opener(w) || lex.is_group_subject(w)
                });
            // Only at the start of a clause: not `in Columbia`, `a Trump-style`.
            // Not inside a name after a preposition either: `on BBC Radio 4`.
            let inside_name = k > lo && self.word(k - 1).is_some_and(capitalised) && {
                let mut j = k - 1;
                while j > lo && self.word(j - 1).is_some_and(capitalised) {
                    j -= 1;
                }
                j > lo
                    && self.word(j - 1).is_some_and(|p| {
                        matches!(p, "on" | "in" | "at" | "to" | "from" | "with" | "by" | "of")
                            // `during the Senate Benghazi hearing`
                            || matches!(p, "the" | "a" | "an" | "his" | "her" | "their" | "its")
                    })
            };
            let clause_start = k == lo
                || !inside_name
                    && !self.word(k - 1).is_some_and(|p| {
                        matches!(
                            p,
                            "in" | "at"
                                | "on"
                                | "for"
                                | "from"
                                | "during"
                                | "after"
                                | "before"
                                | "with"
                                | "by"
                                | "of"
                                | "to"
                                | "since"
                                | "like"
                                | "under"
                                | "a"
                                | "an"
                                | "the"
                                | "his"
                                | "her"
                                | "their"
                                | "its"
                                | "about"
                                | "which"
                                | "whom"
                        )
                    });
            // `In a new report, the Electoral Commission says`: an
            // organisation after `the` opening the clause.
            let the_org = k > lo
                && self.word(k - 1) == Some("the")
                && (k - 1 == lo || self.is_punct(k - 2, ','))
                && self.word(k).is_some_and(capitalised)
                && {
                    let end = self.run_right(k, hi);
                    (k..=end).any(|j| self.word(j).is_some_and(is_org_word))
                };
            // `Speaking to reporters at the trials of the AX model, he
            // said`: an opening participle's phrase holds no subject.
            if k == lo
                && self.is_opener(k)
                && let Some(comma) = (k + 1..hi).find(|&j| self.is_punct(j, ','))
            {
                k = comma + 1;
                // `Speaking in Salem, New Hampshire, Trump`: the place's state.
                if self.word(comma - 1).is_some_and(capitalised)
                    && let Some(next) =
                        (k..(k + 4).min(hi)).find(|&j| !self.word(j).is_some_and(capitalised))
                    && next > k
                    && self.is_punct(next, ',')
                    && self.word(next + 1).is_some_and(capitalised)
                {
                    k = next + 1;
                }
                continue;
            }
            if (clause_start || the_org)
                && !self.is_opener(k)
                && let Some(w) = self.word(k)
                && ((capitalised(w) && !is_capital_stopword(w))
                    || is_pronoun(w)
                    || initial_description)
                && let Some(np) = self.np_at(k, hi + 1, false)
                && (np.kind != NpKind::Description || initial_description)
            {
                let mut after = np.last + 1;
                if self.is_punct(after, '(')
                    && let Some(close) = (after + 1..(after + 10).min(self.toks.len()))
                        .find(|&j| self.is_punct(j, ')'))
                {
                    after = close + 1;
                }
                // `Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed`
                if self.word(after) == Some("on") && self.word(after + 1).is_some_and(is_weekday) {
                    after += 2;
                    // `on Wednesday morning`
                    if matches!(
                        self.word(after),
                        Some("morning" | "afternoon" | "evening" | "night")
                    ) {
                        after += 1;
                    }
                }
                if np.first == lo
                    && self.is_punct(after, ',')
                    && self.word(after + 1).is_some_and(|v| {
                        is_cue(v) || super::lexicon::Lexicon::get().is_auxiliary(v)
                    })
                {
                    // `Sen. Jack Reed (D-R.I.), said`: a comma before the
                    // verb, no aside.
                    after += 1;
                } else if self.is_punct(after, ',') {
                    // `Mike Huckabee, the former governor, proposed`
                    if let Some(c) =
                        (after + 1..(after + 14).min(hi)).find(|&j| self.is_punct(j, ','))
                    {
                        after = c + 1;
                    }
                }
                // `former TV network anchor Katie Couric has`: a name
                // only modifying a role, then the person.
                if np.kind == NpKind::Name
                    && let Some(j) = (after..(after + 3).min(hi))
                        .take_while(|&j| {
                            self.word(j)
                                .is_some_and(|w| is_title(w) || is_descriptor(w))
                        })
                        .last()
                    && self.word(j).is_some_and(|w| {
                        is_title(w)
                            && !matches!(
                                w,
                                "former"
                                    | "ex"
                                    | "then"
                                    | "late"
                                    | "acting"
                                    | "incoming"
                                    | "outgoing"
                            )
                    })
                    && self
                        .word(j + 1)
                        .is_some_and(|w| capitalised(w) && !is_capital_stopword(w))
                {
                    let end = self.run_right(j + 1, hi + 1);
                    let mut person = self.named(j + 1, end);
                    let v = self.word(end + 1);
                    if person.kind == NpKind::Name
                        && v.is_some_and(|v| {
                            !capitalised(v)
                                && !is_function_word(v)
                                && !is_pronoun(v)
                                && !is_title(v)
                                || is_aux_or_adverb(v)
                        })
                    {
                        person.first = np.first;
                        return Some(person);
                    }
                }
                // `Recently she announced`: a pronoun after the word makes
                // it an opening adverb, not the subject.
                let verb = self.word(after).is_some_and(|v| {
                    (!capitalised(v) && !is_function_word(v) && !is_pronoun(v))
                        || is_aux_or_adverb(v)
                });
                // `Many Zephyr buyers are afraid`: a lower-case word
                // followed by an auxiliary is the subject's head noun, and
                // the name only its modifier.
                let modifier = verb
                    && self.word(after).is_some_and(|v| !is_aux_or_adverb(v))
                    && self
                        .word(after + 1)
                        .is_some_and(|a| super::lexicon::Lexicon::get().is_auxiliary(a));
                if modifier {
                    return None;
                }
                if verb {
                    return Some(np);
                }
                k = np.last + 1;
                continue;
            }
            k += 1;
        }
        None
    }
}

/// `R-Ky.`, `D-N.Y.`, `I-Vt.` or an age: the short segments set off by
/// commas after a name.
fn is_party_or_age(w: &str) -> bool {
    let b = w.as_bytes();
    let party = b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-';
    party || (!b.is_empty() && b.len() <= 3 && b.iter().all(u8::is_ascii_digit))
}

/// A lowercase word that can describe a person before their name:
/// `conservative`, `retired`, `nutritional-supplement`, `1st`. Verbs,
/// pronouns and function words are not.
fn is_descriptor(w: &str) -> bool {
    let ordinal = w.len() <= 4
        && w.starts_with(|c: char| c.is_ascii_digit())
        && (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th"));
    ordinal
        || is_compound_adjective(w)
        || super::lexicon::Lexicon::get().is_descriptor_participle(w)
        || (w.len() > 2
            && w.starts_with(|c: char| c.is_lowercase())
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_function_word(w)
            && !is_cue(w)
            && !is_aux_or_adverb(w)
            && !is_adverb_ly(w)
            && !is_determiner(w)
            && !is_pronoun(w)
            && !is_participle(w)
            && !w.ends_with("ing")
            && !matches!(
                w,
                "not" | "also" | "just" | "only" | "even" | "still" | "said"
            ))
}

fn is_weekday(w: &str) -> bool {
    super::lexicon::Lexicon::get().is_weekday(w)
}

fn is_adverb_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w.as_bytes()[0].is_ascii_lowercase()
}
