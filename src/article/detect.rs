//! Telling formats apart (content first, file extension second) and decoding bytes.

use std::borrow::Cow;
use std::path::Path;

/// How much of an input is looked at to guess its format.
pub(crate) const SNIFF_LEN: usize = 8 * 1024;

/// The formats an input can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Headline line, then paragraphs.
    Text,
    /// One JSON value: an article, an array of articles, or a JSON Feed.
    Json,
    /// One JSON article per line.
    Jsonl,
    /// An RSS or Atom feed.
    Feed,
    /// A web page.
    Html,
    /// Nothing but whitespace.
    Empty,
    /// Not text.
    Binary,
}

/// Guesses the format from the first bytes of the input and its path.
pub(crate) fn sniff(head: &[u8], path: &Path) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        // UTF-16 with a byte order mark: decided on the decoded text later.
        return by_extension(&ext).unwrap_or(Format::Text);
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        return Format::Empty;
    };
    if looks_binary(head) {
        return Format::Binary;
    }
    let rest = &head[start..];
    match rest[0] {
        b'{' if ext == "jsonl" || ext == "ndjson" => Format::Jsonl,
        b'{' | b'[' => Format::Json,
        b'<' => markup(rest)
            .or_else(|| by_extension(&ext))
            .unwrap_or(Format::Text),
        _ => by_extension(&ext)
            .filter(|f| matches!(f, Format::Feed | Format::Html))
            .unwrap_or(Format::Text),
    }
}

fn by_extension(ext: &str) -> Option<Format> {
    Some(match ext {
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::Jsonl,
        "xml" | "rss" | "atom" | "rdf" => Format::Feed,
        "html" | "htm" | "xhtml" => Format::Html,
        "txt" | "text" | "md" => Format::Text,
        _ => return None,
    })
}

fn markup(head: &[u8]) -> Option<Format> {
    let lower = String::from_utf8_lossy(&head[..head.len().min(2048)]).to_ascii_lowercase();
    if ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .any(|t| lower.contains(t))
    {
        Some(Format::Feed)
    } else if ["<html", "<!doctype html", "<head", "<body"]
        .iter()
        .any(|t| lower.contains(t))
    {
        Some(Format::Html)
    } else {
        None
    }
}

/// NUL bytes, or many control bytes, mean this is not text.
fn looks_binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x03))
        .count();
    control * 10 > head.len()
}

/// Bytes decoded to text, and a warning when they were not valid UTF-8.
pub(crate) struct Decoded<'a> {
    /// The text: the bytes themselves when they are UTF-8.
    pub text: Cow<'a, str>,
    /// What was wrong, when something was.
    pub warning: Option<String>,
}

/// Decodes UTF-8 (with or without a byte order mark) or UTF-16 with a byte
/// order mark. Bytes that are not valid UTF-8 are read as Windows-1252, which
/// is what they almost always are in news text (a raw `£` byte), and a
/// warning says so.
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            warning: None,
        };
    }
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut bad = 0;
    let mut first_bad = None;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(text.len());
        }
        for &b in chunk.invalid() {
            bad += 1;
            text.push(windows_1252(b));
        }
    }
    let at = first_bad.unwrap_or(0);
    let warning =
        format!("not valid UTF-8: {bad} byte(s) read as Windows-1252, the first at text byte {at}");
    Decoded {
        text: Cow::Owned(text),
        warning: Some(warning),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Decoded<'static> {
    let units = bytes
        .chunks(2)
        .map(|c| unit([c[0], c.get(1).copied().unwrap_or(0)]));
    let mut bad = 0;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    let warning = (bad > 0 || bytes.len() % 2 == 1)
        .then(|| format!("invalid UTF-16: {bad} unit(s) replaced"));
    Decoded {
        text: Cow::Owned(text),
        warning,
    }
}

/// The Windows-1252 character of one byte (Latin-1 with printable 0x80–0x9F).
pub(crate) fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(sniff(b"  {\"title\": 1}", Path::new("a.txt")), Format::Json);
        assert_eq!(
            sniff(b"{\"a\":1}\n{\"a\":2}", Path::new("a.jsonl")),
            Format::Jsonl
        );
        assert_eq!(
            sniff(b"Headline\n\nBody", Path::new("a.json")),
            Format::Text
        );
        assert_eq!(
            sniff(b"\n<?xml version=\"1.0\"?><rss>", Path::new("a.txt")),
            Format::Feed
        );
        assert_eq!(
            sniff(b"<!DOCTYPE html><html>", Path::new("a")),
            Format::Html
        );
        assert_eq!(sniff(b" \n\t", Path::new("a.txt")), Format::Empty);
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Path::new("a.txt")),
            Format::Binary
        );
    }

    #[test]
    fn invalid_utf8_bytes_read_as_windows_1252() {
        let d = decode(b"Cost \xa35 and \x93more\x94 \xe2\x80\x94 ok");
        assert_eq!(d.text, "Cost £5 and “more” — ok");
        assert!(d.warning.is_some_and(|w| w.contains("3 byte(s)")));
        let ok = decode("\u{feff}Plain £".as_bytes());
        assert_eq!((&*ok.text, ok.warning), ("Plain £", None));
        assert!(
            matches!(ok.text, Cow::Borrowed(_)),
            "UTF-8 is read in place, not copied"
        );
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Hé“".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&bytes);
        assert_eq!((&*d.text, d.warning), ("Hé“", None));
    }
}
