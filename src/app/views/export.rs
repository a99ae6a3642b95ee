//! The export prompt: choose a format, write the file.

use crate::app::{Action, App};

/// Cycles the format, writes or closes; passes the rest on.
pub(super) fn update(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::Confirm => app.write_export(),
        Action::Cancel => app.close_export(),
        Action::CycleFormat => app.cycle_format(1),
        _ => return Some(action),
    }
    None
}
