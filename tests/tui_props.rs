//! Any sequence of actions at any size leaves the app consistent and every
//! screen drawable.

mod tui_support;

use hearsay::app::{Action, App, update};
use hearsay::corpus::Corpus;
use hearsay::keymap::KeyMap;
use hearsay::ui::{self, theme::Theme};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn action() -> impl Strategy<Value = Action> {
    let plain = prop::sample::select(vec![
        Action::Quit,
        Action::ToggleFocus,
        Action::FocusList,
        Action::FocusReader,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::NextQuote,
        Action::PrevQuote,
        Action::OpenSpeakers,
        Action::ClearFilter,
        Action::StartSearch,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleHelp,
        Action::DeleteChar,
        Action::PickerDown,
        Action::PickerUp,
        Action::Confirm,
        Action::Cancel,
    ]);
    prop_oneof![
        6 => plain,
        2 => prop::sample::select(vec!['a', 'o', 'k', 'e', 'r', ' ', '\u{1b}']).prop_map(Action::Input),
        1 => (0u16..140, 0u16..50).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..140, 0u16..50, -6i16..6).prop_map(|(column, row, delta)| Action::Scroll { column, row, delta }),
        1 => (0u16..140, 0u16..50).prop_map(|(column, row)| Action::Click { column, row }),
    ]
}

fn check(app: &App) {
    let shown = app.shown().len();
    assert!(shown == 0 || app.selected() < shown);
    assert!(app.list_top() <= app.selected());
    assert_eq!(app.open_index(), app.shown().get(app.selected()).copied());
    let reader = app.reader();
    assert!(reader.scroll <= reader.layout.rows.len());
    if let (Some(q), Some(entry)) = (reader.quote, app.open_entry()) {
        assert!(q < entry.quotes.len());
    }
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
    terminal
        .draw(|f| ui::render(f, app, &Theme::default(), &KeyMap::default()))
        .expect("draw");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_actions_keep_the_app_consistent(actions in prop::collection::vec(action(), 1..40)) {
        let mut app = tui_support::app(100, 30);
        for a in actions {
            update(&mut app, a);
            check(&app);
        }
    }
}

#[test]
fn an_empty_corpus_is_fine_too() {
    let mut app = App::with_layout(Corpus::default(), Vec::new(), tui_support::plain_layout);
    for a in [
        Action::Resize(80, 24),
        Action::Down,
        Action::NextQuote,
        Action::OpenSpeakers,
        Action::Confirm,
        Action::StartSearch,
        Action::Input('x'),
        Action::Confirm,
        Action::NextMatch,
        Action::Open,
        Action::Bottom,
        Action::Click { column: 3, row: 3 },
    ] {
        update(&mut app, a);
        check(&app);
    }
    assert_eq!(app.open_index(), None);
}
