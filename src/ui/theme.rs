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

/// Speaker colours: 256-colour cube indices whose contrast with black and
/// with white is at least 3.3:1 (WCAG relative luminance between 0.12 and
/// 0.27), so one palette reads on dark and light backgrounds alike, in
/// twelve hues ordered so that neighbours differ most.
pub const SPEAKER_PALETTE: [u8; 12] = [32, 166, 28, 164, 136, 62, 160, 30, 98, 64, 162, 130];

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

impl Theme {
    /// For terminals with a dark background (the default).
    pub fn dark() -> Self {
        let palette = SPEAKER_PALETTE.into_iter().map(Color::Indexed).collect();
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

    /// For terminals with a light background: the same speaker colours,
    /// dark text on pale bars.
    pub fn light() -> Self {
        Theme {
            meta: Style::new()
                .fg(Color::Indexed(240))
                .add_modifier(Modifier::ITALIC),
            dimmed: Style::new().fg(Color::Indexed(248)),
            search: Style::new().fg(Color::Black).bg(Color::Indexed(229)),
            selected: Style::new()
                .bg(Color::Indexed(253))
                .add_modifier(Modifier::BOLD),
            focused_border: Style::new().fg(Color::Indexed(25)),
            border: Style::new().fg(Color::Indexed(248)),
            status: Style::new().bg(Color::Indexed(254)),
            key: Style::new()
                .fg(Color::Indexed(25))
                .add_modifier(Modifier::BOLD),
            message: Style::new().fg(Color::Indexed(130)),
            ..Theme::dark()
        }
    }

    /// The colours of an article's speakers, given in order of appearance:
    /// each takes its own colour ([`Theme::speaker`]) unless a speaker
    /// before it has that one, then the next free one, so up to the
    /// palette's size no two share a colour.
    pub fn article_colours<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Vec<Color> {
        let n = self.palette.len();
        if n == 0 {
            return names.into_iter().map(|_| Color::Reset).collect();
        }
        let mut taken = vec![false; n];
        let mut free = n;
        names
            .into_iter()
            .map(|name| {
                let own = (fnv1a(name.as_bytes()) % n as u64) as usize;
                let i = if free == 0 {
                    own
                } else {
                    (0..n)
                        .map(|k| (own + k) % n)
                        .find(|&i| !taken[i])
                        .unwrap_or(own)
                };
                if !taken[i] {
                    taken[i] = true;
                    free -= 1;
                }
                self.palette[i]
            })
            .collect()
    }

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

    /// WCAG relative luminance of a 256-colour cube index.
    fn luminance(i: u8) -> f64 {
        let level = |v: u8| [0.0, 95.0, 135.0, 175.0, 215.0, 255.0][usize::from(v)] / 255.0;
        let lin = |c: f64| {
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let n = i - 16;
        let (r, g, b) = (level(n / 36), level((n / 6) % 6), level(n % 6));
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    #[test]
    fn the_palette_reads_on_black_and_on_white() {
        for i in SPEAKER_PALETTE {
            assert!((16..232).contains(&i), "{i} is not in the colour cube");
            let l = luminance(i);
            let on_black = (l + 0.05) / 0.05;
            let on_white = 1.05 / (l + 0.05);
            assert!(
                on_black >= 3.3 && on_white >= 3.3,
                "{i}: {on_black:.1} / {on_white:.1}"
            );
        }
        let mut sorted = SPEAKER_PALETTE.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), SPEAKER_PALETTE.len());
        assert_eq!(Theme::light().palette, Theme::dark().palette);
    }

    #[test]
    fn an_articles_speakers_never_share_a_colour_up_to_the_palette_size() {
        let theme = Theme::default();
        // Names that hash to the same colour still come out apart.
        let names: Vec<String> = (0..200).map(|i| format!("Speaker {i}")).collect();
        let own = theme.speaker(&names[0]);
        let clash: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|n| theme.speaker(n) == own)
            .take(3)
            .collect();
        assert_eq!(clash.len(), 3, "test names must collide");
        let colours = theme.article_colours(clash.iter().copied());
        assert_eq!(colours[0], own, "the first keeps its own colour");
        assert!(colours[0] != colours[1] && colours[1] != colours[2] && colours[0] != colours[2]);
        let twelve = theme.article_colours(names.iter().take(12).map(String::as_str));
        let mut distinct = twelve.clone();
        distinct.sort_by_key(|c| format!("{c:?}"));
        distinct.dedup();
        assert_eq!(distinct.len(), 12);
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
