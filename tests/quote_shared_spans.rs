//! Whole quote spans on real newsroom copy in `../shared` (third-party,
//! read at run time, never copied): Reuters' hard-wrapped wire copy and the
//! BBC's run-together paragraphs. Each test prints the share it measured
//! straight to stderr, so `cargo test` shows it.
//!
//! Both read every article (no sampling): 19,043 Reuters stories and 2,225
//! BBC ones, about ten seconds of CPU in a debug build.

use std::io::Write;

use hearsay::article::{Article, load_paths};
use hearsay::quote::{Quote, extract};

mod shared_support;
use shared_support::shared;

fn load(rel: &str) -> Option<Vec<Article>> {
    let path = shared(rel)?;
    Some(load_paths(&[path]).articles)
}

fn report(line: &str) {
    // Straight to the file descriptor: not captured by the test harness.
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '”' | '»' | '“' | '„' | '\'' | '’' | '›')
}

/// Whether the span ends at a closing mark written against its last word
/// (not ` "`, a mark that opens the next paragraph).
fn ends_at_closing_mark(text: &str, q: &Quote) -> bool {
    let mut back = text[q.span.clone()].chars().rev();
    let last = back.next().is_some_and(is_closing_mark);
    last && back.next().is_some_and(|c| !c.is_whitespace())
}

/// Whether byte `end` is the end of a Reuters paragraph as the copy marks
/// one: only whitespace up to the end of the text, to a blank line or to an
/// indented line. Told here from the raw text, independently of hearsay's
/// own reading of paragraphs.
fn at_wire_paragraph_end(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let rest = rest.trim_start_matches([' ', '\t', '\r']);
    match rest.strip_prefix('\n') {
        None => rest.trim().is_empty(),
        Some(next) => next.starts_with([' ', '\t', '\n', '\r']) || next.trim().is_empty(),
    }
}

#[test]
fn reuters_quotes_end_at_their_mark_or_paragraph_not_at_a_wrap() {
    let Some(articles) = load("corpus/reuters21578.jsonl") else {
        return;
    };
    let (mut whole, mut total) = (0usize, 0usize);
    let mut bad = Vec::new();
    for a in &articles {
        for q in extract(&a.text).iter().filter(|q| q.is_marked_quotation()) {
            total += 1;
            if ends_at_closing_mark(&a.text, q) || at_wire_paragraph_end(&a.text, q.span.end) {
                whole += 1;
            } else if bad.len() < 5 {
                bad.push(format!("{}: {:?}", a.id, &a.text[q.span.clone()]));
            }
        }
    }
    let share = whole as f64 / total.max(1) as f64;
    report(&format!(
        "Reuters: {whole} of {total} direct and embedded quotes ({:.1}%) end at a closing mark or their paragraph's end",
        share * 100.0
    ));
    assert!(total > 5_000, "only {total} quotes found in Reuters");
    assert!(
        share >= 0.98,
        "{:.1}% whole; for example:\n{}",
        share * 100.0,
        bad.join("\n")
    );
}

#[test]
fn bbc_quotes_do_not_end_in_the_next_paragraphs_mark() {
    let Some(articles) = load("corpus/bbc") else {
        return;
    };
    let (mut spaced, mut total) = (0usize, 0usize);
    let mut bad = Vec::new();
    for a in &articles {
        // Every span found by its marks, terms included.
        for q in extract(&a.text)
            .iter()
            .filter(|q| q.kind != hearsay::quote::QuoteKind::Reported)
        {
            total += 1;
            let span = &a.text[q.span.clone()];
            let mut back = span.chars().rev();
            let mark = back.next().is_some_and(is_closing_mark);
            if mark && back.next().is_some_and(char::is_whitespace) {
                spaced += 1;
                if bad.len() < 5 {
                    bad.push(format!("{}: {span:?}", a.id));
                }
            }
        }
    }
    let share = spaced as f64 / total.max(1) as f64;
    report(&format!(
        "BBC: {spaced} of {total} quoted spans ({:.2}%) end in a mark after a space",
        share * 100.0
    ));
    assert!(total > 5_000, "only {total} quotes found in the BBC copy");
    assert!(
        share <= 0.01,
        "{:.2}% end in ` \"`; for example:\n{}",
        share * 100.0,
        bad.join("\n")
    );
}
