//! `hearsay eval`: score the extractor on annotated data.
//!
//! Scoring follows the gold data's README: a predicted quote matches a gold
//! one when they overlap by at least half of the longer span (one-to-one,
//! largest overlap first); span precision, recall and F1 over all gold
//! quotes; named accuracy (token-subset rule), mention accuracy and
//! attributed recall. Offsets are chars.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::quote::{self, Quote, QuoteKind};
use crate::text::CharCounter;

/// What can go wrong while evaluating.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of the gold file is not a valid annotated article.
    #[error("{path}:{line}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
    /// The report could not be written to standard output (a closed pipe:
    /// `hearsay eval | head`).
    #[error("writing the report: {0}")]
    Output(#[source] std::io::Error),
}

/// One annotated article of the gold file (only the fields scoring needs).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    /// Article id.
    pub id: String,
    /// Publisher, for the per-publisher table.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The article text.
    pub text: String,
    /// The annotated quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

/// One annotated quote.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// Start, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// Canonical name, or none for pronouns and descriptions.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Where the source is written, in chars.
    #[serde(default)]
    pub speaker_mention_span: Option<[usize; 2]>,
}

/// A char range in the prediction format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CharSpan {
    /// Start, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
}

/// One predicted quote, in chars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Predicted {
    /// Start, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// The speaker's name.
    pub speaker: Option<String>,
    /// Where the speaker is written.
    pub speaker_mention: Option<CharSpan>,
}

/// Tallies behind every figure, summable over articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold quotes.
    pub gold: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// Matched pairs.
    pub matched: usize,
    /// Matched quotes whose gold speaker is a name.
    pub named: usize,
    /// ... of which the predicted speaker passes.
    pub named_ok: usize,
    /// ... of which a non-empty predicted name does not pass: a wrong name,
    /// worse than none.
    pub named_wrong: usize,
    /// Matched quotes with a gold source span.
    pub mentions: usize,
    /// ... of which the predicted mention overlaps it.
    pub mentions_ok: usize,
    /// Gold quotes with a named speaker.
    pub attributable: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Self) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.named += o.named;
        self.named_ok += o.named_ok;
        self.named_wrong += o.named_wrong;
        self.mentions += o.mentions;
        self.mentions_ok += o.mentions_ok;
        self.attributable += o.attributable;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl Counts {
    /// Span precision.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    /// Span recall.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    /// Span F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Named accuracy over matched quotes with a named gold speaker.
    pub fn named_accuracy(&self) -> f64 {
        ratio(self.named_ok, self.named)
    }
    /// Mention accuracy over matched quotes with a gold source span.
    pub fn mention_accuracy(&self) -> f64 {
        ratio(self.mentions_ok, self.mentions)
    }
    /// Share of gold quotes with a named speaker found and named right.
    pub fn attributed_recall(&self) -> f64 {
        ratio(self.named_ok, self.attributable)
    }
    /// Wrong names: over matched quotes with a named gold speaker, the share
    /// given a name that is not the gold speaker's (no name is not wrong).
    pub fn wrong_names(&self) -> f64 {
        ratio(self.named_wrong, self.named)
    }
    /// Every figure of the table, in its column order.
    pub fn figures(&self) -> [f64; 7] {
        [
            self.precision(),
            self.recall(),
            self.f1(),
            self.named_accuracy(),
            self.mention_accuracy(),
            self.attributed_recall(),
            self.wrong_names(),
        ]
    }
}

impl Counts {
    /// The denominators of [`Counts::figures`]: a figure over nothing is
    /// undefined, not zero.
    fn denominators(&self) -> [usize; 7] {
        let pr = self.predicted + self.gold;
        [
            self.predicted,
            self.gold,
            pr,
            self.named,
            self.mentions,
            self.attributable,
            self.named,
        ]
    }
}

/// The columns of [`Counts::figures`].
pub const FIGURES: [&str; 7] = ["P", "R", "F1", "named", "mention", "attrR", "wrong"];

