//! The offline cache at 100,000 articles: an FTS5 search (a word in every
//! article, common words, a rare word, a speaker filter, a prefix while
//! typing, the first one, two and three letters typed), as `hearsay search`
//! asks (the best 20 with their snippets) and as the reader asks (the best
//! 500 keys), and the first page of headlines read back from the cache, as
//! a start from the cache does.
//!
//! `cargo bench --bench cache`. The cache is built first, in a temporary
//! folder, from invented articles (about 1.2 KB each); building it takes a
//! minute or so and is not measured.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::article::Article;
use hearsay::store::{Keep, Store};

const ARTICLES: usize = 100_000;

const WORDS: &[&str] = &[
    "harbour", "budget", "ferry", "council", "storm", "school", "tide", "vote", "bridge", "fares",
    "minister", "island", "repairs", "market", "fishing", "union", "strike", "court", "hospital",
    "road", "rail", "energy", "wind", "price", "housing", "water", "police", "festival", "library",
    "museum", "airport", "port", "tax", "farm", "river", "coast",
];
const NAMES: &[&str] = &[
    "Ana Ruiz",
    "Bo Lindqvist",
    "Mara Okonkwo",
    "Ines Barros",
    "Ona Brisk",
    "Teo Vance",
    "Lia Moreau",
    "Kofi Mensah",
    "Yuki Sato",
    "Ravi Nair",
];

/// A deterministic stream of pseudo-random numbers (xorshift).
struct Numbers(u64);
impl Numbers {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

fn article(i: usize, n: &mut Numbers) -> (Article, Vec<String>) {
    let speaker = NAMES[n.next(NAMES.len())];
    let mut text = format!("Story {i} on the {}\n\n", WORDS[n.next(WORDS.len())]);
    for s in 0..12 {
        let words: Vec<&str> = (0..12).map(|_| WORDS[n.next(WORDS.len())]).collect();
        if s == 3 {
            text.push_str(&format!("“The {} matters,” {speaker} said. ", words[0]));
        }
        text.push_str(&words.join(" "));
        text.push_str(". ");
    }
    // One word in a thousand articles only.
    if i % 1000 == 0 {
        text.push_str("The lighthouse keeper retired.");
    }
    let title = text.lines().next().unwrap_or_default().to_string();
    let article = Article {
        id: format!("id-{i}"),
        title,
        body: 0..text.len(),
        text,
        ..Article::default()
    };
    (article, vec![speaker.to_string()])
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(dir.path()).expect("a fresh store");
    let started = Instant::now();
    let mut n = Numbers(0x9e37_79b9_7f4a_7c15);
    for chunk in (0..ARTICLES).collect::<Vec<_>>().chunks(1000) {
        let batch: Vec<(Article, Vec<String>)> =
            chunk.iter().map(|&i| article(i, &mut n)).collect();
        let keep: Vec<Keep<'_>> = batch
            .iter()
            .map(|(a, s)| Keep {
                article: a,
                speakers: s,
                feed: Some("Coast Wire"),
                guid: None,
            })
            .collect();
        store.keep(&keep).expect("keeping works");
    }
    println!(
        "built a cache of {} articles in {:.1} s",
        store.cached_count().expect("count"),
        started.elapsed().as_secs_f64()
    );

    let mut group = c.benchmark_group("cache of 100,000 articles");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    for (label, query) in [
        ("search a word in every article", "story"),
        ("search two common words", "harbour budget"),
        ("search a rare word", "lighthouse"),
        ("search by speaker and word", "speaker:\"Ana Ruiz\" ferry"),
        ("search a prefix while typing", "lightho"),
        ("search a common prefix while typing", "harbo"),
        // The first keystrokes: the prefix indexes (schema version 5) hold
        // the first 1, 2 and 3 letters of every word; without them FTS5
        // merges the doclists of every word the prefix begins before the
        // newest matches can be taken.
        ("search the first letter typed", "s"),
        ("search the first two letters typed", "st"),
        ("search the first three letters typed", "sto"),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| store.search(black_box(query), 20).expect("search"))
        });
    }
    // The reader's search (`/`) asks for the keys of the best 500 and makes
    // snippets for the rows on screen itself.
    for (label, query) in [
        (
            "reader's search: best 500 keys, a word in every article",
            "story",
        ),
        (
            "reader's search: best 500 keys, two common words",
            "harbour budget",
        ),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| store.search_keys(black_box(query), 500).expect("search"))
        });
    }
    group.bench_function("open and read the first 200 headlines", |b| {
        b.iter(|| {
            let store = Store::open(dir.path()).expect("opens");
            store.cached(200).expect("cached").len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
