//! HTML made plain, one code path for a feed item's HTML and a page's story.
//!
//! Parsing is html5ever (through `dom_query`, the DOM `dom_smoothie` works
//! on); finding a page's story is `dom_smoothie`'s port of Mozilla's
//! Readability, chosen over `readability` and `legible` by word-level F1 on
//! the nine shared pages (1.000 and 1.000 for `dom_smoothie` and `legible`,
//! 0.888 for `readability`), and because it shares its HTML parser with
//! the DOM walked here and reads JSON-LD metadata. Only the walk from
//! DOM to paragraphs is written here: it decides how a reader sees blocks,
//! lists, tables and block quotations, which no crate decides for us.
//!
//! A `<blockquote>` becomes a quotation: its paragraphs open with `“` and
//! its last one closes with `”`, so the quote extractor finds it and the
//! reader shows it as a quote, unless its text already carries marks.

use dom_query::{Document, NodeRef};

/// Elements whose content is never text for a reader.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "head", "object", "canvas",
    "select", "button", "math",
];

/// Elements that stand as paragraphs of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "pre",
    "address",
    "hr",
    "form",
    "fieldset",
    "details",
    "summary",
    "center",
    "caption",
    "body",
    "html",
];

/// The text of an HTML fragment, one paragraph per block with blank lines
/// between (a `<br>` is a line break inside one).
pub(crate) fn to_text(html: &str) -> String {
    let doc = Document::fragment(html);
    let mut writer = Writer::default();
    writer.walk(&doc.root());
    writer.finish()
}

/// Paragraphs written out as the DOM is walked.
#[derive(Default)]
struct Writer {
    out: String,
    /// Open `<blockquote>`s, each with whether it adds its own marks and
    /// where its text starts.
    quotes: Vec<(bool, usize)>,
    /// The next text starts a paragraph inside a block quotation.
    open_quote: bool,
}

/// A step of the walk: go into a node, or leave an element.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(String),
}

impl Writer {
    /// Walks `root`'s subtree without recursion, so a page nested
    /// thousands deep cannot overflow the stack.
    fn walk(&mut self, root: &NodeRef<'_>) {
        let mut stack: Vec<Step<'_>> = root.children_it(true).map(Step::Enter).collect();
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave(name) => self.leave(&name),
                Step::Enter(node) if node.is_text() => self.text(&node.text()),
                Step::Enter(node) if node.is_element() => {
                    let name = node
                        .node_name()
                        .map(|n| n.to_ascii_lowercase())
                        .unwrap_or_default();
                    if SKIPPED.contains(&name.as_str()) || hidden(&node) {
                        continue;
                    }
                    self.enter(&name, &node);
                    stack.push(Step::Leave(name));
                    stack.extend(node.children_it(true).map(Step::Enter));
                }
                Step::Enter(node) => {
                    // A document or fragment node: its children.
                    if node.is_document() || node.is_fragment() {
                        stack.extend(node.children_it(true).map(Step::Enter));
                    }
                }
            }
        }
    }

    fn enter(&mut self, name: &str, node: &NodeRef<'_>) {
        match name {
            "br" => self.line_break(),
            "li" => {
                self.paragraph_break();
                self.out.push_str("• ");
            }
            "tr" => self.paragraph_break(),
            "td" | "th" if !self.at_paragraph_start() && !self.out.ends_with("• ") => {
                self.out.truncate(self.out.trim_end_matches(' ').len());
                self.out.push_str(" | ");
            }
            "blockquote" => {
                self.paragraph_break();
                let marked = starts_with_mark(node.text().trim_start());
                self.quotes.push((!marked, self.out.len()));
                self.open_quote = !marked;
            }
            _ if BLOCKS.contains(&name) => self.paragraph_break(),
            _ => {}
        }
        if name == "p" && self.quotes.last().is_some_and(|q| q.0) {
            self.open_quote = true;
        }
    }

    fn leave(&mut self, name: &str) {
        match name {
            "blockquote" => {
                let (marks, start) = self.quotes.pop().unwrap_or((false, 0));
                self.open_quote = false;
                let end = self.out.trim_end().len();
                // An empty quotation gets no marks at all.
                if marks && end > start {
                    self.out.truncate(end);
                    self.out.push('”');
                }
                self.paragraph_break();
            }
            "li" | "tr" => self.paragraph_break(),
            _ if BLOCKS.contains(&name) => self.paragraph_break(),
            _ => {}
        }
    }

    fn text(&mut self, raw: &str) {
        let mut words = raw
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .filter(|w| !w.is_empty())
            .peekable();
        if words.peek().is_none() {
            if raw.chars().next().is_some() && !self.out.is_empty() && !self.at_line_start() {
                self.space();
            }
            return;
        }
        if raw.starts_with(|c: char| c.is_whitespace() && c != '\u{a0}') {
            self.space();
        }
        if self.open_quote {
            self.open_quote = false;
            self.out.push('“');
        }
        let mut first = true;
        for word in words {
            if !first {
                self.out.push(' ');
            }
            first = false;
            self.out.push_str(word);
        }
        if raw.ends_with(|c: char| c.is_whitespace() && c != '\u{a0}') {
            self.space();
        }
    }

    fn space(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with([' ', '\n']) && !self.out.ends_with('“') {
            self.out.push(' ');
        }
    }

    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn at_paragraph_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with("\n\n")
    }

    fn line_break(&mut self) {
        self.out.truncate(self.out.trim_end_matches(' ').len());
        if self.out.is_empty() || self.out.ends_with("\n\n") {
            return;
        }
        // Two `<br>`s in a row end a paragraph.
        self.out.push('\n');
    }

    fn paragraph_break(&mut self) {
        self.out
            .truncate(self.out.trim_end_matches([' ', '\n']).len());
        if self.out.ends_with("• ") || self.out.ends_with('•') {
            // An empty list item.
            self.out
                .truncate(self.out.trim_end_matches(['•', ' ']).len());
            self.out
                .truncate(self.out.trim_end_matches([' ', '\n']).len());
        }
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
    }

    fn finish(mut self) -> String {
        self.paragraph_break();
        self.out.trim_end().to_string()
    }
}

