//! The collection that lasts: starred quotes, read state and the offline
//! cache of kept articles with its full-text index, in SQLite.
//!
//! One database file, `hearsay.db`, in the data folder ([`data_dir`]). It runs
//! in write-ahead-log mode, its schema is versioned with `PRAGMA user_version`
//! and upgraded step by step, each step in a transaction. A step that remakes
//! the full-text index (version 5, its prefix indexes) only creates it: it is
//! filled in batches after opening, the old index serving searches meanwhile
//! (`reindex`). Articles are known by a stable [`article_key`], so stars
//! survive loading the same files again.
//!
//! [`Store::open_or_recover`] never fails: a corrupt file is moved aside as a
//! backup and a fresh one started; a locked one is opened read-only; failing
//! that the collection lives in memory for the session. Each case comes with a
//! message for the user. Writes that fail return the error: a star is never
//! dropped silently.
//!
//! ```
//! use hearsay::store::{Store, StarredQuote};
//! let dir = std::env::temp_dir().join(format!("hearsay-doc-{}", std::process::id()));
//! let store = Store::open(&dir)?;
//! store.set_read("id:story-1", true)?;
//! assert!(store.is_read("id:story-1")?);
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), hearsay::store::StoreError>(())
//! ```

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};

mod cache;
mod feeds;
mod key;
mod rank;
mod recover;
mod reindex;
mod schema;
mod snippet;
mod star;

pub use cache::{Cached, Hit, Keep, Kept, fts_query, snippet_of, snippet_terms};
pub use feeds::FeedState;
pub use key::article_key;
pub use snippet::Term;
pub use star::{StarKey, StarredQuote, now};

/// The database's file name inside the data folder.
pub const DB_FILE: &str = "hearsay.db";

/// The environment variable that names the data folder.
pub const DATA_DIR_ENV: &str = "HEARSAY_DATA_DIR";

/// How long a write waits for another hearsay to finish its own.
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);

/// The data folder: `flag` (`--data-dir`) if given, else `$HEARSAY_DATA_DIR`
/// if set and not empty, else the platform's data folder for hearsay
/// (`~/.local/share/hearsay` on Linux), else `.hearsay` in the working folder.
pub fn data_dir(flag: Option<&Path>) -> PathBuf {
    data_dir_from(flag, std::env::var_os(DATA_DIR_ENV).map(PathBuf::from))
}

/// [`data_dir`] with the environment variable's value passed in.
pub fn data_dir_from(flag: Option<&Path>, env: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    if let Some(dir) = env.filter(|d| !d.as_os_str().is_empty()) {
        return dir;
    }
    directories::ProjectDirs::from("", "", "hearsay")
        .map_or_else(|| PathBuf::from(".hearsay"), |p| p.data_dir().to_path_buf())
}

/// Why the collection could not be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data folder could not be created.
    #[error("cannot create the data folder {}: {source}", path.display())]
    DataDir {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is damaged or is not a hearsay database.
    #[error("{} is damaged or not a database: {reason}", path.display())]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// Another program holds the database.
    #[error("{} is locked by another program: {source}", path.display())]
    Locked {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The file cannot be opened or read.
    #[error("cannot open {}: {source}", path.display())]
    Unreadable {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// A newer hearsay wrote this database.
    #[error("the database has schema version {found}; this hearsay knows up to {known}")]
    TooNew {
        /// The database's version.
        found: u32,
        /// The newest version this build knows.
        known: u32,
    },
    /// An older database that cannot be upgraded, as it is open read-only.
    #[error(
        "the database has schema version {found} and needs upgrading to {known}, which read-only it cannot be"
    )]
    Outdated {
        /// The database's version.
        found: u32,
        /// The version this build writes.
        known: u32,
    },
    /// The collection was opened read-only, so nothing can be saved.
    #[error("the collection is open read-only; it cannot be changed this session")]
    ReadOnly,
    /// A damaged file could not be moved aside.
    #[error("cannot move {} aside: {source}", path.display())]
    Backup {
        /// The damaged file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Any other database error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// Sorts a SQLite error met on the database at `path` into what it means here.
    fn classify(path: &Path, e: StoreError) -> StoreError {
        let StoreError::Sqlite(source) = e else {
            return e;
        };
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                reason: source.to_string(),
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path, source }
            }
            Some(
                ErrorCode::CannotOpen
                | ErrorCode::PermissionDenied
                | ErrorCode::ReadOnly
                | ErrorCode::SystemIoFailure,
            ) => StoreError::Unreadable { path, source },
            _ => StoreError::Sqlite(source),
        }
    }
}

