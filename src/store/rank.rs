//! The ranking of a search's newest matches: FTS5's own bm25 formula
//! (k1 = 1.2, b = 0.75, every column weighing 1), computed here from the
//! matched rows' text instead of by FTS5's `bm25()`.
//!
//! `bm25()` needs each phrase's document frequency, and FTS5 works it out
//! by walking the phrase's whole doclist (for a prefix, by merging the
//! doclists of every word it begins, a second time after the MATCH did):
//! half of a search for a word in each of 100,000 articles (perf, `cargo
//! bench --bench cache`). Here the frequency is counted among a phrase's
//! newest matches instead, which stop after [`RANKED`]: exact below that,
//! else the share of recent articles holding it times the articles kept.
//! The term frequencies and lengths come from the rows' own text, read in
//! the statement that finds them, with the words compared as FTS5's
//! `unicode61 remove_diacritics 2` tokenizer indexes them
//! ([`snippet::fold`]); a text whose letters are all ASCII is searched for
//! each phrase's first letter (memchr) instead of read word by word. The
//! article count and average length are FTS5's own. No crate scores an
//! FTS5 match set, and FTS5's ranking hooks need `unsafe` code.
//!
//! [`RANKED`]: super::cache::RANKED

use std::ops::Range;

use super::snippet;

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// One phrase of a query as FTS5 reads it: words in sequence, the last one
/// perhaps a prefix, in one column or any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The column of `articles_fts` it is limited to, if any: 0 title,
    /// 1 text, 2 speakers, 3 feed.
    pub column: Option<usize>,
    /// Its words, folded as indexed.
    pub words: Vec<String>,
    /// Whether the last word is a prefix.
    pub prefix: bool,
}

impl Phrase {
    /// The phrase of `text` (a query's quoted word or words).
    pub fn new(text: &str, column: Option<usize>, prefix: bool) -> Phrase {
        let words = word_ranges(text).map(|r| snippet::fold(&text[r])).collect();
        Phrase {
            column,
            words,
            prefix,
        }
    }

    /// Whether the indexed word `word` (as written in the text) is the
    /// `i`th word of the phrase.
    fn word_is(&self, i: usize, word: &[u8]) -> bool {
        let Some(want) = self.words.get(i).map(String::as_bytes) else {
            return false;
        };
        // Most words differ from the wanted one in their first letter: an
        // ASCII letter folds to its lower case alone, whatever follows it.
        if let (Some(&w), Some(&x)) = (want.first(), word.first()) {
            if w.is_ascii() && x.is_ascii() && w != x.to_ascii_lowercase() {
                return false;
            }
        }
        let prefix = self.prefix && i + 1 == self.words.len();
        if word.is_ascii() {
            match word.get(..want.len()) {
                Some(head) if prefix || head.len() == word.len() => head.eq_ignore_ascii_case(want),
                _ => false,
            }
        } else {
            let folded = snippet::fold(&String::from_utf8_lossy(word));
            if prefix {
                folded.as_bytes().starts_with(want)
            } else {
                folded.as_bytes() == want
            }
        }
    }
}

impl Phrase {
    /// The instances of the phrase in a [`plain`] text, whose words are
    /// runs of ASCII letters and digits: found from the places of the first
    /// word's first letter in either case (memchr), as most letters are
    /// not it. `seen` is given each word a one-word prefix matched.
    fn plain_instances(&self, text: &str, mut seen: impl FnMut(&str)) -> u32 {
        let bytes = text.as_bytes();
        let Some(&first) = self.words.first().and_then(|w| w.as_bytes().first()) else {
            return 0;
        };
        if !first.is_ascii() {
            return 0; // an ASCII word folds to ASCII
        }
        let upper = first.to_ascii_uppercase();
        let word_end = |mut at: usize| {
            while bytes.get(at).is_some_and(|&b| is_word(b)) {
                at += 1;
            }
            at
        };
        let mut found = 0;
        for start in memchr::memchr2_iter(first, upper, bytes) {
            if start > 0 && bytes.get(start - 1).is_some_and(|&b| is_word(b)) {
                continue;
            }
            let first_end = word_end(start);
            let mut end = first_end;
            let matched = bytes
                .get(start..end)
                .is_some_and(|word| self.word_is(0, word))
                && (1..self.words.len()).all(|k| {
                    let mut at = end;
                    while bytes.get(at).is_some_and(|&b| !is_word(b)) {
                        at += 1;
                    }
                    end = word_end(at);
                    at < end && bytes.get(at..end).is_some_and(|word| self.word_is(k, word))
                });
            if matched {
                found += 1;
                if self.prefix && self.words.len() == 1 {
                    seen(text.get(start..first_end).unwrap_or_default());
                }
            }
        }
        found
    }
}

