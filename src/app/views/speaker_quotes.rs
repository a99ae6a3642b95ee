//! One speaker's quotes across articles.

use super::list_step;
use crate::app::export::ExportWhat;
use crate::app::{Action, App, Mode};

/// Moves through the quotes, opens, stars or exports them; passes the
/// rest on.
pub(super) fn update(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::Confirm | Action::Open => app.open_speaker_quote(),
        Action::Cancel => app.mode = Mode::SpeakerList,
        Action::Click { .. } => {}
        Action::ToggleStar => {
            if let Some((e, q)) = app.speakers_view.chosen_quote() {
                app.toggle_star_of(e, q);
            }
        }
        Action::Export => {
            let what = app
                .speakers_view
                .chosen
                .map_or(ExportWhat::Starred, ExportWhat::Speaker);
            app.open_export(what);
        }
        _ => match list_step(app, action) {
            Some(d) => app.speaker_quotes_step(d),
            None => return Some(action),
        },
    }
    None
}
