//! `hearsay eval` on a gold file of its own: the table carries the wrong-name
//! column and the 95% intervals by resampling articles.

use std::process::Command;

fn gold_line(id: &str, text: &str, quote: &str, speaker: &str) -> String {
    let start = text.find(quote).expect("quote in text");
    let start = text[..start].chars().count();
    let end = start + quote.chars().count();
    serde_json::json!({
        "id": id,
        "publisher": "invented",
        "text": text,
        "quotes": [{"start": start, "end": end, "text": quote, "speaker": speaker}],
    })
    .to_string()
}

#[test]
fn eval_reports_wrong_names_and_intervals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gold = dir.path().join("gold.jsonl");
    // The first is named right; in the second the annotation credits someone
    // the text never names, so the extractor's name is a wrong one.
    let lines = [
        gold_line(
            "a",
            "Bridge opens\n\n“We are ready,” Ana Ruiz said on Monday.",
            "“We are ready,”",
            "Ana Ruiz",
        ),
        gold_line(
            "b",
            "Port closes\n\n“We are not,” Bo Lindqvist said on Tuesday.",
            "“We are not,”",
            "Cy Obara",
        ),
    ];
    std::fs::write(&gold, lines.join("\n") + "\n").expect("write gold");
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("eval")
        .arg(&gold)
        .args(["--resamples", "200"])
        .output()
        .expect("run hearsay eval");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let header = stdout.lines().nth(1).expect("header");
    assert!(header.split_whitespace().any(|c| c == "wrong"), "{stdout}");
    let overall: Vec<&str> = stdout
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("overall row")
        .split_whitespace()
        .collect();
    // gold pred P R F1 named mention attrR wrong
    assert_eq!(overall[6], "0.500", "named accuracy: {stdout}");
    assert_eq!(overall[9], "0.500", "wrong names: {stdout}");
    assert!(
        stdout.contains("95% intervals (200 resamples of the articles)"),
        "{stdout}"
    );
    let no_intervals = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("eval")
        .arg(&gold)
        .args(["--resamples", "0"])
        .output()
        .expect("run hearsay eval");
    assert!(!String::from_utf8_lossy(&no_intervals.stdout).contains("95% intervals"));
}

/// `hearsay eval gold | head -1`: the reader of the report is gone before
/// hearsay writes a line. hearsay ends quietly with 0, as other tools do,
/// instead of panicking in `println!`.
#[test]
fn eval_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gold = dir.path().join("gold.jsonl");
    let line = gold_line(
        "a",
        "Bridge opens\n\n“We are ready,” Ana Ruiz said on Monday.",
        "“We are ready,”",
        "Ana Ruiz",
    );
    std::fs::write(&gold, line + "\n").expect("write gold");
    let (reader, writer) = std::io::pipe().expect("pipe");
    // Closed before hearsay starts, so its first write fails with EPIPE.
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("eval")
        .arg(&gold)
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run hearsay");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}
