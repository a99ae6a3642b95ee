//! What a key press and a frame cost in the reader, on a large article and a
//! long list: `cargo bench --bench tui_frame`.

#[path = "../tests/tui_support/mod.rs"]
mod tui_support;

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::app::{Action, App, update};
use hearsay::corpus::{Corpus, Entry};
use hearsay::keymap::KeyMap;
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// About 400 KiB of invented text with a quote in every paragraph.
fn big_entry() -> Entry {
    let para = "“Nobody should pay more to cross the bay than to cross the city,” \
                said Mara Okonkwo, who chairs the Port Vell Harbour Authority, adding \
                that the boats and crews were ready for the spring timetable.";
    let body = vec![para; 400 * 1024 / para.len()].join("\n\n");
    let mut e = tui_support::entry("A very long article", &body, &[]);
    e.quotes = hearsay::quote::extract(&e.article.text);
    e
}

fn corpus(n: usize) -> Corpus {
    let small = tui_support::corpus().entries;
    let mut entries = vec![big_entry()];
    entries.extend(small.iter().cycle().take(n).cloned());
    Corpus::from_entries(entries)
}

fn bench(c: &mut Criterion) {
    let mut app = App::with_layout(corpus(2000), Vec::new(), tui_support::plain_layout);
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::FocusReader);
    for _ in 0..3000 {
        update(&mut app, Action::PageDown);
    }
    let (theme, keymap) = (Theme::default(), KeyMap::default());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    c.bench_function("frame 120x40, 400 KiB article mid-way", |b| {
        b.iter(|| {
            terminal
                .draw(|f| ui::render(f, &app, &theme, &keymap))
                .expect("draw");
        })
    });
    c.bench_function("n in a 400 KiB article", |b| {
        b.iter(|| update(&mut app, Action::NextQuote))
    });
    update(&mut app, Action::FocusList);
    update(&mut app, Action::Down);
    c.bench_function("j and k over 2000 headlines", |b| {
        b.iter(|| {
            update(&mut app, Action::Down);
            update(&mut app, Action::Up);
        })
    });
    c.bench_function("start: App over 2000 articles", |b| {
        b.iter_batched(
            || corpus(2000),
            |corpus| App::with_layout(corpus, Vec::new(), tui_support::plain_layout),
            criterion::BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
