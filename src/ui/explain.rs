//! The explain view: why the current quote has its speaker (the rule, cue
//! and mention, every candidate with its score, the confidence's facts).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::{overlay_box, sanitize};
use crate::app::App;
use crate::app::explain::Explained;

/// The view's lines.
pub fn lines(e: &Explained, theme: &Theme) -> Vec<Line<'static>> {
    let clean = |s: &str| sanitize(s).into_owned();
    let mut out = vec![Line::from(clean(&e.quote))];
    let who = match (&e.speaker, e.confidence) {
        (Some(s), Some(c)) => format!(
            "{}{} (confidence {c:.2}{})",
            clean(s),
            if e.uncertain { "?" } else { "" },
            if e.uncertain {
                ", below the threshold"
            } else {
                ""
            },
        ),
        (Some(s), None) => clean(s),
        (None, _) => "nobody named".to_string(),
    };
    out.push(Line::default());
    out.push(Line::from(vec![
        Span::styled("Speaker  ", theme.meta),
        Span::styled(who, theme.headline),
    ]));
    let field = |label: &'static str, value: Option<String>| {
        Line::from(vec![
            Span::styled(label, theme.meta),
            Span::raw(value.unwrap_or_else(|| "-".to_string())),
        ])
    };
    out.push(field("Rule     ", e.rule.map(str::to_string)));
    out.push(field("Cue      ", e.cue.as_deref().map(clean)));
    out.push(field("Mention  ", e.mention.as_deref().map(clean)));
    out.push(Line::default());
    out.push(Line::styled(
        format!("Candidates ({})", e.candidates.len()),
        theme.headline,
    ));
    if e.candidates.is_empty() {
        out.push(Line::from("  none: no cue or speaker near the quote"));
    }
    for c in &e.candidates {
        let mark = if c.won { "▶ " } else { "  " };
        let speaker = c.speaker.as_deref().map_or("nobody".to_string(), clean);
        let text = format!(
            "{mark}{:.2}  {:<18} {speaker}  ({} · {})",
            c.score,
            c.generator,
            clean(&c.mention),
            clean(&c.cue),
        );
        let style = if c.won {
            theme.headline.add_modifier(Modifier::BOLD)
        } else {
            theme.dimmed
        };
        out.push(Line::styled(text, style));
    }
    if !e.features.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("Confidence from", theme.headline));
        for f in &e.features {
            out.push(Line::from(format!(
                "  {:<28} {:>7.3} × {:>7.3}",
                f.name, f.value, f.weight
            )));
        }
    }
    out
}

/// Draws the view over `area`, scrolled as the help is.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(e) = app.explained() else {
        return;
    };
    let text = lines(e, theme);
    let inner = overlay_box(
        frame,
        area,
        " Why this speaker · q close ".to_string(),
        theme,
    );
    let scroll = app
        .help_scroll()
        .min(text.len().saturating_sub(usize::from(inner.height)));
    let shown: Vec<Line> = text.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), inner);
}