/// 95% intervals of every figure, by resampling articles with replacement
/// (the percentile bootstrap): quotes of one article are not independent,
/// so the article is the unit. Deterministic for a given `seed`.
pub fn intervals(articles: &[Counts], resamples: usize, seed: u64) -> [(f64, f64); 7] {
    let mut out = [(0.0, 0.0); 7];
    if articles.is_empty() || resamples == 0 {
        return out;
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut samples: Vec<[f64; 7]> = Vec::with_capacity(resamples);
    for _ in 0..resamples {
        let mut total = Counts::default();
        for _ in 0..articles.len() {
            total += articles[rng.usize(..articles.len())];
        }
        let defined = total.denominators().map(|d| d > 0);
        let mut f = total.figures();
        for (v, ok) in f.iter_mut().zip(defined) {
            if !ok {
                *v = f64::NAN;
            }
        }
        samples.push(f);
    }
    for (k, slot) in out.iter_mut().enumerate() {
        let mut column: Vec<f64> = samples
            .iter()
            .map(|f| f[k])
            .filter(|v| !v.is_nan())
            .collect();
        if column.is_empty() {
            *slot = (f64::NAN, f64::NAN);
            continue;
        }
        column.sort_by(f64::total_cmp);
        let at = |q: f64| {
            column[((q * (column.len() - 1) as f64).round() as usize).min(column.len() - 1)]
        };
        *slot = (at(0.025), at(0.975));
    }
    out
}

/// Whether a predicted speaker passes for the gold name: equal, or its
/// tokens a subset of the gold name's tokens (case-insensitive).
pub fn name_matches(predicted: &str, gold: &str) -> bool {
    let gold: Vec<String> = gold.split_whitespace().map(str::to_lowercase).collect();
    let mut any = false;
    for t in predicted.split_whitespace() {
        any = true;
        if !gold.contains(&t.to_lowercase()) {
            return false;
        }
    }
    any
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// One-to-one matching, largest overlap first: pairs (gold, predicted) of
/// indices whose overlap is at least half of the longer span.
pub fn match_spans(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let o = overlap(*g, *p);
            let longer = (g.1 - g.0).max(p.1 - p.0);
            if o > 0 && 2 * o >= longer {
                pairs.push((o, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gused, mut pused) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = Vec::new();
    for (_, gi, pi) in pairs {
        if !gused[gi] && !pused[pi] {
            gused[gi] = true;
            pused[pi] = true;
            out.push((gi, pi));
        }
    }
    out.sort_unstable();
    out
}

/// The scored outcome of one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleScore {
    /// Its tallies.
    pub counts: Counts,
    /// For each gold quote: the matched prediction.
    pub gold_match: Vec<Option<usize>>,
    /// Gold quotes whose speaker or mention was wrong.
    pub wrong: Vec<usize>,
    /// Predictions matching no gold quote.
    pub spurious: Vec<usize>,
}

impl ArticleScore {
    /// Misses plus false alarms plus wrong attributions.
    pub fn errors(&self) -> usize {
        self.gold_match.iter().filter(|m| m.is_none()).count()
            + self.spurious.len()
            + self.wrong.len()
    }
}

/// Scores predictions for one article.
pub fn score(gold: &[GoldQuote], pred: &[Predicted]) -> ArticleScore {
    let gs: Vec<(usize, usize)> = gold.iter().map(|g| (g.start, g.end)).collect();
    let ps: Vec<(usize, usize)> = pred.iter().map(|p| (p.start, p.end)).collect();
    let pairs = match_spans(&gs, &ps);
    let mut s = ArticleScore {
        gold_match: vec![None; gold.len()],
        ..Default::default()
    };
    let mut pmatched = vec![false; pred.len()];
    s.counts.gold = gold.len();
    s.counts.predicted = pred.len();
    s.counts.matched = pairs.len();
    s.counts.attributable = gold.iter().filter(|g| g.speaker.is_some()).count();
    for (gi, pi) in pairs {
        s.gold_match[gi] = Some(pi);
        pmatched[pi] = true;
        let (g, p) = (&gold[gi], &pred[pi]);
        let mut wrong = false;
        if let Some(name) = &g.speaker {
            s.counts.named += 1;
            match p.speaker.as_deref().filter(|sp| !sp.trim().is_empty()) {
                Some(sp) if name_matches(sp, name) => s.counts.named_ok += 1,
                Some(_) => {
                    s.counts.named_wrong += 1;
                    wrong = true;
                }
                None => wrong = true,
            }
        }
        if let Some([a, b]) = g.speaker_mention_span {
            s.counts.mentions += 1;
            if p.speaker_mention
                .is_some_and(|m| overlap((m.start, m.end), (a, b)) > 0)
            {
                s.counts.mentions_ok += 1;
            } else {
                wrong = true;
            }
        }
        if wrong {
            s.wrong.push(gi);
        }
    }
    s.spurious = (0..pred.len()).filter(|&i| !pmatched[i]).collect();
    s
}

/// Whether `hearsay eval` scores a quote: direct and embedded, top level.
pub fn is_scored(q: &Quote) -> bool {
    q.parent.is_none() && matches!(q.kind, QuoteKind::Direct | QuoteKind::Embedded)
}

/// The extractor's scored quotes for `text` (direct and embedded, top
/// level), in chars.
pub fn predict(text: &str) -> Vec<Predicted> {
    let quotes: Vec<Quote> = quote::extract(text).into_iter().filter(is_scored).collect();
    to_predicted(text, &quotes)
}

/// `quotes` of `text` in the prediction format, in chars, in the same order.
pub fn to_predicted(text: &str, quotes: &[Quote]) -> Vec<Predicted> {
    let mut offsets: Vec<usize> = Vec::with_capacity(quotes.len() * 4);
    for q in quotes {
        offsets.extend([q.span.start, q.span.end]);
        if let Some(m) = &q.mention {
            offsets.extend([m.start, m.end]);
        }
    }
    offsets.sort_unstable();
    offsets.dedup();
    let mut counter = CharCounter::new(text);
    let chars: Vec<usize> = offsets.iter().map(|&b| counter.chars_at(b)).collect();
    let at = |b: usize| offsets.binary_search(&b).map_or(0, |i| chars[i]);
    quotes
        .iter()
        .map(|q| Predicted {
            start: at(q.span.start),
            end: at(q.span.end),
            speaker: q.speaker.clone(),
            speaker_mention: q.mention.as_ref().map(|m| CharSpan {
                start: at(m.start),
                end: at(m.end),
            }),
        })
        .collect()
}

/// Reads the gold file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let io = |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut out = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let a = serde_json::from_str(&line).map_err(|source| EvalError::Json {
            path: path.to_path_buf(),
            line: i + 1,
            source,
        })?;
        out.push(a);
    }
    Ok(out)
}