/// Whether an element is hidden from readers (`hidden`, `aria-hidden`,
/// `display:none`).
fn hidden(node: &NodeRef<'_>) -> bool {
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| &*v == "true")
        || node.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Whether text opens with a quotation mark of its own.
fn starts_with_mark(text: &str) -> bool {
    text.starts_with(['"', '“', '„', '«', '‘', '\'', '「', '»'])
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

/// The story of a page and its metadata: readability for the story, the
/// page's JSON-LD, OpenGraph and `<meta>` for headline, byline, date and
/// publisher, `<link rel=canonical>` (or `og:url`) for its address. A page
/// readability finds no story in gives the text of its whole body.
pub(crate) fn page(html: &str) -> Page {
    let doc = Document::from(html);
    let url = canonical(&doc);
    let config = dom_smoothie::Config {
        max_elements_to_parse: 200_000,
        ..dom_smoothie::Config::default()
    };
    let parsed = dom_smoothie::Readability::with_document(doc, None, Some(config))
        .and_then(|mut r| r.parse());
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    match parsed {
        Ok(article) => Page {
            title: nonempty(Some(without_site(
                &article.title,
                article.site_name.as_deref(),
            ))),
            url,
            site: nonempty(article.site_name),
            published: nonempty(article.published_time),
            author: nonempty(article.byline).filter(|a| !a.starts_with("http")),
            body: to_text(&article.content),
        },
        Err(_) => {
            // Readability refuses pages with too little text: read the body.
            let doc = Document::from(html);
            let mut writer = Writer::default();
            if let Some(body) = doc.body() {
                writer.walk(&body);
            }
            let title = doc.select("title").text().trim().to_string();
            Page {
                title: nonempty(Some(title)),
                url,
                body: writer.finish(),
                ..Page::default()
            }
        }
    }
}

/// `title` without a trailing ` | Site` or ` - Site` naming `site`.
fn without_site(title: &str, site: Option<&str>) -> String {
    let stripped = site
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .and_then(|site| {
            [" - ", " | ", " – ", " — "]
                .iter()
                .find_map(|sep| title.trim_end().strip_suffix(site)?.strip_suffix(sep))
        });
    stripped.unwrap_or(title).trim().to_string()
}

/// `<link rel="canonical" href>`, else `<meta property="og:url" content>`.
fn canonical(doc: &Document) -> Option<String> {
    let link = doc.select("link[rel=canonical]").attr("href");
    let og = || doc.select("meta[property=\"og:url\"]").attr("content");
    link.or_else(og)
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
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
    fn lists_tables_breaks_and_figures() {
        let html = "<p>Line one<br>line two<br><br>New para</p><ul><li>First</li><li></li><li>Second <i>item</i></li></ul>\
                    <table><tr><th>Team</th><th>Score</th></tr><tr><td>Reds</td><td>3</td></tr></table>\
                    <figure><img src=x alt=pic><figcaption>The harbour at dawn.</figcaption></figure>";
        assert_eq!(
            to_text(html),
            "Line one\nline two\n\nNew para\n\n• First\n\n• Second item\n\nTeam | Score\n\nReds | 3\n\nThe harbour at dawn."
        );
    }

    #[test]
    fn blockquotes_become_quotations() {
        let html = "<p>The mayor said:</p><blockquote><p>We will open the bridge.</p><p>It is safe.</p></blockquote>\
                    <blockquote>“Already marked,” he wrote.</blockquote><blockquote> </blockquote>";
        assert_eq!(
            to_text(html),
            "The mayor said:\n\n“We will open the bridge.\n\n“It is safe.”\n\n“Already marked,” he wrote."
        );
    }

    #[test]
    fn broken_and_deep_markup_does_not_panic() {
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
        // html5ever checks its stack of open elements at every tag: deep
        // nesting costs quadratic time, so this stays modest.
        let deep = "<div>".repeat(2_000) + "deep" + &"</div>".repeat(2_000);
        assert_eq!(to_text(&deep), "deep");
    }

    #[test]
    fn page_takes_metadata_and_story() {
        let story = "<p>The council voted on Tuesday to keep the harbour library open late on weekdays, after a long campaign by readers.</p>".repeat(6);
        let html = format!(
            "<html><head><title>Library stays open | Gazette</title>\
             <meta property=\"og:site_name\" content=\"Gazette\"><meta name=\"author\" content=\"Ana Ruiz\">\
             <link rel=\"canonical\" href=\"https://gazette.example/library\"></head>\
             <body><nav><ul><li><a href=/>Home</a></li></ul></nav><article><h1>Library stays open</h1>{story}</article></body></html>"
        );
        let page = page(&html);
        assert_eq!(page.url.as_deref(), Some("https://gazette.example/library"));
        assert_eq!(page.site.as_deref(), Some("Gazette"));
        assert_eq!(page.author.as_deref(), Some("Ana Ruiz"));
        assert!(
            page.title
                .is_some_and(|t| t.starts_with("Library stays open"))
        );
        assert!(page.body.starts_with("The council voted"), "{}", page.body);
        assert!(!page.body.contains("Home"));
    }
}
