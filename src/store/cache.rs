//! The offline cache: every kept article with its text and metadata, and a
//! full-text index over headline, text and speakers (SQLite FTS5).
//!
//! An article is kept once: a new one that shares its GUID, its link or its
//! content (the hash of its text) with a kept one is the same story, arrived
//! through another feed or twice in a folder, and is not stored again.
//! Retention drops old articles, never one with a starred quote.
//!
//! Queries are what a person types into a search box, never FTS5 syntax: each
//! word is quoted before it reaches SQLite, so no query can fail to parse.
//! `speaker:"Ana Ruiz"` (or `speaker:Ruiz`) limits to articles quoting that
//! speaker, `feed:name` to one feed; the last word matches as a prefix, so
//! results appear while typing.

use std::ops::Range;

use rusqlite::{OptionalExtension, params};

use super::rank::{self, Bm25, Counter, Phrase};
use super::snippet::{self, Term};

use super::{Store, StoreError, article_key, star};
use crate::article::Article;

/// How many of the newest matches a search ranks.
pub const RANKED: usize = 2000;

/// An article to keep, with what the cache knows about it beyond its text.
#[derive(Debug, Clone, Copy)]
pub struct Keep<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its speakers, canonical names.
    pub speakers: &'a [String],
    /// The feed it came from (its subscription name or URL), if any.
    pub feed: Option<&'a str>,
    /// Its GUID, when its feed gave one.
    pub guid: Option<&'a str>,
}

/// What keeping a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kept {
    /// Articles new to the cache.
    pub added: usize,
    /// Articles already kept (same GUID, link or text).
    pub duplicates: usize,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article's key ([`article_key`]).
    pub article_key: String,
    /// Its headline.
    pub title: String,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date as written.
    pub published: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// A few words around the best match, one line.
    pub snippet: String,
    /// Byte ranges of the matched words in [`Hit::snippet`].
    pub matches: Vec<Range<usize>>,
    /// Its bm25 rank, as FTS5 computes it (here from the text): lower is
    /// better.
    pub rank: f64,
}

/// A cached article as it was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cached {
    /// Its row, for reading on from it ([`Store::cached_before`]).
    pub row: i64,
    /// The article (its dateline is not kept).
    pub article: Article,
    /// Its speakers.
    pub speakers: Vec<String>,
    /// The feed it came from.
    pub feed: Option<String>,
    /// When it was kept, seconds since the epoch.
    pub kept_at: i64,
}

/// The 64-bit FNV-1a hash of a text, in hex: what "the same content" means.
fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.trim().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A person's search box text as an FTS5 query: every word quoted (so
/// nothing in it is syntax), `speaker:`/`feed:` as column filters, the last
/// bare word a prefix. `None` when nothing is left to search for.
pub fn fts_query(input: &str) -> Option<String> {
    parse_query(input).map(|q| q.fts)
}

/// A search box's text, read.
#[derive(Debug, Clone, PartialEq)]
struct Query {
    /// The whole query in FTS5's syntax.
    fts: String,
    /// The bare words, as the snippet looks for them.
    words: Vec<Term>,
    /// Each phrase as the ranker counts it, with the FTS5 query of it alone.
    phrases: Vec<(Phrase, String)>,
}

