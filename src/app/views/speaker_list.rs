//! The speakers view: every speaker with counts, filtered as you type.

use super::list_step;
use crate::app::{Action, App, Mode};

/// Filters, sorts and moves the list, opens a speaker's quotes; passes
/// the rest on.
pub(super) fn update(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::Confirm | Action::Open => app.choose_speaker(),
        Action::Cancel => app.mode = Mode::Browse,
        Action::Click { .. } => {}
        Action::Input(c) => app.speaker_list_edit(|s| s.push(c)),
        Action::DeleteChar => app.speaker_list_edit(|s| {
            s.pop();
        }),
        _ => match list_step(app, action) {
            Some(d) => app.speakers_view.picker.step(d),
            None => return Some(action),
        },
    }
    None
}
