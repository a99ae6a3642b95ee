//! Fetching feeds and pages over HTTP(S) with `ureq`: connect and total
//! timeouts, at most 5 redirects, the size limit applied while the body is
//! read (after decompression, so a gzip bomb stops at the limit), gzip and
//! brotli, a User-Agent naming hearsay and its version, and conditional
//! requests (ETag, Last-Modified) so an unchanged feed costs one 304.
//!
//! Every failure is a [`FetchError`] that names the URL and the reason a
//! person can act on: the host not found, refused, a timeout, an HTTP status
//! (with `Retry-After` when the server asks to wait), too big, too many
//! redirects, a body that is neither a feed nor a page.
//!
//! This is hearsay's one HTTP client: `hearsay fetch` and the reader's
//! refresh (conditional, with [`Validators`]) and URLs given as inputs
//! ([`Fetcher::get`], through `article::load`) all go through it.

use std::time::Duration;

use ureq::ResponseExt as _;

/// How fetching behaves.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Time to connect.
    pub connect_timeout: Duration,
    /// Time for the whole exchange, body included.
    pub total_timeout: Duration,
    /// The most body bytes read (after decompression).
    pub max_size: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_size: crate::article::DEFAULT_MAX_SIZE,
        }
    }
}

/// What a conditional request sends back: the validators of the last copy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The last `ETag`.
    pub etag: Option<String>,
    /// The last `Last-Modified`.
    pub last_modified: Option<String>,
}

/// A fetched body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The URL it came from, after redirects.
    pub url: String,
    /// `Content-Type`, as sent.
    pub content_type: Option<String>,
    /// The bytes, decompressed.
    pub bytes: Vec<u8>,
    /// Validators for the next conditional request.
    pub validators: Validators,
}

impl Body {
    /// The `charset` parameter of the Content-Type.
    pub fn charset(&self) -> Option<&str> {
        let ct = self.content_type.as_deref()?;
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches(['"', '\'']))
        })
    }
}

/// What a fetch gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// A new copy.
    Body(Body),
    /// 304: the copy kept is current.
    NotModified,
}

/// Why a fetch failed, with the URL.
#[derive(Debug, thiserror::Error)]
#[error("{url}: {reason}")]
pub struct FetchError {
    /// The URL asked for.
    pub url: String,
    /// Why.
    pub reason: Reason,
}

/// Why a fetch failed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Reason {
    /// Not an http(s) URL hearsay can ask for.
    #[error("not a URL hearsay can fetch ({0})")]
    BadUrl(String),
    /// DNS found no such host.
    #[error("host not found")]
    HostNotFound,
    /// Nothing answered, or the connection was refused.
    #[error("connection failed (refused or unreachable)")]
    Connect,
    /// Too slow.
    #[error("timed out")]
    Timeout,
    /// The server answered with an error status.
    #[error("HTTP {status}{}", retry_after.map(|s| format!(", retry after {s} s")).unwrap_or_default())]
    Status {
        /// The status code.
        status: u16,
        /// Seconds to wait, when the server said (429, 503).
        retry_after: Option<u64>,
    },
    /// The body is over the size limit.
    #[error("skipped: bigger than the limit of {}; raise it with --max-size", crate::article::human_size(*.0))]
    TooBig(u64),
    /// The server says it sent something that holds no news (an image, a
    /// PDF).
    #[error("not a feed or a page: Content-Type {0}")]
    NotFeedOrPage(String),
    /// A redirect loop or chain longer than 5.
    #[error("too many redirects")]
    TooManyRedirects,
    /// The connection broke or the body could not be decoded.
    #[error("{0}")]
    Broken(String),
}

/// Fetches URLs; one agent shares connections between fetches.
#[derive(Debug, Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    max_size: u64,
}

/// The User-Agent hearsay sends.
pub const USER_AGENT: &str = concat!("hearsay/", env!("CARGO_PKG_VERSION"));

impl Fetcher {
    /// A fetcher with these options.
    pub fn new(options: &FetchOptions) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .timeout_connect(Some(options.connect_timeout))
            .timeout_global(Some(options.total_timeout))
            .max_redirects(5)
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .build()
            .new_agent();
        Fetcher {
            agent,
            max_size: options.max_size,
        }
    }

    /// Fetches `url` unconditionally; a 304 nobody asked for is an error.
    pub fn get(&self, url: &str) -> Result<Body, FetchError> {
        match self.fetch(url, &Validators::default())? {
            Fetched::Body(body) => Ok(body),
            Fetched::NotModified => Err(FetchError {
                url: url.to_string(),
                reason: Reason::Status {
                    status: 304,
                    retry_after: None,
                },
            }),
        }
    }

    /// Fetches `url`, conditionally when `validators` are given.
    pub fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let fail = |reason| FetchError {
            url: url.to_string(),
            reason,
        };
        let lower = url.trim().to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(fail(Reason::BadUrl("only http and https".into())));
        }
        let mut request = self.agent.get(url.trim());
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request
            .header("Accept", ACCEPT)
            .call()
            .map_err(|e| fail(reason(e, self.max_size)))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if !(200..300).contains(&status) {
            let retry_after = header("retry-after").and_then(|v| v.trim().parse().ok());
            return Err(fail(Reason::Status {
                status,
                retry_after,
            }));
        }
        let content_type = header("content-type");
        if let Some(ct) = content_type.as_deref().filter(|ct| !readable_type(ct)) {
            return Err(fail(Reason::NotFeedOrPage(ct.to_string())));
        }
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.max_size)
            .read_to_vec()
            .map_err(|e| fail(reason(e, self.max_size)))?;
        Ok(Fetched::Body(Body {
            url: final_url,
            content_type,
            bytes,
            validators,
        }))
    }
}

/// What hearsay asks for: feeds first, then pages.
const ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
                      application/xml;q=0.9, text/html;q=0.9, */*;q=0.5";

/// Whether a Content-Type can hold a feed or a page.
fn readable_type(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime.is_empty()
        || mime.starts_with("text/")
        || mime.ends_with("xml")
        || mime.ends_with("json")
        || mime == "application/octet-stream"
}

fn reason(e: ureq::Error, max_size: u64) -> Reason {
    match e {
        ureq::Error::HostNotFound => Reason::HostNotFound,
        ureq::Error::ConnectionFailed => Reason::Connect,
        ureq::Error::Timeout(_) => Reason::Timeout,
        ureq::Error::BodyExceedsLimit(_) => Reason::TooBig(max_size),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => Reason::TooManyRedirects,
        ureq::Error::BadUri(u) => Reason::BadUrl(u),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            Reason::Connect
        }
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Reason::Timeout,
        other => Reason::Broken(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_pages_and_text_are_readable_types_images_are_not() {
        for ct in [
            "application/rss+xml",
            "application/feed+json",
            "text/html; charset=utf-8",
            "",
            "application/octet-stream",
        ] {
            assert!(readable_type(ct), "{ct}");
        }
        for ct in ["image/png", "application/pdf", "video/mp4"] {
            assert!(!readable_type(ct), "{ct}");
        }
    }

    #[test]
    fn the_charset_comes_from_the_content_type() {
        let body = |ct: Option<&str>| Body {
            url: String::new(),
            content_type: ct.map(str::to_string),
            bytes: Vec::new(),
            validators: Validators::default(),
        };
        assert_eq!(
            body(Some("text/xml; Charset='KOI8-R'")).charset(),
            Some("KOI8-R")
        );
        assert_eq!(body(Some("text/html")).charset(), None);
        assert_eq!(body(None).charset(), None);
    }
}
