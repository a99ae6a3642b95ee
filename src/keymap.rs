//! Which key does what in which mode: one table, read forwards by the event
//! loop and backwards by the help screen and the footer, so they cannot drift.
//!
//! ```
//! use hearsay::app::{Action, Mode};
//! use hearsay::keymap::{Key, KeyMap};
//!
//! let keymap = KeyMap::default();
//! assert_eq!(keymap.lookup(Mode::Browse, Key::Char('n')), Some(Action::NextQuote));
//! assert_eq!(keymap.hint(Mode::Browse, Action::NextQuote).as_deref(), Some("n"));
//! ```

use std::collections::BTreeMap;
use std::fmt;

use crate::app::{Action, Mode};

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character (shifted letters arrive upper-case).
    Char(char),
    /// A character with Control held.
    Ctrl(char),
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "Ctrl-{c}"),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Tab => f.write_str("Tab"),
            Key::BackTab => f.write_str("S-Tab"),
            Key::Backspace => f.write_str("Bksp"),
            Key::Up => f.write_str("↑"),
            Key::Down => f.write_str("↓"),
            Key::Left => f.write_str("←"),
            Key::Right => f.write_str("→"),
            Key::PageUp => f.write_str("PgUp"),
            Key::PageDown => f.write_str("PgDn"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
        }
    }
}

/// One binding: in `mode`, `key` does `action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The mode it applies in.
    pub mode: Mode,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
}

