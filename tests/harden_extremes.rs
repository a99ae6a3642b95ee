//! Absurd input and rough terminals: each input is generated here, loaded
//! from a file, its quotes extracted, laid out and drawn. Slow is allowed,
//! a crash or a hang is not; times are printed, never asserted.
//!
//! Sizes are chosen so the whole file runs in well under a minute in a
//! debug build on a loaded machine, while staying far beyond real news:
//! the single-line article is 8 MB here (the 200 MB takes minutes
//! in a debug build; run `HEARSAY_HUGE_MB=200 cargo test --release --test
//! harden_extremes` for the full size), a million (short) paragraphs,
//! 100,000 quotes, and quotes nested 10,000 deep.

use std::path::PathBuf;
use std::time::Instant;

use hearsay::app::{Action, App, update};
use hearsay::article::{Article, load_paths};
use hearsay::corpus::{Corpus, Entry};
use hearsay::keymap::KeyMap;
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn draw(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::render(f, app, &Theme::default(), &KeyMap::default()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn screen_text(buffer: &Buffer) -> String {
    buffer.content().iter().map(|c| c.symbol()).collect()
}

/// Writes `text` to a file, loads it, extracts, lays out and draws it
/// opened at the top and at the bottom; returns the entry and the last screen.
fn load_and_show(name: &str, text: &str) -> (Entry, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path: PathBuf = dir.path().join(name);
    std::fs::write(&path, text).expect("write input");
    let clock = Instant::now();
    let loaded = load_paths(&[path]);
    let fatal: Vec<_> = loaded.problems.iter().filter(|p| p.is_fatal()).collect();
    assert!(fatal.is_empty(), "{fatal:?}");
    let [article] = <[Article; 1]>::try_from(loaded.articles).expect("one article");
    let loaded_at = clock.elapsed();
    let entry = Entry::new(article);
    let extracted_at = clock.elapsed();
    let mut app = App::new(Corpus::from_entries(vec![entry.clone()]), Vec::new());
    update(&mut app, Action::Resize(100, 30));
    update(&mut app, Action::Open);
    let top = screen_text(&draw(&app));
    update(&mut app, Action::Bottom);
    let bottom = screen_text(&draw(&app));
    eprintln!(
        "{name}: {} bytes, {} quotes; load {loaded_at:?}, extract {:?}, total {:?}",
        text.len(),
        entry.quotes.len(),
        extracted_at - loaded_at,
        clock.elapsed()
    );
    assert!(!top.trim().is_empty());
    (entry, bottom)
}

#[test]
fn a_huge_single_line_article() {
    let mb: usize = std::env::var("HEARSAY_HUGE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let sentence = "The harbour board met again and the fares stayed where they were. ";
    let mut text = String::from("One enormous line\n\n");
    text.reserve(mb << 20);
    while text.len() < mb << 20 {
        text.push_str(sentence);
    }
    text.push_str("THE END");
    let (entry, bottom) = load_and_show("huge.txt", &text);
    assert_eq!(entry.article.title, "One enormous line");
    assert!(
        bottom.contains("THE END"),
        "the last row of the article shows at the bottom"
    );
}

#[test]
fn a_million_paragraphs() {
    let mut text = String::from("Many paragraphs\n\n");
    for i in 0..1_000_000 {
        text.push_str(&format!("P{i}.\n\n"));
    }
    let (entry, bottom) = load_and_show("paragraphs.txt", &text);
    assert_eq!(entry.article.paragraphs().len(), 1_000_000);
    assert!(bottom.contains("P999999."), "{bottom}");
}

#[test]
fn a_hundred_thousand_quotes() {
    let mut text = String::from("Quotes everywhere\n\n");
    for i in 0..100_000 {
        text.push_str(&format!("“N{i},” she said. "));
    }
    let (entry, bottom) = load_and_show("quotes.txt", &text);
    assert!(entry.quotes.len() >= 100_000, "{}", entry.quotes.len());
    assert!(bottom.contains("99999"), "{bottom}");
}

#[test]
fn quotes_nested_ten_thousand_deep() {
    let depth = 10_000;
    let open: String = (0..depth)
        .map(|i| if i % 2 == 0 { '“' } else { '‘' })
        .collect();
    let close: String = open
        .chars()
        .rev()
        .map(|c| if c == '“' { '”' } else { '’' })
        .collect();
    let text = format!(
        "Nested quotes\n\n{open}innermost words{close} said Mara Okonkwo.\n\n\
         {ascii}deep{ascii_end} and «{guillemets}» ended.\n",
        ascii = "\"'".repeat(depth / 2),
        ascii_end = "'\"".repeat(depth / 2),
        guillemets = "«".repeat(depth) + &"»".repeat(depth),
    );
    let (entry, _) = load_and_show("nested.txt", &text);
    for q in &entry.quotes {
        assert!(q.span.end <= entry.article.text.len());
    }
}

/// A small deterministic generator: the storm is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

#[test]
fn a_storm_of_resizes_down_to_one_by_one() {
    let mut articles = hearsay::article::samples();
    let wide = "漢字🚢 e\u{301} \u{1b}]0;t\u{7} “Quoted words here,” said Ana Ruiz. ".repeat(40);
    articles.push(Article::from_text(
        "wide.txt",
        format!("Wide one\n\n{wide}\n"),
    ));
    let mut app = App::new(Corpus::from_articles(articles), Vec::new());
    let mut rng = Lcg(0x5eed);
    let actions = [
        Action::Down,
        Action::Open,
        Action::NextQuote,
        Action::PageDown,
        Action::ToggleFocus,
        Action::Bottom,
        Action::ToggleHelp,
        Action::OpenSpeakers,
        Action::Cancel,
    ];
    let mut sizes = vec![(1, 1), (0, 0), (1, 40), (200, 1), (2, 2), (0, 10), (10, 0)];
    sizes.extend((0..400).map(|_| {
        let w = rng.next(260) as u16;
        let h = rng.next(90) as u16;
        (w, h)
    }));
    for (i, &(w, h)) in sizes.iter().enumerate() {
        update(&mut app, Action::Resize(w, h));
        update(&mut app, actions[i % actions.len()]);
        let buffer = draw(&app);
        assert_eq!(buffer.area.width, w);
        assert_eq!(buffer.area.height, h);
        // A cell's symbol never spills past the buffer.
        assert_eq!(buffer.content().len(), usize::from(w) * usize::from(h));
    }
    // Back at a sane size, the reader still works.
    update(&mut app, Action::Resize(100, 30));
    update(&mut app, Action::Top);
    assert!(screen_text(&draw(&app)).contains("Headlines"));
}
