//! Feeds (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed) through `feed-rs`, each
//! entry an article.
//!
//! Real feeds are often cut short or not well-formed, and `feed-rs` gives up
//! on the whole feed then. So an XML feed is first walked with `quick-xml`
//! (the parser `feed-rs` uses): when it breaks, the problem is reported with
//! its line and column and the feed is cut after its last complete item,
//! the open elements closed, and that is parsed. The XML declaration is
//! blanked out first: the text is already decoded (see
//! [`super::encoding`]), and a blank line before it is otherwise fatal.

use std::ops::ControlFlow;

use feed_rs::model::{Entry, Feed};
use quick_xml::events::Event;

use super::html::to_text;
use super::text::one_line;
use super::{Article, Item, Level, Problem};

/// Where a feed stops being well-formed, and what of it can still be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Broken {
    /// Byte offset of the problem in the text.
    pub offset: usize,
    /// What is wrong, in the XML parser's words.
    pub message: String,
    /// The text up to the end of the last complete item, with the elements
    /// still open there closed; `None` when no item was complete.
    pub repaired: Option<String>,
}

/// Hands every entry of the XML feed in `xml` to `each`.
pub(crate) fn xml_items(
    xml: &str,
    name: &str,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let xml = without_declaration(xml);
    let broken = well_formed(&xml).err();
    let text = match &broken {
        None => Some(xml.as_str()),
        Some(b) => b.repaired.as_deref(),
    };
    let parsed = text.map(|t| feed_rs::parser::parse(t.as_bytes()));
    if let Some(b) = &broken {
        let (line, column) = line_column(&xml, b.offset);
        let kept = match &parsed {
            Some(Ok(feed)) => format!(
                "; the {} complete items before it are read",
                feed.entries.len()
            ),
            _ => "; no item before it is complete".to_string(),
        };
        let message = format!(
            "not well-formed XML at line {line}, column {column}: {}{kept}",
            b.message
        );
        each(problem(
            name,
            message,
            parsed.as_ref().is_none_or(|p| p.is_err()),
        ))?;
    }
    match parsed {
        Some(Ok(feed)) => entries(&feed, name, each),
        Some(Err(_)) if broken.is_none() && channel_less_rss(&xml) => each(problem_at(
            name,
            "no items in this feed (its <rss> holds no <channel>)".into(),
            Level::Note,
        )),
        Some(Err(e)) if broken.is_none() => each(problem(name, format!("not a feed: {e}"), true)),
        _ => ControlFlow::Continue(()),
    }
}

/// Whether the well-formed document `xml` is an `<rss>` element with no
/// `<channel>` in it: an empty feed, which `feed-rs` reports as having no
/// root element.
fn channel_less_rss(xml: &str) -> bool {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut root = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.local_name();
                let name: &str = name.into_inner();
                match root {
                    None if name == "rss" => root = Some(()),
                    None => return false,
                    Some(()) if name == "channel" => return false,
                    Some(()) => {}
                }
            }
            Ok(Event::Eof) => return root.is_some(),
            Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// Hands every item of a JSON Feed to `each`; `Err` when `feed-rs` cannot
/// read it, for the caller's own recovery.
pub(crate) fn json_items(
    json: &str,
    name: &str,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> Result<ControlFlow<()>, String> {
    let feed = feed_rs::parser::parse(json.as_bytes()).map_err(|e| e.to_string())?;
    Ok(entries(&feed, name, each))
}

fn problem(name: &str, message: String, fatal: bool) -> Item {
    problem_at(name, message, Level::of(fatal))
}

fn problem_at(name: &str, message: String, level: Level) -> Item {
    Item::Problem(Problem {
        path: name.into(),
        line: None,
        message,
        level,
    })
}

/// At most this many item numbers are listed in a feed's summary note.
const LISTED: usize = 8;

/// The note for a feed some of whose items had no text: `40 items, 4
/// skipped without text (items 2, 13, 32, 34)`, items counted from 1.
fn skipped_note(total: usize, skipped: &[usize]) -> String {
    let mut numbers: Vec<String> = skipped
        .iter()
        .take(LISTED)
        .map(|i| (i + 1).to_string())
        .collect();
    if skipped.len() > LISTED {
        numbers.push("…".into());
    }
    let which = if skipped.len() == 1 { "item" } else { "items" };
    format!(
        "{}, {} skipped without text ({which} {})",
        crate::text::plural(total, "item"),
        skipped.len(),
        numbers.join(", ")
    )
}

fn entries(
    feed: &Feed,
    name: &str,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if feed.entries.is_empty() {
        // A well-formed feed with nothing in it yet is not a failure.
        return each(problem_at(
            name,
            "no items in this feed".into(),
            Level::Note,
        ));
    }
    let source = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content, t.content_type.subty().as_str()))
        .filter(|t| !t.is_empty());
    // Items without text are skipped on purpose: one note for the feed, not
    // a message each.
    let mut skipped = Vec::new();
    for (index, entry) in feed.entries.iter().enumerate() {
        match article(entry, source.as_deref()) {
            Some(article) => each(Item::Article(article))?,
            None => skipped.push(index),
        }
    }
    if !skipped.is_empty() {
        let note = skipped_note(feed.entries.len(), &skipped);
        each(problem_at(name, note, Level::Note))?;
    }
    ControlFlow::Continue(())
}

