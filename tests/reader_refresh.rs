//! `r` in the reader: the subscriptions fetched in the background from a
//! feed server on 127.0.0.1 that the test starts and stops, the status line
//! counting feeds while keys still act, new articles at the top of the list
//! without moving the selection, and a summary naming the failures.

#[allow(dead_code)] // each test binary uses part of it
mod http_support;

use std::path::Path;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hearsay::app::{Action, App, Report, receive, update};
use hearsay::config::Feed;
use hearsay::corpus::Corpus;
use hearsay::keymap::KeyMap;
use hearsay::loader::{Batch, Progress};
use hearsay::tui::{Event, Performer, Subscriptions};
use hearsay::ui::theme::Theme;
use http_support::{Reply, Server};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WAIT: Duration = Duration::from_secs(60);

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/feeds")
            .join(name),
    )
    .unwrap_or_default()
}

/// Serves the fixture feeds; `hills.xml` waits until `gate` is opened,
/// `down.xml` fails.
fn server(gate: Arc<Mutex<bool>>) -> Server {
    Server::start(move |req| {
        let name = req.path.trim_start_matches('/').to_string();
        if name == "down.xml" {
            return Reply::new(500, "down");
        }
        if name == "hills.xml" {
            while !*gate.lock().expect("gate") {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        Reply::new(200, fixture(&name)).header("Content-Type", "application/rss+xml")
    })
}

fn feed(server: &Server, path: &str, name: &str) -> Feed {
    Feed {
        url: server.url(path),
        name: Some(name.into()),
        tags: Vec::new(),
    }
}

fn titles(app: &App) -> Vec<String> {
    app.shown()
        .iter()
        .map(|&e| app.corpus().entries[e].article.title.clone())
        .collect()
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(110, 30)).expect("terminal");
    terminal
        .draw(|f| hearsay::ui::render(f, app, &Theme::dark(), &KeyMap::default()))
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Applies the reports that come until `done` holds of the last one.
fn pump(
    app: &mut App,
    performer: &mut Performer,
    reports: &Receiver<Event>,
    done: impl Fn(&Report) -> bool,
) {
    loop {
        let event = reports.recv_timeout(WAIT).expect("a report");
        let Event::Report(report) = event else {
            continue;
        };
        let stop = done(&report);
        for effect in receive(app, *report) {
            performer.perform(effect).expect("perform");
        }
        if stop {
            return;
        }
    }
}

/// An app showing two kept articles, as if read from the cache.
fn app_with_two_articles() -> App {
    let mut app = App::new(Corpus::default(), Vec::new());
    app.start_loading();
    let entries: Vec<_> = ["Kept story one", "Kept story two"]
        .iter()
        .map(|t| {
            hearsay::corpus::Entry::new(hearsay::article::Article::from_text(
                *t,
                format!("{t}\n\n“Fine,” Ada Quill said.\n"),
            ))
        })
        .collect();
    app.append(Batch {
        names: entries
            .iter()
            .map(hearsay::corpus::resolved_speakers)
            .collect(),
        progress: Progress {
            articles: 2,
            quotes: 2,
            done: true,
            ..Progress::default()
        },
        entries,
        problems: Vec::new(),
    });
    app
}

#[test]
fn r_refreshes_in_the_background_and_new_articles_head_the_list() {
    let gate = Arc::new(Mutex::new(false));
    let server = server(Arc::clone(&gate));
    let data = tempfile::tempdir().expect("data dir");
    let feeds = vec![
        feed(&server, "/bay.xml", "Bay Courier"),
        feed(&server, "/hills.xml", "Hill Gazette"),
        feed(&server, "/down.xml", "Down Feed"),
    ];
    let (performer, reports) = Performer::new();
    let mut performer = performer.with_subscriptions(Subscriptions {
        feeds,
        data_dir: data.path().to_path_buf(),
        options: Default::default(),
        concurrency: 3,
    });
    let mut app = app_with_two_articles();
    app.follow(3, true);
    update(&mut app, Action::Down);
    assert_eq!(titles(&app)[app.selected()], "Kept story two");

    for effect in update(&mut app, Action::Refresh) {
        performer.perform(effect).expect("perform");
    }
    // Two feeds answer; the third is held back by the server.
    while app.refreshing().is_some_and(|r| r.done < 2) {
        pump(&mut app, &mut performer, &reports, |_| true);
    }
    let r = app.refreshing().expect("still refreshing");
    assert_eq!((r.done, r.total), (2, 3));
    assert!(
        screen(&app).contains("fetching 2/3 feeds…"),
        "{}",
        screen(&app)
    );
    // Keys act meanwhile, and the new articles did not move the selection.
    assert_eq!(titles(&app)[app.selected()], "Kept story two");
    assert_eq!(
        titles(&app)[..2],
        [
            "Ferry timetable changes",
            "Harbour lighthouse gets a new keeper"
        ]
    );
    update(&mut app, Action::Up);
    assert_eq!(titles(&app)[app.selected()], "Kept story one");

    *gate.lock().expect("gate") = true;
    pump(&mut app, &mut performer, &reports, |r| {
        matches!(r, Report::Refreshed)
    });
    assert_eq!(app.refreshing(), None);
    assert_eq!(titles(&app)[0], "Orchard harvest breaks a record");
    assert_eq!(titles(&app).len(), 5);
    assert_eq!(titles(&app)[app.selected()], "Kept story one");
    let shown = screen(&app);
    assert!(
        shown.contains("3 feeds: 3 new, 1 failed (press ! for details)"),
        "{shown}"
    );
    update(&mut app, Action::OpenMessages);
    assert!(
        screen(&app).contains("refresh: Down Feed: HTTP 500"),
        "{}",
        screen(&app)
    );
    update(&mut app, Action::Cancel);

    // A second refresh brings nothing new and lists nothing twice.
    for effect in update(&mut app, Action::Refresh) {
        performer.perform(effect).expect("perform");
    }
    pump(&mut app, &mut performer, &reports, |r| {
        matches!(r, Report::Refreshed)
    });
    assert_eq!(titles(&app).len(), 5);
    assert!(
        app.message()
            .is_some_and(|m| m.starts_with("3 feeds: 0 new, 1 failed")),
        "{:?}",
        app.message()
    );
    drop(server);
}

#[test]
fn the_interval_asks_for_a_refresh_and_nothing_fetches_without_feeds() {
    let (performer, reports) = Performer::new();
    let mut performer = performer.refresh_every(0, true);
    let mut app = app_with_two_articles();
    let Ok(Event::Report(report)) = reports.recv_timeout(WAIT) else {
        panic!("no refresh asked for");
    };
    assert_eq!(*report, Report::RefreshDue);
    // Without subscriptions the app does not ask.
    assert!(receive(&mut app, *report).is_empty());
    app.follow(1, true);
    let effects = receive(&mut app, Report::RefreshDue);
    assert_eq!(effects.len(), 1);
    // A performer with no subscriptions ends the refresh at once.
    for effect in effects {
        performer.perform(effect).expect("perform");
    }
    pump(&mut app, &mut performer, &reports, |r| {
        matches!(r, Report::Refreshed)
    });
    assert_eq!(app.refreshing(), None);
}
