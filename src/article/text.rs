//! Plain-text articles: the headline line, the body, and paragraph breaking.
//!
//! Three layouts are met in practice and told apart per article:
//! - one paragraph per line, lines far longer than a terminal (the seed,
//!   Wikinews, BBC); blank lines between paragraphs are optional;
//! - hard-wrapped text at about 65 columns where a paragraph starts with an
//!   indent or after a line that ended early (Reuters);
//! - blank-line separated blocks of either.

use std::ops::Range;

/// A line this long (in chars) was not hard-wrapped by a terminal-width wrapper.
const LONG_LINE: usize = 90;

/// The narrowest wrap width assumed for hard-wrapped text.
const MIN_WRAP: usize = 60;

/// One line of the body, without its line break.
struct Line {
    /// Byte range of the line's content with leading and trailing whitespace trimmed.
    content: Range<usize>,
    /// Leading whitespace, in chars.
    indent: usize,
    /// Length in chars from the line start to the end of its content.
    width: usize,
}

/// Whether `c` is invisible padding: whitespace, or a control character such
/// as Reuters' end-of-text mark.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// `range` of `text` shrunk to exclude blank characters at both ends.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start_matches(is_blank).len());
    let end = range.start + slice.trim_end_matches(is_blank).len();
    if start >= end {
        range.start..range.start
    } else {
        start..end
    }
}

/// `range` clamped to `text` and moved onto char boundaries, so slicing never panics.
pub(crate) fn clamp_range(text: &str, range: Range<usize>) -> Range<usize> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    start..end
}

fn lines(text: &str, body: Range<usize>) -> Vec<Option<Line>> {
    let mut out = Vec::new();
    let mut start = body.start;
    for piece in text[body.clone()].split('\n') {
        let range = start..start + piece.len();
        start = range.end + 1;
        let content = trim_range(text, range.clone());
        if content.is_empty() {
            out.push(None);
            continue;
        }
        let indent = text[range.start..content.start].chars().count();
        let width = indent + text[content.clone()].chars().count();
        out.push(Some(Line {
            content,
            indent,
            width,
        }));
    }
    out
}

/// The paragraphs of `text[body]` as trimmed byte ranges, in order.
///
/// A hard-wrapped paragraph is one range (its line breaks stay inside it).
pub(crate) fn paragraphs(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let body = clamp_range(text, body);
    let lines = lines(text, body);
    let present: Vec<&Line> = lines.iter().flatten().collect();
    let long = present.iter().filter(|l| l.width > LONG_LINE).count();
    // Mostly long lines: nothing was hard-wrapped, so every line is a paragraph.
    let wrapped = long * 5 < present.len();
    // The wrap width is the longest line, but a few short lines say little
    // about it and wires are not wrapped narrower than this.
    let width = present
        .iter()
        .map(|l| l.width)
        .filter(|&w| w <= LONG_LINE)
        .max()
        .unwrap_or(0)
        .max(MIN_WRAP);

    let mut out: Vec<Range<usize>> = Vec::new();
    let mut prev: Option<&Line> = None;
    for (i, line) in lines.iter().enumerate() {
        let Some(line) = line else {
            prev = None;
            continue;
        };
        let joins = match prev {
            Some(p) if wrapped => continues(text, p, line, width, i == 1),
            _ => false,
        };
        match out.last_mut() {
            Some(last) if joins => last.end = line.content.end,
            _ => out.push(line.content.clone()),
        }
        prev = Some(line);
    }
    out
}

/// Whether `next` continues the hard-wrapped paragraph that `prev` belongs to.
/// `after_first` says `prev` is the body's first line, which may be short only
/// because a dateline was cut from it.
fn continues(text: &str, prev: &Line, next: &Line, width: usize, after_first: bool) -> bool {
    if prev.width > LONG_LINE || next.width > LONG_LINE {
        return false;
    }
    if next.indent > 0 || starts_list_item(&text[next.content.clone()]) {
        return false;
    }
    // A greedy wrapper breaks a line only when the next word does not fit, so
    // a line that ended early ended its paragraph. Real wires wrap loosely,
    // so the line must also end a sentence, or be less than half full.
    let next_word = text[next.content.clone()]
        .split(char::is_whitespace)
        .next()
        .map_or(0, |w| w.chars().count());
    let fits = prev.width + 1 + next_word <= width;
    let sentence_end = ends_sentence(&text[prev.content.clone()]);
    let short = prev.width * 2 <= width && !after_first;
    !(fits && (sentence_end || short))
}

