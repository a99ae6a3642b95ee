//! What the last fetch of each subscription said: the validators for a
//! conditional request, when the server asked to be left alone until, and
//! the last error, for the feeds view and `hearsay fetch`.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};
use crate::fetch::Validators;

/// The kept state of one feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// Validators of the last copy.
    pub validators: Validators,
    /// When it was last fetched, seconds since the epoch.
    pub fetched_at: Option<i64>,
    /// Not before this time (`Retry-After`).
    pub retry_at: Option<i64>,
    /// The last fetch's error, if it failed.
    pub last_error: Option<String>,
    /// Articles it has brought in all.
    pub articles: i64,
}

impl Store {
    /// The state of the feed at `url` (the default when never fetched).
    pub fn feed_state(&self, url: &str) -> Result<FeedState, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT etag, last_modified, fetched_at, retry_at, last_error, articles
             FROM feeds WHERE url = ?1",
        )?;
        let state = stmt
            .query_row([url], |r| {
                Ok(FeedState {
                    validators: Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    },
                    fetched_at: r.get(2)?,
                    retry_at: r.get(3)?,
                    last_error: r.get(4)?,
                    articles: r.get(5)?,
                })
            })
            .optional()?;
        Ok(state.unwrap_or_default())
    }

    /// Records a fetch of `url`.
    pub fn set_feed_state(&self, url: &str, state: &FeedState) -> Result<(), StoreError> {
        self.writable()?;
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO feeds (url, etag, last_modified, fetched_at, retry_at, last_error, articles)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
                 last_modified = excluded.last_modified, fetched_at = excluded.fetched_at,
                 retry_at = excluded.retry_at, last_error = excluded.last_error,
                 articles = excluded.articles",
        )?;
        stmt.execute(params![
            url,
            state.validators.etag,
            state.validators.last_modified,
            state.fetched_at,
            state.retry_at,
            state.last_error,
            state.articles,
        ])
        .map_err(|e| self.write_error(e))?;
        Ok(())
    }

    /// The keys of the kept articles by the feed that brought them (as the
    /// cache names it: the feed's name, else its URL), newest first; an
    /// article two feeds brought is kept, and listed, once.
    pub fn feed_article_keys(&self) -> Result<HashMap<String, Vec<String>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT feed, article_key FROM articles WHERE feed IS NOT NULL ORDER BY id DESC",
        )?;
        let mut out: HashMap<String, Vec<String>> = HashMap::new();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        for row in rows {
            let (feed, key) = row?;
            out.entry(feed).or_default().push(key);
        }
        Ok(out)
    }

    /// Marks every article of `keys` read (or unread), all or none.
    pub fn set_read_all(&self, keys: &[String], read: bool) -> Result<(), StoreError> {
        self.writable()?;
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.write_error(e))?;
        for key in keys {
            self.set_read(key, read)?;
        }
        tx.commit().map_err(|e| self.write_error(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::store::Keep;

    #[test]
    fn keys_come_by_feed_and_marking_all_read_keeps_them_read() {
        let mut store = Store::in_memory().expect("store");
        let art = |id: &str| Article::from_text(id, format!("{id}\n\nText of {id}.\n"));
        let (a, b, c) = (art("a"), art("b"), art("c"));
        for (article, feed) in [(&a, Some("Bay")), (&b, Some("Bay")), (&c, None)] {
            let keep = Keep {
                article,
                speakers: &[],
                feed,
                guid: None,
            };
            store.keep(&[keep]).expect("keep");
        }
        let keys = store.feed_article_keys().expect("keys");
        let bay = keys.get("Bay").expect("the feed's keys");
        let expected = [crate::store::article_key(&b), crate::store::article_key(&a)];
        assert_eq!(bay, &expected);
        assert_eq!(keys.len(), 1);
        store.set_read_all(bay, true).expect("marked");
        assert_eq!(store.read_keys().expect("read").len(), 2);
        store.set_read_all(&bay[..1], false).expect("unmarked");
        assert_eq!(store.read_keys().expect("read").len(), 1);
    }
}
