//! Training the confidence model ([`crate::quote::confidence`]) on
//! annotated articles, and measuring how well it is calibrated.
//!
//! An example is a quote the extractor gave a name to that matches a gold
//! quote whose speaker is a name (matched and judged by the rules of
//! [`super::eval`]: the same matcher, not a second one); its label is
//! whether the name passes. The model is a logistic regression with an L2
//! penalty (the bias is not penalised), fitted by Newton's method with a
//! Cholesky solve. It is written by hand: some thirty features and a few
//! thousand examples need a few milliseconds, every step is a fixed
//! sequence of float operations (the same data and seed give the same
//! bytes), and no crate in reach fits without pulling in a linear algebra
//! stack.
//!
//! Figures are held-out only: k-fold cross-validation with folds by
//! article (a seeded shuffle of the articles of every set together) and
//! leave-one-publisher-out, with a reliability table (confidence bins
//! against observed accuracy), the Brier score and the expected
//! calibration error. The default threshold is the lowest at which at
//! most [`MAX_WRONG_SHOWN`] of the names shown were wrong on the held-out
//! folds.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::eval::{self, GoldArticle};
use crate::quote::confidence::{self, FEATURES, Model, N};

/// The share of shown names that may be wrong at the default threshold.
pub const MAX_WRONG_SHOWN: f64 = 0.015;

/// The L2 penalty on every weight but the bias.
pub const L2: f64 = 1.0;

/// One named attribution with its features and whether the name is right.
#[derive(Debug, Clone)]
pub struct Example {
    /// The features, in [`FEATURES`] order.
    pub x: [f64; N],
    /// Whether the name passes for the gold speaker.
    pub right: bool,
    /// Which set (input file) it comes from.
    pub set: usize,
    /// Index of its article across all sets.
    pub article: usize,
    /// The article's publisher (`-` when the gold does not say).
    pub publisher: String,
}

/// The examples of one article.
pub fn article_examples(a: &GoldArticle, set: usize, article: usize) -> Vec<Example> {
    let quotes: Vec<_> = crate::quote::extract(&a.text)
        .into_iter()
        .filter(eval::is_scored)
        .collect();
    let pred = eval::to_predicted(&a.text, &quotes);
    let feats = confidence::features(&a.text, &quotes);
    let s = eval::score(&a.quotes, &pred);
    let mut out = Vec::new();
    for (gi, m) in s.gold_match.iter().enumerate() {
        let (Some(pi), Some(gold)) = (*m, a.quotes[gi].speaker.as_deref()) else {
            continue;
        };
        let (Some(name), Some(f)) = (pred[pi].speaker.as_deref(), &feats[pi]) else {
            continue;
        };
        if name.trim().is_empty() {
            continue;
        }
        out.push(Example {
            x: f.values,
            right: eval::name_matches(name, gold),
            set,
            article,
            publisher: a.publisher.clone().unwrap_or_else(|| "-".into()),
        });
    }
    out
}

/// Fits the weights on `examples` (L2 penalty `l2`, bias free).
pub fn fit(examples: &[&Example], l2: f64) -> [f64; N] {
    let rows: Vec<(&[f64; N], bool)> = examples.iter().map(|e| (&e.x, e.right)).collect();
    fit_rows(&rows, l2)
}

