//! The messages view: every loading problem with its file, then every
//! message shown this session, newest first; so the message line can let
//! a warning go after one look.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{overlay_box, plural, sanitize};
use crate::app::App;
use crate::article::Level;

/// The view's lines: a heading and the problems, a heading and the log.
pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let problems = app.problems();
    let mut out = vec![Line::styled(
        format!("Loading: {}", plural(problems.len(), "problem")),
        theme.headline,
    )];
    for p in problems {
        let level = match p.level {
            Level::Error => "skipped",
            Level::Warning => "warning",
            Level::Note => "note",
        };
        out.push(Line::from(format!(
            "  {level}: {}",
            sanitize(&p.to_string())
        )));
    }
    out.push(Line::default());
    out.push(Line::styled(
        format!("This session: {}", plural(app.log().len(), "message")),
        theme.headline,
    ));
    for m in app.log().iter().rev() {
        out.push(Line::from(format!("  {}", sanitize(m))));
    }
    out
}

/// Draws the view over `area`, scrolled as the help is.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let text = lines(app, theme);
    let inner = overlay_box(frame, area, " Messages · q close ".to_string(), theme);
    let scroll = app
        .help_scroll()
        .min(text.len().saturating_sub(usize::from(inner.height)));
    let shown: Vec<Line> = text.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
