//! The status bar and the message line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{plural, sanitize};
use crate::app::{Action, App, Mode};
use crate::keymap::KeyMap;

/// Where the reader is: list position, quote n of N, filter, search.
pub fn position(app: &App) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let shown = app.shown().len();
    if app.mode() == Mode::Search {
        let typed = sanitize(&app.search().input).into_owned();
        return vec![Span::raw(format!(" /{typed}▏"))];
    }
    out.push(Span::raw(format!(
        " {}/{shown}",
        if shown == 0 { 0 } else { app.selected() + 1 }
    )));
    match app.quote_position() {
        Some((Some(n), total)) => out.push(Span::raw(format!("  quote {n}/{total}"))),
        Some((None, total)) => out.push(Span::raw(format!("  {}", plural(total, "quote")))),
        None => {}
    }
    if let Some(p) = app.loading() {
        out.push(Span::raw(format!(
            "  loading… {} articles, {} quotes",
            p.articles, p.quotes
        )));
    }
    if let Some(s) = app.filter() {
        out.push(Span::raw("  speaker: ".to_string()));
        out.push(Span::raw(sanitize(&s.name).into_owned()));
    }
    if let Some(q) = &app.search().query {
        let hits = app.search().hits.len();
        let at = app.search().current.map_or(0, |c| c + 1);
        out.push(Span::raw(format!("  /{} {at}/{hits}", sanitize(q))));
    }
    out
}

/// Key hints for the current mode, built from the keymap, as many as fit in
/// `room` columns, most useful first.
pub fn hints(app: &App, keymap: &KeyMap, theme: &Theme, room: usize) -> Vec<Span<'static>> {
    let mode = app.mode();
    let actions: &[Action] = match mode {
        Mode::Browse if app.filter().is_some() => &[
            Action::NextQuote,
            Action::ClearFilter,
            Action::ToggleHelp,
            Action::Quit,
        ],
        Mode::Browse => &[
            Action::NextQuote,
            Action::OpenSpeakers,
            Action::StartSearch,
            Action::ToggleHelp,
            Action::Quit,
        ],
        Mode::Speakers | Mode::Search => &[Action::Confirm, Action::Cancel],
        Mode::Help => &[Action::Cancel],
    };
    let mut out = Vec::new();
    let mut used = 0;
    for &action in actions {
        let Some(key) = keymap.hint(mode, action) else {
            continue;
        };
        let what = format!(" {}  ", action.describe());
        used += key.chars().count() + what.chars().count();
        if used > room {
            break;
        }
        out.push(Span::styled(key, theme.key));
        out.push(Span::raw(what));
    }
    out
}

/// Draws the status bar: position on the left, the hints that fit on the right.
pub fn render(frame: &mut Frame, area: Rect, app: &App, keymap: &KeyMap, theme: &Theme) {
    let left = Line::from(position(app));
    let room = usize::from(area.width).saturating_sub(left.width() + 2);
    let right = Line::from(hints(app, keymap, theme, room));
    frame.render_widget(Paragraph::new(left).style(theme.status), area);
    frame.render_widget(Paragraph::new(right.right_aligned()), area);
}

/// Draws the message line.
pub fn render_message(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(m) = app.message() {
        let line = Line::styled(format!(" {}", sanitize(&m)), theme.message);
        frame.render_widget(Paragraph::new(line), area);
    }
}
