//! Each export format against expected output in tests/fixtures/export/,
//! built from two invented articles whose quotes and speakers are given by
//! hand, so the test does not move when the extractor improves.

use std::path::Path;

use hearsay::article::{Article, Dateline};
use hearsay::corpus::{Corpus, Entry};
use hearsay::export::{self, Citation, ExportFormat};
use hearsay::quote::{Quote, QuoteKind};
use hearsay::store::{StarredQuote, Store};

const HARBOUR: &str = "Port Vell's harbour reopened on Tuesday, four days after the storm.\n\
“We will not close the harbour again,” said Ona Brisk, the port director. \
“Boats come first,” she added.\n\
Brisk said the dredging would finish by May.\n\
\"Our view is simple: open, safe and busy,\" the Harbour Board said in a statement.\n";

const FERRY: &str = "Sal Oram, March 5 (Islandwire) – Ferry fares will rise by 5% in April.\n\
“Fuel costs, not greed, drive the rise.” Ona M. Brisk said.\n\
“They call it a ‘small’ rise. We were told nothing,” said Tam Rhee, who commutes daily.\n";

/// The quote of `text` that starts with `opening`, as long as `len` bytes.
fn quote(text: &str, opening: &str, end: &str, kind: QuoteKind, speaker: &str) -> Quote {
    let start = text.find(opening).expect("the opening is in the text");
    let stop = start + text[start..].find(end).expect("the end follows") + end.len();
    Quote {
        span: start..stop,
        kind,
        speaker: Some(speaker.to_string()),
        mention: None,
        cue: None,
        parent: None,
        source: None,
        confidence: None,
    }
}

fn corpus() -> Corpus {
    use QuoteKind::{Direct, Reported};
    let harbour = Entry {
        article: Article {
            id: "harbour-1".into(),
            title: "Harbour reopens after \"worst storm in decades\"".into(),
            body: 0..HARBOUR.len(),
            text: HARBOUR.into(),
            source: Some("Tidewire".into()),
            url: Some("https://news.example/harbour-reopens".into()),
            published: Some("2026-03-03".into()),
            ..Article::default()
        },
        quotes: vec![
            quote(HARBOUR, "“We will", "again,”", Direct, "Ona Brisk"),
            quote(HARBOUR, "“Boats", "first,”", Direct, "Ona Brisk"),
            quote(HARBOUR, "the dredging", "by May", Reported, "Ona Brisk"),
            quote(
                HARBOUR,
                "\"Our view",
                "busy,\"",
                Direct,
                "the Harbour Board",
            ),
        ],
    };
    let ferry = Entry {
        article: Article {
            id: "ferries/fares.txt".into(),
            title: "Ferry fares rise *again*".into(),
            body: 0..FERRY.len(),
            dateline: Some(Dateline {
                span: 0..33,
                place: "Sal Oram".into(),
                date: Some("March 5".into()),
                source: Some("Islandwire".into()),
            }),
            text: FERRY.into(),
            ..Article::default()
        },
        quotes: vec![
            quote(FERRY, "“Fuel", "rise.”", Direct, "Ona M. Brisk"),
            quote(FERRY, "“They", "nothing,”", Direct, "Tam Rhee"),
        ],
    };
    Corpus::from_entries(vec![harbour, ferry])
}

fn all_citations(corpus: &Corpus) -> Vec<Citation> {
    export::citations(corpus)
}

