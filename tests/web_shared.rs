//! The shared feeds and pages (third-party, read from `../shared`, never
//! copied): every feed loads the items a reference parser finds, and the
//! pages' stories score a word-level F1 against their expected text.
//!
//! `cargo test --test web_shared -- --nocapture` prints each page's F1.

use std::collections::HashMap;
use std::path::Path;

use hearsay::article::{Article, Loaded, load_bytes};

mod shared_support;
use shared_support::shared;

fn load(path: &Path) -> Loaded {
    let bytes = std::fs::read(path).expect("the shared file reads");
    load_bytes(path, &bytes)
}

/// Items a reference parser (feedparser 6, or the JSON for JSON Feeds)
/// finds in each shared feed, counted by hand; the truncated RSS file's 12
/// are those that end before the cut.
const FEEDS: &[(&str, usize)] = &[
    ("atom_daringfireball.atom", 48),
    ("atom_google_alerts.xml", 20),
    ("atom_touchnokia_ru_large.xml", 15),
    ("jsonfeed11_3960_de.json", 20),
    ("jsonfeed11_influxdata.json", 3),
    ("jsonfeed1_daringfireball.json", 48),
    ("rss1_golem_iso8859-1.xml", 1),
    ("rss2_huffpost_canada.xml", 2),
    ("rss2_ilgiornale_it.xml", 1),
    ("rss2_inovacao_iso8859-1.xml", 1),
    ("rss2_jn_pt_iso8859-1.rss", 40),
    ("rss2_kc0011_gb2312.rss", 20),
    ("rss2_livemint_crlf.xml", 25),
    ("rss2_macworld_no_decl.rss", 30),
    ("rss2_natasha_content_encoded_crlf.xml", 10),
    ("rss2_techcrunch_content_encoded.xml", 20),
    ("rss2_wirecutter_content_encoded.xml", 1),
];

#[test]
fn every_shared_feed_loads_its_items() {
    let Some(dir) = shared("corpus/feeds") else {
        return;
    };
    for &(name, items) in FEEDS {
        let loaded = load(&dir.join(name));
        let fatal: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| p.is_fatal())
            .map(ToString::to_string)
            .collect();
        // An empty feed is a warning, not a failure.
        assert!(fatal.is_empty(), "{name}: {fatal:?}");
        // Items without text are counted in one note for the feed:
        // `40 items, 4 skipped without text (items 2, 13, 32, 34)`.
        let skipped: usize = loaded
            .problems
            .iter()
            .filter(|p| p.level == hearsay::article::Level::Note)
            .filter_map(|p| {
                let (_, rest) = p.message.split_once(", ")?;
                let (n, _) = rest.split_once(" skipped without text")?;
                n.parse::<usize>().ok()
            })
            .sum();
        assert_eq!(
            loaded.articles.len() + skipped,
            items,
            "{name}: {:?}",
            loaded.problems
        );
        for a in &loaded.articles {
            assert!(
                !a.title.is_empty() && !a.title.contains('<'),
                "{name}: {a:?}"
            );
            assert!(
                !a.text.contains("<p>") && !a.text.contains("&amp;"),
                "{name}: {}",
                a.title
            );
        }
    }
}

#[test]
fn legacy_encodings_read_as_their_scripts() {
    let Some(dir) = shared("corpus/feeds") else {
        return;
    };
    let gb = load(&dir.join("rss2_kc0011_gb2312.rss"));
    assert_eq!(gb.articles.len(), 20, "{:?}", gb.problems);
    let han = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    assert!(
        gb.articles.iter().all(|a| han(&a.title)),
        "GB2312 titles are Chinese"
    );
    for name in [
        "rss1_golem_iso8859-1.xml",
        "rss2_jn_pt_iso8859-1.rss",
        "rss2_inovacao_iso8859-1.xml",
    ] {
        let loaded = load(&dir.join(name));
        for a in &loaded.articles {
            assert!(
                !a.text.contains('\u{FFFD}') && !a.title.contains('Ã'),
                "{name}: {}",
                a.title
            );
        }
    }
}

