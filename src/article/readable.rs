//! Finding a web page's story among its menus, teasers and adverts: the
//! element whose paragraphs hold the most text wins, as readability tools do.

use super::html::{find_ci, to_text};

/// Elements that hold blocks of a page.
const CONTAINERS: [&str; 12] = [
    "article", "aside", "body", "div", "figure", "footer", "form", "header", "main", "nav",
    "section", "td",
];

/// Elements, and words in a container's class or id, that mark page furniture.
const FURNITURE: [&str; 16] = [
    "aside",
    "nav",
    "footer",
    "header",
    "form",
    "comment",
    "sidebar",
    "related",
    "promo",
    "advert",
    "share",
    "social",
    "newsletter",
    "caption",
    "outbrain",
    "taboola",
];

/// Elements whose content is never story text.
const SKIPPED: [&str; 5] = ["script", "style", "noscript", "template", "svg"];

struct Container {
    name: String,
    parent: Option<usize>,
    score: usize,
    /// Text of the paragraphs directly inside, in chars.
    direct: usize,
    furniture: bool,
}

struct Paragraph {
    text: String,
    container: Option<usize>,
}

/// The paragraphs of the page's story, in order; empty when the page has no
/// `<p>` with text.
pub(crate) fn story_paragraphs(html: &str) -> Vec<String> {
    let (containers, paragraphs) = scan(html);
    let best = (0..containers.len())
        .filter(|&c| !containers[c].furniture)
        .max_by_key(|&c| containers[c].score)
        .filter(|&c| containers[c].score > 0);
    let Some(mut best) = best else {
        return paragraphs.into_iter().map(|p| p.text).collect();
    };
    // A story whose opening sits a level or two above its best block: climb
    // to the highest close ancestor holding a fair share of paragraphs itself.
    let mut at = containers[best].parent;
    for _ in 0..3 {
        let Some(c) = at.filter(|&c| !containers[c].furniture) else {
            break;
        };
        if containers[c].direct * 5 >= containers[best].score {
            best = c;
        }
        at = containers[c].parent;
    }
    // A story split over sibling blocks: keep those with a fair share of text.
    let parent = containers[best].parent;
    let chosen: Vec<usize> = (0..containers.len())
        .filter(|&c| {
            c == best
                || (parent.is_some()
                    && containers[c].parent == parent
                    && !containers[c].furniture
                    && containers[c].score * 5 >= containers[best].score)
        })
        .collect();
    paragraphs
        .into_iter()
        .filter(|p| chosen.iter().any(|&c| inside(&containers, p.container, c)))
        .map(|p| p.text)
        .collect()
}

/// Whether `from`'s chain of containers reaches `best` without passing
/// through furniture.
fn inside(containers: &[Container], from: Option<usize>, best: usize) -> bool {
    let mut at = from;
    while let Some(c) = at {
        if c == best {
            return true;
        }
        if containers[c].furniture {
            return false;
        }
        at = containers[c].parent;
    }
    false
}

/// Every container with its score, and every paragraph with its container.
fn scan(html: &str) -> (Vec<Container>, Vec<Paragraph>) {
    let mut containers: Vec<Container> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut paragraphs = Vec::new();
    let mut at = 0;
    while let Some(lt) = html[at..].find('<').map(|i| at + i) {
        if html[lt..].starts_with("<!--") {
            at = html[lt..].find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        let Some(gt) = html[lt..].find('>').map(|i| lt + i) else {
            break;
        };
        let tag = &html[lt + 1..gt];
        at = gt + 1;
        let closing = tag.starts_with('/');
        let name = tag_name(tag);
        if closing {
            if let Some(depth) = stack.iter().rposition(|&c| containers[c].name == name) {
                stack.truncate(depth);
            }
        } else if SKIPPED.contains(&name.as_str()) {
            at = find_ci(&html[at..], &format!("</{name}")).map_or(html.len(), |e| at + e);
        } else if CONTAINERS.contains(&name.as_str()) && !tag.ends_with('/') {
            let attrs = tag.to_ascii_lowercase();
            let furniture = FURNITURE.iter().any(|f| name == *f || attrs.contains(f));
            containers.push(Container {
                name,
                parent: stack.last().copied(),
                score: 0,
                direct: 0,
                furniture,
            });
            stack.push(containers.len() - 1);
        } else if name == "p" {
            let end = find_ci(&html[at..], "</p").map_or(html.len(), |e| at + e);
            let text = to_text(&html[at..end]).replace("\n\n", " ");
            at = end;
            if text.is_empty() {
                continue;
            }
            let container = stack.last().copied();
            score(&mut containers, container, text.chars().count());
            paragraphs.push(Paragraph { text, container });
        }
    }
    (containers, paragraphs)
}

/// Credits a paragraph's length to its container, half to the parent and a
/// quarter to the grandparent, so a story split into many small blocks still
/// adds up in the element that holds them all.
fn score(containers: &mut [Container], container: Option<usize>, len: usize) {
    if let Some(c) = container {
        containers[c].direct += len;
    }
    let mut at = container;
    for share in [len, len / 2, len / 4] {
        let Some(c) = at else { break };
        containers[c].score += share;
        at = containers[c].parent;
    }
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_container_wins_over_teasers_and_comments() {
        let html = "<body><div class=nav><p>Home</p><p>World news and more sections here</p></div>\
                    <div id=story><p>The council voted on Tuesday to keep the library open late.</p>\
                    <p>“It is a good day,” said the mayor, who had pushed for the change.</p>\
                    <div class=related-links><p>You may also like: ten facts about libraries</p></div></div>\
                    <div class=comments><p>Great news, I have waited for this for years and years!</p></div>\
                    <script>var p = '<p>not text</p>';</script></body>";
        let paras = story_paragraphs(html);
        assert_eq!(paras.len(), 2, "{paras:#?}");
        assert!(paras[0].starts_with("The council") && paras[1].starts_with("“It is"));
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<div><p>open",
            "</div></div><p>x</p>",
            "<p",
            "<!--",
            "<div class=\"a>b\"><p>y",
        ] {
            let _ = story_paragraphs(html);
        }
        assert_eq!(story_paragraphs("<p>Just one.</p>"), ["Just one."]);
    }
}
