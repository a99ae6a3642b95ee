//! Turning the paths given into the files to read, in a stable order.

use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use super::Problem;

/// Names of files in a folder of articles that describe the folder instead:
/// `README.txt`, `LICENSE`, `SOURCES.txt`. Named on the command line, they load.
const NOT_ARTICLES: [&str; 8] = [
    "readme",
    "license",
    "licence",
    "copying",
    "source",
    "sources",
    "changelog",
    "notice",
];

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    /// Standard input, written `-`.
    Stdin,
    /// A file, given or found in a folder.
    File(PathBuf),
    /// An `http:` or `https:` URL.
    Url(String),
}

/// Calls `each` with every input under `path`: the path itself for a file or
/// `-`, and for a folder the files under it, recursively, sorted by name,
/// hidden ones and folder descriptions skipped, links followed without looping.
pub(crate) fn inputs(path: &Path, each: &mut dyn FnMut(Result<Input, Problem>) -> bool) {
    if path.as_os_str() == "-" {
        each(Ok(Input::Stdin));
        return;
    }
    if let Some(arg) = path.to_str() {
        if super::fetch::is_url(arg) {
            each(Ok(Input::Url(arg.to_string())));
            return;
        }
        if let Some(local) = super::fetch::file_url_path(arg) {
            return inputs(&local, each);
        }
    }
    if !path.is_dir() {
        each(Ok(Input::File(path.to_path_buf())));
        return;
    }
    let walk = WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let mut met = 0;
    for entry in walk.filter_entry(|e| e.depth() == 0 || !is_hidden(e)) {
        let item = match entry {
            Ok(e) if e.file_type().is_dir() => continue,
            Ok(e) if e.depth() > 0 && describes_folder(e.path()) => continue,
            Ok(e) => Ok(Input::File(e.into_path())),
            Err(err) => Err(Problem {
                path: err.path().unwrap_or(path).to_path_buf(),
                line: None,
                message: walk_message(&err),
                level: super::Level::Error,
            }),
        };
        met += 1;
        if !each(item) {
            return;
        }
    }
    if met == 0 {
        each(Err(Problem {
            path: path.to_path_buf(),
            line: None,
            message: "no articles in this folder".to_string(),
            level: super::Level::Error,
        }));
    }
}

fn walk_message(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!("skipped: a link back to {}", ancestor.display());
    }
    match err.io_error() {
        Some(io) => io.to_string(),
        None => err.to_string(),
    }
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry
        .file_name()
        .to_str()
        .is_some_and(|n| n.starts_with('.'))
}

fn describes_folder(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    NOT_ARTICLES.contains(&stem.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_descriptions_are_recognised() {
        assert!(describes_folder(Path::new("bbc/README.TXT")));
        assert!(describes_folder(Path::new("x/SOURCES.txt")));
        assert!(!describes_folder(Path::new("x/001.txt")));
    }
}
