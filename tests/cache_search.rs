//! The offline cache from the outside: `hearsay --keep` keeps what the
//! reader loaded (in a pseudo-terminal), and `hearsay search` finds it
//! afterwards, ranked, with the matching words marked.

mod pty_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use pty_support::Launch;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui")
}

fn search(data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("search")
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .expect("run hearsay search");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn kept_articles_are_found_by_word_and_by_speaker() {
    let data = tempfile::tempdir().expect("data folder");
    // Nothing kept yet: no results, exit 1 as grep does.
    let (code, out, err) = search(data.path(), &["ferry"]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");

    let mut s = Launch::new([OsStrArg::from("--keep"), fixture().into()])
        .data_dir(data.path())
        .start();
    s.wait_for("the headlines", |sc| sc.contains("Tide tables"));
    s.quit_ok();

    let (code, out, err) = search(data.path(), &["ferry"]);
    assert_eq!(code, 0, "{err}");
    let hits: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    // Two articles mention a ferry; the one about ferries ranks first.
    assert_eq!(hits.len(), 2, "{out}");
    assert_eq!(hits[0]["title"], "Harbour ferry fares to fall in spring");
    let snippet: Vec<char> = hits[0]["snippet"]
        .as_str()
        .expect("snippet")
        .chars()
        .collect();
    let [a, b] = [0, 1].map(|i| hits[0]["matches"][0][i].as_u64().expect("offset") as usize);
    let word: String = snippet[a..b].iter().collect();
    assert_eq!(word.to_lowercase(), "ferry");

    // A word of all three, limited to the speaker of one.
    let (_, all, _) = search(data.path(), &["Port"]);
    assert!(all.lines().count() >= 2, "{all}");
    let (code, one, err) = search(data.path(), &["speaker:Barros", "school"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(one.lines().count(), 1, "{one}");
    assert!(one.contains("Island school reopens"), "{one}");

    // Keeping the same folder again adds nothing.
    let mut again = Launch::new([OsStrArg::from("--keep"), fixture().into()])
        .data_dir(data.path())
        .start();
    again.wait_for("the headlines", |sc| sc.contains("Tide tables"));
    again.quit_ok();
    let (_, twice, _) = search(data.path(), &["fifth", "--format", "text"]);
    assert_eq!(twice.lines().count(), 2, "one hit, two lines: {twice}");
    assert!(twice.to_lowercase().contains("[fifth]"), "{twice}");
}

/// `Launch::new` takes one argument type; paths and flags meet as OsStrings.
type OsStrArg = std::ffi::OsString;
