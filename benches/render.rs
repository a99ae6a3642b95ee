//! One frame of the reader at 200×50 with the real layout: a 4 MiB article
//! at its top, in its middle and after a jump to the next quote, and a
//! 4 KiB article. `cargo bench --bench render`.

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::app::{Action, App, update};
use hearsay::article::Article;
use hearsay::corpus::{Corpus, Entry};
use hearsay::keymap::KeyMap;
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const PARAGRAPHS: [&str; 3] = [
    "“Nobody should pay more to cross the bay than to cross the city,” said Mara \
     Okonkwo, who chairs the Port Vell Harbour Authority.",
    "The council met twice this week and put the vote off again, citing the \
     ferry operators' late figures and a dispute over the spring timetable.",
    "“We are not done,” Teodor Wilk told reporters. He added that the crews \
     were ready and the boats had been refitted over the winter.",
];

/// An article of about `bytes` bytes of our own invented text.
fn article(bytes: usize) -> Entry {
    let mut body = String::new();
    let mut i = 0;
    while body.len() < bytes {
        body.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        body.push_str("\n\n");
        i += 1;
    }
    Entry::new(Article::from_text(
        "bench",
        format!("Ferry fares frozen\n\n{body}"),
    ))
}

fn app_on(entry: Entry) -> App {
    let mut app = App::new(Corpus::from_entries(vec![entry]), Vec::new());
    update(&mut app, Action::Resize(200, 50));
    update(&mut app, Action::FocusReader);
    app
}

fn frame(c: &mut Criterion, name: &str, app: &App) {
    let (theme, keymap) = (Theme::default(), KeyMap::default());
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("a test backend");
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|f| ui::render(f, app, &theme, &keymap))
                .expect("draw");
        })
    });
}

fn bench(c: &mut Criterion) {
    let mut app = app_on(article(4 << 20));
    frame(c, "frame 200x50, 4 MiB article, top", &app);
    let rows = app.reader().layout.rows.len();
    while app.reader().scroll < rows / 2 {
        update(&mut app, Action::PageDown);
    }
    frame(c, "frame 200x50, 4 MiB article, middle", &app);
    update(&mut app, Action::NextQuote);
    frame(c, "frame 200x50, 4 MiB article, after n", &app);
    let small = app_on(article(4 << 10));
    frame(c, "frame 200x50, 4 KiB article", &small);
}

criterion_group!(benches, bench);
criterion_main!(benches);
