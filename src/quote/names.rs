//! Canonical names: the fullest form of a name written in the article.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon::{
    first_name_gender, is_affiliation, is_aux_or_adverb, is_capital_stopword, is_cue, is_org_word,
    is_place_prefix, is_title,
};
use super::tokens::{Kind, Tok};

/// Every multi-word name written in one article, by first and last word.
///
/// Names and words are slices of the article's text: a name's words are
/// separated by exactly one space there (see [`NameIndex::new`]), so the
/// name as written is the text from its first word to its last, and
/// indexing an article allocates no string per word or name.
#[derive(Debug, Default)]
pub struct NameIndex<'a> {
    names: Vec<&'a str>,
    /// The same names, to tell a new one in constant time.
    known: HashSet<&'a str>,
    /// Where each name is first written (byte offset), by index.
    first_at: Vec<u32>,
    /// Whether each name was first written right after `the`.
    after_the: Vec<bool>,
    /// Every capitalised word with where it is written, alone or in a
    /// name, in text order: pushed for each such word of the article but
    /// asked only for the few single names that `canonical` expands by
    /// first word, so a list beats hashing every word into a map.
    word_at: Vec<(&'a str, u32)>,
    /// Where each word of `word_at` is first written, made from it the
    /// first time it is asked: one pass however many quotes ask, where a
    /// search of the list for each would grow with the article times its
    /// quotes.
    first_written: std::cell::OnceCell<HashMap<&'a str, u32>>,
    by_last: HashMap<&'a str, Vec<usize>>,
    by_first: HashMap<&'a str, Vec<usize>>,
    /// Single capitalised words that read as common words in this
    /// article: see [`NameIndex::mark_common`].
    common: Vec<String>,
    /// Organisation names (runs ending in an organisation's kind:
    /// `Countryside Alliance`), by that last word.
    orgs_by_last: HashMap<String, Vec<String>>,
    /// People by the title written right before their name (`Governor
    /// Garrey Carruthers` under `governor`), lowercased.
    by_title: HashMap<String, Vec<String>>,
}

fn capitalised(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(|c| c.is_uppercase()),
    }
}

fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["’s", "'s"] {
        if let Some(s) = w.strip_suffix(suffix) {
            return (s, true);
        }
    }
    (w, false)
}

/// A run of capitalised words: each word with its start byte.
type Run<'a> = [(u32, &'a str)];

/// The text a run's words cover, from the first word's start to the last
/// word's end: the words joined by one space, as they are adjacent with
/// one space between them.
fn covered<'a>(text: &'a str, run: &Run<'a>) -> &'a str {
    match (run.first(), run.last()) {
        (Some(&(s, _)), Some(&(e, w))) => text
            .get(s as usize..e as usize + w.len())
            .unwrap_or_default(),
        _ => "",
    }
}

