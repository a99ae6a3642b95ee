//! The vocabulary: speech cues, titles, pronouns, names and organisation
//! words, read from the plain-text lists in `assets/lexicon/`.
//!
//! Every list is one word or phrase a line (`#` starts a comment), compiled
//! in with `include_str!` and parsed once into hash maps behind
//! [`Lexicon::get`]. The code holds no word lists, only what each list means.
//!
//! # The case rule
//! Each file says in its header how its words are matched, and there are
//! only two ways:
//! - `case: fold`: entries are written in lower case and a word is looked up
//!   with its ASCII letters lowered (`Sen`, `SEN` and `sen` are one word). A
//!   word with other letters, or longer than 24 bytes, is in no such list.
//! - `case: exact`: entries are written as they must appear and a word
//!   matches only as written (`That` opening a sentence is no determiner,
//!   `may` is an auxiliary but `May` a month).
//!
//! The lists are general English newswriting vocabulary, not names from any
//! data. The sets are `HashMap`s keyed by bytes and hashed with
//! `rustc_hash`, behind a first-byte/length filter, because they are asked
//! about every word of every article, where SipHash (or a byte-at-a-time
//! hash, or a UTF-8 check of each lowered word) costs a measurable share of
//! extraction.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// How a list's words are matched (see the module's case rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Lower-case entries; words are looked up with ASCII letters lowered.
    Fold,
    /// Entries as written; words match only as written.
    Exact,
}

/// One list of `assets/lexicon/`: its words, each with a value (a gender,
/// a lemma, or nothing), and a cheap first-byte/length filter in front of
/// the hash lookup.
///
/// Words are keyed by their bytes and hashed with `rustc_hash` (a few
/// multiplications for a short word, where FNV costs a step per byte), so
/// a folded word lowered into a stack buffer is looked up as it is, with no
/// UTF-8 check and no `String`.
struct WordList<V: 'static> {
    case: Case,
    words: FxHashMap<&'static [u8], V>,
    /// Per ASCII first byte: bit n set when some entry has n bytes.
    filter: [u32; 128],
}

impl<V> WordList<V> {
    fn new(case: Case) -> Self {
        WordList {
            case,
            words: FxHashMap::default(),
            filter: [0; 128],
        }
    }

    fn insert(&mut self, w: &'static str, v: V) {
        if let Some(&c) = w.as_bytes().first()
            && c.is_ascii()
            && w.len() < 32
        {
            self.filter[usize::from(c)] |= 1 << w.len();
        }
        self.words.insert(w.as_bytes(), v);
    }

    /// Whether the filter lets a word of `len` bytes opening with the
    /// ASCII byte `c` through (it may be an entry).
    fn may_hold(&self, c: u8, len: usize) -> bool {
        self.filter[usize::from(c & 0x7f)] & (1 << len) != 0
    }

    /// The entry `w` is, looked up as written whatever the list's case.
    fn get_as_written(&self, w: &str) -> Option<&V> {
        let &c = w.as_bytes().first()?;
        if c.is_ascii() && w.len() < 32 && !self.may_hold(c, w.len()) {
            return None;
        }
        self.words.get(w.as_bytes())
    }

    /// The entry `w` is, by the list's case rule.
    fn get(&self, w: &str) -> Option<&V> {
        match self.case {
            Case::Exact => self.get_as_written(w),
            Case::Fold => {
                let b = w.as_bytes();
                let &c = b.first()?;
                // The filter first: most words asked about are in no list,
                // and need not be copied.
                if b.len() > FOLD_MAX || !b.is_ascii() {
                    return None;
                }
                if !self.may_hold(c.to_ascii_lowercase(), b.len()) {
                    return None;
                }
                let mut buf = [0u8; FOLD_MAX];
                let low = &mut buf[..b.len()];
                low.copy_from_slice(b);
                low.make_ascii_lowercase();
                self.words.get(&*low)
            }
        }
    }

    fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

/// The longest word a folded list is asked about (see the case rule).
const FOLD_MAX: usize = 24;

/// A file of `assets/lexicon/`, by name.
macro_rules! lexicon_file {
    ($name:literal) => {
        ($name, include_str!(concat!("../../assets/lexicon/", $name)))
    };
}

/// Every list file, with its name.
pub const FILES: &[(&str, &str)] = &[
    lexicon_file!("abbreviations.txt"),
    lexicon_file!("affiliations.txt"),
    lexicon_file!("aux_adverbs.txt"),
    lexicon_file!("auxiliaries.txt"),
    lexicon_file!("capital_stopwords.txt"),
    lexicon_file!("compound_tails.txt"),
    lexicon_file!("contractions.txt"),
    lexicon_file!("cue_verbs.txt"),
    lexicon_file!("description_openers.txt"),
    lexicon_file!("descriptor_participles.txt"),
    lexicon_file!("determiners.txt"),
    lexicon_file!("document_nouns.txt"),
    lexicon_file!("first_names.txt"),
    lexicon_file!("gendered_titles.txt"),
    lexicon_file!("generational_suffixes.txt"),
    lexicon_file!("group_subjects.txt"),
    lexicon_file!("name_particles.txt"),
    lexicon_file!("name_run_stops.txt"),
    lexicon_file!("naming_cues.txt"),
    lexicon_file!("np_stops.txt"),
    lexicon_file!("org_nouns.txt"),
    lexicon_file!("org_words.txt"),
    lexicon_file!("person_nouns.txt"),
    lexicon_file!("places.txt"),
    lexicon_file!("pronouns.txt"),
    lexicon_file!("roles.txt"),
    lexicon_file!("speaker_org_words.txt"),
    lexicon_file!("speech_nouns.txt"),
    lexicon_file!("surname_titles.txt"),
    lexicon_file!("term_markers.txt"),
    lexicon_file!("title_markers.txt"),
    lexicon_file!("title_small_words.txt"),
    lexicon_file!("titles.txt"),
    lexicon_file!("weekdays.txt"),
];

/// The text of the list file `name` (empty for a name not in [`FILES`]).
fn file(name: &str) -> &'static str {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, text)| text)
}

/// The case rule a file's header declares (`# case: fold` or `# case:
/// exact`); a file that declares none is folded.
pub fn declared_case(text: &str) -> Option<Case> {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| {
            let rule = l.trim_start_matches('#').trim().strip_prefix("case:")?;
            match rule.split_whitespace().next()? {
                "fold" => Some(Case::Fold),
                "exact" => Some(Case::Exact),
                _ => None,
            }
        })
}

/// The entries of a list file: each line without its comment, trimmed,
/// blank lines skipped.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
}

/// One entry of a tagged list (`word<TAB>tag`): the word and its tag.
fn tagged(line: &str) -> Option<(&str, &str)> {
    let (w, tag) = line.split_once('\t')?;
    Some((w.trim(), tag.trim()))
}

/// One line of `cue_verbs.txt` (`lemma: form form …`): the lemma and its forms.
fn cue_line(line: &str) -> Option<(&str, impl Iterator<Item = &str>)> {
    let (lemma, forms) = line.split_once(':')?;
    Some((lemma.trim(), forms.split_whitespace()))
}

fn plain(name: &str) -> WordList<()> {
    let text = file(name);
    let mut list = WordList::new(declared_case(text).unwrap_or(Case::Fold));
    for w in entries(text) {
        list.insert(w, ());
    }
    list
}

/// A list of `word<TAB>tag` lines, the tag read by `read` (a line whose
/// tag it does not know is left out; the tests check there is none).
fn tagged_list<V>(name: &str, read: fn(&str) -> Option<V>) -> WordList<V> {
    let text = file(name);
    let mut list = WordList::new(declared_case(text).unwrap_or(Case::Fold));
    for (w, v) in entries(text).filter_map(tagged) {
        if let Some(v) = read(v) {
            list.insert(w, v);
        }
    }
    list
}

/// A person's gender, as a title or first name tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// `f` in the lists: `Mrs`, `Mary`.
    Female,
    /// `m` in the lists: `Mr`, `John`.
    Male,
}

impl Gender {
    fn read(tag: &str) -> Option<Gender> {
        match tag {
            "f" => Some(Gender::Female),
            "m" => Some(Gender::Male),
            _ => None,
        }
    }
}

/// What a speaker pronoun stands for (`pronouns.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// One person: `he`, `she`, `I`.
    Person,
    /// Several people: `they`, `we`.
    Group,
    /// A thing or an organisation: `it`.
    Thing,
}

