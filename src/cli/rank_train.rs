//! Training the learned ranker ([`crate::quote::rank::LearnedRanker`]) on
//! annotated articles, and measuring it against the precedence ranker by
//! the rules of [`super::eval`].
//!
//! Every quote the extractor finds that matches a gold quote gives its
//! candidates (as the precedence ranker's run proposes them), each labelled
//! right when the speaker it names passes for the gold name (or, for a gold
//! quote without a named speaker, when its mention overlaps the gold one).
//! A logistic regression with an L2 penalty (bias free), fitted by Newton's
//! method with a Cholesky solve, gives P(candidate right). It is written by
//! hand for the reasons [`super::calibrate`] gives: a few dozen features,
//! some ten thousand candidates, a fixed sequence of float operations, so
//! the same data and seed give the same bytes.
//!
//! Figures are held out only, and are `hearsay eval`'s own: each held-out
//! article is extracted again with the model fitted without it, and scored
//! by [`eval::score`]. k-fold cross-validation by article (a seeded shuffle
//! of the articles of every set together, figures per set) and
//! leave-one-publisher-out, each beside the precedence ranker's figures on
//! the same articles, with 95% intervals by resampling articles.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::calibrate;
use super::eval::{self, Counts, GoldArticle};
use crate::quote::rank::{FEATURES, LearnedRanker, NF, PrecedenceRanker, Ranker};
use crate::quote::{self, Quote};
use crate::text::CharCounter;

/// The L2 penalty on every weight but the bias.
pub const L2: f64 = 1.0;

/// The thresholds tried for choosing no candidate at all.
pub const THRESHOLDS: [f64; 4] = [0.0, 0.1, 0.2, 0.3];

/// One candidate with its features and label.
#[derive(Debug, Clone)]
pub struct Example {
    /// The features, in [`FEATURES`] order.
    pub x: [f64; NF],
    /// Whether the candidate names the gold speaker.
    pub right: bool,
    /// Index of its article across all sets.
    pub article: usize,
    /// Its place among its quote's candidates (0: precedence's choice).
    pub index: usize,
}

/// One annotated article with where it comes from.
struct Art<'a> {
    gold: &'a GoldArticle,
    set: usize,
    publisher: String,
}

fn char_at(text: &str, byte: usize) -> usize {
    CharCounter::new(text).chars_at(byte)
}

/// The labelled candidates of one article.
pub fn article_examples(a: &GoldArticle, article: usize) -> Vec<Example> {
    let (quotes, considered) = quote::extract_with(&a.text, &PrecedenceRanker, true);
    let scored: Vec<Quote> = quotes.into_iter().filter(eval::is_scored).collect();
    let pred = eval::to_predicted(&a.text, &scored);
    let s = eval::score(&a.quotes, &pred);
    let mut out = Vec::new();
    for (gi, m) in s.gold_match.iter().enumerate() {
        let Some(pi) = *m else { continue };
        let span = &scored[pi].span;
        let Ok(ci) = considered.binary_search_by(|c| c.span.start.cmp(&span.start)) else {
            continue;
        };
        let g = &a.quotes[gi];
        for (index, c) in considered[ci].candidates.iter().enumerate() {
            let right = match (&g.speaker, g.speaker_mention_span) {
                (Some(name), _) => c
                    .speaker
                    .as_deref()
                    .is_some_and(|sp| !sp.trim().is_empty() && eval::name_matches(sp, name)),
                (None, Some([s0, e0])) => {
                    let (s1, e1) = (
                        char_at(&a.text, c.mention.start),
                        char_at(&a.text, c.mention.end),
                    );
                    s1.max(s0) < e1.min(e0)
                }
                (None, None) => continue,
            };
            out.push(Example {
                x: c.x.map(f64::from),
                right,
                article,
                index,
            });
        }
    }
    out
}

/// Fits the weights on `examples` (L2 penalty `l2`, bias free): the
/// confidence model's regression.
pub fn fit(examples: &[&Example], l2: f64) -> [f64; NF] {
    let rows: Vec<(&[f64; NF], bool)> = examples.iter().map(|e| (&e.x, e.right)).collect();
    calibrate::fit_rows(&rows, l2)
}

fn model(w: &[f64; NF], threshold: f64) -> LearnedRanker {
    LearnedRanker {
        features: FEATURES.iter().map(|f| f.to_string()).collect(),
        weights: w.iter().map(|&v| calibrate::round6(v)).collect(),
        threshold,
    }
}