/// Whether `line` ends with a sentence's end, not an abbreviation like `U.S.`.
fn ends_sentence(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or(line);
    let bare = last.trim_end_matches(['.', '!', '?', ':', ';', '"', '”', '’', ')']);
    last.len() > bare.len() && !(last.ends_with('.') && bare.contains('.'))
}

fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    let second = chars.next();
    matches!(first, Some('-' | '*' | '•' | '–' | '—')) && second.is_some_and(char::is_whitespace)
}

/// The headline and where the body starts, for text whose first non-blank
/// line is the headline. Returns `None` when the text has no visible content.
pub(crate) fn headline(text: &str) -> Option<(Range<usize>, usize)> {
    let start = text.len() - text.trim_start_matches(is_blank).len();
    if start == text.len() {
        return None;
    }
    let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
    let title = trim_range(text, start..end);
    Some((title, (end + 1).min(text.len())))
}

/// Makes `raw` fit on one display line: entities decoded, control characters
/// dropped, whitespace runs collapsed to one space.
pub(crate) fn one_line(raw: &str) -> String {
    let decoded = decode_entities(raw);
    let mut out = String::with_capacity(decoded.len());
    for word in decoded.split(is_blank).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Abbreviations left in capitals when a shouted headline is tamed.
const ACRONYMS: [&str; 64] = [
    "ABC", "ADR", "AG", "AMEX", "BBC", "BIS", "BOJ", "BP", "CBS", "CBT", "CCC", "CEO", "CFTC",
    "CIF", "CME", "CNN", "CPI", "EC", "ECB", "ECU", "EEC", "EMS", "EPA", "EU", "FAA", "FCC",
    "FDIC", "FOB", "FTC", "GATT", "GDP", "GE", "GM", "GNP", "HK", "IBM", "ICO", "II", "III", "IMF",
    "IPO", "IRS", "ITT", "LDC", "LME", "NASA", "NASD", "NATO", "NBC", "NV", "NYSE", "OECD", "OPEC",
    "OTC", "PLC", "RJR", "TV", "UAE", "UK", "UN", "US", "USA", "USDA", "USSR",
];

/// Words a title-cased headline keeps in lower case after its first word.
const SMALL_WORDS: [&str; 18] = [
    "A", "AN", "AND", "AS", "AT", "BUT", "BY", "FOR", "FROM", "IN", "INTO", "OF", "ON", "OR",
    "THE", "TO", "VS", "WITH",
];

/// A headline written all in capitals (half of Reuters') in title case:
/// `STANDARD OIL <SRD> TO FORM UNIT` becomes `Standard Oil <SRD> to Form Unit`.
/// Tickers, abbreviations with dots or digits, and known acronyms stay as
/// they are; a headline with any lower-case letter is returned unchanged.
pub(crate) fn tame_capitals(title: &str) -> String {
    let words = title
        .split(' ')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if words < 2 || title.chars().any(char::is_lowercase) {
        return title.to_string();
    }
    let mut out = String::with_capacity(title.len());
    for (i, token) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let kept = token.contains(['.', '&']) || token.chars().any(|c| c.is_ascii_digit());
        if kept {
            out.push_str(token);
            continue;
        }
        let mut part = String::new();
        let mut ticker = false;
        for c in token.chars() {
            // Tickers such as `<SRD>` stay as written.
            ticker = (ticker || c == '<') && c != '>';
            if (c.is_alphabetic() || c == '\'' || c == '’') && !ticker {
                part.push(c);
            } else {
                out.push_str(&tame_word(&part, i == 0));
                part.clear();
                out.push(c);
            }
        }
        out.push_str(&tame_word(&part, i == 0));
    }
    out
}

fn tame_word(word: &str, first: bool) -> String {
    let bare = word.trim_end_matches(['\'', '’', 'S']);
    let vowelless = !word.chars().any(|c| "AEIOUY".contains(c)) && word.chars().count() > 1;
    if word.is_empty() || ACRONYMS.contains(&word) || ACRONYMS.contains(&bare) || vowelless {
        return word.to_string();
    }
    if !first && SMALL_WORDS.contains(&word) {
        return word.to_lowercase();
    }
    let mut chars = word.chars();
    let head = chars.next().map(|c| c.to_string()).unwrap_or_default();
    head + &chars.as_str().to_lowercase()
}

