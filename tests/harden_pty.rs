//! The real binary in a pseudo-terminal with hostile input and rough
//! handling: escape sequences in an article never reach the terminal, and
//! SIGTERM, SIGHUP and Ctrl-Z leave the terminal usable. The harness is
//! tests/pty_support, as for `tui_pty.rs`.

mod pty_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use pty_support::{Launch, STEP_TIMEOUT, Session, contains};

/// hearsay in the crate's folder, without backtraces in its output, with a
/// collection of its own.
fn run(args: &[PathBuf]) -> Session {
    Launch::new(args)
        .in_crate_dir()
        .env("RUST_BACKTRACE", "0")
        .fresh_data_dir()
        .start()
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
    let mut s = run(&[hostile_file(dir.path())]);
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
    s.send("Q");
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
    let mut s = run(&[story(dir.path())]);
    s.settle("the headline list", |sc| sc.contains("Tide tables"));
    let before = s.raw().len();
    signal(s.pid(), signal_name);
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
    let mut s = run(&[story(dir.path())]);
    let pid = s.pid();
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
    s.draw_over(b"\x1b[2J\x1b[Hshell prompt$ ");
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
