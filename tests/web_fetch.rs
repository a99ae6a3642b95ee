//! Fetching feeds and pages from a server the test starts on 127.0.0.1
//! (never the internet), through the library and through `hearsay quotes`.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::Duration;

use hearsay::article::{LoadOptions, load_paths_with};
use hearsay::fetch::{FetchOptions, Fetcher, Reason};

mod web_support;
use web_support::Server;

fn quick() -> FetchOptions {
    FetchOptions {
        max_size: 1 << 20,
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(2),
    }
}

/// Why fetching `url` failed (what URL inputs report), or `None`.
fn fetch_error(url: &str, options: &FetchOptions) -> Option<Reason> {
    Fetcher::new(options).get(url).err().map(|e| {
        assert_eq!(e.url, url, "the error names the URL");
        e.reason
    })
}

#[test]
fn a_feed_and_a_page_load_from_their_urls() {
    let server = Server::start();
    let loaded = load_paths_with(
        &[PathBuf::from(server.url("/feed.xml"))],
        &LoadOptions::default(),
    );
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Ferry fares frozen", "Bridge opens"],
        "{:?}",
        loaded.problems
    );
    assert_eq!(
        loaded.articles[0].source.as_deref(),
        Some("Harbour Gazette")
    );
    let loaded = load_paths_with(
        &[PathBuf::from(server.url("/page.html"))],
        &LoadOptions::default(),
    );
    let [page] = loaded.articles.as_slice() else {
        panic!("{:?}", loaded.problems);
    };
    assert_eq!(page.title, "Pier to reopen");
    assert_eq!(page.url.as_deref(), Some("http://example.invalid/pier"));
    assert!(
        page.text
            .contains("“We owe it to the fishermen to open it again.”"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("Sport"));
}

#[test]
fn content_tells_a_feed_served_as_text() {
    let server = Server::start();
    let loaded = load_paths_with(
        &[PathBuf::from(server.url("/feed-as-text"))],
        &LoadOptions::default(),
    );
    assert_eq!(loaded.articles.len(), 2, "{:?}", loaded.problems);
}

#[test]
fn gzip_bodies_and_charsets_decode() {
    let server = Server::start();
    let gz = Fetcher::new(&quick())
        .get(&server.url("/gzip"))
        .expect("gzip fetches");
    assert_eq!(gz.bytes, web_support::FEED.as_bytes());
    let loaded = load_paths_with(
        &[PathBuf::from(server.url("/koi8"))],
        &LoadOptions::default(),
    );
    assert_eq!(
        loaded.articles[0].title, "Паром подешевел",
        "{:?}",
        loaded.problems
    );
    // A header naming Latin-1 for a UTF-8 body is the header's mistake.
    let loaded = load_paths_with(
        &[PathBuf::from(server.url("/wrong-charset"))],
        &LoadOptions::default(),
    );
    assert!(
        loaded.articles[0].text.contains("Zoë Ruiz"),
        "{}",
        loaded.articles[0].text
    );
}

#[test]
fn redirects_are_followed_up_to_five() {
    let server = Server::start();
    let chain = Fetcher::new(&quick())
        .get(&server.url("/r1"))
        .expect("three redirects are fine");
    assert!(chain.url.ends_with("/feed.xml"), "{}", chain.url);
    assert_eq!(
        fetch_error(&server.url("/loop"), &quick()),
        Some(Reason::TooManyRedirects)
    );
}

#[test]
fn every_failure_is_named() {
    let server = Server::start();
    let err = |path: &str| fetch_error(&server.url(path), &quick());
    let status = |status| {
        Some(Reason::Status {
            status,
            retry_after: None,
        })
    };
    assert_eq!(err("/404"), status(404));
    assert_eq!(err("/500"), status(500));
    assert_eq!(err("/304"), status(304));
    assert!(matches!(err("/image"), Some(Reason::NotFeedOrPage(ct)) if ct == "image/png"));
    assert!(
        matches!(err("/slow"), Some(Reason::Timeout)),
        "{:?}",
        err("/slow")
    );
    assert!(err("/reset").is_some(), "a body cut short is an error");
    let small = FetchOptions {
        max_size: 4096,
        ..quick()
    };
    assert!(matches!(
        fetch_error(&server.url("/big"), &small),
        Some(Reason::TooBig(4096))
    ));
    // Sixteen MiB of spaces, gzipped to a few KiB, stop at the limit.
    assert!(matches!(
        fetch_error(&server.url("/bomb"), &quick()),
        Some(Reason::TooBig(_))
    ));
    // A port nobody listens on.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        l.local_addr().expect("bound").port()
    };
    let refused = fetch_error(&format!("http://127.0.0.1:{closed}/"), &quick());
    assert_eq!(refused, Some(Reason::Connect));
}

fn hearsay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        .output()
        .expect("hearsay runs")
}

#[test]
fn quotes_reads_urls_and_names_the_ones_that_fail() {
    let server = Server::start();
    let out = hearsay(&[
        "quotes",
        &server.url("/feed.xml"),
        &server.url("/page.html"),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        3,
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Ana Ruiz") && stdout.contains("Tomas Berg"),
        "{stdout}"
    );
    assert!(out.status.success());
    let missing = server.url("/404");
    let out = hearsay(&["quotes", &server.url("/feed.xml"), &missing]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&missing) && stderr.contains("404"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    assert!(!out.status.success());
}
