//! Loading the real news in `../shared` (third-party, never copied into the
//! repo). Each test says so and passes when that folder is absent.

use std::path::PathBuf;

use hearsay::article::{Article, load_paths};

mod shared_support;
use shared_support::shared;

fn paragraphs(a: &Article) -> Vec<&str> {
    a.paragraphs().into_iter().map(|r| &a.text[r]).collect()
}

#[test]
fn bbc_loads_every_article_with_one_warning() {
    let Some(bbc) = shared("corpus/bbc") else {
        return;
    };
    let loaded = load_paths(&[bbc]);
    assert_eq!(loaded.articles.len(), 2225);
    let [warning] = loaded.problems.as_slice() else {
        panic!("one warning expected: {:#?}", loaded.problems);
    };
    assert!(!warning.is_fatal());
    assert!(warning.path.ends_with("sport/199.txt"), "{warning}");
    let mutu = loaded
        .articles
        .iter()
        .find(|a| a.id.ends_with("sport/199.txt"))
        .expect("sport/199 loads");
    assert!(
        mutu.text.contains('£'),
        "the Latin-1 pound sign is read as £"
    );
    for a in &loaded.articles {
        assert!(!a.title.is_empty(), "{}", a.id);
        let paras = paragraphs(a);
        assert!(!paras.is_empty(), "{}", a.id);
        // BBC paragraphs are whole lines: none is split across a line break.
        assert!(
            paras.iter().all(|p| !p.contains('\n')),
            "{}: {paras:#?}",
            a.id
        );
    }
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "folders load in sorted order");
}

#[test]
fn reuters_loads_with_joined_paragraphs_and_no_sign_off() {
    let Some(path) = shared("corpus/reuters21578.jsonl") else {
        return;
    };
    let loaded = load_paths(&[path]);
    assert!(
        loaded.problems.iter().all(|p| !p.is_fatal()),
        "{:#?}",
        &loaded.problems[..loaded.problems.len().min(5)]
    );
    assert_eq!(loaded.articles.len(), 19043);
    let mut with_dateline = 0;
    for a in &loaded.articles {
        let body = &a.text[a.body.clone()];
        assert!(
            !body.ends_with("&#3;") && !body.to_lowercase().ends_with("reuter"),
            "{}: {body:?}",
            a.id
        );
        assert!(!a.title.contains("&lt;"), "{}", a.title);
        with_dateline += usize::from(a.dateline.is_some());
    }
    assert!(with_dateline > 18_000, "{with_dateline} datelines");
    let cocoa = &loaded.articles[0];
    let paras = paragraphs(cocoa);
    // Hard-wrapped lines join: a paragraph starts with a capital, on an indent.
    assert!(paras.len() >= 10 && paras.len() < 30, "{paras:#?}");
    assert!(
        paras
            .iter()
            .all(|p| p.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())),
        "{paras:#?}"
    );
    assert!(
        paras[0].contains('\n'),
        "the first paragraph is several wrapped lines"
    );
    let d = cocoa.dateline.as_ref().expect("the dateline field");
    assert_eq!(d.place, "SALVADOR");
}

#[test]
fn wikinews_loads_with_blank_line_paragraphs() {
    let Some(path) = shared("corpus/wikinews.jsonl") else {
        return;
    };
    let loaded = load_paths(&[path]);
    assert!(
        loaded.problems.iter().all(|p| !p.is_fatal()),
        "{:#?}",
        loaded.problems
    );
    assert_eq!(loaded.articles.len(), 295);
    for a in &loaded.articles {
        assert!(a.url.is_some() && a.published.is_some(), "{}", a.id);
        let paras = paragraphs(a);
        assert!(!paras.is_empty(), "{}", a.id);
        assert!(paras.iter().all(|p| !p.contains("\n\n")), "{}", a.id);
    }
}

#[test]
fn seed_body_drops_boilerplate_and_parses_dateline() {
    let Some(path) = shared("gold/seed.txt") else {
        return;
    };
    let loaded = load_paths(std::slice::from_ref(&path));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let a = &loaded.articles[0];
    assert_eq!(a.text, std::fs::read_to_string(&path).expect("seed reads"));
    let body = &a.text[a.body.clone()];
    assert!(
        !body.contains("Stay informed") && !body.contains("Follow us"),
        "{body}"
    );
    assert!(body.ends_with('.'));
    let d = a.dateline.as_ref().expect("dateline");
    assert_eq!(d.place, "Seoul");
    assert_eq!(d.date.as_deref(), Some("Dec 7"));
    assert_eq!(d.source.as_deref(), Some("LatestNewsX"));
    assert_eq!(d.span.start, a.body.start);
    // One paragraph per line, the headline and sign-off left out.
    let lines = a.text.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(paragraphs(a).len(), lines - 2);
}

#[test]
fn feeds_and_pages_never_panic_and_mostly_load() {
    let Some(feeds) = shared("corpus/feeds") else {
        return;
    };
    let loaded = load_paths(&[feeds]);
    assert!(loaded.articles.len() > 200, "{}", loaded.articles.len());
    for a in &loaded.articles {
        assert!(
            !a.text[a.body.clone()].contains("<p>"),
            "{}: HTML left in the body",
            a.id
        );
    }
    let Some(html) = shared("corpus/html") else {
        return;
    };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&html)
        .expect("html folder reads")
        .flatten()
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.exists())
        .collect();
    pages.sort();
    let loaded = load_paths(&pages);
    assert_eq!(loaded.articles.len(), 9, "{:#?}", loaded.problems);
    for (a, page) in loaded.articles.iter().zip(&pages) {
        assert!(paragraphs(a).len() >= 3, "{}", a.id);
        // The headline matches the one a readability extractor found.
        let meta = page.with_file_name("expected-metadata.json");
        let meta: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(meta).expect("metadata reads"))
                .expect("metadata parses");
        assert_eq!(Some(a.title.as_str()), meta["title"].as_str(), "{}", a.id);
        // How much of the story was found is scored in web_shared.rs (word F1).
    }
}
