//! Fetching feeds and pages over HTTP(S) with `ureq` (rustls, gzip and
//! brotli): connect and total timeouts, at most five redirects, the size
//! limit applied to the decoded body while it is read (so a gzip bomb stops
//! at the limit), and a User-Agent naming hearsay and its version.

use std::time::Duration;

use ureq::ResponseExt as _;

/// Whether an argument names a URL hearsay fetches rather than a path.
pub(crate) fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The local path a `file:` URL names.
pub(crate) fn file_url_path(arg: &str) -> Option<std::path::PathBuf> {
    let rest = arg.strip_prefix("file://")?;
    // `file:///x` and `file://localhost/x`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    rest.starts_with('/').then(|| percent_decoded(rest).into())
}

fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How a fetch is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchOptions {
    /// The most bytes of body read (after decompression).
    pub max_size: u64,
    /// How long connecting may take.
    pub connect_timeout: Duration,
    /// How long the whole fetch may take, body included.
    pub total_timeout: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            max_size: super::DEFAULT_MAX_SIZE,
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
        }
    }
}

/// The most redirects followed.
pub const MAX_REDIRECTS: u32 = 5;

/// Why a URL could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The host name does not resolve.
    #[error("host not found (DNS)")]
    HostNotFound,
    /// Nothing listens there.
    #[error("connection refused or failed")]
    Refused,
    /// Too slow.
    #[error("timed out ({0})")]
    Timeout(String),
    /// The server answered with an error (or a 304 nobody asked for).
    #[error("HTTP status {0}")]
    Status(u16),
    /// Redirected more than [`MAX_REDIRECTS`] times, or in a loop.
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    /// The body is bigger than the limit.
    #[error("skipped: bigger than the limit of {0}; raise it with --max-size")]
    TooBig(String),
    /// The server says it sent neither a feed nor a page.
    #[error("not a feed or a page: Content-Type {0}")]
    NotFeedOrPage(String),
    /// Anything else: a broken connection, TLS, a bad URL.
    #[error("{0}")]
    Other(String),
}

/// A fetched body with what the server said about it.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    /// The `Content-Type` header, when there was one.
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub body: Vec<u8>,
}

impl Fetched {
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

/// Fetches `url`.
pub fn fetch(url: &str, options: &FetchOptions) -> Result<Fetched, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(options.connect_timeout))
        .timeout_global(Some(options.total_timeout))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(format!("hearsay/{}", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5")
        .call()
        .map_err(|e| error(e, options))?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status(status));
    }
    let final_url = response.get_uri().to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(ct) = &content_type {
        if !readable_type(ct) {
            return Err(FetchError::NotFeedOrPage(ct.clone()));
        }
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(options.max_size)
        .read_to_vec()
        .map_err(|e| error(e, options))?;
    Ok(Fetched {
        url: final_url,
        content_type,
        body,
    })
}

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

fn error(e: ureq::Error, options: &FetchOptions) -> FetchError {
    match e {
        ureq::Error::StatusCode(s) => FetchError::Status(s),
        ureq::Error::HostNotFound => FetchError::HostNotFound,
        ureq::Error::ConnectionFailed => FetchError::Refused,
        ureq::Error::Timeout(t) => FetchError::Timeout(format!(
            "{t:?}; the limits are {} s to connect, {} s in all",
            options.connect_timeout.as_secs(),
            options.total_timeout.as_secs()
        )),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => FetchError::TooManyRedirects,
        ureq::Error::BodyExceedsLimit(_) => {
            FetchError::TooBig(super::load::human_size(options.max_size))
        }
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            FetchError::Refused
        }
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            FetchError::Timeout(io.to_string())
        }
        other => FetchError::Other(other.to_string()),
    }
}

/// A file name whose extension tells the loader what the server said it
/// sent, for a body whose content alone does not tell.
pub(crate) fn hint_name(fetched: &Fetched) -> &'static str {
    let ct = fetched
        .content_type
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    if ct.contains("html") {
        "page.html"
    } else if ct.contains("json") {
        "feed.json"
    } else if ct.contains("xml") || ct.contains("rss") || ct.contains("atom") {
        "feed.xml"
    } else {
        "page.txt"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_file_urls() {
        assert!(is_url("http://x/feed") && is_url("HTTPS://x") && !is_url("feed.xml"));
        assert!(!is_url("htt"));
        assert_eq!(
            file_url_path("file:///a%20b/c.xml"),
            Some("/a b/c.xml".into())
        );
        assert_eq!(file_url_path("file://localhost/x"), Some("/x".into()));
        assert_eq!(file_url_path("file://host/x"), None);
        assert_eq!(file_url_path("file:///%e2%80%9c%"), Some("/“%".into()));
    }

    #[test]
    fn charsets_and_types() {
        let f = Fetched {
            url: String::new(),
            content_type: Some("text/xml; Charset=\"KOI8-R\"".into()),
            body: Vec::new(),
        };
        assert_eq!(f.charset(), Some("KOI8-R"));
        assert_eq!(hint_name(&f), "feed.xml");
        assert!(readable_type("application/rss+xml") && readable_type("application/feed+json"));
        assert!(!readable_type("image/png") && !readable_type("application/pdf"));
    }
}
