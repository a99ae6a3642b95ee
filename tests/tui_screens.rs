//! Whole screens drawn on a `TestBackend`, compared with insta snapshots.

mod tui_support;

use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use hearsay::app::{Action, App};
use hearsay::keymap::{Key, KeyMap};
use hearsay::tui::{self, Event, Events, Exit};
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tui_support::{app, send};

fn draw(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::render(f, app, &Theme::default(), &KeyMap::default()))
        .expect("draw");
    terminal
}

fn screen(app: &App) -> String {
    draw(app).backend().to_string()
}

/// Where `needle` starts on screen, as (column, row).
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let width = buffer.area.width;
    for y in 0..buffer.area.height {
        let line: Vec<&str> = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
        let joined = line.concat();
        if let Some(byte) = joined.find(needle) {
            let col = line
                .iter()
                .scan(0, |at, s| {
                    *at += s.len();
                    Some(*at)
                })
                .position(|end| end > byte)?;
            return Some((col as u16, y));
        }
    }
    None
}

#[test]
fn list_and_reader_at_120_by_40() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::NextQuote]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn quotes_take_their_speakers_colour_everywhere() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::NextQuote]);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let colour = Theme::default().speaker("Mara Okonkwo");
    let quote = find(buffer, "Nobody should pay").expect("quote on screen");
    assert_eq!(buffer[quote].fg, colour);
    let label = find(buffer, "[Mara Okonkwo]").expect("label on screen");
    assert_eq!(buffer[label].fg, colour);
    // The headline list names her in the same colour.
    let listed = find(buffer, "Mara Okonkwo,").expect("speaker in the list");
    assert_eq!(buffer[listed].fg, colour);
    assert_ne!(colour, Theme::default().speaker("Teodor Wilk"));
}

#[test]
fn speaker_filter_active() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::OpenSpeakers]);
    for c in "ok".chars() {
        send(&mut app, &[Action::Input(c)]);
    }
    insta::assert_snapshot!("speaker_picker", screen(&app));
    send(
        &mut app,
        &[Action::Confirm, Action::Bottom, Action::NextQuote],
    );
    let terminal = draw(&app);
    insta::assert_snapshot!(terminal.backend().to_string());
    // Barros's quote is dimmed, Okonkwo's is in her colour.
    let buffer = terminal.backend().buffer();
    let other = find(buffer, "The children were").expect("other quote on screen");
    assert_eq!(buffer[other].fg, Color::DarkGray);
    let hers = find(buffer, "We were glad").expect("her quote on screen");
    assert_eq!(buffer[hers].fg, Theme::default().speaker("Mara Okonkwo"));
}

