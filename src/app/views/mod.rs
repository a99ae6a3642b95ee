//! The reader's views, one file each. [`Mode`] says which view is in
//! front; its `update` takes the actions it knows and passes the rest on
//! to the reading view ([`browse`]) that every other view is drawn over,
//! so quitting, resizing and the app-wide keys work the same everywhere.
//! A new view is a file here, a [`Mode`] variant and its keys in the keymap.

mod browse;
mod export;
mod feeds;
mod help;
mod picker;
mod search;
mod speaker_list;
mod speaker_quotes;
mod starred;

use super::{Action, App, Mode};

impl App {
    /// Hands `action` to the view in front, and what it passes on to the
    /// reading view.
    pub(super) fn dispatch(&mut self, action: Action) {
        let passed = match self.mode {
            Mode::Browse => Some(action),
            Mode::Speakers => picker::update(self, action),
            Mode::Search => search::update(self, action),
            Mode::Help | Mode::Messages | Mode::Explain => help::update(self, action),
            Mode::SpeakerList => speaker_list::update(self, action),
            Mode::SpeakerQuotes => speaker_quotes::update(self, action),
            Mode::Starred => starred::update(self, action),
            Mode::Export => export::update(self, action),
            Mode::Feeds => feeds::update(self, action),
        };
        if let Some(action) = passed {
            browse::update(self, action);
        }
    }

    /// Two-row items that fit on the screen in a view, at least one.
    pub(in crate::app) fn view_page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(5) / 2).max(1)
    }
}

/// How far a moving action moves the highlight of a list view (the
/// speakers, a speaker's quotes, the starred quotes), if it is one.
fn list_step(app: &App, action: Action) -> Option<isize> {
    let page = app.view_page() as isize;
    match action {
        Action::Down | Action::PickerDown => Some(1),
        Action::Up | Action::PickerUp => Some(-1),
        Action::PageDown => Some(page),
        Action::PageUp => Some(-page),
        Action::Top => Some(isize::MIN / 2),
        Action::Bottom => Some(isize::MAX / 2),
        Action::Scroll { delta, .. } => Some(isize::from(delta.signum())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{Action, App, Mode, update};
    use crate::corpus::Corpus;

    #[test]
    fn every_view_passes_quit_on_to_the_reading_view() {
        for mode in [
            Mode::Browse,
            Mode::Speakers,
            Mode::Search,
            Mode::Help,
            Mode::Messages,
            Mode::Explain,
            Mode::SpeakerList,
            Mode::SpeakerQuotes,
            Mode::Starred,
            Mode::Export,
            Mode::Feeds,
        ] {
            let mut app = App::new(Corpus::default(), Vec::new());
            app.mode = mode;
            update(&mut app, Action::Quit);
            assert!(app.should_quit(), "{mode:?}");
        }
    }

    #[test]
    fn cancel_closes_a_view_over_the_reading_view() {
        for mode in [
            Mode::Speakers,
            Mode::Help,
            Mode::Messages,
            Mode::Explain,
            Mode::Starred,
        ] {
            let mut app = App::new(Corpus::default(), Vec::new());
            app.mode = mode;
            update(&mut app, Action::Cancel);
            assert_eq!(app.mode(), Mode::Browse, "{mode:?}");
        }
    }
}