/// All bindings. In the modes that take text, a character with no binding
/// types itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl Default for KeyMap {
    fn default() -> Self {
        use Action as A;
        use Key as K;
        let browse = [
            (K::Char('j'), A::Down),
            (K::Down, A::Down),
            (K::Char('k'), A::Up),
            (K::Up, A::Up),
            (K::Enter, A::Open),
            (K::Tab, A::ToggleFocus),
            (K::BackTab, A::ToggleFocus),
            (K::Char('h'), A::FocusList),
            (K::Left, A::FocusList),
            (K::Char('l'), A::FocusReader),
            (K::Right, A::FocusReader),
            (K::PageDown, A::PageDown),
            (K::Char(' '), A::PageDown),
            (K::PageUp, A::PageUp),
            (K::Char('g'), A::Top),
            (K::Home, A::Top),
            (K::Char('G'), A::Bottom),
            (K::End, A::Bottom),
            (K::Char('n'), A::NextQuote),
            (K::Char('N'), A::PrevQuote),
            (K::Char('s'), A::OpenSpeakers),
            (K::Char('p'), A::OpenSpeakerList),
            (K::Char('*'), A::ToggleStar),
            (K::Char('b'), A::OpenStarred),
            (K::Char('m'), A::ToggleRead),
            (K::Char('A'), A::MarkAllRead),
            (K::Char('f'), A::OpenFeeds),
            (K::Char('e'), A::Export),
            (K::Char('L'), A::CycleLabels),
            (K::Char('y'), A::CopyCitation),
            (K::Char('Y'), A::CopyQuote),
            (K::Char('!'), A::OpenMessages),
            (K::Char('r'), A::Refresh),
            (K::Char('o'), A::OpenLink),
            (K::Char('F'), A::FetchFullArticle),
            (K::Char('w'), A::ExplainQuote),
            (K::Esc, A::Close),
            (K::Char('/'), A::StartSearch),
            (K::Char(']'), A::NextMatch),
            (K::Char('['), A::PrevMatch),
            (K::Char('?'), A::ToggleHelp),
            (K::Char('q'), A::Back),
            (K::Char('Q'), A::Quit),
            (K::Ctrl('c'), A::Quit),
        ];
        let speakers = [
            (K::Down, A::PickerDown),
            (K::Ctrl('n'), A::PickerDown),
            (K::Up, A::PickerUp),
            (K::Ctrl('p'), A::PickerUp),
            (K::Enter, A::Confirm),
            (K::Tab, A::OpenSpeakerList),
            (K::Backspace, A::DeleteChar),
            (K::Esc, A::Cancel),
            (K::Ctrl('c'), A::Quit),
        ];
        let speaker_list = [
            (K::Down, A::PickerDown),
            (K::Ctrl('n'), A::PickerDown),
            (K::Up, A::PickerUp),
            (K::Ctrl('p'), A::PickerUp),
            (K::PageDown, A::PageDown),
            (K::PageUp, A::PageUp),
            (K::Enter, A::Open),
            (K::Tab, A::ToggleSort),
            (K::Backspace, A::DeleteChar),
            (K::Esc, A::Cancel),
            (K::Ctrl('c'), A::Quit),
        ];
        // The two lists of quotes: a speaker's, and the starred ones.
        // Moving through a list and opening its row, and closing a view:
        // the same in every list view.
        let moves = [
            (K::Char('j'), A::Down),
            (K::Down, A::Down),
            (K::Char('k'), A::Up),
            (K::Up, A::Up),
            (K::PageDown, A::PageDown),
            (K::Char(' '), A::PageDown),
            (K::PageUp, A::PageUp),
            (K::Char('g'), A::Top),
            (K::Home, A::Top),
            (K::Char('G'), A::Bottom),
            (K::End, A::Bottom),
            (K::Enter, A::Open),
        ];
        let closing = [
            (K::Esc, A::Cancel),
            (K::Char('q'), A::Cancel),
            (K::Char('Q'), A::Quit),
            (K::Ctrl('c'), A::Quit),
        ];
        let list_view = |own: &[(Key, Action)]| -> Vec<(Key, Action)> {
            [&moves[..], own, &closing[..]].concat()
        };
        let quote_list = list_view(&[(K::Char('*'), A::ToggleStar), (K::Char('e'), A::Export)]);
        let feeds = list_view(&[
            (K::Char('l'), A::Open),
            (K::Char('A'), A::MarkAllRead),
            (K::Char('r'), A::Refresh),
        ]);
        let export = [
            (K::Tab, A::CycleFormat),
            (K::Enter, A::Confirm),
            (K::Esc, A::Cancel),
            (K::Char('q'), A::Cancel),
            (K::Char('Q'), A::Quit),
            (K::Ctrl('c'), A::Quit),
        ];
        let search = [
            (K::Enter, A::Confirm),
            (K::Backspace, A::DeleteChar),
            (K::Esc, A::Cancel),
            (K::Ctrl('c'), A::Quit),
        ];
        let help = [
            (K::Char('j'), A::Down),
            (K::Down, A::Down),
            (K::Char('k'), A::Up),
            (K::Up, A::Up),
            (K::Char('?'), A::ToggleHelp),
            (K::Esc, A::Cancel),
            (K::Char('q'), A::Cancel),
            (K::Char('Q'), A::Quit),
            (K::Ctrl('c'), A::Quit),
        ];
        let mut bindings = Vec::new();
        for (mode, table) in [
            (Mode::Browse, &browse[..]),
            (Mode::Speakers, &speakers[..]),
            (Mode::Search, &search[..]),
            (Mode::Help, &help[..]),
            (Mode::Messages, &help[..]),
            (Mode::SpeakerList, &speaker_list[..]),
            (Mode::SpeakerQuotes, &quote_list[..]),
            (Mode::Starred, &quote_list[..]),
            (Mode::Export, &export[..]),
            (Mode::Feeds, &feeds[..]),
        ] {
            bindings.extend(
                table
                    .iter()
                    .map(|&(key, action)| Binding { mode, key, action }),
            );
        }
        KeyMap { bindings }
    }
}

impl KeyMap {
    /// A keymap of exactly these bindings.
    pub fn new(bindings: Vec<Binding>) -> KeyMap {
        KeyMap { bindings }
    }

