//! The terminal: setup and restore, turning terminal input into [`Event`]s,
//! and the event loop, generic over the ratatui backend so tests can run it
//! on a `TestBackend`.
//!
//! ratatui's `init`/`restore` own raw mode, the alternate screen and the
//! panic hook; mouse capture and the cursor are ours to undo.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{
    self as term, DisableMouseCapture, EnableMouseCapture, KeyCode, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{Action, App, Effect, Mode, Report, perform_each, receive, step, update};
use crate::keymap::{Key, KeyMap};
use crate::loader::Batch;
use crate::ui::{self, theme::Theme};

mod background;
mod loading;
#[cfg(unix)]
mod watch;
pub use background::{Performer, Subscriptions, refresh};
pub use loading::WithLoading;

/// The signal number a hang-up reports (SIGHUP is 1 wherever it exists).
const SIGHUP: i32 = 1;

/// How long the loop waits for input before checking for signals again.
const TICK: Duration = Duration::from_millis(200);

/// Rows one notch of the mouse wheel scrolls.
const WHEEL_ROWS: i16 = 3;

/// Every input the loop reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A key press.
    Key(Key),
    /// The wheel turned over (`column`, `row`): rows to scroll, down when positive.
    Wheel {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Rows, down when positive.
        delta: i16,
    },
    /// A left click at (`column`, `row`).
    Click {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// The terminal is now `columns` × `rows`.
    Resize(u16, u16),
    /// Nothing happened for a while.
    Tick,
    /// The process was suspended (Ctrl-Z) and has been resumed: the screen
    /// holds whatever the shell drew meanwhile and must be redrawn whole.
    Resumed,
    /// Entries loaded in the background.
    Loaded(Box<Batch>),
    /// What came of work done away from the UI thread (a refresh, a cache
    /// search, opening a link).
    Report(Box<Report>),
    /// The terminal went away (its other end closed) without a SIGHUP
    /// reaching us: nobody can see or type any more, so the loop ends as
    /// on a hang-up.
    HangUp,
}

impl Event {
    /// What the event asks of the app in `mode`, if anything.
    pub fn action(&self, mode: Mode, keymap: &KeyMap) -> Option<Action> {
        match *self {
            Event::Key(key) => keymap.lookup(mode, key),
            Event::Wheel { column, row, delta } => Some(Action::Scroll { column, row, delta }),
            Event::Click { column, row } => Some(Action::Click { column, row }),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Tick | Event::Resumed | Event::Loaded(_) | Event::Report(_) | Event::HangUp => {
                None
            }
        }
    }
}

/// Where events come from: the terminal, or a script in tests.
pub trait Events {
    /// The next event (`Event::Tick` when nothing came within `timeout`), or
    /// `None` when there will be no more: the loop then ends.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// Events read from the real terminal with crossterm.
#[derive(Debug, Default)]
pub struct TerminalEvents {
    #[cfg(unix)]
    watch: watch::Watch,
}

impl TerminalEvents {
    /// Events from the terminal this process runs in.
    pub fn new() -> TerminalEvents {
        TerminalEvents::default()
    }

    /// Reads the event crossterm has ready, if any, without waiting.
    fn ready(&mut self) -> io::Result<Option<Event>> {
        if !term::poll(Duration::ZERO)? {
            return Ok(None);
        }
        let event = term::read()?;
        if is_suspend_key(&event) {
            suspend()?;
            return Ok(Some(Event::Resumed));
        }
        // An event hearsay ignores (a mouse move, a focus change) is a tick,
        // not the end of events.
        Ok(Some(convert(event).unwrap_or(Event::Tick)))
    }
}

impl Events for TerminalEvents {
    #[cfg(unix)]
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        use watch::Wake;
        // Crossterm may hold events parsed from an earlier read; but it must
        // never be asked once the terminal is gone (see `watch`).
        if self.watch.hung_up() {
            return Ok(Some(Event::HangUp));
        }
        if let Some(event) = self.ready()? {
            return Ok(Some(event));
        }
        match self.watch.wait(timeout) {
            Wake::HangUp => Ok(Some(Event::HangUp)),
            Wake::Timeout => Ok(Some(Event::Tick)),
            Wake::Ready => Ok(Some(self.ready()?.unwrap_or(Event::Tick))),
        }
    }

    #[cfg(not(unix))]
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if !term::poll(timeout)? {
            return Ok(Some(Event::Tick));
        }
        Ok(Some(self.ready()?.unwrap_or(Event::Tick)))
    }
}

