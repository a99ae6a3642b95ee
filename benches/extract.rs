//! Single-threaded throughput of `quote::extract` over every text of
//! `../shared/gold/polnear_train.jsonl` (skipped with a message when absent).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn texts() -> Option<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold/polnear_train.jsonl");
    let data = std::fs::read_to_string(&path).ok()?;
    let texts = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    Some(texts)
}

fn bench(c: &mut Criterion) {
    let Some(texts) = texts() else {
        println!("skipped: ../shared/gold/polnear_train.jsonl is absent");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("polnear_train", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                n += hearsay::quote::extract(black_box(t)).len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
