//! Reading JSONL articles' texts back from their file, as the reader does
//! for the open article, the search, the speakers view and citations:
//! every line of a file of 20,000 invented articles, in order.
//!
//! `cargo bench --bench read_back`. The file is written to a temporary
//! folder and cut into lines first; that is not measured.

use std::ops::ControlFlow;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::article::pieces::{self, Piece};
use hearsay::article::{Item, LineAt, LoadOptions, read_back};

const ARTICLES: usize = 20_000;

/// The places of every line of `path`, cut as the reader cuts them.
fn places(path: &std::path::Path) -> Vec<LineAt> {
    let options = LoadOptions::default();
    let mut places = Vec::new();
    pieces::cut(&[path.to_path_buf()], options, &mut |piece: Piece| {
        pieces::parse(piece, options, &mut |item| {
            if let Item::Article(a) = item {
                places.extend(a.at);
            }
            ControlFlow::Continue(())
        })
    });
    places
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("harbour.jsonl");
    let mut jsonl = String::new();
    for i in 0..ARTICLES {
        let body = "The ferry left late again this morning. ".repeat(1 + i % 20);
        jsonl.push_str(&format!(
            "{{\"id\":\"n{i}\",\"title\":\"Harbour note {i}\",\"body\":\"PORTO AZUL - {body}“We are sorry,” said Ana Ruiz, the harbour master.\"}}\n"
        ));
    }
    std::fs::write(&path, jsonl).expect("write");
    let at = places(&path);
    assert_eq!(at.len(), ARTICLES);

    let mut group = c.benchmark_group("read_back");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("every line of a 20,000-article file", |b| {
        b.iter(|| {
            at.iter()
                .map(|at| read_back(at).map_or(0, |a| a.text.len()))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
