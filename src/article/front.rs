//! Lines that open a story without being part of it: a byline (`By Ana Lin`)
//! or a date on its own line (`Friday, January 4, 2019`, as Wikinews writes).

use std::ops::Range;

use super::{Article, dateline, text};

/// The longest byline or date line taken, in chars.
const MAX_LEN: usize = 80;

/// Moves `body.start` past an opening byline and date line, filling the
/// article's `byline` and `published` when they are empty. At least one
/// paragraph always stays in the body.
pub(crate) fn skip_front_matter(article: &mut Article, body: &mut Range<usize>) {
    for _ in 0..2 {
        let paras = text::paragraphs(&article.text, body.clone());
        let [first, second, ..] = paras.as_slice() else {
            return;
        };
        let line = &article.text[first.clone()];
        if line.chars().count() > MAX_LEN || line.contains('\n') {
            return;
        }
        if is_byline(line) {
            article.byline.get_or_insert_with(|| text::one_line(line));
        } else if dateline::is_date_line(line) {
            article
                .published
                .get_or_insert_with(|| line.trim().to_string());
        } else {
            return;
        }
        body.start = second.start;
    }
}

/// `By Ana Lin`, `BY JOHN SMITH and JANE DOE`, `By Ana Lin, Staff Writer`.
fn is_byline(line: &str) -> bool {
    let Some(names) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && words[0].starts_with(char::is_uppercase)
        && !names.trim_end().ends_with(['.', '!', '?', '"', '”'])
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(*w, "and" | "in" | "of" | "de" | "van" | "von")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(text: &str) -> (Article, &str) {
        let mut a = Article {
            text: text.to_string(),
            ..Article::default()
        };
        let mut body = 0..text.len();
        skip_front_matter(&mut a, &mut body);
        (a, &text[body.start..])
    }

    #[test]
    fn byline_and_date_lines_leave_the_body() {
        let (a, rest) =
            front("By Ana Lin and Tom Ek\n\nFriday, January 4, 2019\n\nThe story.\n\nMore.");
        assert_eq!(a.byline.as_deref(), Some("By Ana Lin and Tom Ek"));
        assert_eq!(a.published.as_deref(), Some("Friday, January 4, 2019"));
        assert_eq!(rest, "The story.\n\nMore.");
    }

    #[test]
    fn sentences_starting_with_by_stay() {
        let (a, rest) = front("By noon the river had risen two metres.\n\nMore.");
        assert!(a.byline.is_none());
        assert!(rest.starts_with("By noon"));
        // A lone paragraph is never taken.
        let (_, rest) = front("By Ana Lin");
        assert_eq!(rest, "By Ana Lin");
    }

    #[test]
    fn given_fields_are_kept() {
        let mut a = Article {
            text: "2019-01-04\n\nStory.".into(),
            published: Some("2019".into()),
            ..Article::default()
        };
        let mut body = 0..a.text.len();
        skip_front_matter(&mut a, &mut body);
        assert_eq!((a.published.as_deref(), body.start), (Some("2019"), 12));
    }
}
