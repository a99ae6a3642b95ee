//! The help screen, written from the keymap so it shows the real bindings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::centered;
use super::theme::Theme;
use crate::app::{Action, Mode};
use crate::keymap::KeyMap;

/// The help text: each mode's bindings under a heading. The help's own keys
/// (scroll, close) are in its border and the status bar instead.
pub fn lines(keymap: &KeyMap, theme: &Theme) -> Vec<Line<'static>> {
    let sections = [
        (Mode::Browse, "Reading"),
        (Mode::Speakers, "Speaker picker"),
        (Mode::SpeakerList, "Speakers view"),
        (Mode::SpeakerQuotes, "A speaker's quotes, starred quotes"),
        (Mode::Export, "Export"),
        (Mode::Feeds, "Feeds view"),
        (Mode::Search, "Search box"),
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

/// Draws the help centred in `area`, scrolled `scroll` rows but never
/// past its last line.
pub fn render(frame: &mut Frame, area: Rect, scroll: usize, keymap: &KeyMap, theme: &Theme) {
    let text = lines(keymap, theme);
    let height = u16::try_from(text.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, 64, height);
    let inner = usize::from(popup.height.saturating_sub(2));
    let scroll = scroll.min(text.len().saturating_sub(inner));
    let mut block = Block::bordered()
        .border_style(theme.focused_border)
        .title(" Keys ");
    if inner < text.len() {
        let key = |a| keymap.hint(Mode::Help, a).unwrap_or_default();
        let (down, up) = (key(Action::Down), key(Action::Up));
        let (first, last) = (scroll + 1, scroll + inner);
        let more = format!(" {down}/{up} scroll  {first}–{last} of {} ", text.len());
        block = block.title_bottom(Line::from(more).right_aligned());
    }
    let text: Vec<Line> = text.into_iter().skip(scroll).collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(text).block(block), popup);
}
