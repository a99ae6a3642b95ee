//! Stars survive a restart, and a damaged collection is set aside: the real
//! binary in a pseudo-terminal (tests/pty_support), its collection in a
//! temporary folder named by `HEARSAY_DATA_DIR`.

mod pty_support;

use std::path::{Path, PathBuf};

use pty_support::{Launch, Session, status};

/// hearsay on the fixtures, in the crate's folder, with its collection in
/// `data_dir`.
fn run(data_dir: &Path) -> Session {
    Launch::new(fixture())
        .in_crate_dir()
        .data_dir(data_dir)
        .start()
}

fn fixture() -> Vec<PathBuf> {
    vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui")]
}

#[test]
fn a_star_survives_quitting_and_starting_again() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut s = run(data.path());
    s.settle("the headline list", |sc| {
        sc.contains("Tide tables for the week")
    });
    s.send("n");
    let screen = s.settle("the first quote", |sc| {
        status(sc).contains("quote 1/") || sc.contains("That was the last quote")
    });
    if !status(&screen).contains("quote 1/") {
        eprintln!("note: the extractor finds no quote in the fixtures; nothing to star");
        s.quit_ok();
        return;
    }
    s.send("*");
    let screen = s.settle("the star", |sc| status(sc).contains('★'));
    assert!(screen.contains("Starred a quote"), "{screen}");
    assert!(screen.contains("★1 "), "the list counts the star: {screen}");
    s.quit_ok();

    let mut s = run(data.path());
    let screen = s.settle("the headline list", |sc| {
        sc.contains("Tide tables for the week")
    });
    assert!(screen.contains("★1 "), "the star is back: {screen}");
    s.send("b");
    let screen = s.settle("the starred view", |sc| sc.contains("Starred 1 quote"));
    assert!(screen.contains("★ "), "{screen}");
    assert!(
        screen.contains("Harbour ferry fares to fall in spring"),
        "{screen}"
    );
    s.send("\r");
    let screen = s.settle("the starred quote", |sc| status(sc).contains('★'));
    assert!(status(&screen).contains("quote 1/"), "{screen}");
    s.quit_ok();
}

#[test]
fn a_damaged_collection_is_reported_kept_aside_and_replaced() {
    let data = tempfile::tempdir().expect("tempdir");
    let garbage = b"this is not a database, just words".repeat(200);
    std::fs::write(data.path().join("hearsay.db"), &garbage).expect("write garbage");
    let mut s = run(data.path());
    let screen = s.settle("the notice", |sc| sc.contains("damaged"));
    assert!(screen.contains("Tide tables for the week"), "{screen}");
    let raw = s.quit_ok();
    let printed = String::from_utf8_lossy(&raw);
    assert!(printed.contains("hearsay: "), "not on stderr: {printed}");
    let backups: Vec<PathBuf> = std::fs::read_dir(data.path())
        .expect("data dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains("hearsay.db.corrupt-"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(std::fs::read(&backups[0]).expect("backup"), garbage);
    assert!(hearsay::store::Store::open(data.path()).is_ok());
}