impl PronounKind {
    fn read(tag: &str) -> Option<PronounKind> {
        match tag {
            "person" => Some(PronounKind::Person),
            "group" => Some(PronounKind::Group),
            "thing" => Some(PronounKind::Thing),
            _ => None,
        }
    }
}

/// Every word list of `assets/lexicon/`, parsed once.
pub struct Lexicon {
    /// Cue forms, each with its lemma.
    cues: WordList<&'static str>,
    naming_cues: WordList<()>,
    /// `titles.txt` and `roles.txt`.
    titles: WordList<()>,
    gendered_titles: WordList<Gender>,
    first_names: WordList<Gender>,
    abbreviations: WordList<()>,
    pronouns: WordList<PronounKind>,
    contractions: WordList<()>,
    speech_nouns: WordList<()>,
    determiners: WordList<()>,
    aux_adverbs: WordList<()>,
    auxiliaries: WordList<()>,
    org_words: WordList<()>,
    capital_stopwords: WordList<()>,
    person_nouns: WordList<()>,
    affiliations: WordList<()>,
    places: WordList<()>,
    org_nouns: WordList<()>,
    document_nouns: WordList<()>,
    np_stops: WordList<()>,
    name_particles: WordList<()>,
    weekdays: WordList<()>,
    generational_suffixes: WordList<()>,
    speaker_org_words: WordList<()>,
    surname_titles: WordList<()>,
    name_run_stops: WordList<()>,
    compound_tails: WordList<()>,
    description_openers: WordList<()>,
    descriptor_participles: WordList<()>,
    group_subjects: WordList<()>,
    term_markers: WordList<()>,
    title_markers: WordList<()>,
    title_small_words: WordList<()>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    fn load() -> Lexicon {
        let text = file("cue_verbs.txt");
        let mut cues = WordList::new(declared_case(text).unwrap_or(Case::Fold));
        for (lemma, forms) in entries(text).filter_map(cue_line) {
            for f in forms {
                cues.insert(f, lemma);
            }
        }
        let titles_text = file("titles.txt");
        let mut titles = WordList::new(declared_case(titles_text).unwrap_or(Case::Fold));
        for w in entries(titles_text).chain(entries(file("roles.txt"))) {
            titles.insert(w, ());
        }
        Lexicon {
            cues,
            naming_cues: plain("naming_cues.txt"),
            titles,
            gendered_titles: tagged_list("gendered_titles.txt", Gender::read),
            first_names: tagged_list("first_names.txt", Gender::read),
            abbreviations: plain("abbreviations.txt"),
            pronouns: tagged_list("pronouns.txt", PronounKind::read),
            contractions: plain("contractions.txt"),
            speech_nouns: plain("speech_nouns.txt"),
            determiners: plain("determiners.txt"),
            aux_adverbs: plain("aux_adverbs.txt"),
            org_words: plain("org_words.txt"),
            capital_stopwords: plain("capital_stopwords.txt"),
            person_nouns: plain("person_nouns.txt"),
            affiliations: plain("affiliations.txt"),
            places: plain("places.txt"),
            org_nouns: plain("org_nouns.txt"),
            document_nouns: plain("document_nouns.txt"),
            np_stops: plain("np_stops.txt"),
            name_particles: plain("name_particles.txt"),
            weekdays: plain("weekdays.txt"),
            auxiliaries: plain("auxiliaries.txt"),
            generational_suffixes: plain("generational_suffixes.txt"),
            speaker_org_words: plain("speaker_org_words.txt"),
            surname_titles: plain("surname_titles.txt"),
            name_run_stops: plain("name_run_stops.txt"),
            compound_tails: plain("compound_tails.txt"),
            description_openers: plain("description_openers.txt"),
            descriptor_participles: plain("descriptor_participles.txt"),
            group_subjects: plain("group_subjects.txt"),
            term_markers: plain("term_markers.txt"),
            title_markers: plain("title_markers.txt"),
            title_small_words: plain("title_small_words.txt"),
        }
    }

