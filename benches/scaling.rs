//! Whether `quote::extract` stays linear whatever the shape of its input:
//! each shape is built at `N` and `2N` units and timed at both, and the
//! ratio of the two times is printed (about 2 when linear, 4 when
//! quadratic). `cargo bench --bench scaling` runs it; every ratio should be
//! at most 2.3.
//!
//! Times are the thread's own CPU time (`/proc/thread-self/schedstat`, wall
//! time where it cannot be read), the median of a few runs, each repeating
//! the extraction for at least [`MIN_RUN`] (that clock may count in
//! scheduler ticks), so that other
//! processes on the cores do not skew the ratios. The same inputs then go
//! through criterion for its usual report.
//!
//! The reader's side is timed the same way at a million articles: the time
//! of appending [`ARTICLES`] and then `2 * ARTICLES` articles to an `App`
//! in batches as the background loader sends them, speakers filed and
//! reranked per batch (quadratic if a batch cost all that came before it).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hearsay::app::App;
use hearsay::article::Article;
use hearsay::corpus::{Corpus, Entry};
use hearsay::loader::{Batch, Progress};
use hearsay::quote::{Quote, QuoteKind, extract};

/// Units of each shape at the smaller size.
const N: usize = 20_000;

/// Articles of the reader's shape at the smaller size: `2 * ARTICLES` is
/// a million.
const ARTICLES: usize = 500_000;

/// Articles per batch, about what the loader sends every 50 ms.
const BATCH: usize = 2_000;

/// Largest ratio of the time at `2N` to the time at `N` that counts as linear.
const MAX_RATIO: f64 = 2.3;

/// A distinct capitalised word for `i`: `Bak`, `Dek`, … (no digits, so it
/// reads as a name).
fn word(mut i: usize) -> String {
    const C: &[u8] = b"bdfgklmnprstvz";
    const V: &[u8] = b"aeiou";
    let mut w = String::new();
    loop {
        w.push(C[i % C.len()] as char);
        i /= C.len();
        w.push(V[i % V.len()] as char);
        i /= V.len();
        if i == 0 {
            break;
        }
    }
    let mut cs = w.chars();
    cs.next()
        .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
        .unwrap_or_default()
}