/// L2-penalised logistic regression by Newton's method (the first weight,
/// a bias, barely penalised) over rows of features and whether each was
/// right: deterministic, so the same rows give the same weights. Shared by
/// the confidence model and the ranker.
// Indices as in the formulas: clearer than zipped iterators over rows.
#[allow(clippy::needless_range_loop)]
pub(crate) fn fit_rows<const K: usize>(rows: &[(&[f64; K], bool)], l2: f64) -> [f64; K] {
    let mut w = [0.0; K];
    for _ in 0..50 {
        let mut g = [0.0; K];
        let mut h = vec![[0.0; K]; K];
        for (x, right) in rows {
            let p = confidence::sigmoid(dot(&w, x));
            let r = p - f64::from(u8::from(*right));
            let s = (p * (1.0 - p)).max(1e-9);
            for i in 0..K {
                if x[i] == 0.0 {
                    continue;
                }
                g[i] += r * x[i];
                for j in 0..K {
                    h[i][j] += s * x[i] * x[j];
                }
            }
        }
        for i in 0..K {
            let penalty = if i == 0 { 1e-6 } else { l2 };
            g[i] += penalty * w[i];
            h[i][i] += penalty;
        }
        let step = solve(h, g);
        let mut biggest: f64 = 0.0;
        for i in 0..K {
            w[i] -= step[i];
            biggest = biggest.max(step[i].abs());
        }
        if biggest < 1e-9 {
            break;
        }
    }
    w
}

pub(crate) fn dot<const K: usize>(a: &[f64; K], b: &[f64; K]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Solves `h x = g` for a symmetric positive definite `h` (Cholesky).
#[allow(clippy::needless_range_loop)]
pub(crate) fn solve<const K: usize>(mut h: Vec<[f64; K]>, g: [f64; K]) -> [f64; K] {
    for j in 0..K {
        let mut d = h[j][j];
        for k in 0..j {
            d -= h[j][k] * h[j][k];
        }
        let d = d.max(1e-12).sqrt();
        h[j][j] = d;
        for i in j + 1..K {
            let mut v = h[i][j];
            for k in 0..j {
                v -= h[i][k] * h[j][k];
            }
            h[i][j] = v / d;
        }
    }
    let mut y = [0.0; K];
    for i in 0..K {
        let mut v = g[i];
        for k in 0..i {
            v -= h[i][k] * y[k];
        }
        y[i] = v / h[i][i];
    }
    let mut x = [0.0; K];
    for i in (0..K).rev() {
        let mut v = y[i];
        for k in i + 1..K {
            v -= h[k][i] * x[k];
        }
        x[i] = v / h[i][i];
    }
    x
}

/// Held-out predictions: (probability, right) pairs.
type Heldout = Vec<(f64, bool)>;

/// Figures of a set of held-out predictions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Calibration {
    /// Named attributions.
    pub n: usize,
    /// Share of them right.
    pub accuracy: f64,
    /// Mean squared error of the probability.
    pub brier: f64,
    /// Expected calibration error over ten equal-width bins.
    pub ece: f64,
}

/// Brier score, ECE and accuracy of held-out predictions.
pub fn calibration(h: &[(f64, bool)]) -> Calibration {
    if h.is_empty() {
        return Calibration::default();
    }
    let n = h.len() as f64;
    let right = h.iter().filter(|(_, y)| *y).count() as f64;
    let brier = h
        .iter()
        .map(|&(p, y)| (p - f64::from(u8::from(y))).powi(2))
        .sum::<f64>()
        / n;
    let ece = bins(h)
        .iter()
        .map(|b| b.n as f64 / n * (b.accuracy - b.mean).abs())
        .sum();
    Calibration {
        n: h.len(),
        accuracy: right / n,
        brier,
        ece,
    }
}

/// One bin of the reliability table.
#[derive(Debug, Clone, Copy, Default)]
struct Bin {
    n: usize,
    mean: f64,
    accuracy: f64,
}

fn bins(h: &[(f64, bool)]) -> [Bin; 10] {
    let mut sums = [(0usize, 0.0, 0usize); 10];
    for &(p, y) in h {
        let b = ((p * 10.0) as usize).min(9);
        sums[b].0 += 1;
        sums[b].1 += p;
        sums[b].2 += usize::from(y);
    }
    sums.map(|(n, s, r)| Bin {
        n,
        mean: if n == 0 { 0.0 } else { s / n as f64 },
        accuracy: if n == 0 { 0.0 } else { r as f64 / n as f64 },
    })
}

