//! URLs among the inputs: which arguments are URLs, the path a `file:` URL
//! names, and what a fetched body's Content-Type says it is. The fetching
//! itself is [`crate::fetch::Fetcher`], hearsay's one HTTP client.

use crate::fetch::Body;

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

/// A file name whose extension tells the loader what the server said it
/// sent, for a body whose content alone does not tell.
pub(crate) fn hint_name(fetched: &Body) -> &'static str {
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
        let f = Body {
            url: String::new(),
            content_type: Some("text/xml; Charset=\"KOI8-R\"".into()),
            bytes: Vec::new(),
            validators: crate::fetch::Validators::default(),
        };
        assert_eq!(f.charset(), Some("KOI8-R"));
        assert_eq!(hint_name(&f), "feed.xml");
    }
}