    /// The lemma of a speech cue form (`warned` -> `warn`), for a word in
    /// lower case or capitalised (`Said`), 3 to 14 bytes long.
    pub fn cue_lemma(&self, w: &str) -> Option<&'static str> {
        let b = w.as_bytes();
        if !(3..=14).contains(&b.len()) || !b[1].is_ascii_lowercase() {
            return None;
        }
        // A word opening in lower case is all lower case or no cue.
        let found = if b[0].is_ascii_lowercase() {
            self.cues.get_as_written(w)
        } else {
            self.cues.get(w)
        };
        found.copied()
    }

    /// Whether `w` is a speech cue form (`cue_verbs.txt`).
    pub fn is_cue(&self, w: &str) -> bool {
        self.cue_lemma(w).is_some()
    }

    /// Whether `w` is a cue introducing a name or label (`naming_cues.txt`).
    pub fn is_naming_cue(&self, w: &str) -> bool {
        self.naming_cues.contains(w)
    }

    /// Whether `w` (a trailing period ignored) is a title or role word
    /// (`titles.txt`, `roles.txt`).
    pub fn is_title(&self, w: &str) -> bool {
        self.titles.contains(w.strip_suffix('.').unwrap_or(w))
    }

    /// The gender a title or role word tells (`gendered_titles.txt`).
    pub fn title_gender(&self, w: &str) -> Option<Gender> {
        self.gendered_titles.get(w).copied()
    }

    /// The gender a first name tells (`first_names.txt`).
    pub fn first_name_gender(&self, w: &str) -> Option<Gender> {
        self.first_names.get(w).copied()
    }

    /// Whether `w` (without its period) is an abbreviation (`abbreviations.txt`).
    pub fn is_abbreviation(&self, w: &str) -> bool {
        self.abbreviations.contains(w)
    }

    /// What a speaker pronoun stands for (`pronouns.txt`).
    pub fn pronoun(&self, w: &str) -> Option<PronounKind> {
        self.pronouns.get(w).copied()
    }

    /// Whether `w` before an apostrophe makes a pronoun with a verb
    /// attached (`contractions.txt`).
    pub fn is_contraction_subject(&self, w: &str) -> bool {
        self.contractions.contains(w)
    }

    /// Whether `w` is a noun of speech (`speech_nouns.txt`).
    pub fn is_speech_noun(&self, w: &str) -> bool {
        self.speech_nouns.contains(w)
    }

    /// Whether `w` starts a description (`determiners.txt`).
    pub fn is_determiner(&self, w: &str) -> bool {
        self.determiners.contains(w)
    }

    /// Whether `w` may stand between a subject and its cue (`aux_adverbs.txt`).
    pub fn is_aux_or_adverb(&self, w: &str) -> bool {
        self.aux_adverbs.contains(w)
    }

    /// Whether `w` marks a name as an organisation or place (`org_words.txt`).
    pub fn is_org_word(&self, w: &str) -> bool {
        self.org_words.contains(w)
    }

    /// Whether `w` is a capitalised word that is never part of a name
    /// (`capital_stopwords.txt`).
    pub fn is_capital_stopword(&self, w: &str) -> bool {
        self.capital_stopwords.contains(w)
    }

    /// Whether `w` heads a description of a person (`person_nouns.txt`).
    pub fn is_person_noun(&self, w: &str) -> bool {
        self.person_nouns.contains(w)
    }

    /// Whether `w` is a party or nationality adjective (`affiliations.txt`).
    pub fn is_affiliation(&self, w: &str) -> bool {
        self.affiliations.contains(w)
    }

    /// Whether `w` is a place written as a role before a name (`places.txt`).
    pub fn is_place_prefix(&self, w: &str) -> bool {
        self.places.contains(w)
    }

    /// Whether `w` heads a description of an organisation (`org_nouns.txt`).
    pub fn is_org_noun(&self, w: &str) -> bool {
        self.org_nouns.contains(w)
    }

    /// Whether `w` heads a document that speaks for its author
    /// (`document_nouns.txt`).
    pub fn is_document_noun(&self, w: &str) -> bool {
        self.document_nouns.contains(w)
    }

    /// Whether `w` cannot end a noun phrase (`np_stops.txt`).
    pub fn is_np_stop(&self, w: &str) -> bool {
        self.np_stops.contains(w)
    }

    /// Whether `w` is a particle inside a name (`name_particles.txt`).
    pub fn is_name_particle(&self, w: &str) -> bool {
        self.name_particles.contains(w)
    }

    /// Whether `w` is an auxiliary verb (`auxiliaries.txt`).
    pub fn is_auxiliary(&self, w: &str) -> bool {
        self.auxiliaries.contains(w)
    }

    /// Whether `w` is a day of the week (`weekdays.txt`).
    pub fn is_weekday(&self, w: &str) -> bool {
        self.weekdays.contains(w)
    }

    /// Whether `w` (its periods trimmed) is a generational suffix
    /// (`generational_suffixes.txt`).
    pub fn is_generational_suffix(&self, w: &str) -> bool {
        self.generational_suffixes.contains(w)
    }

    /// Whether `w` (its periods trimmed) makes a speaker an organisation
    /// when speakers are merged (`speaker_org_words.txt`).
    pub fn is_speaker_org_word(&self, w: &str) -> bool {
        self.speaker_org_words.contains(w)
    }

    /// Whether `w` is a title read as a first name before a surname
    /// (`surname_titles.txt`).
    pub fn is_surname_title(&self, w: &str) -> bool {
        self.surname_titles.contains(w)
    }

    /// Whether reading a full name leftwards stops at `w` (`name_run_stops.txt`).
    pub fn is_name_run_stop(&self, w: &str) -> bool {
        self.name_run_stops.contains(w)
    }

    /// Whether `w` after a hyphen makes a compound adjective (`compound_tails.txt`).
    pub fn is_compound_tail(&self, w: &str) -> bool {
        self.compound_tails.contains(w)
    }

    /// Whether `w` opens a description as a sentence's subject
    /// (`description_openers.txt`).
    pub fn is_description_opener(&self, w: &str) -> bool {
        self.description_openers.contains(w)
    }

    /// Whether `w`, in -ing, can describe a person (`descriptor_participles.txt`).
    pub fn is_descriptor_participle(&self, w: &str) -> bool {
        self.descriptor_participles.contains(w)
    }

    /// Whether `w` alone is a subject standing for people (`group_subjects.txt`).
    pub fn is_group_subject(&self, w: &str) -> bool {
        self.group_subjects.contains(w)
    }

    /// Whether `w` before a short quote makes it a term (`term_markers.txt`).
    pub fn is_term_marker(&self, w: &str) -> bool {
        self.term_markers.contains(w)
    }

    /// Whether `w` before a quote announces a title (`title_markers.txt`).
    pub fn is_title_marker(&self, w: &str) -> bool {
        self.title_markers.contains(w)
    }

    /// Whether `w` stays in lower case inside a title (`title_small_words.txt`).
    pub fn is_title_small_word(&self, w: &str) -> bool {
        self.title_small_words.contains(w)
    }
}

