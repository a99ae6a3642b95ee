//! What the reader pays for the collection: keying articles at load, and the
//! store calls made on key presses and when drawing.
//!
//! `cargo bench --bench store`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::article::Article;
use hearsay::store::{StarKey, StarredQuote, Store, article_key};

fn star(i: usize) -> StarredQuote {
    StarredQuote {
        article_key: format!("id:article-{}", i / 10),
        start: i * 100,
        end: i * 100 + 80,
        quote: "“We will not close the harbour again,”".into(),
        speaker: Some("Ona Brisk".into()),
        headline: "Harbour reopens".into(),
        source: Some("Tidewire".into()),
        date: Some("March 3".into()),
        url: None,
        starred_at: i as i64,
    }
}

fn bench(c: &mut Criterion) {
    let paragraph = "Port Vell's harbour reopened on Tuesday, four days after the storm. \
        “We will not close the harbour again,” said Ona Brisk.\n";
    let article = Article {
        id: "news/harbour.txt".into(),
        title: "Harbour reopens".into(),
        text: paragraph.repeat(400 * 1024 / paragraph.len()),
        ..Article::default()
    };
    c.bench_function("article_key of a 400 KiB article", |b| {
        b.iter(|| article_key(black_box(&article)))
    });

    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(dir.path()).expect("a fresh store opens");
    for i in 0..1000 {
        store.star(&star(i)).expect("starring works");
        store
            .set_read(&format!("id:article-{i}"), true)
            .expect("marking read works");
    }
    let key = StarKey::new("id:article-50", 50_000..50_080);
    c.bench_function("is_starred among 1000 stars", |b| {
        b.iter(|| store.is_starred(black_box(&key)))
    });
    c.bench_function("starred_keys of 1000 stars", |b| {
        b.iter(|| store.starred_keys())
    });
    c.bench_function("read_keys of 1000 articles", |b| {
        b.iter(|| store.read_keys())
    });
    c.bench_function("starred() of 1000 stars", |b| b.iter(|| store.starred()));
    let mut toggled = star(5000);
    c.bench_function("toggle_star on disk", |b| {
        b.iter(|| {
            toggled.start += 1;
            store.toggle_star(&toggled)
        })
    });
    c.bench_function("Store::open of an existing collection", |b| {
        b.iter(|| Store::open(dir.path()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
