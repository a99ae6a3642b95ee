//! The feeds view in a terminal: the real binary in a pseudo-terminal,
//! its subscriptions on a feed server on 127.0.0.1 that the test starts
//! and stops. `f` lists the feeds with their unread counts, Enter lists
//! one feed's articles, `A` marks a feed read, and the marks are kept:
//! the next start, offline, still counts that feed as read.

#[allow(dead_code)] // each test binary uses part of it
mod http_support;
mod pty_support;

use http_support::{fixture_feeds_config, fixture_feeds_server};
use pty_support::{Launch, status};

#[test]
#[cfg(unix)]
fn feeds_view_lists_unread_counts_opens_a_feed_and_marks_it_read() {
    let home = tempfile::tempdir().expect("home");
    let data = home.path().join("data");
    let server = fixture_feeds_server();
    // Refreshed on `r` only.
    let config = fixture_feeds_config(home.path(), &server, "refresh_minutes = 0\n");
    let mut s = Launch::new(["--config", config.to_str().expect("path")])
        .data_dir(&data)
        .start();
    s.settle("the empty reader", |sc| status(sc).contains("0/0"));
    s.send("r");
    s.settle("the refreshed headlines", |sc| {
        sc.contains("3 feeds: 4 new")
    });

    s.send("f");
    // The view opens at once and its counts come from the store a moment
    // later: wait for them, not for the first frame of the view.
    let screen = s.settle("the feeds view with its counts", |sc| {
        sc.contains("Feeds · 3 subscriptions") && sc.contains("River Post") && sc.contains("unread")
    });
    assert!(screen.contains("Bay Courier  2 unread"), "{screen}");
    assert!(screen.contains("Hill Gazette  1 unread"), "{screen}");

    // Enter: the Bay Courier's two articles alone.
    s.send("\r");
    let screen = s.settle("one feed's articles", |sc| {
        sc.contains("2 articles from Bay Courier")
    });
    assert!(screen.contains("Ferry timetable changes"), "{screen}");
    assert!(!screen.contains("Orchard harvest"), "{screen}");

    // Back in the feeds view, `A` marks the Hill Gazette read.
    s.send("f");
    s.settle("the feeds view again", |sc| sc.contains("feed 1/3"));
    s.send("j");
    s.settle("the second feed", |sc| sc.contains("feed 2/3"));
    s.send("A");
    let screen = s.settle("the feed marked read", |sc| {
        sc.contains("Marked 1 article read in Hill Gazette")
    });
    assert!(!screen.contains("Hill Gazette  1 unread"), "{screen}");
    s.send("q");
    s.settle("the list", |sc| sc.contains("Headlines"));
    s.quit_ok();

    // The marks are kept: offline, the next start counts the feed read.
    drop(server);
    let mut s = Launch::new(["--config", config.to_str().expect("path")])
        .data_dir(&data)
        .start();
    s.settle("the cached headlines", |sc| {
        sc.contains("Footbridge reopens")
    });
    s.send("f");
    let screen = s.settle("the feeds view offline", |sc| {
        sc.contains("Feeds · 3 subscriptions") && sc.contains("River Post")
    });
    assert!(screen.contains("Bay Courier  2 unread"), "{screen}");
    assert!(!screen.contains("Hill Gazette  1 unread"), "{screen}");
    s.quit_ok();
}
