//! The seed article must come out exactly as annotated by hand. Reads
//! `../shared/gold/seed.jsonl` (not part of the repository) and skips with a
//! message when it is absent.

use hearsay::quote::{QuoteKind, extract};
use hearsay::text::CharCounter;
use serde_json::Value;

mod shared_support;

#[test]
fn seed_article_is_fully_right() {
    let Some(path) = shared_support::shared("gold/seed.jsonl") else {
        return;
    };
    let line = std::fs::read_to_string(&path).expect("seed.jsonl is readable");
    let gold: Value = serde_json::from_str(line.trim()).expect("valid seed json");
    let text = gold["text"].as_str().expect("text");
    let quotes = extract(text);
    let chars = |b: usize| CharCounter::new(text).chars_at(b);
    let marked: Vec<_> = quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Embedded))
        .collect();
    let want = gold["quotes"].as_array().expect("quotes");
    assert_eq!(marked.len(), want.len(), "number of quotes");
    for (q, g) in marked.iter().zip(want) {
        let span = (chars(q.span.start), chars(q.span.end));
        assert_eq!(span.0 as u64, g["start"].as_u64().expect("start"));
        assert_eq!(span.1 as u64, g["end"].as_u64().expect("end"));
        assert_eq!(
            q.speaker.as_deref(),
            g["speaker"].as_str(),
            "speaker of {}",
            g["text"]
        );
        let kind = if q.kind == QuoteKind::Direct {
            "direct"
        } else {
            "embedded"
        };
        assert_eq!(Some(kind), g["kind"].as_str(), "kind of {}", g["text"]);
        let m = q.mention.clone().expect("a mention");
        let gm = &g["speaker_mention_span"];
        assert_eq!(
            chars(m.start) as u64,
            gm[0].as_u64().expect("mention start")
        );
        assert_eq!(chars(m.end) as u64, gm[1].as_u64().expect("mention end"));
    }
    for u in gold["unattributed_quoted_spans"].as_array().expect("spans") {
        let start = u["start"].as_u64().expect("start");
        let q = quotes
            .iter()
            .find(|q| chars(q.span.start) as u64 == start)
            .expect("the scare quote is found");
        assert_eq!(q.kind, QuoteKind::Term);
        assert_eq!(q.speaker, None);
    }
}