/// Text that may be HTML (a title or a summary) as one plain line.
fn plain(text: &str, subtype: &str) -> String {
    if subtype == "plain" && !text.contains('<') {
        one_line(text)
    } else {
        one_line(&to_text(text))
    }
}

/// One entry as an article: its full content when it has any, else its
/// summary; `None` when it has neither.
fn article(entry: &Entry, source: Option<&str>) -> Option<Article> {
    let content = entry
        .content
        .as_ref()
        .and_then(|c| Some((c.body.as_deref()?, c.content_type.subty().as_str())));
    let summary = entry
        .summary
        .as_ref()
        .map(|s| (s.content.as_str(), s.content_type.subty().as_str()));
    let body = [content, summary]
        .into_iter()
        .flatten()
        .find_map(|(text, subtype)| {
            let text = if subtype == "plain" {
                text.trim().to_string()
            } else {
                to_text(text)
            };
            (!text.trim().is_empty()).then_some(text)
        })?;
    let title = entry
        .title
        .as_ref()
        .map(|t| plain(&t.content, t.content_type.subty().as_str()));
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.trim().to_string());
    let authors: Vec<&str> = entry
        .authors
        .iter()
        .filter_map(|a| a.name.as_deref().map(str::trim).filter(|n| !n.is_empty()))
        .collect();
    let mut article = Article {
        id: entry.id.trim().to_string(),
        text: body,
        source: source.map(str::to_string),
        url: link,
        published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
        byline: (!authors.is_empty()).then(|| authors.join(", ")),
        ..Article::default()
    };
    super::set_title_and_body(&mut article, title.as_deref());
    Some(article)
}

/// `xml` with its XML declaration replaced by spaces (so offsets stay).
fn without_declaration(xml: &str) -> String {
    let start = xml.len() - xml.trim_start().len();
    let rest = &xml[start..];
    if let Some(end) = rest.strip_prefix("<?xml").and_then(|r| r.find("?>")) {
        let end = start + 5 + end + 2;
        let mut out = String::with_capacity(xml.len());
        out.push_str(&xml[..start]);
        out.extend(
            xml[start..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        out.push_str(&xml[end..]);
        return out;
    }
    xml.to_string()
}

/// Checks that `xml` is well-formed, remembering after each complete item
/// (`item` or `entry`) which elements were open.
pub(crate) fn well_formed(xml: &str) -> Result<(), Broken> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut open: Vec<String> = Vec::new();
    let mut last: Option<(usize, Vec<String>)> = None;
    let broken = |offset: usize, message: String, last: Option<(usize, Vec<String>)>| Broken {
        offset,
        message,
        repaired: last.map(|(end, open)| {
            let mut text = xml[..end].to_string();
            for name in open.iter().rev() {
                text.push_str(&format!("</{name}>"));
            }
            text
        }),
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => open.push(e.name().as_ref().to_string()),
            Ok(Event::End(e)) => {
                open.pop();
                let local = e.local_name();
                if matches!(local.as_ref(), "item" | "entry") {
                    last = Some((position(&reader, xml), open.clone()));
                }
            }
            Ok(Event::Eof) => {
                return match open.last() {
                    None => Ok(()),
                    Some(name) => Err(broken(
                        xml.len(),
                        format!("no element found: the feed ends inside <{name}>"),
                        last,
                    )),
                };
            }
            Ok(_) => {}
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(xml.len());
                return Err(broken(at.min(xml.len()), e.to_string(), last));
            }
        }
    }
}

