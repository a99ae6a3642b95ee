//! First-fit wrapping of words into rows of segments.
//!
//! Words are measured once; a word wider than the row is broken between
//! clusters (a char with the zero-width chars that follow it), and a row
//! holds more than its width only when one cluster alone is wider.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use super::roles::Cursor;
use super::{Role, Row, Seg, Source};
use crate::text::{display_width, replacement};

/// Whether `c` separates words: white space other than the no-break spaces.
pub(super) fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Whether a word may break after `c`: hyphen-minus, hyphen, en and em
/// dash (not the no-break hyphen U+2011).
fn is_break_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2013}' | '\u{2014}')
}

/// A word found by [`Words`]: its byte range and whether it is all ASCII.
pub(super) struct Word {
    pub(super) range: Range<usize>,
    pub(super) ascii: bool,
}

/// The words of one range of a text, split at [`is_break_space`] runs.
pub(super) struct Words<'t> {
    text: &'t str,
    pos: usize,
    end: usize,
}

impl<'t> Words<'t> {
    /// The words of `text[range]`; `range` must lie on char boundaries.
    pub(super) fn new(text: &'t str, range: Range<usize>) -> Self {
        Self {
            text,
            pos: range.start,
            end: range.end.min(text.len()),
        }
    }

    /// The length of the non-ASCII char at `i` if it is a [`is_break_space`].
    fn wide_space_at(&self, i: usize) -> Option<usize> {
        let c = self.text.get(i..)?.chars().next()?;
        is_break_space(c).then_some(c.len_utf8())
    }
}

/// What a byte tells about white space, without decoding.
#[derive(Clone, Copy)]
enum Class {
    /// Part of a word: other ASCII, and continuation or lead bytes that
    /// start no white space.
    Word,
    /// ASCII white space.
    Space,
    /// A lead byte of some non-ASCII white space (U+0085, U+00A0, U+1680,
    /// U+2000–U+205F, U+3000): decode to know.
    MaybeSpace,
}

/// The [`Class`] of every byte value.
const CLASS: [Class; 256] = {
    let mut t = [Class::Word; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b {
            0x09..=0x0d | 0x20 => Class::Space,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => Class::MaybeSpace,
            _ => Class::Word,
        };
        b += 1;
    }
    t
};

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let bytes = self.text.as_bytes().get(..self.end)?;
        let mut i = self.pos;
        while let Some(&b) = bytes.get(i) {
            match CLASS[usize::from(b)] {
                Class::Space => i += 1,
                Class::Word => break,
                Class::MaybeSpace => match self.wide_space_at(i) {
                    Some(len) => i += len,
                    None => break,
                },
            }
        }
        let start = i;
        let mut high = 0u8;
        // Byte by byte: continuation bytes never look like white space.
        while let Some(&b) = bytes.get(i) {
            match CLASS[usize::from(b)] {
                Class::Space => break,
                Class::MaybeSpace if self.wide_space_at(i).is_some() => break,
                Class::Word | Class::MaybeSpace => {
                    high |= b;
                    i += 1;
                }
            }
        }
        self.pos = i;
        (i > start).then_some(Word {
            range: start..i,
            ascii: high < 0x80,
        })
    }
}

/// Splits `s` into pieces at most `width` columns wide (a piece is wider
/// only when it is one cluster), returning each piece's range and width.
pub(super) fn chunks(s: &str, width: usize) -> Vec<(Range<usize>, usize)> {
    if s.is_ascii() {
        // One column a byte, controls included (their pictures are one wide).
        let step = width.max(1);
        return (0..s.len())
            .step_by(step)
            .map(|a| (a..s.len().min(a + step), step.min(s.len() - a)))
            .collect();
    }
    let mut out = Vec::new();
    let (mut start, mut w) = (0, 0);
    let mut i = 0;
    while i < s.len() {
        let end = cluster_end(s, i);
        let cw = display_width(s.get(i..end).unwrap_or_default());
        if w > 0 && w + cw > width {
            out.push((start..i, w));
            (start, w) = (i, 0);
        }
        w += cw;
        i = end;
    }
    if i > start {
        out.push((start..i, w));
    }
    out
}

/// The end of the cluster starting at `i`: one char, the zero-width chars
/// after it, and the char after a zero-width joiner when the two are drawn
/// as one (an emoji sequence: `unicode-width` then counts them narrower than
/// apart). A joiner between other chars (`,` ZWJ `�`) joins nothing, so
/// the cluster never measures wider than the chars the terminal draws.
fn cluster_end(s: &str, i: usize) -> usize {
    /// Longer than any emoji sequence: past it a chain of joiners stops
    /// joining, so measuring a cluster never grows with hostile input.
    const MAX_JOINED: usize = 64;
    let mut chars = s.get(i..).unwrap_or_default().char_indices().peekable();
    let Some((_, mut prev)) = chars.next() else {
        return s.len();
    };
    let mut end = i + prev.len_utf8();
    while let Some(&(j, c)) = chars.peek() {
        let zero = replacement(c).is_none() && c.width() == Some(0);
        let next = i + j + c.len_utf8();
        let joined = !zero
            && prev == '\u{200d}'
            && next - i <= MAX_JOINED
            && s.get(i..next).map(display_width)
                < s.get(i..end)
                    .map(|a| display_width(a) + display_width(&s[end..next]));
        if !(zero || joined) {
            break;
        }
        end = next;
        prev = c;
        chars.next();
    }
    end
}

