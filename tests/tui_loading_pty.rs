//! Streaming load in a pseudo-terminal: the first headlines show while a
//! large corpus is still loading, and keys answer meanwhile.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const STEP_TIMEOUT: Duration = Duration::from_secs(120);
const ROWS: u16 = 30;
const COLS: u16 = 110;

struct Session {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Session {
    fn start(path: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hearsay"));
        cmd.arg(path);
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).expect("spawn hearsay");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("parser lock").process(&buf[..n]);
            }
        });
        Session {
            child,
            _master: pty.master,
            writer,
            parser,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Polls until the screen satisfies `done`; returns it and when it did.
    fn wait_for(&self, what: &str, done: impl Fn(&str) -> bool) -> (String, Instant) {
        let start = Instant::now();
        loop {
            let now = self.screen();
            if done(&now) {
                return (now, Instant::now());
            }
            assert!(
                start.elapsed() < STEP_TIMEOUT,
                "timed out waiting for {what}; screen:\n{now}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn quit(&mut self) {
        self.send("q");
        let start = Instant::now();
        while self.child.try_wait().ok().flatten().is_none() {
            if start.elapsed() > STEP_TIMEOUT {
                let _ = self.child.kill();
                panic!("hearsay did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
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

fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

#[test]
fn headlines_show_and_keys_answer_while_a_large_corpus_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.jsonl");
    write_corpus(&path, 20_000);
    let mut s = Session::start(&path);
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

/// Prints how long the first frame with headlines takes on the 100,000-article
/// corpus made by `cargo run --release --example make-corpus -- /tmp/c100k.jsonl 100000`.
/// Run with `cargo test --release --test tui_loading_pty -- --ignored --nocapture`;
/// `HEARSAY_CORPUS=other.jsonl` measures another file.
#[test]
#[ignore = "a measurement, not a check: prints the time to the first frame"]
fn first_frame_time_on_the_100k_corpus() {
    let path = std::env::var_os("HEARSAY_CORPUS").map_or("/tmp/c100k.jsonl".into(), PathBuf::from);
    let path = path.as_path();
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipped: {} is absent", path.display());
        return;
    };
    let first: serde_json::Value =
        serde_json::from_str(text.lines().next().unwrap_or("{}")).expect("first line is JSON");
    drop(text);
    let title = first["title"].as_str().unwrap_or_default().to_string();
    let probe: String = title.chars().take(20).collect();
    let started = Instant::now();
    let mut s = Session::start(path);
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

/// A test that fails mid-way must not leave hearsay running without a
/// terminal (it would spin): kill it when the session goes.
impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