/// Where the collection is kept this session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// On disk, read and write.
    Disk,
    /// On disk, read only: changes are refused with [`StoreError::ReadOnly`].
    ReadOnly,
    /// In memory: changes work but end with the session.
    Memory,
}

/// The collection: starred quotes and read state.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    persistence: Persistence,
}

impl Store {
    /// Opens (creating if needed) the database in `dir`, upgrading its schema.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(DB_FILE);
        // SQLite answers "busy" at once, without waiting on its busy
        // handler, where waiting could deadlock: turning a new file to WAL
        // or reading a log another connection is setting up. Several
        // hearsays (or the reader's own threads) opening a fresh folder
        // together meet that, so the whole opening is tried again for as
        // long as a write would wait.
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        let mut pause = Duration::from_millis(2);
        loop {
            match open_at(&path) {
                Err(StoreError::Locked { .. }) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(100));
                }
                result => return result,
            }
        }
    }

    /// Opens the database in `dir` read-only; it must be at the current schema.
    pub fn open_read_only(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join(DB_FILE);
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags)
            .map_err(|e| StoreError::classify(&path, StoreError::Sqlite(e)))?;
        let classify = |e| StoreError::classify(&path, StoreError::Sqlite(e));
        conn.busy_timeout(BUSY_TIMEOUT).map_err(classify)?;
        let found = schema::version(&conn).map_err(classify)?;
        let known = schema::VERSION;
        if found > known {
            return Err(StoreError::TooNew { found, known });
        }
        if found < known {
            return Err(StoreError::Outdated { found, known });
        }
        Ok(Store {
            conn,
            path: Some(path),
            persistence: Persistence::ReadOnly,
        })
    }

    /// A collection that lives in memory and ends with the session.
    pub fn in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        schema::migrate(&mut conn)?;
        while !reindex::fill(&mut conn, reindex::BATCH)? {}
        Ok(Store {
            conn,
            path: None,
            persistence: Persistence::Memory,
        })
    }

    /// The database file, unless in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Where the collection is kept this session.
    pub fn persistence(&self) -> Persistence {
        self.persistence
    }

    fn writable(&self) -> Result<(), StoreError> {
        match self.persistence {
            Persistence::ReadOnly => Err(StoreError::ReadOnly),
            Persistence::Disk | Persistence::Memory => Ok(()),
        }
    }

    /// A failed write, sorted: another hearsay writing shows as [`StoreError::Locked`].
    fn write_error(&self, e: rusqlite::Error) -> StoreError {
        let path = self.path.as_deref().unwrap_or(Path::new(":memory:"));
        StoreError::classify(path, StoreError::Sqlite(e))
    }

    /// Stars a quote. Starring it again refreshes its snapshot but keeps the
    /// time it was first starred.
    pub fn star(&self, star: &StarredQuote) -> Result<(), StoreError> {
        self.writable()?;
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO stars (article_key, quote_start, quote_end, quote, speaker,
                 headline, source, date, url, starred_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (article_key, quote_start, quote_end) DO UPDATE SET
                 quote = excluded.quote, speaker = excluded.speaker,
                 headline = excluded.headline, source = excluded.source,
                 date = excluded.date, url = excluded.url",
        )?;
        stmt.execute(params![
            star.article_key,
            star.start,
            star.end,
            star.quote,
            star.speaker,
            star.headline,
            star.source,
            star.date,
            star.url,
            star.starred_at,
        ])
        .map_err(|e| self.write_error(e))?;
        Ok(())
    }

    /// Removes a star; returns whether there was one.
    pub fn unstar(&self, key: &StarKey) -> Result<bool, StoreError> {
        self.writable()?;
        let mut stmt = self.conn.prepare_cached(
            "DELETE FROM stars WHERE article_key = ?1 AND quote_start = ?2 AND quote_end = ?3",
        )?;
        let removed = stmt
            .execute(params![key.article_key, key.start, key.end])
            .map_err(|e| self.write_error(e))?;
        Ok(removed > 0)
    }

    /// Stars the quote if it is not starred, unstars it if it is; returns
    /// whether it is starred now.
    pub fn toggle_star(&self, star: &StarredQuote) -> Result<bool, StoreError> {
        if self.unstar(&star.key())? {
            return Ok(false);
        }
        self.star(star)?;
        Ok(true)
    }

    /// Whether the quote is starred.
    pub fn is_starred(&self, key: &StarKey) -> Result<bool, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT 1 FROM stars WHERE article_key = ?1 AND quote_start = ?2 AND quote_end = ?3",
        )?;
        let found = stmt
            .query_row(params![key.article_key, key.start, key.end], |_| Ok(()))
            .optional()?;
        Ok(found.is_some())
    }

    /// Every starred quote, oldest star first.
    pub fn starred(&self) -> Result<Vec<StarredQuote>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT article_key, quote_start, quote_end, quote, speaker, headline,
                    source, date, url, starred_at
             FROM stars ORDER BY starred_at, rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StarredQuote {
                article_key: r.get(0)?,
                start: r.get(1)?,
                end: r.get(2)?,
                quote: r.get(3)?,
                speaker: r.get(4)?,
                headline: r.get(5)?,
                source: r.get(6)?,
                date: r.get(7)?,
                url: r.get(8)?,
                starred_at: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Which quotes are starred, for marking them while drawing.
    pub fn starred_keys(&self) -> Result<HashSet<StarKey>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article_key, quote_start, quote_end FROM stars")?;
        let rows = stmt.query_map([], |r| {
            Ok(StarKey {
                article_key: r.get(0)?,
                start: r.get(1)?,
                end: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks an article read or unread.
    pub fn set_read(&self, article_key: &str, read: bool) -> Result<(), StoreError> {
        self.writable()?;
        if read {
            self.conn
                .prepare_cached(
                    "INSERT INTO read_articles (article_key, read_at) VALUES (?1, ?2)
                     ON CONFLICT (article_key) DO NOTHING",
                )?
                .execute(params![article_key, star::now()])
                .map_err(|e| self.write_error(e))?;
        } else {
            self.conn
                .prepare_cached("DELETE FROM read_articles WHERE article_key = ?1")?
                .execute(params![article_key])
                .map_err(|e| self.write_error(e))?;
        }
        Ok(())
    }

    /// Whether an article has been read.
    pub fn is_read(&self, article_key: &str) -> Result<bool, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM read_articles WHERE article_key = ?1")?;
        Ok(stmt
            .query_row(params![article_key], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The keys of every read article.
    pub fn read_keys(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article_key FROM read_articles")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// One try at opening the database file at `path` read and write.
fn open_at(path: &Path) -> Result<Store, StoreError> {
    let mut conn =
        Connection::open(path).map_err(|e| StoreError::classify(path, StoreError::Sqlite(e)))?;
    prepare(&mut conn).map_err(|e| StoreError::classify(path, e))?;
    reindex::at_open(&mut conn, path);
    Ok(Store {
        conn,
        path: Some(path.to_path_buf()),
        persistence: Persistence::Disk,
    })
}

/// Sets up a freshly opened connection: waits for other writers, checks the
/// file, switches to write-ahead logging and upgrades the schema.
fn prepare(conn: &mut Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // The first read of the file: a file that is not a database fails here.
    // On a file system without shared memory SQLite keeps its rollback
    // journal instead, which works too, so the mode it answers is not checked.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    let _tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    schema::migrate(conn)?;
    // The collection proper (stars, read marks, feed state) is checked on
    // every start; the offline cache, which can hold gigabytes, is not: a
    // check of the whole file grew with it (7 s at 100,000 articles), and
    // damage there shows as an error on the query that meets it.
    for table in ["stars", "read_articles", "feeds"] {
        let check: String =
            conn.query_row(&format!("PRAGMA quick_check({table})"), [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(check),
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
