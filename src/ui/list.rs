//! The headline list: only the headlines on screen are built each frame.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem, ListState};

use super::theme::Theme;
use super::{plural, sanitize};
use crate::app::geometry::ITEM_HEIGHT;
use crate::app::snippets::Snippet;
use crate::app::{App, Summary};
use crate::article::Article;

/// Where and when an article was published, as the list shows it: source
/// and date, else the file name.
pub fn source_line(article: &Article) -> String {
    source_line_at(article, None)
}

/// [`source_line`] with the date told as seen at `now` (seconds since the
/// epoch): "2h", "Mon", "12 Mar" (see [`crate::dates`]).
pub fn source_line_at(article: &Article, now: Option<i64>) -> String {
    let dateline = article.dateline.as_ref();
    let source = article
        .source
        .as_deref()
        .or(dateline.and_then(|d| d.source.as_deref()));
    let written = article
        .published
        .as_deref()
        .or(dateline.and_then(|d| d.date.as_deref()));
    let told = written.and_then(|d| crate::dates::list_date(d, now));
    let date = told.as_deref().or(written);
    match (source, date) {
        (Some(s), Some(d)) => format!("{s} · {d}"),
        (Some(x), None) | (None, Some(x)) => x.to_string(),
        // The file and its folder: `business/001.txt` says more than `001.txt`.
        (None, None) => {
            let id = article.id.as_str();
            let mut parts = id.rsplitn(3, ['/', '\\']);
            match (parts.next(), parts.next()) {
                (Some(file), Some(dir)) if !dir.is_empty() => format!("{dir}/{file}"),
                _ => id.to_string(),
            }
        }
    }
}

/// One headline: the title, then source, date, quote count and main speakers.
pub fn item<'a>(article: &'a Article, summary: &'a Summary, theme: &Theme) -> ListItem<'a> {
    headline_item(article, summary, Marks::default(), theme)
}

/// What the collection says of a headline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// Whether it has been read: read headlines are not bold.
    pub read: bool,
    /// How many of its quotes are starred.
    pub stars: usize,
    /// The time the list is drawn at (seconds since the epoch), for "2h".
    pub now: Option<i64>,
    /// How many times the article was loaded (the same key), when more than once.
    pub copies: usize,
}

/// A headline's title, bold while unread.
fn title_line<'a>(article: &'a Article, marks: Marks, theme: &Theme) -> Line<'a> {
    let style = if marks.read {
        theme
            .headline
            .remove_modifier(ratatui::style::Modifier::BOLD)
    } else {
        theme.headline
    };
    Line::from(Span::styled(sanitize(&article.title), style))
}

/// [`item`] with the headline's read state and stars shown.
pub fn headline_item<'a>(
    article: &'a Article,
    summary: &'a Summary,
    marks: Marks,
    theme: &Theme,
) -> ListItem<'a> {
    let title = title_line(article, marks, theme);
    let mut meta = vec![Span::styled(
        sanitize(&source_line_at(article, marks.now)).into_owned(),
        theme.meta,
    )];
    let quotes = match summary.quotes {
        0 => "no quotes".to_string(),
        n => plural(n, "quote"),
    };
    if marks.copies > 1 {
        meta.push(Span::raw(format!(" · ×{}", marks.copies)));
    }
    meta.push(Span::raw(format!(" · {quotes}")));
    if marks.stars > 0 {
        // First, so a narrow list does not cut it off.
        meta.insert(0, Span::styled(format!("★{} ", marks.stars), theme.key));
    }
    for (i, name) in summary.speakers.iter().enumerate() {
        meta.push(Span::raw(if i == 0 { " · " } else { ", " }));
        meta.push(Span::styled(sanitize(name), theme.speaker(name)));
    }
    ListItem::new(Text::from(vec![title, Line::from(meta)]))
}

/// A cache search's match: the headline, then the snippet of its text
/// around the matched words, which are marked.
pub fn found_item<'a>(
    article: &'a Article,
    snippet: &'a Snippet,
    marks: Marks,
    theme: &Theme,
) -> ListItem<'a> {
    let title = title_line(article, marks, theme);
    let (text, matches) = snippet;
    let mut line = Vec::new();
    if marks.stars > 0 {
        line.push(Span::styled(format!("★{} ", marks.stars), theme.key));
    }
    let mut at = 0;
    for m in matches {
        let (Some(before), Some(word)) = (text.get(at..m.start), text.get(m.clone())) else {
            break;
        };
        line.push(Span::styled(sanitize(before), theme.meta));
        line.push(Span::styled(sanitize(word), theme.search));
        at = m.end;
    }
    line.push(Span::styled(
        sanitize(text.get(at..).unwrap_or_default()),
        theme.meta,
    ));
    ListItem::new(Text::from(vec![title, Line::from(line)]))
}

/// Draws the list into `area`, border included.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let shown = app.shown();
    let total = app.corpus().entries.len();
    let unread = app.collection().unread();
    let title = if shown.len() == total {
        format!(" Headlines {total} · {unread} unread ")
    } else {
        format!(" Headlines {}/{total} · {unread} unread ", shown.len())
    };
    let border = if focused {
        theme.focused_border
    } else {
        theme.border
    };
    let block = Block::bordered().border_style(border).title(title);
    let page = usize::from(area.height.saturating_sub(2) / ITEM_HEIGHT);
    let top = app.list_top().min(shown.len());
    let end = (top + page).min(shown.len());
    let items = shown[top..end].iter().filter_map(|&e| {
        let entry = app.corpus().entries.get(e)?;
        let marks = Marks {
            read: app.collection().is_read(e),
            stars: app.collection().stars_in(e),
            now: app.clock(),
            copies: app.copies(e),
        };
        Some(match app.snippet(e) {
            Some(snippet) => found_item(&entry.article, snippet, marks, theme),
            None => headline_item(&entry.article, app.summary(e)?, marks, theme),
        })
    });
    let list = List::new(items.collect::<Vec<_>>())
        .block(block)
        .highlight_style(theme.selected);
    let mut state = ListState::default();
    if shown.is_empty() {
        frame.render_widget(list, area);
        return;
    }
    state.select(app.selected().checked_sub(top));
    frame.render_stateful_widget(list, area, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Dateline;

    #[test]
    fn source_line_prefers_metadata_then_dateline_then_file_name() {
        let mut a = Article {
            id: "/data/news/ferry.txt".into(),
            ..Article::default()
        };
        assert_eq!(source_line(&a), "news/ferry.txt");
        a.id = "ferry.txt".into();
        assert_eq!(source_line(&a), "ferry.txt");
        a.dateline = Some(Dateline {
            span: 0..0,
            place: "Port Vell".into(),
            date: Some("May 2".into()),
            source: Some("Coast Wire".into()),
        });
        assert_eq!(source_line(&a), "Coast Wire · May 2");
        a.source = Some("Harbour Post".into());
        assert_eq!(source_line(&a), "Harbour Post · May 2");
        a.published = Some("2026-03-09T12:00:00Z".into());
        assert_eq!(source_line(&a), "Harbour Post · 9 Mar 2026");
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-09T14:30:00Z")
            .map(|d| d.timestamp())
            .ok();
        assert_eq!(source_line_at(&a, now), "Harbour Post · 2h");
    }
}
