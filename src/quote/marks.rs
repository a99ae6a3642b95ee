//! Finding quoted spans by their marks, one linear scan over the bytes.
//!
//! Double marks (“ ” „ ‟ " « » ‹ › 「 」 『 』) open top-level quotes; single
//! marks (‘ ’ ') only open a quote nested inside one, so apostrophes in
//! `don’t`, `Korea’s`, `’90s` or `rock 'n' roll` never start anything.

use std::ops::Range;

/// Which pair of marks a span uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// “ ” „ ‟ or straight ".
    Double,
    /// « » (either direction).
    Guillemet,
    /// ‹ ›.
    SingleGuillemet,
    /// 「 」.
    Corner,
    /// 『 』.
    WhiteCorner,
    /// ‘ ’ or straight ', only nested.
    Single,
}

/// A span found by its marks, before anyone is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range, marks included.
    pub range: Range<usize>,
    /// The marks used.
    pub family: Family,
    /// Index of the enclosing span.
    pub parent: Option<usize>,
    /// Whether it runs over more than one paragraph.
    pub multi_paragraph: bool,
    /// Whether its closing mark is missing.
    pub unclosed: bool,
}

/// How a mark may act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks: decided by their neighbours.
    Either,
}

/// Deeper nesting than this is ignored (keeps pathological input linear).
const MAX_DEPTH: usize = 6;