/// At threshold `t`: the share of shown names that are wrong, and the
/// share of names hidden (below `t`).
pub fn at_threshold(h: &[(f64, bool)], t: f64) -> (f64, f64) {
    let shown: Vec<bool> = h.iter().filter(|(p, _)| *p >= t).map(|(_, y)| *y).collect();
    let wrong = shown.iter().filter(|y| !**y).count();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (
        ratio(wrong, shown.len()),
        ratio(h.len() - shown.len(), h.len()),
    )
}

/// The lowest threshold (in thousandths: held-out confidences crowd
/// near 1) at which at most [`MAX_WRONG_SHOWN`] of the shown names are
/// wrong; 1 when none is that low.
pub fn choose_threshold(h: &[(f64, bool)]) -> f64 {
    (0..1000)
        .map(|c| f64::from(c) / 1000.0)
        .find(|&t| at_threshold(h, t).0 <= MAX_WRONG_SHOWN)
        .unwrap_or(1.0)
}

/// The outcome of [`train`]: the model, its file and the report.
#[derive(Debug, Clone)]
pub struct Trained {
    /// The model fitted on every example.
    pub model: Model,
    /// The model file's bytes.
    pub json: String,
    /// The held-out figures, for reading.
    pub report: String,
}

/// Trains on `sets` (a name and its articles each): k-fold and
/// leave-one-publisher-out figures, the threshold from the k-fold
/// held-out predictions, and the model fitted on everything.
pub fn train(sets: &[(String, Vec<GoldArticle>)], folds: usize, seed: u64) -> Trained {
    let mut examples = Vec::new();
    let mut articles = 0;
    for (si, (_, arts)) in sets.iter().enumerate() {
        for a in arts {
            examples.extend(article_examples(a, si, articles));
            articles += 1;
        }
    }
    let folds = folds.clamp(2, articles.max(2));
    let mut order: Vec<usize> = (0..articles).collect();
    fastrand::Rng::with_seed(seed).shuffle(&mut order);
    let mut fold_of = vec![0; articles];
    for (pos, &a) in order.iter().enumerate() {
        fold_of[a] = pos % folds;
    }
    // Each fold is fitted once: the same held-out probabilities serve the
    // pooled, per-set and per-rule figures.
    let p = heldout_by_example(&examples, &fold_of, folds);
    let heldout: Vec<(usize, f64, bool)> = examples
        .iter()
        .zip(&p)
        .map(|(e, &p)| (e.set, p, e.right))
        .collect();
    let pooled: Heldout = heldout.iter().map(|&(_, p, y)| (p, y)).collect();
    let threshold = choose_threshold(&pooled);
    let mut report = format!(
        "{} examples (named attributions matched to a gold name) from {articles} articles; \
         {folds}-fold cross-validation by article, seed {seed}, L2 {L2}\n\n",
        examples.len()
    );
    report.push_str(&reliability("all sets, held-out folds", &pooled));
    let _ = writeln!(
        report,
        "\ndefault min_confidence {threshold:.3}: the lowest at which at most {:.1}% of shown names \
         are wrong on the held-out folds\n",
        MAX_WRONG_SHOWN * 100.0
    );
    report.push_str(&header());
    report.push_str(&row("all (k-fold)", &pooled, threshold));
    for (si, (name, _)) in sets.iter().enumerate() {
        let h: Heldout = (heldout.iter())
            .filter(|(s, _, _)| *s == si)
            .map(|&(_, p, y)| (p, y))
            .collect();
        report.push_str(&row(&format!("{name} (k-fold)"), &h, threshold));
    }
    report.push_str(&by_rule(&examples, &p));
    report.push_str(&lopo(&examples, threshold));
    let all: Vec<&Example> = examples.iter().collect();
    let weights = fit(&all, L2);
    let model = Model {
        features: FEATURES.iter().map(|f| f.to_string()).collect(),
        weights: weights.iter().map(|w| round6(*w)).collect(),
        min_confidence: threshold,
    };
    let json = model_json(&model, examples.len(), articles, folds, seed);
    Trained {
        model,
        json,
        report,
    }
}

