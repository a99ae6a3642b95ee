//! The loaded articles with their quotes, and the index of who said what.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::article::{self, Article, ReadBackError};
use crate::quote::{self, Quote};
use crate::speakers;

/// An article with the quotes found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The article.
    pub article: Article,
    /// Its quotes, sorted by start.
    pub quotes: Vec<Quote>,
}

impl Entry {
    /// Extracts the quotes of `article`.
    pub fn new(article: Article) -> Self {
        let quotes = quote::extract(&article.text);
        Self { article, quotes }
    }

    /// Lets the text go when it can be read back from its file
    /// ([`Article::at`]): what the reader keeps of a large corpus. Offsets
    /// (body, dateline, quotes) stay as they were, counting into the text.
    pub fn drop_text(&mut self) {
        if self.article.at.is_some() {
            self.article.text = String::new();
        }
    }

    /// Whether the text has been let go, to be read back when wanted.
    pub fn text_dropped(&self) -> bool {
        self.article.at.is_some() && self.article.text.is_empty()
    }

    /// The article's text: the one kept, or else read back from its file.
    /// A file changed since loading is refused, never read as this article.
    pub fn text(&self) -> Result<Cow<'_, str>, ReadBackError> {
        match &self.article.at {
            Some(at) if self.article.text.is_empty() => {
                let again = article::read_back(at)?;
                let a = &self.article;
                let same = again.id == a.id
                    && again.title == a.title
                    && again.body == a.body
                    && again.dateline == a.dateline;
                if !same {
                    return Err(ReadBackError {
                        path: at.file.path.clone(),
                        line: at.number,
                        why: "the line holds another article now".into(),
                    });
                }
                Ok(Cow::Owned(again.text))
            }
            _ => Ok(Cow::Borrowed(&self.article.text)),
        }
    }

    /// The entry with its text, read back when it was let go.
    pub fn with_text(&self) -> Result<Cow<'_, Entry>, ReadBackError> {
        if !self.text_dropped() {
            return Ok(Cow::Borrowed(self));
        }
        let text = self.text()?.into_owned();
        let mut whole = self.clone();
        whole.article.text = text;
        Ok(Cow::Owned(whole))
    }

    /// Reads the text back into the entry, if it was let go.
    pub fn restore_text(&mut self) -> Result<(), ReadBackError> {
        if self.text_dropped() {
            self.article.text = self.text()?.into_owned();
        }
        Ok(())
    }
}

/// One speaker across the corpus: one person or organisation, however written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name: the most used of its full written forms.
    pub name: String,
    /// Every written form it was seen under, most used first.
    pub aliases: Vec<String>,
    /// Number of quotes attributed to them.
    pub quotes: usize,
    /// Number of articles quoting them.
    pub articles: usize,
}

/// All loaded articles and the speaker index.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Articles with their quotes, in load order.
    pub entries: Vec<Entry>,
    /// Speakers, most quoted first.
    pub speakers: Vec<Speaker>,
    /// For each entry, for each of its quotes, its speaker's id: the index
    /// of the speaker in `speakers`, or, while `speaker_rank` is not empty,
    /// the id that maps to it there. Read them through [`Corpus::speaker_of`].
    pub quote_speakers: Vec<Vec<Option<usize>>>,
    /// For each speaker id in `quote_speakers`, its place in `speakers`;
    /// empty when the ids are the places. A corpus that grows keeps its ids
    /// and changes only this map when new quotes reorder the speakers, so
    /// appending a batch costs the batch, not every entry loaded so far.
    pub speaker_rank: Vec<usize>,
}

impl Corpus {
    /// Builds a corpus from articles, extracting quotes and indexing speakers.
    pub fn from_articles(articles: Vec<Article>) -> Self {
        Self::from_entries(articles.into_iter().map(Entry::new).collect())
    }

