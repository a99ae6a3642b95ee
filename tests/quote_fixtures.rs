//! Runs every fixture of `tests/fixtures/quote/`: a short invented article
//! (`NAME.txt`) and the quotes expected in it (`NAME.json`).
//!
//! Each expected quote names its exact text and, when given, its kind,
//! speaker (null: nobody) and a part of its mention. Every marked quote found
//! outside another marked quote must be expected; `nested` lists the quotes
//! inside another.

use std::path::Path;

use hearsay::quote::{Quote, QuoteKind, extract};
use serde_json::Value;

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Embedded => "embedded",
        QuoteKind::Reported => "reported",
        QuoteKind::Term => "term",
    }
}

fn check(name: &str, text: &str, expected: &Value) -> Vec<String> {
    let quotes = extract(text);
    let mut errors = Vec::new();
    let found: Vec<&Quote> = quotes
        .iter()
        .filter(|q| {
            q.kind != QuoteKind::Reported
                && q.parent
                    .is_none_or(|p| quotes[p].kind == QuoteKind::Reported)
        })
        .collect();
    let want = expected["quotes"].as_array().cloned().unwrap_or_default();
    if found.len() != want.len() {
        let texts: Vec<&str> = found.iter().map(|q| &text[q.span.clone()]).collect();
        errors.push(format!(
            "{name}: found {} quotes, want {}: {texts:?}",
            found.len(),
            want.len()
        ));
    }
    for w in &want {
        let wt = w["text"].as_str().unwrap_or_default();
        let Some(q) = found.iter().find(|q| &text[q.span.clone()] == wt) else {
            errors.push(format!("{name}: missing {wt:?}"));
            continue;
        };
        if let Some(k) = w.get("kind").and_then(Value::as_str)
            && kind_name(q.kind) != k
        {
            errors.push(format!("{name}: {wt:?} is {:?}, want {k}", q.kind));
        }
        if let Some(s) = w.get("speaker")
            && q.speaker.as_deref() != s.as_str()
        {
            errors.push(format!("{name}: {wt:?} speaker {:?}, want {s}", q.speaker));
        }
        if let Some(m) = w.get("mention").and_then(Value::as_str) {
            let got = q.mention.clone().map(|r| &text[r]).unwrap_or_default();
            if !got.contains(m) {
                errors.push(format!("{name}: {wt:?} mention {got:?}, want {m:?}"));
            }
        }
    }
    for n in expected["nested"].as_array().cloned().unwrap_or_default() {
        let nt = n.as_str().unwrap_or_default();
        if !quotes
            .iter()
            .any(|q| q.parent.is_some() && &text[q.span.clone()] == nt)
        {
            errors.push(format!("{name}: nested {nt:?} not found"));
        }
    }
    errors
}

#[test]
fn every_fixture_gives_its_expected_quotes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quote");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "fixtures missing in {}", dir.display());
    let mut errors = Vec::new();
    for json in &paths {
        let name = json
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        let text = std::fs::read_to_string(json.with_extension("txt")).expect("fixture text");
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(json).expect("fixture json"))
                .expect("valid fixture json");
        errors.extend(check(&name, &text, &expected));
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