fn row(label: &str, c: &Counts) -> String {
    let mut s = format!("{label:<14} {:>5} {:>5}", c.gold, c.predicted);
    for f in c.figures() {
        let _ = write!(s, " {f:>7.3}");
    }
    s
}

fn header() -> String {
    let mut s = format!("{:<14} {:>5} {:>5}", "", "gold", "pred");
    for name in FIGURES {
        let _ = write!(s, " {name:>7}");
    }
    s.push('\n');
    s
}

/// The report's table: overall, then one row per publisher.
pub fn table(total: &Counts, by_publisher: &BTreeMap<String, Counts>) -> String {
    let mut s = header();
    s.push_str(&row("overall", total));
    s.push('\n');
    for (p, c) in by_publisher {
        s.push_str(&row(p, c));
        s.push('\n');
    }
    s
}

/// Rows of 95% intervals: overall, then one per publisher.
pub fn interval_table(rows: &[(String, [(f64, f64); 7])], resamples: usize) -> String {
    let mut s = format!("95% intervals ({resamples} resamples of the articles):\n");
    let _ = write!(s, "{:<26}", "");
    for name in FIGURES {
        let _ = write!(s, " {name:>11}");
    }
    s.push('\n');
    for (label, iv) in rows {
        let _ = write!(s, "{label:<26}");
        for (lo, hi) in iv {
            let _ = write!(s, " {lo:>5.3}-{hi:<5.3}");
        }
        s.push('\n');
    }
    s
}