/// Whether a byte of a [`plain`] text belongs to a word.
fn is_word(b: u8) -> bool {
    // Without a branch, so that counting words runs many bytes at a time.
    ((b | 0x20).wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10)
}

/// Whether every letter and digit of `text` is ASCII, so its words are runs
/// of ASCII letters and digits and fold by ASCII case alone: nearly every
/// English text, whose curly quotes and dashes are not letters.
fn plain(text: &str) -> bool {
    const CHUNK: usize = 64;
    let bytes = text.as_bytes();
    (bytes.chunks(CHUNK).enumerate())
        .filter(|(_, chunk)| !chunk.is_ascii())
        .all(|(i, chunk)| {
            // Each character is read from its first byte, in whichever
            // chunk that falls.
            (chunk.iter().enumerate())
                .filter(|(_, b)| **b >= 0xc0)
                .all(|(j, _)| {
                    (text
                        .get(i * CHUNK + j..)
                        .and_then(|rest| rest.chars().next()))
                    .is_some_and(|c| !c.is_alphanumeric())
                })
        })
}

/// The number of words of a [`plain`] text: the bytes that are a word's
/// and follow one that is not. By blocks of fixed length, which the
/// compiler turns into vector instructions (3x fewer instructions than a
/// byte at a time, callgrind).
fn plain_length(bytes: &[u8]) -> u32 {
    const BLOCK: usize = 32;
    let mut words = 0u32;
    let mut before = 0u8;
    for block in bytes.chunks(BLOCK) {
        let mut word = [0u8; BLOCK];
        for (w, &b) in word.iter_mut().zip(block) {
            *w = u8::from(is_word(b));
        }
        let mut previous = [0u8; BLOCK];
        previous[0] = before;
        previous[1..].copy_from_slice(&word[..BLOCK - 1]);
        let starts: u8 = (word.iter().zip(&previous))
            .map(|(&w, &p)| w & !p & 1)
            .fold(0, u8::wrapping_add);
        words = words.saturating_add(u32::from(starts));
        before = block
            .len()
            .checked_sub(1)
            .and_then(|i| word.get(i))
            .copied()
            .unwrap_or(0);
    }
    words
}

/// Whether each ASCII byte is a letter or a digit.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The byte ranges of `text`'s words (runs of letters and digits), added
/// to `out`. ASCII is read by table, being nearly all of a news text.
fn push_words(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    // Whether the character at `at` is a letter or digit, and its length.
    let class = |at: usize| match bytes.get(at) {
        Some(&b) if b.is_ascii() => (ASCII_WORD[usize::from(b & 0x7f)], 1),
        Some(_) => match text.get(at..).and_then(|rest| rest.chars().next()) {
            Some(c) => (c.is_alphanumeric(), c.len_utf8()),
            None => (false, 1),
        },
        None => (false, 0),
    };
    let mut at = 0;
    while at < bytes.len() {
        let (word, len) = class(at);
        if !word {
            at += len;
            continue;
        }
        let start = at;
        at += len;
        loop {
            let (word, len) = class(at);
            if !word {
                break;
            }
            at += len;
        }
        out.push(start..at);
    }
}

/// The byte ranges of `text`'s words.
fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> {
    let mut out = Vec::new();
    push_words(text, &mut out);
    out.into_iter()
}

/// What the ranker needs of one matched row: each phrase's count of
/// instances, and the row's length in words over all columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    /// Instances per phrase, in the query's order.
    pub instances: Vec<u32>,
    /// Words in all columns.
    pub length: u32,
}

/// How many distinct words a typed prefix is followed to (see
/// [`Counter::completions`]).
const COMPLETIONS: usize = 32;

/// Counts a query's phrases in row after row.
#[derive(Debug)]
pub struct Counter<'a> {
    phrases: &'a [Phrase],
    words: Vec<Range<usize>>,
    completions: Vec<String>,
    overflow: bool,
}