/// `hearsay eval`'s tallies of one article extracted with `ranker`.
fn counts(a: &GoldArticle, ranker: &dyn Ranker) -> Counts {
    let (quotes, _) = quote::extract_with(&a.text, ranker, false);
    let scored: Vec<Quote> = quotes.into_iter().filter(eval::is_scored).collect();
    eval::score(&a.quotes, &eval::to_predicted(&a.text, &scored)).counts
}

/// The model fitted on everything, its file and the held-out report.
#[derive(Debug, Clone)]
pub struct Trained {
    /// The model fitted on every article.
    pub model: LearnedRanker,
    /// `model` as the file `assets/model/ranker.json` holds it.
    pub json: String,
    /// The held-out figures, for the terminal.
    pub report: String,
    /// Whether its k-fold figures beat the precedence ranker's on every
    /// set (named accuracy up, wrong names not up).
    pub beats_precedence: bool,
}

const RESAMPLES: usize = 1000;

fn interval_row(label: &str, per_article: &[Counts], seed: u64) -> String {
    let mut total = Counts::default();
    for c in per_article {
        total += *c;
    }
    let iv = eval::intervals(per_article, RESAMPLES, seed);
    let f = total.figures();
    let mut s = format!("{label:<34}");
    for k in [2, 3, 4, 6] {
        let _ = write!(s, " {:.3} ({:.3}-{:.3})", f[k], iv[k].0, iv[k].1);
    }
    s.push('\n');
    s
}

fn header() -> String {
    format!(
        "{:<34} {:<21} {:<21} {:<21} {:<21}\n",
        "held out", "F1", "named", "mention", "wrong"
    )
}

/// Trains on `sets` (a name and its articles each) with `folds`-fold
/// cross-validation seeded by `seed`.
pub fn train(sets: &[(String, Vec<GoldArticle>)], folds: usize, seed: u64) -> Trained {
    let arts: Vec<Art> = sets
        .iter()
        .enumerate()
        .flat_map(|(si, (_, v))| {
            v.iter().map(move |a| Art {
                gold: a,
                set: si,
                publisher: a.publisher.clone().unwrap_or_else(|| "-".into()),
            })
        })
        .collect();
    let examples: Vec<Example> = arts
        .iter()
        .enumerate()
        .flat_map(|(i, a)| article_examples(a.gold, i))
        .collect();
    let n = arts.len();
    let folds = folds.clamp(2, n.max(2));
    let mut order: Vec<usize> = (0..n).collect();
    fastrand::Rng::with_seed(seed).shuffle(&mut order);
    let mut fold_of = vec![0; n];
    for (pos, &a) in order.iter().enumerate() {
        fold_of[a] = pos % folds;
    }
    let fold_w: Vec<[f64; NF]> = (0..folds)
        .map(|k| {
            let train: Vec<&Example> = examples
                .iter()
                .filter(|e| fold_of[e.article] != k)
                .collect();
            fit(&train, L2)
        })
        .collect();
    let precedence: Vec<Counts> = arts
        .iter()
        .map(|a| counts(a.gold, &PrecedenceRanker))
        .collect();
    // Held-out tallies per threshold, per article.
    let heldout: Vec<Vec<Counts>> = THRESHOLDS
        .iter()
        .map(|&t| {
            arts.iter()
                .enumerate()
                .map(|(i, a)| counts(a.gold, &model(&fold_w[fold_of[i]], t)))
                .collect()
        })
        .collect();
    // The threshold with the most right names less wrong ones held out.
    let gain = |c: &[Counts]| {
        let (ok, wrong) = c
            .iter()
            .fold((0, 0), |(o, w), c| (o + c.named_ok, w + c.named_wrong));
        ok as i64 - 2 * wrong as i64
    };
    let best = (0..THRESHOLDS.len())
        .max_by_key(|&k| (gain(&heldout[k]), std::cmp::Reverse(k)))
        .unwrap_or(0);
    let threshold = THRESHOLDS[best];
    let mut report = format!(
        "{} candidates from {n} articles; {folds}-fold cross-validation by article, seed \
         {seed}, L2 {L2}; 95% intervals from {RESAMPLES} resamples of articles\n{}\n",
        examples.len(),
        headroom(&examples),
    );
    let _ = writeln!(
        report,
        "threshold for no candidate: {threshold} (of {THRESHOLDS:?}, the most right names less \
         twice the wrong ones, held out)\n"
    );
    report.push_str(&header());
    let mut beats = true;
    for (si, (name, _)) in sets.iter().enumerate() {
        let pick = |v: &[Counts]| -> Vec<Counts> {
            v.iter()
                .zip(&arts)
                .filter(|(_, a)| a.set == si)
                .map(|(c, _)| *c)
                .collect()
        };
        let (p, l) = (pick(&precedence), pick(&heldout[best]));
        report.push_str(&interval_row(&format!("{name} precedence"), &p, seed));
        report.push_str(&interval_row(&format!("{name} learned (k-fold)"), &l, seed));
        for (k, t) in THRESHOLDS.iter().enumerate() {
            if k != best {
                report.push_str(&interval_row(
                    &format!("{name} learned t={t}"),
                    &pick(&heldout[k]),
                    seed,
                ));
            }
        }
        let sum = |v: &[Counts]| {
            v.iter().fold(Counts::default(), |mut t, c| {
                t += *c;
                t
            })
        };
        let (sp, sl) = (sum(&p), sum(&l));
        beats &= sl.named_accuracy() > sp.named_accuracy() && sl.wrong_names() <= sp.wrong_names();
    }
    report.push_str(&lopo(&arts, &examples, &precedence, threshold, seed));
    let all: Vec<&Example> = examples.iter().collect();
    let model = model(&fit(&all, L2), threshold);
    let json = serde_json::to_string_pretty(&model).unwrap_or_default() + "\n";
    let _ = writeln!(
        report,
        "\nthe learned ranker {} the precedence ranker on every set (k-fold: named up, wrong not up)",
        if beats { "beats" } else { "does not beat" }
    );
    Trained {
        model,
        json,
        report,
        beats_precedence: beats,
    }
}