// The functions the extractor calls, each one list's meaning.

/// A party or nationality adjective (`Tory`, `Russian`, `Tory’s`,
/// `Russians`): a role before a name, never a speaker alone.
pub fn is_affiliation(w: &str) -> bool {
    let lex = Lexicon::get();
    lex.is_affiliation(w.trim_end_matches(['’', '\'']).trim_end_matches('s'))
        || lex.is_affiliation(w)
}

/// A place written before a person's name as a role: `Vermont`.
pub fn is_place_prefix(w: &str) -> bool {
    Lexicon::get().is_place_prefix(w)
}

/// The head noun of a description standing for an organisation: `the
/// company`, `the utility`.
pub fn is_org_noun(w: &str) -> bool {
    Lexicon::get().is_org_noun(w)
}

/// The head noun of a document that speaks for its author: `the report`.
pub fn is_document_noun(w: &str) -> bool {
    Lexicon::get().is_document_noun(w)
}

/// Whether `w` (as written) is a speech cue verb form.
pub fn is_cue(w: &str) -> bool {
    Lexicon::get().is_cue(w)
}

/// Cues that introduce a name or label rather than a statement: `calling it`.
pub fn is_naming_cue(w: &str) -> bool {
    Lexicon::get().is_naming_cue(w)
}

/// Whether `w` is a participle cue, whose subject is the clause's subject.
pub fn is_participle(w: &str) -> bool {
    w.ends_with("ing") && !matches!(w, "according" | "According")
}

/// Whether `w` is a title or role word stripped from a name: `Sen.`, `President`.
pub fn is_title(w: &str) -> bool {
    Lexicon::get().is_title(w)
}

/// A word whose period ends a sentence: `Trump.` but not `J.`, `Sen.`,
/// `U.S.`; a name never runs on past it (`Trump. Recently`).
pub(crate) fn ends_sentence(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('.') else {
        return false;
    };
    stem.chars().count() > 2 && !stem.contains('.') && !is_abbreviation(stem)
}

