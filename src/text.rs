//! Small text utilities shared by the loaders, the extractor, the layout and the CLI.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Maps byte offsets of one text to char (Unicode scalar value) offsets.
///
/// Offsets must be asked for in non-decreasing order for the walk to stay
/// linear; asking for an earlier offset restarts the walk from the start.
pub struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    /// A counter over `text`, starting at offset zero.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The char offset of byte offset `byte` (clamped to the text's length
    /// and moved back to a char boundary).
    pub fn chars_at(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Makes untrusted text inert for a terminal, for display on one line.
///
/// - Tab, line feed, vertical tab, form feed, carriage return and the line and
///   paragraph separators (U+2028, U+2029) become a space.
/// - Every other C0 control (U+0000–U+001F) becomes its Unicode control
///   picture (U+2400 + n), so ESC shows as `␛` and a CSI sequence such as
///   `ESC [ 3 1 m` shows as the visible text `␛[31m`.
/// - DEL (U+007F) becomes `␡` (U+2421).
/// - C1 controls (U+0080–U+009F) and the bidi embeddings, overrides and
///   isolates (U+202A–U+202E, U+2066–U+2069) become `�` (U+FFFD).
///
/// Every replacement is one column wide (as measured by `unicode-width`), so
/// widths computed on the sanitised text are what the terminal shows.
/// Borrows `s` when nothing needs replacing.
///
/// ```
/// use hearsay::text::sanitize;
/// assert_eq!(sanitize("a\u{1b}[2Jb"), "a␛[2Jb");
/// assert!(matches!(sanitize("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn sanitize(s: &str) -> Cow<'_, str> {
    // Every char that needs replacing starts with one of these bytes: ASCII
    // controls, 0xC2 (U+0080–U+00BF) or 0xE2 (U+2000–U+2FFF).
    let suspect = |b: &u8| *b < 0x20 || *b == 0x7f || *b == 0xc2 || *b == 0xe2;
    let Some(first) = s.bytes().position(|b| suspect(&b)) else {
        return Cow::Borrowed(s);
    };
    if s[first..].chars().all(|c| replacement(c).is_none()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        out.push(replacement(c).unwrap_or(c));
    }
    Cow::Owned(out)
}

/// What [`sanitize`] shows instead of `c`, or `None` when `c` is shown as is.
pub fn replacement(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            Some(char::REPLACEMENT_CHARACTER)
        }
        _ => None,
    }
}

/// Columns `s` takes on screen once sanitised (see [`sanitize`]).
pub fn display_width(s: &str) -> usize {
    if s.is_ascii() {
        // Printable ASCII is one column, and so is every control's replacement.
        return s.len();
    }
    UnicodeWidthStr::width(sanitize(s).as_ref())
}

/// `1 article`, `2 articles`, `3 matches`: a count with its noun, plural
/// (`-es` after s, x, ch, sh) unless the count is 1.
///
/// ```
/// assert_eq!(hearsay::text::plural(1, "match"), "1 match");
/// assert_eq!(hearsay::text::plural(2, "match"), "2 matches");
/// ```
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    let es = ["s", "x", "ch", "sh"].iter().any(|end| noun.ends_with(end));
    format!("{n} {noun}{}", if es { "es" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_borrows_clean_text() {
        for t in [
            "",
            "plain",
            "Wi Sung‑lac “quoted” 漢字 é\u{a0}x",
            "\u{2010}\u{2011}\u{20ac}\u{a9}",
        ] {
            assert!(matches!(sanitize(t), Cow::Borrowed(_)), "{t:?}");
        }
    }

    #[test]
    fn sanitize_makes_escape_sequences_visible() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m"), "a␛[31mred␛[0m");
        // OSC 52 (clipboard write) terminated by BEL, and a DCS string.
        assert_eq!(sanitize("\u{1b}]52;c;aGk=\u{7}"), "␛]52;c;aGk=␇");
        assert_eq!(sanitize("\u{90}q\u{9c}"), "\u{fffd}q\u{fffd}");
        assert_eq!(sanitize("x\u{7f}\u{0}"), "x␡␀");
    }

    #[test]
    fn sanitize_turns_line_breaks_and_tabs_into_spaces() {
        assert_eq!(sanitize("a\tb\r\nc\u{2028}d"), "a b  c d");
    }

    #[test]
    fn sanitize_replaces_bidi_controls() {
        assert_eq!(
            sanitize("a\u{202e}b\u{2067}c\u{2069}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
        // Marks (not overrides) are legitimate in right-to-left text and stay.
        assert_eq!(sanitize("\u{200f}x"), "\u{200f}x");
    }

    #[test]
    fn replacements_are_one_column() {
        for c in (0u32..0x20)
            .chain([0x7f, 0x80, 0x9b, 0x202e, 0x2066])
            .filter_map(char::from_u32)
        {
            let r = replacement(c).expect("a control has a replacement");
            assert_eq!(
                UnicodeWidthStr::width(r.to_string().as_str()),
                1,
                "{c:?} -> {r:?}"
            );
        }
        assert_eq!(display_width("a\u{1b}b"), 3);
        assert_eq!(display_width("漢\u{1b}"), 3);
    }

    fn unsafe_char(c: char) -> bool {
        c.is_control()
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    }

    proptest::proptest! {
        #[test]
        fn sanitized_text_has_no_controls(s in "(\\PC|\\p{Cc}|[\u{202a}-\u{202e}\u{2066}-\u{2069}\u{2028}\u{2029}])*") {
            let out = sanitize(&s);
            proptest::prop_assert!(!out.chars().any(unsafe_char), "{:?}", out);
            proptest::prop_assert_eq!(out.chars().count(), s.chars().count());
            proptest::prop_assert_eq!(matches!(out, Cow::Borrowed(_)), !s.chars().any(|c| replacement(c).is_some()));
        }
    }

    #[test]
    fn counts_chars_not_bytes() {
        let t = "a‑b “c”";
        let mut c = CharCounter::new(t);
        assert_eq!(c.chars_at(1), 1);
        assert_eq!(c.chars_at(4), 2);
        assert_eq!(c.chars_at(t.len()), 7);
        assert_eq!(c.chars_at(0), 0);
    }
}
