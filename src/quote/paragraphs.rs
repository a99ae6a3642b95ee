//! Paragraphs as written, not as typed: the line breaks of hard-wrapped
//! text (wire copy broken at about 65 columns, paragraphs starting with an
//! indent) are told apart from the breaks that end a paragraph.
//!
//! [`logical`] returns the text with every wrapping break turned into a
//! space. A `\n` and a space are both one byte, so every offset into the
//! result is the same offset into the text as given; later steps see one
//! line per paragraph and never end a quote or a sentence at a wrap.
//!
//! Hand-written because no crate does this job: `textwrap::unfill` undoes
//! the wrapping of one paragraph it is told is one, while here the text
//! holds many, and which breaks end one is the question. The rules:
//!
//! - A text is hard-wrapped when at least four of its lines are followed by
//!   another line of text, a third of those lines come near one width `W`
//!   (between 40 and 120 columns) and hardly any go past it. Other text is
//!   left as it is.
//! - In a hard-wrapped text a break ends its paragraph when the next line
//!   is blank or more indented than the text's body lines, or when the line
//!   is longer than the wrap width (it was never wrapped).
//! - A line that comes near the width was wrapped. A short one ends its
//!   paragraph when it ends a sentence (`.`, `?`, `!`, `:`, a closing mark),
//!   or when the next line starts with a capital (a heading, a table row);
//!   else it was cut short (the first line beside a dateline) and continues.

use std::borrow::Cow;

/// Fewest lines followed by text for wrapping to be told.
const MIN_LINES: usize = 4;

/// Widths a wrapped text may have.
const WIDTHS: std::ops::RangeInclusive<usize> = 40..=120;

/// One line of the text: where it starts and ends (without its `\n`).
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    /// Columns taken, trailing whitespace dropped.
    width: usize,
    /// Leading spaces and tabs.
    indent: usize,
    blank: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split('\n') {
        let end = start + piece.len();
        let trimmed = piece.trim_end();
        let indent = trimmed.len() - trimmed.trim_start_matches([' ', '\t']).len();
        out.push(Line {
            start,
            end,
            width: trimmed.chars().count(),
            indent,
            blank: trimmed.trim_start().is_empty(),
        });
        start = end + 1;
    }
    out
}

/// The width a text is wrapped at, if it is hard-wrapped.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .windows(2)
        .filter(|w| !w[0].blank && !w[1].blank)
        .map(|w| w[0].width)
        .collect();
    if widths.len() < MIN_LINES {
        return None;
    }
    widths.sort_unstable();
    // The width most wrapped lines come up to: a high quantile, so that a
    // stray long line does not set it.
    let w = widths[(widths.len() - 1) * 9 / 10];
    if !WIDTHS.contains(&w) {
        return None;
    }
    // A third of the lines come near it (short articles end many
    // paragraphs), and hardly any go past it.
    let near = widths
        .iter()
        .filter(|&&x| x + w / 4 >= w && x <= w + 8)
        .count();
    let longer = widths.iter().filter(|&&x| x > w + 8).count();
    (near * 3 >= widths.len() && longer * 20 <= widths.len()).then_some(w)
}

/// The width of the first word of `line`.
fn first_word(text: &str, line: &Line) -> usize {
    text[line.start..line.end]
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count())
}

/// Whether the break after `line` ends a sentence-final or heading line.
fn ends_paragraph(text: &str, line: &Line, next: &Line) -> bool {
    let ends_sentence = text[line.start..line.end]
        .trim_end()
        .ends_with(['.', '?', '!', ':', '"', '”', '’', '\'', '»']);
    let next_capital = text[next.start..next.end]
        .trim_start()
        .starts_with(|c: char| c.is_uppercase());
    ends_sentence || next_capital
}

/// `text` with the breaks that only wrap a paragraph turned into spaces
/// (borrowed unchanged when there are none).
pub fn logical(text: &str) -> Cow<'_, str> {
    let lines = lines(text);
    let Some(w) = wrap_width(&lines) else {
        return Cow::Borrowed(text);
    };
    let body_indent = lines
        .iter()
        .filter(|l| !l.blank)
        .map(|l| l.indent)
        .min()
        .unwrap_or(0);
    let mut soft = Vec::new();
    for pair in lines.windows(2) {
        let (line, next) = (&pair[0], &pair[1]);
        if line.blank || next.blank || next.indent > body_indent || line.width > w + 8 {
            continue;
        }
        let wrapped = line.width + 1 + first_word(text, next) + w / 6 > w;
        let cut_short = !ends_paragraph(text, line, next);
        if wrapped || cut_short {
            soft.push(line.end);
        }
    }
    if soft.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for at in soft {
        bytes[at] = b' ';
    }
    // Only ASCII newlines became ASCII spaces, so the text is still UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Title of the story\n\n\
Ana Ruiz said on Tuesday that the\n\
harbour board would \"look again at every\n\
contract signed since the spring, and we\n\
will publish what we find.\"\n    \
The board meets again in May, when the\n\
new chairman, Bo Lind, takes his seat at\n\
the head of the long table by the window.\n    \
Shares rose 2.5 pct.\n";

    #[test]
    fn wire_copy_becomes_one_line_per_paragraph() {
        let out = logical(WIRE);
        assert_eq!(out.len(), WIRE.len());
        let paras: Vec<&str> = out.lines().collect();
        assert_eq!(paras.len(), 5, "{paras:#?}");
        assert!(paras[2].starts_with("Ana Ruiz said") && paras[2].ends_with("find.\""));
        assert!(paras[3].trim_start().starts_with("The board") && paras[3].ends_with("window."));
    }

    #[test]
    fn short_wire_story_with_many_paragraph_ends_is_still_wrapped() {
        let t = "TITLE\n\nThe mayor of Lowfield, Ida Marr, told\n\
the council on Friday that the old bridge\nwould close.\n    \
\"We have no choice but to shut it down for\nthe winter,\" she said.\n    \
The council agreed.\n    \
Work starts in May.\n";
        let out = logical(t);
        assert!(out.contains("\"We have no choice but to shut it down for the winter,\""));
        assert!(out.contains("told the council"));
        assert!(out.contains("agreed.\n    Work"));
    }

    #[test]
    fn unwrapped_text_is_left_alone() {
        let t = "Title\n\nA first paragraph that runs on for quite a while, much longer than any wrapped line would be allowed to run.\nA second one.\nA third paragraph, of middling length, ends here.\nA fourth.\nAnd a fifth, which is the last.\n";
        assert!(matches!(logical(t), Cow::Borrowed(_)));
    }

    #[test]
    fn short_lines_of_a_table_stay_apart() {
        let t = format!("{WIRE}    Shr 1.25 dlrs vs 1.10 dlrs\n    Net 5.0 mln vs 4.4 mln\n");
        let out = logical(&t);
        assert!(out.contains("Shr 1.25 dlrs vs 1.10 dlrs\n    Net"));
    }
}
