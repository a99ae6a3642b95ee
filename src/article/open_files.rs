//! The JSONL files articles are read back from, kept open: reading back the
//! texts of a million articles of one file (the search, the speakers view,
//! the reader moving through headlines) would otherwise open and close that
//! file a million times.
//!
//! A kept handle is only a shortcut to the file its path names now. Each
//! read looks the path up (one `stat`, where a fresh read was an open, a
//! `fstat` and a close) and opens the path again when it names another file
//! than the handle, one put in its place by a rename, so what is read is
//! what opening the path would read and the caller's check of its length
//! and modification time sees the file as it is. At most [`KEPT`] files are
//! held open, the least recently read let go first.
//!
//! Written here rather than taken from an LRU crate: a handful of entries
//! in a `Vec` under a mutex is a few lines, and the part that matters, that
//! a handle still names the path's file, is no cache's concern.

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;
#[cfg(unix)]
use std::sync::{Arc, Mutex, PoisonError};

/// The most files held open at once.
#[cfg(unix)]
pub(super) const KEPT: usize = 16;

/// A file open for reading back, with its metadata as of this read.
pub(super) struct Opened {
    #[cfg(unix)]
    file: Arc<File>,
    #[cfg(not(unix))]
    file: File,
    /// The length and modification time to check against the loaded ones.
    pub(super) meta: Metadata,
}

impl Opened {
    /// Fills `buf` from byte `offset` of the file.
    pub(super) fn read_exact_at(&mut self, buf: &mut [u8], offset: u64) -> io::Result<()> {
        #[cfg(unix)]
        {
            std::os::unix::fs::FileExt::read_exact_at(&*self.file, buf, offset)
        }
        #[cfg(not(unix))]
        {
            use std::io::{Read, Seek, SeekFrom};
            self.file.seek(SeekFrom::Start(offset))?;
            self.file.read_exact(buf)
        }
    }
}

/// One file held open: the path it was opened by, and which file it is.
#[cfg(unix)]
struct Kept {
    path: std::path::PathBuf,
    /// Device and inode.
    id: (u64, u64),
    file: Arc<File>,
}

/// The files held open, the most recently read last.
#[cfg(unix)]
static OPEN: Mutex<Vec<Kept>> = Mutex::new(Vec::new());

#[cfg(unix)]
fn identity(meta: &Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// The file `path` names now, open, with its metadata.
#[cfg(unix)]
pub(super) fn open(path: &Path) -> io::Result<Opened> {
    let meta = std::fs::metadata(path)?;
    let id = identity(&meta);
    {
        let mut open = OPEN.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(i) = open.iter().position(|k| k.path == path) {
            let kept = open.remove(i);
            if kept.id == id {
                let file = Arc::clone(&kept.file);
                open.push(kept);
                return Ok(Opened { file, meta });
            }
            // Another file is at the path now: the old handle is let go.
        }
    }
    // Opened without the lock held, so one slow open does not hold up
    // reads of other files. The handle's own metadata is the one checked:
    // the path may have been replaced again since it was looked up.
    let file = Arc::new(File::open(path)?);
    let meta = file.metadata()?;
    let mut open = OPEN.lock().unwrap_or_else(PoisonError::into_inner);
    open.retain(|k| k.path != path);
    if open.len() >= KEPT {
        open.remove(0);
    }
    open.push(Kept {
        path: path.to_path_buf(),
        id: identity(&meta),
        file: Arc::clone(&file),
    });
    Ok(Opened { file, meta })
}

/// The file `path` names now, open, with its metadata: opened afresh for
/// each read where positional reads on a shared handle are not at hand.
#[cfg(not(unix))]
pub(super) fn open(path: &Path) -> io::Result<Opened> {
    let file = File::open(path)?;
    let meta = file.metadata()?;
    Ok(Opened { file, meta })
}

/// How many files are held open now.
#[cfg(all(test, unix))]
fn held() -> usize {
    OPEN.lock().unwrap_or_else(PoisonError::into_inner).len()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn read(path: &Path, offset: u64, len: usize) -> Vec<u8> {
        let mut opened = open(path).expect("open");
        let mut buf = vec![0; len];
        opened.read_exact_at(&mut buf, offset).expect("read");
        buf
    }

    #[test]
    fn one_handle_serves_every_read_of_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("lines.jsonl");
        std::fs::write(&path, "0123456789").expect("write");
        let first = open(&path).expect("open").file;
        for i in 0..10u8 {
            assert_eq!(read(&path, u64::from(i), 1), [b'0' + i]);
        }
        let last = open(&path).expect("open").file;
        assert!(Arc::ptr_eq(&first, &last));
    }

    #[test]
    fn a_file_renamed_into_the_path_is_read_not_the_old_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("lines.jsonl");
        std::fs::write(&path, "old text").expect("write");
        assert_eq!(read(&path, 0, 3), b"old");
        let other = dir.path().join("other.jsonl");
        std::fs::write(&other, "new text").expect("write");
        std::fs::rename(&other, &path).expect("rename");
        assert_eq!(read(&path, 0, 3), b"new");
        // Removed: the path names nothing, whatever handle is kept.
        std::fs::remove_file(&path).expect("remove");
        assert!(open(&path).is_err());
    }

    #[test]
    fn no_more_than_kept_files_stay_open() {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..KEPT + 4 {
            let path = dir.path().join(format!("{i}.jsonl"));
            std::fs::write(&path, format!("file {i}")).expect("write");
            assert_eq!(read(&path, 5, 1), &i.to_string().as_bytes()[..1]);
        }
        assert!(held() <= KEPT, "{} open", held());
    }
}
