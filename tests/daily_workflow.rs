//! The daily workflow end to end, against a feed server on 127.0.0.1 that
//! the test starts and stops: subscribe, fetch (conditional the second
//! time), search, then read offline from the cache once the server is gone.

mod http_support;
mod pty_support;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use http_support::{Reply, Server, feed_fixture};
use pty_support::Launch;

struct Home {
    _dir: tempfile::TempDir,
    config: PathBuf,
    data: PathBuf,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("dir");
        Home {
            config: dir.path().join("config.toml"),
            data: dir.path().join("data"),
            _dir: dir,
        }
    }
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_hearsay"))
            .arg("--config")
            .arg(&self.config)
            .arg("--data-dir")
            .arg(&self.data)
            .args(args)
            .output()
            .expect("run hearsay")
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn subscribe_fetch_search_and_read_offline() {
    let full = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&full);
    let server = Server::start(move |req| {
        let name = req.path.trim_start_matches('/');
        if name == "down.xml" {
            return Reply::new(500, "down for maintenance");
        }
        let etag = format!("\"{name}-v1\"");
        if req.header("if-none-match") == Some(etag.as_str()) {
            return Reply::new(304, "");
        }
        counter.fetch_add(1, Ordering::SeqCst);
        Reply::new(200, feed_fixture(name))
            .header("Content-Type", "application/rss+xml")
            .header("ETag", &etag)
    });
    let home = Home::new();
    for (feed, name) in [
        ("bay.xml", "Bay Courier"),
        ("hills.xml", "Hill Gazette"),
        ("river.xml", "River Post"),
    ] {
        let out = home.run(&["add", &server.url(&format!("/{feed}")), "--name", name]);
        assert!(out.status.success(), "{}", text(&out));
    }
    let out = home.run(&["fetch"]);
    assert!(out.status.success(), "{}", text(&out));
    let summary = text(&out);
    assert!(
        summary.contains("Bay Courier: 2 articles, 2 new"),
        "{summary}"
    );
    assert!(
        summary.contains("3 feeds: 3 updated (4 new articles), 0 unchanged"),
        "{summary}"
    );
    assert_eq!(full.load(Ordering::SeqCst), 3);

    // The second fetch asks conditionally and gets 304s.
    let again = home.run(&["fetch"]);
    assert!(
        text(&again).contains("0 updated (0 new articles), 3 unchanged"),
        "{}",
        text(&again)
    );
    assert_eq!(
        full.load(Ordering::SeqCst),
        3,
        "no full body the second time"
    );

    // A failing feed is named, the others still fetched, exit 2.
    let out = home.run(&["add", &server.url("/down.xml"), "--name", "Down Feed"]);
    assert!(out.status.success());
    let out = home.run(&["fetch"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("Down Feed: error: HTTP 500"),
        "{}",
        text(&out)
    );

    let found = home.run(&["search", "lighthouse"]);
    assert!(
        text(&found).contains("Harbour lighthouse gets a new keeper"),
        "{}",
        text(&found)
    );
    let by_speaker = home.run(&["search", "speaker:Marchetti", "frost"]);
    assert_eq!(
        String::from_utf8_lossy(&by_speaker.stdout).lines().count(),
        1,
        "{}",
        text(&by_speaker)
    );

    // The server goes; the reader opens on the cache.
    drop(server);
    let mut s = Launch::new(["--config", home.config.to_str().expect("path")])
        .data_dir(&home.data)
        .start();
    let (screen, _) = s.wait_for("the cached headlines", |sc| {
        sc.contains("Orchard harvest breaks a record") && sc.contains("Footbridge reopens")
    });
    assert!(!screen.contains("bundled"), "{screen}");
    s.quit_ok();
}
