//! A small tokenizer: words (with their abbreviation periods), single
//! punctuation marks and line breaks, as byte ranges.

use super::lexicon;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and periods.
    Word,
    /// One punctuation or symbol char.
    Punct(char),
    /// A line break (paragraph end).
    Break,
}

/// One token: a byte range and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Start byte.
    pub start: u32,
    /// End byte (exclusive).
    pub end: u32,
    /// What it is.
    pub kind: Kind,
}

impl Tok {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// Whether it is a word.
    pub fn is_word(&self) -> bool {
        // `matches!`, not the derived `==`: one comparison of the niche
        // `Kind` is stored in, for the test made of nearly every token.
        matches!(self.kind, Kind::Word)
    }

    /// Whether it is the punctuation `c`.
    pub fn is(&self, c: char) -> bool {
        matches!(self.kind, Kind::Punct(p) if p == c)
    }
}

/// `c.is_alphanumeric()`, answered at once for ASCII and for the
/// quotation marks, dashes and spaces of the General Punctuation block
/// (U+2000 to U+206F, none of them a letter or digit), which the standard
/// library looks up in its tables at some cost: such a mark closes most
/// words it follows.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑' | '.' | '&')
}

/// Splits `text` into tokens. Whitespace other than line breaks is skipped.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    // News prose has a token for every five bytes or so, quote-dense text
    // one for every four: room for one in three is seldom outgrown, where
    // growing copies every token so far (pages never written cost nothing).
    let mut out = Vec::with_capacity(text.len() / 3);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            out.push(tok(i, i + 1, Kind::Break));
            i += 1;
            continue;
        }
        if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        }
        if c.is_ascii_alphanumeric() {
            i = word(text, i, &mut out);
            continue;
        }
        if c < 0x80 {
            out.push(tok(i, i + 1, Kind::Punct(c as char)));
            i += 1;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        if is_alphanumeric(ch) {
            i = word(text, i, &mut out);
        } else {
            if !ch.is_whitespace() {
                out.push(tok(i, i + ch.len_utf8(), Kind::Punct(ch)));
            }
            i += ch.len_utf8().max(1);
        }
    }
    out
}

fn tok(s: usize, e: usize, kind: Kind) -> Tok {
    Tok {
        start: s as u32,
        end: e as u32,
        kind,
    }
}

/// `u8::is_ascii_alphanumeric` as a table: one load per byte in the loop
/// that reads most of the article's bytes.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// The first byte at or after `i` that is no ASCII letter or digit.
///
/// Eight bytes are classed at a time (SWAR) while eight remain, where a
/// loop of table lookups took a load, a test and a branch per byte of
/// every word of the article: the largest share of tokenizing.
fn ascii_alnum_end(b: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bit of each byte of `y` (all below 0x80) that is `>= n`:
    // adding `0x80 - n` reaches the high bit without carrying further.
    let ge = |y: u64, n: u8| y.wrapping_add(ONES * u64::from(0x80 - n)) & HIGH;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut x = [0u8; 8];
        x.copy_from_slice(chunk);
        let x = u64::from_le_bytes(x);
        let y = x & !HIGH;
        // Setting bit 5 maps `A-Z` onto `a-z`, and nothing else into it.
        let lower = y | (ONES * 0x20);
        let alpha = ge(lower, b'a') & !ge(lower, b'z' + 1);
        let digit = ge(y, b'0') & !ge(y, b'9' + 1);
        let other = !(alpha | digit) & HIGH | (x & HIGH);
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + b[i..]
        .iter()
        .position(|&c| !ASCII_ALNUM[usize::from(c)])
        .unwrap_or(b.len() - i)
}

/// Reads one word from `start`, pushes it and returns where it ends.
fn word(text: &str, start: usize, out: &mut Vec<Tok>) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    let mut has_dot = false;
    let mut segment = i;
    loop {
        // Fast path for ASCII letters and digits: most of a word's bytes.
        i = ascii_alnum_end(b, i);
        if i >= b.len() {
            break;
        }
        let ch = if b[i] < 0x80 {
            b[i] as char
        } else {
            let Some(ch) = text[i..].chars().next() else {
                break;
            };
            ch
        };
        if is_alphanumeric(ch) {
            i += ch.len_utf8();
            continue;
        }
        if is_inner_joiner(ch) {
            let after = i + ch.len_utf8();
            let next = match b.get(after) {
                Some(&n) if n < 0x80 => Some(n as char),
                _ => text[after..].chars().next(),
            };
            // A period joins initials (`U.S`, `G.K`), not `said.Trump`.
            let joins = ch != '.' || text[segment..i].chars().count() == 1;
            if joins && next.is_some_and(is_alphanumeric) {
                has_dot |= ch == '.';
                i = after;
                segment = after;
                continue;
            }
        }
        break;
    }
    // A plural possessive keeps its apostrophe: `Sanders'`.
    if b.get(i) == Some(&b'\'')
        && i > start
        && b[i - 1] == b's'
        && !b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric())
    {
        i += 1;
    }
    // Keep the period of abbreviations and initials: `Mr.`, `E.`, `U.S.`.
    if b.get(i) == Some(&b'.') {
        let w = &text[start..i];
        let single_cap = w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase();
        if has_dot || single_cap || lexicon::is_abbreviation(w) {
            i += 1;
        }
    }
    out.push(tok(start, i, Kind::Word));
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_alphanumeric_test_agrees_with_the_standard_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn the_end_of_an_ascii_run_is_found_at_every_place() {
        let bytes: Vec<u8> = (0..=255).collect();
        for &stop in &bytes {
            for len in 0..20 {
                let mut b = vec![b'a'; len];
                b.push(stop);
                b.extend_from_slice(b"xyz0123456789");
                for start in 0..=len {
                    let want = start
                        + b[start..]
                            .iter()
                            .position(|c| !c.is_ascii_alphanumeric())
                            .unwrap_or(b.len() - start);
                    assert_eq!(ascii_alnum_end(&b, start), want, "{stop} {len} {start}");
                }
            }
        }
        let all: Vec<u8> = (0..=255).cycle().take(2000).collect();
        for start in 0..all.len() {
            let want = start
                + all[start..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(all.len() - start);
            assert_eq!(ascii_alnum_end(&all, start), want);
        }
    }

    #[test]
    fn words_and_abbreviations() {
        let t = "Mr. Wi Sung‑lac’s U.S. talks, he said.\nE. Lee";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            [
                "Mr.",
                "Wi",
                "Sung‑lac’s",
                "U.S.",
                "talks",
                ",",
                "he",
                "said",
                ".",
                "\n",
                "E.",
                "Lee"
            ]
        );
    }
}
