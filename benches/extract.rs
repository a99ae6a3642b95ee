//! Single-threaded throughput of `quote::extract` over every text of
//! `../shared/gold/polnear_train.jsonl` (skipped with a message when absent).
//!
//! Two measurements of the same loop: wall time (criterion's default) and
//! the thread's own CPU time, read from `/proc/thread-self/schedstat`, which
//! stays meaningful when other processes share the cores. The CPU-time
//! group also times the confidence step alone (`confidence_only`), over
//! the same bytes, so its share of `extract` can be read off.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
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

/// Nanoseconds this thread has run on a CPU, when the kernel tells.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// The calling thread's CPU time (wall time where it cannot be read).
struct CpuTime;

static WALL: WallTime = WallTime;

impl Measurement for CpuTime {
    type Intermediate = (Option<u64>, Instant);
    type Value = Duration;

    fn start(&self) -> Self::Intermediate {
        (thread_cpu_ns(), Instant::now())
    }
    fn end(&self, (cpu, wall): Self::Intermediate) -> Duration {
        match (cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => Duration::from_nanos(b.saturating_sub(a)),
            _ => wall.elapsed(),
        }
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, v: &Duration) -> f64 {
        v.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        WALL.formatter()
    }
}

fn run_all(texts: &[String]) -> usize {
    let mut n = 0;
    for t in texts {
        n += hearsay::quote::extract(black_box(t)).len();
    }
    n
}

fn bench_wall(c: &mut Criterion) {
    let Some(texts) = texts() else {
        println!("skipped: ../shared/gold/polnear_train.jsonl is absent");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("polnear_train", |b| b.iter(|| run_all(&texts)));
    group.finish();
}

fn bench_cpu(c: &mut Criterion<CpuTime>) {
    let Some(texts) = texts() else {
        println!("skipped: ../shared/gold/polnear_train.jsonl is absent");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract_cpu_time");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("polnear_train", |b| b.iter(|| run_all(&texts)));
    // The confidence step alone, on quotes already found: its share of
    // the whole.
    let mut quotes: Vec<Vec<hearsay::quote::Quote>> =
        texts.iter().map(|t| hearsay::quote::extract(t)).collect();
    group.bench_function("confidence_only", |b| {
        b.iter(|| {
            for (t, q) in texts.iter().zip(quotes.iter_mut()) {
                hearsay::quote::confidence::score(black_box(t), q);
            }
        })
    });
    group.finish();
}

criterion_group!(wall, bench_wall);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench_cpu
}
criterion_main!(wall, cpu);
