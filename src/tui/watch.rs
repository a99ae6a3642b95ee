//! Waiting for terminal input without trusting crossterm to notice a
//! hang-up.
//!
//! When the other end of a pseudo-terminal closes without a SIGHUP reaching
//! us, the terminal reads as "ready" with nothing in it forever, and
//! crossterm's reader retries that read in a loop that never returns: a
//! reader whose window was closed would burn a core until killed. So the
//! wait happens here, with `poll(2)` on the terminal and on a pipe that
//! SIGWINCH writes to (resizes must still wake us at once); crossterm is
//! asked for an event only when the terminal holds input and has not hung
//! up.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};

/// What a wait on the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// Input (or a resize) is waiting.
    Ready,
    /// Nothing came within the timeout.
    Timeout,
    /// The terminal is gone.
    HangUp,
}

/// The terminal crossterm reads from, and the resize pipe.
#[derive(Debug)]
pub struct Watch {
    /// `/dev/tty` when standard input is not the terminal (crossterm then
    /// reads `/dev/tty` too); `None` to watch standard input.
    tty: Option<File>,
    /// Read end of the pipe SIGWINCH writes a byte to.
    winch: Option<UnixStream>,
}

impl Watch {
    /// Watches the terminal crossterm will read from.
    pub fn new() -> Watch {
        let stdin_is_tty = rustix::termios::isatty(io::stdin());
        let tty = if stdin_is_tty {
            None
        } else {
            File::open("/dev/tty").ok()
        };
        Watch {
            tty,
            winch: resize_pipe(),
        }
    }

    fn fd(&self) -> BorrowedFd<'_> {
        match &self.tty {
            Some(file) => file.as_fd(),
            None => rustix::stdio::stdin(),
        }
    }

    /// Waits up to `timeout` for input, a resize or a hang-up.
    pub fn wait(&mut self, timeout: Duration) -> Wake {
        let tty = self.fd();
        let mut fds = vec![PollFd::new(&tty, PollFlags::IN)];
        if let Some(winch) = &self.winch {
            fds.push(PollFd::new(winch, PollFlags::IN));
        }
        let timeout = Timespec {
            tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(timeout.subsec_nanos()),
        };
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => Wake::Timeout,
            Ok(_) => {
                let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                if fds[0].revents().intersects(gone) {
                    return Wake::HangUp;
                }
                if fds.get(1).is_some_and(|w| !w.revents().is_empty()) {
                    self.drain_resizes();
                }
                Wake::Ready
            }
            // EINTR (a signal came): the caller looks at its signal flag.
            Err(_) => Wake::Ready,
        }
    }

    /// Whether the terminal has hung up, asked without waiting.
    pub fn hung_up(&self) -> bool {
        let tty = self.fd();
        let mut fds = [PollFd::new(&tty, PollFlags::empty())];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        matches!(poll(&mut fds, Some(&now)), Ok(n) if n > 0)
            && fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
    }

    fn drain_resizes(&mut self) {
        if let Some(winch) = &mut self.winch {
            let mut buf = [0u8; 64];
            while matches!(winch.read(&mut buf), Ok(n) if n > 0) {}
        }
    }
}

impl Default for Watch {
    fn default() -> Self {
        Watch::new()
    }
}

/// A non-blocking pipe that receives a byte on every SIGWINCH; `None` when
/// it cannot be set up (resizes are then noticed at the next timeout).
fn resize_pipe() -> Option<UnixStream> {
    let (read, write) = UnixStream::pair().ok()?;
    read.set_nonblocking(true).ok()?;
    write.set_nonblocking(true).ok()?;
    signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, write).ok()?;
    Some(read)
}
