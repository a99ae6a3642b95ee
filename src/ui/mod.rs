//! Drawing the app with ratatui. Rendering only reads the [`App`]: every
//! position it needs (scroll, list top, pane areas) was settled by `update`.

pub mod explain;
pub mod feeds;
pub mod help;
pub mod list;
pub mod messages;
pub mod reader;
pub mod speakers;
pub mod speakers_view;
pub mod starred;
pub mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::geometry::Area;
use crate::app::{App, Focus, Mode};
use crate::keymap::KeyMap;
use crate::text::{plural, sanitize};
use theme::Theme;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme, keymap: &KeyMap) {
    let screen = app.screen();
    let both = screen.list.is_some() && screen.reader.is_some();
    if let Some(area) = screen.list {
        let focused = both && app.focus() == Focus::List;
        list::render(frame, rect(area), app, theme, focused);
    }
    if let Some(area) = screen.reader {
        let focused = both && app.focus() == Focus::Reader;
        reader::render(frame, rect(area), app, theme, focused);
    }
    if let Some(area) = screen.message {
        status::render_message(frame, rect(area), app, theme);
    }
    if let Some(area) = screen.status {
        status::render(frame, rect(area), app, keymap, theme);
    }
    match app.mode() {
        Mode::Speakers => speakers::render(frame, frame.area(), app, theme),
        Mode::Help => help::render(frame, frame.area(), app.help_scroll(), keymap, theme),
        Mode::SpeakerList => speakers_view::render_list(frame, body(&screen, frame), app, theme),
        Mode::SpeakerQuotes => {
            speakers_view::render_quotes(frame, body(&screen, frame), app, theme)
        }
        Mode::Starred => starred::render(frame, body(&screen, frame), app, theme),
        Mode::Messages => messages::render(frame, body(&screen, frame), app, theme),
        Mode::Explain => explain::render(frame, body(&screen, frame), app, theme),
        Mode::Feeds => feeds::render(frame, body(&screen, frame), app, theme),
        Mode::Export => {
            let behind = app.export_prompt().map(|p| p.back());
            match behind {
                Some(Mode::SpeakerQuotes) => {
                    speakers_view::render_quotes(frame, body(&screen, frame), app, theme);
                }
                Some(Mode::Starred) => starred::render(frame, body(&screen, frame), app, theme),
                _ => {}
            }
            starred::render_export(frame, frame.area(), app, theme);
        }
        Mode::Browse | Mode::Search => {}
    }
}

/// The screen above the message line and status bar, where views go.
fn body(screen: &crate::app::geometry::Screen, frame: &Frame) -> Rect {
    let area = frame.area();
    let bottom = screen
        .message
        .or(screen.status)
        .map_or(area.height, |a| a.y);
    Rect::new(area.x, area.y, area.width, bottom.min(area.height))
}

pub(crate) fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// A `width` × `height` rectangle centred in `area`, shrunk to fit.
/// Clears `area` and draws a focused bordered box titled `title` over it;
/// returns the inside. The frame of every pop-up list.
fn overlay_box(frame: &mut Frame, area: Rect, title: String, theme: &Theme) -> Rect {
    let block = ratatui::widgets::Block::bordered()
        .border_style(theme.focused_border)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(block, area);
    inner
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
