//! HTML made plain: tags dropped, entities decoded, blocks become paragraphs.

use super::text::decode_entities;

/// Elements whose content is never text for a reader.
const SKIPPED: [&str; 7] = [
    "script", "style", "noscript", "template", "svg", "iframe", "head",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 18] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "figure",
];

/// The text of an HTML fragment, one paragraph per line with blank lines between.
pub(crate) fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // Not a tag after all: a lone `<` in text.
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match &skipping {
            Some(skipped) if closing && *skipped == name => skipping = None,
            Some(_) => {}
            None if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') => {
                skipping = Some(name)
            }
            None if BLOCKS.contains(&name.as_str()) => break_paragraph(&mut out),
            None => {}
        }
    }
    if skipping.is_none() {
        push_text(&mut out, rest);
    }
    out.trim_end().to_string()
}

fn push_text(out: &mut String, raw: &str) {
    let decoded = decode_entities(raw);
    for (i, word) in decoded
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .enumerate()
    {
        if i > 0 && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        out.push_str(word);
    }
}

fn break_paragraph(out: &mut String) {
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

/// What a web page holds for a reader.
#[derive(Debug, Default)]
pub(crate) struct Page {
    /// The headline.
    pub title: Option<String>,
    /// The canonical address.
    pub url: Option<String>,
    /// The site's name.
    pub site: Option<String>,
    /// Publication time as the page gives it.
    pub published: Option<String>,
    /// The author.
    pub author: Option<String>,
    /// The story's paragraphs, blank-line separated.
    pub body: String,
}

/// A simple readability pass: the headline and the rest from the page's
/// metadata, the body from the `<p>` elements of the block that holds the
/// most paragraph text (see [`super::readable`]).
pub(crate) fn page(html: &str) -> Page {
    let site = meta(html, "og:site_name");
    let title = meta(html, "og:title")
        .or_else(|| element(html, "title").map(|(_, inner)| inner.to_string()))
        .or_else(|| element(html, "h1").map(|(_, inner)| to_text(inner)))
        .map(|t| without_site(&decode_entities(t.trim()), site.as_deref()));
    let paragraphs = super::readable::story_paragraphs(html);
    Page {
        title,
        url: meta(html, "og:url"),
        published: meta(html, "article:published_time"),
        author: meta(html, "author").filter(|a| !a.starts_with("http")),
        site,
        body: paragraphs.join("\n\n"),
    }
}

/// `title` without a trailing ` - Site` or ` | Site` naming `site`.
fn without_site(title: &str, site: Option<&str>) -> String {
    let stripped = site.and_then(|site| {
        [" - ", " | ", " – ", " — "]
            .iter()
            .find_map(|sep| title.strip_suffix(site)?.strip_suffix(sep))
    });
    stripped.unwrap_or(title).trim().to_string()
}

/// The `content` of `<meta property="NAME" content="…">`.
fn meta(html: &str, name: &str) -> Option<String> {
    let needle = format!("\"{name}\"");
    let at = html.find(&needle)?;
    let open = html[..at].rfind('<')?;
    let close = at + html[at..].find('>')?;
    let tag = &html[open..close];
    let content = tag.split("content=\"").nth(1)?.split('"').next()?;
    Some(decode_entities(content))
}

/// The first `<tag …>inner</tag>` in `html`: its attributes and inner HTML
/// (to the end of `html` when it is never closed).
pub(crate) fn element<'a>(html: &'a str, tag: &str) -> Option<(&'a str, &'a str)> {
    let (open, attrs_end) = find_open(html, tag)?;
    let attrs = &html[open + 1 + tag.len()..attrs_end];
    if attrs.ends_with('/') {
        return Some((attrs, ""));
    }
    let inner = &html[attrs_end + 1..];
    let close = format!("</{tag}");
    let end = find_ci(inner, &close).unwrap_or(inner.len());
    Some((attrs, &inner[..end]))
}

/// The byte offsets of `<` and `>` of the first opening `tag` in `html`.
fn find_open(html: &str, tag: &str) -> Option<(usize, usize)> {
    let needle = format!("<{tag}");
    let mut from = 0;
    while let Some(i) = find_ci(&html[from..], &needle) {
        let open = from + i;
        let after = open + needle.len();
        let next = html[after..].chars().next();
        if next.is_some_and(|c| c == '>' || c == '/' || c.is_whitespace()) {
            let gt = after + html[after..].find('>')?;
            return Some((open, gt));
        }
        from = after;
    }
    None
}

/// Case-insensitive `find` for an ASCII needle.
pub(crate) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_blocks_split_entities_decode() {
        let html = "<p>“Yes,” she <b>said</b>.</p><script>var x = '<p>';</script><p>A &amp; B&#8217;s\n  end</p>";
        assert_eq!(to_text(html), "“Yes,” she said.\n\nA & B’s end");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<p",
            "<!-- open",
            "a < b",
            "<script>never closed",
            "<>",
            "é<é>é",
        ] {
            let _ = to_text(html);
        }
        assert_eq!(to_text("a < b"), "a < b");
    }

    #[test]
    fn page_takes_title_and_article_paragraphs() {
        let html = "<html><head><title>Site | Story &amp; more</title></head><body><nav><p>Menu</p></nav>\
                    <article><h1>Story</h1><p>First <i>para</i>.</p><P class=x>Second.</P></article></body></html>";
        let page = page(html);
        assert_eq!(page.title.as_deref(), Some("Site | Story & more"));
        assert_eq!(without_site("Story - BBC News", Some("BBC News")), "Story");
        assert_eq!(without_site("Story - BBC News", None), "Story - BBC News");
        assert_eq!(page.body, "First para.\n\nSecond.");
    }
}