/// Ctrl-Z: raw mode delivers it as a key instead of stopping the process.
fn is_suspend_key(event: &term::Event) -> bool {
    matches!(event, term::Event::Key(k)
        if k.kind != KeyEventKind::Release
            && k.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(k.code, KeyCode::Char('z' | 'Z')))
}

/// Gives the terminal back, stops the process as the shell's Ctrl-Z would,
/// and takes the terminal again once resumed (`fg`, SIGCONT).
#[cfg(unix)]
fn suspend() -> io::Result<()> {
    use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    let _ = execute!(stdout(), DisableMouseCapture, cursor::Show);
    ratatui::try_restore()?;
    // SIGSTOP, not SIGTSTP: the kernel drops SIGTSTP for a process group
    // without a job-control parent, and then Ctrl-Z would do nothing while
    // the terminal is already given back. Execution continues on SIGCONT.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
}

#[cfg(not(unix))]
fn suspend() -> io::Result<()> {
    Ok(())
}

/// The crossterm event as one of ours; `None` for what the reader ignores.
pub fn convert(event: term::Event) -> Option<Event> {
    match event {
        term::Event::Key(k) if k.kind != KeyEventKind::Release => {
            key(k.code, k.modifiers).map(Event::Key)
        }
        term::Event::Mouse(m) => {
            let (column, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::ScrollDown => Some(Event::Wheel {
                    column,
                    row,
                    delta: WHEEL_ROWS,
                }),
                MouseEventKind::ScrollUp => Some(Event::Wheel {
                    column,
                    row,
                    delta: -WHEEL_ROWS,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Event::Click { column, row }),
                _ => None,
            }
        }
        term::Event::Resize(w, h) => Some(Event::Resize(w, h)),
        _ => None,
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<Key> {
    Some(match code {
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
            Key::Ctrl(c.to_ascii_lowercase())
        }
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// This signal asked the process to stop.
    Signal(i32),
}

/// Draws and reacts until the app quits, `events` run out or `signal`
/// holds a signal number.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    keymap: &KeyMap,
    theme: &Theme,
    events: &mut impl Events,
    signal: &AtomicUsize,
) -> io::Result<Exit> {
    run_with(
        terminal,
        app,
        keymap,
        theme,
        events,
        signal,
        &mut |_| Ok(()),
    )
}

/// The clipboard escape (OSC 52) carrying `text`: base64 of the text,
/// which the app sanitised, so no byte of an article reaches the terminal
/// raw. The only escape hearsay writes that carries text.
pub fn osc52(text: &str) -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

/// Like [`run`], handing the effects of each action to `perform`.
pub fn run_with<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    keymap: &KeyMap,
    theme: &Theme,
    events: &mut impl Events,
    signal: &AtomicUsize,
    perform: &mut dyn FnMut(Effect) -> io::Result<()>,
) -> io::Result<Exit> {
    let size = terminal.size().map_err(backend_error)?;
    update(app, Action::Resize(size.width, size.height));
    app.set_key_names(
        [Action::OpenMessages, Action::Close]
            .into_iter()
            .filter_map(|a| Some((a, keymap.hint(Mode::Browse, a)?)))
            .collect(),
    );
    let mut dirty = true;
    loop {
        if dirty {
            app.set_clock(unix_now());
            terminal
                .draw(|frame| ui::render(frame, app, theme, keymap))
                .map_err(backend_error)?;
            dirty = false;
        }
        match signal.load(Ordering::Relaxed) {
            0 => {}
            s => return Ok(Exit::Signal(i32::try_from(s).unwrap_or(i32::MAX))),
        }
        let Some(event) = events.next(TICK)? else {
            return Ok(Exit::Quit);
        };
        // The list's "35m" goes on counting while nothing happens.
        if matches!(event, Event::Tick) && app.clock().is_some_and(|c| unix_now() / 60 != c / 60) {
            dirty = true;
        }
        if matches!(event, Event::HangUp) {
            return Ok(Exit::Signal(SIGHUP));
        }
        if matches!(event, Event::Resumed) {
            // Blank the screen and draw a blank frame, so the next frame is
            // drawn in full. (`Terminal::clear` would ask the terminal where
            // its cursor is, which not every terminal answers.)
            terminal.backend_mut().clear().map_err(backend_error)?;
            terminal
                .draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))
                .map_err(backend_error)?;
            let size = terminal.size().map_err(backend_error)?;
            update(app, Action::Resize(size.width, size.height));
            dirty = true;
        }
        if let Event::Loaded(batch) = event {
            app.append(*batch);
            dirty = true;
        } else if let Event::Report(report) = event {
            let effects = receive(app, *report);
            perform_each(app, effects, &mut *perform)?;
            dirty = true;
        } else if let Some(action) = event.action(app.mode(), keymap) {
            let effects = step(app, action);
            perform_each(app, effects, &mut *perform)?;
            dirty = true;
        }
        if app.should_quit() {
            return Ok(Exit::Quit);
        }
    }
}