/// The held-out probability of every example, in the examples' order.
fn heldout_by_example(examples: &[Example], fold_of: &[usize], folds: usize) -> Vec<f64> {
    let mut p = vec![0.0; examples.len()];
    for k in 0..folds {
        let train: Vec<&Example> = examples
            .iter()
            .filter(|e| fold_of[e.article] != k)
            .collect();
        let w = fit(&train, L2);
        for (i, e) in examples.iter().enumerate() {
            if fold_of[e.article] == k {
                p[i] = confidence::sigmoid(dot(&w, &e.x));
            }
        }
    }
    p
}

/// Held-out accuracy and mean confidence for each rule that found a
/// speaker: where the wrong names come from.
fn by_rule(examples: &[Example], p: &[f64]) -> String {
    let mut out = format!(
        "
by rule (k-fold held out):
{:<20} {:>6} {:>7} {:>10}
",
        "rule", "names", "right", "mean conf"
    );
    for (i, s) in crate::quote::Source::ALL.iter().enumerate() {
        let h: Heldout = (examples.iter().zip(p))
            .filter(|(e, _)| e.x[1 + i] != 0.0)
            .map(|(e, &p)| (p, e.right))
            .collect();
        if h.is_empty() {
            continue;
        }
        let mean = h.iter().map(|(p, _)| p).sum::<f64>() / h.len() as f64;
        let c = calibration(&h);
        let _ = writeln!(
            out,
            "{:<20} {:>6} {:>7.3} {:>10.3}",
            s.name(),
            c.n,
            c.accuracy,
            mean
        );
    }
    out
}

pub(crate) fn round6(w: f64) -> f64 {
    (w * 1e6).round() / 1e6
}

/// Leave-one-publisher-out: each publisher held out from a model fitted
/// on all the others.
fn lopo(examples: &[Example], threshold: f64) -> String {
    let mut publishers: BTreeMap<&str, usize> = BTreeMap::new();
    for e in examples {
        *publishers.entry(e.publisher.as_str()).or_default() += 1;
    }
    let mut out = String::from("\nleave one publisher out:\n");
    out.push_str(&header());
    for p in publishers.keys() {
        let train: Vec<&Example> = examples.iter().filter(|e| e.publisher != *p).collect();
        if train.is_empty() {
            continue;
        }
        let w = fit(&train, L2);
        let h: Heldout = (examples.iter())
            .filter(|e| e.publisher == *p)
            .map(|e| (confidence::sigmoid(dot(&w, &e.x)), e.right))
            .collect();
        out.push_str(&row(p, &h, threshold));
    }
    out
}

fn header() -> String {
    format!(
        "{:<24} {:>6} {:>7} {:>7} {:>7} {:>12} {:>12}\n",
        "held out", "names", "right", "Brier", "ECE", "wrong shown", "hidden"
    )
}

fn row(label: &str, h: &[(f64, bool)], t: f64) -> String {
    let c = calibration(h);
    let (wrong, hidden) = at_threshold(h, t);
    format!(
        "{label:<24} {:>6} {:>7.3} {:>7.4} {:>7.4} {:>11.2}% {:>11.2}%\n",
        c.n,
        c.accuracy,
        c.brier,
        c.ece,
        wrong * 100.0,
        hidden * 100.0
    )
}

/// The reliability table: confidence bins against observed accuracy.
pub fn reliability(label: &str, h: &[(f64, bool)]) -> String {
    let c = calibration(h);
    let mut out = format!(
        "reliability ({label}): Brier {:.4}, ECE {:.4}, {} names, {:.3} right\n",
        c.brier, c.ece, c.n, c.accuracy
    );
    let _ = writeln!(
        out,
        "{:<10} {:>6} {:>10} {:>9}",
        "bin", "names", "mean conf", "observed"
    );
    for (i, b) in bins(h).iter().enumerate() {
        let lo = i as f64 / 10.0;
        let range = format!("{lo:.1}-{:.1}", lo + 0.1);
        if b.n == 0 {
            let _ = writeln!(out, "{range:<10} {:>6} {:>10} {:>9}", 0, "-", "-");
        } else {
            let _ = writeln!(
                out,
                "{range:<10} {:>6} {:>10.3} {:>9.3}",
                b.n, b.mean, b.accuracy
            );
        }
    }
    out
}