/// Whether `w` is an abbreviation whose period does not end a sentence.
pub fn is_abbreviation(w: &str) -> bool {
    Lexicon::get().is_abbreviation(w)
}

/// `w` without its trailing possessives: the same as
/// `w.trim_end_matches("’s").trim_end_matches("'s")`, without the
/// substring searcher that a `&str` pattern builds on every call.
pub fn trim_possessives(mut w: &str) -> &str {
    while let Some(s) = w.strip_suffix("’s") {
        w = s;
    }
    while let Some(s) = w.strip_suffix("'s") {
        w = s;
    }
    w
}

/// Personal pronouns that can be a speaker.
pub fn is_pronoun(w: &str) -> bool {
    Lexicon::get().pronoun(w).is_some()
}

/// Nouns for something said, after a possessive: `his call for “…”`.
pub fn is_speech_noun(w: &str) -> bool {
    Lexicon::get().is_speech_noun(w)
}

/// Pronouns that stand for a person.
pub fn is_person_pronoun(w: &str) -> bool {
    Lexicon::get().pronoun(w) == Some(PronounKind::Person)
}

/// Words that start a description: `the adviser`, `a spokesman`.
pub fn is_determiner(w: &str) -> bool {
    Lexicon::get().is_determiner(w)
}

/// Words between a subject and its cue: `has long criticized`, `also said`.
pub fn is_aux_or_adverb(w: &str) -> bool {
    Lexicon::get().is_aux_or_adverb(w)
}

/// Words that mark a name as an organisation or place, not a person.
pub fn is_org_word(w: &str) -> bool {
    Lexicon::get().is_org_word(w)
}

/// Capitalised words that start sentences or name days and months, never
/// part of a person's name; and a pronoun with a verb attached (`They’re`).
pub fn is_capital_stopword(w: &str) -> bool {
    let lex = Lexicon::get();
    lex.is_capital_stopword(w)
        || apostrophe(w).is_some_and(|pos| lex.is_contraction_subject(&w[..pos]))
}

/// Where the first apostrophe (`'` or `’`) of `w` is: `w.find(['’', '\''])`
/// without the char-by-char decoding, as this is asked of every
/// capitalised word.
fn apostrophe(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    (0..b.len()).find(|&i| b[i] == b'\'' || (b[i] == 0xE2 && b[i + 1..].starts_with(&[0x80, 0x99])))
}

/// Head nouns of descriptions that stand for a person: `the adviser`.
pub fn is_person_noun(w: &str) -> bool {
    Lexicon::get().is_person_noun(w)
}

/// `Some(true)` for a title or role word that marks a woman (`Mrs`,
/// `congresswoman`), `Some(false)` for one that marks a man (`Mr`).
pub fn gendered_title(w: &str) -> Option<bool> {
    Some(Lexicon::get().title_gender(w)? == Gender::Female)
}

