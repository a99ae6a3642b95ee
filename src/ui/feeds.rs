//! The feeds view: a subscription a row, its unread and loaded counts,
//! when it was last fetched and its last error.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::ListItem;

use super::speakers_view::render_items;
use super::theme::Theme;
use super::{plural, sanitize};
use crate::app::App;

/// Draws the feeds into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let feeds = app.feeds();
    let rows = feeds.rows();
    let title = if feeds.loading() {
        " Feeds (reading the cache…) ".to_string()
    } else {
        format!(" Feeds · {} ", plural(rows.len(), "subscription"))
    };
    render_items(
        frame,
        area,
        title,
        rows.len(),
        feeds.selected(),
        theme,
        |i, _width| {
            let row = rows.get(i)?;
            let style = if row.unread > 0 {
                theme.headline
            } else {
                theme
                    .headline
                    .remove_modifier(ratatui::style::Modifier::BOLD)
            };
            let mut name = vec![Span::styled(sanitize(&row.label).into_owned(), style)];
            if row.unread > 0 {
                name.push(Span::styled(format!("  {} unread", row.unread), theme.key));
            }
            let name = Line::from(name);
            let mut meta = vec![Span::styled(
                format!("  {}", plural(row.entries.len(), "article")),
                theme.meta,
            )];
            let fetched = row
                .fetched_at
                .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                .and_then(|t| crate::dates::list_date(&t.to_rfc3339(), app.clock()))
                .map_or_else(|| "never fetched".to_string(), |t| format!("fetched {t}"));
            meta.push(Span::styled(format!(" · {fetched}"), theme.meta));
            if let Some(e) = &row.last_error {
                meta.push(Span::styled(
                    format!(" · failed: {}", sanitize(e)),
                    theme.message,
                ));
            }
            Some(ListItem::new(Text::from(vec![name, Line::from(meta)])))
        },
    );
}
