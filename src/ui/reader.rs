//! The reading pane: the visible rows of the open article's layout, styled.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::sanitize;
use super::theme::Theme;
use crate::app::App;
use crate::layout::{Role, Row, Source};

/// How one quote of the open article is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteLook<'a> {
    /// Its speaker's canonical name, when it has one.
    pub speaker: Option<&'a str>,
    /// Its speaker's colour in this article (else the name's own colour).
    pub colour: Option<Color>,
    /// Whether a speaker filter is on and this is someone else's quote.
    pub dimmed: bool,
    /// Whether `n`/`N` last went to it.
    pub current: bool,
    /// Whether it is starred: drawn bold.
    pub starred: bool,
    /// Whether its speaker is uncertain (confidence below the threshold):
    /// the label dim, with a `?`.
    pub uncertain: bool,
}

/// What to pick out in the open article beyond its roles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlights<'a> {
    /// How each quote is shown, by index.
    pub quotes: Vec<QuoteLook<'a>>,
    /// Byte range of the current search match.
    pub search: Option<Range<usize>>,
}

/// Turns layout rows into styled lines: quotes in their speaker's colour, the
/// mention underlined in it, the speaker label bold, the search match marked.
/// Article text is sanitised on the way, so no control character reaches the
/// terminal.
pub fn lines<'a>(
    text: &'a str,
    rows: &'a [Row],
    highlights: &Highlights<'_>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    rows.iter()
        .map(|row| {
            let mut spans = Vec::with_capacity(row.segs.len());
            for seg in &row.segs {
                let style = style(seg.role, &highlights.quotes, theme);
                match &seg.source {
                    Source::Owned(s) if is_uncertain(seg.role, &highlights.quotes) => {
                        spans.push(Span::styled(format!("{}?", sanitize(s)), style));
                    }
                    Source::Owned(s) => spans.push(Span::styled(sanitize(s), style)),
                    Source::Text(range) => {
                        for (piece, marked) in split(range.clone(), highlights.search.as_ref()) {
                            let style = if marked {
                                style.patch(theme.search)
                            } else {
                                style
                            };
                            let content = sanitize(text.get(piece).unwrap_or_default());
                            spans.push(Span::styled(content, style));
                        }
                    }
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// `range` cut where it meets `mark`: the pieces in order, each with whether
/// it is inside the mark.
fn split(range: Range<usize>, mark: Option<&Range<usize>>) -> Vec<(Range<usize>, bool)> {
    let Some(mark) = mark.filter(|m| m.start < range.end && range.start < m.end) else {
        return vec![(range, false)];
    };
    let (a, b) = (mark.start.max(range.start), mark.end.min(range.end));
    let pieces = [(range.start..a, false), (a..b, true), (b..range.end, false)];
    pieces.into_iter().filter(|(r, _)| !r.is_empty()).collect()
}

/// Whether `role` is the speaker label of an uncertain attribution.
fn is_uncertain(role: Role, looks: &[QuoteLook<'_>]) -> bool {
    matches!(role, Role::Speaker(n) if looks.get(n).is_some_and(|l| l.uncertain))
}

fn style(role: Role, looks: &[QuoteLook<'_>], theme: &Theme) -> Style {
    let look = |n: usize| looks.get(n).copied().unwrap_or_default();
    let (n, base) = match role {
        Role::Headline => return theme.headline,
        Role::Meta => return theme.meta,
        Role::Body => return Style::new(),
        Role::Unattributed(n) => (n, theme.unattributed),
        Role::Quote(n) => (n, Style::new()),
        Role::Reported(n) => (n, Style::new().add_modifier(Modifier::ITALIC)),
        Role::Mention(n) => (n, Style::new().add_modifier(Modifier::UNDERLINED)),
        Role::Speaker(n) => (n, Style::new().add_modifier(Modifier::BOLD)),
    };
    let look = look(n);
    let mut style = match look.speaker {
        _ if look.dimmed => base.patch(theme.dimmed),
        Some(name) if !matches!(role, Role::Unattributed(_)) => {
            base.fg(look.colour.unwrap_or_else(|| theme.speaker(name)))
        }
        _ => base,
    };
    let in_quote = matches!(
        role,
        Role::Quote(_) | Role::Unattributed(_) | Role::Reported(_)
    );
    if look.current && in_quote {
        style = style.patch(theme.current);
    }
    if look.starred && in_quote {
        style = style.add_modifier(Modifier::BOLD);
    }
    if look.uncertain && matches!(role, Role::Speaker(_)) {
        style = style
            .remove_modifier(Modifier::BOLD)
            .add_modifier(Modifier::DIM);
    }
    style
}

/// How the open article's quotes and search match are picked out: those
/// quotes met in `visible`, so a frame costs the rows shown and not the
/// article's length; quotes before them keep the default look.
pub fn highlights<'a>(
    app: &'a App,
    visible: &[Row],
    margin: &[(usize, usize)],
    theme: &Theme,
) -> Highlights<'a> {
    let (Some(e), Some(entry)) = (app.open_index(), app.open_entry()) else {
        return Highlights::default();
    };
    let speakers = &app.corpus().speakers;
    let filter = app.filter().map(|s| s.name.as_str());
    let shown = visible
        .iter()
        .flat_map(|r| &r.segs)
        .filter_map(|s| quote_of(s.role))
        .chain(margin.iter().map(|&(_, q)| q));
    let (lo, hi) = shown.fold((usize::MAX, 0), |(lo, hi), q| (lo.min(q), hi.max(q + 1)));
    let colours = article_colours(app, theme);
    let order = &app.reader().speakers;
    let mut quotes = vec![QuoteLook::default(); lo.min(hi)];
    quotes.extend((lo.min(hi)..hi).map(|q| {
        let id = app.speaker_of(e, q);
        let speaker = id.and_then(|s| speakers.get(s)).map(|s| s.name.as_str());
        let colour = id
            .and_then(|s| order.iter().position(|&o| o == s))
            .and_then(|p| colours.get(p).copied());
        QuoteLook {
            speaker,
            colour,
            dimmed: filter.is_some() && speaker != filter,
            current: app.reader().quote == Some(q),
            starred: entry
                .quotes
                .get(q)
                .is_some_and(|quote| app.collection().is_starred(e, &quote.span)),
            uncertain: entry
                .quotes
                .get(q)
                .is_some_and(|quote| quote.is_uncertain(app.min_confidence())),
        }
    }));
    Highlights {
        quotes,
        search: app.search_mark(),
    }
}

/// The colours of the open article's speakers, in the order of
/// [`Reader::speakers`](crate::app::Reader::speakers).
fn article_colours(app: &App, theme: &Theme) -> Vec<Color> {
    let speakers = &app.corpus().speakers;
    let names =
        (app.reader().speakers.iter()).map(|&s| speakers.get(s).map_or("", |s| s.name.as_str()));
    theme.article_colours(names)
}

/// The colour key: each of the article's speakers as `■ name` in their
/// colour, rows as [`App::key_rows`] cut them, `+N more` after the last.
fn render_key(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let speakers = &app.corpus().speakers;
    let order = &app.reader().speakers;
    let colours = article_colours(app, theme);
    let rows = app.key_rows(usize::from(area.width));
    let shown = rows.last().map_or(0, |r| r.end);
    for (y, range) in (area.y..area.y + area.height).zip(rows.iter()) {
        let mut spans: Vec<Span> = Vec::new();
        for i in range.clone() {
            let name = order
                .get(i)
                .and_then(|&s| speakers.get(s))
                .map_or("", |s| s.name.as_str());
            let colour = colours.get(i).copied().unwrap_or(Color::Reset);
            if i > range.start {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled("■ ", Style::new().fg(colour)));
            spans.push(Span::styled(
                sanitize(name).into_owned(),
                Style::new().fg(colour),
            ));
        }
        if range.end == shown && shown < order.len() {
            spans.push(Span::styled(
                format!("  +{} more", order.len() - shown),
                theme.meta,
            ));
        }
        frame.render_widget(Line::from(spans), Rect::new(area.x, y, area.width, 1));
    }
}

/// The quote a piece of a row belongs to.
fn quote_of(role: Role) -> Option<usize> {
    match role {
        Role::Unattributed(n)
        | Role::Quote(n)
        | Role::Reported(n)
        | Role::Mention(n)
        | Role::Speaker(n) => Some(n),
        Role::Headline | Role::Meta | Role::Body => None,
    }
}

/// Draws the reading pane into `area`, border included.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let border = if focused {
        theme.focused_border
    } else {
        theme.border
    };
    let reader = app.reader();
    let rows = &reader.layout.rows;
    let mut block = Block::bordered().border_style(border).title(" Article ");
    if !rows.is_empty() {
        let percent = (reader.scroll + usize::from(area.height.saturating_sub(2))).min(rows.len())
            * 100
            / rows.len();
        block = block.title_bottom(Line::from(format!(" {percent}% ")).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(entry) = app.open_entry() else {
        let empty = Paragraph::new("No article to show").style(theme.meta);
        frame.render_widget(empty, inner);
        return;
    };
    let reading = app.reading();
    let text_area = super::rect(reading.text).intersection(inner);
    let start = reader.scroll.min(rows.len());
    let end = (start + usize::from(text_area.height)).min(rows.len());
    let margin = reader.layout.margin_in(start, end - start);
    let highlights = highlights(app, &rows[start..end], margin, theme);
    if let Some(area) = reading.key.map(super::rect) {
        render_key(frame, area.intersection(inner), app, theme);
    }
    let text = lines(&entry.article.text, &rows[start..end], &highlights, theme);
    frame.render_widget(Paragraph::new(text), text_area);
    if let Some(area) = reading.margin.map(super::rect) {
        let area = area.intersection(inner);
        for &(row, q) in margin {
            let y = area.y + u16::try_from(row - start).unwrap_or(u16::MAX);
            let Some(name) = entry.quotes.get(q).and_then(|q| q.speaker.as_deref()) else {
                continue;
            };
            let uncertain = is_uncertain(Role::Speaker(q), &highlights.quotes);
            let label = if uncertain {
                // The `?` is kept when the name is cut.
                let cut = fit(&sanitize(name), usize::from(area.width).saturating_sub(1));
                format!("{cut}?")
            } else {
                fit(&sanitize(name), usize::from(area.width))
            };
            let style = style(Role::Speaker(q), &highlights.quotes, theme);
            let line = Line::from(Span::styled(label, style)).right_aligned();
            frame.render_widget(line, Rect::new(area.x, y, area.width, 1));
        }
    }
}

/// `name` cut to `width` columns, ending in `…` when cut.
fn fit(name: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar as _;
    if crate::text::display_width(name) <= width {
        return name.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in name.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Seg;
    use ratatui::style::Color;

    fn seg(source: Source, role: Role) -> Seg {
        Seg { source, role }
    }

    #[test]
    fn quote_mention_and_label_share_the_speaker_colour() {
        let text = "“Go,” Ana said.";
        let row = Row {
            segs: vec![
                seg(Source::Text(0..9), Role::Quote(0)),
                seg(Source::Text(9..10), Role::Body),
                seg(Source::Text(10..13), Role::Mention(0)),
                seg(Source::Owned(" Ana Ruiz".into()), Role::Speaker(0)),
            ],
        };
        let theme = Theme::default();
        let highlights = Highlights {
            quotes: vec![QuoteLook {
                speaker: Some("Ana Ruiz"),
                colour: None,
                ..QuoteLook::default()
            }],
            search: None,
        };
        let rows = [row];
        let line = &lines(text, &rows, &highlights, &theme)[0];
        let colour = Some(theme.speaker("Ana Ruiz"));
        assert_eq!(line.spans[0].content, "“Go,”");
        assert_eq!(line.spans[0].style.fg, colour);
        assert_eq!(line.spans[1].style, Style::new());
        assert_eq!(line.spans[2].style.fg, colour);
        assert!(
            line.spans[2]
                .style
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
        assert!(line.spans[3].style.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn filtered_out_quotes_are_dimmed_and_unattributed_plain() {
        let theme = Theme::default();
        let looks = [
            QuoteLook {
                speaker: Some("Ben"),
                colour: None,
                dimmed: true,
                current: false,
                starred: false,
                uncertain: false,
            },
            QuoteLook::default(),
        ];
        assert_eq!(
            style(Role::Quote(0), &looks, &theme).fg,
            Some(Color::DarkGray)
        );
        let plain = style(Role::Unattributed(1), &looks, &theme);
        assert_eq!(plain.fg, None);
        assert!(plain.add_modifier.contains(Modifier::ITALIC));
    }

    #[test]
    fn an_uncertain_speaker_label_is_dim_with_a_question_mark() {
        let text = "“Go,” Ana said.";
        let row = Row {
            segs: vec![
                seg(Source::Text(0..9), Role::Quote(0)),
                seg(Source::Owned(" — Ana Ruiz".into()), Role::Speaker(0)),
            ],
        };
        let look = QuoteLook {
            speaker: Some("Ana Ruiz"),
            ..QuoteLook::default()
        };
        let theme = Theme::default();
        let sure = Highlights {
            quotes: vec![look],
            search: None,
        };
        let sure_lines = lines(text, std::slice::from_ref(&row), &sure, &theme);
        let line = &sure_lines[0];
        assert_eq!(line.spans[1].content, " — Ana Ruiz");
        assert!(!line.spans[1].style.add_modifier.contains(Modifier::DIM));
        let unsure = Highlights {
            quotes: vec![QuoteLook {
                uncertain: true,
                ..look
            }],
            search: None,
        };
        let rows = [row];
        let unsure_lines = lines(text, &rows, &unsure, &theme);
        let line = &unsure_lines[0];
        assert_eq!(line.spans[1].content, " — Ana Ruiz?");
        let style = line.spans[1].style;
        assert!(style.add_modifier.contains(Modifier::DIM));
        assert!(!style.add_modifier.contains(Modifier::BOLD));
        // The quote itself keeps its speaker's colour.
        assert_eq!(line.spans[0].style.fg, Some(theme.speaker("Ana Ruiz")));
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let text = "a\u{1b}[2Jb";
        let rows = [Row {
            segs: vec![seg(Source::Text(0..text.len()), Role::Body)],
        }];
        let line = &lines(text, &rows, &Highlights::default(), &Theme::default())[0];
        assert!(!line.spans[0].content.contains('\u{1b}'));
    }

    #[test]
    fn bad_ranges_show_nothing_instead_of_panicking() {
        let rows = [Row {
            segs: vec![seg(Source::Text(2..99), Role::Quote(7))],
        }];
        let line = &lines("é", &rows, &Highlights::default(), &Theme::default())[0];
        assert_eq!(line.spans[0].content, "");
    }

    #[test]
    fn margin_names_are_cut_to_fit() {
        assert_eq!(fit("Ana Ruiz", 12), "Ana Ruiz");
        assert_eq!(fit("Marisol Quennell-Abara", 12), "Marisol Que…");
        assert_eq!(crate::text::display_width(&fit("李李李李李李李", 6)), 5);
    }

    #[test]
    fn the_search_match_is_cut_out_of_its_segment() {
        assert_eq!(split(0..10, None), vec![(0..10, false)]);
        assert_eq!(split(0..10, Some(&(12..14))), vec![(0..10, false)]);
        assert_eq!(
            split(0..10, Some(&(3..5))),
            vec![(0..3, false), (3..5, true), (5..10, false)]
        );
        assert_eq!(
            split(4..10, Some(&(0..6))),
            vec![(4..6, true), (6..10, false)]
        );
    }
}
