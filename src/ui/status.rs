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
    if let Some(view) = view_position(app) {
        return vec![Span::raw(view)];
    }
    out.push(Span::raw(format!(
        " {}/{shown}",
        if shown == 0 { 0 } else { app.selected() + 1 }
    )));
    match app.quote_position() {
        Some((Some(n), total)) => {
            out.push(Span::raw(format!("  quote {n}/{total}")));
            if current_starred(app) {
                out.push(Span::raw(" ★"));
            }
        }
        Some((None, total)) => out.push(Span::raw(format!("  {}", plural(total, "quote")))),
        None => {}
    }
    if let Some(p) = app.loading() {
        out.push(Span::raw(format!(
            "  loading… {} articles, {} quotes",
            p.articles, p.quotes
        )));
        if p.urls_done < p.urls {
            out.push(Span::raw(format!(", {}/{} URLs read", p.urls_done, p.urls)));
        }
    }
    if let Some(r) = app.refreshing() {
        out.push(Span::raw(format!(
            "  fetching {}/{} feeds…",
            r.done, r.total
        )));
    }
    match app.fetching_full() {
        0 => {}
        1 => out.push(Span::raw("  fetching the full article…")),
        n => out.push(Span::raw(format!("  fetching {n} full articles…"))),
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

/// Where the selection is in the speakers view or a list of quotes.
fn view_position(app: &App) -> Option<String> {
    let at = |i: usize, n: usize| if n == 0 { 0 } else { i + 1 };
    let mode = match app.mode() {
        Mode::Export => app.export_prompt()?.back(),
        mode => mode,
    };
    Some(match mode {
        Mode::SpeakerList => {
            let p = &app.speakers_view().picker;
            format!(
                " speaker {}/{}",
                at(p.selected, p.matches.len()),
                p.matches.len()
            )
        }
        Mode::SpeakerQuotes => {
            let v = app.speakers_view();
            let n = v.chosen_quotes().len();
            format!(" quote {}/{n}", at(v.quote, n))
        }
        Mode::Feeds => {
            let f = app.feeds();
            let n = f.rows().len();
            format!(" feed {}/{n}", at(f.selected(), n))
        }
        Mode::Starred => {
            let c = app.collection();
            let n = c.list().len();
            format!(" star {}/{n}", at(c.selected(), n))
        }
        _ => return None,
    })
}

/// Whether the quote `n`/`N` last went to is starred.
fn current_starred(app: &App) -> bool {
    let (Some(e), Some(entry), Some(q)) = (app.open_index(), app.open_entry(), app.reader().quote)
    else {
        return false;
    };
    entry
        .quotes
        .get(q)
        .is_some_and(|quote| app.collection().is_starred(e, &quote.span))
}

/// Key hints for the current mode, built from the keymap, as many as fit in
/// `room` columns, most useful first.
pub fn hints(app: &App, keymap: &KeyMap, theme: &Theme, room: usize) -> Vec<Span<'static>> {
    let mode = app.mode();
    let actions: &[Action] = match mode {
        Mode::Browse if app.filter().is_some() => &[
            Action::NextQuote,
            Action::Close,
            Action::ToggleHelp,
            Action::Back,
        ],
        Mode::Browse => &[
            Action::NextQuote,
            Action::OpenSpeakers,
            Action::StartSearch,
            Action::ToggleHelp,
            Action::Back,
        ],
        Mode::Speakers => &[Action::Confirm, Action::OpenSpeakerList, Action::Cancel],
        Mode::Search => &[Action::Confirm, Action::Cancel],
        Mode::Help | Mode::Messages | Mode::Explain => &[Action::Cancel],
        Mode::SpeakerList => &[Action::Open, Action::ToggleSort, Action::Cancel],
        Mode::SpeakerQuotes | Mode::Starred => &[
            Action::Open,
            Action::ToggleStar,
            Action::Export,
            Action::Cancel,
        ],
        Mode::Export => &[Action::CycleFormat, Action::Confirm, Action::Cancel],
        Mode::Feeds => &[Action::Open, Action::MarkAllRead, Action::Cancel],
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
