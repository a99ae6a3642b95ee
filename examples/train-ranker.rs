//! Trains the learned ranker on annotated articles, prints its held-out
//! figures and writes `assets/model/ranker.json`.
//!
//! `cargo run --release --example train-ranker -- GOLD.jsonl... [--folds K] [--seed N] [--out PATH]`
//!
//! The same files, folds and seed give the same model file, byte for byte.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use hearsay::cli::{eval, rank_train};

fn main() -> Result<()> {
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut folds = 5;
    let mut seed = 1;
    let mut out = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/model/ranker.json");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().with_context(|| format!("{name} needs a value"));
        match a.as_str() {
            "--folds" => folds = value("--folds")?.parse().context("--folds")?,
            "--seed" => seed = value("--seed")?.parse().context("--seed")?,
            "--out" => out = PathBuf::from(value("--out")?),
            _ => inputs.push(PathBuf::from(a)),
        }
    }
    if inputs.is_empty() {
        bail!("usage: train-ranker GOLD.jsonl... [--folds K] [--seed N] [--out PATH]");
    }
    let mut sets = Vec::new();
    for path in &inputs {
        let articles = eval::read_gold(path)?;
        let name = path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into(),
        );
        sets.push((name, articles));
    }
    let trained = rank_train::train(&sets, folds, seed);
    print!("{}", trained.report);
    std::fs::write(&out, &trained.json).with_context(|| format!("writing {}", out.display()))?;
    println!("\nwrote {}", out.display());
    Ok(())
}