#[test]
fn help() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::ToggleHelp]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn why_this_speaker() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::NextQuote, Action::ExplainQuote]);
    let shown = screen(&app);
    assert!(shown.contains("Why this speaker"), "{shown}");
    assert!(shown.contains("Candidates"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn narrow_60_by_20() {
    let mut app = app(60, 20);
    insta::assert_snapshot!("narrow_list", screen(&app));
    send(
        &mut app,
        &[Action::Open, Action::NextQuote, Action::NextQuote],
    );
    insta::assert_snapshot!("narrow_reader", screen(&app));
}

#[test]
fn one_by_one() {
    let mut app = app(1, 1);
    insta::assert_snapshot!(screen(&app));
    send(&mut app, &[Action::OpenSpeakers]);
    screen(&app);
    send(&mut app, &[Action::Cancel, Action::ToggleHelp]);
    screen(&app);
}

#[test]
fn every_small_size_renders() {
    for w in 0..30 {
        for h in 0..12 {
            let mut app = app(w, h);
            for action in [
                Action::NextQuote,
                Action::OpenSpeakers,
                Action::Cancel,
                Action::ToggleHelp,
            ] {
                send(&mut app, &[action]);
                let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
                terminal
                    .draw(|f| ui::render(f, &app, &Theme::default(), &KeyMap::default()))
                    .expect("draw");
            }
        }
    }
}

/// Keys from a list, then the end of input.
struct Script(Vec<Event>);

impl Events for Script {
    fn next(&mut self, _: Duration) -> std::io::Result<Option<Event>> {
        Ok((!self.0.is_empty()).then(|| self.0.remove(0)))
    }
}

#[test]
fn the_event_loop_runs_on_a_test_backend() {
    let mut app = app(80, 24);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
    let keys = [
        Key::Char('j'),
        Key::Char('j'),
        Key::Enter,
        Key::Char('n'),
        Key::Char('Q'),
    ];
    let mut script = Script(keys.into_iter().map(Event::Key).collect());
    let stop = AtomicUsize::new(0);
    let exit = tui::run(
        &mut terminal,
        &mut app,
        &KeyMap::default(),
        &Theme::default(),
        &mut script,
        &stop,
    );
    assert_eq!(exit.ok(), Some(Exit::Quit));
    assert!(app.should_quit());
    assert_eq!(app.size(), (100, 30), "the loop told the app the real size");
    assert_eq!((app.open_index(), app.reader().quote), (Some(2), Some(0)));
    let shown = terminal.backend().to_string();
    assert!(shown.contains("quote 1/3"), "{shown}");
}

#[test]
fn a_signal_ends_the_loop() {
    let mut app = app(80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    let mut script = Script(vec![Event::Tick; 3]);
    let stop = AtomicUsize::new(15);
    let exit = tui::run(
        &mut terminal,
        &mut app,
        &KeyMap::default(),
        &Theme::default(),
        &mut script,
        &stop,
    );
    assert_eq!(exit.ok(), Some(Exit::Signal(15)));
}

#[test]
fn the_current_search_match_is_marked_in_the_reader() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::StartSearch]);
    for c in "Bakery".chars() {
        send(&mut app, &[Action::Input(c)]);
    }
    let typing = screen(&app);
    assert!(
        typing
            .lines()
            .last()
            .unwrap_or_default()
            .contains("/Bakery"),
        "{typing}"
    );
    send(&mut app, &[Action::Confirm]);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "bakery,").expect("match on screen");
    assert_eq!(buffer[(x, y)].bg, Color::Yellow);
    assert_eq!(buffer[(x + 5, y)].bg, Color::Yellow);
    assert_ne!(
        buffer[(x + 6, y)].bg,
        Color::Yellow,
        "only the match is marked"
    );
    let status = terminal.backend().to_string();
    assert!(status.contains("/Bakery 1/1"), "{status}");
}

#[test]
fn loading_problems_show_in_the_message_line() {
    let problem = |name: &str| hearsay::article::Problem {
        path: name.into(),
        line: Some(3),
        message: "not JSON".into(),
        level: hearsay::article::Level::Error,
    };
    let problems = vec![problem("feeds/a.jsonl"), problem("feeds/b.jsonl")];
    let mut app = App::with_layout(tui_support::corpus(), problems, tui_support::plain_layout);
    send(&mut app, &[Action::Resize(100, 20)]);
    let shown = screen(&app);
    let message = shown.lines().nth(18).unwrap_or_default();
    assert!(
        message.contains("feeds/a.jsonl:3: not JSON (+1 more"),
        "{shown}"
    );
}

#[test]
fn help_scrolls_when_it_does_not_fit() {
    let mut app = app(60, 20);
    send(&mut app, &[Action::ToggleHelp]);
    let top = screen(&app);
    assert!(top.contains("Reading"), "{top}");
    assert!(!top.contains("Search box"), "{top}");
    assert!(top.contains("j/k scroll  1–"), "{top}");
    send(&mut app, &[Action::Bottom]);
    for _ in 0..100 {
        send(&mut app, &[Action::Down]);
    }
    let bottom = screen(&app);
    assert!(bottom.contains("Search box"), "{bottom}");
    assert!(!bottom.contains("Reading"), "{bottom}");
    send(&mut app, &[Action::ToggleHelp, Action::ToggleHelp]);
    assert_eq!(screen(&app), top, "help opens at its top again");
}