/// [`fts_query`], with the bare words of the query as the snippet looks
/// for them (the last one a prefix while typing) and its phrases as the
/// ranker counts them.
fn parse_query(input: &str) -> Option<Query> {
    let mut phrases: Vec<(Phrase, String)> = Vec::new();
    let mut words: Vec<Term> = Vec::new();
    let mut rest = input.trim_start();
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut last_bare = None;
    while !rest.is_empty() {
        let (column, after) = ["speaker:", "feed:"]
            .iter()
            .find_map(|p| {
                rest.get(..p.len())
                    .filter(|head| head.eq_ignore_ascii_case(p))
                    .map(|_| (Some(*p), &rest[p.len()..]))
            })
            .unwrap_or((None, rest));
        let (word, tail) = if let Some(inner) = after.strip_prefix('"') {
            match inner.find('"') {
                Some(end) => (&inner[..end], &inner[end + 1..]),
                None => (inner, ""),
            }
        } else {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        let word = word.trim();
        // Only letters and digits are indexed: a word of punctuation alone
        // would match nothing and is dropped.
        if word.chars().any(char::is_alphanumeric) {
            let (fts, column) = match column {
                Some("speaker:") => (format!("speakers : {}", quoted(word)), Some(2)),
                Some(_) => (format!("feed : {}", quoted(word)), Some(3)),
                None => {
                    last_bare = Some(phrases.len());
                    words.push(Term {
                        word: snippet::fold(word),
                        prefix: false,
                    });
                    (quoted(word), None)
                }
            };
            phrases.push((Phrase::new(word, column, false), fts));
        }
        rest = tail.trim_start();
    }
    let typing = !input.ends_with(char::is_whitespace) && !input.ends_with('"');
    if let Some(i) = last_bare.filter(|_| typing) {
        if let Some((phrase, fts)) = phrases.get_mut(i) {
            phrase.prefix = true;
            fts.push('*');
        }
        if let Some(last) = words.last_mut() {
            last.prefix = true;
        }
    }
    let fts = (phrases.iter().map(|(_, fts)| fts.as_str()))
        .collect::<Vec<_>>()
        .join(" AND ");
    (!phrases.is_empty()).then_some(Query {
        fts,
        words,
        phrases,
    })
}

/// The words of a search box's text that a snippet marks (the last one a
/// prefix while typing); none for a query of filters alone.
pub fn snippet_terms(input: &str) -> Vec<Term> {
    parse_query(input).map(|q| q.words).unwrap_or_default()
}

/// The snippet of a hit with this headline and text: the window of the
/// text with most of `terms`, else of the headline, else the text's first
/// words; with the byte ranges of the marked words in it.
pub fn snippet_of(title: &str, text: &str, terms: &[Term]) -> (String, Vec<Range<usize>>) {
    snippet::snippet(text, terms)
        .or_else(|| snippet::snippet(title, terms))
        .unwrap_or_else(|| (opening(text), Vec::new()))
}

/// The first words of a text, for a hit matched on its speaker or feed
/// alone.
fn opening(text: &str) -> String {
    let mut out = String::new();
    for (i, word) in text.split_whitespace().enumerate() {
        if i == 16 {
            out.push('…');
            break;
        }
        if i > 0 {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| if c.is_control() { ' ' } else { c }));
    }
    out
}

