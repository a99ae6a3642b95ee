//! Loading articles from our own fixtures in `tests/fixtures/articles/`.

use std::path::{Path, PathBuf};

use hearsay::article::{Article, Loaded, Problem, load_paths};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name)
}

fn load(names: &[&str]) -> Loaded {
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    load_paths(&paths)
}

fn only_article(name: &str) -> Article {
    let loaded = load(&[name]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), 1);
    loaded.articles.into_iter().next().expect("one article")
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.paragraphs().into_iter().map(|r| &a.text[r]).collect()
}

#[test]
fn seed_layout_headline_dateline_paragraphs_and_boilerplate() {
    let a = only_article("seed_like.txt");
    assert_eq!(
        a.title,
        "Harbour city weighs ferry fare freeze ahead of winter: mayor"
    );
    // The text is the file exactly; the body leaves out the headline and the site's sign-off.
    let raw = std::fs::read_to_string(fixture("seed_like.txt")).expect("fixture reads");
    assert_eq!(a.text, raw);
    let body = &a.text[a.body.clone()];
    assert!(body.starts_with("Porto Azul, Nov 14"), "{body}");
    assert!(body.ends_with("said."), "{body}");
    assert!(!body.contains("Stay informed"));

    let d = a.dateline.as_ref().expect("a dateline");
    assert_eq!(d.place, "Porto Azul");
    assert_eq!(d.date.as_deref(), Some("Nov 14"));
    assert_eq!(d.source.as_deref(), Some("CoastWireX"));
    assert_eq!(&a.text[d.span.clone()], "Porto Azul, Nov 14 (CoastWireX) –");

    let paras = paragraphs(&a);
    assert_eq!(paras.len(), 6, "{paras:#?}");
    assert!(paras[2].starts_with("“We want every family"));
    assert!(paras.iter().all(|p| !p.contains('\n')));
}

#[test]
fn bbc_layout_blank_line_paragraphs_and_list_items() {
    let a = only_article("bbc_like.txt");
    assert_eq!(a.title, "Library opening hours to grow in spring");
    let paras = paragraphs(&a);
    assert_eq!(paras.len(), 7, "{paras:#?}");
    assert_eq!(paras[2], "The plan includes:");
    assert_eq!(paras[3], "- two extra staff on weekday evenings,");
    assert_eq!(paras[4], "- a quiet study room open until closing,");
    assert!(paras[1].contains("£40,000"));
    assert!(a.dateline.is_none());
}

#[test]
fn hard_wrapped_wire_copy_joins_into_paragraphs() {
    let a = only_article("wire_like.txt");
    // Shouted headlines are shown in title case.
    assert_eq!(a.title, "Grainco Holdings Profit Rises on Barley Exports");
    let paras = paragraphs(&a);
    assert_eq!(paras.len(), 5, "{paras:#?}");
    assert!(
        paras[0].starts_with("LONDON, March 3 - Grainco") && paras[0].ends_with("northern Europe.")
    );
    assert!(paras[2].starts_with("Chairman") && paras[2].ends_with("acquisitions."));
    assert_eq!(paras[3], "Shr 14.2 pence vs 11.1 pence");
    // The closing `Reuter` and its control character are not body.
    assert!(a.text[a.body.clone()].ends_with("9.8 mln"));
    let d = a.dateline.as_ref().expect("a dateline");
    assert_eq!(
        (d.place.as_str(), d.date.as_deref(), d.source.as_deref()),
        ("LONDON", Some("March 3"), None)
    );
}

