//! The help screen, written from the keymap so it shows the real bindings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::centered;
use super::theme::Theme;
use crate::app::Mode;
use crate::keymap::KeyMap;

/// The help text: each mode's bindings under a heading.
pub fn lines(keymap: &KeyMap, theme: &Theme) -> Vec<Line<'static>> {
    let sections = [
        (Mode::Browse, "Reading"),
        (Mode::Speakers, "Speaker picker"),
        (Mode::Search, "Search box"),
        (Mode::Help, "This help"),
    ];
    let mut out = Vec::new();
    for (mode, heading) in sections {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(heading, theme.headline));
        for (keys, what) in keymap.help(mode) {
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<14}"), theme.key),
                Span::raw(what),
            ]));
        }
    }
    out
}

/// Draws the help centred in `area`.
pub fn render(frame: &mut Frame, area: Rect, keymap: &KeyMap, theme: &Theme) {
    let text = lines(keymap, theme);
    let height = u16::try_from(text.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, 64, height);
    let block = Block::bordered()
        .border_style(theme.focused_border)
        .title(" Keys ");
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(text).block(block), popup);
}
