//! Going on when the database cannot be opened as it is.

use std::path::{Path, PathBuf};

use super::{DB_FILE, Store, StoreError};

impl Store {
    /// Opens the collection in `dir`, and never fails: when the database
    /// cannot be opened as it is, hearsay goes on and says how.
    ///
    /// - damaged: the file is renamed `hearsay.db.corrupt-<UTC time>` (kept as
    ///   a backup, its write-ahead log beside it) and a fresh one started;
    /// - locked by another program, or not writable: opened read-only, so
    ///   stars show but new ones are refused with an error;
    /// - anything else, or when the above fails too: the collection lives in
    ///   memory for this session.
    ///
    /// The message, when there is one, is for the user.
    pub fn open_or_recover(dir: &Path) -> (Store, Option<String>) {
        let error = match Store::open(dir) {
            Ok(store) => return (store, None),
            Err(e) => e,
        };
        match error {
            StoreError::Corrupt { path, reason } => match move_aside(&path) {
                Ok(backup) => match Store::open(dir) {
                    Ok(store) => {
                        let message = format!(
                            "{} was damaged ({reason}); kept it as {} and started a new collection",
                            path.display(),
                            backup.display()
                        );
                        (store, Some(message))
                    }
                    Err(e) => in_memory(&format!(
                        "{} was damaged and kept as {}, but a new one could not be made: {e}",
                        path.display(),
                        backup.display()
                    )),
                },
                Err(e) => in_memory(&format!("{} is damaged ({reason}); {e}", path.display())),
            },
            StoreError::Locked { .. } | StoreError::Unreadable { .. } => {
                match Store::open_read_only(dir) {
                    Ok(store) => {
                        let message = format!(
                            "{error}; opened read-only: stars and read marks cannot be changed"
                        );
                        (store, Some(message))
                    }
                    Err(_) => in_memory(&error.to_string()),
                }
            }
            e => in_memory(&e.to_string()),
        }
    }
}

/// A collection in memory, with a message saying why and what it means.
fn in_memory(why: &str) -> (Store, Option<String>) {
    let message = format!("{why}; stars and read marks of this session will not be kept");
    // An in-memory database needs no file and its schema is fixed SQL, so
    // this fails only if SQLite itself is broken: nothing is left to fall back to.
    let store = Store::in_memory().expect("an in-memory database opens");
    (store, Some(message))
}

/// Renames a damaged database (and its write-ahead log) aside; returns the
/// backup's path. The shared-memory index is rebuilt by SQLite, so it goes.
fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let backup = backup_path(path);
    std::fs::rename(path, &backup).map_err(|source| StoreError::Backup {
        path: path.to_path_buf(),
        source,
    })?;
    let sidecar = |p: &Path, suffix: &str| {
        let mut s = p.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    let wal = sidecar(path, "-wal");
    if wal.exists() {
        // Beside the backup under SQLite's name for it, so opening the backup
        // replays it; losing it only loses the backup's last writes.
        let _ = std::fs::rename(&wal, sidecar(&backup, "-wal"));
    }
    let _ = std::fs::remove_file(sidecar(path, "-shm"));
    Ok(backup)
}

/// `hearsay.db.corrupt-20261126T164758Z`, with `-2`, `-3`… if taken.
fn backup_path(path: &Path) -> PathBuf {
    let stamp = utc_stamp(super::star::now());
    let dir = path.parent().unwrap_or(Path::new("."));
    let base = format!("{DB_FILE}.corrupt-{stamp}");
    let mut candidate = dir.join(&base);
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{base}-{n}"));
        n += 1;
    }
    candidate
}

/// A Unix time as `YYYYMMDDTHHMMSSZ`.
fn utc_stamp(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    // Count from 0000-03-01 so the leap day ends each 400-year era's year.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..146097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // year of era
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year from March 1
    let mp = (5 * doy + 2) / 153; // month from March, 0..12
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_stamps_of_known_times() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        assert_eq!(utc_stamp(951_782_400), "20000229T000000Z");
        assert_eq!(utc_stamp(1_798_761_599), "20261231T235959Z");
        assert_eq!(utc_stamp(1_709_251_199), "20240229T235959Z");
        assert_eq!(utc_stamp(-1), "19691231T235959Z");
    }
}
