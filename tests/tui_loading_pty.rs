//! Streaming load in a pseudo-terminal: the first headlines show while a
//! large corpus is still loading, and keys answer meanwhile.

mod pty_support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty_support::{Launch, Session, status};

/// Loading a large corpus on a loaded machine takes longer than a step of
/// the other pseudo-terminal tests may.
const STEP_TIMEOUT: Duration = Duration::from_secs(120);

/// hearsay on the file at `path`, with a collection of its own.
fn run(path: &Path) -> Session {
    Launch::new([path])
        .timeout(STEP_TIMEOUT)
        .fresh_data_dir()
        .start()
}

/// `n` articles of our own invented text, each with quotes, one per line.
fn write_corpus(path: &Path, n: usize) {
    let mut out = String::new();
    for i in 0..n {
        let body = format!(
            "“The harbour stays open,” Mara Quent{s} said on day {i}. \
             The council met twice. “We are not done,” she added, \
             and the vote was put off again. “Next week,” Ivo Lenz{t} said. {pad}",
            s = i % 50,
            t = i % 17,
            pad = "Ferries ran late along the coast. ".repeat(20),
        );
        out.push_str(&format!(
            "{{\"id\":\"g{i}\",\"title\":\"Generated story {i}\",\"body\":{}}}\n",
            serde_json::to_string(&body).expect("a string serialises")
        ));
    }
    std::fs::write(path, out).expect("write corpus");
}

#[test]
fn headlines_show_and_keys_answer_while_a_large_corpus_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.jsonl");
    write_corpus(&path, 20_000);
    let mut s = run(&path);
    let (first, _) = s.wait_for("the first headlines", |sc| {
        sc.contains("Generated story 0") && sc.contains("Generated story 1")
    });
    // The first frame with headlines came before loading finished.
    assert!(
        status(&first).contains("loading…"),
        "status: {}",
        status(&first)
    );
    s.send("j");
    let (moved, _) = s.wait_for("the selection to move", |sc| {
        status(sc).trim_start().starts_with("2/")
    });
    println!("after j: {}", status(&moved));
    let (done, _) = s.wait_for("loading to finish", |sc| {
        !status(sc).contains("loading…") && status(sc).contains("/20000")
    });
    assert!(status(&done).trim_start().starts_with("2/20000"));
    s.quit();
}

/// Prints how long the first frame with headlines takes on the corpus named by
/// `HEARSAY_CORPUS` (for example the 100,000 articles made by
/// `cargo run --release --example make-corpus -- c100k.jsonl 100000`).
/// Run with `HEARSAY_CORPUS=c100k.jsonl cargo test --release --test
/// tui_loading_pty -- --ignored --nocapture`; without the variable it says
/// it is skipped.
#[test]
#[ignore = "a measurement, not a check: prints the time to the first frame"]
fn first_frame_time_on_the_100k_corpus() {
    let Some(path) = std::env::var_os("HEARSAY_CORPUS").map(PathBuf::from) else {
        println!("skipped: set HEARSAY_CORPUS to the JSONL corpus to measure");
        return;
    };
    let path = path.as_path();
    // Only the first line: the corpus may be bigger than memory should hold.
    let mut line = String::new();
    let read = std::fs::File::open(path)
        .and_then(|f| std::io::BufRead::read_line(&mut std::io::BufReader::new(f), &mut line));
    if read.is_err() {
        println!("skipped: HEARSAY_CORPUS={} cannot be read", path.display());
        return;
    }
    let first: serde_json::Value = serde_json::from_str(&line).expect("first line is JSON");
    let title = first["title"].as_str().unwrap_or_default().to_string();
    let probe: String = title.chars().take(20).collect();
    let started = Instant::now();
    let mut s = run(path);
    let (screen, at) = s.wait_for("the first headline", |sc| sc.contains(probe.as_str()));
    println!(
        "first frame with headlines after {} ms; status: {}",
        (at - started).as_millis(),
        status(&screen).trim()
    );
    s.send("j");
    let (_, moved) = s.wait_for("the selection to move", |sc| {
        status(sc).trim_start().starts_with("2/")
    });
    println!("j answered after {} ms", (moved - at).as_millis());
    s.quit();
}
