//! Speaker colours: one per speaker within an article, a key of them at the
//! top of the reading pane, and the light theme.

mod tui_support;

use hearsay::app::{Action, App, update};
use hearsay::corpus::Corpus;
use hearsay::keymap::KeyMap;
use hearsay::quote::QuoteKind::Direct;
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tui_support::{Q, entry};

const SPEAKERS: [&str; 8] = [
    "Ana Ruiz",
    "Bo Lind",
    "Cal Ferro",
    "Dee Amsel",
    "Eli Tarn",
    "Fay Oduya",
    "Gil Marr",
    "Hana Ise",
];

const QUOTES: [&str; 8] = [
    "“The quay opens in May,”",
    "“Too late for the spring,”",
    "“The ferries can wait,”",
    "“We asked for it first,”",
    "“Nobody told the crews,”",
    "“It is paid for,”",
    "“The tide decides,”",
    "“We will be ready,”",
];

/// An invented article quoting eight people, one paragraph each.
fn eight_voices() -> App {
    let body: Vec<String> = QUOTES
        .iter()
        .zip(SPEAKERS)
        .map(|(q, s)| format!("{q} said {}.", s.split(' ').nth(1).unwrap_or(s)))
        .collect();
    let body = body.join("\n\n");
    let quotes: Vec<Q> = QUOTES
        .iter()
        .zip(SPEAKERS)
        .map(|(q, s)| Q(q, Direct, Some(s), None))
        .collect();
    let e = entry("Eight voices on the new quay", &body, &quotes);
    let mut app = App::new(Corpus::from_entries(vec![e]), Vec::new());
    update(&mut app, Action::Resize(120, 30));
    app
}

fn draw(app: &App, theme: &Theme) -> Buffer {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::render(f, app, theme, &KeyMap::default()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The foreground of the first cell of `needle` on screen.
fn colour_of(buffer: &Buffer, needle: &str) -> Option<Color> {
    let width = buffer.area.width;
    for y in 0..buffer.area.height {
        let cells: Vec<&str> = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
        let line = cells.concat();
        if let Some(byte) = line.find(needle) {
            let mut at = 0;
            let x = cells.iter().position(|c| {
                at += c.len();
                at > byte
            })?;
            return buffer[(x as u16, y)].fg.into();
        }
    }
    None
}

#[test]
fn eight_speakers_in_eight_colours() {
    let app = eight_voices();
    let buffer = draw(&app, &Theme::default());
    let mut colours: Vec<Color> = QUOTES
        .iter()
        .map(|q| colour_of(&buffer, q).unwrap_or_else(|| panic!("{q} not on screen")))
        .collect();
    // The key names each speaker in the colour of their quote.
    for (s, c) in SPEAKERS.iter().zip(&colours) {
        assert_eq!(colour_of(&buffer, &format!("■ {s}")), Some(*c), "{s}");
    }
    colours.sort_by_key(|c| format!("{c:?}"));
    colours.dedup();
    assert_eq!(colours.len(), 8, "{colours:?}");
    insta::assert_snapshot!(format!("{buffer:?}"));
}

#[test]
fn the_light_theme() {
    let app = eight_voices();
    let light = Theme::light();
    let buffer = draw(&app, &light);
    let status_bg = buffer[(0, buffer.area.height - 1)].bg;
    assert_eq!(Some(status_bg), light.status.bg);
    assert_ne!(light.status.bg, Theme::dark().status.bg);
    insta::assert_snapshot!(format!("{buffer:?}"));
}
