//! Bytes of a feed or a page to text, in the order browsers and feed readers
//! use: a byte order mark, then the transport's charset (HTTP
//! `Content-Type`), then the document's own declaration (the XML
//! declaration, or an HTML `<meta charset>`), then detection.
//!
//! Decoding is `encoding_rs` (every WHATWG encoding) and detection is
//! `chardetng`; only finding the declaration is written here, because it is
//! a look at the first kilobyte of bytes that are not yet text.

use encoding_rs::{Encoding, UTF_8};

/// Which kind of document the bytes are, for where its declaration sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    /// A feed: `<?xml … encoding="…"?>`.
    Xml,
    /// A web page: `<meta charset>` or `<meta http-equiv="Content-Type">`
    /// (an XHTML page's XML declaration counts too).
    Html,
}

/// Text decoded from bytes and, when something was wrong, what.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// A declared encoding that is unknown or wrong, or bytes that are not
    /// valid in the encoding read.
    pub warning: Option<String>,
}

/// How far into the document its declaration is looked for (HTML's prescan
/// reads 1024 bytes; some feeds put a comment first, so a little more).
const DECLARATION_WINDOW: usize = 2048;

/// Decodes a feed or a page. `charset` is the transport's, when it gave one.
pub(crate) fn decode(bytes: &[u8], charset: Option<&str>, markup: Markup) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return finish(bytes, bom, encoding, None);
    }
    let mut notes = Vec::new();
    let mut choose = |label: Option<String>, whence: &str| -> Option<&'static Encoding> {
        let label = label?;
        // Stray quotes and slashes round a label (`charset=utf-8"/>`) are
        // a typing slip, not part of the name.
        let name = label.trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '/'));
        match Encoding::for_label(name.as_bytes()) {
            // A page cannot be UTF-16 by its own say-so: its bytes were read
            // as ASCII to find the declaration (WHATWG, "prescan").
            Some(e)
                if whence != "transport"
                    && (e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE) =>
            {
                Some(UTF_8)
            }
            Some(e) => Some(e),
            None => {
                notes.push(format!("unknown encoding {label:?} ({whence})"));
                None
            }
        }
    };
    let chosen = choose(charset.map(str::to_string), "transport")
        .or_else(|| choose(declared(bytes, markup), "declared"));
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let encoding = match chosen {
        // A legacy single-byte label on bytes that are valid UTF-8 with
        // non-ASCII in them is the commonest mislabel there is.
        Some(e) if e != UTF_8 && e.is_single_byte() && valid_utf8 && !bytes.is_ascii() => UTF_8,
        Some(e) if e == UTF_8 && !valid_utf8 => {
            let guess = detect(bytes);
            notes.push(format!(
                "declared UTF-8 but is not: read as {}",
                guess.name()
            ));
            guess
        }
        Some(e) => e,
        None if valid_utf8 => UTF_8,
        None => {
            let guess = detect(bytes);
            if !notes.is_empty() {
                notes.push(format!("read as {}, by detection", guess.name()));
            }
            guess
        }
    };
    let warning = (!notes.is_empty()).then(|| notes.join("; "));
    finish(bytes, 0, encoding, warning)
}

fn finish(
    bytes: &[u8],
    bom: usize,
    encoding: &'static Encoding,
    warning: Option<String>,
) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
    let mut warning = warning;
    if had_errors {
        let note = format!(
            "bytes not valid in {}: replaced with \u{FFFD}",
            encoding.name()
        );
        warning = Some(match warning {
            Some(w) => format!("{w}; {note}"),
            None => note,
        });
    }
    Decoded {
        text: text.into_owned(),
        warning,
    }
}

/// The encoding `chardetng` guesses for bytes that say nothing.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The label the document declares for itself, as written.
pub(crate) fn declared(bytes: &[u8], markup: Markup) -> Option<String> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    xml_declared(&head).or_else(|| match markup {
        Markup::Html => meta_declared(&head),
        Markup::Xml => None,
    })
}

/// `encoding="…"` in an XML declaration (blank lines before it allowed).
fn xml_declared(head: &str) -> Option<String> {
    let decl = &head[head.find("<?xml")?..];
    let decl = &decl[..decl.find("?>")?];
    attribute(decl, "encoding")
}

/// `<meta charset="…">` or a `charset=` inside a `<meta … content="…">`.
fn meta_declared(head: &str) -> Option<String> {
    let mut rest = head;
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(label) = attribute(tag, "charset") {
            return Some(label);
        }
        if let Some(content) = attribute(tag, "content") {
            if let Some(label) = content.split("charset=").nth(1) {
                let label = label.split([';', ' ', '"', '\'']).next().unwrap_or("");
                if !label.is_empty() {
                    return Some(label.to_string());
                }
            }
        }
        rest = &rest[at + 5..];
    }
    None
}