    /// Builds the speaker index over entries whose quotes are already found.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        let mut index = SpeakerIndex::default();
        let quote_speakers = entries.iter().map(|e| index.add_entry(e)).collect();
        let (speakers, quote_speakers) = index.finish(quote_speakers);
        Self {
            entries,
            speakers,
            quote_speakers,
            speaker_rank: Vec::new(),
        }
    }

    /// The place in `speakers` of speaker id `id` of `quote_speakers`.
    fn rank(&self, id: usize) -> Option<usize> {
        if self.speaker_rank.is_empty() {
            Some(id)
        } else {
            self.speaker_rank.get(id).copied()
        }
    }

    /// The speaker of quote `quote` of entry `entry`, as an index into `speakers`.
    pub fn speaker_of(&self, entry: usize, quote: usize) -> Option<usize> {
        let id = self
            .quote_speakers
            .get(entry)?
            .get(quote)
            .copied()
            .flatten()?;
        self.rank(id)
    }

    /// The speakers of entry `entry`'s quotes, as indices into `speakers`.
    pub fn speakers_of(&self, entry: usize) -> impl Iterator<Item = Option<usize>> + '_ {
        let ids = self
            .quote_speakers
            .get(entry)
            .map_or(&[][..], Vec::as_slice);
        ids.iter().map(|id| id.and_then(|i| self.rank(i)))
    }

    /// Whether entry `entry` quotes speaker `speaker`.
    pub fn quotes_speaker(&self, entry: usize, speaker: usize) -> bool {
        self.speakers_of(entry).any(|s| s == Some(speaker))
    }
}

/// The speaker name of each quote of `entry` (none for scare quotes and
/// reported speech, which are not counted as anyone's quotes), with
/// surname-only names joined to the one full name the article gives them.
pub fn resolved_speakers(entry: &Entry) -> Vec<Option<String>> {
    let mut resolved: HashMap<&str, String> = HashMap::new();
    entry
        .quotes
        .iter()
        .map(|q| {
            let name = q.speaker.as_deref().filter(|_| q.is_marked_quotation())?;
            let full = resolved.entry(name).or_insert_with(|| {
                speakers::resolve_surname(&entry.article.text, name)
                    .unwrap_or_else(|| name.to_string())
            });
            Some(full.clone())
        })
        .collect()
}

/// The distinct names among `names`, sorted: an article's speakers as the
/// cache stores them.
pub fn speaker_list<'a>(names: impl IntoIterator<Item = &'a Option<String>>) -> Vec<String> {
    let mut list: Vec<String> = names.into_iter().flatten().cloned().collect();
    list.sort();
    list.dedup();
    list
}

/// Speakers met so far, keyed by [`speakers::speaker_key`]. Fed one article
/// at a time, so a headless pass can index a corpus it never holds whole.
#[derive(Debug, Default)]
pub struct SpeakerIndex {
    by_key: HashMap<String, usize>,
    /// Per speaker: written forms with counts, quotes, articles.
    found: Vec<(HashMap<String, usize>, usize, usize)>,
}

impl SpeakerIndex {
    /// Files the speakers of one entry; returns the speaker of each quote.
    pub fn add_entry(&mut self, entry: &Entry) -> Vec<Option<usize>> {
        self.add_names(resolved_speakers(entry))
    }

