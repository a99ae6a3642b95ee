//! `y` and `Y`: the current quote to the clipboard, as a citation or alone.

use super::{App, Effect};
use crate::export::Citation;

impl App {
    /// Copies the quote `*` would star (the current one, else the first on
    /// screen): as a citation when `citation`, else its words alone.
    pub(super) fn copy(&mut self, citation: bool) {
        let target = self.reader.entry.zip(self.star_target());
        let Some(c) = target.and_then(|(e, q)| Citation::from_corpus(&self.corpus, e, q)) else {
            self.message = Some("No quote to copy: press n to go to one".to_string());
            return;
        };
        let text = if citation {
            crate::export::citation_line(&c)
        } else {
            crate::export::quoted(&c)
        };
        let text = crate::text::sanitize(&text).into_owned();
        let what = if citation { "citation" } else { "quote" };
        let who = c
            .speaker
            .as_deref()
            .map_or(String::new(), |s| format!(" of {s}"));
        self.message = Some(format!("Copied the {what}{who} to the clipboard"));
        self.effects.push(Effect::Copy(text));
    }
}