impl<'a> NameIndex<'a> {
    /// Collects the runs of two to four capitalised words of `text`.
    /// Tokens with a non-zero `inq` (inside quotes: titles, slogans) are
    /// left out. Only words with one space between them make a run.
    pub fn new(text: &'a str, toks: &[Tok], inq: &[u32]) -> Self {
        let mut idx = NameIndex::default();
        let mut run: Vec<(u32, &'a str)> = Vec::new();
        let mut run_start = 0u32;
        let mut prev_end = 0usize;
        // The headline is in title case: its runs are not names.
        let headline_end = match memchr::memchr(b'\n', text.as_bytes()) {
            Some(n) if n < 200 || text[n..].starts_with("\n\n") => n as u32,
            _ => 0,
        };
        let bytes = text.as_bytes();
        for (t, &q) in toks
            .iter()
            .zip(inq)
            .skip_while(|(t, _)| t.start < headline_end)
        {
            let cap = q == 0
                && t.is_word()
                && match bytes[t.start as usize] {
                    b if b < 0x80 => b.is_ascii_uppercase(),
                    _ => capitalised(t.text(text)),
                };
            let adjacent = t.start as usize == prev_end + 1 && bytes.get(prev_end) == Some(&b' ');
            prev_end = t.end as usize;
            if !cap || (!run.is_empty() && !adjacent) {
                if !run.is_empty() {
                    idx.push_run(text, &run, run_start);
                    run.clear();
                }
                if !cap {
                    continue;
                }
            }
            let w = t.text(text);
            let (w, poss) = strip_possessive(w);
            if run.is_empty() {
                run_start = t.start;
            }
            idx.word_at.push((w, t.start));
            run.push((t.start, w));
            if poss {
                idx.push_run(text, &run, run_start);
                run.clear();
            }
        }
        idx.push_run(text, &run, run_start);
        idx
    }

    fn push_run(&mut self, text: &'a str, run: &Run<'a>, at: u32) {
        if run.len() < 2 {
            return;
        }
        for part in run.split(|(_, w)| is_capital_stopword(w)) {
            self.push_part(text, part, at);
        }
    }

    fn push_part(&mut self, text: &'a str, words: &Run<'a>, at: u32) {
        if words.len() < 2 {
            return;
        }
        let mut ws = [""; 8];
        let run: &[&str] = if words.len() <= ws.len() {
            for (slot, &(_, w)) in ws.iter_mut().zip(words) {
                *slot = w;
            }
            &ws[..words.len()]
        } else {
            // Longer runs are never names (at most four words) but may
            // still end in an organisation's kind.
            &words.iter().map(|&(_, w)| w).collect::<Vec<_>>()
        };
        // No word of a part is a capital stopword (`push_run` split the
        // run at them), so a role word here is a title.
        let role = |w: &&str| is_title(w);
        debug_assert!(!run.iter().any(|w| is_capital_stopword(w)));
        let mut start = run.iter().rposition(role).map_or(0, |k| k + 1);
        // `analyst Brian Singer`: a last word that is also a role, after a
        // first name, is a surname.
        if start == run.len() && first_name_gender(run[run.len() - 2]).is_some() {
            start = run[..run.len() - 1]
                .iter()
                .rposition(role)
                .map_or(0, |k| k + 1);
        }
        if let Some(last) = run.last()
            && is_org_word(last)
        {
            // `the Countryside Alliance`, `the Home Office`: kept whole.
            let org = covered(text, words);
            debug_assert_eq!(org, run.join(" "));
            let org = org.to_string();
            let same = self.orgs_by_last.entry((*last).to_string()).or_default();
            if !same.contains(&org) {
                same.push(org);
            }
        }
        let full = run;
        let mut run = &run[start..];
        let mut from = start;
        // `Russian Dmitriy Bogdanov`: a role before two names.
        while run.len() > 2 && (is_affiliation(run[0]) || is_place_prefix(run[0])) {
            run = &run[1..];
            from += 1;
        }
        if !(2..=4).contains(&run.len()) || run.iter().any(|w| is_org_word(w)) {
            return;
        }
        // Four words only with an initial or suffix: `Robert P. Casey Jr.`
        if run.len() == 4 && !run.iter().any(|w| w.ends_with('.')) {
            return;
        }
        if run
            .iter()
            .any(|w| w.len() > 1 && w.chars().all(|c| c.is_uppercase()))
        {
            return;
        }
        let name = covered(text, &words[from..from + run.len()]);
        debug_assert_eq!(name, run.join(" "));
        if let Some(title) = start.checked_sub(1).and_then(|k| full.get(k))
            && is_title(title)
        {
            let same = self.by_title.entry(title.to_lowercase()).or_default();
            if !same.iter().any(|n| n == name) {
                same.push(name.to_string());
            }
        }
        if !self.known.insert(name) {
            return;
        }
        let i = self.names.len();
        let (first, last) = (words[from].1, words[from + run.len() - 1].1);
        self.by_last.entry(last).or_default().push(i);
        self.by_first.entry(first).or_default().push(i);
        self.names.push(name);
        self.first_at.push(at);
        let begins = words[from].0 as usize;
        self.after_the.push(text[..begins].ends_with("the "));
    }

    /// Of the single words in `candidates`, records those that read as
    /// common words, not names: written in lowercase somewhere in the
    /// article (`Plans`, `Research`, `Children`), an abbreviation cut at its
    /// period (`U.S`), or capitalised only where a sentence starts and
    /// never followed by a cue there (`Retail sales …`). One pass over the tokens,
    /// comparing only words of a candidate's length and first letter.
    pub fn mark_common(&mut self, text: &str, toks: &[Tok], candidates: &[String]) {
        let mut cands: Vec<&str> = candidates
            .iter()
            .map(String::as_str)
            .filter(|c| !c.contains(' ') && c.len() > 1 && capitalised(c))
            .collect();
        cands.sort_unstable();
        cands.dedup();
        if cands.is_empty() {
            return;
        }
        let mut lower_seen = vec![false; cands.len()];
        let mut mid_seen = vec![false; cands.len()];
        // `Audiences` when `audience` is written: a plural common noun.
        let sing: Vec<(usize, &str)> = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.len() > 4 && c.ends_with('s') && !c.ends_with("ss"))
            .map(|(i, c)| (i, &c[..c.len() - 1]))
            .collect();
        let lens: u64 = cands
            .iter()
            .chain(sing.iter().map(|(_, c)| c))
            .fold(0, |m, c| m | 1 << c.len().min(63));
        let mut cued = vec![false; cands.len()];
        let mut sing_lower = vec![false; cands.len()];
        let word = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|t| t.text(text));
        let mut prev: Option<&Tok> = None;
        for (k, t) in toks.iter().enumerate() {
            let p = prev.replace(t);
            if !t.is_word() || lens & (1 << ((t.end - t.start) as usize).min(63)) == 0 {
                continue;
            }
            let w = t.text(text);
            if w.starts_with(|c: char| c.is_lowercase())
                && let Some(&(i, _)) = sing
                    .iter()
                    .find(|(_, c)| c.len() == w.len() && c.eq_ignore_ascii_case(w))
            {
                sing_lower[i] = true;
                continue;
            }
            let Some(i) = cands
                .iter()
                .position(|c| c.eq_ignore_ascii_case(w) && c.len() == w.len())
            else {
                continue;
            };
            if w.starts_with(|c: char| c.is_lowercase()) {
                lower_seen[i] = true;
                continue;
            }
            if p.is_some_and(|p| !matches!(p.kind, Kind::Break | Kind::Punct('.' | '!' | '?'))) {
                mid_seen[i] = true;
            }
            // A name opening a sentence goes on to a verb or an aside
            // (`Bryne went on`, `Marr on Tuesday called`, `Pell, the
            // author, said`, `Kessel has pushed`); a common noun to
            // another content word (`Plans include`, `Retail sales`).
            let next = word(k + 1);
            let person_like = match next {
                None => toks.get(k + 1).is_some_and(|n| !n.is_word()),
                Some(n) => {
                    is_cue(n)
                        || is_aux_or_adverb(n)
                        || matches!(
                            n,
                            "went" | "on" | "in" | "at" | "of" | "for" | "from" | "and" | "who"
                        )
                }
            };
            if person_like {
                cued[i] = true;
            }
        }
        for (i, c) in cands.iter().enumerate() {
            // `U.S. corn`: an abbreviation cut at its period.
            let abbreviation = c.contains('.');
            if lower_seen[i]
                || abbreviation
                || !(mid_seen[i] || cued[i])
                || sing_lower[i] && !mid_seen[i]
            {
                self.common.push(c.to_string());
            }
        }
    }

    /// Whether `name` was found by [`NameIndex::mark_common`] to be a
    /// common word of this article.
    pub fn is_common(&self, name: &str) -> bool {
        self.common.iter().any(|c| c == name)
    }

    /// The one organisation the article names with `kind` as its last word
    /// (`Alliance` → `Countryside Alliance`), if there is exactly one.
    pub fn organisation_ending_in(&self, kind: &str) -> Option<&str> {
        match self.orgs_by_last.get(kind).map(Vec::as_slice) {
            Some([only]) => Some(only.as_str()),
            _ => None,
        }
    }

    /// The people the article names right after `title` (`the governor`
    /// → `Garrey Carruthers` of `Governor Garrey Carruthers`), in order.
    pub fn titled(&self, title: &str) -> &[String] {
        self.by_title
            .get(&title.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// The fullest unambiguous form of `name` in the article, or `name`.
    pub fn canonical(&self, name: &str) -> String {
        let mut words = name.split_whitespace();
        let (Some(only), None) = (words.next(), words.next()) else {
            return name.to_string();
        };
        if let Some(found) = self.by_last.get(only) {
            return self.fullest(found).unwrap_or_else(|| name.to_string());
        }
        // By first word (`Wi` -> `Wi Sung‑lac`) only when the full name
        // came first: a word written alone before `Trump Train` appears is
        // a name of its own, not the start of that one.
        if let Some(found) = self.by_first.get(only) {
            let alone_at = self.first_written(only).unwrap_or(0);
            let introduced: Vec<usize> = (found.iter().copied())
                .filter(|&i| self.first_at[i] <= alone_at && !self.after_the[i])
                .collect();
            return self
                .fullest(&introduced)
                .unwrap_or_else(|| name.to_string());
        }
        name.to_string()
    }

    /// Where the capitalised word `w` is first written, alone or in a name.
    fn first_written(&self, w: &str) -> Option<u32> {
        let first = self.first_written.get_or_init(|| {
            let mut first = HashMap::default();
            for &(x, at) in &self.word_at {
                first.entry(x).or_insert(at);
            }
            first
        });
        first.get(w).copied()
    }

    /// The one candidate every other candidate is part of, if there is one.
    fn fullest(&self, found: &[usize]) -> Option<String> {
        // Read off the names' words in place: no `Vec` per name asked.
        let tokens = |i: usize| self.names[i].split(' ');
        let best = *found
            .iter()
            .max_by_key(|&&i| (tokens(i).count(), self.names[i].len()))?;
        found
            .iter()
            .all(|&i| tokens(i).all(|t| tokens(best).any(|b| b == t)))
            .then(|| self.names[best].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::tokens::tokenize;

    fn canon(text: &str, name: &str) -> String {
        let toks = tokenize(text);
        NameIndex::new(text, &toks, &vec![0; toks.len()]).canonical(name)
    }

    #[test]
    fn expands_surnames_and_first_names() {
        let t = "Adviser Wi Sung‑lac spoke. Wi left. Senator James E. Clyburn came.";
        assert_eq!(canon(t, "Wi"), "Wi Sung‑lac");
        assert_eq!(canon(t, "Clyburn"), "James E. Clyburn");
    }

    #[test]
    fn a_role_word_after_a_first_name_is_a_surname() {
        let t = "The key is oil, said analyst Brian Singer. Prime Minister Ana Ruiz spoke.";
        assert_eq!(canon(t, "Singer"), "Brian Singer");
        assert_eq!(canon(t, "Minister"), "Minister");
    }

    #[test]
    fn names_are_the_words_as_written_with_one_space() {
        // Possessives cut, runs split at stopwords, a double space parts words.
        let t = "Then Ana Ruiz’s aide Luis  Ortega and Maria Souza spoke. \
                 Ortega, Ruiz and Souza left; the Countryside Alliance's chief came.";
        let toks = tokenize(t);
        let idx = NameIndex::new(t, &toks, &vec![0; toks.len()]);
        assert_eq!(idx.names, ["Ana Ruiz", "Maria Souza"]);
        assert_eq!(canon(t, "Ruiz"), "Ana Ruiz");
        assert_eq!(canon(t, "Ortega"), "Ortega");
        assert_eq!(
            idx.organisation_ending_in("Alliance"),
            Some("Countryside Alliance")
        );
        assert_eq!(
            idx.first_written("Ortega"),
            t.find("Ortega").map(|n| n as u32)
        );
    }

    #[test]
    fn the_fullest_name_holding_every_other_wins() {
        let t = "Ana Ruiz came. Then Ana Maria Ruiz spoke. Ruiz left.";
        assert_eq!(canon(t, "Ruiz"), "Ana Maria Ruiz");
        let t = "Ana Ruiz came. Then Luis Maria Ruiz spoke. Ruiz left.";
        assert_eq!(canon(t, "Ruiz"), "Ruiz");
    }

    #[test]
    fn ambiguous_surname_stays_short() {
        let t = "Ana Ruiz met Luis Ruiz. Ruiz said no.";
        assert_eq!(canon(t, "Ruiz"), "Ruiz");
    }
}
