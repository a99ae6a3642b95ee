//! Word lists: speech cues, titles, pronouns, organisation words.
//!
//! Lists are general English newswriting vocabulary, not names from any data.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the word lists are looked up once per word of every article, and
/// short keys hash much faster this way than with SipHash.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of lowercase ASCII words with a cheap first-letter/length filter
/// in front of the hash lookup.
#[derive(Default)]
struct WordSet {
    words: HashSet<String, BuildHasherDefault<Fnv>>,
    /// Per first letter: bit n set when some word has n bytes.
    filter: [u32; 26],
}

impl WordSet {
    fn insert(&mut self, w: &str) {
        if let Some(&c) = w.as_bytes().first()
            && c.is_ascii_lowercase()
            && w.len() < 32
        {
            self.filter[(c - b'a') as usize] |= 1 << w.len();
        }
        self.words.insert(w.to_string());
    }

    fn remove(&mut self, w: &str) {
        self.words.remove(w);
    }

    fn contains(&self, w: &str) -> bool {
        let Some(&c) = w.as_bytes().first() else {
            return false;
        };
        if !c.is_ascii_lowercase() || w.len() >= 32 {
            return self.words.contains(w);
        }
        self.filter[(c - b'a') as usize] & (1 << w.len()) != 0 && self.words.contains(w)
    }
}

/// Verbs whose every inflection is a speech cue.
const CUE_VERBS: &[&str] = &[
    "add",
    "react",
    "imply",
    "email",
    "explain",
    "ask",
    "note",
    "warn",
    "insist",
    "caution",
    "admit",
    "tweet",
    "declare",
    "reply",
    "respond",
    "conclude",
    "argue",
    "continue",
    "describe",
    "claim",
    "remark",
    "recall",
    "acknowledge",
    "announce",
    "promise",
    "pledge",
    "vow",
    "assure",
    "suggest",
    "urge",
    "blast",
    "blame",
    "accuse",
    "complain",
    "joke",
    "quip",
    "shout",
    "chant",
    "yell",
    "scream",
    "boast",
    "brag",
    "predict",
    "concede",
    "contend",
    "observe",
    "emphasize",
    "emphasise",
    "stress",
    "repeat",
    "reiterate",
    "maintain",
    "confirm",
    "deny",
    "criticize",
    "criticise",
    "mock",
    "slam",
    "praise",
    "testify",
    "mutter",
    "muse",
    "proclaim",
    "apologize",
    "lament",
    "allege",
    "retort",
    "interject",
    "plead",
    "exclaim",
    "whisper",
    "recount",
    "assert",
    "affirm",
    "elaborate",
    "clarify",
    "comment",
    "gush",
    "fume",
    "scoff",
    "chide",
    "scold",
    "threaten",
    "dismiss",
    "characterize",
    "cite",
    "write",
    "say",
    "tell",
    "call",
    "dub",
    "brand",
    "nickname",
    "label",
    "argue",
    "thunder",
    "sneer",
    "rail",
    "lash",
    "warn",
    "muse",
    "opine",
    "posit",
    "reason",
    "tout",
    "hail",
    "decry",
    "lambast",
    "lambaste",
    "deride",
    "ridicule",
    "condemn",
    "denounce",
    "insult",
    "cry",
    "holler",
    "bellow",
    "rant",
    "rave",
    "blurt",
    "grumble",
    "marvel",
    "concur",
    "agree",
    "disagree",
    "answer",
    "query",
    "wonder",
    "demand",
    "inform",
    "advise",
    "predict",
    "speculate",
    "guess",
    "figure",
    "surmise",
    "acknowledge",
    "caution",
    "signal",
    "vent",
    "reveal",
    "disclose",
    "divulge",
    "recall",
    "reminisce",
    "summarize",
    "summarise",
    "counter",
    "charge",
    "question",
    "post",
    "report",
    "state",
    "point",
    "term",
    "refer",
    "read",
    "pronounce",
    "swear",
    "chuckle",
    "laugh",
    "sigh",
    "snap",
    "rebut",
    "fire",
    "shoot",
    "hit",
    "speak",
    "remember",
    "retaliate",
    "bark",
    "exhort",
    "confess",
    "begin",
    "interrupt",
    "chime",
    "reply",
    "mourn",
    "plead",
    "protest",
    "recount",
    "insist",
];

