//! Speaker labels beside the text, after the paragraph, or off: whole
//! screens with the real layout, on a `TestBackend`.

mod tui_support;

use hearsay::app::{Action, App, update};
use hearsay::keymap::KeyMap;
use hearsay::layout::Labels;
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The invented fixture articles with the real layout, at `w` × `h`.
fn app(w: u16, h: u16) -> App {
    let mut app = App::new(tui_support::corpus(), Vec::new());
    update(&mut app, Action::Resize(w, h));
    app
}

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::render(f, app, &Theme::default(), &KeyMap::default()))
        .expect("draw");
    terminal.backend().to_string()
}

#[test]
fn margin_labels_at_120_columns() {
    let app = app(120, 40);
    assert_eq!(app.reader().layout.labels, Labels::Margin);
    let shown = screen(&app);
    // Wilk is named by surname alone on his quote's row: labelled in full
    // beside it.
    let wilk = shown
        .lines()
        .find(|l| l.contains("Teodor Wilk “A cheap ferry"))
        .unwrap_or_default();
    assert!(!wilk.is_empty(), "{shown}");
    assert!(!shown.contains("— "), "no label inside the text: {shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn end_of_paragraph_labels_at_70_columns() {
    let mut app = app(70, 30);
    update(&mut app, Action::Open);
    assert_eq!(app.reader().layout.labels, Labels::Paragraph);
    let shown = screen(&app);
    assert!(shown.contains("— Teodor Wilk"), "{shown}");
    // Barros is named in full in her paragraph: no label after it.
    let mut app = app;
    update(&mut app, Action::FocusList);
    update(&mut app, Action::Bottom);
    update(&mut app, Action::Open);
    let school = screen(&app);
    assert!(school.contains("head teacher Ines"), "{school}");
    assert!(!school.contains("— Ines Barros"), "{school}");
    insta::assert_snapshot!(shown);
}

#[test]
fn labels_off() {
    let mut app = app(120, 40);
    update(&mut app, Action::CycleLabels);
    assert_eq!(app.labels(), Labels::Paragraph);
    update(&mut app, Action::CycleLabels);
    assert_eq!(app.labels(), Labels::Off);
    let shown = screen(&app);
    assert!(!shown.contains("Teodor Wilk “A cheap"), "{shown}");
    assert!(!shown.contains("— Teodor Wilk"), "{shown}");
    insta::assert_snapshot!(shown);
    update(&mut app, Action::CycleLabels);
    assert_eq!(app.labels(), Labels::Margin, "the key cycles back");
}
