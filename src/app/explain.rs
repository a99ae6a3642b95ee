//! The explain view (`w`): why the current quote has its speaker, as
//! [`crate::quote::explain`] works it out, made into plain strings when
//! the view opens so drawing it reads nothing from the article.
//!
//! Working it out runs the extraction of the one open article again
//! (collecting every candidate), as opening an article lays out its whole
//! text: the cost is the article's, once per key press, never per frame.

use crate::app::{App, Mode};
use crate::quote::explain::{FeatureWeight, explain_one};

/// The longest a quote is shown in the view, in characters.
const QUOTE_CHARS: usize = 240;

/// Why one quote has its speaker, ready to be drawn.
#[derive(Debug, Clone)]
pub struct Explained {
    /// The quote's words, shortened to [`QUOTE_CHARS`].
    pub quote: String,
    /// The speaker given, if any.
    pub speaker: Option<String>,
    /// How sure: the calibrated probability that the speaker is right.
    pub confidence: Option<f32>,
    /// Whether the speaker is shown as uncertain (below the threshold).
    pub uncertain: bool,
    /// The rule that found the speaker.
    pub rule: Option<&'static str>,
    /// The speech cue as written.
    pub cue: Option<String>,
    /// The words that name the speaker.
    pub mention: Option<String>,
    /// Every candidate, in precedence order.
    pub candidates: Vec<Candidate>,
    /// The confidence's features that are not zero, with their weights.
    pub features: Vec<FeatureWeight>,
}

/// One candidate speaker, as the view lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The generator that proposed it (`cue_after`, `previous_quote`…).
    pub generator: &'static str,
    /// The words naming it.
    pub mention: String,
    /// Its cue.
    pub cue: String,
    /// Whom it names.
    pub speaker: Option<String>,
    /// The ranker's score.
    pub score: f32,
    /// Whether it won.
    pub won: bool,
}

fn shortened(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

impl App {
    /// Opens the explain view on the quote that `y` and `*` would act on.
    pub(super) fn explain_current(&mut self) {
        let target = self.reader.entry.zip(self.star_target());
        let Some((entry, q)) = target else {
            self.message = Some("No quote to explain: press n to go to one".into());
            return;
        };
        let Some(e) = self.corpus.entries.get(entry) else {
            return;
        };
        // The open article holds its text; any other is read back.
        let e = match e.with_text() {
            Ok(e) => e,
            Err(why) => {
                self.message = Some(format!("Cannot explain this quote: {why}"));
                return;
            }
        };
        let text = &e.article.text;
        let Some(why) = explain_one(text, &e.quotes, q) else {
            return;
        };
        let quote = &e.quotes[q];
        let won = why.chosen.and_then(|i| why.candidates.get(i));
        let slice =
            |r: &std::ops::Range<usize>| text.get(r.clone()).unwrap_or_default().to_string();
        self.explained = Some(Explained {
            quote: shortened(
                text.get(quote.span.clone()).unwrap_or_default(),
                QUOTE_CHARS,
            ),
            speaker: quote.speaker.clone(),
            confidence: quote.confidence,
            uncertain: quote.is_uncertain(self.min_confidence),
            // A quote made by hand (tests, older caches) may lack its rule
            // and cue: the winning candidate's stand in.
            rule: why.rule.or_else(|| won.map(|c| c.source.name())),
            cue: why.cue.as_ref().or(won.map(|c| &c.cue)).map(slice),
            mention: why.mention.as_ref().map(slice),
            candidates: (why.candidates.iter().enumerate())
                .map(|(i, c)| Candidate {
                    generator: c.generator.name(),
                    mention: slice(&c.mention),
                    cue: slice(&c.cue),
                    speaker: c.speaker.clone(),
                    score: c.score,
                    won: why.chosen == Some(i),
                })
                .collect(),
            features: why.features,
        });
        self.reader.quote = Some(q);
        self.help_scroll = 0;
        self.mode = Mode::Explain;
    }

    /// What the explain view shows, once it has been opened.
    pub fn explained(&self) -> Option<&Explained> {
        self.explained.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{Action, App, Mode, update};
    use crate::article::Article;
    use crate::corpus::Corpus;

    fn app_on(text: &str) -> App {
        let corpus = Corpus::from_articles(vec![Article::from_text("a.txt", text.to_string())]);
        let mut app = App::new(corpus, Vec::new());
        update(&mut app, Action::Open);
        app
    }

    #[test]
    fn w_explains_the_current_quote_with_its_candidates() {
        let mut app = app_on(
            "Harbour to close\n\nPort director Mirela Stoyan spoke on Monday. \
             \"We have waited long enough,\" Stoyan said.\n",
        );
        update(&mut app, Action::NextQuote);
        update(&mut app, Action::ExplainQuote);
        assert_eq!(app.mode(), Mode::Explain);
        let e = app.explained().expect("explained");
        assert_eq!(e.speaker.as_deref(), Some("Mirela Stoyan"));
        assert_eq!(e.cue.as_deref(), Some("said"));
        assert_eq!(e.mention.as_deref(), Some("Stoyan"));
        let won: Vec<_> = e.candidates.iter().filter(|c| c.won).collect();
        assert_eq!(won.len(), 1);
        assert_eq!(won[0].speaker.as_deref(), Some("Mirela Stoyan"));
        assert!(!e.features.is_empty());
        update(&mut app, Action::Cancel);
        assert_eq!(app.mode(), Mode::Browse);
    }

    #[test]
    fn with_no_quote_it_says_how_to_get_one() {
        let mut app = app_on("Quiet day\n\nNothing was said at all.\n");
        update(&mut app, Action::ExplainQuote);
        assert_eq!(app.mode(), Mode::Browse);
        assert!(app.message().is_some_and(|m| m.contains("press n")));
    }
}
