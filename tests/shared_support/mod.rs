//! The third-party news in `../shared` (beside the clone, never copied into
//! it), for the tests that read it at run time.
//!
//! A clean clone without `../shared` still passes, but never silently: the
//! skip is written straight to the process's stderr, which `cargo test`
//! shows without `--nocapture` (libtest captures only `print!`-family
//! output). Under CI (`CI` set), where `../shared` always sits beside the
//! clone, its absence fails the test instead, so a CI run can never be a
//! run that skipped the real-news checks.

use std::io::Write;
use std::path::{Path, PathBuf};

/// `../shared/<rel>` when it exists; else `None`, after saying so on stderr
/// (or failing, under CI).
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        return Some(path);
    }
    skip(&format!("{} is absent", path.display()));
    None
}

/// Says that a test is skipped, where `cargo test` shows it; under CI the
/// skip is a failure.
pub fn skip(why: &str) {
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("CI is set and {why}: CI always has ../shared beside the clone");
    }
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    // Straight to the file descriptor: not captured by the test harness.
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}
