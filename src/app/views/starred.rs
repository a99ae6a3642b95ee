//! The starred quotes, kept across sessions.

use super::list_step;
use crate::app::export::ExportWhat;
use crate::app::{Action, App, Mode};

/// Moves through the stars, opens, unstars or exports them; passes the
/// rest on.
pub(super) fn update(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::Confirm | Action::Open => app.open_selected_star(),
        Action::Cancel => app.mode = Mode::Browse,
        Action::Click { .. } => {}
        Action::ToggleStar => app.unstar_selected(),
        Action::Export => app.open_export(ExportWhat::Starred),
        _ => match list_step(app, action) {
            Some(d) => app.starred_step(d),
            None => return Some(action),
        },
    }
    None
}