#[test]
fn json_array_fields_and_missing_title() {
    let loaded = load(&["articles.json"]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let [first, second] = loaded.articles.as_slice() else {
        panic!("two articles expected: {:?}", loaded.articles);
    };
    assert_eq!(first.id, "a-1");
    assert_eq!(first.title, "Bridge repairs finish early");
    assert_eq!(first.source.as_deref(), Some("Town Post"));
    assert_eq!(first.url.as_deref(), Some("https://example.org/bridge"));
    assert_eq!(first.published.as_deref(), Some("2025-03-02"));
    assert_eq!(first.byline.as_deref(), Some("By Ana Lin"));
    assert!(
        first.text.starts_with("The river bridge"),
        "the text is the body field as given"
    );
    assert_eq!(paragraphs(first).len(), 2);

    assert_eq!(second.id, "2");
    assert_eq!(second.title, "Rail strike called off");
    assert_eq!(second.published.as_deref(), Some("2025-03-03"));
    assert_eq!(
        &second.text[second.body.clone()],
        "Union leaders called off Thursday's strike after a late offer."
    );
}

#[test]
fn json_object_with_dateline_field() {
    let a = only_article("one.json");
    assert_eq!(a.title, "Market stalls return");
    let d = a.dateline.as_ref().expect("the dateline field is parsed");
    assert_eq!(
        (d.place.as_str(), d.date.as_deref()),
        ("ORTON", Some("May 5"))
    );
    assert!(d.span.is_empty(), "the field is not in the text");
}

#[test]
fn jsonl_bad_lines_are_problems_and_good_lines_load() {
    let loaded = load(&["wire.jsonl"]);
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["w-1", "w-4"]);
    let lines: Vec<Option<usize>> = loaded.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [Some(2), Some(3)]);
    assert!(loaded.problems.iter().all(|p| p.is_fatal()));
    assert!(
        loaded.problems[0].message.contains("`title`"),
        "{}",
        loaded.problems[0]
    );
    let shown = loaded.problems[1].to_string();
    assert!(
        shown.starts_with(&format!("{}:3: ", fixture("wire.jsonl").display())),
        "{shown}"
    );

    let first = &loaded.articles[0];
    assert_eq!(
        first.title, "Firm <FRM> Sets Dividend",
        "entities are decoded in titles"
    );
    assert!(first.text.contains("&#3;"), "the text stays exact");
    assert_eq!(paragraphs(first).len(), 2);
    assert!(first.text[first.body.clone()].ends_with("payable May one."));
}

#[test]
fn invalid_utf8_is_a_warning_naming_the_file() {
    let loaded = load(&["latin1.txt"]);
    assert_eq!(loaded.articles.len(), 1);
    let [problem] = loaded.problems.as_slice() else {
        panic!("one warning expected: {:?}", loaded.problems);
    };
    assert!(!problem.is_fatal());
    assert!(problem.to_string().contains("latin1.txt: "), "{problem}");
    assert!(loaded.articles[0].text.contains("£1.20"));
}

#[test]
fn empty_blank_binary_and_missing_files_are_problems() {
    let loaded = load(&["empty.txt", "blank.txt", "binary.bin", "no-such-file.txt"]);
    assert!(loaded.articles.is_empty(), "{:?}", loaded.articles);
    let problems: Vec<&Problem> = loaded.problems.iter().collect();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems.iter().all(|p| p.is_fatal() && p.line.is_none()));
    assert!(problems[0].message.contains("empty"));
    assert!(problems[1].message.contains("empty"));
    assert!(problems[2].message.contains("binary"));
    assert!(
        problems[3]
            .to_string()
            .starts_with(&fixture("no-such-file.txt").display().to_string())
    );
}

#[test]
fn folders_load_in_sorted_order_without_hidden_files_or_readmes() {
    let loaded = load(&["folder"]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["First by path", "Third by path", "Fourth by path"]);
    // Named on its own, a README loads.
    assert_eq!(only_article("folder/README.md").title, "About this folder");
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("article_load_loop");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("inner")).expect("temp dir");
    std::fs::write(dir.join("inner/story.txt"), "Looped\n\nBody.\n").expect("temp file");
    std::os::unix::fs::symlink(&dir, dir.join("inner/back")).expect("symlink");
    let loaded = load_paths(std::slice::from_ref(&dir));
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0].message.contains("link back"),
        "{}",
        loaded.problems[0]
    );
}

#[test]
fn streaming_stops_when_asked() {
    use std::ops::ControlFlow;
    let mut seen = 0;
    hearsay::article::load_paths_each(&[fixture("folder")], |_| {
        seen += 1;
        ControlFlow::Break(())
    });
    assert_eq!(seen, 1);
}

