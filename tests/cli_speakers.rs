//! `hearsay speakers` run as a program: formats, and a reader of its output
//! that leaves early.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Command, Stdio};

/// A JSONL file of `n` invented articles, each quoting a speaker of its own,
/// so the speakers list is longer than a pipe holds.
fn many_speakers(n: usize) -> tempfile::NamedTempFile {
    const FIRST: [&str; 10] = [
        "Ana", "Bela", "Cato", "Dima", "Elin", "Faro", "Gwen", "Hugo", "Ilse", "Joss",
    ];
    const LAST: [&str; 10] = [
        "Varrow", "Quell", "Ostrand", "Pirelle", "Mandey", "Lusk", "Kettle", "Jarmo", "Hask",
        "Grell",
    ];
    let mut file = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .expect("temp file");
    for i in 0..n {
        let name = format!(
            "{} {}{}{}",
            FIRST[i % 10],
            ["", "Mac", "Van"][(i / 1000) % 3],
            LAST[(i / 10) % 10],
            [
                "", "son", "ley", "ford", "wick", "more", "by", "ton", "dale", "ham"
            ][(i / 100) % 10]
        );
        let line = serde_json::json!({
            "id": format!("a{i}"),
            "title": format!("Harbour vote {i}"),
            "body": format!("“We will build it,” said {name}, the harbour chair."),
        });
        writeln!(file, "{line}").expect("write");
    }
    file
}

#[test]
fn speakers_into_head_ends_quietly_with_exit_0() {
    let input = many_speakers(3000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("speakers")
        .arg(input.path())
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hearsay runs");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("one line");
    // The reader is gone (as `head -1` is) while hearsay still has lines.
    let out = child.wait_with_output().expect("hearsay ends");
    assert!(first.contains("quote"), "{first:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.status.success(), "{:?}", out.status);
}

#[test]
fn the_list_is_longer_than_a_pipe_holds() {
    // Guards the test above: with a short list hearsay would finish
    // writing before the pipe closed, and the test could not fail.
    let input = many_speakers(3000);
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("speakers")
        .arg(input.path())
        .output()
        .expect("hearsay runs");
    assert!(out.stdout.len() > 1 << 16, "{} bytes", out.stdout.len());
}

#[test]
fn speakers_as_csv_have_a_header_and_one_row_each() {
    let input = many_speakers(3);
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(["speakers", "--format", "csv"])
        .arg(input.path())
        .output()
        .expect("hearsay runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header, vec!["name", "quotes", "articles", "aliases"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(
        rows.iter().any(|r| &r[0] == "Ana Varrow" && &r[1] == "1"),
        "{text}"
    );
}

#[test]
fn counts_of_one_are_singular() {
    let input = many_speakers(1);
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("speakers")
        .arg(input.path())
        .output()
        .expect("hearsay runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("1 quote "), "{text}");
    assert!(text.contains("1 article "), "{text}");
}

#[test]
fn errors_have_one_style_and_no_backtrace() {
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("quotes")
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("hearsay runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("hearsay: error: no input"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!out.status.success());
}

#[test]
fn uncertain_attributions_count_only_when_asked() {
    let input = many_speakers(3);
    let speakers = |args: &[&str]| -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
            .arg("speakers")
            .args(args)
            .arg(input.path())
            .output()
            .expect("hearsay runs");
        assert!(out.status.success());
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    // At 1 every attribution is uncertain: none is counted...
    assert_eq!(speakers(&["--min-confidence", "1"]), "");
    // ... unless asked; at 0 none is uncertain.
    let all = speakers(&["--min-confidence", "1", "--include-uncertain"]);
    assert_eq!(all.lines().count(), 3, "{all}");
    assert_eq!(speakers(&["--min-confidence", "0"]), all);
}
