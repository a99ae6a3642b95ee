//! `hearsay::fetch` against a server on 127.0.0.1 that the test starts and
//! stops: success, conditional requests, statuses, redirects, timeouts,
//! broken connections, compression and size limits.

mod http_support;

use std::io::Write as _;
use std::time::Duration;

use hearsay::fetch::{FetchOptions, Fetched, Fetcher, Reason, Validators};
use http_support::{Reply, Server};

const FEED: &str = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bay</title>\
    <item><title>Ferry fares fall</title><description>“Fares fall,” said Ana Ruiz.</description></item>\
    </channel></rss>";

fn fetcher(max_size: u64) -> Fetcher {
    Fetcher::new(&FetchOptions {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(2),
        max_size,
    })
}

fn reason(r: Result<Fetched, hearsay::fetch::FetchError>) -> Reason {
    match r {
        Err(e) => e.reason,
        Ok(f) => panic!("expected a failure, got {f:?}"),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("compress");
    enc.finish().expect("compress")
}

#[test]
fn a_feed_then_a_304_when_unchanged() {
    let server = Server::start(|req| {
        if req.header("if-none-match") == Some("\"v1\"") {
            return Reply::new(304, "");
        }
        assert!(
            req.header("user-agent")
                .is_some_and(|u| u.starts_with("hearsay/"))
        );
        Reply::new(200, FEED)
            .header("Content-Type", "application/rss+xml; charset=utf-8")
            .header("ETag", "\"v1\"")
            .header("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
    });
    let f = fetcher(1 << 20);
    let Fetched::Body(body) = f
        .fetch(&server.url("/feed.xml"), &Validators::default())
        .expect("200")
    else {
        panic!("expected a body");
    };
    assert_eq!(body.bytes, FEED.as_bytes());
    assert_eq!(
        body.content_type.as_deref(),
        Some("application/rss+xml; charset=utf-8")
    );
    assert_eq!(body.validators.etag.as_deref(), Some("\"v1\""));
    let again = f
        .fetch(&server.url("/feed.xml"), &body.validators)
        .expect("304");
    assert_eq!(again, Fetched::NotModified);
}

#[test]
fn statuses_are_named_with_retry_after() {
    let server = Server::start(|req| match req.path.as_str() {
        "/missing" => Reply::new(404, "no"),
        "/broken" => Reply::new(500, "oops"),
        _ => Reply::new(429, "slow down").header("Retry-After", "120"),
    });
    let f = fetcher(1 << 20);
    let none = Validators::default();
    assert_eq!(
        reason(f.fetch(&server.url("/missing"), &none)),
        Reason::Status {
            status: 404,
            retry_after: None
        }
    );
    assert_eq!(
        reason(f.fetch(&server.url("/broken"), &none)),
        Reason::Status {
            status: 500,
            retry_after: None
        }
    );
    let e = f.fetch(&server.url("/busy"), &none).expect_err("429");
    assert_eq!(
        e.reason,
        Reason::Status {
            status: 429,
            retry_after: Some(120)
        }
    );
    let message = e.to_string();
    assert!(
        message.contains("/busy") && message.contains("HTTP 429, retry after 120 s"),
        "{message}"
    );
}

#[test]
fn redirect_chains_are_followed_and_loops_stopped() {
    let server = Server::start(|req| {
        let p = req.path.as_str();
        if let Some(n) = p.strip_prefix("/hop/") {
            let n: u32 = n.parse().unwrap_or(0);
            let next = if n == 0 {
                "/feed.xml".to_string()
            } else {
                format!("/hop/{}", n - 1)
            };
            return Reply::new(301, "").header("Location", &next);
        }
        if p == "/loop" {
            return Reply::new(302, "").header("Location", "/loop");
        }
        Reply::new(200, FEED)
    });
    let f = fetcher(1 << 20);
    let none = Validators::default();
    let Fetched::Body(body) = f.fetch(&server.url("/hop/3"), &none).expect("4 redirects") else {
        panic!("a body");
    };
    assert!(body.url.ends_with("/feed.xml"), "{}", body.url);
    assert_eq!(
        reason(f.fetch(&server.url("/hop/7"), &none)),
        Reason::TooManyRedirects
    );
    assert_eq!(
        reason(f.fetch(&server.url("/loop"), &none)),
        Reason::TooManyRedirects
    );
}

#[test]
fn slow_cut_refused_and_bad_urls_fail_with_their_reason() {
    let server = Server::start(|req| match req.path.as_str() {
        "/slow" => Reply {
            delay: Duration::from_secs(4),
            ..Reply::new(200, FEED)
        },
        _ => Reply {
            cut_at: Some(40),
            ..Reply::new(200, FEED)
        },
    });
    let f = fetcher(1 << 20);
    let none = Validators::default();
    assert_eq!(
        reason(f.fetch(&server.url("/slow"), &none)),
        Reason::Timeout
    );
    assert!(matches!(
        reason(f.fetch(&server.url("/cut"), &none)),
        Reason::Broken(_)
    ));
    // A port nobody listens on: bound, then closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    assert_eq!(
        reason(f.fetch(&format!("http://127.0.0.1:{port}/"), &none)),
        Reason::Connect
    );
    assert!(matches!(
        reason(f.fetch("ftp://127.0.0.1/x", &none)),
        Reason::BadUrl(_)
    ));
}

#[test]
fn gzip_is_read_and_the_limit_holds_after_decompression() {
    let small = gzip(FEED.as_bytes());
    let bomb = gzip(&vec![b' '; 8 << 20]);
    assert!(bomb.len() < 64 << 10, "the bomb is small on the wire");
    let server = Server::start(move |req| match req.path.as_str() {
        "/gz" => Reply::new(200, small.clone()).header("Content-Encoding", "gzip"),
        "/bomb" => Reply::new(200, bomb.clone()).header("Content-Encoding", "gzip"),
        _ => Reply::new(200, vec![b'x'; 2 << 20]),
    });
    let f = fetcher(1 << 20);
    let none = Validators::default();
    let Fetched::Body(body) = f.fetch(&server.url("/gz"), &none).expect("gzip") else {
        panic!("a body");
    };
    assert_eq!(body.bytes, FEED.as_bytes());
    assert_eq!(
        reason(f.fetch(&server.url("/bomb"), &none)),
        Reason::TooBig(1 << 20)
    );
    assert_eq!(
        reason(f.fetch(&server.url("/big"), &none)),
        Reason::TooBig(1 << 20)
    );
}