/// How the white space before a word is shown when the word stays on the row.
#[derive(Clone, Copy)]
pub(super) enum Sep {
    /// One byte of the text (an ASCII space or control, shown as a space).
    Text(usize),
    /// A generated space, for other white space starting at this offset.
    Space(usize),
}

/// Rows being filled, first fit.
pub(super) struct Builder<'t> {
    text: &'t str,
    width: usize,
    rows: Vec<Row>,
    starts: Vec<usize>,
    row: Row,
    used: usize,
    start: Option<usize>,
}

impl<'t> Builder<'t> {
    /// A builder for rows of `width` columns (at least one) over `text`.
    pub(super) fn new(text: &'t str, width: usize) -> Self {
        Self {
            text,
            width: width.max(1),
            rows: Vec::new(),
            starts: Vec::new(),
            row: Row::default(),
            used: 0,
            start: None,
        }
    }

    /// Whether no row has been started yet.
    pub(super) fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.row.segs.is_empty()
    }

    /// Ends the current row, if it has anything on it.
    pub(super) fn break_row(&mut self) {
        if !self.row.segs.is_empty() {
            self.rows.push(std::mem::take(&mut self.row));
            self.starts.push(self.start.take().unwrap_or(usize::MAX));
            self.used = 0;
        }
    }

    /// Ends the current row and adds an empty one.
    pub(super) fn blank_row(&mut self) {
        self.break_row();
        self.rows.push(Row::default());
        self.starts.push(usize::MAX);
    }

    /// Whether a unit `w` wide fits after a separator on the current row.
    fn fits_after_sep(&self, w: usize) -> bool {
        self.used > 0 && self.used + 1 + w <= self.width
    }

    /// Appends a segment, extending the last one when it continues it.
    fn push(&mut self, source: Source, role: Role) {
        if let Source::Text(r) = &source {
            self.start.get_or_insert(r.start);
        }
        if let Some(last) = self.row.segs.last_mut() {
            if last.role == role {
                match (&mut last.source, &source) {
                    (Source::Text(a), Source::Text(b)) if a.end == b.start => {
                        a.end = b.end;
                        return;
                    }
                    (Source::Owned(a), Source::Owned(b)) => {
                        a.push_str(b);
                        return;
                    }
                    _ => {}
                }
            }
        }
        self.row.segs.push(Seg { source, role });
    }

    /// Appends `range` of the text split into segments by role.
    fn push_text(&mut self, range: Range<usize>, roles: &mut Cursor) {
        let mut a = range.start;
        while a < range.end {
            let (role, until) = roles.at(a);
            let b = until.min(range.end);
            self.push(Source::Text(a..b), role);
            a = b;
        }
    }

    /// Places a word of the text, `w` columns wide, after the white space
    /// `sep`: on the current row if it fits, else broken after a hyphen to
    /// fill the row, else on the next rows, broken between clusters only
    /// when no hyphen helps.
    pub(super) fn text_word(
        &mut self,
        word: &Word,
        w: usize,
        sep: Option<Sep>,
        roles: &mut Cursor,
    ) {
        let end = word.range.end;
        if let Some(sep) = sep.filter(|_| self.fits_after_sep(w)) {
            if let Sep::Text(at) = sep {
                let (role, until) = roles.at(at);
                if at + 1 == word.range.start && until >= end {
                    // The usual case: one space and the word, one role.
                    self.push(Source::Text(at..end), role);
                    self.used += 1 + w;
                    return;
                }
            }
            self.push_sep(sep, roles);
            self.push_text(word.range.clone(), roles);
            self.used += 1 + w;
            return;
        }
        let (mut start, mut w) = (word.range.start, w);
        if let Some(sep) = sep.filter(|_| self.used > 0) {
            let room = self.width.saturating_sub(self.used + 1);
            if let Some((cut, pw)) = self.hyphen_prefix(start..end, word.ascii, room) {
                self.push_sep(sep, roles);
                self.push_text(start..cut, roles);
                (start, w) = (cut, w.saturating_sub(pw));
            }
        }
        loop {
            self.break_row();
            if w <= self.width {
                self.push_text(start..end, roles);
                self.used = w;
                return;
            }
            let Some((cut, pw)) = self.hyphen_prefix(start..end, word.ascii, self.width) else {
                break;
            };
            self.push_text(start..cut, roles);
            self.used = pw;
            (start, w) = (cut, w.saturating_sub(pw));
        }
        let s = self.text.get(start..end).unwrap_or_default();
        for (k, (r, cw)) in chunks(s, self.width).into_iter().enumerate() {
            if k > 0 {
                self.break_row();
            }
            self.push_text(start + r.start..start + r.end, roles);
            self.used = cw;
        }
    }

    /// Appends the white space before a word, shown as one space.
    fn push_sep(&mut self, sep: Sep, roles: &mut Cursor) {
        match sep {
            Sep::Text(at) => {
                let (role, _) = roles.at(at);
                self.push(Source::Text(at..at + 1), role);
            }
            Sep::Space(at) => {
                let (role, _) = roles.at(at);
                self.push(Source::Owned(" ".to_string()), role);
            }
        }
    }

    /// The longest start of `word` that ends in a hyphen (not its first or
    /// last char) and is at most `room` columns wide: where it ends, and its
    /// width. Widths add up across a hyphen, so the rest is `w` minus it.
    fn hyphen_prefix(
        &self,
        word: Range<usize>,
        ascii: bool,
        room: usize,
    ) -> Option<(usize, usize)> {
        let s = self.text.get(word.clone())?;
        let (mut best, mut from, mut width) = (None, 0, 0);
        for (i, c) in s.char_indices() {
            if ascii && i > room {
                break;
            }
            if !is_break_hyphen(c) || i == 0 {
                continue;
            }
            let cut = i + c.len_utf8();
            if cut >= s.len() {
                break;
            }
            width += if ascii {
                cut - from
            } else {
                display_width(s.get(from..cut)?)
            };
            if width > room {
                break;
            }
            (best, from) = (Some((word.start + cut, width)), cut);
        }
        best
    }

    /// Places generated text `s` (already sanitised), `w` columns wide, as one
    /// word: after a space when it fits on the current row, else on a new
    /// row, and only when it is wider than a row, split at its spaces.
    pub(super) fn owned_word(&mut self, s: &str, w: usize, role: Role) {
        if self.fits_after_sep(w) || w > self.width {
            self.owned_text(s, role);
            return;
        }
        self.break_row();
        self.push(Source::Owned(s.to_string()), role);
        self.used = w;
    }

    /// Places generated text (already sanitised) word by word, first fit.
    pub(super) fn owned_text(&mut self, s: &str, role: Role) {
        for word in s.split(is_break_space).filter(|w| !w.is_empty()) {
            self.owned_part(word, display_width(word), role);
        }
    }

    /// Places one word of generated text, broken when wider than a row.
    fn owned_part(&mut self, s: &str, w: usize, role: Role) {
        if self.fits_after_sep(w) {
            self.push(Source::Owned(format!(" {s}")), role);
            self.used += 1 + w;
            return;
        }
        self.break_row();
        for (k, (r, cw)) in chunks(s, self.width).into_iter().enumerate() {
            if k > 0 {
                self.break_row();
            }
            self.push(
                Source::Owned(s.get(r).unwrap_or_default().to_string()),
                role,
            );
            self.used = cw;
        }
    }

    /// The rows, and for each the offset of its first byte of text; rows
    /// without text take the offset of the next row that has some.
    pub(super) fn finish(mut self) -> (Vec<Row>, Vec<usize>) {
        self.break_row();
        let mut next = usize::MAX;
        for s in self.starts.iter_mut().rev() {
            if *s == usize::MAX {
                *s = next;
            } else {
                next = *s;
            }
        }
        (self.rows, self.starts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_at_breaking_space_only() {
        let t = " a\u{a0}b  c\u{2011}d\n\u{3000}e ";
        let words: Vec<&str> = Words::new(t, 0..t.len()).map(|w| &t[w.range]).collect();
        assert_eq!(words, ["a\u{a0}b", "c\u{2011}d", "e"]);
    }

    #[test]
    fn ascii_chunks_are_width_bytes() {
        assert_eq!(chunks("abcde", 2), [(0..2, 2), (2..4, 2), (4..5, 1)]);
        assert_eq!(chunks("a\u{1b}", 0), [(0..1, 1), (1..2, 1)]);
        assert!(chunks("", 3).is_empty());
    }

    #[test]
    fn chunks_keep_combining_marks_and_joined_emoji() {
        let s = "e\u{301}e\u{301}👩\u{200d}💻x";
        let parts: Vec<&str> = chunks(s, 1).into_iter().map(|(r, _)| &s[r]).collect();
        assert_eq!(parts, ["e\u{301}", "e\u{301}", "👩\u{200d}💻", "x"]);
        let parts: Vec<(&str, usize)> = chunks("漢字ab", 3)
            .into_iter()
            .map(|(r, w)| (&"漢字ab"[r], w))
            .collect();
        assert_eq!(parts, [("漢", 2), ("字a", 3), ("b", 1)]);
    }
}
