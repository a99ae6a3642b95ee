//! What a refresh costs the UI thread: the articles one feed brought
//! (20), put at the top of a list of N already loaded, speakers filed and
//! the list kept in step. The fetch itself runs on another thread.
//! `cargo bench --bench refresh`.

use std::cell::Cell;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hearsay::app::{App, Report, receive};
use hearsay::article::Article;
use hearsay::corpus::{Corpus, Entry, resolved_speakers};
use hearsay::loader::{Batch, Progress};

const SPEAKERS: [&str; 8] = [
    "Ana Ruiz",
    "Ivo Lenz",
    "Mara Okonkwo",
    "Tomas Quill",
    "Wren Abernathy",
    "Odile Marchetti",
    "Priya Castellan",
    "Teodor Lamm",
];

/// `n` invented articles with ids from `from`, two quotes each.
fn batch(from: usize, n: usize, done: bool) -> Batch {
    let entries: Vec<Entry> = (from..from + n)
        .map(|i| {
            let (a, b) = (SPEAKERS[i % 8], SPEAKERS[(i / 8) % 8]);
            let text = format!(
                "Story {i}\n\n“We will open the pier on day {i},” {a} said. \
                 “Not before the survey,” said {b}, who chairs the board.\n"
            );
            Entry::new(Article::from_text(
                format!("https://news.example.org/{i}"),
                text,
            ))
        })
        .collect();
    Batch {
        names: entries.iter().map(resolved_speakers).collect(),
        progress: Progress {
            articles: n,
            quotes: 2 * n,
            done,
            ..Progress::default()
        },
        entries,
        problems: Vec::new(),
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("refresh");
    group.sample_size(20);
    for n in [10_000, 100_000] {
        let mut app = App::new(Corpus::default(), Vec::new());
        app.start_loading();
        app.append(batch(0, n, true));
        app.follow(1, true);
        let next = Cell::new(n);
        group.bench_function(format!("20 new articles atop {n}"), |b| {
            b.iter_batched(
                || {
                    let from = next.get();
                    next.set(from + 20);
                    Report::Fresh(Box::new(batch(from, 20, false)))
                },
                |report| receive(&mut app, report),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
