//! The key help and the messages view: text to scroll, closed by its key.

use crate::app::{Action, App, Focus, Mode};

/// Scrolls the help or the messages; passes the rest on.
pub(super) fn update(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::Down => app.scroll_help(1),
        Action::Up => app.scroll_help(-1),
        // With the list focused a page scrolls the text by a list's page;
        // with the reader focused it scrolls the article beneath, as it did.
        Action::PageDown | Action::PageUp if app.focus == Focus::List => {
            let page = app.list_page() as isize;
            app.scroll_help(if action == Action::PageDown {
                page
            } else {
                -page
            });
        }
        Action::Confirm => app.mode = Mode::Browse,
        Action::ToggleHelp if app.mode == Mode::Help => app.mode = Mode::Browse,
        _ => return Some(action),
    }
    None
}

impl App {
    fn scroll_help(&mut self, delta: isize) {
        // The ui stops the help at its last line; this only bounds the count.
        self.help_scroll = self.help_scroll.saturating_add_signed(delta).min(999);
    }
}
