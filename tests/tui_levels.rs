//! `q`, `Q` and `Esc` as newsboat users expect: back one level, quit from
//! anywhere, close the current view.

mod tui_support;

use hearsay::app::{Action, Focus, Mode};
use tui_support::{app, send};

#[test]
fn q_goes_from_the_article_to_the_list_then_quits() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::Open, Action::Back]);
    assert_eq!(app.focus(), Focus::List);
    assert!(!app.should_quit());
    send(&mut app, &[Action::Back]);
    assert!(app.should_quit());
}

#[test]
fn esc_closes_the_article_on_a_narrow_screen_only() {
    let mut app = app(60, 20);
    send(&mut app, &[Action::Open]);
    assert!(app.screen().list.is_none(), "narrow: the article alone");
    send(&mut app, &[Action::Close]);
    assert_eq!(app.focus(), Focus::List);
    assert!(app.screen().list.is_some());

    let mut wide = tui_support::app(120, 40);
    send(&mut wide, &[Action::Open, Action::Close]);
    assert_eq!(
        wide.focus(),
        Focus::Reader,
        "both panes show: Esc keeps focus"
    );
    assert!(!wide.should_quit());
}

#[test]
fn q_in_a_view_closes_the_view_not_the_reader() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::OpenStarred]);
    assert_eq!(app.mode(), Mode::Starred);
    send(&mut app, &[Action::Cancel]);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(!app.should_quit());
    send(&mut app, &[Action::OpenStarred, Action::Quit]);
    assert!(app.should_quit(), "Q quits from a view");
}
