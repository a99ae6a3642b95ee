//! `hearsay quotes --speaker/--starred` and `--data-dir`, run as the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hearsay::export::{self, ExportFormat};
use hearsay::store::{StarredQuote, Store};

fn hearsay(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        .env("HEARSAY_DATA_DIR", data_dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run hearsay")
}

fn star(quote: &str, speaker: &str, at: i64) -> StarredQuote {
    StarredQuote {
        article_key: format!("id:{speaker}"),
        start: 0,
        end: quote.len(),
        quote: quote.into(),
        speaker: Some(speaker.into()),
        headline: "Harbour reopens".into(),
        source: Some("Tidewire".into()),
        date: Some("March 3".into()),
        url: Some("https://news.example/harbour".into()),
        starred_at: at,
    }
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui")
}

#[test]
fn starred_quotes_print_as_citations_from_the_data_dir_flag() {
    let env_dir = tempfile::tempdir().expect("tempdir");
    let flag_dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(flag_dir.path()).expect("store");
    store
        .star(&star("“Boats come first,”", "Ona Brisk", 1))
        .expect("star");
    store
        .star(&star("“Fares will fall.”", "Tam Rhee", 2))
        .expect("star");
    drop(store);
    let dir = flag_dir.path().to_str().expect("utf-8 path");
    let out = hearsay(
        &["quotes", "--starred", "--format", "md", "--data-dir", dir],
        env_dir.path(),
    );
    assert!(out.status.success(), "{out:?}");
    let want = "> “Boats come first”\n>\n> — Ona Brisk, *Harbour reopens*, Tidewire, March 3. https://news.example/harbour\n\n\
                > “Fares will fall.”\n>\n> — Tam Rhee, *Harbour reopens*, Tidewire, March 3. https://news.example/harbour\n";
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);

    let out = hearsay(
        &[
            "quotes",
            "--starred",
            "--speaker",
            "rhee",
            "--format",
            "csv",
            "--data-dir",
            dir,
        ],
        env_dir.path(),
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "speaker,quote,headline,source,date,url,location,verbatim\n\
         Tam Rhee,Fares will fall.,Harbour reopens,Tidewire,March 3,https://news.example/harbour,\
         https://news.example/harbour,true\n"
    );
    // The environment's folder was not used.
    assert!(!env_dir.path().join("hearsay.db").exists());
}

#[test]
fn a_speakers_quotes_match_the_library() {
    let data = tempfile::tempdir().expect("tempdir");
    let loaded = hearsay::article::load_paths(&[fixture()]);
    let corpus = hearsay::corpus::Corpus::from_articles(loaded.articles);
    let Some(speaker) = corpus.speakers.first().map(|s| s.name.clone()) else {
        eprintln!("note: the extractor names nobody in the fixtures; nothing to check");
        return;
    };
    let want = export::to_string(
        &export::filter_by_speaker(&corpus, &speaker),
        ExportFormat::Jsonl,
    )
    .expect("jsonl");
    assert!(!want.is_empty());
    let path = fixture();
    let path = path.to_str().expect("utf-8 path");
    let out = hearsay(&["quotes", "--speaker", &speaker, path], data.path());
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    // Each citation says where its article came from: the fixture folder's
    // text files carry no URL, so their paths.
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let c: serde_json::Value = serde_json::from_str(line).expect("json");
        let at = c["location"].as_str().expect("a location");
        assert!(at.starts_with(path), "{at} is not under {path}");
    }
    // No --speaker and no --starred: the plain quotes command, untouched.
    let plain = hearsay(&["quotes", path], data.path());
    assert!(plain.status.success(), "{plain:?}");
    assert!(!plain.stdout.is_empty());
    assert_ne!(plain.stdout, out.stdout);
}

#[test]
fn nobody_by_that_name_prints_nothing_and_says_so() {
    let data = tempfile::tempdir().expect("tempdir");
    let path = fixture();
    let out = hearsay(
        &[
            "quotes",
            "--speaker",
            "Nobody Atall",
            "--format",
            "md",
            path.to_str().expect("utf-8"),
        ],
        data.path(),
    );
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no quotes by “Nobody Atall”"));
}

#[test]
fn a_corrupt_collection_is_reported_backed_up_and_not_fatal() {
    let data = tempfile::tempdir().expect("tempdir");
    let garbage = b"SQLite format 2\0 but not really".repeat(100);
    std::fs::write(data.path().join("hearsay.db"), &garbage).expect("write");
    let out = hearsay(&["quotes", "--starred"], data.path());
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("damaged"), "{stderr}");
    assert!(stderr.contains("hearsay.db.corrupt-"), "{stderr}");
    let backup = std::fs::read_dir(data.path())
        .expect("data dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().contains("hearsay.db.corrupt-"))
        .expect("a backup");
    assert_eq!(std::fs::read(backup).expect("read backup"), garbage);
    // The fresh collection works: a second run has nothing to report.
    let again = hearsay(&["quotes", "--starred"], data.path());
    assert!(!String::from_utf8_lossy(&again.stderr).contains("damaged"));
}
