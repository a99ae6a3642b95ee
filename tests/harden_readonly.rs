//! hearsay reads the files it is given and leaves them exactly as they were:
//! contents, permissions, modification times and names.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use hearsay::article::load_paths;
use hearsay::corpus::Corpus;

#[derive(Debug, PartialEq, Eq)]
struct Seen {
    bytes: Vec<u8>,
    permissions: std::fs::Permissions,
    modified: SystemTime,
    len: u64,
}

/// Every file under `dir` (links not followed) with what it holds.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Seen> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read folder") {
            let path = entry.expect("entry").path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            if meta.is_dir() {
                todo.push(path.clone());
            }
            let bytes = if meta.is_file() {
                std::fs::read(&path).expect("read file")
            } else {
                Vec::new()
            };
            let seen = Seen {
                bytes,
                permissions: meta.permissions(),
                modified: meta.modified().expect("mtime"),
                len: meta.len(),
            };
            out.insert(path, seen);
        }
    }
    out
}

#[test]
fn loading_a_folder_changes_nothing_in_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir(root.join("sub")).expect("mkdir");
    let files: [(&str, &[u8]); 7] = [
        ("a.txt", "Ferry fares frozen\n\n“No change,” said Mara Okonkwo.\n".as_bytes()),
        ("b.json", br#"{"title": "T", "body": "\u201cYes,\u201d he said."}"#),
        ("c.jsonl", b"{\"title\": \"One\", \"body\": \"x\"}\nbroken\n"),
        ("sub/d.html", b"<html><head><title>Page</title></head><body><p>Words.</p></body></html>"),
        ("sub/e.xml", b"<rss><channel><item><title>I</title><description>D</description></item></channel></rss>"),
        ("latin.txt", b"Caf\xe9 news\n\nBody \x93quoted\x94.\n"),
        ("binary.txt", b"\0\x01\x02\xff"),
    ];
    for (name, bytes) in files {
        std::fs::write(root.join(name), bytes).expect("write");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = std::fs::Permissions::from_mode(0o444);
        std::fs::set_permissions(root.join("a.txt"), ro).expect("chmod");
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("sub/link.txt")).expect("link");
    }
    // Times in the past, so a write or touch now would show.
    let past = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    for (name, _) in files {
        let f = std::fs::File::options()
            .append(true)
            .open(root.join(name))
            .or_else(|_| std::fs::File::open(root.join(name)))
            .expect("open");
        let _ = f.set_modified(past);
    }
    let before = snapshot(root);
    let loaded = load_paths(&[root.to_path_buf()]);
    assert!(loaded.articles.len() >= 5, "{:?}", loaded.problems);
    let corpus = Corpus::from_articles(loaded.articles);
    drop(corpus);
    let after = snapshot(root);
    assert_eq!(before.len(), after.len(), "files appeared or vanished");
    for (path, seen) in &before {
        assert_eq!(Some(seen), after.get(path), "{} changed", path.display());
    }
}