/// `text` around char range `a..b`, on one line, with the range bracketed.
fn context(text: &str, a: usize, b: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lo = a.saturating_sub(120);
    let hi = (b + 80).min(chars.len());
    let clean = |r: &[char]| -> String {
        r.iter()
            .map(|&c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    let b = b.min(chars.len());
    let a = a.min(b);
    format!(
        "{}[[{}]]{}",
        clean(&chars[lo..a]),
        clean(&chars[a..b]),
        clean(&chars[b..hi])
    )
}

fn slice(text: &str, a: usize, b: usize) -> String {
    text.chars()
        .skip(a)
        .take(b.saturating_sub(a))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The mistakes of one article, for reading.
fn describe(a: &GoldArticle, pred: &[Predicted], s: &ArticleScore) -> String {
    let mut out = format!("== {} ({} errors)\n", a.id, s.errors());
    for (gi, m) in s.gold_match.iter().enumerate() {
        let g = &a.quotes[gi];
        let gm = g
            .speaker_mention_span
            .map(|[x, y]| slice(&a.text, x, y))
            .unwrap_or_default();
        match m {
            None => {
                let _ = writeln!(
                    out,
                    "  MISSED gold speaker={:?} mention={gm:?}\n    {}",
                    g.speaker,
                    context(&a.text, g.start, g.end)
                );
            }
            Some(pi) if s.wrong.contains(&gi) => {
                let p = &pred[*pi];
                let pm = p
                    .speaker_mention
                    .map(|m| slice(&a.text, m.start, m.end))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  WRONG gold {:?}/{gm:?} predicted {:?}/{pm:?}\n    {}",
                    g.speaker,
                    p.speaker,
                    context(&a.text, g.start, g.end)
                );
            }
            Some(_) => {}
        }
    }
    for &pi in &s.spurious {
        let p = &pred[pi];
        let _ = writeln!(
            out,
            "  SPURIOUS speaker={:?}\n    {}",
            p.speaker,
            context(&a.text, p.start, p.end)
        );
    }
    out
}

/// Runs `hearsay eval`: prints the table (and the worst articles), and
/// writes predictions when asked.
pub fn run(
    gold: &Path,
    show_errors: usize,
    predictions: Option<&Path>,
    resamples: usize,
    ranker: &dyn crate::quote::rank::Ranker,
) -> Result<(), EvalError> {
    let articles = read_gold(gold)?;
    let mut writer = match predictions {
        Some(p) => Some(BufWriter::new(std::fs::File::create(p).map_err(
            |source| EvalError::Io {
                path: p.to_path_buf(),
                source,
            },
        )?)),
        None => None,
    };
    let mut total = Counts::default();
    let mut by_publisher: BTreeMap<String, Counts> = BTreeMap::new();
    let mut scored = Vec::with_capacity(articles.len());
    for a in &articles {
        let (quotes, _) = quote::extract_with(&a.text, ranker, false);
        let quotes: Vec<Quote> = quotes.into_iter().filter(is_scored).collect();
        let pred = to_predicted(&a.text, &quotes);
        let s = score(&a.quotes, &pred);
        total += s.counts;
        let publisher = a.publisher.clone().unwrap_or_else(|| "-".to_string());
        *by_publisher.entry(publisher).or_default() += s.counts;
        if let (Some(w), Some(p)) = (writer.as_mut(), predictions) {
            let line = serde_json::json!({"id": a.id, "quotes": pred});
            writeln!(w, "{line}").map_err(|source| EvalError::Io {
                path: p.to_path_buf(),
                source,
            })?;
        }
        scored.push((s, pred));
    }
    if let (Some(mut w), Some(p)) = (writer, predictions) {
        w.flush().map_err(|source| EvalError::Io {
            path: p.to_path_buf(),
            source,
        })?;
    }
    let mut out = std::io::stdout().lock();
    report(
        &mut out,
        gold,
        &articles,
        &scored,
        &total,
        &by_publisher,
        resamples,
        show_errors,
    )
    .and_then(|()| out.flush())
    .map_err(EvalError::Output)
}

/// Writes the figures, their intervals and the articles with most errors.
#[allow(clippy::too_many_arguments)]
fn report(
    out: &mut impl Write,
    gold: &Path,
    articles: &[GoldArticle],
    scored: &[(ArticleScore, Vec<Predicted>)],
    total: &Counts,
    by_publisher: &BTreeMap<String, Counts>,
    resamples: usize,
    show_errors: usize,
) -> std::io::Result<()> {
    writeln!(out, "{} articles, {}", articles.len(), gold.display())?;
    write!(out, "{}", table(total, by_publisher))?;
    if resamples > 0 {
        let counts = |publisher: Option<&str>| -> Vec<Counts> {
            articles
                .iter()
                .zip(scored)
                .filter(|(a, _)| {
                    publisher.is_none_or(|p| a.publisher.as_deref().unwrap_or("-") == p)
                })
                .map(|(_, (s, _))| s.counts)
                .collect()
        };
        let mut rows = vec![(
            "overall".to_string(),
            intervals(&counts(None), resamples, 1),
        )];
        if by_publisher.len() > 1 {
            for p in by_publisher.keys() {
                rows.push((p.clone(), intervals(&counts(Some(p)), resamples, 1)));
            }
        }
        write!(out, "\n{}", interval_table(&rows, resamples))?;
    }
    if show_errors > 0 {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(scored[i].0.errors()));
        for &i in order.iter().take(show_errors) {
            let (s, pred) = &scored[i];
            if s.errors() == 0 {
                break;
            }
            write!(out, "\n{}", describe(&articles[i], pred, s))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(
        start: usize,
        end: usize,
        speaker: Option<&str>,
        mention: Option<[usize; 2]>,
    ) -> GoldQuote {
        GoldQuote {
            start,
            end,
            speaker: speaker.map(str::to_string),
            speaker_mention_span: mention,
        }
    }

    fn p(
        start: usize,
        end: usize,
        speaker: Option<&str>,
        mention: Option<(usize, usize)>,
    ) -> Predicted {
        Predicted {
            start,
            end,
            speaker: speaker.map(str::to_string),
            speaker_mention: mention.map(|(start, end)| CharSpan { start, end }),
        }
    }

    #[test]
    fn token_subset_names() {
        assert!(name_matches("Clinton", "Hillary Clinton"));
        assert!(name_matches("hillary CLINTON", "Hillary Clinton"));
        assert!(!name_matches("Bill Clinton", "Hillary Clinton"));
        assert!(!name_matches("", "Hillary Clinton"));
    }

    #[test]
    fn overlap_needs_half_of_the_longer_span() {
        // 10 chars of gold, 4 overlapping of a 6-char prediction: 4 < 5.
        assert!(match_spans(&[(0, 10)], &[(6, 12)]).is_empty());
        assert_eq!(match_spans(&[(0, 10)], &[(5, 12)]), [(0, 0)]);
    }

    #[test]
    fn one_to_one_largest_overlap_first() {
        // Both predictions could match gold 0; the bigger overlap wins and
        // the other is left to gold 1.
        let gold = [(0, 10), (8, 20)];
        let pred = [(0, 9), (0, 10)];
        assert_eq!(match_spans(&gold, &pred), [(0, 1)]);
    }

    #[test]
    fn scores_names_mentions_and_recall() {
        let gold = [
            g(0, 10, Some("Ana Ruiz"), Some([12, 16])),
            g(20, 30, None, Some([31, 33])),
            g(40, 50, Some("Bo Li"), None),
        ];
        let pred = [
            p(0, 10, Some("Ruiz"), Some((12, 14))),
            p(20, 30, Some("Ruiz"), Some((40, 42))),
            p(60, 70, None, None),
        ];
        let s = score(&gold, &pred);
        let c = s.counts;
        assert_eq!((c.gold, c.predicted, c.matched), (3, 3, 2));
        assert_eq!((c.named, c.named_ok, c.named_wrong), (1, 1, 0));
        assert_eq!((c.mentions, c.mentions_ok), (2, 1));
        assert_eq!(c.attributable, 2);
        assert!((c.attributed_recall() - 0.5).abs() < 1e-9);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.spurious, [2]);
        assert_eq!(s.wrong, [1]);
        assert_eq!(s.errors(), 3);
    }

    #[test]
    fn a_wrong_name_is_counted_apart_from_a_missing_one() {
        let gold = [
            g(0, 10, Some("Ana Ruiz"), None),
            g(20, 30, Some("Bo Li"), None),
            g(40, 50, Some("Cy Oba"), None),
            g(60, 70, Some("Di Ng"), None),
        ];
        let pred = [
            p(0, 10, Some("Ruiz"), None),
            p(20, 30, Some("Ana Ruiz"), None),
            p(40, 50, None, None),
            p(60, 70, Some("  "), None),
        ];
        let c = score(&gold, &pred).counts;
        assert_eq!((c.named, c.named_ok, c.named_wrong), (4, 1, 1));
        assert!((c.wrong_names() - 0.25).abs() < 1e-9);
    }

    #[test]
    fn intervals_hold_the_figure_and_narrow_with_more_articles() {
        // Articles alternately all right and all wrong on names: the
        // overall named accuracy is 0.5, and its interval holds it.
        let article = |ok: bool| Counts {
            gold: 4,
            predicted: 4,
            matched: 4,
            named: 4,
            named_ok: if ok { 4 } else { 0 },
            named_wrong: if ok { 0 } else { 4 },
            ..Counts::default()
        };
        let few: Vec<Counts> = (0..10).map(|i| article(i % 2 == 0)).collect();
        let many: Vec<Counts> = (0..400).map(|i| article(i % 2 == 0)).collect();
        let named = 3;
        let (lo, hi) = intervals(&few, 500, 7)[named];
        assert!(lo < 0.5 && 0.5 < hi, "{lo}..{hi}");
        let (mlo, mhi) = intervals(&many, 500, 7)[named];
        assert!(mlo < 0.5 && 0.5 < mhi, "{mlo}..{mhi}");
        assert!(mhi - mlo < (hi - lo) / 3.0, "{mlo}..{mhi} vs {lo}..{hi}");
        // Same seed, same intervals; every article right: no spread.
        let twice = [intervals(&few, 200, 3), intervals(&few, 200, 3)].map(|iv| format!("{iv:?}"));
        assert_eq!(twice[0], twice[1]);
        // No mentions in these articles: that figure is undefined, not 0.
        assert!(intervals(&few, 200, 3)[4].0.is_nan());
        let right: Vec<Counts> = (0..10).map(|_| article(true)).collect();
        assert_eq!(intervals(&right, 100, 3)[named], (1.0, 1.0));
    }

    #[test]
    fn predictions_are_in_chars() {
        let t = "Ünïcödé: “Wé wîll,” Ana Ruiz said.";
        let pred = predict(t);
        assert_eq!(pred.len(), 1);
        let chars: Vec<char> = t.chars().collect();
        assert_eq!(chars[pred[0].start], '“');
        assert_eq!(chars[pred[0].end - 1], '”');
    }
}
