//! A reader whose terminal goes away without a SIGHUP (its window closed by
//! a program that never made it the controlling terminal) must notice and
//! leave, not spin on a terminal that reads as endless end-of-file.
#![cfg(unix)]

use std::fs::File;
use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fs::{Mode, OFlags, open};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

/// How long hearsay may take to notice; far beyond the 200 ms it needs, so
/// a loaded machine does not fail the test, yet a spinning reader does.
/// The screen counts as drawn once no output came for this long.
const QUIET: Duration = Duration::from_millis(500);

const DEADLINE: Duration = Duration::from_secs(30);

#[test]
fn closing_the_terminal_without_sighup_ends_the_reader() {
    let master =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = open(
        name.as_c_str(),
        OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .expect("open the pty's terminal end");
    let size = Winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&slave, size).expect("set the window size");
    let slave = File::from(slave);

    // No new session: the pty is never hearsay's controlling terminal, so
    // closing the master sends no SIGHUP.
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui"))
        .env("HEARSAY_DATA_DIR", tempfile::tempdir().unwrap().keep())
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave))
        .spawn()
        .expect("start hearsay");

    // Read until all three headlines are drawn and the screen is quiet, so
    // loading is over and the reader idles in its loop.
    let mut master = File::from(master);
    let mut screen = vt100::Parser::new(30, 100, 0);
    let started = Instant::now();
    loop {
        assert!(started.elapsed() < DEADLINE, "hearsay never drew its list");
        if readable(&master, QUIET) {
            let mut buf = [0u8; 4096];
            match master.read(&mut buf) {
                Ok(n @ 1..) => screen.process(&buf[..n]),
                _ => panic!("the terminal closed under hearsay"),
            }
        } else if screen.screen().contents().contains("Headlines 3") {
            break;
        }
    }
    assert!(child.try_wait().unwrap().is_none(), "hearsay ended early");
    drop(master);

    let closed = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for hearsay") {
            // As after a SIGHUP: 128 + 1.
            assert_eq!(status.code(), Some(129), "{status:?}");
            return;
        }
        if closed.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("hearsay still running {DEADLINE:?} after its terminal closed");
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// Whether `file` has bytes to read within `timeout`.
fn readable(file: &File, timeout: Duration) -> bool {
    let mut fds = [PollFd::new(file, PollFlags::IN)];
    let timeout = Timespec {
        tv_sec: 0,
        tv_nsec: i64::from(timeout.subsec_nanos()),
    };
    matches!(poll(&mut fds, Some(&timeout)), Ok(1..))
}