#[test]
fn broken_feeds_keep_complete_items_and_say_where() {
    let Some(dir) = shared("corpus/feeds") else {
        return;
    };
    // Cut inside its first item: no item is complete (feedparser finds none either).
    let cut = load(&dir.join("rss2_reuters_truncated_invalid.xml"));
    let said: Vec<String> = cut.problems.iter().map(ToString::to_string).collect();
    assert!(
        said.iter().any(|p| p.contains("line 19, column")),
        "{said:?}"
    );
    // Cut short inside its last item: the items before it load, with a
    // warning that says where, and nothing failed.
    let json = load(&dir.join("jsonfeed_allthis_TRUNCATED.json"));
    assert!(!json.articles.is_empty(), "{:?}", json.problems);
    let [cut] = json.problems.as_slice() else {
        panic!("{:?}", json.problems)
    };
    assert_eq!(cut.level, hearsay::article::Level::Warning, "{cut:?}");
    assert!(
        cut.line.is_some() && cut.message.contains("column"),
        "{cut:?}"
    );
    // UTF-16 with a byte order mark, an `<rss>` with no channel.
    let empty = load(&dir.join("synthetic_utf16le_bom.xml"));
    assert!(empty.articles.is_empty());
    // An empty feed is a note, not a failure, once it is decoded.
    assert!(!empty.problems.is_empty());
    assert!(
        empty
            .problems
            .iter()
            .all(|p| !p.is_fatal() && p.message.contains("no items")),
        "{:?}",
        empty.problems
    );
    let not_feed = load(&dir.join("json_rssjs_scriptingnews_not_jsonfeed.json"));
    assert!(
        not_feed.problems.iter().any(|p| p.is_fatal()),
        "{:?}",
        not_feed.problems
    );
}

/// Lowercase word tokens with their counts.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Multiset F1 of the words of `got` against those of `want`.
fn f1(got: &str, want: &str) -> f64 {
    let (got, want) = (words(got), words(want));
    let common: usize = got
        .iter()
        .map(|(w, n)| (*n).min(want.get(w).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / got.values().sum::<usize>() as f64;
    let recall = common as f64 / want.values().sum::<usize>() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// `html` without its tags, entities decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    hearsay::article::decode_entities(&out)
}

fn story(a: &Article) -> &str {
    &a.text[a.body.clone()]
}

#[test]
fn pages_score_word_f1_against_their_expected_story() {
    let Some(dir) = shared("corpus/html") else {
        return;
    };
    let mut sites: Vec<_> = std::fs::read_dir(&dir)
        .expect("the html folder reads")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("source.html").exists())
        .collect();
    sites.sort();
    assert_eq!(sites.len(), 9);
    let mut scores = Vec::new();
    for site in &sites {
        let loaded = load(&site.join("source.html"));
        let [article] = loaded.articles.as_slice() else {
            panic!("{}: {:?}", site.display(), loaded.problems);
        };
        let expected = std::fs::read_to_string(site.join("expected.html")).expect("reads");
        let score = f1(story(article), &strip_tags(&expected));
        println!(
            "{:16} F1 {score:.3}",
            site.file_name().unwrap_or_default().to_string_lossy()
        );
        scores.push(score);
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    println!("mean F1 {mean:.3}");
    assert!(mean >= 0.97, "mean F1 {mean:.3}");
    assert!(scores.iter().all(|&s| s >= 0.92), "{scores:?}");
}

#[test]
fn cnet_blockquotes_are_quotes_with_their_speaker() {
    let Some(page) = shared("corpus/html/cnet/source.html") else {
        return;
    };
    let loaded = load(&page);
    let [article] = loaded.articles.as_slice() else {
        panic!("{:?}", loaded.problems);
    };
    let quotes = hearsay::quote::extract(&article.text);
    for opening in [
        "If this [deal]",
        "That's less my thing",
        "Often, if a company",
    ] {
        let quote = quotes
            .iter()
            .find(|q| article.text[q.span.clone()].contains(opening))
            .unwrap_or_else(|| panic!("no quote holds {opening:?}"));
        assert!(
            quote
                .speaker
                .as_deref()
                .is_some_and(|s| s.contains("Zuckerberg")),
            "{opening:?}: {:?}",
            quote.speaker
        );
    }
}
