//! The real binary in a pseudo-terminal with hostile input and rough
//! handling: escape sequences in an article never reach the terminal, and
//! SIGTERM, SIGHUP and Ctrl-Z leave the terminal usable. The harness is the
//! one of `tui_pty.rs`.

use std::io::{Read, Write};
use std::path::PathBuf;
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
        cmd.env("RUST_BACKTRACE", "0");
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

/// An article whose title and text carry a title-setting OSC, an OSC 52
/// clipboard write, cursor movement and a bidi override, each with a marker
/// word so the bytes can be searched for it.
fn hostile_file(dir: &std::path::Path) -> PathBuf {
    let title = "Fares \x1b]0;pwned\x07 frozen \u{202e}desrever";
    let body = "PORT VELL - \x1b]52;c;Y2xpcGJvYXJk\x07 The board met.\n\n\
                \x1b[2JCLEARED \x1b[HHOMED \x1b[5;5HMOVED \u{202e}override\u{202c} \
                \x1b]0;pwned-body\x07 \u{1b}P+q\u{1b}\\ “Fine,” said Mara Okonkwo.";
    let path = dir.join("hostile\x1b[31m.txt");
    std::fs::write(&path, format!("{title}\n\n{body}\n")).expect("write article");
    path
}

#[test]
fn hostile_sequences_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[hostile_file(dir.path())]);
    let screen = s.settle("the hostile headline", |sc| sc.contains("pwned"));
    // The headline is one line of plain text: its controls are dropped and
    // what is left of the sequence shows as text.
    assert!(screen.contains("]0;pwned frozen"), "{screen}");
    s.send("\r");
    let screen = s.settle("the article", |sc| sc.contains("MOVED"));
    // Controls opening a paragraph are trimmed away with its white space.
    assert!(screen.contains("[2JCLEARED"), "{screen}");
    assert!(screen.contains("␛]52;c;Y2xpcGJvYXJk␇"), "{screen}");
    assert!(screen.contains("␛[HHOMED ␛[5;5HMOVED"), "{screen}");
    s.send("q");
    s.wait_exit();
    let raw = s.raw();
    for needle in [
        &b"\x1b]0;pwned"[..],
        b"\x1b]52;",
        b"\x1b[2JCLEARED",
        b"\x1b[HHOMED",
        b"\x1b[5;5HMOVED",
        b"\x1bP+q",
        "\u{202e}".as_bytes(),
        "\u{202c}".as_bytes(),
        b"\x1b[31m.txt",
    ] {
        assert!(
            !contains(&raw, needle),
            "hearsay wrote {:?} to the terminal",
            String::from_utf8_lossy(needle)
        );
    }
    // The bidi overrides were drawn as U+FFFD (which vt100 shows as blank).
    assert!(
        contains(&raw, "\u{fffd}override".as_bytes()),
        "no bidi placeholder"
    );
    // The window title was never set at all: hearsay writes no OSC.
    assert!(!contains(&raw, b"\x1b]"), "an OSC reached the terminal");
}

fn story(dir: &std::path::Path) -> PathBuf {
    let path = dir.join("story.txt");
    std::fs::write(
        &path,
        "Tide tables for the week\n\n“High water at six,” said Ana Ruiz.\n",
    )
    .expect("write article");
    path
}

fn signal(pid: u32, name: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{name} {pid}");
}

/// Asserts the bytes after `from` restore the terminal: the alternate screen
/// left, the cursor shown, mouse capture released. Raw mode itself is not
/// visible in the bytes; leaving it is `ratatui::restore`'s first step, and
/// the alternate screen is left by the same call after it.
fn assert_restored(raw: &[u8], from: usize, what: &str) {
    let tail = &raw[from.min(raw.len())..];
    for (needle, meaning) in [
        (&b"\x1b[?1049l"[..], "left the alternate screen"),
        (b"\x1b[?25h", "showed the cursor"),
        (b"\x1b[?1000l", "released the mouse"),
    ] {
        assert!(contains(tail, needle), "{what}: never {meaning}");
    }
}

fn hang_up_or_terminate(signal_name: &str, code: i32) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[story(dir.path())]);
    s.settle("the headline list", |sc| sc.contains("Tide tables"));
    let before = s.raw().len();
    signal(s.child.process_id().expect("pid"), signal_name);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + code as u32, "{status:?}");
    assert_restored(&s.raw(), before, signal_name);
}

#[test]
fn sigterm_restores_the_terminal_fully() {
    hang_up_or_terminate("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    hang_up_or_terminate("HUP", 1);
}

/// The process state letter from `/proc` (`T` when stopped), if readable.
fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')').next()?.trim_start().chars().next()
}

#[test]
fn ctrl_z_suspends_and_resuming_redraws_everything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&[story(dir.path())]);
    let pid = s.child.process_id().expect("pid");
    s.settle("the headline list", |sc| sc.contains("Tide tables"));
    if state(pid).is_none() {
        eprintln!("skipped: no /proc to tell a stopped process");
        s.send("q");
        s.wait_exit();
        return;
    }
    let before = s.raw().len();
    s.send("\x1a");
    let start = Instant::now();
    while state(pid) != Some('T') {
        assert!(
            start.elapsed() < STEP_TIMEOUT,
            "Ctrl-Z did not stop hearsay"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
    assert_restored(&s.raw(), before, "Ctrl-Z");
    // What the shell would draw while hearsay is stopped.
    s.output
        .lock()
        .expect("output lock")
        .parser
        .process(b"\x1b[2J\x1b[Hshell prompt$ ");
    let stopped = s.raw().len();
    signal(pid, "CONT");
    let screen = s.settle("the redrawn reader", |sc| {
        sc.contains("Tide tables") && !sc.contains("shell prompt")
    });
    assert!(screen.contains("Headlines"), "{screen}");
    let raw = s.raw();
    assert!(
        contains(&raw[stopped..], b"\x1b[?1049h"),
        "did not re-enter the alternate screen"
    );
    // Still alive and answering keys.
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