/// Inflections that are too often nouns or other words to count as cues.
const NOT_CUES: &[&str] = &[
    "call",
    "remarks",
    "retort",
    "retorts",
    "email",
    "emails",
    "post",
    "posts",
    "state",
    "states",
    "report",
    "reports",
    "point",
    "points",
    "term",
    "terms",
    "charge",
    "charges",
    "question",
    "questions",
    "answer",
    "answers",
    "counter",
    "read",
    "reading",
    "figure",
    "figures",
    "reason",
    "reasons",
    "fire",
    "fires",
    "shoot",
    "shoots",
    "hit",
    "hits",
    "firing",
    "shooting",
    "hitting",
    "signal",
    "signals",
    "cry",
    "cries",
    "rant",
    "rants",
    "label",
    "labels",
    "brand",
    "brands",
    "demand",
    "demands",
    "guess",
    "query",
    "vent",
    "vents",
    "laugh",
    "laughs",
    "sigh",
    "rail",
    "rails",
    "tout",
    "hail",
    "lash",
    "refer",
    "refers",
    "referring",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "vow",
    "vows",
    "joke",
    "jokes",
    "comment",
    "comments",
    "tweet",
    "tweets",
    "stress",
    "reply",
    "replies",
    "snap",
    "snaps",
    "dub",
    "nickname",
    "nicknames",
    "cite",
    "praise",
    "blame",
    "deny",
    "insult",
    "insults",
    "claim",
    "claims",
    "boast",
    "boasts",
    "chant",
    "chants",
    "shout",
    "shouts",
    "muse",
    "warn",
    "caution",
    "reports",
    "wonder",
    "wonders",
    "whisper",
    "whispers",
    "quip",
    "quips",
    "rave",
    "raves",
    "hits",
    "statement",
    "fired",
    "shot",
    "hit",
    "reading",
    "figured",
    "reasoned",
    "signaled",
    "signalled",
    "laughed",
    "pointing",
    "termed",
];

/// Irregular forms of [`CUE_VERBS`].
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said", "says", "saying", "say"]),
    ("tell", &["told", "tells", "telling", "tell"]),
    ("write", &["wrote", "writes", "writing", "written", "write"]),
    ("read", &["reads", "read"]),
    ("swear", &["swore", "sworn", "swears", "swearing"]),
    ("shoot", &["shot"]),
    ("speak", &["spoke", "speaks", "speaking", "spoken"]),
    ("begin", &["began", "begins"]),
    ("fire", &["fired"]),
    ("hit", &["hit"]),
];

/// Verbs whose final consonant doubles: admitted, quipped.
const DOUBLING: &[&str] = &[
    "admit", "quip", "brag", "slam", "dub", "snap", "rebut", "concur", "label", "refer",
];

fn regular_forms(v: &str) -> Vec<String> {
    let mut out = vec![v.to_string()];
    let bytes = v.as_bytes();
    let last = *bytes.last().unwrap_or(&b'a');
    let before_last = bytes.len().checked_sub(2).map(|i| bytes[i]).unwrap_or(b'a');
    let vowel = |c: u8| b"aeiou".contains(&c);
    let stem = &v[..v.len() - 1];
    if v.ends_with('s') || v.ends_with("sh") || v.ends_with("ch") || v.ends_with('x') {
        out.push(format!("{v}es"));
    } else if last == b'y' && !vowel(before_last) {
        out.push(format!("{stem}ies"));
    } else {
        out.push(format!("{v}s"));
    }
    if DOUBLING.contains(&v) {
        let c = last as char;
        out.push(format!("{v}{c}ed"));
        out.push(format!("{v}{c}ing"));
        out.push(format!("{v}ed"));
        out.push(format!("{v}ing"));
    } else if last == b'e' {
        out.push(format!("{v}d"));
        out.push(format!("{stem}ing"));
    } else if last == b'y' && !vowel(before_last) {
        out.push(format!("{stem}ied"));
        out.push(format!("{v}ing"));
    } else {
        out.push(format!("{v}ed"));
        out.push(format!("{v}ing"));
    }
    out
}

