//! The feeds view: each subscription with its unread count; Enter lists
//! its articles alone, a key marks them all read.

use super::list_step;
use crate::app::{Action, App, Mode};

/// Moves through the feeds, opens one or marks it read; passes the rest on.
pub(super) fn update(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::Confirm | Action::Open => app.open_feed(),
        Action::Cancel => app.mode = Mode::Browse,
        Action::Click { .. } => {}
        Action::MarkAllRead => app.mark_feed_read(),
        _ => match list_step(app, action) {
            Some(d) => app.feeds_step(d),
            None => return Some(action),
        },
    }
    None
}