/// The mark starting at byte `i`, if any, with its length.
fn mark_at(b: &[u8], i: usize) -> Option<(Family, Role, usize)> {
    match b[i] {
        b'"' => Some((Family::Double, Role::Either, 1)),
        b'\'' => Some((Family::Single, Role::Either, 1)),
        0xC2 => match b.get(i + 1)? {
            0xAB => Some((Family::Guillemet, Role::Open, 2)),
            0xBB => Some((Family::Guillemet, Role::Close, 2)),
            _ => None,
        },
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2)? {
            0x9C | 0x9E | 0x9F => Some((Family::Double, Role::Open, 3)),
            0x9D => Some((Family::Double, Role::Close, 3)),
            0x98 | 0x9B => Some((Family::Single, Role::Open, 3)),
            0x99 => Some((Family::Single, Role::Close, 3)),
            0xB9 => Some((Family::SingleGuillemet, Role::Open, 3)),
            0xBA => Some((Family::SingleGuillemet, Role::Close, 3)),
            _ => None,
        },
        0xE3 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2)? {
            0x8C => Some((Family::Corner, Role::Open, 3)),
            0x8D => Some((Family::Corner, Role::Close, 3)),
            0x8E => Some((Family::WhiteCorner, Role::Open, 3)),
            0x8F => Some((Family::WhiteCorner, Role::Close, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// The char before byte `i` (a space at the start).
fn prev_char(text: &str, i: usize) -> char {
    text[..i].chars().next_back().unwrap_or(' ')
}

/// The char at byte `i` (a space at the end).
fn next_char(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn is_opening_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '‹' | '>' | '='
        )
}

/// Whether a mark's neighbours make it look like an opening one.
fn looks_open(prev: char, next: char) -> bool {
    is_opening_context(prev) && !next.is_whitespace()
}

/// Whether a mark's neighbours make it look like a closing one.
fn looks_close(prev: char, next: char) -> bool {
    !prev.is_whitespace() && (next.is_whitespace() || !next.is_alphanumeric())
}

/// An open mark waiting for its close.
#[derive(Debug, Clone, Copy)]
struct Open {
    index: usize,
    family: Family,
    /// For doubles: opened with a straight mark.
    straight: bool,
    /// For guillemets: opened with ».
    reversed: bool,
}

/// The scanner's state; one per text.
struct Scanner<'a> {
    text: &'a str,
    spans: Vec<Span>,
    keep: Vec<bool>,
    stack: Vec<Open>,
}

impl<'a> Scanner<'a> {
    fn open(&mut self, start: usize, family: Family, straight: bool, reversed: bool) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let index = self.spans.len();
        self.spans.push(Span {
            range: start..start,
            family,
            parent: self.stack.last().map(|o| o.index),
            multi_paragraph: false,
            unclosed: false,
        });
        self.keep.push(false);
        self.stack.push(Open {
            index,
            family,
            straight,
            reversed,
        });
    }

    /// Closes the innermost open span of `family` at `end`, dropping any
    /// unclosed nested ones above it.
    fn close(&mut self, family: Family, end: usize) -> bool {
        let Some(pos) = self.stack.iter().rposition(|o| o.family == family) else {
            return false;
        };
        let o = self.stack[pos];
        self.stack.truncate(pos);
        self.spans[o.index].range.end = end;
        self.keep[o.index] = true;
        true
    }

    /// Ends every open span at `end` without a closing mark: nested singles
    /// are dropped, top-level quotes kept as unclosed.
    fn end_unclosed(&mut self, end: usize) {
        let end = self.text[..end].trim_end().len();
        while let Some(o) = self.stack.pop() {
            if o.family != Family::Single && self.stack.is_empty() {
                let s = &mut self.spans[o.index];
                if end > s.range.start {
                    s.range.end = end;
                    s.unclosed = true;
                    self.keep[o.index] = true;
                }
            }
        }
    }

    fn top(&self) -> Option<Open> {
        self.stack.last().copied()
    }

    fn has_double(&self) -> bool {
        self.stack.iter().any(|o| o.family != Family::Single)
    }

    fn on_double(&mut self, i: usize, len: usize, role: Role) {
        let (prev, next) = (prev_char(self.text, i), next_char(self.text, i + len));
        let open_double = self.stack.iter().rposition(|o| o.family == Family::Double);
        match (role, open_double) {
            (Role::Open, None) => self.open(i, Family::Double, false, false),
            (Role::Open, Some(_)) => {
                // German „…“ closes with “.
                if self.text.as_bytes().get(i + 2) == Some(&0x9C)
                    && self.stack.iter().any(|o| o.family == Family::Double)
                    && looks_close(prev, next)
                {
                    self.close(Family::Double, i + len);
                } else {
                    // A second opening mark: the first quote was never closed.
                    self.end_unclosed(i);
                    self.open(i, Family::Double, false, false);
                }
            }
            (Role::Close, Some(_)) => {
                self.close(Family::Double, i + len);
            }
            (Role::Close, None) => {
                // A closing mark used as an opening one.
                if self.stack.is_empty() && looks_open(prev, next) {
                    self.open(i, Family::Double, false, false);
                }
            }
            (Role::Either, None) => {
                if !looks_close(prev, next) || looks_open(prev, next) {
                    self.open(i, Family::Double, true, false);
                }
            }
            (Role::Either, Some(pos)) => {
                let curly_open = !self.stack[pos].straight;
                let reopening = looks_open(prev, next) && !looks_close(prev, next);
                // Only straight in straight: a curly quote reopened after
                // a sentence end starts a new span (PolNeAR's copy does
                // this), and mixed styles are two quotes.
                if reopening && !curly_open && self.after_sentence_end(i) {
                    self.reopen(Family::Double);
                } else if curly_open && reopening {
                    // Mixed styles: the curly quote was never closed.
                    self.end_unclosed(i);
                    self.open(i, Family::Double, true, false);
                } else {
                    self.close(Family::Double, i + len);
                }
            }
        }
    }

    /// Whether the mark at byte `i` follows the end of a sentence, with
    /// space between: `… everyone. "You could`.
    fn after_sentence_end(&self, i: usize) -> bool {
        let before = &self.text[..i];
        let trimmed = before.trim_end();
        trimmed.len() < before.len() && trimmed.ends_with(['.', '?', '!', '…'])
    }

    /// A paragraph run into the one before it, reopening the open quote of
    /// `family` (the newspaper convention across paragraphs): the quote
    /// goes on, and nested quotes inside it end with the old paragraph.
    fn reopen(&mut self, family: Family) {
        if let Some(pos) = self.stack.iter().rposition(|o| o.family == family) {
            let index = self.stack[pos].index;
            self.stack.truncate(pos + 1);
            self.spans[index].multi_paragraph = true;
        }
    }

    fn on_single(&mut self, i: usize, len: usize, role: Role) {
        if !self.has_double() {
            return;
        }
        let (prev, next) = (prev_char(self.text, i), next_char(self.text, i + len));
        let single_open = self.top().is_some_and(|o| o.family == Family::Single);
        let b = self.text.as_bytes();
        // rock 'n' roll
        if len == 1 && b.get(i + 1) == Some(&b'n') && b.get(i + 2) == Some(&b'\'') {
            return;
        }
        let closes = single_open && looks_close(prev, next) && !next.is_alphanumeric();
        let opens = looks_open(prev, next) && next.is_alphabetic() && !prev.is_alphanumeric();
        match role {
            Role::Open if opens => self.open(i, Family::Single, false, false),
            Role::Close | Role::Either if closes => {
                self.close(Family::Single, i + len);
            }
            Role::Either if opens => self.open(i, Family::Single, true, false),
            _ => {}
        }
    }

    fn on_pair(&mut self, i: usize, len: usize, family: Family, role: Role) {
        let (prev, next) = (prev_char(self.text, i), next_char(self.text, i + len));
        let top_reversed = self
            .stack
            .iter()
            .rev()
            .find(|o| o.family == family)
            .map(|o| o.reversed);
        match (role, top_reversed) {
            (Role::Open, Some(true)) | (Role::Close, Some(false)) => {
                self.close(family, i + len);
            }
            (Role::Open, _) => self.open(i, family, false, false),
            (Role::Close, None)
                if family == Family::Guillemet
                    && self.stack.is_empty()
                    && looks_open(prev, next) =>
            {
                self.open(i, family, false, true);
            }
            _ => {}
        }
    }

    /// At a line break: an open quote continues when the next paragraph
    /// reopens with a mark of its family; otherwise it ends here.
    fn on_newline(&mut self, i: usize) -> usize {
        let Some(bottom) = self.stack.first().copied() else {
            return i + 1;
        };
        let rest = &self.text[i..];
        let skip = rest.len() - rest.trim_start().len();
        let j = i + skip;
        let reopens = j < self.text.len()
            && mark_at(self.text.as_bytes(), j)
                .is_some_and(|(f, role, _)| f == bottom.family && role != Role::Close);
        if reopens {
            let len = mark_at(self.text.as_bytes(), j).map_or(1, |m| m.2);
            // Nested quotes do not survive a paragraph break.
            self.stack.truncate(1);
            self.spans[bottom.index].multi_paragraph = true;
            j + len
        } else {
            self.end_unclosed(i);
            i + 1
        }
    }
}

