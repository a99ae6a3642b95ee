//! The database schema and its migrations, versioned by `PRAGMA user_version`.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// Migration `i` brings the schema from version `i` to `i + 1`.
///
/// Never edit a migration that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: starred quotes, with a snapshot of where they came from so the
    // collection reads well even when the article is not loaded.
    "CREATE TABLE stars (
        article_key TEXT NOT NULL,
        quote_start INTEGER NOT NULL,
        quote_end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        speaker TEXT,
        headline TEXT NOT NULL,
        source TEXT,
        date TEXT,
        url TEXT,
        starred_at INTEGER NOT NULL,
        PRIMARY KEY (article_key, quote_start, quote_end)
    );",
    // 2: read state per article; an article without a row is unread.
    "CREATE TABLE read_articles (
        article_key TEXT PRIMARY KEY NOT NULL,
        read_at INTEGER NOT NULL
    );
    CREATE INDEX stars_by_time ON stars (starred_at);",
    // 3: the offline cache (store/cache.rs): kept articles, one row per story
    // (deduplicated by key, content hash, link and GUID), and an FTS5 index
    // over headline, text, speakers and feed that triggers keep in step.
    "CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        article_key TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        guid TEXT,
        link TEXT,
        feed TEXT,
        title TEXT NOT NULL,
        source TEXT,
        published TEXT,
        byline TEXT,
        text TEXT NOT NULL,
        body_start INTEGER NOT NULL,
        body_end INTEGER NOT NULL,
        speakers TEXT NOT NULL,
        kept_at INTEGER NOT NULL
    );
    CREATE INDEX articles_by_hash ON articles (content_hash);
    CREATE INDEX articles_by_link ON articles (link) WHERE link IS NOT NULL;
    CREATE INDEX articles_by_guid ON articles (guid) WHERE guid IS NOT NULL;
    CREATE INDEX articles_by_time ON articles (kept_at);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, speakers, feed,
        content = 'articles', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text, speakers, feed)
        VALUES (new.id, new.title, new.text, new.speakers, new.feed);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text, speakers, feed)
        VALUES ('delete', old.id, old.title, old.text, old.speakers, old.feed);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text, speakers, feed)
        VALUES ('delete', old.id, old.title, old.text, old.speakers, old.feed);
        INSERT INTO articles_fts (rowid, title, text, speakers, feed)
        VALUES (new.id, new.title, new.text, new.speakers, new.feed);
    END;",
    // 4: what the last fetch of each subscription said: validators for a
    // conditional request, when to try again, and the last error.
    "CREATE TABLE feeds (
        url TEXT PRIMARY KEY NOT NULL,
        etag TEXT,
        last_modified TEXT,
        fetched_at INTEGER,
        retry_at INTEGER,
        last_error TEXT,
        articles INTEGER NOT NULL DEFAULT 0
    );",
    // 5: the full-text index again, with prefix indexes of the first 1, 2
    // and 3 characters of every word, so that the first letters typed are
    // one lookup instead of a merge of every word they begin. It starts
    // empty and is filled in batches from the oldest article
    // (store/reindex.rs); `articles_fts_fill` says how far, and the triggers
    // keep the filled part in step. When full it takes the old index's
    // place and `articles_fts_fill` goes.
    "CREATE TABLE articles_fts_fill (filled INTEGER NOT NULL);
    INSERT INTO articles_fts_fill VALUES (0);
    CREATE VIRTUAL TABLE articles_fts_next USING fts5(
        title, text, speakers, feed,
        content = 'articles', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
    );
    CREATE TRIGGER articles_fts_next_insert AFTER INSERT ON articles
    WHEN new.id <= (SELECT filled FROM articles_fts_fill) BEGIN
        INSERT INTO articles_fts_next (rowid, title, text, speakers, feed)
        VALUES (new.id, new.title, new.text, new.speakers, new.feed);
    END;
    CREATE TRIGGER articles_fts_next_delete AFTER DELETE ON articles
    WHEN old.id <= (SELECT filled FROM articles_fts_fill) BEGIN
        INSERT INTO articles_fts_next (articles_fts_next, rowid, title, text, speakers, feed)
        VALUES ('delete', old.id, old.title, old.text, old.speakers, old.feed);
    END;
    CREATE TRIGGER articles_fts_next_update AFTER UPDATE ON articles
    WHEN old.id <= (SELECT filled FROM articles_fts_fill) BEGIN
        INSERT INTO articles_fts_next (articles_fts_next, rowid, title, text, speakers, feed)
        VALUES ('delete', old.id, old.title, old.text, old.speakers, old.feed);
        INSERT INTO articles_fts_next (rowid, title, text, speakers, feed)
        VALUES (new.id, new.title, new.text, new.speakers, new.feed);
    END;",
];

/// The triggers that keep `articles_fts` in step with `articles`, as
/// migration 3 made them; [`super::reindex`] makes them again for the index
/// that takes its place.
pub(crate) const FTS_TRIGGERS: &str = "
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text, speakers, feed)
        VALUES (new.id, new.title, new.text, new.speakers, new.feed);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text, speakers, feed)
        VALUES ('delete', old.id, old.title, old.text, old.speakers, old.feed);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text, speakers, feed)
        VALUES ('delete', old.id, old.title, old.text, old.speakers, old.feed);
        INSERT INTO articles_fts (rowid, title, text, speakers, feed)
        VALUES (new.id, new.title, new.text, new.speakers, new.feed);
    END;";

/// The schema version this build writes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// The schema version of the database behind `conn`.
pub fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the database up to [`VERSION`], each step in its own transaction.
///
/// The version is read again inside each write transaction, so two processes
/// opening an old database at once do not run a step twice.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, VERSION)
}

/// Brings the database up to `target` (at most [`VERSION`]); tests use it to
/// make databases of older versions.
pub(crate) fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found > VERSION {
        return Err(StoreError::TooNew {
            found,
            known: VERSION,
        });
    }
    let steps = (1..=VERSION).zip(MIGRATIONS);
    for (next, sql) in steps
        .skip(found as usize)
        .take(target.saturating_sub(found) as usize)
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if version(&tx)? >= next {
            continue; // another process got there first
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", next)?;
        tx.commit()?;
    }
    Ok(())
}
