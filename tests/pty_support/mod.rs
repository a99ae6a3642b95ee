//! Shared by the pseudo-terminal tests: the real binary in a pseudo-terminal,
//! driven by keys, its screen read back with a terminal emulator (`vt100`)
//! and every byte it wrote kept for searching.
//!
//! A test binary uses only some of this, hence the `dead_code` allowance.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// A step may take this long on a loaded machine before the test gives up,
/// unless [`Launch::timeout`] says otherwise.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(60);
/// The screen counts as settled once unchanged for this long.
pub const SETTLE: Duration = Duration::from_millis(200);
pub const ROWS: u16 = 30;
pub const COLS: u16 = 110;

/// The bytes the program wrote, and the screen they draw.
struct Output {
    raw: Vec<u8>,
    parser: vt100::Parser,
}

/// How to start hearsay: its arguments with `TERM=xterm-256color`, and
/// whatever else a test asks for. Nothing more is set unless asked: no
/// working folder, no collection folder.
pub struct Launch {
    cmd: CommandBuilder,
    data: Option<tempfile::TempDir>,
    /// Where `$HEARSAY_CONFIG` points unless a test says otherwise: a file
    /// that does not exist, so the user's configuration is never read.
    config: tempfile::TempDir,
    timeout: Duration,
}

impl Launch {
    pub fn new<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> Launch {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hearsay"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        let config = tempfile::tempdir().expect("a config folder");
        cmd.env("HEARSAY_CONFIG", config.path().join("config.toml"));
        Launch {
            cmd,
            data: None,
            config,
            timeout: STEP_TIMEOUT,
        }
    }

    /// Runs hearsay in the crate's folder.
    pub fn in_crate_dir(mut self) -> Launch {
        self.cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Launch {
        self.cmd.env(key, value);
        self
    }

    /// The collection (stars, read marks) lives in `dir`.
    pub fn data_dir(self, dir: &Path) -> Launch {
        self.env("HEARSAY_DATA_DIR", dir)
    }

    /// The collection of this run lives in a temporary folder that goes with
    /// the session, so tests leave the user's alone.
    pub fn fresh_data_dir(mut self) -> Launch {
        let data = tempfile::tempdir().expect("a data folder");
        self = self.data_dir(data.path());
        self.data = Some(data);
        self
    }

    /// How long one step may take before the test gives up.
    pub fn timeout(mut self, timeout: Duration) -> Launch {
        self.timeout = timeout;
        self
    }

    pub fn start(self) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let child = pty.slave.spawn_command(self.cmd).expect("spawn hearsay");
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
            timeout: self.timeout,
            _data: self.data,
            _config: self.config,
        }
    }
}

/// A running hearsay in a pseudo-terminal.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    /// Kept open for the child's lifetime: closing it hangs the child up.
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    timeout: Duration,
    /// The collection folder, if the session made its own.
    _data: Option<tempfile::TempDir>,
    /// The folder `$HEARSAY_CONFIG` points into.
    _config: tempfile::TempDir,
}

impl Session {
    pub fn screen(&self) -> String {
        self.output
            .lock()
            .expect("output lock")
            .parser
            .screen()
            .contents()
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// The child's process id, to send it signals.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits until the screen shows what `done` wants and then stays
    /// unchanged for [`SETTLE`]; returns it.
    pub fn settle(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
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
                start.elapsed() < self.timeout,
                "timed out waiting for {what}; screen:\n{last}"
            );
        }
    }

    /// Polls until the screen satisfies `done`, settled or not; returns it
    /// and when it did.
    pub fn wait_for(&self, what: &str, done: impl Fn(&str) -> bool) -> (String, Instant) {
        let start = Instant::now();
        loop {
            let now = self.screen();
            if done(&now) {
                return (now, Instant::now());
            }
            assert!(
                start.elapsed() < self.timeout,
                "timed out waiting for {what}; screen:\n{now}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// The foreground colour of the cell at (`row`, `col`).
    pub fn fg(&self, row: u16, col: u16) -> Option<vt100::Color> {
        let out = self.output.lock().expect("output lock");
        out.parser.screen().cell(row, col).map(|c| c.fgcolor())
    }

    /// Draws `bytes` on the emulated screen as if another program (the
    /// shell) wrote them; they are not added to [`Session::raw`].
    pub fn draw_over(&self, bytes: &[u8]) {
        self.output
            .lock()
            .expect("output lock")
            .parser
            .process(bytes);
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for hearsay") {
                return status;
            }
            if start.elapsed() > self.timeout {
                let _ = self.child.kill();
                panic!("hearsay did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Every byte hearsay wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        // Give the reader thread a moment to drain what came before the exit.
        std::thread::sleep(Duration::from_millis(200));
        self.output.lock().expect("output lock").raw.clone()
    }

    /// Presses `Q` (quit from anywhere) and waits for hearsay to exit;
    /// returns how it did.
    pub fn quit(&mut self) -> ExitStatus {
        self.send("Q");
        self.wait_exit()
    }

    /// Presses `Q`, checks hearsay exits successfully, and returns every
    /// byte it wrote.
    pub fn quit_ok(&mut self) -> Vec<u8> {
        let status = self.quit();
        assert!(status.success(), "exit status {status:?}");
        self.raw()
    }
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

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The line of the screen that holds the status bar (the last one).
pub fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}
