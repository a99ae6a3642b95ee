//! The reader keeps only the place of a JSONL article's line, not its text:
//! the text is read back from the file for the open article, the search,
//! the speakers view and citations. Checked against the same file loaded
//! whole (texts kept), and with the file changed underneath.

use std::ops::ControlFlow;
use std::path::PathBuf;

use hearsay::app::{Action, App, Effect, Report, receive, search, update};
use hearsay::article::{Item, load_paths_each};
use hearsay::corpus::{Corpus, Entry};
use hearsay::export::Citation;
use hearsay::keymap::KeyMap;
use hearsay::loader;
use hearsay::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::render(f, app, &Theme::default(), &KeyMap::default()))
        .expect("draw");
    terminal.backend().to_string()
}

/// A JSONL file of `n` articles, each quoting someone about a ferry.
fn corpus_file(dir: &tempfile::TempDir, n: usize) -> PathBuf {
    let mut jsonl = String::new();
    for i in 0..n {
        jsonl.push_str(&format!(
            "{{\"id\":\"n{i}\",\"title\":\"Harbour note {i}\",\"body\":\"PORTO AZUL - The ferry {i} left late. “We are sorry {i},” said Ana Ruiz{i}, the harbour master.\\n\\nShe said the pier would reopen.\"}}\n"
        ));
    }
    let path = dir.path().join("harbour.jsonl");
    std::fs::write(&path, jsonl).expect("write");
    path
}

/// The reader as the binary fills it: batches streamed from the file.
fn streamed(path: &PathBuf) -> App {
    let mut app = App::new(Corpus::default(), Vec::new());
    update(&mut app, Action::Resize(100, 30));
    app.start_loading();
    loader::stream(std::slice::from_ref(path), |batch| {
        app.append(batch);
        ControlFlow::Continue(())
    });
    app
}

/// The same file loaded whole, every text kept.
fn eager(path: &PathBuf) -> Vec<Entry> {
    let mut entries = Vec::new();
    load_paths_each(std::slice::from_ref(path), |item| {
        if let Item::Article(a) = item {
            entries.push(Entry::new(a));
        }
        ControlFlow::Continue(())
    });
    entries
}

#[test]
fn only_the_open_article_keeps_its_text_and_each_reads_back_as_loaded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = corpus_file(&dir, 6);
    let mut app = streamed(&path);
    let whole = eager(&path);
    assert_eq!(app.corpus().entries.len(), 6);
    let open = app.open_index().expect("an open article");
    for (e, entry) in app.corpus().entries.iter().enumerate() {
        assert_eq!(entry.text_dropped(), e != open, "entry {e}");
        assert_eq!(entry.text().expect("read back"), whole[e].article.text);
        assert_eq!(entry.quotes, whole[e].quotes);
    }
    update(&mut app, Action::Down);
    let now = app.open_index().expect("an open article");
    assert_ne!(now, open);
    assert!(app.corpus().entries[open].text_dropped());
    let entry = app.open_entry().expect("open");
    assert!(!entry.text_dropped());
    assert_eq!(entry.article.text, whole[now].article.text);
    assert!(screen(&app).contains("We are sorry"), "{}", screen(&app));
}

/// Types `query` and confirms it; returns the text search it asks for.
fn ask(app: &mut App, query: &str) -> search::TextSearch {
    update(app, Action::StartSearch);
    for c in query.chars() {
        update(app, Action::Input(c));
    }
    let effects = update(app, Action::Confirm);
    match effects.into_iter().find_map(|e| match e {
        Effect::SearchText(job) => Some(*job),
        _ => None,
    }) {
        Some(job) => job,
        None => panic!("no text search asked for {query}"),
    }
}

/// Runs a text search as the run loop's worker does, reporting each chunk.
fn run(app: &mut App, job: &search::TextSearch) -> usize {
    let mut reports = Vec::new();
    job.run(&mut |hits, done| {
        reports.push(Report::TextHits {
            query: job.query.clone(),
            hits,
            done,
        });
        ControlFlow::Continue(())
    });
    let n = reports.len();
    for r in reports {
        receive(app, r);
    }
    n
}

#[test]
fn search_runs_off_the_ui_thread_and_finds_what_an_eager_search_finds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = corpus_file(&dir, 6);
    let mut app = streamed(&path);
    let whole = eager(&path);
    let job = ask(&mut app, "sorry 4");
    // Nothing found yet: the search is under way, keys go on.
    assert!(app.search().searching && app.search().hits.is_empty());
    assert!(app.message().is_some_and(|m| m.contains("Searching")));
    update(&mut app, Action::Down);
    run(&mut app, &job);
    let order: Vec<usize> = (0..whole.len()).collect();
    let hits = app.search().hits.clone();
    assert_eq!(hits, search::find(&whole, &order, "sorry 4"));
    assert_eq!(hits.len(), 1);
    assert!(!app.search().searching);
    // The hit was gone to, in an article whose text had not been kept.
    assert_eq!(app.open_index(), Some(4));
    assert!(
        app.message().is_some_and(|m| m.contains("1 match")),
        "{:?}",
        app.message()
    );
}

#[test]
fn hits_come_in_chunks_in_list_order_and_a_replaced_search_is_dropped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = search::SEARCH_CHUNK + 100;
    let path = corpus_file(&dir, n);
    let mut app = streamed(&path);
    let whole = eager(&path);
    let old = ask(&mut app, "ferry");
    let job = ask(&mut app, "pier");
    // The first search's hits, arriving late, are not this search's.
    run(&mut app, &old);
    assert!(app.search().hits.is_empty() && app.search().searching);
    assert!(run(&mut app, &job) >= 2);
    let order: Vec<usize> = (0..n).collect();
    let eager_hits = search::find(&whole, &order, "pier");
    assert_eq!(app.search().hits, eager_hits);
    assert_eq!(eager_hits.len(), n);
}

#[test]
fn citations_of_an_article_not_open_carry_its_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = corpus_file(&dir, 3);
    let app = streamed(&path);
    let whole = Corpus::from_entries(eager(&path));
    let corpus = app.corpus();
    assert!(corpus.entries[2].text_dropped());
    let lazy = Citation::from_corpus(corpus, 2, 0).expect("a citation");
    assert_eq!(Some(lazy.clone()), Citation::from_corpus(&whole, 2, 0));
    assert!(lazy.quote.contains("We are sorry 2"), "{lazy:?}");
}

#[test]
fn a_file_changed_underneath_is_named_and_nothing_breaks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = corpus_file(&dir, 4);
    let mut app = streamed(&path);
    std::fs::write(&path, "{\"id\":\"n0\"}\n").expect("truncate");
    update(&mut app, Action::Down);
    let message = app.message().expect("a message");
    assert!(
        message.contains("harbour.jsonl") && message.contains("changed since it was loaded"),
        "{message}"
    );
    // No wrong text is shown, and the screen still draws.
    assert!(app.open_entry().is_some_and(|e| e.article.text.is_empty()));
    let shown = screen(&app);
    assert!(!shown.contains("We are sorry"), "{shown}");
    // Searching skips texts that cannot be read back.
    let job = ask(&mut app, "sorry");
    run(&mut app, &job);
    assert!(app.search().hits.is_empty() && !app.search().searching);
    assert!(app.message().is_some_and(|m| m.contains("No match")));
    // The dropped entries refuse to give a text, by name.
    let err = app.corpus().entries[3].text().expect_err("changed");
    assert!(err.to_string().contains("harbour.jsonl"), "{err}");
}
