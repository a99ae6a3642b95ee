//! The speaker picker: type to narrow, Enter filters by the speaker.

use crate::app::{Action, App, Mode};

/// Edits and moves the picker, applies its choice; passes the rest on.
pub(super) fn update(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::Input(c) => app.picker_edit(|s| s.push(c)),
        Action::DeleteChar => app.picker_edit(|s| {
            s.pop();
        }),
        Action::PickerDown => app.picker.step(1),
        Action::PickerUp => app.picker.step(-1),
        Action::Confirm => {
            app.mode = Mode::Browse;
            if let Some(speaker) = app.picker.chosen() {
                app.apply_filter(speaker);
            }
        }
        Action::Cancel => app.mode = Mode::Browse,
        // Tab: the speakers view, with what was typed.
        Action::OpenSpeakerList => app.open_speaker_list(app.picker.query.clone()),
        _ => return Some(action),
    }
    None
}

impl App {
    fn picker_edit(&mut self, change: impl FnOnce(&mut String)) {
        change(&mut self.picker.query);
        self.picker
            .refilter(self.corpus.speakers.iter().map(|s| s.name.as_str()));
    }
}
