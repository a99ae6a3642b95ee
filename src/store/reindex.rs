//! Filling the full-text index that migration 5 made (with prefix indexes)
//! in batches, then putting it in the old index's place.
//!
//! FTS5's own `'rebuild'` is one statement: on a cache of 100,000 articles
//! it holds the write lock for about 10 s (measured with the bench's
//! articles, longer with real ones), and doing it while the schema is
//! upgraded would leave the reader blank that long at its first start after
//! the upgrade. Batches let the collection open at once and stay writable:
//! searches use the old index, complete all along, until the new one is
//! full. No crate does this for FTS5, so it is written here.
//!
//! A batch indexes the next [`BATCH`] articles by row, oldest first, and
//! records the last row done in `articles_fts_fill`; triggers keep the rows
//! done in step with changes meanwhile. Each batch is its own transaction,
//! so a process that ends mid-way loses at most one batch, and several
//! processes filling at once (the reader and a refresh) take turns.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::{BUSY_TIMEOUT, schema};

/// Articles indexed per transaction: about 0.2 s of the write lock for the
/// bench's articles (0.35 s at worst at load 4), well inside the time
/// another writer waits ([`BUSY_TIMEOUT`]).
pub(crate) const BATCH: usize = 1000;

/// The pause between two batches, so that a waiting writer gets the lock.
const PAUSE: Duration = Duration::from_millis(20);

/// Batches that may fail in a row before the background filler gives up
/// until the next start.
const FAILURES: usize = 5;

/// Whether the index of migration 5 is still being filled.
pub(crate) fn pending(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT 1 FROM sqlite_master WHERE name = 'articles_fts_fill'",
        [],
        |_| Ok(()),
    )
    .optional()
    .map(|found| found.is_some())
}

/// Indexes up to `batch` more articles, and when none are left puts the
/// new index in the old one's place. Returns whether the index is complete.
pub(crate) fn fill(conn: &mut Connection, batch: usize) -> rusqlite::Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read inside the write transaction: another process may have filled
    // further, or finished, since this one last looked.
    if !pending(&tx)? {
        return Ok(true);
    }
    let filled: i64 = tx.query_row("SELECT filled FROM articles_fts_fill", [], |r| r.get(0))?;
    let upto: Option<i64> = tx.query_row(
        "SELECT max(id) FROM (SELECT id FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2)",
        rusqlite::params![filled, batch as i64],
        |r| r.get(0),
    )?;
    if let Some(upto) = upto {
        tx.execute(
            "INSERT INTO articles_fts_next (rowid, title, text, speakers, feed)
             SELECT id, title, text, speakers, feed FROM articles
             WHERE id > ?1 AND id <= ?2",
            [filled, upto],
        )?;
        tx.execute("UPDATE articles_fts_fill SET filled = ?1", [upto])?;
    }
    let done = rest(&tx, upto.unwrap_or(filled), 0)?;
    if done {
        // The old triggers go before the rename: renaming checks every
        // trigger, and theirs would name a table that is gone.
        tx.execute_batch(
            "DROP TRIGGER articles_fts_next_insert;
             DROP TRIGGER articles_fts_next_delete;
             DROP TRIGGER articles_fts_next_update;
             DROP TRIGGER articles_fts_insert;
             DROP TRIGGER articles_fts_delete;
             DROP TRIGGER articles_fts_update;
             DROP TABLE articles_fts;
             ALTER TABLE articles_fts_next RENAME TO articles_fts;
             DROP TABLE articles_fts_fill;",
        )?;
        tx.execute_batch(schema::FTS_TRIGGERS)?;
    }
    tx.commit()?;
    Ok(done)
}

/// Whether at most `batch` articles come after row `after`; walks at most
/// that many rows, where counting them all would read the whole cache.
fn rest(conn: &Connection, after: i64, batch: usize) -> rusqlite::Result<bool> {
    let more = conn
        .query_row(
            "SELECT 1 FROM articles WHERE id > ?1 ORDER BY id LIMIT 1 OFFSET ?2",
            rusqlite::params![after, batch as i64],
            |_| Ok(()),
        )
        .optional()?;
    Ok(more.is_none())
}

/// What opening the database at `path` does about an index still being
/// filled: the last batch at once (a small cache is then searched with
/// its prefix indexes from the start), else the rest on a thread of its
/// own ([`in_background`]), so that opening takes no longer than before.
pub(crate) fn at_open(conn: &mut Connection, path: &Path) {
    if !pending(conn).unwrap_or(false) {
        return;
    }
    let filled = conn.query_row("SELECT filled FROM articles_fts_fill", [], |r| r.get(0));
    let small = filled.and_then(|filled| rest(conn, filled, BATCH));
    if small.unwrap_or(false) && fill(conn, BATCH).unwrap_or(false) {
        return;
    }
    in_background(path);
}

/// Fills the index to the end on a thread of its own, with its own
/// connection to the database at `path`; one such thread per file in a
/// process. Failures leave the rest to the next start: the old index
/// serves searches meanwhile.
pub(crate) fn in_background(path: &Path) {
    static FILLING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    let Ok(mut filling) = FILLING.lock() else {
        return;
    };
    if filling.iter().any(|p| p == path) {
        return;
    }
    let path = path.to_path_buf();
    let spawned = std::thread::Builder::new()
        .name("hearsay-reindex".into())
        .spawn({
            let path = path.clone();
            move || {
                fill_all(&path);
                if let Ok(mut filling) = FILLING.lock() {
                    filling.retain(|p| *p != path);
                }
            }
        });
    if spawned.is_ok() {
        filling.push(path);
    }
}

fn fill_all(path: &Path) {
    let Ok(mut conn) = Connection::open(path) else {
        return;
    };
    if conn.busy_timeout(BUSY_TIMEOUT).is_err() {
        return;
    }
    let mut failures = 0;
    while failures < FAILURES {
        match fill(&mut conn, BATCH) {
            Ok(true) => return,
            Ok(false) => failures = 0,
            Err(_) => failures += 1,
        }
        std::thread::sleep(PAUSE * (1 + 10 * failures as u32));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_triggers_made_again_are_migration_threes() {
        let mut old = Connection::open_in_memory().unwrap();
        schema::migrate_to(&mut old, 3).unwrap();
        let mut new = Connection::open_in_memory().unwrap();
        schema::migrate(&mut new).unwrap();
        while !fill(&mut new, 10).unwrap() {}
        let triggers = |c: &Connection| -> Vec<(String, String)> {
            c.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        let (old, new) = (triggers(&old), triggers(&new));
        assert_eq!(old.len(), 3);
        assert_eq!(old, new);
    }
}