/// The value of `name=…` in a tag, quoted with `"` or `'` or not at all.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().next_back();
        rest = &rest[at + name.len()..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-') {
            continue;
        }
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let (quote, value) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &value[1..]),
            _ => (None, value),
        };
        let end = match quote {
            Some(q) => value.find(q),
            None => value.find(|c: char| c.is_whitespace() || c == '>' || c == '/'),
        }
        .unwrap_or(value.len());
        let value = value[..end].trim();
        return (!value.is_empty()).then(|| value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(decl: &str, body: &[u8]) -> Vec<u8> {
        let mut bytes = format!("<?xml version=\"1.0\"{decl}?><rss><title>").into_bytes();
        bytes.extend_from_slice(body);
        bytes.extend_from_slice(b"</title></rss>");
        bytes
    }

    #[test]
    fn a_label_with_a_stray_quote_is_read() {
        let page = b"<html><head><meta charset=utf-8\"/><title>Caf\xc3\xa9</title></head></html>";
        let d = decode(page, None, Markup::Html);
        assert_eq!(d.warning, None);
        assert!(d.text.contains("Café"));
        let d = decode(b"<p>x</p>", Some("'iso-8859-1'"), Markup::Html);
        assert_eq!(d.warning, None);
    }

    #[test]
    fn declared_legacy_encodings_decode() {
        // "新闻" in GB2312, "Новости" in KOI8-R, "Olá" in ISO-8859-1.
        let gb = decode(
            &xml(" encoding=\"gb2312\"", b"\xd0\xc2\xce\xc5"),
            None,
            Markup::Xml,
        );
        assert!(gb.text.contains("<title>新闻</title>"), "{}", gb.text);
        assert_eq!(gb.warning, None);
        let koi = decode(
            &xml(" encoding='koi8-r'", b"\xee\xcf\xd7\xcf\xd3\xd4\xc9"),
            None,
            Markup::Xml,
        );
        assert!(koi.text.contains("Новости"), "{}", koi.text);
        let latin = decode(
            &xml(" encoding=\"ISO-8859-1\"", b"Ol\xe1"),
            None,
            Markup::Xml,
        );
        assert!(latin.text.contains("Olá"));
    }

    #[test]
    fn bom_then_transport_then_declaration() {
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("<rss>é</rss>".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&utf16, Some("iso-8859-1"), Markup::Xml);
        assert_eq!(d.text, "<rss>é</rss>");
        // The transport's charset beats the document's.
        let d = decode(
            &xml(" encoding=\"utf-8\"", b"Ol\xe1"),
            Some("windows-1252"),
            Markup::Xml,
        );
        assert!(d.text.contains("Olá") && d.warning.is_none(), "{d:?}");
    }

    #[test]
    fn unknown_or_missing_declarations_fall_to_detection() {
        // "Москва сегодня" in KOI8-R, nothing declared.
        let koi = "\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430} \u{441}\u{435}\u{433}\u{43e}\u{434}\u{43d}\u{44f} \u{43f}\u{440}\u{43e}\u{448}\u{43b}\u{438} \u{432}\u{44b}\u{431}\u{43e}\u{440}\u{44b}";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(koi);
        let d = decode(&xml("", &bytes), None, Markup::Xml);
        assert!(d.text.contains(koi), "{d:?}");
        let d = decode(
            &xml(" encoding=\"bogus\"", "Olá".as_bytes()),
            None,
            Markup::Xml,
        );
        assert!(d.text.contains("Olá"));
        let warning = d.warning.unwrap_or_default();
        assert!(warning.contains("\"bogus\""), "{warning}");
    }

    #[test]
    fn html_meta_charset() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        assert!(decode(page, None, Markup::Html).text.contains("Привет"));
        let page = b"<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>";
        assert!(decode(page, None, Markup::Html).text.contains("日本"));
        assert_eq!(
            declared(b"<meta charset=\"utf-16\">", Markup::Html).as_deref(),
            Some("utf-16")
        );
        assert!(
            decode("<meta charset=\"utf-16\">é".as_bytes(), None, Markup::Html)
                .text
                .ends_with('é')
        );
    }

    #[test]
    fn odd_declarations_do_not_panic() {
        for head in [
            &b"<?xml encoding="[..],
            b"<?xml encoding=\xe2\x80\x9cutf-8\xe2\x80\x9d?>",
            b"<meta charset",
            b"<meta content=\"charset=\">",
            b"",
        ] {
            let _ = decode(head, None, Markup::Html);
        }
    }
}
