//! Shared by the tui tests: invented articles with hand-built quotes, and a
//! plain layout to read them with, so these tests do not depend on the
//! extractor or the real layout.

#![allow(dead_code)]

use std::ops::Range;

use hearsay::app::{Action, App, update};
use hearsay::article::Article;
use hearsay::corpus::{Corpus, Entry};
use hearsay::layout::{ArticleLayout, Labels, Role, Row, Seg, Source};
use hearsay::quote::{Quote, QuoteKind};

/// One quote to find in a text: the quoted words, their kind, the speaker,
/// and the words that name the speaker.
pub struct Q(
    pub &'static str,
    pub QuoteKind,
    pub Option<&'static str>,
    pub Option<&'static str>,
);

fn find(text: &str, needle: &str, from: usize) -> Range<usize> {
    let at = text[from..].find(needle).map(|i| i + from);
    let at = at.unwrap_or_else(|| panic!("{needle:?} not in the test article"));
    at..at + needle.len()
}

/// An entry whose quotes are found by their words, in order.
pub fn entry(title: &str, body: &str, quotes: &[Q]) -> Entry {
    let text = format!("{title}\n\n{body}\n");
    let mut from = 0;
    let quotes = quotes
        .iter()
        .map(|Q(words, kind, speaker, mention)| {
            let span = find(&text, words, from);
            from = span.start;
            Quote {
                mention: mention.map(|m| find(&text, m, title.len())),
                span,
                kind: *kind,
                speaker: speaker.map(str::to_string),
                cue: None,
                parent: None,
                source: None,
                confidence: None,
            }
        })
        .collect();
    let article = Article {
        id: format!("fixtures/{}.txt", title.to_lowercase().replace(' ', "-")),
        title: title.to_string(),
        body: title.len()..text.len(),
        text,
        source: Some("Coast Wire".into()),
        published: Some("March 3".into()),
        ..Article::default()
    };
    Entry { article, quotes }
}

/// Three invented articles: two with quotes, one without.
pub fn corpus() -> Corpus {
    use QuoteKind::*;
    let ferry = entry(
        "Harbour ferry fares to fall in spring",
        "The harbour authority will cut ferry fares by a fifth from April, its chair said on Tuesday.\n\n\
         “Nobody should pay more to cross the bay than to cross the city,” said Mara Okonkwo, who chairs the Port Vell Harbour Authority. “We have the boats and we have the crews.”\n\n\
         Teodor Wilk, who runs the island’s only bakery, called the plan “long overdue” but warned that timetables mattered more than prices.\n\n\
         “A cheap ferry that never comes is no use to anyone,” Wilk said.\n\n\
         Okonkwo said the authority would publish new timetables within a month.",
        &[
            Q(
                "“Nobody should pay more to cross the bay than to cross the city,”",
                Direct,
                Some("Mara Okonkwo"),
                Some("Mara Okonkwo"),
            ),
            Q(
                "“We have the boats and we have the crews.”",
                Direct,
                Some("Mara Okonkwo"),
                None,
            ),
            Q("“long overdue”", Term, None, None),
            Q(
                "“A cheap ferry that never comes is no use to anyone,”",
                Direct,
                Some("Teodor Wilk"),
                Some("Wilk said"),
            ),
            Q(
                "the authority would publish new timetables within a month",
                Reported,
                Some("Mara Okonkwo"),
                Some("Okonkwo said"),
            ),
        ],
    );
    let tides = entry(
        "Tide tables for the week",
        "High water at Port Vell falls at 06:12 on Monday and about fifty minutes later each day after.",
        &[],
    );
    let school = entry(
        "Island school reopens after storm repairs",
        "The primary school on Skarra reopened on Thursday after two months of repairs to its roof.\n\n\
         “The children were back at their desks by nine,” head teacher Ines Barros said. \
         “It was a long winter for all of us.”\n\n\
         The harbour authority lent a ferry to carry the builders, Mara Okonkwo said. \
         “We were glad to help,” she said.",
        &[
            Q(
                "“The children were back at their desks by nine,”",
                Direct,
                Some("Ines Barros"),
                Some("Ines Barros"),
            ),
            Q(
                "“It was a long winter for all of us.”",
                Direct,
                Some("Ines Barros"),
                None,
            ),
            Q(
                "The harbour authority lent a ferry to carry the builders",
                Reported,
                Some("Mara Okonkwo"),
                Some("Mara Okonkwo said"),
            ),
            Q(
                "“We were glad to help,”",
                Direct,
                Some("Mara Okonkwo"),
                Some("she said"),
            ),
        ],
    );
    Corpus::from_entries(vec![ferry, tides, school])
}