/// One input shape: its name and how to build it from `n` units.
type Shape = (&'static str, fn(usize) -> String);

const SHAPES: &[Shape] = &[
    ("quotes_one_paragraph", |n| {
        "word “quote” said Ana. ".repeat(n)
    }),
    ("quotes_many_paragraphs", |n| {
        "word “quote” said Ana.\n\n".repeat(n)
    }),
    ("direct_quotes", |n| {
        "“We will win,” said Ana Ruiz. ".repeat(n)
    }),
    ("many_names", |n| {
        (0..n)
            .map(|i| format!("“We will win,” said {} {}. ", word(i), word(i + 7)))
            .collect()
    }),
    ("many_pronouns", |n| {
        let mut t = String::from("Ana Ruiz and Bo Lind spoke. ");
        for i in 0..n {
            t.push_str(if i % 2 == 0 {
                "“Yes,” she said. "
            } else {
                "“No,” he said.\n"
            });
        }
        t
    }),
    ("surname_mentions", |n| {
        (0..n)
            .map(|i| {
                format!(
                    "{} {} spoke. “Yes,” {} said.\n",
                    word(i),
                    word(i + 3),
                    word(i + 3)
                )
            })
            .collect()
    }),
    ("nesting", |n| {
        let mut t = String::from("Ana said: “");
        t.push_str(&"He told me ‘no’ and ‘yes’ and ‘maybe’, ".repeat(n));
        t.push_str("and that was all.”");
        t
    }),
    ("deep_nesting", |n| "“a ‘b “c ‘d “e ‘f “g ‘h ".repeat(n)),
    ("long_unclosed_quote", |n| {
        let mut t = String::from("Ana said: “");
        t.push_str(&"the plan will work and we know it ".repeat(n));
        t
    }),
    ("unclosed_quotes", |n| "“we will win ".repeat(n)),
    ("straight_reopened", |n| {
        let mut t = String::from("Ana said: \"");
        t.push_str(&"We will win. \"We will ".repeat(n));
        t
    }),
    ("reported", |n| {
        "Ana Ruiz said that the plan works. ".repeat(n)
    }),
    ("terms", |n| "the “quote” and ".repeat(n)),
    ("no_sentence_ends", |n| {
        "Ana Ruiz said the plan works and ".repeat(n)
    }),
    ("hard_wrapped", |n| {
        let mut t = String::from("TITLE\n\n");
        for _ in 0..n {
            t.push_str(
                "    Ana Ruiz said on Tuesday that the board would\n\
                 \"look again at every contract signed since the spring, and\n\
                 we will publish what we find,\" she told reporters here.\n",
            );
        }
        t
    }),
    ("lone_opening_marks", |n| "“".repeat(n)),
    ("lone_straight_marks", |n| "\"".repeat(n)),
    ("mixed_marks", |n| "“‘«‹「『".repeat(n)),
    ("straight_said_he", |n| "\" said he, \"".repeat(n)),
    ("cue_then_open_mark", |n| "Wi said that “".repeat(n)),
    ("cues_and_abbreviations", |n| {
        "a, b, said, Mr. X (Y), ".repeat(n)
    }),
    ("one_long_line", |n| "word ".repeat(n * 4)),
    ("many_lines", |n| "word\n".repeat(n * 4)),
];

/// Nanoseconds this thread has run on a CPU, when the kernel tells.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// The least time one timing covers: the kernel's CPU clock may advance
/// only by scheduler ticks (4 ms on some machines), so a timing repeats the
/// extraction until this much has passed and gives the time of one.
const MIN_RUN: Duration = Duration::from_millis(200);

/// The median CPU time (wall time where unknown) of extracting `text`.
fn time(text: &str) -> Duration {
    let mut runs: Vec<Duration> = (0..5)
        .map(|_| {
            let (cpu, wall) = (thread_cpu_ns(), Instant::now());
            let mut reps = 0u32;
            loop {
                black_box(extract(black_box(text)));
                reps += 1;
                let spent = match (cpu, thread_cpu_ns()) {
                    (Some(a), Some(b)) => Duration::from_nanos(b.saturating_sub(a)),
                    _ => wall.elapsed(),
                };
                if spent >= MIN_RUN {
                    break spent / reps;
                }
            }
        })
        .collect();
    runs.sort();
    runs[runs.len() / 2]
}

/// `n` short articles in batches of [`BATCH`], each with two quotes by
/// one of thousands of speakers (so the ranking keeps changing), built
/// without extraction so that only appending is timed.
fn article_batches(n: usize) -> Vec<Batch> {
    let quote = |span: std::ops::Range<usize>, name: &str| Quote {
        span,
        kind: QuoteKind::Direct,
        speaker: Some(name.to_string()),
        mention: None,
        cue: None,
        parent: None,
        source: None,
        confidence: None,
    };
    let mut batches = Vec::new();
    for start in (0..n).step_by(BATCH) {
        let mut batch = Batch::default();
        for i in start..(start + BATCH).min(n) {
            let name = format!("{} {}", word(i % 5_000), word(i % 7 + 3));
            let text = format!("Headline {i}\n\n“Yes,” {name} said. “No,” said {name}.\n");
            let quotes = vec![quote(11..18, &name), quote(19..26, &name)];
            batch.names.push(vec![Some(name.clone()), Some(name)]);
            let article = Article {
                id: format!("a{i}"),
                title: format!("Headline {i}"),
                body: 0..text.len(),
                text,
                ..Article::default()
            };
            batch.entries.push(Entry { article, quotes });
        }
        batch.progress = Progress {
            articles: (start + BATCH).min(n),
            done: start + BATCH >= n,
            ..Progress::default()
        };
        batches.push(batch);
    }
    batches
}

/// The median time of appending `n` articles to a loading `App`.
fn append_time(n: usize) -> Duration {
    let mut runs: Vec<Duration> = (0..3)
        .map(|_| {
            let batches = article_batches(n);
            let mut app = App::new(Corpus::default(), Vec::new());
            app.start_loading();
            let (cpu, wall) = (thread_cpu_ns(), Instant::now());
            for batch in batches {
                app.append(batch);
            }
            let took = match (cpu, thread_cpu_ns()) {
                (Some(a), Some(b)) => Duration::from_nanos(b.saturating_sub(a)),
                _ => wall.elapsed(),
            };
            black_box(app.corpus().entries.len());
            took
        })
        .collect();
    runs.sort();
    runs[runs.len() / 2]
}

/// Whether the ratio table times the shape `name`: every shape, or, given
/// criterion's filter (`cargo bench --bench scaling -- 'many_lines|nesting'`),
/// those whose names hold one of its `|`-separated parts, so that the
/// table and criterion's own timings cover the same shapes.
fn chosen(name: &str) -> bool {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    filter.is_none_or(|f| f.split('|').any(|part| name.contains(part)))
}

/// Times every shape at `N` and `2N` and prints the ratios; then the
/// reader's appends at [`ARTICLES`] and twice that (a million).
fn ratios(_: &mut Criterion) {
    println!("shape                     N time      2N time     ratio");
    let mut worst: (f64, &str) = (0.0, "");
    let extracted = (SHAPES.iter())
        .filter(|(name, _)| chosen(name))
        .map(|&(name, build)| {
            let (small, large) = (build(N), build(2 * N));
            (name, time(&small), time(&large))
        });
    let appended = std::iter::once("reader_append_1m")
        .filter(|name| chosen(name))
        .map(|name| (name, append_time(ARTICLES), append_time(2 * ARTICLES)));
    for (name, a, b) in extracted.chain(appended) {
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-9);
        let flag = if ratio > MAX_RATIO {
            "  NOT LINEAR"
        } else {
            ""
        };
        println!("{name:<24} {a:>10.2?}  {b:>10.2?}  {ratio:>6.2}{flag}");
        if ratio > worst.0 {
            worst = (ratio, name);
        }
    }
    println!(
        "worst ratio {:.2} ({}), limit {MAX_RATIO}",
        worst.0, worst.1
    );
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for &(name, build) in SHAPES {
        for n in [N, 2 * N] {
            let text = build(n);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &text, |b, t| {
                b.iter(|| extract(black_box(t)).len())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, ratios, bench);
criterion_main!(benches);