fn expected(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check(format: ExportFormat) {
    let citations = all_citations(&corpus());
    assert_eq!(citations.len(), 6);
    let got = export::to_string(&citations, format).expect("writing to memory works");
    let want = expected(&format!("quotes.{}", format.extension()));
    assert_eq!(got, want, "{format:?} export differs from the fixture");
}

#[test]
fn markdown_is_a_citation_block_per_quote() {
    check(ExportFormat::Markdown);
}

#[test]
fn csv_has_a_header_and_quotes_what_needs_quoting() {
    check(ExportFormat::Csv);
}

#[test]
fn json_is_a_pretty_array_of_objects() {
    check(ExportFormat::Json);
}

#[test]
fn jsonl_is_one_object_per_line() {
    check(ExportFormat::Jsonl);
}

#[test]
fn json_reads_back_as_the_same_fields() {
    let citations = all_citations(&corpus());
    let json = export::to_string(&citations, ExportFormat::Json).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = value.as_array().unwrap();
    assert_eq!(rows.len(), citations.len());
    for (row, c) in rows.iter().zip(&citations) {
        assert_eq!(row["quote"], c.quote.as_str());
        assert_eq!(row["speaker"].as_str(), c.speaker.as_deref());
        assert_eq!(row["url"].as_str(), c.url.as_deref());
    }
}

#[test]
fn an_empty_export_still_names_its_columns() {
    let csv = export::to_string(&[], ExportFormat::Csv).unwrap();
    assert_eq!(
        csv,
        "speaker,quote,headline,source,date,url,location,verbatim\n"
    );
    assert_eq!(export::to_string(&[], ExportFormat::Json).unwrap(), "[]\n");
    assert_eq!(export::to_string(&[], ExportFormat::Markdown).unwrap(), "");
}

#[test]
fn any_written_form_of_a_speaker_selects_all_their_quotes() {
    let corpus = corpus();
    let all = all_citations(&corpus);
    // Citation 2 is Brisk's reported speech: exported with the rest, but
    // not among the quotes a speaker filter selects.
    let brisk: Vec<Citation> = [0, 1, 4].iter().map(|&i| all[i].clone()).collect();
    for name in ["Ona Brisk", "Ona M. Brisk", "ona brisk", "Brisk"] {
        assert_eq!(export::filter_by_speaker(&corpus, name), brisk, "{name}");
    }
    let board = export::filter_by_speaker(&corpus, "Harbour Board");
    assert_eq!(board, [all[3].clone()]);
    assert!(export::filter_by_speaker(&corpus, "Ivo Brisk").is_empty());
    assert!(export::filter_by_speaker(&corpus, "").is_empty());
}

#[test]
fn a_family_name_shared_by_two_speakers_selects_neither() {
    let mut entries = corpus().entries;
    entries[1].quotes[1].speaker = Some("Ivo Brisk".into());
    let corpus = Corpus::from_entries(entries);
    assert_eq!(export::find_speakers(&corpus, "Brisk").len(), 2);
    assert!(export::filter_by_speaker(&corpus, "Brisk").is_empty());
    assert_eq!(export::filter_by_speaker(&corpus, "Ivo Brisk").len(), 1);
}

#[test]
fn starred_quotes_export_like_the_quotes_they_came_from() {
    let corpus = corpus();
    let all = all_citations(&corpus);
    let store = Store::in_memory().unwrap();
    for (e, q) in [(0, 2), (1, 1), (1, 0)] {
        let mut star = StarredQuote::from_corpus(&corpus, e, q).unwrap();
        star.starred_at = (e * 10 + q) as i64;
        store.star(&star).unwrap();
    }
    let starred = store.starred().unwrap();
    let citations: Vec<Citation> = starred.iter().map(Citation::from).collect();
    // The collection keeps an article's URL but not its file path: a star
    // of a text file's quote has no location.
    let no_path = |c: &Citation| Citation {
        location: c.url.clone(),
        ..c.clone()
    };
    assert_eq!(
        citations,
        [no_path(&all[2]), no_path(&all[4]), no_path(&all[5])]
    );
    assert_eq!(all[4].location.as_deref(), Some("ferries/fares.txt"));
    let brisk = export::filter_starred_by_speaker(&starred, "Ona M. Brisk");
    assert_eq!(brisk, [no_path(&all[2]), no_path(&all[4])]);
    let by_family_name = export::filter_starred_by_speaker(&starred, "Brisk");
    assert_eq!(by_family_name, brisk);
    let rhee = export::filter_starred_by_speaker(&starred, "Tam Rhee");
    assert_eq!(rhee, [no_path(&all[5])]);
    assert!(export::filter_starred_by_speaker(&starred, "Harbour Board").is_empty());
}

#[test]
fn saving_writes_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quotes.md");
    std::fs::write(&path, "old").unwrap();
    let citations = all_citations(&corpus());
    export::save(&path, &citations, ExportFormat::Markdown).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        expected("quotes.md")
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no leftovers"
    );
    let missing = dir.path().join("no/such/folder/quotes.md");
    assert!(export::save(&missing, &citations, ExportFormat::Csv).is_err());
}