impl<'a> Counter<'a> {
    /// A counter of `phrases`.
    pub fn new(phrases: &'a [Phrase]) -> Counter<'a> {
        Counter {
            phrases,
            words: Vec::new(),
            completions: Vec::new(),
            overflow: false,
        }
    }

    /// Counts the phrases in a row's columns (title, text, speakers, feed).
    pub fn count(&mut self, columns: [&str; 4]) -> Counts {
        let mut instances = vec![0u32; self.phrases.len()];
        let mut length = 0u32;
        for (c, text) in columns.into_iter().enumerate() {
            if plain(text) {
                length = length.saturating_add(plain_length(text.as_bytes()));
                for (p, phrase) in self.phrases.iter().enumerate() {
                    if phrase.column.is_some_and(|only| only != c) {
                        continue;
                    }
                    let (completions, overflow) = (&mut self.completions, &mut self.overflow);
                    let found = phrase.plain_instances(text, |word| {
                        note(completions, overflow, Some(word));
                    });
                    if let Some(slot) = instances.get_mut(p) {
                        *slot = slot.saturating_add(found);
                    }
                }
                continue;
            }
            self.words.clear();
            push_words(text, &mut self.words);
            length = length.saturating_add(u32::try_from(self.words.len()).unwrap_or(u32::MAX));
            let bytes = text.as_bytes();
            for (p, phrase) in self.phrases.iter().enumerate() {
                let n = phrase.words.len();
                if phrase.column.is_some_and(|only| only != c) || n == 0 || self.words.len() < n {
                    continue;
                }
                let mut found = 0u32;
                for at in 0..=self.words.len() - n {
                    let matched = (0..n).all(|k| {
                        (self.words.get(at + k).and_then(|r| bytes.get(r.clone())))
                            .is_some_and(|word| phrase.word_is(k, word))
                    });
                    if !matched {
                        continue;
                    }
                    found = found.saturating_add(1);
                    if phrase.prefix && n == 1 {
                        let word = self.words.get(at).and_then(|r| text.get(r.clone()));
                        note(&mut self.completions, &mut self.overflow, word);
                    }
                }
                if let Some(slot) = instances.get_mut(p) {
                    *slot = slot.saturating_add(found);
                }
            }
        }
        Counts { instances, length }
    }

    /// The words, folded, that a one-word prefix phrase matched in the rows
    /// counted: what it stands for as typed so far. `None` past
    /// [`COMPLETIONS`] of them.
    pub fn completions(&self) -> Option<&[String]> {
        (!self.overflow).then_some(self.completions.as_slice())
    }
}

/// Adds `word`, folded, to `completions` unless there already.
fn note(completions: &mut Vec<String>, overflow: &mut bool, word: Option<&str>) {
    let Some(word) = word else { return };
    if *overflow
        || completions
            .iter()
            .any(|c| c.len() == word.len() && c.eq_ignore_ascii_case(word))
    {
        return;
    }
    let folded = snippet::fold(word);
    if completions.contains(&folded) {
        return;
    }
    if completions.len() == COMPLETIONS {
        *overflow = true;
    } else {
        completions.push(folded);
    }
}

/// How many articles hold a phrase, from its newest matches: `found` of
/// them (at most `window`), the oldest in row `oldest`; `newest` is the
/// newest row kept and `rows` the articles kept.
pub fn document_frequency(
    found: usize,
    window: usize,
    oldest: i64,
    newest: i64,
    rows: usize,
) -> f64 {
    if found < window {
        return found as f64;
    }
    // Rows are numbered in the order kept and only old ones are dropped,
    // so the rows from the oldest match on are all still there.
    let span = (newest - oldest).saturating_add(1).max(1) as f64;
    (found as f64 * rows as f64 / span).min(rows as f64)
}

/// The articles and words FTS5 counts in its index, from its "averages"
/// record (row 1 of `articles_fts_data`): the article count, then each
/// column's words, as SQLite varints. What `bm25()` reads for the average
/// length; `None` if the record is not of that form.
pub fn totals(record: &[u8], columns: usize) -> Option<(u64, u64)> {
    let mut at = 0;
    let mut next = || {
        let (value, len) = varint(record.get(at..)?)?;
        at += len;
        Some(value)
    };
    let rows = next()?;
    let mut words = 0u64;
    for _ in 0..columns {
        words = words.checked_add(next()?)?;
    }
    Some((rows, words))
}

/// A SQLite varint: seven bits a byte, high bits first, while the top bit
/// is set; the ninth byte gives all eight. With its length.
fn varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(9) {
        if i == 8 {
            return Some(((value << 8) | u64::from(b), 9));
        }
        value = (value << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

/// bm25 as FTS5 computes it, lower is better.
#[derive(Debug, Clone)]
pub struct Bm25 {
    idf: Vec<f64>,
    average_length: f64,
}

impl Bm25 {
    /// The ranker for phrases held by `frequencies` articles each among
    /// `rows`, whose average length in words is `average_length`.
    pub fn new(frequencies: &[f64], rows: usize, average_length: f64) -> Bm25 {
        let rows = rows as f64;
        let idf = frequencies
            .iter()
            .map(|&n| {
                // FTS5 floors the weight of a phrase in most articles.
                let idf = ((rows - n + 0.5) / (n + 0.5)).ln();
                if idf > 0.0 { idf } else { 1e-6 }
            })
            .collect();
        Bm25 {
            idf,
            average_length: average_length.max(f64::MIN_POSITIVE),
        }
    }

    /// The score of a row with these counts.
    pub fn score(&self, counts: &Counts) -> f64 {
        let norm = K1 * (1.0 - B + B * f64::from(counts.length) / self.average_length);
        let sum: f64 = (self.idf.iter().zip(&counts.instances))
            .map(|(idf, &tf)| {
                let tf = f64::from(tf);
                idf * (tf * (K1 + 1.0)) / (tf + norm)
            })
            .sum();
        -sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(phrases: &[Phrase], text: &str) -> Vec<u32> {
        Counter::new(phrases).count(["", text, "", ""]).instances
    }

    #[test]
    fn phrases_count_as_fts5_indexes_words() {
        let tide = Phrase::new("Tide", None, false);
        let ti = Phrase::new("ti", None, true);
        let pair = Phrase::new("high tide", None, false);
        let cafe = Phrase::new("café", None, false);
        let text = "High tide, high TIDE; tidewater. Tidal? Café cafe CAFÉ.";
        assert_eq!(
            counts(&[tide, ti, pair, cafe], text),
            [2, 4, 2, 3],
            "case and accents folded, prefixes, sequences"
        );
    }

    #[test]
    fn plain_texts_count_as_others_do() {
        let phrases = [
            Phrase::new("tide", None, false),
            Phrase::new("ti", None, true),
            Phrase::new("high tide", None, false),
            Phrase::new("x9", None, false),
        ];
        let text = "“High tide” — high, TIDE; tidewater x9 tidal? Tides.  9x tide";
        // The same words with a letter outside ASCII, read word by word.
        let other = format!("{text} ø");
        assert!(plain(text) && !plain(&other));
        let mut counter = Counter::new(&phrases);
        let a = counter.count(["", text, "", ""]);
        let b = counter.count(["", &other, "", ""]);
        assert_eq!(a.instances, [3, 6, 2, 1]);
        assert_eq!(a.instances, b.instances);
        assert_eq!(a.length + 1, b.length);
        assert_eq!(
            counter.completions(),
            Some(
                &[
                    "tide".to_string(),
                    "tidewater".into(),
                    "tidal".into(),
                    "tides".into()
                ][..]
            )
        );
    }

    #[test]
    fn a_phrase_in_one_column_counts_there_alone() {
        let ruiz = Phrase::new("Ruiz", Some(2), false);
        let any = Phrase::new("Ruiz", None, false);
        let phrases = [ruiz, any];
        let c = Counter::new(&phrases).count(["Ruiz wins", "Ana Ruiz said", "Ana Ruiz", "Wire"]);
        assert_eq!(c.instances, [1, 3]);
        assert_eq!(c.length, 2 + 3 + 2 + 1);
    }

    #[test]
    fn rarer_phrases_weigh_more_and_more_instances_rank_higher() {
        let ranker = Bm25::new(&[10.0, 900.0], 1000, 100.0);
        let rare = ranker.score(&Counts {
            instances: vec![1, 0],
            length: 100,
        });
        let common = ranker.score(&Counts {
            instances: vec![0, 1],
            length: 100,
        });
        assert!(rare < common, "{rare} {common}");
        let twice = ranker.score(&Counts {
            instances: vec![2, 0],
            length: 100,
        });
        assert!(twice < rare);
        let shorter = ranker.score(&Counts {
            instances: vec![1, 0],
            length: 50,
        });
        assert!(shorter < rare, "a shorter article wins a tie");
    }

    #[test]
    fn the_averages_record_reads_as_sqlite_writes_varints() {
        // 300 rows (0x82 0x2c), then 5, 70000 (0x84 0xa2 0x70), 2, 0 words.
        let record = [0x82, 0x2c, 5, 0x84, 0xa2, 0x70, 2, 0];
        assert_eq!(totals(&record, 4), Some((300, 70_007)));
        assert_eq!(totals(&record[..5], 4), None, "cut short");
        assert_eq!(varint(&[0xff; 9]), Some((u64::MAX, 9)));
    }

    #[test]
    fn frequencies_are_exact_below_the_window_and_scaled_past_it() {
        assert_eq!(document_frequency(7, 2000, 1, 100, 100), 7.0);
        // 2,000 matches among the newest 4,000 of 100,000 rows.
        assert_eq!(
            document_frequency(2000, 2000, 96_001, 100_000, 100_000),
            50_000.0
        );
        assert_eq!(
            document_frequency(2000, 2000, 98_001, 100_000, 100_000),
            100_000.0
        );
    }
}