/// `Some(true)` for a common woman's first name, `Some(false)` for a
/// common man's; `None` for others and for names given to both.
pub fn first_name_gender(w: &str) -> Option<bool> {
    Some(Lexicon::get().first_name_gender(w)? == Gender::Female)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn trim_possessives_is_trim_end_matches() {
        for w in [
            "Ruiz’s",
            "Ruiz's",
            "Ruiz’s's",
            "Ruiz's’s",
            "’s",
            "'s'",
            "Sanders'",
            "s",
            "",
            "Ruiz",
            "Ruiz’",
            "Ruiz’s’s",
        ] {
            let slow = w.trim_end_matches("’s").trim_end_matches("'s");
            assert_eq!(trim_possessives(w), slow, "{w}");
        }
    }

    #[test]
    fn apostrophe_is_find() {
        for w in [
            "They’re",
            "They're",
            "It’s’",
            "Don't",
            "A—’b",
            "—",
            "’",
            "'",
            "",
            "Ruiz",
            "x’",
            "\u{e2}\u{80}",
            "é’s",
        ] {
            assert_eq!(apostrophe(w), w.find(['’', '\'']), "{w:?}");
        }
    }

    #[test]
    fn folded_lookup_is_lowercase_lookup() {
        // Against the rule written out: lowered with `to_ascii_lowercase`,
        // then looked up as written; short of 25 bytes and ASCII only.
        let lex = Lexicon::get();
        let slow = |w: &str| {
            w.len() <= 24
                && w.is_ascii()
                && lex.titles.get_as_written(&w.to_ascii_lowercase()).is_some()
        };
        let mut asked = vec![
            "",
            "S",
            "SEN",
            "Sen",
            "sen",
            "Senator",
            "senATOR",
            "Señor",
            "president",
            "PRESIDENTIAL",
            "abcdefghijklmnopqrstuvwxy",
            "abcdefghijklmnopqrstuvwx",
        ];
        asked.extend(words("titles.txt"));
        let upper: Vec<String> = words("titles.txt")
            .iter()
            .map(|w| w.to_uppercase())
            .collect();
        asked.extend(upper.iter().map(String::as_str));
        for w in asked {
            assert_eq!(lex.titles.contains(w), slow(w), "{w:?}");
        }
    }

    /// The words of a list file, without tags and with cue forms (not
    /// lemmas): what a lookup can find.
    fn words(name: &str) -> Vec<&'static str> {
        let text = file(name);
        match name {
            "cue_verbs.txt" => entries(text)
                .filter_map(cue_line)
                .flat_map(|(_, forms)| forms)
                .collect(),
            _ => entries(text)
                .map(|l| tagged(l).map_or(l, |(w, _)| w))
                .collect(),
        }
    }

    #[test]
    fn every_file_declares_its_case_and_every_line_parses() {
        let tagged_files = ["first_names.txt", "gendered_titles.txt", "pronouns.txt"];
        for (name, text) in FILES {
            assert!(text.starts_with("# "), "{name} has no header comment");
            let case = declared_case(text).unwrap_or_else(|| panic!("{name} declares no case"));
            for line in entries(text) {
                let ok = match *name {
                    "cue_verbs.txt" => cue_line(line).is_some_and(|(l, mut f)| {
                        !l.is_empty() && !l.contains(' ') && f.next().is_some()
                    }),
                    "pronouns.txt" => tagged(line)
                        .and_then(|(_, t)| PronounKind::read(t))
                        .is_some(),
                    n if tagged_files.contains(&n) => {
                        tagged(line).and_then(|(_, t)| Gender::read(t)).is_some()
                    }
                    _ => !line.contains('\t'),
                };
                assert!(ok, "{name}: cannot read the line {line:?}");
            }
            for w in words(name) {
                assert!(
                    !w.is_empty() && !w.contains(char::is_whitespace),
                    "{name}: {w:?}"
                );
                if case == Case::Fold {
                    assert!(
                        w.is_ascii() && w.len() <= 24 && w == w.to_lowercase(),
                        "{name} is folded: {w} must be short lower-case ASCII"
                    );
                }
            }
        }
    }

    #[test]
    fn every_list_file_is_loaded() {
        let src = include_str!("lexicon.rs");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lexicon");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, listed, "assets/lexicon/ and FILES differ");
        // Outside the tests, a file is named once in FILES and once where
        // `Lexicon::load` reads it.
        let code = src.split("#[cfg(test)]").next().unwrap_or_default();
        for name in listed {
            let named = code.matches(&format!("(\"{name}\"")).count();
            assert!(named >= 2, "{name} is listed but never read");
        }
    }

    #[test]
    fn no_file_lists_a_word_twice() {
        for (name, _) in FILES {
            let mut seen = HashSet::new();
            for w in words(name) {
                assert!(seen.insert(w), "{name} lists {w} twice");
            }
        }
        // titles.txt and roles.txt are read as one list.
        let titles: HashSet<_> = words("titles.txt").into_iter().collect();
        for w in words("roles.txt") {
            assert!(!titles.contains(w), "{w} is in titles.txt and roles.txt");
        }
    }

    /// Lists that say opposite things of one word: a word in both would
    /// make one of them wrong.
    const CONTRADICTIONS: &[(&str, &str, &str)] = &[
        (
            "first_names.txt",
            "capital_stopwords.txt",
            "a name is part of a name",
        ),
        (
            "first_names.txt",
            "org_words.txt",
            "a person's name is no organisation",
        ),
        ("first_names.txt", "titles.txt", "a title is no first name"),
        ("first_names.txt", "roles.txt", "a role is no first name"),
        (
            "first_names.txt",
            "affiliations.txt",
            "an affiliation is no first name",
        ),
        (
            "person_nouns.txt",
            "org_nouns.txt",
            "a person is no organisation",
        ),
        ("org_nouns.txt", "titles.txt", "an organisation is no title"),
        ("org_nouns.txt", "roles.txt", "an organisation is no role"),
        (
            "document_nouns.txt",
            "person_nouns.txt",
            "a document is no person",
        ),
        (
            "document_nouns.txt",
            "org_nouns.txt",
            "a document is no organisation",
        ),
        (
            "cue_verbs.txt",
            "person_nouns.txt",
            "a cue verb is no person",
        ),
        ("cue_verbs.txt", "determiners.txt", "a cue is no determiner"),
        (
            "cue_verbs.txt",
            "np_stops.txt",
            "a cue ends a phrase before it",
        ),
        (
            "determiners.txt",
            "person_nouns.txt",
            "a determiner heads no description",
        ),
        (
            "pronouns.txt",
            "determiners.txt",
            "a pronoun is no determiner",
        ),
        (
            "affiliations.txt",
            "places.txt",
            "a role is a party or a place",
        ),
        (
            "name_particles.txt",
            "np_stops.txt",
            "a particle goes on a name",
        ),
        (
            "generational_suffixes.txt",
            "surname_titles.txt",
            "a suffix follows, a title precedes",
        ),
        (
            "speaker_org_words.txt",
            "surname_titles.txt",
            "an organisation has no title",
        ),
    ];

    #[test]
    fn no_word_is_in_two_contradictory_lists() {
        // Compared as each lookup sees them: folded lists in lower case.
        let seen = |name: &str| -> HashSet<String> {
            let fold = declared_case(file(name)) == Some(Case::Fold);
            words(name)
                .into_iter()
                .map(|w| {
                    if fold {
                        w.to_lowercase()
                    } else {
                        w.to_string()
                    }
                })
                .collect()
        };
        for (a, b, why) in CONTRADICTIONS {
            let (sa, sb) = (seen(a), seen(b));
            let mut both: Vec<_> = sa.intersection(&sb).collect();
            both.sort();
            assert!(both.is_empty(), "{a} and {b} share {both:?}: {why}");
        }
    }

    #[test]
    fn known_words_are_found_by_their_case_rule() {
        let lex = Lexicon::get();
        assert_eq!(lex.cue_lemma("warned"), Some("warn"));
        assert_eq!(lex.cue_lemma("Said"), Some("say"));
        assert_eq!(lex.cue_lemma("SAID"), None);
        assert!(!lex.is_cue("claims"), "left out as a noun");
        assert!(lex.is_title("Sen.") && lex.is_title("SEN") && lex.is_title("comedian"));
        assert_eq!(lex.title_gender("Mrs"), Some(Gender::Female));
        assert_eq!(lex.first_name_gender("Mary"), Some(Gender::Female));
        assert_eq!(lex.first_name_gender("John"), Some(Gender::Male));
        assert_eq!(
            lex.first_name_gender("JOHN"),
            None,
            "names match as written"
        );
        assert_eq!(lex.pronoun("she"), Some(PronounKind::Person));
        assert_eq!(lex.pronoun("They"), Some(PronounKind::Group));
        assert!(lex.is_determiner("The") && !lex.is_determiner("That"));
        assert!(lex.is_aux_or_adverb("may") && !lex.is_aux_or_adverb("May"));
        assert!(lex.is_org_word("Corp.") && !lex.is_org_word("corp."));
        assert!(lex.is_generational_suffix("jr") && lex.is_speaker_org_word("embassy"));
        assert!(is_capital_stopword("They’re") && !is_capital_stopword("Ruiz’s"));
        assert_eq!(gendered_title("Congresswoman"), Some(true));
    }

    #[test]
    fn affiliations_and_places_are_read_in_any_case() {
        assert!(is_affiliation("Tory"));
        assert!(is_affiliation("Russians"));
        assert!(!is_affiliation("Johnson"));
        assert!(is_place_prefix("Vermont"));
        assert!(!is_place_prefix("Bernie"));
    }

    #[test]
    fn noun_lists_hold_no_titles() {
        for name in [
            "affiliations.txt",
            "places.txt",
            "org_nouns.txt",
            "document_nouns.txt",
        ] {
            for w in words(name) {
                assert!(!is_title(w), "{name}: {w} is a title already");
            }
        }
    }
}
