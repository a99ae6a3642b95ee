//! Whether `quote::extract` stays linear whatever the shape of its input:
//! each shape is built at `N` and `2N` units and timed at both, and the
//! ratio of the two times is printed (about 2 when linear, 4 when
//! quadratic). `cargo bench --bench scaling` runs it; every ratio should be
//! at most 2.3.
//!
//! Times are the thread's own CPU time (`/proc/thread-self/schedstat`, wall
//! time where it cannot be read), each repeating the extraction for at
//! least [`MIN_RUN`] (that clock may count in scheduler ticks); the table
//! gives the least of [`ROUNDS`] such times, the two sizes timed in turn,
//! with glibc's malloc keeping the memory it is given ([`TUNABLES`]) so
//! that neither size pays the kernel for its pages again on every call.
//! The same inputs then go through criterion for its usual report.
//!
//! The instructions behind a ratio, which no load changes, are counted by
//! callgrind on one extraction, with [`TUNABLES`] set by hand (else the
//! bench runs again in a child callgrind does not follow):
//! `GLIBC_TUNABLES=… SCALING_ONE="nesting 20000" valgrind
//! --tool=callgrind --collect-atstart=no
//! --toggle-collect='hearsay::quote::extract' target/release/deps/scaling-*`
//! (this machine has no hardware counters for `perf` to read).
//!
//! The reader's side is timed the same way at a million articles (least
//! of three): the time of appending [`ARTICLES`] and then `2 * ARTICLES`
//! articles to an `App` in batches as the background loader sends them,
//! speakers filed and reranked per batch (quadratic if a batch cost all
//! that came before it).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group};
use hearsay::app::App;
use hearsay::article::Article;
use hearsay::corpus::{Corpus, Entry};
use hearsay::loader::{Batch, Progress};
use hearsay::quote::{Quote, QuoteKind, extract};

/// Units of each shape at the smaller size. Per unit, each of five shapes
/// timed at 5,000 to 320,000 units took the same CPU time up to 40,000
/// (least of five, before [`TUNABLES`] was set), and up to 44% more from
/// 80,000 on (`deep_nesting`); so both sizes stay on the near side.
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
    // A first name asked of many times after its full name comes in late:
    // each word looked up once where it is first written, not per quote.
    ("first_name_introduced_late", |n| {
        let mut t = "“Go,” said Bo. ".repeat(n / 2);
        t.push_str("Ana Ruiz came. ");
        t.push_str(&"“Yes,” said Ana. ".repeat(n / 2));
        t
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
/// work until this much has passed and gives the time of one.
const MIN_RUN: Duration = Duration::from_millis(200);

/// Timings of each size of a shape; the least is kept.
const ROUNDS: usize = 5;

/// The CPU time (wall time where unknown) of one call of `work`, after one
/// call untimed: the allocator then holds the memory the work needs, as it
/// does for criterion's timings, instead of the first call faulting in
/// pages (kernel time, on this thread's clock) that the call before it,
/// on the other size, had handed back or left too small.
fn cpu_time(mut work: impl FnMut()) -> Duration {
    work();
    let (cpu, wall) = (thread_cpu_ns(), Instant::now());
    let mut reps = 0u32;
    loop {
        work();
        reps += 1;
        let spent = match (cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => Duration::from_nanos(b.saturating_sub(a)),
            _ => wall.elapsed(),
        };
        if spent >= MIN_RUN {
            break spent / reps;
        }
    }
}

/// The least of `rounds` times of `work(small)` and of `work(large)`, the
/// two taken in turn. The least, not the median: other processes on the
/// cores only ever add time (their cache misses, the hypervisor's), so the
/// quietest run is the one closest to the work itself. In turn, so that a
/// stretch of load falls on both sizes rather than on one.
fn least_times<T: ?Sized>(
    small: &T,
    large: &T,
    rounds: usize,
    mut work: impl FnMut(&T) -> Duration,
) -> (Duration, Duration) {
    (0..rounds).fold((Duration::MAX, Duration::MAX), |(a, b), _| {
        (a.min(work(small)), b.min(work(large)))
    })
}

/// The CPU time of extracting `text` once.
fn extract_time(text: &str) -> Duration {
    cpu_time(|| {
        black_box(extract(black_box(text)));
    })
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

/// The CPU time of appending `n` articles to a loading `App` once.
fn append_time(n: usize) -> Duration {
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
            let (a, b) = least_times(small.as_str(), large.as_str(), ROUNDS, extract_time);
            (name, a, b)
        });
    let appended = std::iter::once("reader_append_1m")
        .filter(|name| chosen(name))
        .map(|name| {
            let (a, b) = least_times(&ARTICLES, &(2 * ARTICLES), 3, |&n| append_time(n));
            (name, a, b)
        });
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
    // One extraction of the larger inputs takes up to seconds: ten of them,
    // not criterion's growing counts per sample.
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(200));
    group.measurement_time(Duration::from_secs(1));
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

/// glibc's malloc, fixed for the run. By default it hands freed memory
/// back to the kernel past a threshold that moves with what was freed
/// before, and the next call faults those pages in again (kernel time, on
/// this thread's clock): whether a size paid for its pages depended on
/// what ran before it, and `nesting` read 4.0 with the same instructions
/// per unit at both sizes (5,500 page faults a call at 20,000 units,
/// 21,000 at 40,000). Here memory is kept (trimming off, blocks under
/// 32 MiB, glibc's largest threshold, from the heap), as in a reader
/// extracting article after article, and a timing counts the work.
const TUNABLES: &str =
    "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967295";

/// With `SCALING_ONE="shape units"` set, builds that one input and
/// extracts it once (or appends that many articles, for
/// `reader_append_1m`), for counting its instructions under callgrind,
/// instead of benchmarking.
fn main() {
    // The tunables are read when the process starts: run again with them.
    if std::env::var_os("GLIBC_TUNABLES").is_none() {
        let again = std::env::current_exe().and_then(|exe| {
            std::process::Command::new(exe)
                .args(std::env::args_os().skip(1))
                .env("GLIBC_TUNABLES", TUNABLES)
                .status()
        });
        match again {
            Ok(status) => std::process::exit(status.code().unwrap_or(1)),
            Err(e) => eprintln!("could not run again with GLIBC_TUNABLES={TUNABLES}: {e}"),
        }
    }
    if let Ok(one) = std::env::var("SCALING_ONE") {
        let mut parts = one.split_whitespace();
        let name = parts.next().unwrap_or_default();
        let shape = SHAPES.iter().find(|(s, _)| *s == name);
        let units = parts.next().and_then(|u| u.parse::<usize>().ok());
        match (shape, units) {
            // Counted with `--toggle-collect='hearsay::app::App::append'`.
            (None, Some(units)) if name == "reader_append_1m" => {
                append_time(units);
            }
            (Some(&(_, build)), Some(units)) => {
                let text = build(units);
                let quotes = black_box(extract(black_box(&text))).len();
                println!("{} bytes, {quotes} quotes", text.len());
            }
            _ => eprintln!("SCALING_ONE wants a shape's name and a number of units"),
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
