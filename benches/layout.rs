//! Laying out a generated article: 4 MiB (quotes every few sentences) at
//! widths 200 and 80, and 4 KiB at width 80. Measured twice: `layout/*` in
//! wall time, `layout_cpu/*` in time on a CPU (Linux), which stays honest
//! when other work shares the cores.
//!
//! Run with `cargo bench --bench layout`.

use std::hint::black_box;
use std::sync::OnceLock;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
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
                source: None,
                confidence: None,
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

/// The articles, made once for both groups.
fn articles() -> &'static (Entry, Entry) {
    static ARTICLES: OnceLock<(Entry, Entry)> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let big = article(4 << 20);
        let rows = layout(&big, 80).rows.len();
        eprintln!(
            "4 MiB article: {} quotes, {rows} rows at width 80",
            big.quotes.len()
        );
        (big, article(4 << 10))
    })
}

fn bench<M: Measurement>(c: &mut Criterion<M>, group: &str) {
    let (big, small) = articles();
    let mut g = c.benchmark_group(group);
    // Samples of equal length: CPU time is only as fine as a scheduler tick.
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.bench_function("4MiB_width200", |b| b.iter(|| layout(black_box(big), 200)));
    g.bench_function("4MiB_width80", |b| b.iter(|| layout(black_box(big), 80)));
    g.sample_size(20);
    g.bench_function("4KiB_width80", |b| b.iter(|| layout(black_box(small), 80)));
    g.finish();
}

fn wall_time(c: &mut Criterion) {
    bench(c, "layout");
}

fn cpu_time(c: &mut Criterion<CpuTime>) {
    if cpu_ns().is_none() {
        eprintln!("skipping layout_cpu: no /proc/thread-self/schedstat here");
        return;
    }
    bench(c, "layout_cpu");
}

/// Nanoseconds this thread has spent on a CPU, from Linux's scheduler
/// statistics (updated at scheduler ticks, so only long samples are exact).
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Time on a CPU rather than wall time: on a machine shared with other
/// work, wall time also counts the waits for a free core.
struct CpuTime;

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        cpu_ns().unwrap_or_default()
    }
    fn end(&self, start: u64) -> u64 {
        cpu_ns().unwrap_or_default().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanos
    }
}

/// Shows nanoseconds in the unit that suits them.
struct Nanos;

impl ValueFormatter for Nanos {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match typical {
            t if t < 1e3 => (1.0, "ns"),
            t if t < 1e6 => (1e-3, "µs"),
            t if t < 1e9 => (1e-6, "ms"),
            _ => (1e-9, "s"),
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }
    fn scale_throughputs(&self, _: f64, _: &Throughput, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v = 1e9 / *v);
        "runs/s"
    }
    fn scale_for_machines(&self, _: &mut [f64]) -> &'static str {
        "ns"
    }
}

criterion_group!(wall, wall_time);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime);
    targets = cpu_time
}
criterion_main!(wall, cpu);