/// How much any ranker can gain: of the matched quotes with candidates,
/// how many have more than one, and how often the first or any is right.
fn headroom(examples: &[Example]) -> String {
    let (mut quotes, mut several, mut first, mut any) = (0, 0, 0, 0);
    let mut k = 0;
    while k < examples.len() {
        let end = (k + 1..examples.len())
            .find(|&j| examples[j].index == 0)
            .unwrap_or(examples.len());
        let group = &examples[k..end];
        quotes += 1;
        several += usize::from(group.len() > 1);
        first += usize::from(group[0].right);
        any += usize::from(group.iter().any(|e| e.right));
        k = end;
    }
    format!(
        "{quotes} matched quotes with candidates, {several} with more than one; the first \
         candidate is right for {first}, some candidate for {any} (the most any ranker can get)\n"
    )
}

/// Leave-one-publisher-out: each publisher held out from a model fitted on
/// all the others, beside the precedence ranker on the same articles.
fn lopo(
    arts: &[Art],
    examples: &[Example],
    precedence: &[Counts],
    threshold: f64,
    seed: u64,
) -> String {
    let mut publishers: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, a) in arts.iter().enumerate() {
        publishers.entry(a.publisher.as_str()).or_default().push(i);
    }
    let mut out = String::from("\nleave one publisher out:\n");
    out.push_str(&header());
    for (p, held) in &publishers {
        let train: Vec<&Example> = examples
            .iter()
            .filter(|e| arts[e.article].publisher != *p)
            .collect();
        if train.is_empty() {
            continue;
        }
        let m = model(&fit(&train, L2), threshold);
        let l: Vec<Counts> = held.iter().map(|&i| counts(arts[i].gold, &m)).collect();
        let pr: Vec<Counts> = held.iter().map(|&i| precedence[i]).collect();
        out.push_str(&interval_row(&format!("{p} precedence"), &pr, seed));
        out.push_str(&interval_row(&format!("{p} learned"), &l, seed));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_solver_solves() {
        let mut h = vec![[0.0; NF]; NF];
        let mut g = [0.0; NF];
        for i in 0..NF {
            h[i][i] = 2.0;
            g[i] = i as f64;
        }
        h[0][1] = 1.0;
        h[1][0] = 1.0;
        let x = calibrate::solve(h.clone(), g);
        for i in 0..NF {
            let v: f64 = (0..NF).map(|j| h[i][j] * x[j]).sum();
            assert!((v - g[i]).abs() < 1e-9, "{i}: {v} vs {}", g[i]);
        }
    }

    #[test]
    fn fitting_separates_a_telling_feature() {
        let mk = |on: bool, right: bool| {
            let mut x = [0.0; NF];
            x[0] = 1.0;
            x[1] = f64::from(u8::from(on));
            Example {
                x,
                right,
                article: 0,
                index: 0,
            }
        };
        let ex: Vec<Example> = (0..40)
            .map(|i| mk(i % 2 == 0, i % 2 == 0 || i % 10 == 1))
            .collect();
        let refs: Vec<&Example> = ex.iter().collect();
        let w = fit(&refs, L2);
        assert!(w[1] > 1.0, "{w:?}");
    }
}
