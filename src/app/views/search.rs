//! The search box: over the loaded articles, or the offline cache while
//! typing.

use crate::app::{Action, App, Mode};

/// Edits the query, searches on Enter; passes the rest on.
pub(super) fn update(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::Input(c) => app.search_edit(|s| s.push(c)),
        Action::DeleteChar => app.search_edit(|s| {
            s.pop();
        }),
        Action::Confirm => {
            app.mode = Mode::Browse;
            let input = app.search.input.clone();
            if app.searches_cache() {
                app.confirm_cache_search(input);
            } else {
                app.start_search(input);
            }
        }
        Action::Cancel => {
            if app.showing_found() {
                app.end_found();
            }
            app.mode = Mode::Browse;
        }
        _ => return Some(action),
    }
    None
}

impl App {
    fn search_edit(&mut self, change: impl FnOnce(&mut String)) {
        change(&mut self.search.input);
        if self.searches_cache() {
            self.search_cache(self.search.input.clone());
        }
    }

    fn confirm_cache_search(&mut self, input: String) {
        self.search_cache(input);
        if self.showing_found() && self.follow.searching.is_none() {
            let n = self.shown.len();
            self.message = Some(format!(
                "{} {} “{}”",
                crate::text::plural(n, "article"),
                if n == 1 { "matches" } else { "match" },
                crate::text::sanitize(&self.search.input)
            ));
        }
    }
}
