//! The speaker picker, drawn over the panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::theme::Theme;
use super::{centered, overlay_box, plural, sanitize};
use crate::app::App;

/// Draws the picker centred in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let picker = app.picker();
    let speakers = &app.corpus().speakers;
    // Tall enough for every speaker, up to a screenful; fixed while typing.
    let rows = u16::try_from(speakers.len()).unwrap_or(u16::MAX);
    let popup = centered(area, 60, rows.saturating_add(3).min(20));
    let title = format!(" Speakers {}/{} ", picker.matches.len(), speakers.len());
    let Some(rows) = prompt_box(frame, popup, title, &picker.query, theme) else {
        return;
    };
    let page = usize::from(rows.height).max(1);
    // Only the window around the selection is built.
    let top = picker.selected.saturating_sub(page - 1);
    let items = picker.matches.iter().skip(top).take(page).filter_map(|&i| {
        let s = speakers.get(i)?;
        let counts = format!(
            "  {} · {}",
            plural(s.quotes, "quote"),
            plural(s.articles, "article")
        );
        Some(ListItem::new(Line::from(vec![
            Span::styled(sanitize(&s.name), theme.speaker(&s.name)),
            Span::styled(counts, theme.meta),
        ])))
    });
    let list = List::new(items.collect::<Vec<_>>()).highlight_style(theme.selected);
    let mut state = ListState::default();
    state.select((!picker.matches.is_empty()).then(|| picker.selected - top));
    frame.render_stateful_widget(list, rows, &mut state);
}

/// Clears `area`, draws a bordered box titled `title` with a `› query` prompt
/// on its first row, and returns the rows below the prompt (`None` when the
/// box has no room inside). Shared by the picker and the speakers view.
pub(super) fn prompt_box(
    frame: &mut Frame,
    area: Rect,
    title: String,
    query: &str,
    theme: &Theme,
) -> Option<Rect> {
    let inner = overlay_box(frame, area, title, theme);
    if inner.height == 0 {
        return None;
    }
    let prompt = Line::from(vec![
        Span::styled("› ", theme.key),
        Span::raw(sanitize(query)),
        Span::styled("▏", theme.key),
    ]);
    frame.render_widget(prompt, Rect { height: 1, ..inner });
    Some(Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    })
}