fn cue_set() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        let irregular: HashMap<&str, &[&str]> = IRREGULAR.iter().copied().collect();
        let mut set = WordSet::default();
        for v in CUE_VERBS {
            if let Some(forms) = irregular.get(v) {
                forms.iter().for_each(|f| set.insert(f));
                if matches!(*v, "read" | "shoot" | "fire" | "hit" | "swear") {
                    continue;
                }
                if matches!(*v, "say" | "tell" | "write" | "speak" | "begin") {
                    continue;
                }
            }
            regular_forms(v).iter().for_each(|f| set.insert(f));
        }
        for w in NOT_CUES {
            set.remove(w);
        }
        // Back in as cues: forms that are clearly verbs.
        for w in ["reads", "read", "pointed"] {
            set.insert(w);
        }
        set
    })
}

/// Lowercases an ASCII-capitalised word into `buf` (for sentence-initial words).
fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (i, c) in b.iter().enumerate() {
        buf[i] = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// A word list of `assets/lexicon/`: one lowercase word a line, `#` comments.
fn list_set(text: &'static str) -> WordSet {
    let mut set = WordSet::default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .for_each(|w| set.insert(w));
    set
}

fn lowered_in(set: &WordSet, w: &str) -> bool {
    let mut buf = [0u8; 24];
    lower(
        w.trim_end_matches(['’', '\'']).trim_end_matches('s'),
        &mut buf,
    )
    .is_some_and(|l| set.contains(l))
        || lower(w, &mut buf).is_some_and(|l| set.contains(l))
}

/// A party or nationality adjective (`Tory`, `Russian`): a role before a
/// name, never a speaker alone.
pub fn is_affiliation(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    let set = SET.get_or_init(|| list_set(include_str!("../../assets/lexicon/affiliations.txt")));
    lowered_in(set, w)
}

/// A place written before a person's name as a role: `Vermont`.
pub fn is_place_prefix(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    let set = SET.get_or_init(|| list_set(include_str!("../../assets/lexicon/places.txt")));
    let mut buf = [0u8; 24];
    lower(w, &mut buf).is_some_and(|l| set.contains(l))
}

/// The head noun of a description standing for an organisation: `the
/// company`, `the utility`.
pub fn is_org_noun(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    let set = SET.get_or_init(|| list_set(include_str!("../../assets/lexicon/org_nouns.txt")));
    let mut buf = [0u8; 24];
    lower(w, &mut buf).is_some_and(|l| set.contains(l))
}

/// The head noun of a document that speaks for its author: `the report`.
pub fn is_document_noun(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    let set = SET.get_or_init(|| list_set(include_str!("../../assets/lexicon/document_nouns.txt")));
    let mut buf = [0u8; 24];
    lower(w, &mut buf).is_some_and(|l| set.contains(l))
}

/// Whether `w` (as written) is a speech cue verb form.
pub fn is_cue(w: &str) -> bool {
    let n = w.len();
    if !(3..=14).contains(&n) {
        return false;
    }
    let b = w.as_bytes();
    if !b[1].is_ascii_lowercase() {
        return false;
    }
    if b[0].is_ascii_lowercase() {
        return cue_set().contains(w);
    }
    let mut buf = [0u8; 24];
    lower(w, &mut buf).is_some_and(|l| cue_set().contains(l))
}

/// Cues that introduce a name or label rather than a statement: `calling it`.
pub fn is_naming_cue(w: &str) -> bool {
    matches!(
        w,
        "call"
            | "calls"
            | "called"
            | "calling"
            | "dubbed"
            | "dubbing"
            | "dubs"
            | "labeled"
            | "labelled"
            | "labeling"
            | "labelling"
            | "branded"
            | "branding"
            | "nicknamed"
            | "described"
            | "describing"
            | "describes"
            | "termed"
            | "referred"
            | "referring"
    )
}

/// Whether `w` is a participle cue, whose subject is the clause's subject.
pub fn is_participle(w: &str) -> bool {
    w.ends_with("ing") && !matches!(w, "according" | "According")
}

/// Role words written before a name like titles: `Comedian Sarah Silverman`.
#[rustfmt::skip]
const ROLE_TITLES: &[&str] = &[
    "comedian", "journalist", "hacker", "wife", "husband", "actor", "actress", "singer",
    "rapper", "author", "writer", "activist", "lawyer", "businessman", "businesswoman",
    "billionaire", "mogul", "pundit", "blogger", "reporter", "economist", "historian",
    "scientist", "researcher", "expert", "coach", "lawmaker", "legislator", "son", "daughter",
    "mother", "uncle", "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter",
    "widow", "star", "producer", "filmmaker", "musician", "comic", "novelist", "poet",
    "moderator", "panelist", "co-host", "cohost", "entrepreneur", "investor", "donor",
    "volunteer", "organizer", "protester", "supporter", "critic", "veteran", "trooper",
    "constable", "marshal", "physician", "nurse", "doctor", "teacher", "student", "cfo", "coo",
    "president-elect", "vice-presidential", "speechwriter", "consultant", "operative",
    "premier", "principal", "envoy", "treasurer", "councillor", "alderman", "chancellor",
    "assemblyman", "assemblywoman", "ag", "oscar-winner", "delegate", "chairperson",
    "ally", "confidant", "constituent", "friend", "colleague", "advocate",
    "mp", "mep", "msp", "exchequer", "shadow", "rival", "film-maker", "baroness",
    "earl", "duke", "duchess", "viscount",
];

fn title_set() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = WordSet::default();
        [
            "president",
            "vice",
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "sen",
            "sens",
            "senator",
            "rep",
            "reps",
            "representative",
            "gov",
            "governor",
            "lt",
            "gen",
            "general",
            "col",
            "colonel",
            "maj",
            "major",
            "capt",
            "cmdr",
            "archbishop",
            "bishop",
            "cardinal",
            "rabbi",
            "imam",
            "pastor",
            "member",
            "commander",
            "cpl",
            "corporal",
            "pvt",
            "private",
            "captain",
            "adm",
            "admiral",
            "sgt",
            "sergeant",
            "secretary",
            "speaker",
            "chairman",
            "chairwoman",
            "chair",
            "minister",
            "prime",
            "foreign",
            "defense",
            "defence",
            "national",
            "security",
            "adviser",
            "advisor",
            "ambassador",
            "judge",
            "justice",
            "attorney",
            "mayor",
            "former",
            "rev",
            "reverend",
            "pastor",
            "pope",
            "king",
            "queen",
            "prince",
            "princess",
            "sir",
            "lord",
            "dame",
            "chief",
            "director",
            "commissioner",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "press",
            "professor",
            "prof",
            "deputy",
            "assistant",
            "senior",
            "state",
            "majority",
            "minority",
            "leader",
            "whip",
            "gop",
            "democratic",
            "republican",
            "democrat",
            "candidate",
            "nominee",
            "presidential",
            "first",
            "lady",
            "congressman",
            "congresswoman",
            "councilman",
            "councilwoman",
            "sheriff",
            "officer",
            "detective",
            "agent",
            "dean",
            "chancellor",
            "superintendent",
            "executive",
            "ceo",
            "founder",
            "host",
            "anchor",
            "correspondent",
            "editor",
            "columnist",
            "commentator",
            "analyst",
            "strategist",
            "pollster",
            "manager",
            "lieutenant",
            "commander",
            "surgeon",
            "u.s.",
            "then",
            "acting",
            "interim",
            "incoming",
            "outgoing",
            "late",
            "rabbi",
            "father",
            "sister",
            "brother",
            "bishop",
            "cardinal",
            "imam",
            "sheikh",
            "gens",
            "mrs.",
            "homeland",
            "treasury",
            "energy",
            "labor",
            "commerce",
            "interior",
            "house",
            "senate",
            "federal",
            "reserve",
            "fbi",
            "cia",
            "nsa",
            "white",
            "campaign",
            "deputy",
            "communications",
            "policy",
            "political",
            "economic",
            "adviser",
            "aide",
            "counsel",
            "general",
            "special",
            "independent",
            "libertarian",
            "green",
            "party",
            "chairs",
            "co-founder",
            "cofounder",
            "vice-president",
            "representatives",
            "delegate",
            "pres",
            "supt",
            "insp",
            "inspector",
            "staff",
            "army",
            "navy",
            "marine",
        ]
        .into_iter()
        .chain(ROLE_TITLES.iter().copied())
        .for_each(|w| set.insert(w));
        set
    })
}

