//! The reader following the news, as a person uses it in a terminal: the
//! real binary in a pseudo-terminal, its subscriptions on a feed server on
//! 127.0.0.1 that the test starts and stops. `r` fetches them in the
//! background; the next start shows the cached articles offline and says
//! the refresh failed; `/` searches the cache; `o` hands the link to the
//! stand-in browser in `$BROWSER` as its one argument.

#[allow(dead_code)] // each test binary uses part of it
mod http_support;
mod pty_support;

use std::path::{Path, PathBuf};

use http_support::{Reply, Server, fixture_feeds_config, fixture_feeds_server};
use pty_support::{Launch, status};

#[cfg(unix)]
fn stand_in_browser(dir: &Path) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt as _;
    let out = dir.join("browser-args");
    let script = dir.join("browser.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\n{{ echo \"$#\"; for a in \"$@\"; do echo \"$a\"; done; }} > '{}.tmp'\nmv '{0}.tmp' '{0}'\n",
            out.display()
        ),
    )
    .expect("write script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    (script, out)
}

#[test]
#[cfg(unix)]
fn refresh_read_offline_search_and_open() {
    let home = tempfile::tempdir().expect("home");
    let data = home.path().join("data");
    let server = fixture_feeds_server();
    let config = fixture_feeds_config(home.path(), &server, "refresh_minutes = 0\n");

    // Subscribed, nothing kept yet: the list is empty (no samples) until `r`.
    let mut s = Launch::new(["--config", config.to_str().expect("path")])
        .data_dir(&data)
        .start();
    s.settle("the empty reader", |sc| status(sc).contains("0/0"));
    s.send("r");
    let screen = s.settle("the refreshed headlines", |sc| {
        sc.contains("3 feeds: 4 new")
            && sc.contains("Orchard harvest breaks a record")
            && sc.contains("Harbour lighthouse gets a new keeper")
    });
    assert!(!screen.contains("failed"), "{screen}");
    s.quit_ok();

    // The server goes; the next start refreshes by itself (the default
    // interval), fails, and reads the cache offline.
    drop(server);
    let offline = Server::start(|_| Reply::new(503, "gone"));
    let config = pty_config_for(home.path(), &offline);
    let (browser, args) = stand_in_browser(home.path());
    let mut s = Launch::new(["--config", config.to_str().expect("path")])
        .data_dir(&data)
        .env("BROWSER", &browser)
        .start();
    let screen = s.settle("the cache and the failed refresh", |sc| {
        sc.contains("Footbridge reopens")
            && sc.contains("3 feeds: 0 new, 3 failed (press ! for details)")
    });
    assert!(screen.contains("Orchard harvest"), "{screen}");

    // `/` searches the cache: only the lighthouse story holds the word.
    s.send("/keeper\r");
    let screen = s.settle("the search's matches", |sc| {
        sc.contains("1 article matches") && !sc.contains("Footbridge reopens")
    });
    assert!(
        screen.contains("Harbour lighthouse gets a new keeper"),
        "{screen}"
    );

    // `o` hands its link to the browser, as one argument.
    s.send("o");
    let start = std::time::Instant::now();
    while !args.exists() {
        assert!(
            start.elapsed() < pty_support::STEP_TIMEOUT,
            "the browser was not started; screen:\n{}",
            s.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let got = std::fs::read_to_string(&args).expect("browser args");
    assert_eq!(got, "1\nhttps://bay.example.org/lighthouse\n");

    // Esc lists every article again.
    s.send("\x1b");
    s.settle("every article again", |sc| {
        sc.contains("Footbridge reopens")
    });
    s.quit_ok();
}

/// The same feeds, now on `server`, refreshed at start.
fn pty_config_for(dir: &Path, server: &Server) -> PathBuf {
    fixture_feeds_config(dir, server, "refresh_minutes = 30\n")
}
