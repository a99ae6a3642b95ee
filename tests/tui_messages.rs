//! Messages are transient: a loading problem shows once in the message
//! line, then lives in the messages view with every message shown.

mod tui_support;

use hearsay::app::{Action, App, Mode};
use hearsay::keymap::KeyMap;
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::send;

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::render(f, app, &Theme::default(), &KeyMap::default()))
        .expect("draw");
    terminal.backend().to_string()
}

fn with_problems() -> App {
    let problem = |name: &str, fatal| hearsay::article::Problem {
        path: name.into(),
        line: Some(3),
        message: "not JSON".into(),
        level: hearsay::article::Level::of(fatal),
    };
    let problems = vec![
        problem("feeds/a.jsonl", true),
        problem("feeds/b.jsonl", false),
    ];
    let mut app = App::with_layout(tui_support::corpus(), problems, tui_support::plain_layout);
    send(&mut app, &[Action::Resize(100, 24)]);
    app
}

#[test]
fn a_problem_shows_once_then_the_message_line_is_free() {
    let mut app = with_problems();
    let message = app.message().unwrap_or_default();
    assert!(
        message.contains("feeds/a.jsonl:3: not JSON (+1 more)"),
        "{message}"
    );
    assert!(app.screen().message.is_some());
    send(&mut app, &[Action::Down]);
    assert_eq!(app.message(), None);
    assert!(app.screen().message.is_none(), "the line is given back");
}

#[test]
fn the_messages_view_lists_every_problem_and_message() {
    let mut app = with_problems();
    send(
        &mut app,
        &[Action::CycleLabels, Action::Down, Action::OpenMessages],
    );
    assert_eq!(app.mode(), Mode::Messages);
    let shown = screen(&app);
    assert!(shown.contains("feeds/a.jsonl:3: not JSON"), "{shown}");
    assert!(shown.contains("feeds/b.jsonl:3: not JSON"), "{shown}");
    assert!(
        shown.contains("Speaker labels at the end of each paragraph"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
    send(&mut app, &[Action::Cancel]);
    assert_eq!(app.mode(), Mode::Browse);
}
