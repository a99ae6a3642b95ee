//! Site boilerplate trailing a story: `Stay informed…`, `Follow us on…`,
//! Reuters' closing `Reuter` and end-of-text mark.

use std::ops::Range;

use super::text::{is_blank, paragraphs, trim_range};

/// Openings of trailing paragraphs that are the site talking, not the story.
const OPENINGS: [&str; 22] = [
    "stay informed",
    "stay tuned",
    "stay up to date",
    "follow us",
    "follow all the",
    "subscribe",
    "sign up",
    "click here",
    "read more",
    "read also",
    "related:",
    "related articles",
    "related stories",
    "share this",
    "download our",
    "download the",
    "copyright",
    "©",
    "(c) ",
    "all rights reserved",
    "like us on",
    "get the latest",
];

/// Phrases that mark a short trailing paragraph as boilerplate wherever they appear.
const PHRASES: [&str; 5] = [
    "follow us on",
    "all rights reserved",
    "subscribe to our",
    "subscribe our",
    "sign up for our",
];

/// A paragraph longer than this (bytes) is story, whatever it contains.
const MAX_LEN: usize = 600;

/// Where `body` should end so that trailing boilerplate is left out. At least
/// the first paragraph always stays.
pub(crate) fn body_end(text: &str, body: Range<usize>) -> usize {
    let mut body = trim_range(text, body);
    // Some wires sign off twice.
    while let Some(end) = wire_sign_off(text, body.clone()) {
        body.end = end;
    }
    let paras = paragraphs(text, body.clone());
    let mut end = body.end;
    for para in paras.iter().skip(1).rev() {
        if !is_boilerplate(&text[para.clone()]) {
            break;
        }
        end = trim_range(text, body.start..para.start).end;
    }
    end
}

/// Where `body` ends without a wire's closing `Reuter` and end-of-text mark,
/// which may share the last line with the story.
fn wire_sign_off(text: &str, body: Range<usize>) -> Option<usize> {
    let slice = &text[body.clone()];
    let lower = slice.to_ascii_lowercase();
    let before = ["&#3;", "reuters", "reuter", "reuter^m"]
        .iter()
        .find_map(|mark| {
            let before = lower.strip_suffix(mark)?;
            let kept = before.trim_end_matches(is_blank);
            let gap = &before[kept.len()..];
            // `Reuter` signs off on its own line or after padding, not mid-sentence.
            let after_sentence = kept.ends_with(['.', '!', '?', ')', '"']);
            let shouted = *mark == "reuter" && slice.ends_with("REUTER");
            let set_apart = *mark == "&#3;"
                || gap.contains('\n')
                || gap.chars().count() >= 2
                || after_sentence
                || shouted;
            (set_apart && !kept.is_empty()).then_some(kept.len())
        })?;
    Some(body.start + before)
}

fn is_boilerplate(para: &str) -> bool {
    if para.len() > MAX_LEN {
        return false;
    }
    let lower = para.to_lowercase();
    let bare = lower.trim_end_matches(|c: char| c == '.' || c.is_control() || c.is_whitespace());
    // Reuters closes with `Reuter` (or `More` when a story continues) and an
    // end-of-text mark, raw or as `&#3;`.
    if matches!(
        bare,
        "reuter" | "reuters" | "reuter^m" | "more" | "&#3;" | "reuter\n&#3;"
    ) {
        return true;
    }
    OPENINGS.iter().any(|o| lower.starts_with(o)) || PHRASES.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_after(text: &str) -> &str {
        &text[..body_end(text, 0..text.len())]
    }

    #[test]
    fn site_lines_are_cut() {
        let story = "First paragraph of the story.\nSecond paragraph.";
        let text =
            format!("{story}\nStay informed on all the news. Follow us on social media.\n\n\n");
        assert_eq!(body_after(&text), story);
    }

    #[test]
    fn reuters_sign_off_is_cut_raw_or_escaped() {
        assert_eq!(body_after("Prices rose.\n Reuter\n&#3;"), "Prices rose.");
        assert_eq!(body_after("Prices rose.\n REUTER\u{3}"), "Prices rose.");
        assert_eq!(
            body_after("Total 55.8 (33.7).        REUTER\n&#3;"),
            "Total 55.8 (33.7)."
        );
        assert_eq!(body_after("Quoted by Reuters"), "Quoted by Reuters");
        assert_eq!(
            body_after("Note: year ended.\nREUTER\n Reuter\n&#3;"),
            "Note: year ended."
        );
    }

    #[test]
    fn story_paragraphs_mentioning_follow_us_are_kept_when_not_last() {
        let text = "Subscribe now, he said.\nThe story goes on here.";
        assert_eq!(body_after(text), text);
        // The only paragraph is never cut.
        assert_eq!(body_after("Subscribe to our list"), "Subscribe to our list");
    }
}