/// The model file: fixed layout and six decimals, so the same fit gives
/// the same bytes.
pub fn model_json(m: &Model, examples: usize, articles: usize, folds: usize, seed: u64) -> String {
    let mut s = String::from("{\n");
    let _ = writeln!(
        s,
        "  \"about\": \"P(speaker right) = sigmoid(weights . features); written by `cargo run --release --example train-confidence`\","
    );
    let _ = writeln!(
        s,
        "  \"trained_on\": {{\"examples\": {examples}, \"articles\": {articles}, \"folds\": {folds}, \"seed\": {seed}, \"l2\": {L2}}},"
    );
    let _ = writeln!(s, "  \"min_confidence\": {:.3},", m.min_confidence);
    s.push_str("  \"features\": [\n");
    for (i, f) in m.features.iter().enumerate() {
        let comma = if i + 1 < m.features.len() { "," } else { "" };
        let _ = writeln!(s, "    \"{f}\"{comma}");
    }
    s.push_str("  ],\n  \"weights\": [\n");
    for (i, w) in m.weights.iter().enumerate() {
        let comma = if i + 1 < m.weights.len() { "," } else { "" };
        let _ = writeln!(s, "    {w:.6}{comma}");
    }
    s.push_str("  ]\n}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_solver_solves() {
        let mut h = vec![[0.0; N]; N];
        let mut g = [0.0; N];
        for i in 0..N {
            h[i][i] = 2.0;
            g[i] = i as f64;
        }
        h[0][1] = 1.0;
        h[1][0] = 1.0;
        let x = solve(h.clone(), g);
        for i in 0..N {
            let v: f64 = (0..N).map(|j| h[i][j] * x[j]).sum();
            assert!((v - g[i]).abs() < 1e-9, "{i}: {v} vs {}", g[i]);
        }
    }

    #[test]
    fn calibration_of_perfect_and_even_guesses() {
        let sure = [(1.0, true), (0.0, false)];
        let c = calibration(&sure);
        assert_eq!((c.brier, c.ece, c.accuracy), (0.0, 0.0, 0.5));
        let even = [(0.5, true), (0.5, false)];
        let c = calibration(&even);
        assert!((c.brier - 0.25).abs() < 1e-12 && c.ece.abs() < 1e-12);
        let over = [(0.9, false), (0.9, false)];
        assert!((calibration(&over).ece - 0.9).abs() < 1e-12);
    }

    #[test]
    fn the_threshold_hides_the_unsure_wrong_names() {
        let mut h: Vec<(f64, bool)> = (0..98).map(|_| (0.95, true)).collect();
        h.extend([(0.3, false), (0.3, false), (0.96, false)]);
        let t = choose_threshold(&h);
        assert!(t > 0.3 && t <= 0.301, "{t}");
        let (wrong, hidden) = at_threshold(&h, t);
        assert!(wrong <= MAX_WRONG_SHOWN && (hidden - 2.0 / 101.0).abs() < 1e-12);
    }

    #[test]
    fn fitting_separates_a_telling_feature() {
        let ex = |v: f64, right: bool| {
            let mut x = [0.0; N];
            x[0] = 1.0;
            x[1] = v;
            Example {
                x,
                right,
                set: 0,
                article: 0,
                publisher: "-".into(),
            }
        };
        let mut all = Vec::new();
        for i in 0..400 {
            all.push(ex(1.0, i % 10 != 0));
            all.push(ex(0.0, i % 10 == 0));
        }
        let refs: Vec<&Example> = all.iter().collect();
        let w = fit(&refs, L2);
        assert!(w[1] > 1.0, "{w:?}");
        let hi = confidence::sigmoid(w[0] + w[1]);
        assert!((hi - 0.9).abs() < 0.05, "{hi}");
    }
}