/// Whether `w` is a title or role word stripped from a name: `Sen.`, `President`.
pub fn is_title(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    let mut buf = [0u8; 24];
    lower(w, &mut buf).is_some_and(|l| title_set().contains(l))
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
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Sens"
            | "Rep"
            | "Reps"
            | "Gov"
            | "Lt"
            | "Gen"
            | "Col"
            | "Maj"
            | "Capt"
            | "Adm"
            | "Sgt"
            | "Jr"
            | "Sr"
            | "St"
            | "Rev"
            | "Prof"
            | "Pres"
            | "Gens"
            | "Cmdr"
            | "Supt"
            | "Insp"
            | "No"
            | "Nos"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "vs"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Calif"
            | "Fla"
            | "Mass"
            | "Ariz"
            | "Ill"
            | "Penn"
            | "Conn"
            | "Tenn"
            | "Wash"
            | "Mich"
            | "Minn"
            | "Wis"
            | "Ky"
            | "Ga"
            | "Va"
            | "Md"
            | "Mo"
            | "Ala"
            | "Okla"
            | "Nev"
            | "Colo"
            | "Ore"
            | "Tex"
            | "Ind"
            | "Kan"
            | "Neb"
            | "Del"
            | "Miss"
            | "etc"
            | "approx"
            | "Ft"
            | "Mt"
    )
}