#[test]
fn crlf_line_endings_read_like_lf() {
    let raw = std::fs::read_to_string(fixture("seed_like.txt")).expect("fixture reads");
    let crlf = raw.replace('\n', "\r\n");
    let loaded = hearsay::article::load_bytes(Path::new("seed.txt"), crlf.as_bytes());
    let a = &loaded.articles[0];
    let lf = only_article("seed_like.txt");
    assert_eq!(a.title, lf.title);
    assert_eq!(paragraphs(a), paragraphs(&lf));
    assert_eq!(
        a.dateline.as_ref().map(|d| &d.place),
        lf.dateline.as_ref().map(|d| &d.place)
    );
    assert!(a.text[a.body.clone()].ends_with("said."));
}

#[test]
fn jsonl_without_a_trailing_newline_and_with_a_bom() {
    let input = "\u{feff}{\"id\": \"x\", \"title\": \"T\", \"body\": \"B.\"}\n{\"id\": \"y\", \"title\": \"U\", \"body\": \"C.\"}";
    let loaded = hearsay::article::load_bytes(Path::new("-"), input.as_bytes());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["x", "y"]);
}

#[test]
fn text_without_a_headline_keeps_its_first_paragraph() {
    let story = format!(
        "{}.\n\nSecond paragraph.\n",
        "A long opening sentence that runs on".repeat(8)
    );
    let a = &hearsay::article::load_bytes(Path::new("s.txt"), story.as_bytes()).articles[0];
    assert!(
        a.title.ends_with('…') && a.title.chars().count() <= 81,
        "{}",
        a.title
    );
    assert_eq!(paragraphs(a).len(), 2);
    let one_line = &hearsay::article::load_bytes(Path::new("t.txt"), b"Only a line").articles[0];
    assert_eq!(
        (
            one_line.title.as_str(),
            &one_line.text[one_line.body.clone()]
        ),
        ("Only a line", "Only a line")
    );
}

#[test]
fn a_folder_without_articles_is_a_problem() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("article_load_empty_dir");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(".git")).expect("temp dir");
    std::fs::write(dir.join("README.txt"), "About\n\nNothing.\n").expect("temp file");
    let loaded = load_paths(std::slice::from_ref(&dir));
    assert!(loaded.articles.is_empty());
    let [problem] = loaded.problems.as_slice() else {
        panic!("{:?}", loaded.problems)
    };
    assert!(
        problem.is_fatal() && problem.message.contains("no articles"),
        "{problem}"
    );
}

#[test]
fn json_array_items_report_their_line_and_good_ones_load() {
    let loaded = load(&["broken_array.json"]);
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["g1", "g2"]);
    let at: Vec<(Option<usize>, bool)> = loaded
        .problems
        .iter()
        .map(|p| (p.line, p.is_fatal()))
        .collect();
    assert_eq!(
        at,
        [(Some(3), true), (Some(6), true)],
        "{:#?}",
        loaded.problems
    );
    assert!(
        loaded.problems[0].message.contains("item 1")
            && loaded.problems[0].message.contains("`title`")
    );
    assert!(
        loaded.problems[1].message.contains("invalid JSON"),
        "{}",
        loaded.problems[1]
    );
}

#[test]
fn a_truncated_json_feed_keeps_its_complete_items() {
    let feed = r#"{"title": "Town blog", "items": [
        {"id": "1", "title": "One", "content_html": "<p>“Open,” said the mayor.</p>"},
        {"id": "2", "title": "Two", "content_text": "Plain text."},
        {"id": "3", "title": "Three", "content_html": "<p>Cut off he"#;
    let loaded = hearsay::article::load_bytes(Path::new("feed.json"), feed.as_bytes());
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["1", "2"]);
    assert_eq!(loaded.articles[0].text, "“Open,” said the mayor.");
    let [problem] = loaded.problems.as_slice() else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(problem.line, Some(4), "{problem}");
    // Nothing was skipped that the file held whole: a warning, not a failure.
    assert_eq!(problem.level, hearsay::article::Level::Warning, "{problem}");
    assert!(problem.message.contains("cut short"), "{problem}");
}