impl Store {
    /// Keeps articles in the cache, one transaction for the batch; an article
    /// whose GUID, link or text is kept already is counted as a duplicate.
    pub fn keep(&mut self, batch: &[Keep<'_>]) -> Result<Kept, StoreError> {
        self.writable()?;
        let now = star::now();
        let path = self.path.clone();
        let classify = |e| {
            let at = path.as_deref().unwrap_or(std::path::Path::new(":memory:"));
            StoreError::classify(at, StoreError::Sqlite(e))
        };
        // Immediate: the batch reads before it writes, and a deferred
        // transaction whose snapshot another writer has moved past cannot
        // upgrade to a write (SQLITE_BUSY at once, whatever the timeout).
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(classify)?;
        let mut kept = Kept::default();
        {
            let mut find = tx.prepare_cached(
                "SELECT 1 FROM articles WHERE article_key = ?1 OR content_hash = ?2
                    OR (?3 IS NOT NULL AND link = ?3) OR (?4 IS NOT NULL AND guid = ?4)
                 LIMIT 1",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO articles (article_key, content_hash, guid, link, feed, title,
                     source, published, byline, text, body_start, body_end, speakers, kept_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?;
            for k in batch {
                let a = k.article;
                let key = article_key(a);
                let hash = content_hash(&a.text);
                let link = a.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
                let guid = k.guid.map(str::trim).filter(|g| !g.is_empty());
                if find
                    .query_row(params![key, hash, link, guid], |_| Ok(()))
                    .optional()?
                    .is_some()
                {
                    kept.duplicates += 1;
                    continue;
                }
                let text = &a.text;
                let body = a.body.clone();
                insert.execute(params![
                    key,
                    hash,
                    guid,
                    link,
                    k.feed,
                    a.title,
                    a.source,
                    a.published,
                    a.byline,
                    text,
                    body.start as i64,
                    body.end as i64,
                    k.speakers.join("\n"),
                    now,
                ])?;
                kept.added += 1;
            }
        }
        tx.commit().map_err(classify)?;
        Ok(kept)
    }

    /// Puts `article`'s text, body and `speakers` in place of what the
    /// cache keeps under `key` (an article whose full story was fetched in
    /// place of its feed's summary), the search index with them; its
    /// headline, feed and link stay. Says whether the cache held it; one it
    /// does not hold is left out, not added.
    pub fn replace_text(
        &self,
        key: &str,
        article: &Article,
        speakers: &[String],
    ) -> Result<bool, StoreError> {
        let held = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE article_key = ?1")?
            .query_row([key], |_| Ok(()))
            .optional()?
            .is_some();
        if !held {
            return Ok(false);
        }
        self.writable()?;
        let body = &article.body;
        self.conn
            .prepare_cached(
                "UPDATE articles SET text = ?2, body_start = ?3, body_end = ?4,
                     content_hash = ?5, speakers = ?6,
                     byline = coalesce(byline, ?7), published = coalesce(published, ?8)
                 WHERE article_key = ?1",
            )?
            .execute(params![
                key,
                article.text,
                body.start as i64,
                body.end as i64,
                content_hash(&article.text),
                speakers.join("\n"),
                article.byline,
                article.published,
            ])
            .map_err(|e| self.write_error(e))?;
        Ok(true)
    }

    /// How many articles are kept.
    pub fn cached_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Kept articles, newest kept first, at most `limit`.
    pub fn cached(&self, limit: usize) -> Result<Vec<Cached>, StoreError> {
        self.cached_before(None, limit)
    }

    /// Kept articles kept before the one in `row` (from the newest when
    /// `None`), newest first, at most `limit`: page after page in time that
    /// does not grow with the pages already read.
    pub fn cached_before(&self, row: Option<i64>, limit: usize) -> Result<Vec<Cached>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT article_key, title, text, body_start, body_end, source, link,
                    published, byline, speakers, feed, kept_at, id
             FROM articles WHERE id < ?2 ORDER BY id DESC LIMIT ?1",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map([limit, row.unwrap_or(i64::MAX)], |r| {
            let text: String = r.get(2)?;
            let start = usize::try_from(r.get::<_, i64>(3)?).unwrap_or(0);
            let end = usize::try_from(r.get::<_, i64>(4)?).unwrap_or(0);
            let body = if start <= end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
            {
                start..end
            } else {
                0..text.len()
            };
            let speakers: String = r.get(9)?;
            Ok(Cached {
                row: r.get(12)?,
                article: Article {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    text,
                    body,
                    source: r.get(5)?,
                    url: r.get(6)?,
                    published: r.get(7)?,
                    byline: r.get(8)?,
                    dateline: None,
                    at: None,
                },
                speakers: speakers
                    .lines()
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                feed: r.get(10)?,
                kept_at: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Full-text search over everything kept, best first, at most `limit`
    /// hits, ranked by bm25 among the newest [`RANKED`] matches: a word in
    /// every article would otherwise rank the whole cache on each key press.
    /// Two steps: the best `limit` of the newest [`RANKED`] matches
    /// ([`rank`] scores them from their text), then the snippets of those
    /// hits alone, made here from their text. An empty query (or one of
    /// punctuation only) finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let Some(query) = parse_query(query) else {
            return Ok(Vec::new());
        };
        let best = self.ranked(&query, limit)?;
        let mut read = self.conn.prepare_cached(
            "SELECT article_key, title, source, published, link, text FROM articles WHERE id = ?1",
        )?;
        let mut hits = Vec::with_capacity(best.len());
        for (row, rank) in best {
            let hit = read
                .query_row([row], |r| {
                    let title: String = r.get(1)?;
                    let text: String = r.get(5)?;
                    let (snippet, matches) = snippet_of(&title, &text, &query.words);
                    Ok(Hit {
                        article_key: r.get(0)?,
                        title,
                        source: r.get(2)?,
                        published: r.get(3)?,
                        url: r.get(4)?,
                        snippet,
                        matches,
                        rank,
                    })
                })
                .optional()?;
            hits.extend(hit);
        }
        Ok(hits)
    }

    /// The keys of [`Store::search`]'s hits, best first, without their
    /// snippets: what the reader's filter needs.
    pub fn search_keys(&self, query: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        let Some(query) = parse_query(query) else {
            return Ok(Vec::new());
        };
        let mut key = self
            .conn
            .prepare_cached("SELECT article_key FROM articles WHERE id = ?1")?;
        let mut keys = Vec::new();
        for (row, _) in self.ranked(&query, limit)? {
            keys.extend(key.query_row([row], |r| r.get(0)).optional()?);
        }
        Ok(keys)
    }

    /// The rows and bm25 ranks of the best `limit` matches of a query among
    /// the newest [`RANKED`] (see [`Store::search`]), best first, ties
    /// oldest first.
    ///
    /// The newest matches come from FTS5 in rowid order, which stops after
    /// [`RANKED`] whatever the query matches; their text is read in the
    /// same statement and counted by [`rank::count`]. Each phrase's
    /// document frequency is counted among its own newest [`RANKED`]
    /// matches ([`rank::document_frequency`]); a query of one phrase reuses
    /// the first walk. FTS5's `bm25()` instead walks every match of every
    /// phrase, twice for the word being typed (see [`rank`]).
    fn ranked(&self, query: &Query, limit: usize) -> Result<Vec<(i64, f64)>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let window = RANKED as i64;
        let phrases: Vec<Phrase> = query.phrases.iter().map(|(p, _)| p.clone()).collect();
        let mut counter = Counter::new(&phrases);
        let mut rows: Vec<(i64, rank::Counts)> = Vec::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT a.id, a.title, a.text, a.speakers, coalesce(a.feed, '')
                 FROM (SELECT rowid AS row FROM articles_fts WHERE articles_fts MATCH ?1
                       ORDER BY rowid DESC LIMIT ?2) AS m
                 JOIN articles AS a ON a.id = m.row",
            )?;
            let mut found = stmt.query(params![query.fts, window])?;
            while let Some(r) = found.next()? {
                let text = |i| r.get_ref(i).map(|v| v.as_str().unwrap_or_default());
                let columns = [text(1)?, text(2)?, text(3)?, text(4)?];
                rows.push((r.get(0)?, counter.count(columns)));
            }
        }
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let newest: i64 = (self.conn.prepare_cached("SELECT max(id) FROM articles")?)
            .query_row([], |r| r.get::<_, Option<i64>>(0))?
            .unwrap_or(0);
        // The articles and their average length as FTS5's bm25() reads
        // them, else the articles counted and the matches' average length.
        let record: Option<Vec<u8>> = (self.conn)
            .prepare_cached("SELECT block FROM articles_fts_data WHERE id = 1")?
            .query_row([], |r| r.get(0))
            .optional()?;
        let totals = record.as_deref().and_then(|r| rank::totals(r, 4));
        let (kept, average_length) = match totals {
            Some((kept, words)) if kept > 0 => (
                usize::try_from(kept).unwrap_or(usize::MAX),
                words as f64 / kept as f64,
            ),
            _ => {
                let kept: i64 = (self.conn.prepare_cached("SELECT count(*) FROM articles")?)
                    .query_row([], |r| r.get(0))?;
                let words: f64 = rows.iter().map(|(_, c)| f64::from(c.length)).sum();
                (
                    usize::try_from(kept).unwrap_or(0),
                    words / rows.len() as f64,
                )
            }
        };
        let kept = kept.max(rows.len());
        let oldest = rows.iter().map(|(row, _)| *row).min().unwrap_or(newest);
        let mut frequencies = Vec::with_capacity(phrases.len());
        if let [_] = phrases.as_slice() {
            frequencies.push(rank::document_frequency(
                rows.len(),
                RANKED,
                oldest,
                newest,
                kept,
            ));
        } else {
            let mut stmt = self.conn.prepare_cached(
                "SELECT count(*), min(row) FROM
                     (SELECT rowid AS row FROM articles_fts WHERE articles_fts MATCH ?1
                      ORDER BY rowid DESC LIMIT ?2)",
            )?;
            for (phrase, fts) in &query.phrases {
                // The word being typed stands for the words it was seen to
                // begin: the same articles, found without merging every
                // word it begins again.
                let typed = (counter.completions())
                    .filter(|seen| phrase.prefix && phrase.words.len() == 1 && !seen.is_empty())
                    .map(|seen| {
                        let quoted: Vec<String> = seen.iter().map(|w| format!("\"{w}\"")).collect();
                        quoted.join(" OR ")
                    });
                let fts = typed.as_deref().unwrap_or(fts);
                let (found, oldest): (i64, Option<i64>) =
                    stmt.query_row(params![fts, window], |r| Ok((r.get(0)?, r.get(1)?)))?;
                frequencies.push(rank::document_frequency(
                    usize::try_from(found).unwrap_or(0),
                    RANKED,
                    oldest.unwrap_or(newest),
                    newest,
                    kept,
                ));
            }
        }
        let ranker = Bm25::new(&frequencies, kept, average_length);
        let mut best: Vec<(i64, f64)> = (rows.iter())
            .map(|(row, counts)| (*row, ranker.score(counts)))
            .collect();
        best.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        best.truncate(limit);
        Ok(best)
    }

    /// Drops kept articles kept before `before` (seconds since the epoch),
    /// except those with a starred quote; returns how many went.
    pub fn drop_cached_before(&self, before: i64) -> Result<usize, StoreError> {
        self.writable()?;
        let mut stmt = self.conn.prepare_cached(
            "DELETE FROM articles WHERE kept_at < ?1
                AND article_key NOT IN (SELECT article_key FROM stars)",
        )?;
        stmt.execute([before]).map_err(|e| self.write_error(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, text: &str, url: Option<&str>) -> Article {
        Article {
            id: format!("id-{title}"),
            title: title.into(),
            text: text.into(),
            body: 0..text.len(),
            url: url.map(str::to_string),
            ..Article::default()
        }
    }

    /// Keeps one article per text, in one batch, titled `{prefix}{i}`.
    fn keep_all(store: &mut Store, prefix: &str, texts: &[String]) {
        let batch: Vec<Article> = (texts.iter().enumerate())
            .map(|(i, t)| article(&format!("{prefix}{i}"), t, None))
            .collect();
        let keeps: Vec<Keep<'_>> = (batch.iter())
            .map(|a| Keep {
                article: a,
                speakers: &[],
                feed: None,
                guid: None,
            })
            .collect();
        store.keep(&keeps).expect("keep");
    }

    fn keep(store: &mut Store, a: &Article, speakers: &[String], guid: Option<&str>) -> Kept {
        store
            .keep(&[Keep {
                article: a,
                speakers,
                feed: Some("Harbour Wire"),
                guid,
            }])
            .expect("keep")
    }

    #[test]
    fn the_same_story_is_kept_once_by_guid_link_or_text() {
        let mut store = Store::in_memory().expect("store");
        let a = article(
            "Harbour",
            "The harbour reopened.",
            Some("https://h.example/1"),
        );
        assert_eq!(keep(&mut store, &a, &[], Some("g1")).added, 1);
        // Same text under another title and id: a duplicate.
        let same_text = article("Harbour!", "The harbour reopened.", None);
        assert_eq!(keep(&mut store, &same_text, &[], None).duplicates, 1);
        // Same link, other text (an updated story).
        let same_link = article("B", "Another text.", Some("https://h.example/1"));
        assert_eq!(keep(&mut store, &same_link, &[], None).duplicates, 1);
        // Same GUID through another feed.
        let same_guid = article("C", "Third text.", Some("https://mirror.example/x"));
        assert_eq!(keep(&mut store, &same_guid, &[], Some("g1")).duplicates, 1);
        let other = article("D", "Fourth text.", None);
        assert_eq!(keep(&mut store, &other, &[], Some("g2")).added, 1);
        assert_eq!(store.cached_count().expect("count"), 2);
    }

    #[test]
    fn search_ranks_highlights_and_limits_to_a_speaker() {
        let mut store = Store::in_memory().expect("store");
        let ruiz = vec!["Ana Ruiz".to_string()];
        let lind = vec!["Bo Lindqvist".to_string()];
        let a = article(
            "Budget vote",
            "The budget passed. “The budget is sound,” Ana Ruiz said of the budget.",
            None,
        );
        let b = article(
            "Ferry fares",
            "Fares stay flat, and the budget is mentioned once.",
            None,
        );
        keep(&mut store, &a, &ruiz, None);
        keep(&mut store, &b, &lind, None);
        let hits = store.search("budget ", 10).expect("search");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].title, "Budget vote", "more matches rank first");
        assert!(hits[0].rank <= hits[1].rank);
        let h = &hits[1];
        assert!(!h.matches.is_empty());
        for m in &h.matches {
            assert_eq!(h.snippet[m.clone()].to_lowercase(), "budget");
        }
        let only = store
            .search("speaker:\"Bo Lindqvist\" budget", 10)
            .expect("search");
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].title, "Ferry fares");
        assert_eq!(
            store.search("speaker:ruiz budg", 10).expect("search").len(),
            1
        );
        // While typing, the last word is a prefix.
        assert_eq!(store.search("budg", 10).expect("search").len(), 2);
        assert!(store.search("budg ", 10).expect("search").is_empty());
    }

    #[test]
    fn only_the_newest_matches_are_ranked() {
        let mut store = Store::in_memory().expect("store");
        let old = article("Old", &"tide ".repeat(50), None);
        keep(&mut store, &old, &[], None);
        let texts: Vec<String> = (0..RANKED)
            .map(|i| format!("story {i} of one tide"))
            .collect();
        keep_all(&mut store, "N", &texts);
        let hits = store.search("tide", 5).expect("search");
        assert_eq!(hits.len(), 5);
        assert!(
            hits.iter().all(|h| h.title != "Old"),
            "the oldest is past the window"
        );
        // With fewer matches than the window, the best one wins.
        assert_eq!(store.search("tide tide", 1).expect("search").len(), 1);
    }

    #[test]
    fn with_every_match_in_the_window_the_order_is_fts5s_bm25() {
        let mut store = Store::in_memory().expect("store");
        // Different counts of the words and different lengths, so no two
        // ranks tie and the order is bm25's alone; fewer articles than the
        // window, so document frequencies are exact and the ranks are
        // FTS5's own.
        let texts: Vec<String> = (0..60)
            .map(|i| {
                let tides = "tide ".repeat(1 + i % 7);
                let storms = "Storm ".repeat(1 + i % 5);
                let filler = "calm ".repeat(i);
                format!("{tides}{filler}{storms}")
            })
            .collect();
        keep_all(&mut store, "K", &texts);
        // And articles without a tide, so that the average length is the
        // cache's, not the matches'.
        let rare: Vec<String> = (0..40)
            .map(|i| format!("calm {}{}", "gust ".repeat(1 + i % 3), "still ".repeat(i)))
            .collect();
        keep_all(&mut store, "R", &rare);
        for query in [
            "tide",
            "tide storm",
            "sto",
            "calm tide",
            "gust calm",
            "\"tide tide\" st",
        ] {
            let fts = fts_query(query).expect("a query");
            let own: Vec<(i64, f64)> = store
                .conn
                .prepare("SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank")
                .expect("prepare")
                .query_map([&fts], |r| Ok((r.get(0)?, r.get(1)?)))
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows");
            assert!(own.len() >= 40, "{query}");
            let ranks: Vec<f64> = own.iter().map(|&(_, r)| r).collect();
            assert!(
                ranks.windows(2).all(|w| w[0] < w[1]),
                "{query}: ranks tie, so the order is not bm25's alone"
            );
            let parsed = parse_query(query).expect("a query");
            let ours = store.ranked(&parsed, 200).expect("all");
            let rows = |v: &[(i64, f64)]| v.iter().map(|&(r, _)| r).collect::<Vec<_>>();
            assert_eq!(rows(&ours), rows(&own), "{query}");
            for ((_, a), (_, b)) in ours.iter().zip(&own) {
                assert!(
                    (a - b).abs() <= 1e-9 * b.abs().max(1e-6),
                    "{query}: {a} {b}"
                );
            }
            for k in [1, 7, 20] {
                assert_eq!(
                    rows(&store.ranked(&parsed, k).expect("top k")),
                    rows(&own[..k]),
                    "{query} {k}"
                );
                let keys = store.search_keys(query, k).expect("keys");
                let hits: Vec<String> = store
                    .search(query, k)
                    .expect("search")
                    .into_iter()
                    .map(|h| h.article_key)
                    .collect();
                assert_eq!(keys, hits, "{query} {k}");
            }
        }
    }

    #[test]
    fn past_the_window_a_rarer_word_still_weighs_more() {
        let mut store = Store::in_memory().expect("store");
        // More articles with a tide than the window holds; a gale in few.
        let mut texts: Vec<String> = (0..RANKED + 200)
            .map(|i| format!("story {i} of one tide"))
            .collect();
        texts.extend((0..6).map(|i| format!("note {i} on a gale")));
        texts.push("tide tide tide gale, said of the quay".into());
        texts.push("gale gale gale tide, said of the pier".into());
        keep_all(&mut store, "W", &texts);
        for query in ["tide gale", "gale tide", "tide ga"] {
            let hits = store.search(query, 5).expect("search");
            let titles: Vec<&str> = hits.iter().map(|h| h.title.as_str()).collect();
            let (quay, pier) = (format!("W{}", RANKED + 206), format!("W{}", RANKED + 207));
            assert_eq!(titles, [pier.as_str(), quay.as_str()], "{query}");
        }
    }

    #[test]
    fn queries_are_never_syntax() {
        let mut store = Store::in_memory().expect("store");
        let a = article("Odd", "AND OR NOT NEAR ( ) * ^ \" : all here", None);
        keep(&mut store, &a, &[], None);
        for q in [
            "AND", "\"", "(", "NEAR(", "a OR", "*", ":", "speaker:", "feed:\"", "-x", "^",
        ] {
            assert!(store.search(q, 5).is_ok(), "{q:?}");
        }
        assert_eq!(store.search("NEAR", 5).expect("search").len(), 1);
        assert_eq!(fts_query("  "), None);
        assert_eq!(
            fts_query("a \"b c\" speaker:\"Ana Ruiz\"").as_deref(),
            Some("\"a\" AND \"b c\" AND speakers : \"Ana Ruiz\"")
        );
    }

    #[test]
    fn cached_articles_come_back_as_kept() {
        let mut store = Store::in_memory().expect("store");
        let mut a = article(
            "Harbour",
            "Harbour\n\nIt reopened.",
            Some("https://h.example/2"),
        );
        a.body = 9..a.text.len();
        a.source = Some("Tidewire".into());
        a.published = Some("2026-03-03".into());
        keep(&mut store, &a, &["Ona Brisk".to_string()], Some("g"));
        let back = store.cached(10).expect("cached");
        assert_eq!(back.len(), 1);
        assert!(
            store
                .cached_before(Some(back[0].row), 10)
                .expect("next page")
                .is_empty()
        );
        let c = &back[0];
        assert_eq!(c.article.text, a.text);
        assert_eq!(c.article.body, a.body);
        assert_eq!(c.article.url, a.url);
        assert_eq!(c.article.source, a.source);
        assert_eq!(c.speakers, ["Ona Brisk"]);
        assert_eq!(c.feed.as_deref(), Some("Harbour Wire"));
    }

    #[test]
    fn retention_keeps_articles_with_a_starred_quote() {
        let mut store = Store::in_memory().expect("store");
        let a = article("A", "First text.", None);
        let b = article("B", "Second text.", None);
        keep(&mut store, &a, &[], None);
        keep(&mut store, &b, &[], None);
        store
            .star(&crate::store::StarredQuote {
                article_key: article_key(&a),
                start: 0,
                end: 5,
                quote: "First".into(),
                speaker: None,
                headline: "A".into(),
                source: None,
                date: None,
                url: None,
                starred_at: 1,
            })
            .expect("star");
        let gone = store.drop_cached_before(i64::MAX).expect("drop");
        assert_eq!(gone, 1);
        let left = store.cached(10).expect("cached");
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].article.title, "A");
        assert!(
            store.search("second", 5).expect("search").is_empty(),
            "the index follows"
        );
    }

    #[test]
    fn search_keys_are_the_hits_keys_in_order() {
        let mut store = Store::in_memory().expect("store");
        for (i, text) in ["tide tide tide", "one tide", "no match", "tide and tide"]
            .iter()
            .enumerate()
        {
            let a = article(&format!("T{i}"), text, None);
            keep(&mut store, &a, &[], None);
        }
        let hits: Vec<String> = store
            .search("tide", 10)
            .expect("search")
            .into_iter()
            .map(|h| h.article_key)
            .collect();
        assert_eq!(hits.len(), 3);
        assert_eq!(store.search_keys("tide", 10).expect("keys"), hits);
        assert_eq!(
            store.search_keys("tide", 0).expect("keys"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn snippets_carry_no_control_characters_and_mark_the_typed_word() {
        let mut store = Store::in_memory().expect("store");
        let a = article("Gale", "a\u{1b}[31m storm hit\nthe harbourside", None);
        keep(&mut store, &a, &[], None);
        let hits = store.search("harbo", 5).expect("search");
        assert_eq!(hits.len(), 1);
        let h = &hits[0];
        assert!(!h.snippet.chars().any(char::is_control), "{h:?}");
        let marked: Vec<&str> = h.matches.iter().map(|m| &h.snippet[m.clone()]).collect();
        assert_eq!(marked, ["harbourside"]);
    }
}