/// Personal pronouns that can be a speaker.
pub fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "He" | "she" | "She" | "they" | "They" | "we" | "We" | "I" | "it" | "It"
    )
}

/// Nouns for something said, after a possessive: `his call for “…”`.
pub fn is_speech_noun(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "claims"
            | "call"
            | "calls"
            | "warning"
            | "promise"
            | "pledge"
            | "vow"
            | "comment"
            | "comments"
            | "remark"
            | "remarks"
            | "statement"
            | "assertion"
            | "contention"
            | "message"
            | "argument"
            | "suggestion"
            | "insistence"
            | "words"
            | "slogan"
            | "chant"
            | "chants"
            | "demand"
            | "assumption"
            | "embrace"
            | "description"
            | "declaration"
            | "boast"
            | "pitch"
    )
}

/// Pronouns that stand for a person.
pub fn is_person_pronoun(w: &str) -> bool {
    matches!(w, "he" | "He" | "she" | "She" | "I")
}

/// Words that start a description: `the adviser`, `a spokesman`.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "a"
            | "A"
            | "an"
            | "An"
            | "his"
            | "His"
            | "her"
            | "Her"
            | "their"
            | "Their"
            | "its"
            | "Its"
            | "this"
            | "This"
            | "that"
            | "one"
            | "One"
            | "another"
            | "Another"
            | "some"
            | "Some"
            | "several"
            | "Several"
            | "many"
            | "Many"
            | "other"
            | "both"
            | "Both"
            | "our"
            | "Our"
            | "my"
            | "My"
            | "two"
            | "three"
            | "Two"
            | "Three"
            | "most"
            | "Most"
    )
}

/// Words between a subject and its cue: `has long criticized`, `also said`.
pub fn is_aux_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "then"
            | "once"
            | "recently"
            | "previously"
            | "repeatedly"
            | "frequently"
            | "often"
            | "never"
            | "long"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "was"
            | "is"
            | "were"
            | "are"
            | "been"
            | "again"
            | "just"
            | "quickly"
            | "publicly"
            | "privately"
            | "flatly"
            | "simply"
            | "reportedly"
            | "initially"
            | "earlier"
            | "further"
            | "first"
            | "finally"
            | "even"
            | "still"
            | "only"
            | "already"
            | "ultimately"
            | "subsequently"
            | "famously"
            | "openly"
            | "bluntly"
            | "angrily"
            | "tersely"
            | "candidly"
            | "jokingly"
            | "emphatically"
            | "proudly"
            | "since"
            | "always"
            | "may"
            | "might"
            | "could"
            | "should"
            | "can"
            | "must"
            | "not"
            | "sarcastically"
            | "immediately"
            | "confidently"
            | "defiantly"
            | "loudly"
            | "quietly"
            | "softly"
            | "succinctly"
            | "memorably"
            | "boldly"
            | "curtly"
            | "directly"
            | "explicitly"
            | "essentially"
            | "basically"
            | "specifically"
            | "correctly"
            | "wrongly"
            | "falsely"
            | "accurately"
            | "twice"
            | "now"
            | "herself"
            | "himself"
            | "themselves"
    )
}

