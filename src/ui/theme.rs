//! Colours and styles, passed to the renderers rather than read from a global,
//! so tests and users can swap them.

use ratatui::style::{Color, Modifier, Style};

/// Every style the ui uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Speaker colours; a speaker's colour is picked from these by name.
    pub palette: Vec<Color>,
    /// The headline in the reading pane.
    pub headline: Style,
    /// Dateline, source, date, byline.
    pub meta: Style,
    /// Quoted text nobody is named for: plain, slanted.
    pub unattributed: Style,
    /// Quotes of other speakers while a speaker filter is on.
    pub dimmed: Style,
    /// Added to the current quote (the one `n` went to).
    pub current: Style,
    /// The current search match.
    pub search: Style,
    /// The selected headline.
    pub selected: Style,
    /// The border of the focused pane.
    pub focused_border: Style,
    /// Other borders.
    pub border: Style,
    /// The status bar.
    pub status: Style,
    /// Key names in hints and help.
    pub key: Style,
    /// The message line.
    pub message: Style,
}

impl Default for Theme {
    fn default() -> Self {
        // 256-colour indices that stay apart from each other and readable on
        // dark and light backgrounds.
        let palette = [203, 114, 221, 75, 176, 80, 215, 141, 150, 174, 110, 186]
            .into_iter()
            .map(Color::Indexed)
            .collect();
        Theme {
            palette,
            headline: Style::new().add_modifier(Modifier::BOLD),
            meta: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            unattributed: Style::new().add_modifier(Modifier::ITALIC),
            dimmed: Style::new().fg(Color::DarkGray),
            current: Style::new().add_modifier(Modifier::REVERSED),
            search: Style::new().fg(Color::Black).bg(Color::Yellow),
            selected: Style::new()
                .bg(Color::Indexed(237))
                .add_modifier(Modifier::BOLD),
            focused_border: Style::new().fg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            status: Style::new().bg(Color::Indexed(236)),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            message: Style::new().fg(Color::Yellow),
        }
    }
}

impl Theme {
    /// The colour of the speaker with this canonical name: the same on every
    /// screen and every run.
    pub fn speaker(&self, name: &str) -> Color {
        if self.palette.is_empty() {
            return Color::Reset;
        }
        let i = (fnv1a(name.as_bytes()) % self.palette.len() as u64) as usize;
        self.palette[i]
    }
}

/// FNV-1a: tiny, and unlike `std`'s hasher fixed across runs and versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_keeps_one_colour() {
        let theme = Theme::default();
        assert_eq!(theme.speaker("Mara Okonkwo"), theme.speaker("Mara Okonkwo"));
        // Known FNV-1a value, so the colour cannot change between builds.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn speakers_spread_over_the_palette() {
        let theme = Theme::default();
        let names = [
            "Ana", "Ben", "Chao", "Dara", "Eli", "Fen", "Gus", "Hal", "Ida", "Jo",
        ];
        let mut colours: Vec<Color> = names.iter().map(|n| theme.speaker(n)).collect();
        colours.sort_by_key(|c| format!("{c:?}"));
        colours.dedup();
        assert!(
            colours.len() >= 5,
            "only {} colours for 10 names",
            colours.len()
        );
    }
}
