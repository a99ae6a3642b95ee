//! What the last fetch of each subscription said: the validators for a
//! conditional request, when the server asked to be left alone until, and
//! the last error, for the feeds view and `hearsay fetch`.

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
}
