//! RSS 2.0, RSS 1.0 and Atom feeds, each entry an article.
//!
//! Read by scanning for elements rather than with an XML parser, on purpose:
//! real feeds are often truncated or not well-formed (a blank line before
//! `<?xml`, undeclared Latin-1), and a reader should show what is there.

use std::ops::ControlFlow;

use super::html::{element, to_text};
use super::load::Item;
use super::text::{decode_entities, one_line};
use super::{Article, Problem};

/// The encoding named in an XML declaration, lowercased.
pub(crate) fn declared_encoding(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&head[..head.len().min(200)]);
    let decl = &head[head.find("<?xml")?..];
    let decl = &decl[..decl.find("?>")?];
    let value = decl.split("encoding=").nth(1)?;
    let quote = value.chars().next()?;
    let name = value[quote.len_utf8()..].split(quote).next()?;
    Some(name.trim().to_ascii_lowercase())
}

/// Hands every entry of the feed in `xml` to `each`.
pub(crate) fn items(
    xml: &str,
    name: &str,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let atom = find_tag(xml, "entry").is_some() && find_tag(xml, "item").is_none();
    let tag = if atom { "entry" } else { "item" };
    let source = channel_title(xml, tag);
    let mut rest = xml;
    let mut index = 0;
    while let Some(start) = find_tag(rest, tag) {
        // An entry runs to the next one's start, so a truncated one still reads.
        let after = start + tag.len() + 1;
        let end = find_tag(&rest[after..], tag).map_or(rest.len(), |next| after + next);
        let (_, inner) = element(&rest[start..end], tag).unwrap_or(("", ""));
        rest = &rest[end..];
        let item = match entry(inner, name, index, source.as_deref()) {
            Some(article) => Item::Article(article),
            None => Item::Problem(Problem {
                path: name.into(),
                line: None,
                message: format!("skipped entry {index}: no text"),
                fatal: true,
            }),
        };
        index += 1;
        each(item)?;
    }
    if index == 0 {
        let problem = Problem {
            path: name.into(),
            line: None,
            message: "no entries in this feed".into(),
            fatal: true,
        };
        return each(Item::Problem(problem));
    }
    ControlFlow::Continue(())
}

/// The offset of the first `<tag>` or `<tag …>` in `xml`.
fn find_tag(xml: &str, tag: &str) -> Option<usize> {
    let needle = format!("<{tag}");
    let mut from = 0;
    while let Some(i) = xml[from..].find(&needle) {
        let at = from + i;
        let next = xml[at + needle.len()..].chars().next();
        if next.is_some_and(|c| c == '>' || c.is_whitespace()) {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

fn channel_title(xml: &str, entry_tag: &str) -> Option<String> {
    let head = &xml[..find_tag(xml, entry_tag).unwrap_or(xml.len())];
    field(head, &["title"])
        .map(|t| one_line(&t))
        .filter(|t| !t.is_empty())
}

/// The text of the first of `tags` present, CDATA unwrapped, entities decoded.
fn field(xml: &str, tags: &[&str]) -> Option<String> {
    tags.iter().find_map(|tag| {
        let (_, inner) = element(xml, tag)?;
        let inner = inner.trim();
        let raw = match inner.strip_prefix("<![CDATA[") {
            Some(cdata) => cdata.split("]]>").next().unwrap_or(cdata).to_string(),
            None => decode_entities(inner),
        };
        (!raw.trim().is_empty()).then_some(raw)
    })
}

fn entry(xml: &str, name: &str, index: usize, source: Option<&str>) -> Option<Article> {
    let html = field(
        xml,
        &["content:encoded", "content", "description", "summary"],
    )?;
    let body = to_text(&html);
    if body.trim().is_empty() {
        return None;
    }
    let link = field(xml, &["link"]).or_else(|| {
        let (attrs, _) = element(xml, "link")?;
        Some(decode_entities(
            attrs.split("href=\"").nth(1)?.split('"').next()?,
        ))
    });
    let title = field(xml, &["title"]).map(|t| to_text(&t));
    let mut article = Article {
        id: field(xml, &["guid", "id"])
            .map_or_else(|| format!("{name}:{index}"), |g| g.trim().to_string()),
        text: body,
        source: source.map(str::to_string),
        url: link.map(|l| l.trim().to_string()),
        published: field(xml, &["pubDate", "published", "updated", "dc:date"])
            .map(|d| d.trim().to_string()),
        byline: field(xml, &["dc:creator", "author"]).map(|a| to_text(&a)),
        ..Article::default()
    };
    super::set_title_and_body(&mut article, title.as_deref());
    Some(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(xml: &str) -> Vec<Item> {
        let mut out = Vec::new();
        let _ = items(xml, "f.xml", &mut |i| {
            out.push(i);
            ControlFlow::Continue(())
        });
        out
    }

    #[test]
    fn rss_items_become_articles() {
        let xml = "\n<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Daily</title>\
                   <item><title>One &amp; two</title><link>http://x/1</link>\
                   <description><![CDATA[<p>“Hi,” she said.</p><p>More.</p>]]></description></item>\
                   <item><title>Cut off</title><description>&lt;b&gt;Bold&lt;/b&gt; text";
        let items = collect(xml);
        assert_eq!(items.len(), 2, "{items:?}");
        let Item::Article(a) = &items[0] else {
            panic!("{items:?}")
        };
        assert_eq!(
            (a.title.as_str(), a.url.as_deref(), a.source.as_deref()),
            ("One & two", Some("http://x/1"), Some("Daily"))
        );
        assert_eq!(a.text, "“Hi,” she said.\n\nMore.");
        let Item::Article(b) = &items[1] else {
            panic!("{items:?}")
        };
        assert_eq!(b.text, "Bold text");
        assert_eq!(
            declared_encoding(xml.trim_start().as_bytes()).as_deref(),
            Some("iso-8859-1")
        );
    }

    #[test]
    fn odd_declarations_do_not_panic() {
        assert!(declared_encoding("<?xml encoding=“utf-8”?>".as_bytes()).is_some());
        assert_eq!(declared_encoding(b"<?xml encoding=").as_deref(), None);
        assert_eq!(declared_encoding(b"<rss>").as_deref(), None);
    }

    #[test]
    fn atom_entries_and_empty_feeds() {
        let xml = "<feed><title>Blog</title><entry><title>T</title><link href=\"http://y\"/>\
                   <content type=\"html\">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>";
        let items = collect(xml);
        let [Item::Article(a)] = items.as_slice() else {
            panic!("{items:?}")
        };
        assert_eq!(
            (a.text.as_str(), a.url.as_deref()),
            ("Body", Some("http://y"))
        );
        assert!(matches!(
            collect("<rss></rss>").as_slice(),
            [Item::Problem(_)]
        ));
    }
}
