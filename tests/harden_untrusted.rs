//! Untrusted text through the real UI: escape sequences, controls and bidi
//! overrides in article text, titles, speaker names, sources and file names
//! never reach the screen buffer; wide and zero-width characters keep the
//! panes aligned.

use hearsay::app::{Action, App, update};
use hearsay::article::{Article, Problem};
use hearsay::corpus::{Corpus, Entry};
use hearsay::keymap::KeyMap;
use hearsay::quote::{Quote, QuoteKind};
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Every class of hostile sequence, each one a short string.
const HOSTILE: &[&str] = &[
    "\x1b]0;pwned\x07",       // OSC 0: set the window title
    "\x1b]52;c;cHduZWQ=\x07", // OSC 52: write the clipboard
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\", // OSC 8 hyperlink
    "\x1bP1$qm\x1b\\",        // DCS request
    "\x1b[2J\x1b[H\x1b[31m",  // CSI: clear, home, red
    "\x07",                   // BEL
    "ab\x08\x08XY",           // backspace over text
    "fake\rreal",             // carriage return
    "\u{9b}2J\u{9d}0;c1\u{9c}\u{85}", // C1 CSI, OSC, ST, NEL
    "\u{202e}evil\u{202c}",   // right-to-left override
    "\u{2066}iso\u{2069}\u{2067}\u{2068}\u{202a}\u{202b}\u{202d}",
    "\x7f\x00\x1b",
];

fn hostile() -> String {
    HOSTILE.concat()
}

/// A char that must never be in a screen cell.
fn dangerous(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn assert_inert(buffer: &Buffer, what: &str) {
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(dangerous),
                "{what}: cell ({x}, {y}) holds {symbol:?}"
            );
        }
    }
}

