//! Loading with quote extraction and speaker indexing on every core, as
//! `hearsay speakers` does: the BBC folder of the shared corpus, and the
//! 100,000-article JSONL. `cargo bench --bench load`.
//!
//! The inputs are read at run time and skipped with a message when absent:
//! `../shared/corpus/bbc`, and the JSONL file named by `HEARSAY_CORPUS`, for
//! example the one made by
//! `cargo run --release --example make-corpus -- c100k.jsonl 100000`
//! (`HEARSAY_CORPUS=c100k.jsonl cargo bench --bench load`).

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::corpus::{self, SpeakerIndex};
use hearsay::loader;

fn index(path: &PathBuf) -> usize {
    let mut index = SpeakerIndex::default();
    loader::run(
        std::slice::from_ref(path),
        loader::cores(),
        |e| corpus::resolved_speakers(&e),
        |done| {
            for names in done.items {
                index.add_names(names);
            }
            ControlFlow::Continue(())
        },
    );
    index.speakers().len()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    let bbc = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/bbc"));
    if bbc.is_dir() {
        group.bench_function("bbc folder", |b| b.iter(|| index(&bbc)));
    } else {
        println!("skipped: {} is absent", bbc.display());
    }
    match std::env::var_os("HEARSAY_CORPUS").map(PathBuf::from) {
        Some(big) if big.is_file() => {
            group.bench_function("HEARSAY_CORPUS JSONL", |b| b.iter(|| index(&big)));
        }
        Some(big) => println!("skipped: HEARSAY_CORPUS={} is not a file", big.display()),
        None => println!("skipped: HEARSAY_CORPUS is not set (see the header of this file)"),
    };
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