/// Words that mark a name as an organisation or place, not a person.
pub fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "House"
            | "Department"
            | "Ministry"
            | "Committee"
            | "Campaign"
            | "Party"
            | "Council"
            | "Agency"
            | "Administration"
            | "Office"
            | "Bureau"
            | "Commission"
            | "Court"
            | "Congress"
            | "Senate"
            | "Foundation"
            | "Institute"
            | "University"
            | "Association"
            | "Center"
            | "Centre"
            | "Group"
            | "Post"
            | "Times"
            | "News"
            | "Journal"
            | "Network"
            | "Fund"
            | "Bank"
            | "Corp."
            | "Corp"
            | "Inc."
            | "Inc"
            | "Co"
            | "Co."
            | "Ltd"
            | "Ltd."
            | "Plc"
            | "PLC"
            | "plc"
            | "Company"
            | "Organization"
            | "Organisation"
            | "Coalition"
            | "Union"
            | "Board"
            | "Service"
            | "Police"
            | "Army"
            | "Navy"
            | "Force"
            | "Forces"
            | "Guard"
            | "PAC"
            | "Review"
            | "Press"
            | "Media"
            | "Channel"
            | "Magazine"
            | "Gazette"
            | "Tribune"
            | "Herald"
            | "Reuters"
            | "Tower"
            | "Street"
            | "Avenue"
            | "County"
            | "City"
            | "State"
            | "States"
            | "Republic"
            | "Kingdom"
            | "Club"
            | "Society"
            | "Council."
            | "Authority"
            | "Project"
            | "Alliance"
            | "Federation"
            | "Caucus"
            | "Republicans"
            | "Democrats"
            | "Daily"
            | "Report"
            | "Weekly"
            | "Standard"
            | "Monitor"
            | "Blaze"
            | "Beast"
            | "Hill"
            | "Pentagon"
            | "Kremlin"
            | "Twitter"
            | "Facebook"
            | "Instagram"
            | "Street."
            | "Airport"
            | "School"
            | "College"
            | "Hall"
            | "Church"
            | "Hospital"
            | "Convention"
            | "Conference"
            | "Summit"
    )
}

/// Capitalised words that start sentences or name days and months, never
/// part of a person's name.
pub fn is_capital_stopword(w: &str) -> bool {
    is_quantifier(w)
        || is_pronoun_contraction(w)
        || matches!(
            w,
            "The"
                // Plural common nouns that do not end in -s: `People said`.
                | "People"
                | "Children"
                | "Men"
                | "Women"
                | "Maybe"
                | "Perhaps"
                | "Nothing"
                | "My"
                | "Nor"
                | "Once"
                | "Alongside"
                | "Ask"
                | "Whatever"
                | "More"
                | "You"
                | "Your"
                | "Hours"
                | "Minutes"
                | "Moments"
                | "Days"
                | "Weeks"
                | "Months"
                | "Rather"
                | "Besides"
                | "Otherwise"
                | "Nonetheless"
                | "Nevertheless"
                | "Someone"
                | "Somebody"
                | "Everyone"
                | "Everybody"
                | "Nobody"
                | "Anyone"
                | "But"
                | "And"
                | "In"
                | "On"
                | "At"
                | "When"
                | "If"
                | "As"
                | "After"
                | "Before"
                | "While"
                | "So"
                | "Yet"
                | "Or"
                | "For"
                | "With"
                | "Without"
                | "By"
                | "From"
                | "To"
                | "Of"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "It"
                | "He"
                | "She"
                | "They"
                | "We"
                | "I"
                | "His"
                | "Her"
                | "Their"
                | "Our"
                | "Its"
                | "A"
                | "An"
                | "Then"
                | "Now"
                | "Still"
                | "Also"
                | "Even"
                | "Last"
                | "Next"
                | "Since"
                | "Because"
                | "Although"
                | "Though"
                | "Meanwhile"
                | "However"
                | "Moreover"
                | "Later"
                | "Earlier"
                | "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "January"
                | "February"
                | "March"
                | "April"
                | "May"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
                | "Democrats"
                | "Republicans"
                | "American"
                | "Americans"
                | "Asked"
                | "Speaking"
                | "According"
                | "Here"
                | "There"
                | "What"
                | "Who"
                | "Why"
                | "How"
                | "Where"
                | "Not"
                | "No"
                | "Yes"
                | "Like"
                | "Unlike"
                | "During"
                | "Under"
                | "Over"
                | "Until"
                | "Despite"
                | "Instead"
                | "Indeed"
                | "Told"
                | "Said"
                | "Writing"
                | "Today"
                | "Tonight"
                | "Yesterday"
                | "Tomorrow"
        )
}