/// Finds every quoted span of `text`, sorted by start, nested ones after
/// (and inside) their parent.
pub fn scan(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut s = Scanner {
        text,
        spans: Vec::new(),
        keep: Vec::new(),
        stack: Vec::new(),
    };
    let mut i = 0;
    while i < b.len() {
        i = next_stop(b, i);
        let Some(&c) = b.get(i) else {
            break;
        };
        if c == b'\n' {
            i = s.on_newline(i);
            continue;
        }
        let Some((family, role, len)) = mark_at(b, i) else {
            i += 1;
            continue;
        };
        match family {
            Family::Double => s.on_double(i, len, role),
            Family::Single => s.on_single(i, len, role),
            f => s.on_pair(i, len, f, role),
        }
        i += len;
    }
    s.end_unclosed(text.len());
    compact(s.spans, &s.keep)
}

/// Whether the scan stops at byte `c`: a line break, or a byte that may
/// start a quotation mark.
fn stops(c: u8) -> bool {
    matches!(c, b'\n' | b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3)
}

/// The first index from `i` whose byte [`stops`] the scan, or `b.len()`.
///
/// Eight bytes at a time: a word-sized chunk of ASCII with no line break
/// and no straight quote, as most of an article is, is passed over with a
/// few word operations instead of a test per byte. `memchr` looks for at
/// most three bytes, and the scan stops at six.
fn next_stop(b: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Whether some byte of `x` is zero (exact, for the word as a whole).
    let zero_byte = |x: u64| x.wrapping_sub(LO) & !x & HI != 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let maybe = w & HI != 0
            || zero_byte(w ^ (LO * u64::from(b'\n')))
            || zero_byte(w ^ (LO * u64::from(b'"')))
            || zero_byte(w ^ (LO * u64::from(b'\'')));
        if maybe && let Some(k) = chunk.iter().position(|&c| stops(c)) {
            return i + k;
        }
        i += 8;
    }
    let rest = b.get(i..).unwrap_or_default();
    i + rest.iter().position(|&c| stops(c)).unwrap_or(rest.len())
}