/// A plain layout for tests: the headline, a meta line, then each paragraph
/// hard-wrapped at `width` chars, quotes and mentions as their own segments
/// and the speaker's name after each attributed quote.
pub fn plain_layout(entry: &Entry, width: u16, labels: Labels) -> ArticleLayout {
    let width = usize::from(width.max(1));
    let mut out = ArticleLayout {
        width: width as u16,
        labels,
        ..ArticleLayout::default()
    };
    out.quote_rows = vec![0; entry.quotes.len()];
    let mut rows = vec![
        vec![Seg {
            source: Source::Owned(entry.article.title.clone()),
            role: Role::Headline,
        }],
        vec![Seg {
            source: Source::Owned("Coast Wire · March 3".into()),
            role: Role::Meta,
        }],
    ];
    for para in entry.article.paragraphs() {
        rows.push(Vec::new());
        let mut row: Vec<Seg> = Vec::new();
        let mut used = 0;
        for (range, role) in marks(entry, para) {
            if let Some(q) = quote_of(role) {
                if out.quote_rows[q] == 0
                    && matches!(
                        role,
                        Role::Quote(_) | Role::Unattributed(_) | Role::Reported(_)
                    )
                {
                    out.quote_rows[q] = rows.len() + usize::from(used >= width);
                }
            }
            let mut start = range.start;
            for (i, c) in entry.article.text[range.clone()].char_indices() {
                if used == width {
                    row.push(seg(&entry.article.text, start..range.start + i, role));
                    rows.push(std::mem::take(&mut row));
                    start = range.start + i;
                    used = 0;
                }
                let _ = c;
                used += 1;
            }
            row.push(seg(&entry.article.text, start..range.end, role));
            if let Role::Quote(q) = role {
                if let Some(name) = &entry.quotes[q].speaker {
                    let label = format!(" [{name}]");
                    if used + label.chars().count() > width {
                        rows.push(std::mem::take(&mut row));
                        used = 0;
                    }
                    used += label.chars().count();
                    row.push(Seg {
                        source: Source::Owned(label),
                        role: Role::Speaker(q),
                    });
                }
            }
        }
        rows.push(row);
    }
    out.rows = rows.into_iter().map(|segs| Row { segs }).collect();
    out
}

fn seg(text: &str, range: Range<usize>, role: Role) -> Seg {
    let _ = text;
    Seg {
        source: Source::Text(range),
        role,
    }
}

fn quote_of(role: Role) -> Option<usize> {
    match role {
        Role::Quote(q)
        | Role::Unattributed(q)
        | Role::Reported(q)
        | Role::Mention(q)
        | Role::Speaker(q) => Some(q),
        _ => None,
    }
}

/// The paragraph cut into body, quote and mention ranges, in order.
fn marks(entry: &Entry, para: Range<usize>) -> Vec<(Range<usize>, Role)> {
    let mut spans: Vec<(Range<usize>, Role)> = Vec::new();
    for (i, q) in entry.quotes.iter().enumerate() {
        let role = match (q.kind, &q.speaker) {
            (QuoteKind::Term, _) | (_, None) => Role::Unattributed(i),
            (QuoteKind::Reported, _) => Role::Reported(i),
            _ => Role::Quote(i),
        };
        spans.push((q.span.clone(), role));
        if let Some(m) = &q.mention {
            spans.push((m.clone(), Role::Mention(i)));
        }
    }
    spans.retain(|(r, _)| r.start >= para.start && r.end <= para.end);
    spans.sort_by_key(|(r, _)| r.start);
    let mut out = Vec::new();
    let mut at = para.start;
    for (r, role) in spans {
        if r.start < at {
            continue;
        }
        if r.start > at {
            out.push((at..r.start, Role::Body));
        }
        at = r.end;
        out.push((r, role));
    }
    if at < para.end {
        out.push((at..para.end, Role::Body));
    }
    out
}

/// An app over [`corpus`] with [`plain_layout`], sized `width` × `height`.
pub fn app(width: u16, height: u16) -> App {
    let mut app = App::with_layout(corpus(), Vec::new(), plain_layout);
    update(&mut app, Action::Resize(width, height));
    app
}

/// Sends each action in turn.
pub fn send(app: &mut App, actions: &[Action]) {
    for &a in actions {
        update(app, a);
    }
}