    /// What `key` does in `mode`, if anything.
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<Action> {
        let bound = self
            .bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key);
        match (bound, key) {
            (Some(b), _) => Some(b.action),
            (None, Key::Char(c)) if takes_text(mode) => Some(Action::Input(c)),
            (None, _) => None,
        }
    }

    /// The keys bound to `action` in `mode`, in table order.
    pub fn keys(&self, mode: Mode, action: Action) -> impl Iterator<Item = Key> + '_ {
        self.bindings
            .iter()
            .filter(move |b| b.mode == mode && b.action == action)
            .map(|b| b.key)
    }

    /// The first key for `action` in `mode`, written for a footer.
    pub fn hint(&self, mode: Mode, action: Action) -> Option<String> {
        self.keys(mode, action).next().map(|k| k.to_string())
    }

    /// Every action of `mode` once, in table order, with all its keys
    /// (`j ↓`) and what it does: the lines of the help screen.
    pub fn help(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let mut seen: Vec<Action> = Vec::new();
        let mut lines = Vec::new();
        for b in self.bindings.iter().filter(|b| b.mode == mode) {
            if seen.contains(&b.action) {
                continue;
            }
            seen.push(b.action);
            let keys: Vec<String> = self.keys(mode, b.action).map(|k| k.to_string()).collect();
            lines.push((keys.join(" "), b.action.describe()));
        }
        if takes_text(mode) {
            lines.push(("a-z…".to_string(), Action::Input(' ').describe()));
        }
        lines
    }
}

/// The name of each action that the configuration's `[keys]` can bind.
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("back", Action::Back),
    ("close", Action::Close),
    ("cycle_labels", Action::CycleLabels),
    ("copy_citation", Action::CopyCitation),
    ("copy_quote", Action::CopyQuote),
    ("messages", Action::OpenMessages),
    ("refresh", Action::Refresh),
    ("open_link", Action::OpenLink),
    ("fetch_full_article", Action::FetchFullArticle),
    ("explain", Action::ExplainQuote),
    ("toggle_focus", Action::ToggleFocus),
    ("focus_list", Action::FocusList),
    ("focus_reader", Action::FocusReader),
    ("down", Action::Down),
    ("up", Action::Up),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("open", Action::Open),
    ("next_quote", Action::NextQuote),
    ("previous_quote", Action::PrevQuote),
    ("pick_speaker", Action::OpenSpeakers),
    ("search", Action::StartSearch),
    ("speakers_view", Action::OpenSpeakerList),
    ("star", Action::ToggleStar),
    ("starred", Action::OpenStarred),
    ("toggle_read", Action::ToggleRead),
    ("feeds", Action::OpenFeeds),
    ("mark_all_read", Action::MarkAllRead),
    ("export", Action::Export),
    ("next_match", Action::NextMatch),
    ("previous_match", Action::PrevMatch),
    ("help", Action::ToggleHelp),
];

/// A key as the configuration writes it: one character (`n`, `N`, `/`),
/// a name (`Enter`, `Esc`, `Tab`, `S-Tab`, `Space`, `Backspace`, `Up`,
/// `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`; any case) or
/// `Ctrl-x`.
pub fn parse_key(text: &str) -> Option<Key> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(Key::Char(c));
    }
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("ctrl-")
        .or_else(|| lower.strip_prefix("c-"))
    {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphanumeric() => Some(Key::Ctrl(c)),
            _ => None,
        };
    }
    Some(match lower.as_str() {
        "space" => Key::Char(' '),
        "enter" | "return" => Key::Enter,
        "esc" | "escape" => Key::Esc,
        "tab" => Key::Tab,
        "s-tab" | "backtab" | "shift-tab" => Key::BackTab,
        "backspace" | "bksp" => Key::Backspace,
        "up" => Key::Up,
        "down" => Key::Down,
        "left" => Key::Left,
        "right" => Key::Right,
        "pgup" | "pageup" => Key::PageUp,
        "pgdn" | "pagedown" => Key::PageDown,
        "home" => Key::Home,
        "end" => Key::End,
        _ => return None,
    })
}

impl KeyMap {
    /// The default keymap with the configuration's `[keys]` over it: each
    /// action named there is done by the keys given (and no longer by its
    /// default keys), in every mode it has keys in that does not take
    /// text; a key given to an action stops doing what it did before. An
    /// unknown action or key is returned with its line, and left out.
    pub fn with_config(
        keys: &BTreeMap<String, Vec<(String, usize)>>,
    ) -> (KeyMap, Vec<(usize, String)>) {
        let mut map = KeyMap::default();
        let mut problems = Vec::new();
        for (name, given) in keys {
            let Some(&(_, action)) = ACTION_NAMES.iter().find(|(n, _)| n == name) else {
                let line = given.first().map_or(0, |(_, l)| *l);
                problems.push((
                    line,
                    format!(
                        "[keys]: no action is called `{name}`; the actions are {}",
                        names()
                    ),
                ));
                continue;
            };
            let mut parsed = Vec::new();
            for (text, line) in given {
                match parse_key(text) {
                    Some(key) => parsed.push(key),
                    None => problems.push((*line, format!("[keys]: `{name}`: {text:?} is no key hearsay knows (a character, Enter, Esc, Tab, Space, Up, PgDn, Ctrl-x …)"))),
                }
            }
            if !parsed.is_empty() {
                map.rebind(action, &parsed);
            }
        }
        (map, problems)
    }