fn draw(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::render(f, app, &Theme::default(), &KeyMap::default()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// An entry whose title, text, source, byline, file name and speaker all
/// carry every hostile sequence.
fn hostile_entry() -> Entry {
    let h = hostile();
    let title = format!("Harbour {h} fares");
    let quoted = format!("“We will {h} cut fares,”");
    let body = format!(
        "PORT VELL - {h} The authority met.\n\n{quoted} said Mara {h} Okonkwo.\n\nMore {h} text."
    );
    let text = format!("{title}\n\n{body}\n");
    let start = text.find(&quoted).expect("quote in text");
    let quote = Quote {
        span: start..start + quoted.len(),
        kind: QuoteKind::Direct,
        speaker: Some(format!("Mara {h} Okonkwo")),
        mention: None,
        cue: None,
        parent: None,
        source: None,
        confidence: None,
    };
    let article = Article {
        id: format!("feeds/{h}.json"),
        title: title.clone(),
        body: title.len()..text.len(),
        text,
        source: Some(format!("Wire {h}")),
        byline: Some(format!("By {h}")),
        published: Some(format!("Nov {h} 3")),
        url: Some(format!("https://x.example/{h}")),
        ..Article::default()
    };
    Entry {
        article,
        quotes: vec![quote],
    }
}

fn hostile_app(w: u16, h: u16) -> App {
    let mut entries = vec![hostile_entry()];
    // A second article, extracted for real, whose quotes name a hostile speaker.
    let hs = hostile();
    let text = format!("Second {hs}\n\n“Fares fall,” said Ana {hs} Ruiz, the mayor.\n");
    entries.push(Entry::new(Article::from_text(format!("{hs}.txt"), text)));
    let problems = vec![Problem {
        path: format!("bad/{hs}.jsonl").into(),
        line: Some(3),
        message: format!("skipped: {hs}"),
        level: hearsay::article::Level::Error,
    }];
    let mut app = App::new(Corpus::from_entries(entries), problems);
    update(&mut app, Action::Resize(w, h));
    app
}

#[test]
fn hostile_text_never_reaches_the_screen_buffer() {
    for (w, h) in [(120, 40), (60, 20), (30, 10)] {
        let mut app = hostile_app(w, h);
        assert_inert(&draw(&app), "headline list");
        let steps: &[(&str, &[Action])] = &[
            ("reader", &[Action::Open]),
            ("next quote", &[Action::NextQuote, Action::NextQuote]),
            ("bottom", &[Action::Bottom]),
            ("speaker picker", &[Action::OpenSpeakers]),
            (
                "picker typed",
                &[Action::Input('\u{1b}'), Action::Input('M')],
            ),
            ("picker closed", &[Action::Cancel, Action::Cancel]),
            (
                "search",
                &[
                    Action::StartSearch,
                    Action::Input('\u{1b}'),
                    Action::Input('\u{202e}'),
                ],
            ),
            ("search done", &[Action::Confirm]),
            ("help", &[Action::ToggleHelp]),
            (
                "second article",
                &[
                    Action::Cancel,
                    Action::FocusList,
                    Action::Down,
                    Action::Open,
                ],
            ),
        ];
        for (what, actions) in steps {
            for &a in *actions {
                update(&mut app, a);
            }
            assert_inert(&draw(&app), &format!("{what} at {w}x{h}"));
        }
    }
}

#[test]
fn placeholders_stand_where_escapes_were() {
    let mut app = hostile_app(200, 40);
    update(&mut app, Action::Open);
    let screen = draw(&app);
    let text: String = (0..screen.area.height)
        .flat_map(|y| (0..screen.area.width).map(move |x| (x, y)))
        .map(|p| screen[p].symbol().to_string())
        .collect();
    // ESC shows as its control picture followed by the rest of the sequence.
    assert!(text.contains("␛]0;pwned␇"), "{text}");
    assert!(text.contains("␛[2J"), "{text}");
    assert!(
        text.contains('\u{fffd}'),
        "bidi/C1 placeholder missing: {text}"
    );
}

/// Column of the list pane's right border, read off its top-right corner.
fn divider(buffer: &Buffer) -> u16 {
    (0..buffer.area.width)
        .find(|&x| buffer[(x, 0)].symbol() == "┐")
        .expect("the list pane has a top-right corner")
}

#[test]
fn wide_and_zero_width_characters_keep_the_panes_aligned() {
    let titles = [
        "漢字のニュース見出しがとても長い場合でも列は揃う",
        "Emoji 🚢🚢🚢 ferry 👩‍👩‍👧‍👦 family ⚓️ harbour 🇵🇹 flag",
        "Combining e\u{301}e\u{301}e\u{301} and zero\u{200b}width\u{200d}joiner\u{feff}",
        "Mixed 한국어 wide 全角ＡＢＣ and narrow abc",
        "Plain title for reference",
    ];
    let articles = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let body = format!("“{t} {t},” said 김 민준 of 港務局.\n\n{t} {t} {t} {t}");
            Article::from_text(format!("{i}-{t}.txt"), format!("{t}\n\n{body}\n"))
        })
        .collect();
    let mut app = App::new(Corpus::from_articles(articles), Vec::new());
    for (w, h) in [(100, 30), (61, 17), (43, 12)] {
        update(&mut app, Action::Resize(w, h));
        for step in [
            Action::Top,
            Action::Open,
            Action::NextQuote,
            Action::FocusList,
            Action::Bottom,
        ] {
            update(&mut app, step);
            let buffer = draw(&app);
            let x = divider(&buffer);
            for y in 1..h.saturating_sub(3) {
                let cell = buffer[(x, y)].symbol();
                assert!(
                    matches!(cell, "│" | "┘" | "┤"),
                    "row {y} at {w}x{h}: the list border moved, column {x} holds {cell:?}"
                );
            }
            // The reading pane's right border stays in the last column.
            let right = buffer[(w - 1, 1)].symbol();
            assert_eq!(right, "│", "reader border at {w}x{h}");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn random_controls_in_any_field_stay_off_screen(
        title in "(\\PC|\\p{Cc}|[\u{202a}-\u{202e}\u{2066}-\u{2069}\u{85}])*",
        body in "(\\PC|\\p{Cc}|[\u{202a}-\u{202e}\u{2066}-\u{2069}“”])*",
        name in "(\\PC|\\p{Cc}|[\u{202a}-\u{202e}\u{2066}-\u{2069}])*",
    ) {
        let text = format!("{title}\n\n“{body},” said {name}.\n");
        let article = Article::from_text(name.clone(), text);
        let mut app = App::new(Corpus::from_articles(vec![article]), Vec::new());
        update(&mut app, Action::Resize(50, 14));
        update(&mut app, Action::Open);
        assert_inert(&draw(&app), "random article");
    }
}
