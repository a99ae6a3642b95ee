//! Laying out a generated article: 4 MiB (quotes every few sentences) at
//! widths 200 and 80, and 4 KiB at width 80.
//!
//! Run with `cargo bench --bench layout`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::article::Article;
use hearsay::corpus::Entry;
use hearsay::layout::layout;
use hearsay::quote::{Quote, QuoteKind};

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "talks",
    "would",
    "continue",
    "after",
    "a",
    "long",
    "meeting",
    "in",
    "Seoul",
    "on",
    "Tuesday",
    "while",
    "officials",
    "from",
    "both",
    "sides",
    "described",
    "progress",
    "as",
    "slow",
    "but",
    "steady",
    "Wi",
    "Sung‑lac",
    "漢字",
    "naïve",
    "co‑operation",
];

/// An article of about `bytes` bytes: paragraphs of five sentences, every
/// third sentence a quotation with a speaker and a mention after it.
fn article(bytes: usize) -> Entry {
    let mut text = String::with_capacity(bytes + 256);
    let mut quotes = Vec::new();
    let mut n = 0usize;
    while text.len() < bytes {
        if n % 5 == 0 && n > 0 {
            text.push_str("\n\n");
        } else if n > 0 {
            text.push(' ');
        }
        let start = text.len();
        let quoted = n % 3 == 0;
        if quoted {
            text.push('“');
        }
        for k in 0..12 {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[(n * 7 + k * 13) % WORDS.len()]);
        }
        if quoted {
            text.push_str(",” ");
            let end = text.len() - 1;
            let mention = text.len()..text.len() + "Wi Sung‑lac".len();
            text.push_str("Wi Sung‑lac said.");
            quotes.push(Quote {
                span: start..end,
                kind: QuoteKind::Direct,
                speaker: Some("Wi Sung‑lac".into()),
                mention: Some(mention),
                cue: None,
                parent: None,
            });
        } else {
            text.push('.');
        }
        n += 1;
    }
    let article = Article {
        title: "A generated article for the benchmark".into(),
        body: 0..text.len(),
        text,
        ..Article::default()
    };
    Entry { article, quotes }
}

fn bench(c: &mut Criterion) {
    let big = article(4 << 20);
    let small = article(4 << 10);
    let rows = layout(&big, 80).rows.len();
    eprintln!(
        "4 MiB article: {} quotes, {rows} rows at width 80",
        big.quotes.len()
    );
    let mut g = c.benchmark_group("layout");
    g.sample_size(10);
    g.bench_function("4MiB_width200", |b| b.iter(|| layout(black_box(&big), 200)));
    g.bench_function("4MiB_width80", |b| b.iter(|| layout(black_box(&big), 80)));
    g.finish();
    c.bench_function("layout/4KiB_width80", |b| {
        b.iter(|| layout(black_box(&small), 80))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