/// `line` cut to at most `max_chars` chars at a word boundary, with `…`.
pub(crate) fn shorten(line: &str, max_chars: usize) -> String {
    if line.chars().count() <= max_chars {
        return line.to_string();
    }
    let cut: String = line.chars().take(max_chars).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > max_chars / 2)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end())
}

/// Decodes the HTML character references met in news text (`&lt;`, `&quot;`,
/// `&#8220;`, `&#x201C;`); others are left as they are.
pub fn decode_entities(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest[1..]
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| entity(&rest[1..=semi]).map(|c| (c, semi + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "pound" => '£',
        "euro" => '€',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn long_lines_are_paragraphs_even_without_blank_lines() {
        let a = "A".repeat(120);
        let b = format!("{} b", "B".repeat(130));
        let text = format!("{a}\n{b}\nshort closing line\n");
        assert_eq!(paras(&text), [a.as_str(), b.as_str(), "short closing line"]);
    }

    #[test]
    fn hard_wrapped_lines_join_and_indents_start_paragraphs() {
        let text = "The first paragraph runs over several\n\
                    lines, wrapped by a greedy wrapper at\n\
                    the fortieth column, as old wires were.\n    \
                    A second paragraph is indented by\n\
                    four spaces and also wraps onto more\n\
                    lines.\n";
        let p = paras(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("The first") && p[0].ends_with("wires were."));
        assert!(p[1].starts_with("A second") && p[1].ends_with("more\nlines."));
    }

    #[test]
    fn a_line_that_ended_early_ends_its_paragraph() {
        let text = "Quarterly results were published on Friday with\n\
                    the following figures for the company:\n\
                    Shr 40 cts vs 30 cts\n\
                    Revs 10 mln\n";
        assert_eq!(
            paras(text),
            [
                "Quarterly results were published on Friday with\nthe following figures for the company:",
                "Shr 40 cts vs 30 cts",
                "Revs 10 mln"
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert!(ends_sentence("prices rose."));
        assert!(ends_sentence("he said: \"yes.\""));
        assert!(!ends_sentence("entered the U.S."));
        assert!(!ends_sentence("the market rose"));
    }

    #[test]
    fn list_items_are_paragraphs() {
        let text = "Measures announced:\n- more money for roads\n - lower taxes\n";
        assert_eq!(paras(text).len(), 3);
    }

    #[test]
    fn blank_and_control_only_text_has_no_paragraphs() {
        assert!(paras(" \n\u{3}\n\t\n").is_empty());
        assert!(paragraphs("abc", 5..9).is_empty());
    }

    #[test]
    fn headline_is_first_visible_line() {
        let text = "\n\n  Title here \r\n\nBody";
        let (t, body) = headline(text).expect("has a headline");
        assert_eq!(&text[t], "Title here");
        assert_eq!(text[body..].trim(), "Body");
        assert!(headline(" \n ").is_none());
    }

    #[test]
    fn shouted_headlines_are_tamed() {
        assert_eq!(
            tame_capitals("STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"),
            "Standard Oil <SRD> to Form Financial Unit"
        );
        assert_eq!(
            tame_capitals("U.S. USDA SEES FARMER-OWNED RESERVE IN 4TH QTR"),
            "U.S. USDA Sees Farmer-Owned Reserve in 4TH QTR"
        );
        assert_eq!(
            tame_capitals("IRAN'S OIL (CBT) \"HIGH\""),
            "Iran's Oil (CBT) \"High\""
        );
        assert_eq!(tame_capitals("OPEC's plan"), "OPEC's plan");
        assert_eq!(tame_capitals("NATO"), "NATO");
        assert_eq!(
            tame_capitals("NATIONAL INTERGROUP<NII> UNITS"),
            "National Intergroup<NII> Units"
        );
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            decode_entities("A &lt;B> &#8220;x&#x201D; &bogus; & y"),
            "A <B> “x” &bogus; & y"
        );
        assert_eq!(one_line("TWO\n  LINES\u{3}"), "TWO LINES");
    }
}
