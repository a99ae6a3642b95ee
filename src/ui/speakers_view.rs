//! The speakers view and one speaker's quotes, drawn over both panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{List, ListItem, ListState};

use super::theme::Theme;
use super::{overlay_box, plural, sanitize};
use crate::app::App;
use crate::app::speakers_view::SpeakerSort;

/// Draws the list of speakers into `area`.
pub fn render_list(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let view = app.speakers_view();
    let speakers = &app.corpus().speakers;
    let order = match view.sort {
        SpeakerSort::Count => "most quoted first",
        SpeakerSort::Name => "by name",
        SpeakerSort::Surname => "by surname",
    };
    let title = format!(
        " Speakers {}/{} · {order} ",
        view.picker.matches.len(),
        speakers.len()
    );
    let Some(rows) = super::speakers::prompt_box(frame, area, title, &view.picker.query, theme)
    else {
        return;
    };
    let page = usize::from(rows.height).max(1);
    let top = view.picker.selected.saturating_sub(page - 1);
    let items = view
        .picker
        .matches
        .iter()
        .skip(top)
        .take(page)
        .filter_map(|&i| {
            let s = speakers.get(i)?;
            let counts = format!(
                "  {} · {}",
                plural(s.quotes, "quote"),
                plural(s.articles, "article")
            );
            let mut spans = vec![
                Span::styled(sanitize(&s.name), theme.speaker(&s.name)),
                Span::styled(counts, theme.meta),
            ];
            if s.aliases.len() > 1 {
                let also = s.aliases[1..].join(", ");
                spans.push(Span::styled(
                    format!("  also {}", sanitize(&also)),
                    theme.meta,
                ));
            }
            Some(ListItem::new(Line::from(spans)))
        });
    let list = List::new(items.collect::<Vec<_>>()).highlight_style(theme.selected);
    let mut state = ListState::default();
    state.select((!view.picker.matches.is_empty()).then(|| view.picker.selected - top));
    frame.render_stateful_widget(list, rows, &mut state);
}

/// Two lines for a quote in a list: the words (cut to `width`), then
/// headline, source and date.
pub fn quote_item<'a>(
    words: &str,
    speaker: Option<&str>,
    starred: bool,
    credit: [Option<&str>; 3],
    width: usize,
    theme: &Theme,
) -> ListItem<'a> {
    let mark = if starred { "★ " } else { "  " };
    let style = speaker.map_or(theme.unattributed, |s| {
        ratatui::style::Style::new().fg(theme.speaker(s))
    });
    let mut first = vec![Span::styled(mark, theme.key)];
    if let Some(s) = speaker {
        first.push(Span::styled(
            format!("{}: ", sanitize(s)),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ));
    }
    let used: usize = first.iter().map(|s| s.width()).sum();
    first.push(Span::styled(
        cut(&sanitize(words), width.saturating_sub(used)),
        style,
    ));
    let credit: Vec<&str> = credit.into_iter().flatten().collect();
    let second = Line::from(vec![
        Span::raw("  "),
        Span::styled(
            cut(&sanitize(&credit.join(" · ")), width.saturating_sub(2)),
            theme.meta,
        ),
    ]);
    ListItem::new(Text::from(vec![Line::from(first), second]))
}

/// `text` in at most `width` columns, with `…` when cut.
fn cut(text: &str, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Draws a list of two-line items with the `selected` one highlighted and
/// kept in view; only the items on screen are built, by `item`.
pub fn render_items<'a>(
    frame: &mut Frame,
    area: Rect,
    title: String,
    count: usize,
    selected: usize,
    theme: &Theme,
    item: impl Fn(usize, usize) -> Option<ListItem<'a>>,
) {
    let inner = overlay_box(frame, area, title, theme);
    let page = usize::from(inner.height / 2).max(1);
    let top = selected.saturating_sub(page - 1);
    let width = usize::from(inner.width);
    let items: Vec<ListItem> = (top..count.min(top + page))
        .filter_map(|i| item(i, width))
        .collect();
    let list = List::new(items).highlight_style(theme.selected);
    let mut state = ListState::default();
    state.select((count > 0).then(|| selected - top));
    frame.render_stateful_widget(list, inner, &mut state);
}

/// Draws the chosen speaker's quotes into `area`.
pub fn render_quotes(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let view = app.speakers_view();
    let quotes = view.chosen_quotes();
    let corpus = app.corpus();
    let name = view
        .chosen
        .and_then(|s| corpus.speakers.get(s))
        .map_or("", |s| s.name.as_str());
    let title = format!(" {} · {} ", sanitize(name), plural(quotes.len(), "quote"));
    render_items(
        frame,
        area,
        title,
        quotes.len(),
        view.quote,
        theme,
        |i, width| {
            let &(e, q) = quotes.get(i)?;
            let entry = corpus.entries.get(e)?;
            let quote = entry.quotes.get(q)?;
            // Read back from the file for the rows on screen alone.
            let text = entry.text().ok()?;
            let words = text.get(quote.span.clone())?;
            let starred = app.collection().is_starred(e, &quote.span);
            let source = super::list::source_line(&entry.article);
            Some(quote_item(
                words,
                None,
                starred,
                [Some(&entry.article.title), Some(&source), None],
                width,
                theme,
            ))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_short_text_and_marks_long() {
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 0), "…");
    }
}