/// Seconds since the epoch (0 if the clock is before it).
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn backend_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// Runs the reader on the real terminal, restoring it however the loop
/// ends: quit, error, SIGTERM/SIGHUP/SIGINT, or panic.
pub fn main(mut app: App) -> io::Result<Exit> {
    main_with(&mut app, &mut TerminalEvents::new())
}

/// Like [`main`], with terminal events read through `events` (such as
/// [`WithLoading`]), leaving the app to the caller.
pub fn main_with(app: &mut App, events: &mut impl Events) -> io::Result<Exit> {
    main_themed(app, events, &Theme::default())
}

/// Like [`main_with`], drawn with `theme`.
pub fn main_themed(app: &mut App, events: &mut impl Events, theme: &Theme) -> io::Result<Exit> {
    let (mut performer, _reports) = Performer::new();
    main_configured(app, events, theme, &KeyMap::default(), &mut performer)
}

/// Like [`main_themed`], with `keymap`, and effects performed by
/// `performer` (whose reports `events` should carry).
pub fn main_configured(
    app: &mut App,
    events: &mut impl Events,
    theme: &Theme,
    keymap: &KeyMap,
    performer: &mut Performer,
) -> io::Result<Exit> {
    let signal = watch_signals()?;
    let mut terminal = ratatui::try_init()?;
    install_panic_hook();
    let result = execute!(stdout(), EnableMouseCapture).and_then(|()| {
        run_with(
            &mut terminal,
            app,
            keymap,
            theme,
            events,
            &signal,
            &mut |effect| performer.perform(effect),
        )
    });
    // Every step is tried even when one fails.
    let restored = [
        execute!(stdout(), DisableMouseCapture),
        terminal.show_cursor().map_err(backend_error),
        ratatui::try_restore(),
    ];
    if restored[1].is_err() {
        // The terminal is gone: ratatui's drop would try again and, failing,
        // write to a closed stderr, which panics. Nothing is left to restore.
        std::mem::forget(terminal);
    }
    let exit = result?;
    // After a hang-up the terminal is gone, so failing to restore it is expected.
    if !matches!(exit, Exit::Signal(_)) {
        restored.into_iter().collect::<io::Result<()>>()?;
    }
    Ok(exit)
}

/// A flag holding the number of the last stop signal, zero until one comes.
fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    let flag = Arc::new(AtomicUsize::new(0));
    #[cfg(unix)]
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let number = usize::try_from(sig).unwrap_or(1);
        signal_hook::flag::register_usize(sig, Arc::clone(&flag), number)?;
    }
    Ok(flag)
}

/// Wraps ratatui's hook (which leaves raw mode and the alternate screen) so a
/// panic also releases the mouse and shows the cursor.
fn install_panic_hook() {
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, cursor::Show);
        ratatui_hook(info);
    }));
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_clipboard_escape_carries_base64_only() {
        use base64::Engine as _;
        let seq = osc52("“Go,” — Ana\u{1b}[2J");
        let body = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .expect("OSC 52 framing");
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .expect("base64");
        assert_eq!(decoded, "“Go,” — Ana\u{1b}[2J".as_bytes());
    }

    use super::*;

    #[test]
    fn control_letters_become_ctrl_keys() {
        assert_eq!(
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Key::Ctrl('c'))
        );
        assert_eq!(
            key(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Key::Char('G'))
        );
        assert_eq!(key(KeyCode::F(5), KeyModifiers::NONE), None);
    }

    #[test]
    fn wheel_and_click_become_actions() {
        let mouse = |kind| {
            term::Event::Mouse(term::MouseEvent {
                kind,
                column: 4,
                row: 7,
                modifiers: KeyModifiers::NONE,
            })
        };
        let km = KeyMap::default();
        let wheel =
            convert(mouse(MouseEventKind::ScrollDown)).and_then(|e| e.action(Mode::Browse, &km));
        assert_eq!(
            wheel,
            Some(Action::Scroll {
                column: 4,
                row: 7,
                delta: WHEEL_ROWS
            })
        );
        let click = convert(mouse(MouseEventKind::Down(MouseButton::Left)));
        assert_eq!(click, Some(Event::Click { column: 4, row: 7 }));
        assert_eq!(convert(mouse(MouseEventKind::Moved)), None);
    }
}
