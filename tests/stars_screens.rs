//! The speakers view, a speaker's quotes, the starred view and the export
//! prompt drawn on a `TestBackend`, compared with insta snapshots.

mod tui_support;

use hearsay::app::{Action, App};
use hearsay::keymap::KeyMap;
use hearsay::store::Store;
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use tui_support::{app, send};

fn terminal(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::render(f, app, &Theme::default(), &KeyMap::default()))
        .expect("draw");
    terminal
}

fn screen(app: &App) -> String {
    terminal(app).backend().to_string()
}

fn with_store(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.attach_store(Store::in_memory().expect("in-memory store"), None);
    app
}

#[test]
fn speakers_view() {
    let mut app = app(100, 24);
    send(&mut app, &[Action::OpenSpeakerList, Action::Down]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn speakers_view_by_name_filtered() {
    let mut app = app(100, 24);
    send(&mut app, &[Action::OpenSpeakerList, Action::ToggleSort]);
    send(&mut app, &[Action::Input('r')]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn speaker_quotes() {
    let mut app = with_store(100, 24);
    send(&mut app, &[Action::NextQuote, Action::ToggleStar]);
    send(
        &mut app,
        &[Action::OpenSpeakerList, Action::Confirm, Action::Down],
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn starred_view() {
    let mut app = with_store(100, 24);
    send(&mut app, &[Action::NextQuote, Action::ToggleStar]);
    send(
        &mut app,
        &[Action::Bottom, Action::NextQuote, Action::ToggleStar],
    );
    send(&mut app, &[Action::OpenStarred]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn starred_view_empty_and_export_prompt() {
    let mut app = with_store(80, 20);
    send(&mut app, &[Action::OpenStarred]);
    let empty = screen(&app);
    assert!(empty.contains("Nothing starred yet"), "{empty}");
    send(
        &mut app,
        &[Action::Cancel, Action::NextQuote, Action::ToggleStar],
    );
    send(&mut app, &[Action::Export, Action::CycleFormat]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn read_headlines_are_not_bold_and_starred_ones_say_so() {
    let mut app = with_store(120, 30);
    send(&mut app, &[Action::NextQuote, Action::ToggleStar]);
    let shown = screen(&app);
    assert!(
        shown
            .lines()
            .last()
            .unwrap_or_default()
            .contains("quote 1/3 ★"),
        "{shown}"
    );
    // The selection is drawn bold, so look from the second headline.
    send(&mut app, &[Action::Down]);
    let drawn = terminal(&app);
    let buffer = drawn.backend().buffer();
    // Rows 1, 3 and 5 are the headlines: the first read (`n` visited a
    // quote in it), the third unread.
    assert!(!buffer[(1, 1)].modifier.contains(Modifier::BOLD));
    assert!(buffer[(1, 5)].modifier.contains(Modifier::BOLD));
    let shown = screen(&app);
    let meta = shown.lines().nth(2).unwrap_or_default();
    assert!(meta.contains("★1"), "{shown}");
    send(&mut app, &[Action::Up, Action::ToggleRead, Action::Down]);
    let drawn = terminal(&app);
    assert!(
        drawn.backend().buffer()[(1, 1)]
            .modifier
            .contains(Modifier::BOLD)
    );
}