/// `They’re`, `He’s`, `I’m`, `We’ve`: a pronoun with a verb attached.
fn is_pronoun_contraction(w: &str) -> bool {
    let Some(pos) = w.find(['’', '\'']) else {
        return false;
    };
    matches!(
        &w[..pos],
        "I" | "He" | "She" | "It" | "We" | "They" | "You" | "That" | "There"
    )
}

/// Capitalised quantifiers and imperatives opening a sentence: `Another`, `Do`.
fn is_quantifier(w: &str) -> bool {
    matches!(
        w,
        "Among"
            | "Amid"
            | "Across"
            | "Along"
            | "Around"
            | "Behind"
            | "Beyond"
            | "Inside"
            | "Outside"
            | "Through"
            | "Toward"
            | "Towards"
            | "Within"
            | "Against"
            | "Between"
            | "Using"
            | "Speaking"
            | "Writing"
            | "Calling"
            | "Saying"
            | "Adding"
            | "Noting"
            | "Following"
            | "Including"
            | "Citing"
            | "Responding"
            | "Given"
            | "Two"
            | "Three"
            | "Four"
            | "Five"
            | "Six"
            | "Seven"
            | "Eight"
            | "Nine"
            | "Ten"
            | "Is"
            | "Was"
            | "Are"
            | "Were"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "Did"
            | "Does"
            | "Another"
            | "One"
            | "Some"
            | "Many"
            | "Most"
            | "Each"
            | "Every"
            | "All"
            | "Few"
            | "Several"
            | "Other"
            | "Others"
            | "Do"
            | "Don’t"
            | "Don't"
            | "Let"
            | "Please"
            | "Just"
            | "Only"
    )
}

/// Head nouns of descriptions that stand for a person: `the adviser`.
pub fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "adviser"
            | "advisor"
            | "official"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "minister"
            | "president"
            | "senator"
            | "candidate"
            | "congressman"
            | "congresswoman"
            | "governor"
            | "mayor"
            | "secretary"
            | "leader"
            | "chairman"
            | "chairwoman"
            | "ambassador"
            | "diplomat"
            | "aide"
            | "nominee"
            | "businessman"
            | "billionaire"
            | "lawmaker"
            | "man"
            | "woman"
            | "frontrunner"
            | "front-runner"
            | "strategist"
            | "general"
            | "director"
            | "judge"
            | "host"
            | "author"
            | "former"
    )
}

/// `Some(true)` for a title or role word that marks a woman (`Mrs`,
/// `congresswoman`), `Some(false)` for one that marks a man (`Mr`).
pub fn gendered_title(w: &str) -> Option<bool> {
    let mut buf = [0u8; 24];
    match lower(w, &mut buf)? {
        "mrs" | "ms" | "miss" | "madam" | "madame" | "congresswoman" | "chairwoman"
        | "spokeswoman" | "businesswoman" | "councilwoman" | "assemblywoman" | "lady" | "queen"
        | "princess" | "sister" | "mother" | "grandmother" | "wife" | "widow" => Some(true),
        "mr" | "congressman" | "spokesman" | "businessman" | "councilman" | "assemblyman"
        | "king" | "prince" | "brother" | "father" | "grandfather" | "husband" | "sir" => {
            Some(false)
        }
        _ => None,
    }
}