fn position(reader: &quick_xml::Reader<&[u8]>, xml: &str) -> usize {
    let at = usize::try_from(reader.buffer_position()).unwrap_or(xml.len());
    let mut at = at.min(xml.len());
    while !xml.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The 1-based line and column (in chars) of byte `offset`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = 1 + before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(xml: &str) -> Vec<Item> {
        let mut out = Vec::new();
        let _ = xml_items(xml, "f.xml", &mut |i| {
            out.push(i);
            ControlFlow::Continue(())
        });
        out
    }

    fn articles(items: &[Item]) -> Vec<&Article> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Article(a) => Some(a),
                Item::Problem(_) => None,
            })
            .collect()
    }

    fn problems(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Problem(p) => Some(p.message.clone()),
                Item::Article(_) => None,
            })
            .collect()
    }

    #[test]
    fn rss_items_become_articles() {
        let xml = "\n<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Daily</title>\
                   <item><title>One &amp; two</title><link>http://x/1</link><guid>g1</guid><dc:creator>Ana Ruiz</dc:creator>\
                   <pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>\
                   <description><![CDATA[<p>“Hi,” she said.</p><p>More.</p>]]></description></item>\
                   <item><title>Second</title><description>&lt;b&gt;Bold&lt;/b&gt; text</description></item></channel></rss>";
        let items = collect(xml);
        let found = articles(&items);
        assert_eq!(found.len(), 2, "{items:?}");
        let a = found[0];
        assert_eq!(
            (
                a.title.as_str(),
                a.url.as_deref(),
                a.source.as_deref(),
                a.id.as_str()
            ),
            ("One & two", Some("http://x/1"), Some("Daily"), "g1")
        );
        assert_eq!(a.text, "“Hi,” she said.\n\nMore.");
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.published.as_deref(), Some("2025-06-10T04:00:00+00:00"));
        assert_eq!(found[1].text, "Bold text");
    }

    #[test]
    fn content_split_over_cdata_sections_is_whole() {
        let xml = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>\
                   <item><title>Split</title><description>Short.</description>\
                   <content:encoded><![CDATA[<p>First half, ]]><![CDATA[second half.</p>]]></content:encoded></item></channel></rss>";
        let items = collect(xml);
        assert_eq!(articles(&items)[0].text, "First half, second half.");
    }

    #[test]
    fn truncated_feed_keeps_complete_items_and_says_where() {
        let xml = "<rss version=\"2.0\"><channel><title>T</title>\n<item><title>A</title><description>One.</description></item>\n\
                   <item><title>B</title><description>Two.</description></item>\n<item><title>C</title><descr";
        let items = collect(xml);
        assert_eq!(articles(&items).len(), 2, "{items:?}");
        let said = problems(&items);
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].contains("line 4, column"), "{}", said[0]);
        assert!(said[0].contains("2 complete items"), "{}", said[0]);
    }

    #[test]
    fn atom_entries_and_empty_feeds() {
        let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title><entry><title type=\"html\">&lt;b&gt;T&lt;/b&gt;</title><id>e1</id><link href=\"http://y\"/>\
                   <author><name>Kim Lee</name></author><updated>2024-01-02T03:04:05Z</updated>\
                   <summary>Short</summary><content type=\"html\">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>";
        let items = collect(xml);
        let [Item::Article(a)] = items.as_slice() else {
            panic!("{items:?}")
        };
        assert_eq!(
            (
                a.text.as_str(),
                a.url.as_deref(),
                a.title.as_str(),
                a.byline.as_deref()
            ),
            ("Body", Some("http://y/"), "T", Some("Kim Lee"))
        );
        assert!(matches!(
            collect("<rss version=\"2.0\"><channel></channel></rss>").as_slice(),
            [Item::Problem(_)]
        ));
    }

    #[test]
    fn items_without_text_are_one_note_for_the_feed() {
        let item = |t: &str, body: &str| {
            format!("<item><title>{t}</title><description>{body}</description></item>")
        };
        let xml = format!(
            "<rss version=\"2.0\"><channel><title>F</title>{}{}{}</channel></rss>",
            item("A", "Text of A."),
            item("B", ""),
            item("C", "")
        );
        let items = collect(&xml);
        assert_eq!(articles(&items).len(), 1);
        let notes: Vec<&Problem> = items
            .iter()
            .filter_map(|i| match i {
                Item::Problem(p) => Some(p),
                Item::Article(_) => None,
            })
            .collect();
        let [note] = notes.as_slice() else {
            panic!("{notes:?}")
        };
        assert_eq!(note.level, Level::Note);
        assert_eq!(note.message, "3 items, 2 skipped without text (items 2, 3)");
    }

    #[test]
    fn a_summary_note_lists_at_most_a_few_items() {
        let skipped: Vec<usize> = (0..20).collect();
        assert_eq!(
            skipped_note(30, &skipped),
            "30 items, 20 skipped without text (items 1, 2, 3, 4, 5, 6, 7, 8, …)"
        );
        assert_eq!(
            skipped_note(5, &[4]),
            "5 items, 1 skipped without text (item 5)"
        );
    }

    #[test]
    fn an_rss_without_a_channel_is_an_empty_feed_not_a_failure() {
        let items = collect("<?xml version=\"1.0\"?>\n<rss>\n</rss>\n");
        let [Item::Problem(p)] = items.as_slice() else {
            panic!("{items:?}")
        };
        assert_eq!(p.level, Level::Note, "{p:?}");
        assert!(p.message.contains("no items"), "{p:?}");
        // Anything else feed-rs cannot read is still not a feed.
        let items = collect("<html><body>page</body></html>");
        let [Item::Problem(p)] = items.as_slice() else {
            panic!("{items:?}")
        };
        assert!(p.is_fatal(), "{p:?}");
    }

    #[test]
    fn garbage_does_not_panic() {
        for xml in [
            "<rss",
            "<<<",
            "<rss><channel><item>",
            "</rss>",
            "<feed><entry></entry></feed",
            "\u{0}<x>",
        ] {
            let _ = collect(xml);
        }
    }

    #[test]
    fn positions_count_lines_and_chars() {
        assert_eq!(line_column("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_column("", 5), (1, 1));
    }
}
