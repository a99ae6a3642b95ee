//! `hearsay quotes --explain`: why each speaker, in text and in JSONL, on
//! the invented seed-like article (expected output in
//! tests/fixtures/explain/), and on the real seed article through
//! tests/shared_support.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod shared_support;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn hearsay(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        // No configuration of the machine's changes the threshold.
        .env("HEARSAY_CONFIG", fixture("explain/no-such-config.toml"))
        .output()
        .expect("hearsay runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `s` with every decimal number (weights, values, confidences) as `#`:
/// they move whenever the model is retrained; what is explained does not.
fn masked(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let signed = matches!(chars[i], '+' | '-')
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_alphanumeric());
        if chars[i].is_ascii_digit() || signed {
            let start = i;
            i += 1;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            let number = number.trim_end_matches('.');
            if number.contains('.') {
                out.push('#');
                if chars[i - 1] == '.' {
                    out.push('.');
                }
            } else {
                out.push_str(&chars[start..i].iter().collect::<String>());
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[test]
fn explain_in_text_matches_the_fixture() {
    let article = fixture("articles/seed_like.txt");
    let rel = "tests/fixtures/articles/seed_like.txt";
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["quotes", "--format", "text", "--explain", rel])
        // None uncertain, so retraining moves no `?` in the expected output.
        .args(["--min-confidence", "0"])
        .env("HEARSAY_CONFIG", fixture("explain/no-such-config.toml"))
        .output()
        .expect("hearsay runs");
    assert!(out.status.success());
    assert!(article.exists());
    let shown = masked(&String::from_utf8(out.stdout).expect("UTF-8"));
    let expected = fixture("explain/seed_like.txt");
    // `HEARSAY_BLESS=1 cargo test --test cli_explain` rewrites the expected
    // output after a change to what is explained (read the diff).
    if std::env::var_os("HEARSAY_BLESS").is_some() {
        std::fs::write(&expected, &shown).expect("writes the expected output");
    }
    let want = std::fs::read_to_string(&expected).expect("expected output");
    assert_eq!(shown, want, "\n{shown}");
}

#[test]
fn explain_in_jsonl_names_rule_cue_mention_and_features() {
    let path = fixture("articles/seed_like.txt");
    let out = hearsay(&["quotes", "--explain", path.to_str().expect("UTF-8 path")]);
    let line: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    let quotes = line["quotes"].as_array().expect("quotes");
    let named: Vec<&Value> = quotes.iter().filter(|q| q["speaker"].is_string()).collect();
    assert!(named.len() >= 3, "{line}");
    for q in named {
        let e = &q["explain"];
        assert!(e["rule"].is_string(), "{q}");
        assert!(e["mention"].is_string(), "{q}");
        assert_eq!(e["confidence"], q["confidence"], "{q}");
        let features = e["features"].as_array().expect("features");
        assert!(
            features.iter().any(|f| f["name"] == "bias"),
            "the bias is always there: {q}"
        );
        assert!(e["mention_kind"].is_string() || e["mention"].is_string());
        // Every candidate with its score; exactly one won, its generator's
        // (reported speech has its one cue, no candidates).
        if q["kind"] == "reported" {
            continue;
        }
        let candidates = e["candidates"].as_array().expect("candidates");
        let won: Vec<&Value> = candidates.iter().filter(|c| c["won"] == true).collect();
        assert_eq!(won.len(), 1, "{q}");
        assert_eq!(won[0]["generator"], e["generator"], "{q}");
        assert_eq!(won[0]["rule"], e["rule"], "{q}");
        assert!(candidates.iter().all(|c| c["score"].is_number()), "{q}");
    }
    // Without --explain, no explain object.
    let plain = hearsay(&["quotes", path.to_str().expect("UTF-8 path")]);
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("\"explain\""));
}

#[test]
fn explain_on_the_seed_article_gives_the_annotated_mentions() {
    let (Some(text), Some(gold)) = (
        shared_support::shared("gold/seed.txt"),
        shared_support::shared("gold/seed.jsonl"),
    ) else {
        return;
    };
    let gold: Value = serde_json::from_str(
        std::fs::read_to_string(gold)
            .expect("seed.jsonl reads")
            .trim(),
    )
    .expect("valid seed json");
    let out = hearsay(&["quotes", "--explain", text.to_str().expect("UTF-8 path")]);
    let line: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    let quotes = line["quotes"].as_array().expect("quotes");
    for g in gold["quotes"].as_array().expect("gold quotes") {
        let q = quotes
            .iter()
            .find(|q| q["text"] == g["text"])
            .unwrap_or_else(|| panic!("no quote {}", g["text"]));
        assert_eq!(q["speaker"], g["speaker"], "{q}");
        assert_eq!(q["explain"]["mention"], g["speaker_mention"], "{q}");
        assert!(q["explain"]["rule"].is_string(), "{q}");
        let c = q["confidence"].as_f64().expect("a confidence");
        assert!((0.0..=1.0).contains(&c));
    }
}
