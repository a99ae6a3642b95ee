//! The starred quotes and the export prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::speakers_view::{quote_item, render_items};
use super::theme::Theme;
use super::{centered, plural};
use crate::app::App;
use crate::app::export::{ExportWhat, FORMATS};

/// Draws the starred quotes into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let stars = app.collection().list();
    let title = format!(" Starred {} ", plural(stars.len(), "quote"));
    if stars.is_empty() {
        let block = Block::bordered()
            .border_style(theme.focused_border)
            .title(title);
        let hint = Paragraph::new("Nothing starred yet: press * on a quote to keep it here.")
            .style(theme.meta)
            .block(block);
        frame.render_widget(Clear, area);
        frame.render_widget(hint, area);
        return;
    }
    let selected = app.collection().selected();
    render_items(
        frame,
        area,
        title,
        stars.len(),
        selected,
        theme,
        |i, width| {
            let s = stars.get(i)?;
            Some(quote_item(
                &s.quote,
                s.speaker.as_deref(),
                true,
                [Some(&s.headline), s.source.as_deref(), s.date.as_deref()],
                width,
                theme,
            ))
        },
    );
}

/// Draws the export prompt centred in `area`.
pub fn render_export(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(prompt) = app.export_prompt() else {
        return;
    };
    let what = match prompt.what {
        ExportWhat::Starred => format!("the {}", plural(prompt.count, "starred quote")),
        ExportWhat::Speaker(s) => {
            let name = app.corpus().speakers.get(s).map_or("", |s| s.name.as_str());
            format!(
                "{} by {}",
                plural(prompt.count, "quote"),
                super::sanitize(name)
            )
        }
    };
    let mut formats = vec![Span::raw(" Format: ")];
    for (i, f) in FORMATS.iter().enumerate() {
        // Brackets as well as the style, for terminals without colour.
        if i == prompt.format {
            formats.push(Span::styled(format!("[{}]", f.extension()), theme.selected));
        } else {
            formats.push(Span::styled(format!(" {} ", f.extension()), theme.meta));
        }
    }
    let text = vec![
        Line::raw(format!(" Export {what}")),
        Line::default(),
        Line::from(formats),
    ];
    let popup = centered(area, 56, 5);
    let block = Block::bordered()
        .border_style(theme.focused_border)
        .title(" Export ");
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(text).block(block), popup);
}
