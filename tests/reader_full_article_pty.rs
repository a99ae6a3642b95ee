//! `F` in a terminal: the real binary in a pseudo-terminal, subscribed to
//! a feed on a 127.0.0.1 server the test starts whose one item carries
//! only a summary and a link to a page on the same server. `F` fetches
//! the page in the background and puts its story, with its quotes, in
//! place of the summary; the cache keeps it, so the next start, offline,
//! still reads the full story. A link that answers 404 is named with its
//! reason in the status bar.

#[allow(dead_code)] // each test binary uses part of it
mod http_support;
mod pty_support;

use http_support::{Reply, Server};
use pty_support::Launch;

const FEED: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Quay Post</title><link>http://quay.example/</link>
<item><title>Footbridge plan returns</title><link>LINK</link><guid>quay-1</guid>
<description>The council looks again at the footbridge.</description></item>
<item><title>Lost page</title><link>GONE</link><guid>quay-2</guid>
<description>A story whose page is gone.</description></item>
</channel></rss>"#;

const PAGE: &str = "<!doctype html><html><head><title>Footbridge plan returns</title></head>
<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>
<h1>Footbridge plan returns</h1>
<p>The harbour council voted on Tuesday to look again at a footbridge over the
inner basin, three years after the first plan was dropped for its cost.</p>
<p>“We will build the bridge this time,” said Mara Quent, who chairs the council's
works committee, after the vote. She said the new design was lighter and cheaper.</p>
<p>Opponents said the money would be better spent on the ferry, which carries most
of the people who cross the basin each morning and has not been refitted in years.</p>
<p>“The ferry works and the bridge is a folly,” said Ivo Lenz, a ferry captain.
The council meets again in May to choose between the two designs on its table.</p>
</article><footer>Quay Post · all rights reserved</footer></body></html>";

fn server() -> Server {
    // The server's own address goes into the feed, so it is read per request.
    Server::start(|req| match req.path.as_str() {
        "/feed.xml" => {
            let host = req.header("host").unwrap_or("127.0.0.1");
            let feed = FEED
                .replace("LINK", &format!("http://{host}/story.html"))
                .replace("GONE", &format!("http://{host}/gone.html"));
            Reply::new(200, feed).header("Content-Type", "application/rss+xml")
        }
        "/story.html" => Reply::new(200, PAGE).header("Content-Type", "text/html; charset=utf-8"),
        _ => Reply::new(404, "not here"),
    })
}

#[test]
#[cfg(unix)]
fn f_fetches_the_full_story_in_place_of_the_summary_and_the_cache_keeps_it() {
    let home = tempfile::tempdir().expect("home");
    let data = home.path().join("data");
    let server = server();
    let config = home.path().join("config.toml");
    let text = format!(
        "refresh_minutes = 0\n\n[[feed]]\nurl = \"{}\"\nname = \"Quay Post\"\n",
        server.url("/feed.xml")
    );
    std::fs::write(&config, text).expect("write config");
    let args = ["--config", config.to_str().expect("path")];
    let mut s = Launch::new(args).data_dir(&data).start();
    s.send("r");
    s.settle("the refreshed headlines", |sc| {
        sc.contains("1 feed: 2 new") && sc.contains("Footbridge plan returns")
    });
    // The list is newest first: find the footbridge item and open it.
    let screen = s.settle("a summary", |sc| sc.contains("Quay Post"));
    let second = !screen.contains("looks again at the footbridge");
    if second {
        s.send("j");
    }
    s.settle("the summary", |sc| {
        sc.contains("looks again at the footbridge")
    });
    s.send("F");
    let screen = s.settle("the full story", |sc| {
        sc.contains("The full article from") && sc.contains("Mara Quent")
    });
    assert!(screen.contains("2 quotes"), "{screen}");
    assert!(screen.contains("Footbridge plan returns"), "{screen}");
    assert!(
        !screen.contains("looks again at the footbridge"),
        "{screen}"
    );

    // The page that is gone: its link and the reason, in the status bar.
    s.send(if second { "k" } else { "j" });
    s.settle("the lost page's summary", |sc| {
        sc.contains("A story whose page is gone")
    });
    s.send("F");
    let screen = s.settle("the failure", |sc| {
        sc.contains("Could not fetch the full article")
    });
    assert!(screen.contains("404"), "{screen}");
    s.quit_ok();

    // Offline, the cache gives the full story back.
    drop(server);
    let mut s = Launch::new(args).data_dir(&data).start();
    s.settle("the cached headlines", |sc| {
        sc.contains("Footbridge plan returns")
    });
    let screen = s.settle("a cached article", |sc| sc.contains("Quay Post"));
    if !screen.contains("Mara Quent") {
        s.send("j");
    }
    let screen = s.settle("the kept full story", |sc| sc.contains("Mara Quent"));
    assert!(
        !screen.contains("looks again at the footbridge"),
        "{screen}"
    );
    s.quit_ok();
}
