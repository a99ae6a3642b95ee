//! Routing the collection's actions and the modes of its views (speakers
//! view, a speaker's quotes, starred quotes, the export prompt), so the
//! reading modes' `update` stays as it was.

use super::{Action, App, Mode};

impl App {
    /// Acts on `action` if it belongs to the collection or its views;
    /// returns whether it did.
    pub(super) fn collection_update(&mut self, action: Action) -> bool {
        match action {
            Action::OpenSpeakerList => {
                let query = match self.mode {
                    Mode::Speakers => self.picker.query.clone(),
                    _ => String::new(),
                };
                self.open_speaker_list(query);
                return true;
            }
            Action::ToggleSort => {
                self.toggle_sort();
                return true;
            }
            Action::ToggleStar => {
                self.toggle_star();
                return true;
            }
            Action::OpenStarred => {
                self.open_starred();
                return true;
            }
            Action::ToggleRead => {
                self.toggle_read();
                return true;
            }
            Action::Export => {
                self.open_export();
                return true;
            }
            Action::CycleFormat => {
                self.cycle_format(1);
                return true;
            }
            _ => {}
        }
        let page = self.view_page() as isize;
        let step = match action {
            Action::Down | Action::PickerDown => Some(1),
            Action::Up | Action::PickerUp => Some(-1),
            Action::PageDown => Some(page),
            Action::PageUp => Some(-page),
            Action::Top => Some(isize::MIN / 2),
            Action::Bottom => Some(isize::MAX / 2),
            Action::Scroll { delta, .. } => Some(isize::from(delta.signum())),
            _ => None,
        };
        match self.mode {
            Mode::SpeakerList => match action {
                Action::Confirm | Action::Open => self.choose_speaker(),
                Action::Cancel => self.mode = Mode::Browse,
                Action::Click { .. } => {}
                _ => match step {
                    Some(d) => self.speakers_view.picker.step(d),
                    None => return false,
                },
            },
            Mode::SpeakerQuotes => match action {
                Action::Confirm | Action::Open => self.open_speaker_quote(),
                Action::Cancel => self.mode = Mode::SpeakerList,
                Action::Click { .. } => {}
                _ => match step {
                    Some(d) => self.speaker_quotes_step(d),
                    None => return false,
                },
            },
            Mode::Starred => match action {
                Action::Confirm | Action::Open => self.open_selected_star(),
                Action::Cancel => self.mode = Mode::Browse,
                Action::Click { .. } => {}
                _ => match step {
                    Some(d) => self.starred_step(d),
                    None => return false,
                },
            },
            Mode::Export => match action {
                Action::Confirm => self.write_export(),
                Action::Cancel => self.close_export(),
                _ => return false,
            },
            Mode::Browse | Mode::Speakers | Mode::Search | Mode::Help | Mode::Messages => {
                return false;
            }
        }
        true
    }

    /// Two-row items that fit on the screen in a view, at least one.
    fn view_page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(5) / 2).max(1)
    }
}
