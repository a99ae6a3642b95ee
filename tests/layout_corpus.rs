//! Layout of real news (read at run time from `../shared/corpus`, never
//! copied into the repo) with the real extractor's quotes: the invariants of
//! `layout_common::check` at widths 1, 13 and 80. Skipped, with a message,
//! when the corpus is absent.

use hearsay::article::Article;
use hearsay::corpus::Entry;

mod layout_common;
mod shared_support;

/// Articles from a JSONL file of the shared corpus: at most `limit`, with
/// the title and body fields given.
fn jsonl(name: &str, limit: usize) -> Option<Vec<Entry>> {
    let path = shared_support::shared(&format!("corpus/{name}"))?;
    let Ok(data) = std::fs::read_to_string(&path) else {
        shared_support::skip(&format!("{} cannot be read", path.display()));
        return None;
    };
    let entries = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .take(limit)
        .map(|v| {
            let field = |k: &str| {
                v.get(k)
                    .and_then(|s| s.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            // Reuters escapes its end-of-text control as `&#3;`; decode it as a
            // loader would, so control characters are met too.
            let text = field("body").replace("&#3;", "\u{3}");
            Entry::new(Article {
                id: field("id"),
                title: field("title"),
                body: 0..text.len(),
                text,
                ..Article::default()
            })
        })
        .collect();
    Some(entries)
}

fn check_all(entries: &[Entry]) {
    for e in entries {
        for width in [1, 13, 80] {
            if let Err(err) = layout_common::check(e, width, None) {
                panic!("{} at width {width}: {err}", e.article.id);
            }
        }
    }
}

#[test]
fn wikinews_lays_out_cleanly() {
    if let Some(entries) = jsonl("wikinews.jsonl", usize::MAX) {
        assert!(entries.len() > 100, "read {} articles", entries.len());
        check_all(&entries);
    }
}

/// Reuters bodies are hard-wrapped, indented and end in a control character.
#[test]
fn reuters_lays_out_cleanly() {
    if let Some(entries) = jsonl("reuters21578.jsonl", 400) {
        assert!(entries.iter().any(|e| e.article.text.contains('\u{3}')));
        check_all(&entries);
    }
}