    /// Makes `keys` (and only they) do `action` wherever it has keys.
    fn rebind(&mut self, action: Action, keys: &[Key]) {
        let modes: Vec<Mode> = self
            .bindings
            .iter()
            .filter(|b| b.action == action && !takes_text(b.mode))
            .map(|b| b.mode)
            .fold(Vec::new(), |mut v, m| {
                if !v.contains(&m) {
                    v.push(m);
                }
                v
            });
        for mode in modes {
            let at = self
                .bindings
                .iter()
                .position(|b| b.mode == mode && b.action == action)
                .unwrap_or(self.bindings.len());
            let before = self.bindings[..at]
                .iter()
                .filter(|b| b.mode != mode || !(b.action == action || keys.contains(&b.key)))
                .count();
            self.bindings
                .retain(|b| b.mode != mode || !(b.action == action || keys.contains(&b.key)));
            let new = keys.iter().map(|&key| Binding { mode, key, action });
            self.bindings.splice(before..before, new);
        }
    }
}

/// The action names, for a message.
fn names() -> String {
    let all: Vec<&str> = ACTION_NAMES.iter().map(|(n, _)| *n).collect();
    all.join(", ")
}

/// Whether unbound characters are typed in `mode`.
fn takes_text(mode: Mode) -> bool {
    matches!(mode, Mode::Speakers | Mode::Search | Mode::SpeakerList)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vim_keys_and_arrows_do_the_same() {
        let km = KeyMap::default();
        for (vim, arrow) in [
            ('j', Key::Down),
            ('k', Key::Up),
            ('h', Key::Left),
            ('l', Key::Right),
        ] {
            assert_eq!(
                km.lookup(Mode::Browse, Key::Char(vim)),
                km.lookup(Mode::Browse, arrow)
            );
        }
    }

    #[test]
    fn text_modes_type_unbound_characters() {
        let km = KeyMap::default();
        assert_eq!(
            km.lookup(Mode::Speakers, Key::Char('q')),
            Some(Action::Input('q'))
        );
        assert_eq!(
            km.lookup(Mode::Search, Key::Char('n')),
            Some(Action::Input('n'))
        );
        assert_eq!(km.lookup(Mode::Browse, Key::Char('z')), None);
        assert_eq!(km.lookup(Mode::Search, Key::Ctrl('c')), Some(Action::Quit));
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let km = KeyMap::default();
        for (i, a) in km.bindings.iter().enumerate() {
            for b in &km.bindings[i + 1..] {
                assert!(
                    a.mode != b.mode || a.key != b.key,
                    "{:?} bound twice",
                    a.key
                );
            }
        }
    }

    #[test]
    fn q_goes_back_and_capital_q_quits_wherever_it_is_not_typed() {
        let km = KeyMap::default();
        assert_eq!(km.lookup(Mode::Browse, Key::Char('q')), Some(Action::Back));
        for mode in [
            Mode::Browse,
            Mode::Help,
            Mode::SpeakerQuotes,
            Mode::Starred,
            Mode::Export,
            Mode::Feeds,
        ] {
            assert_eq!(
                km.lookup(mode, Key::Char('Q')),
                Some(Action::Quit),
                "{mode:?}"
            );
        }
        assert_eq!(
            km.lookup(Mode::Speakers, Key::Char('Q')),
            Some(Action::Input('Q'))
        );
    }

    fn keys(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<(String, usize)>> {
        pairs
            .iter()
            .enumerate()
            .map(|(i, (name, ks))| {
                let ks = ks.iter().map(|k| (k.to_string(), i + 10)).collect();
                (name.to_string(), ks)
            })
            .collect()
    }

    #[test]
    fn configured_keys_replace_the_defaults_of_their_action() {
        let (km, problems) = KeyMap::with_config(&keys(&[
            ("next_quote", &["x", "Ctrl-n"]),
            ("refresh", &["R"]),
        ]));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            km.lookup(Mode::Browse, Key::Char('x')),
            Some(Action::NextQuote)
        );
        assert_eq!(
            km.lookup(Mode::Browse, Key::Ctrl('n')),
            Some(Action::NextQuote)
        );
        assert_eq!(km.lookup(Mode::Browse, Key::Char('n')), None);
        assert_eq!(
            km.lookup(Mode::Browse, Key::Char('R')),
            Some(Action::Refresh)
        );
        assert_eq!(km.lookup(Mode::Browse, Key::Char('r')), None);
        assert_eq!(
            km.hint(Mode::Browse, Action::NextQuote).as_deref(),
            Some("x")
        );
        // The help keeps the action where it was, with its new keys.
        let help = km.help(Mode::Browse);
        let at = |d: &str| help.iter().position(|(_, w)| *w == d);
        assert_eq!(
            at(Action::NextQuote.describe()),
            KeyMap::default()
                .help(Mode::Browse)
                .iter()
                .position(|(_, w)| *w == Action::NextQuote.describe())
        );
        assert!(
            help.iter()
                .any(|(k, w)| k == "x Ctrl-n" && *w == Action::NextQuote.describe())
        );
    }

    #[test]
    fn a_key_taken_by_the_configuration_stops_doing_what_it_did() {
        let (km, _) = KeyMap::with_config(&keys(&[("quit", &["j"])]));
        assert_eq!(km.lookup(Mode::Browse, Key::Char('j')), Some(Action::Quit));
        assert_eq!(km.lookup(Mode::Browse, Key::Down), Some(Action::Down));
        assert_eq!(km.lookup(Mode::Help, Key::Char('j')), Some(Action::Quit));
        // A mode that takes text still types the letter.
        assert_eq!(
            km.lookup(Mode::Search, Key::Char('j')),
            Some(Action::Input('j'))
        );
    }

    #[test]
    fn unknown_actions_and_keys_are_named_with_their_line() {
        let (km, problems) =
            KeyMap::with_config(&keys(&[("fly", &["f"]), ("star", &["F13", "S"])]));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].0, 10);
        assert!(problems[0].1.contains("`fly`"));
        assert!(problems[1].1.contains("\"F13\""), "{}", problems[1].1);
        assert_eq!(
            km.lookup(Mode::Browse, Key::Char('S')),
            Some(Action::ToggleStar)
        );
    }

    #[test]
    fn key_names_parse_in_any_case() {
        assert_eq!(parse_key("space"), Some(Key::Char(' ')));
        assert_eq!(parse_key("PgDn"), Some(Key::PageDown));
        assert_eq!(parse_key("C-k"), Some(Key::Ctrl('k')));
        assert_eq!(parse_key("é"), Some(Key::Char('é')));
        assert_eq!(parse_key(""), None);
        assert_eq!(parse_key("\u{1b}"), None);
        assert_eq!(parse_key("Ctrl-"), None);
    }

    #[test]
    fn the_example_configuration_names_every_action() {
        for (name, _) in ACTION_NAMES {
            assert!(
                crate::config::EXAMPLE.contains(&format!(" {name},"))
                    || crate::config::EXAMPLE.contains(&format!(" {name}."))
                    || crate::config::EXAMPLE.contains(&format!(" {name}\n")),
                "{name} is missing from assets/config.example.toml"
            );
        }
    }

    #[test]
    fn every_action_name_is_bound_by_default() {
        let km = KeyMap::default();
        for (name, action) in ACTION_NAMES {
            assert!(km.bindings.iter().any(|b| b.action == *action), "{name}");
        }
    }

    #[test]
    fn help_lists_each_action_once_with_all_its_keys() {
        let help = KeyMap::default().help(Mode::Browse);
        let down: Vec<_> = help
            .iter()
            .filter(|(_, d)| *d == Action::Down.describe())
            .collect();
        assert_eq!(down.len(), 1);
        assert_eq!(down[0].0, "j ↓");
    }
}
