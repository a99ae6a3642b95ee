//! Screens of the reader following the news (TestBackend + insta): a
//! refresh under way with its new headlines at the top, the summary once it
//! is over, and the list's unread count, dates, copies and the link under
//! the byline. Reports are sent by hand: no network, no clock.

use hearsay::app::{Action, App, Report, receive, update};
use hearsay::article::Article;
use hearsay::corpus::{Corpus, Entry, resolved_speakers};
use hearsay::keymap::KeyMap;
use hearsay::loader::{Batch, Progress};
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

fn article(id: &str, title: &str, body: &str, url: Option<&str>, date: Option<&str>) -> Entry {
    let mut a = Article::from_text(id, format!("{title}\n\n{body}\n"));
    a.source = Some("Bay Courier".into());
    a.url = url.map(str::to_string);
    a.published = date.map(str::to_string);
    Entry::new(a)
}

fn batch(entries: Vec<Entry>, done: bool) -> Batch {
    Batch {
        names: entries.iter().map(resolved_speakers).collect(),
        progress: Progress {
            articles: entries.len(),
            quotes: 0,
            done,
            ..Progress::default()
        },
        entries,
        problems: Vec::new(),
    }
}

/// Two kept articles (one loaded twice), as if read from the cache.
fn kept() -> App {
    let mut app = App::new(Corpus::default(), Vec::new());
    app.start_loading();
    let pier = || {
        article(
            "pier",
            "Pier lights repaired",
            "“They shine again,” said Oona Vasquez, the harbour master.",
            Some("https://bay.example.org/pier"),
            // Zoneless, so the screen is the same in every time zone.
            Some("2026-11-30 12:00:00"),
        )
    };
    app.append(batch(
        vec![
            pier(),
            article(
                "gulls",
                "Gull count falls",
                "“Fewer nests this spring,” Teodor Lamm said.",
                None,
                None,
            ),
            pier(),
        ],
        true,
    ));
    app.follow(3, true);
    update(&mut app, Action::Resize(110, 16));
    app
}

#[test]
fn a_refresh_under_way_and_its_summary() {
    let mut app = kept();
    update(&mut app, Action::Down);
    assert_eq!(update(&mut app, Action::Refresh).len(), 1);
    receive(
        &mut app,
        Report::Fresh(Box::new(batch(
            vec![article(
                "quay",
                "Quay market opens on Sundays",
                "“Come early for the crab,” said Mira Oakes, who sells it.",
                Some("https://bay.example.org/quay"),
                Some("2026-12-01T12:00:00Z"),
            )],
            false,
        ))),
    );
    receive(
        &mut app,
        Report::Fetched {
            feed: "Bay Courier".into(),
            new: 1,
            failure: None,
        },
    );
    insta::assert_snapshot!("refresh_under_way", screen(&app));
    for (feed, failure) in [("Hill Gazette", None), ("Down Feed", Some("HTTP 500"))] {
        receive(
            &mut app,
            Report::Fetched {
                feed: feed.into(),
                new: 0,
                failure: failure.map(str::to_string),
            },
        );
    }
    receive(&mut app, Report::Refreshed);
    insta::assert_snapshot!("refresh_over", screen(&app));
}

#[test]
fn the_open_article_shows_its_link_under_the_byline() {
    let mut app = kept();
    update(&mut app, Action::Open);
    insta::assert_snapshot!("link_under_byline", screen(&app));
}

#[test]
fn the_status_bar_counts_the_urls_read_while_loading() {
    let mut app = App::new(Corpus::default(), Vec::new());
    app.start_loading();
    let mut first = batch(Vec::new(), false);
    first.progress.urls = 3;
    app.append(first);
    let status = |app: &App| screen(app).lines().last().unwrap_or_default().to_string();
    assert!(status(&app).contains("0/3 URLs read"), "{}", status(&app));
    let mut more = batch(
        vec![article(
            "a",
            "Pier lights repaired",
            "“They shine again,” said Oona Vasquez.",
            None,
            None,
        )],
        false,
    );
    more.progress.urls = 3;
    more.progress.urls_done = 2;
    app.append(more);
    assert!(status(&app).contains("2/3 URLs read"), "{}", status(&app));
    let mut last = batch(Vec::new(), true);
    last.progress.urls = 3;
    last.progress.urls_done = 3;
    app.append(last);
    assert!(!status(&app).contains("URLs"), "{}", status(&app));
}

#[test]
fn cache_search_matches_show_a_snippet_with_the_words_marked() {
    let mut app = kept();
    update(&mut app, Action::StartSearch);
    for c in "nest".chars() {
        update(&mut app, Action::Input(c));
    }
    let key = app.collection().key(1).expect("a key").to_string();
    receive(
        &mut app,
        Report::Found {
            query: "nest".into(),
            keys: Ok(vec![key]),
        },
    );
    update(&mut app, Action::Confirm);
    assert_eq!(app.shown(), [1]);
    let (snippet, marks) = app.snippet(1).expect("a snippet for the match on screen");
    assert_eq!(
        marks
            .iter()
            .map(|m| &snippet[m.clone()])
            .collect::<Vec<_>>(),
        ["nests"]
    );
    insta::assert_snapshot!(screen(&app));
    // Back to every article: no snippets.
    update(&mut app, Action::Close);
    assert_eq!(app.snippet(1), None);
}

#[test]
fn the_feeds_view_lists_subscriptions_with_unread_counts_and_errors() {
    use hearsay::app::feeds::{FeedRecord, Subscription};
    let mut app = kept();
    app.set_subscriptions(vec![
        Subscription {
            label: "Bay Courier".into(),
            url: "https://bay.example.org/feed".into(),
        },
        Subscription {
            label: "Hill Gazette".into(),
            url: "https://hills.example.org/feed".into(),
        },
    ]);
    let keys: Vec<String> = (0..2)
        .map(|e| app.collection().key(e).expect("a key").to_string())
        .collect();
    update(&mut app, Action::OpenFeeds);
    receive(
        &mut app,
        Report::FeedsLoaded(Ok(vec![
            FeedRecord {
                keys: keys.clone(),
                fetched_at: None,
                last_error: None,
            },
            FeedRecord {
                keys: Vec::new(),
                fetched_at: None,
                last_error: Some("HTTP 503".into()),
            },
        ])),
    );
    update(&mut app, Action::Down);
    update(&mut app, Action::Up);
    insta::assert_snapshot!(screen(&app));
}