/// `Some(true)` for a common woman's first name, `Some(false)` for a
/// common man's; `None` for others and for names given to both.
pub fn first_name_gender(w: &str) -> Option<bool> {
    const WOMEN: &[&str] = &[
        "Abigail",
        "Alice",
        "Alexandra",
        "Alison",
        "Amanda",
        "Amy",
        "Andrea",
        "Angela",
        "Ann",
        "Anna",
        "Anne",
        "Barbara",
        "Betty",
        "Betsy",
        "Beth",
        "Brenda",
        "Carla",
        "Carly",
        "Carol",
        "Caroline",
        "Catherine",
        "Cathy",
        "Cheryl",
        "Christina",
        "Christine",
        "Claire",
        "Cynthia",
        "Deborah",
        "Debbie",
        "Diana",
        "Diane",
        "Donna",
        "Dorothy",
        "Elaine",
        "Elizabeth",
        "Ellen",
        "Emily",
        "Emma",
        "Erin",
        "Eva",
        "Grace",
        "Hannah",
        "Heather",
        "Helen",
        "Hillary",
        "Irene",
        "Jane",
        "Janet",
        "Jennifer",
        "Jessica",
        "Jill",
        "Joan",
        "Joanna",
        "Joyce",
        "Judith",
        "Judy",
        "Julia",
        "Julie",
        "Karen",
        "Kate",
        "Katherine",
        "Kathleen",
        "Kathryn",
        "Kathy",
        "Kelly",
        "Kimberly",
        "Laura",
        "Lauren",
        "Linda",
        "Lisa",
        "Lori",
        "Louise",
        "Lucy",
        "Lynn",
        "Margaret",
        "Maria",
        "Marie",
        "Marilyn",
        "Martha",
        "Mary",
        "Megan",
        "Melissa",
        "Michelle",
        "Monica",
        "Nancy",
        "Natalie",
        "Nicole",
        "Nina",
        "Olivia",
        "Pamela",
        "Patricia",
        "Paula",
        "Rachel",
        "Rebecca",
        "Rita",
        "Rosa",
        "Rose",
        "Ruth",
        "Sandra",
        "Sarah",
        "Sharon",
        "Shirley",
        "Sophia",
        "Stephanie",
        "Susan",
        "Suzanne",
        "Tammy",
        "Teresa",
        "Theresa",
        "Tina",
        "Valerie",
        "Victoria",
        "Virginia",
        "Wendy",
    ];
    const MEN: &[&str] = &[
        "Adam",
        "Alan",
        "Albert",
        "Alexander",
        "Andrew",
        "Anthony",
        "Arthur",
        "Benjamin",
        "Bernie",
        "Bill",
        "Bob",
        "Bobby",
        "Brian",
        "Bruce",
        "Carl",
        "Charles",
        "Chris",
        "Christopher",
        "Chuck",
        "Craig",
        "Dan",
        "Daniel",
        "David",
        "Dennis",
        "Donald",
        "Doug",
        "Douglas",
        "Edward",
        "Eric",
        "Frank",
        "Gary",
        "George",
        "Gerald",
        "Greg",
        "Gregory",
        "Harold",
        "Harry",
        "Henry",
        "Jack",
        "Jacob",
        "James",
        "Jason",
        "Jeff",
        "Jeffrey",
        "Jeremy",
        "Jim",
        "Jimmy",
        "Joe",
        "John",
        "Jonathan",
        "Joseph",
        "Joshua",
        "Justin",
        "Keith",
        "Kenneth",
        "Kevin",
        "Larry",
        "Lawrence",
        "Mark",
        "Matt",
        "Matthew",
        "Michael",
        "Mike",
        "Mitch",
        "Nathan",
        "Nicholas",
        "Patrick",
        "Paul",
        "Peter",
        "Philip",
        "Phillip",
        "Ralph",
        "Raymond",
        "Richard",
        "Rick",
        "Robert",
        "Roger",
        "Ronald",
        "Russell",
        "Ryan",
        "Samuel",
        "Scott",
        "Sean",
        "Stephen",
        "Steve",
        "Steven",
        "Ted",
        "Thomas",
        "Tim",
        "Timothy",
        "Todd",
        "Tom",
        "Tony",
        "Walter",
        "Wayne",
        "William",
        "Willie",
    ];
    if WOMEN.contains(&w) {
        Some(true)
    } else if MEN.contains(&w) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(text: &str) -> Vec<&str> {
        text.lines()
            .map(|l| l.split('#').next().unwrap_or_default().trim())
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn word_lists_are_lowercase_without_duplicates_or_titles() {
        for text in [
            include_str!("../../assets/lexicon/affiliations.txt"),
            include_str!("../../assets/lexicon/places.txt"),
            include_str!("../../assets/lexicon/org_nouns.txt"),
            include_str!("../../assets/lexicon/document_nouns.txt"),
        ] {
            let words = entries(text);
            let mut sorted = words.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), words.len(), "a word is listed twice");
            for w in words {
                assert_eq!(w, w.to_lowercase(), "{w} is not lowercase");
                assert!(!is_title(w), "{w} is a title already");
            }
        }
    }

    #[test]
    fn affiliations_and_places_are_read_in_any_case() {
        assert!(is_affiliation("Tory"));
        assert!(is_affiliation("Russians"));
        assert!(!is_affiliation("Johnson"));
        assert!(is_place_prefix("Vermont"));
        assert!(!is_place_prefix("Bernie"));
    }
}