    /// Files one article's quote speakers, as [`resolved_speakers`] gives them;
    /// returns the speaker of each quote.
    pub fn add_names(&mut self, names: Vec<Option<String>>) -> Vec<Option<usize>> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            let Some(name) = name else {
                out.push(None);
                continue;
            };
            let key = speakers::speaker_key(&name);
            let next = self.found.len();
            let id = *self.by_key.entry(key).or_insert(next);
            if id == next {
                self.found.push(Default::default());
            }
            let f = &mut self.found[id];
            *f.0.entry(name).or_default() += 1;
            f.1 += 1;
            if seen.insert(id) {
                f.2 += 1;
            }
            out.push(Some(id));
        }
        out
    }

    /// Takes back one article's quote speakers, as [`SpeakerIndex::add_names`]
    /// was given them: for an article whose text was replaced (its full
    /// story fetched in place of a summary). A speaker left with no quote
    /// is no longer ranked, as if never met.
    pub fn remove_names(&mut self, names: Vec<Option<String>>) {
        let mut seen = HashSet::new();
        for name in names.into_iter().flatten() {
            let key = speakers::speaker_key(&name);
            let Some(&id) = self.by_key.get(&key) else {
                continue;
            };
            let Some(f) = self.found.get_mut(id) else {
                continue;
            };
            if let Some(count) = f.0.get_mut(&name) {
                *count = count.saturating_sub(1);
                if *count == 0 {
                    f.0.remove(&name);
                }
            }
            f.1 = f.1.saturating_sub(1);
            if seen.insert(id) {
                f.2 = f.2.saturating_sub(1);
            }
            if f.1 == 0 {
                // The id stays (ids already handed out keep their place);
                // the key goes, so the name is filed anew if met again and
                // no surname joins a speaker who is gone.
                self.by_key.remove(&key);
            }
        }
    }

    /// Speakers most quoted first.
    pub fn speakers(self) -> Vec<Speaker> {
        self.finish(Vec::new()).0
    }

    /// Speakers most quoted first, and the quote map renumbered to match.
    fn finish(
        self,
        quote_speakers: Vec<Vec<Option<usize>>>,
    ) -> (Vec<Speaker>, Vec<Vec<Option<usize>>>) {
        let (speakers, renumber) = self.ranked();
        let quote_speakers = quote_speakers
            .into_iter()
            .map(|qs| qs.into_iter().map(|s| s.map(|id| renumber[id])).collect())
            .collect();
        (speakers, quote_speakers)
    }

    /// For each id, the id it is filed under: a bare surname (`Blair`)
    /// joins the one speaker with a full name ending in it (`Tony Blair`)
    /// when the collection gives exactly one; with several (`Donald Trump`,
    /// `Eric Trump`) it stays apart.
    fn joined(&self) -> Vec<usize> {
        let mut target: Vec<usize> = (0..self.found.len()).collect();
        let mut by_family: HashMap<&str, Vec<usize>> = HashMap::new();
        for (key, &id) in &self.by_key {
            if let Some((_, family)) = key.rsplit_once(' ') {
                by_family.entry(family).or_default().push(id);
            }
        }
        for (key, &id) in &self.by_key {
            if key.contains(' ') {
                continue;
            }
            if let Some([only]) = by_family.get(key.as_str()).map(Vec::as_slice) {
                target[id] = *only;
            }
        }
        target
    }

    /// The speakers so far, most quoted first, and for each id that
    /// [`SpeakerIndex::add_names`] gave, its place in that order (a joined
    /// surname's is its full name's).
    pub fn ranked(&self) -> (Vec<Speaker>, Vec<usize>) {
        let target = self.joined();
        // A joined surname's forms and counts go to its full name; its
        // articles are added, so an article quoting both forms counts twice
        // (rare: within an article the surname is resolved already).
        let mut groups: Vec<(HashMap<String, usize>, usize, usize)> =
            vec![Default::default(); self.found.len()];
        for (id, (forms, quotes, articles)) in self.found.iter().enumerate() {
            let g = &mut groups[target[id]];
            for (n, c) in forms {
                *g.0.entry(n.clone()).or_default() += c;
            }
            g.1 += quotes;
            g.2 += articles;
        }
        let mut speakers: Vec<(usize, Speaker)> = groups
            .iter()
            .enumerate()
            // A speaker whose every quote was taken back is gone.
            .filter(|(id, g)| target[*id] == *id && g.1 > 0)
            .map(|(id, (forms, quotes, articles))| {
                let mut aliases: Vec<(&String, usize)> =
                    forms.iter().map(|(n, c)| (n, *c)).collect();
                aliases.sort_by(|a, b| {
                    b.1.cmp(&a.1)
                        .then(b.0.len().cmp(&a.0.len()))
                        .then(a.0.cmp(b.0))
                });
                let aliases: Vec<String> = aliases.into_iter().map(|(n, _)| n.clone()).collect();
                // The most used full name, else the most used form.
                let name = (aliases.iter().find(|a| a.contains(' ')))
                    .or(aliases.first())
                    .cloned()
                    .unwrap_or_default();
                (
                    id,
                    Speaker {
                        name,
                        aliases,
                        quotes: *quotes,
                        articles: *articles,
                    },
                )
            })
            .collect();
        speakers.sort_by(|a, b| {
            b.1.quotes
                .cmp(&a.1.quotes)
                .then_with(|| a.1.name.cmp(&b.1.name))
        });
        let mut renumber = vec![0; self.found.len()];
        for (new, (old, _)) in speakers.iter().enumerate() {
            renumber[*old] = new;
        }
        for id in 0..self.found.len() {
            renumber[id] = renumber[target[id]];
        }
        (speakers.into_iter().map(|(_, s)| s).collect(), renumber)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::QuoteKind;

    #[test]
    fn a_speaker_list_is_sorted_and_each_name_once() {
        let names = [
            Some("Ana Ruiz".to_string()),
            None,
            Some("Bo Lind".to_string()),
            Some("Ana Ruiz".to_string()),
        ];
        assert_eq!(speaker_list(&names), ["Ana Ruiz", "Bo Lind"]);
        assert!(speaker_list(&[None]).is_empty());
    }

    fn entry(text: &str, speakers: &[Option<&str>]) -> Entry {
        let quotes = speakers
            .iter()
            .map(|s| Quote {
                span: 0..1,
                kind: QuoteKind::Direct,
                speaker: s.map(str::to_string),
                mention: None,
                cue: None,
                parent: None,
                source: None,
                confidence: None,
            })
            .collect();
        Entry {
            article: Article {
                text: text.to_string(),
                body: 0..text.len(),
                ..Article::default()
            },
            quotes,
        }
    }

    #[test]
    fn names_taken_back_leave_the_index_a_fresh_one_would_be() {
        let first = entry("Mara Quent spoke.", &[Some("Mara Quent"), Some("Quent")]);
        let second = entry("Ivo Lenz spoke.", &[Some("Ivo Lenz")]);
        let third = entry(
            "Ivo Lenz and Ana Ruiz spoke.",
            &[Some("Ana Ruiz"), Some("Ivo Lenz")],
        );
        let mut index = SpeakerIndex::default();
        index.add_entry(&first);
        index.add_entry(&second);
        index.remove_names(resolved_speakers(&first));
        index.add_entry(&third);
        let fresh = Corpus::from_entries(vec![second, third]);
        assert_eq!(index.speakers(), fresh.speakers);
    }

    #[test]
    fn forms_of_one_person_are_one_speaker_across_articles() {
        let corpus = Corpus::from_entries(vec![
            entry(
                "Mara Quent spoke.",
                &[Some("Mara Quent"), Some("Mara Quent")],
            ),
            entry("Mara L. Quent spoke.", &[Some("Mara L. Quent")]),
            entry("Ivo Quent spoke.", &[Some("Ivo Quent"), None]),
        ]);
        assert_eq!(corpus.speakers.len(), 2);
        let mara = &corpus.speakers[0];
        assert_eq!(mara.name, "Mara Quent");
        assert_eq!(mara.aliases, ["Mara Quent", "Mara L. Quent"]);
        assert_eq!((mara.quotes, mara.articles), (3, 2));
        assert_eq!(corpus.speaker_of(1, 0), Some(0));
        assert_eq!(corpus.speaker_of(2, 0), Some(1));
        assert_eq!(corpus.speaker_of(2, 1), None);
        assert!(corpus.quotes_speaker(2, 1) && !corpus.quotes_speaker(2, 0));
    }

    #[test]
    fn a_surname_joins_its_article_full_name_or_stays_apart() {
        let corpus = Corpus::from_entries(vec![
            entry("Mara Quent arrived. Quent said so.", &[Some("Quent")]),
            entry(
                "Mara Quent and Ivo Quent arrived.",
                &[Some("Quent"), Some("Ivo Quent")],
            ),
            entry("Mara Quent arrived.", &[Some("Mara Quent")]),
        ]);
        let names: Vec<&str> = corpus.speakers.iter().map(|s| s.name.as_str()).collect();
        // Two full names with it in the collection: `Quent` stays apart.
        assert_eq!(names, ["Mara Quent", "Ivo Quent", "Quent"]);
        assert_eq!(corpus.speakers[0].aliases, ["Mara Quent"]);
    }

    #[test]
    fn a_surname_joins_the_one_full_name_the_collection_gives() {
        let corpus = Corpus::from_entries(vec![
            entry("Pell spoke.", &[Some("Pell"), Some("Pell")]),
            entry("Ada Pell spoke.", &[Some("Ada Pell")]),
            entry("Tor spoke.", &[Some("Tor")]),
        ]);
        let names: Vec<&str> = corpus.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ada Pell", "Tor"]);
        let pell = &corpus.speakers[0];
        assert_eq!(pell.aliases, ["Pell", "Ada Pell"]);
        assert_eq!((pell.quotes, pell.articles), (3, 2));
        assert_eq!(corpus.speaker_of(0, 0), Some(0));
        assert_eq!(corpus.speaker_of(1, 0), Some(0));
        assert_eq!(corpus.speaker_of(2, 0), Some(1));
    }

    #[test]
    fn scare_quotes_name_nobody() {
        let mut e = entry("x", &[Some("Mara Quent")]);
        e.quotes[0].kind = QuoteKind::Term;
        let corpus = Corpus::from_entries(vec![e]);
        assert!(corpus.speakers.is_empty());
    }
}
