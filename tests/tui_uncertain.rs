//! An uncertain speaker (confidence below the threshold) is labelled dim
//! with a trailing `?`, in the margin and after the paragraph: whole
//! screens with the real layout on a `TestBackend`.

mod tui_support;

use hearsay::app::{Action, App, update};
use hearsay::keymap::KeyMap;
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// The invented articles, Wilk's attribution unsure (0.4) and every other
/// one sure (0.99), at `w` × `h` with the threshold at 0.9.
fn app(w: u16, h: u16) -> App {
    let mut corpus = tui_support::corpus();
    for e in &mut corpus.entries {
        for q in &mut e.quotes {
            q.confidence = q.speaker.as_deref().map(|s| match s {
                "Teodor Wilk" => 0.4,
                _ => 0.99,
            });
        }
    }
    let mut app = App::new(corpus, Vec::new());
    app.set_min_confidence(0.9);
    update(&mut app, Action::Resize(w, h));
    app
}

fn draw(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::render(f, app, &Theme::default(), &KeyMap::default()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let w = usize::from(buf.area.width);
    let symbols: Vec<&str> = buf.content.iter().map(|c| c.symbol()).collect();
    symbols
        .chunks(w)
        .map(|row| row.concat().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modifiers of the cells where `needle` is first written.
fn modifiers_at(buf: &Buffer, needle: &str) -> Vec<Modifier> {
    let w = usize::from(buf.area.width);
    for (y, row) in buf.content.chunks(w).enumerate() {
        let line: Vec<&str> = row.iter().map(|c| c.symbol()).collect();
        let joined = line.concat();
        if let Some(byte) = joined.find(needle) {
            let x = joined[..byte].chars().count();
            let n = needle.chars().count();
            return (x..x + n)
                .map(|x| buf.content[y * w + x].modifier)
                .collect();
        }
    }
    panic!("{needle:?} is not on the screen:\n{}", text(buf));
}

#[test]
fn an_uncertain_margin_label_is_dim_with_a_question_mark() {
    let buf = draw(&app(120, 40));
    let shown = text(&buf);
    assert!(shown.contains("Teodor Wilk?"), "{shown}");
    assert!(!shown.contains("Mara Okonkwo?"), "{shown}");
    let unsure = modifiers_at(&buf, "Teodor Wilk?");
    assert!(
        unsure.iter().all(|m| m.contains(Modifier::DIM)),
        "{unsure:?}"
    );
    let sure = modifiers_at(&buf, "Mara Okonkwo");
    assert!(sure.iter().all(|m| !m.contains(Modifier::DIM)), "{sure:?}");
    insta::assert_snapshot!(shown);
}

#[test]
fn an_uncertain_paragraph_label_is_dim_with_a_question_mark() {
    let mut app = app(70, 30);
    update(&mut app, Action::Open);
    let buf = draw(&app);
    let shown = text(&buf);
    assert!(shown.contains("— Teodor Wilk?"), "{shown}");
    let unsure = modifiers_at(&buf, "Teodor Wilk?");
    assert!(
        unsure.iter().all(|m| m.contains(Modifier::DIM)),
        "{unsure:?}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn at_a_lower_threshold_nothing_is_uncertain() {
    let mut app = app(120, 40);
    app.set_min_confidence(0.3);
    let shown = text(&draw(&app));
    assert!(shown.contains("Teodor Wilk"), "{shown}");
    assert!(!shown.contains("Wilk?"), "{shown}");
}
