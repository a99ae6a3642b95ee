//! URL inputs are fetched a few at a time and loaded in the order given,
//! against a server the test starts on 127.0.0.1.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use hearsay::article::{LoadOptions, load_paths_with};

mod http_support;
use http_support::{Reply, Server};

/// Requests being answered now, and the most there ever were at once.
#[derive(Default)]
struct InFlight {
    now: usize,
    most: usize,
}

fn page(n: usize) -> String {
    format!(
        "<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>\
         <p>The harbour board met on day {n} and said the pier would reopen in \
         spring, after repairs to its deck and railings were paid for.</p>\
         <p>“We owe it to the town,” said Ines Barros, who chairs the board.</p>\
         </article></body></html>"
    )
}

#[test]
fn urls_are_fetched_together_and_loaded_in_order() {
    let flight = Arc::new((Mutex::new(InFlight::default()), Condvar::new()));
    let seen = Arc::clone(&flight);
    let server = Server::start(move |req| {
        let (lock, changed) = &*seen;
        let mut f = lock.lock().expect("lock");
        f.now += 1;
        f.most = f.most.max(f.now);
        changed.notify_all();
        // Hold each answer until a second request is in flight (or a while
        // has passed): one fetch at a time never gets there.
        let (mut f, _) = changed
            .wait_timeout_while(f, Duration::from_secs(3), |f| f.now < 2 && f.most < 2)
            .expect("lock");
        f.now -= 1;
        let n: usize = req
            .path
            .trim_start_matches("/story")
            .trim_end_matches(".html")
            .parse()
            .unwrap_or(0);
        Reply::new(200, page(n)).header("Content-Type", "text/html; charset=utf-8")
    });
    let paths: Vec<PathBuf> = (1..=6)
        .map(|n| PathBuf::from(server.url(&format!("/story{n}.html"))))
        .collect();
    let loaded = load_paths_with(&paths, &LoadOptions::default());
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Story 1", "Story 2", "Story 3", "Story 4", "Story 5", "Story 6"
        ],
        "in the order given: {:?}",
        loaded.problems
    );
    let most = flight.0.lock().expect("lock").most;
    assert!(most >= 2, "at most {most} request at a time");

    // The reader's and `speakers`' loader too, on one parsing thread.
    flight.0.lock().expect("lock").most = 0;
    let mut titles = Vec::new();
    hearsay::loader::run(
        &paths,
        1,
        |e| e.article.title,
        |done| {
            titles.extend(done.items);
            std::ops::ControlFlow::Continue(())
        },
    );
    assert_eq!(titles.len(), 6);
    assert!(
        titles
            .iter()
            .enumerate()
            .all(|(i, t)| *t == format!("Story {}", i + 1)),
        "{titles:?}"
    );
    let most = flight.0.lock().expect("lock").most;
    assert!(most >= 2, "the loader: at most {most} request at a time");
}

#[test]
fn a_failing_url_among_others_is_named_and_the_rest_load() {
    let server = Server::start(|req| {
        let ours = req
            .header("user-agent")
            .is_some_and(|ua| ua.starts_with("hearsay/"));
        if req.path == "/gone.html" || !ours {
            Reply::new(404, "gone")
        } else {
            Reply::new(200, page(1)).header("Content-Type", "text/html")
        }
    });
    let paths = [
        PathBuf::from(server.url("/a.html")),
        PathBuf::from(server.url("/gone.html")),
        PathBuf::from(server.url("/b.html")),
    ];
    let loaded = load_paths_with(&paths, &LoadOptions::default());
    assert_eq!(loaded.articles.len(), 2, "{:?}", loaded.problems);
    let [problem] = loaded.problems.as_slice() else {
        panic!("one problem: {:?}", loaded.problems);
    };
    assert!(problem.to_string().contains("/gone.html"), "{problem}");
    assert!(problem.to_string().contains("404"), "{problem}");
}

#[test]
fn the_stream_says_how_many_urls_are_read() {
    let server = Server::start(|_| Reply::new(200, page(1)).header("Content-Type", "text/html"));
    let paths: Vec<PathBuf> = (1..=3)
        .map(|n| PathBuf::from(server.url(&format!("/s{n}.html"))))
        .collect();
    let mut seen = Vec::new();
    hearsay::loader::stream(&paths, |b| {
        seen.push((b.progress.urls_done, b.progress.urls, b.entries.len()));
        std::ops::ControlFlow::Continue(())
    });
    assert_eq!(
        seen.first(),
        Some(&(0, 3, 0)),
        "said before the first fetch"
    );
    let last = seen.last().copied().unwrap_or_default();
    assert_eq!((last.0, last.1), (3, 3), "{seen:?}");
    assert_eq!(seen.iter().map(|s| s.2).sum::<usize>(), 3);
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
}
