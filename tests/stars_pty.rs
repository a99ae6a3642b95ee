//! Stars survive a restart, and a damaged collection is set aside: the real
//! binary in a pseudo-terminal (as in tests/tui_pty.rs), its collection in a
//! temporary folder named by `HEARSAY_DATA_DIR`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const STEP_TIMEOUT: Duration = Duration::from_secs(60);
const SETTLE: Duration = Duration::from_millis(200);
const ROWS: u16 = 30;
const COLS: u16 = 110;

struct Session {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<(Vec<u8>, vt100::Parser)>>,
}

impl Session {
    fn start(args: &[PathBuf], data_dir: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hearsay"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HEARSAY_DATA_DIR", data_dir);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pty.slave.spawn_command(cmd).expect("spawn hearsay");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new((Vec::new(), vt100::Parser::new(ROWS, COLS, 0))));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut out = sink.lock().expect("output lock");
                out.0.extend_from_slice(&buf[..n]);
                out.1.process(&buf[..n]);
            }
        });
        Session {
            child,
            _master: pty.master,
            writer,
            output,
        }
    }

    fn screen(&self) -> String {
        self.output
            .lock()
            .expect("output lock")
            .1
            .screen()
            .contents()
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Waits until the screen shows what `done` wants and stays unchanged
    /// for [`SETTLE`]; returns it.
    fn settle(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = self.screen();
        let mut since = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(25));
            let now = self.screen();
            if now != last {
                last = now;
                since = Instant::now();
            } else if done(&last) && since.elapsed() >= SETTLE {
                return last;
            }
            assert!(
                start.elapsed() < STEP_TIMEOUT,
                "timed out waiting for {what}; screen:\n{last}"
            );
        }
    }

    fn quit(&mut self) -> Vec<u8> {
        self.send("q");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for hearsay") {
                assert!(status.success(), "exit status {status:?}");
                break;
            }
            if start.elapsed() > STEP_TIMEOUT {
                let _ = self.child.kill();
                panic!("hearsay did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        std::thread::sleep(Duration::from_millis(200));
        self.output.lock().expect("output lock").0.clone()
    }
}

fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

fn fixture() -> Vec<PathBuf> {
    vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui")]
}

#[test]
fn a_star_survives_quitting_and_starting_again() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&fixture(), data.path());
    s.settle("the headline list", |sc| {
        sc.contains("Tide tables for the week")
    });
    s.send("n");
    let screen = s.settle("the first quote", |sc| {
        status(sc).contains("quote 1/") || sc.contains("That was the last quote")
    });
    if !status(&screen).contains("quote 1/") {
        eprintln!("note: the extractor finds no quote in the fixtures; nothing to star");
        s.quit();
        return;
    }
    s.send("*");
    let screen = s.settle("the star", |sc| status(sc).contains('★'));
    assert!(screen.contains("Starred a quote"), "{screen}");
    assert!(screen.contains("★1 "), "the list counts the star: {screen}");
    s.quit();

    let mut s = Session::start(&fixture(), data.path());
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
    s.quit();
}

#[test]
fn a_damaged_collection_is_reported_kept_aside_and_replaced() {
    let data = tempfile::tempdir().expect("tempdir");
    let garbage = b"this is not a database, just words".repeat(200);
    std::fs::write(data.path().join("hearsay.db"), &garbage).expect("write garbage");
    let mut s = Session::start(&fixture(), data.path());
    let screen = s.settle("the notice", |sc| sc.contains("damaged"));
    assert!(screen.contains("Tide tables for the week"), "{screen}");
    let raw = s.quit();
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

/// A test that fails mid-way must not leave hearsay running without a
/// terminal (it would spin): kill it when the session goes.
impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