/// Drops the spans never kept, renumbering parents.
fn compact(spans: Vec<Span>, keep: &[bool]) -> Vec<Span> {
    let mut new_index = vec![usize::MAX; spans.len()];
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for (i, mut sp) in spans.into_iter().enumerate() {
        if !keep[i] || sp.range.end <= sp.range.start {
            continue;
        }
        sp.parent = sp.parent.and_then(|p| {
            let n = new_index[p];
            (n != usize::MAX && out[n].range.end >= sp.range.end).then_some(n)
        });
        new_index[i] = out.len();
        out.push(sp);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stop_is_the_first_stopping_byte() {
        let naive = |b: &[u8], i: usize| (i..b.len()).find(|&k| stops(b[k])).unwrap_or(b.len());
        let t = "plain words go on and on, then “a quote” and 'one' and \"two\"\n\
                 and é, ü, — dashes, «guillemets», 「brackets」 and the end";
        let b = t.as_bytes();
        for i in 0..=b.len() {
            assert_eq!(next_stop(b, i), naive(b, i), "from {i}");
        }
        for n in 0..20 {
            let plain = "x".repeat(n);
            assert_eq!(next_stop(plain.as_bytes(), 0), n);
            for stop in ["\n", "\"", "'", "\u{a0}", "“", "「"] {
                let s = format!("{plain}{stop}{plain}");
                assert_eq!(next_stop(s.as_bytes(), 0), n, "{s:?}");
            }
        }
    }

    fn texts(t: &str) -> Vec<&str> {
        scan(t).iter().map(|s| &t[s.range.clone()]).collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(texts("a “b c,” he said"), ["“b c,”"]);
        assert_eq!(texts("a \"b c,\" he said \"d\""), ["\"b c,\"", "\"d\""]);
    }

    #[test]
    fn apostrophes_do_not_open() {
        let t = "“I don’t like Korea’s ’90s rock 'n' roll,” she said.";
        assert_eq!(texts(t).len(), 1);
        assert_eq!(texts("It’s Korea’s ’90s."), Vec::<&str>::new());
    }

    #[test]
    fn nested_single() {
        let t = "“He said ‘no way’ to me,” she said.";
        let s = scan(t);
        assert_eq!(s.len(), 2);
        assert_eq!(&t[s[1].range.clone()], "‘no way’");
        assert_eq!(s[1].parent, Some(0));
    }

    #[test]
    fn multi_paragraph_and_unclosed() {
        let t = "“One.\n\n“Two,” she said.\n“Never closed\nNext.";
        let s = scan(t);
        assert_eq!(&t[s[0].range.clone()], "“One.\n\n“Two,”");
        assert!(s[0].multi_paragraph);
        assert_eq!(&t[s[1].range.clone()], "“Never closed");
        assert!(s[1].unclosed);
    }

    #[test]
    fn straight_quote_reopened_after_a_sentence_goes_on() {
        let t = "\"One. Two. \"Three,\" she said.";
        assert_eq!(texts(t), [t.trim_end_matches(" she said.")]);
        assert!(scan(t)[0].multi_paragraph);
        // Closed, then a new quote: two spans.
        assert_eq!(
            texts("\"One.\" \"Two,\" she said."),
            ["\"One.\"", "\"Two,\""]
        );
        // Not after a sentence end: the mark closes.
        assert_eq!(texts("\"One, \"two"), ["\"One, \""]);
        // Curly quotes reopened after a sentence end are two spans.
        assert_eq!(texts("“One. “Two,” she said."), ["“One.", "“Two,”"]);
    }

    #[test]
    fn guillemets_and_corners() {
        assert_eq!(texts("il a dit « oui » hier"), ["« oui »"]);
        assert_eq!(texts("「はい」と"), ["「はい」"]);
    }
}
