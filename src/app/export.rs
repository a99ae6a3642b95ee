//! `e`: writing quotes to a file — the starred ones, or one speaker's when a
//! speaker is filtered or listed — after choosing the format.

use std::path::{Path, PathBuf};

use super::{App, Effect, Mode};
use crate::export::{Citation, ExportFormat};

/// The formats `e` offers, in the order Tab goes through them.
pub const FORMATS: [ExportFormat; 3] = [
    ExportFormat::Markdown,
    ExportFormat::Csv,
    ExportFormat::Json,
];

/// Which quotes an export writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportWhat {
    /// The starred quotes.
    Starred,
    /// Every quote of this speaker (an index into the corpus's speakers).
    Speaker(usize),
}

/// The export prompt: what to write and in which format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPrompt {
    /// Which quotes.
    pub what: ExportWhat,
    /// How many there are.
    pub count: usize,
    /// Index into [`FORMATS`] of the chosen format.
    pub format: usize,
    /// The mode to go back to.
    back: Mode,
}

impl ExportPrompt {
    /// The mode the prompt was opened from.
    pub fn back(&self) -> Mode {
        self.back
    }

    /// The chosen format.
    pub fn format(&self) -> ExportFormat {
        FORMATS[self.format % FORMATS.len()]
    }
}

impl App {
    /// The export prompt, while it is open.
    pub fn export_prompt(&self) -> Option<&ExportPrompt> {
        self.export.as_ref()
    }

    /// Where `e` writes its files (the working folder unless set).
    pub fn set_export_dir(&mut self, dir: PathBuf) {
        self.export_dir = dir;
    }

    /// Opens the export prompt for `what` (the view in front decides).
    pub(super) fn open_export(&mut self, what: ExportWhat) {
        let count = match self.citations(&what) {
            Ok(c) => c.len(),
            Err(e) => {
                self.message = Some(e);
                return;
            }
        };
        if count == 0 {
            self.message = Some(match what {
                ExportWhat::Starred => "Nothing starred to export: press * on a quote".into(),
                ExportWhat::Speaker(_) => "This speaker has no quotes to export".into(),
            });
            return;
        }
        self.export = Some(ExportPrompt {
            what,
            count,
            format: 0,
            back: self.mode,
        });
        self.mode = Mode::Export;
    }

    pub(super) fn cycle_format(&mut self, delta: isize) {
        if let Some(p) = &mut self.export {
            let n = FORMATS.len() as isize;
            p.format = (p.format as isize + delta).rem_euclid(n) as usize;
        }
    }

    pub(super) fn close_export(&mut self) {
        if let Some(p) = self.export.take() {
            self.mode = p.back;
        }
    }

    /// Asks for the file to be written; [`App::exported`] says where.
    pub(super) fn write_export(&mut self) {
        let Some(prompt) = self.export.clone() else {
            return;
        };
        self.close_export();
        let citations = match self.citations(&prompt.what) {
            Ok(c) => c,
            Err(e) => {
                self.message = Some(e);
                return;
            }
        };
        let name = match &prompt.what {
            ExportWhat::Starred => "starred".to_string(),
            ExportWhat::Speaker(s) => slug(self.corpus.speakers.get(*s).map_or("", |s| &s.name)),
        };
        self.effects.push(Effect::Export {
            dir: self.export_dir.clone(),
            stem: format!("hearsay-{name}"),
            format: prompt.format(),
            citations,
        });
    }

    /// Says where the export went, or why it failed.
    pub(super) fn exported(&mut self, result: Result<(PathBuf, usize), String>) {
        self.message = Some(match result {
            Ok((path, n)) => {
                let s = if n == 1 { "" } else { "s" };
                format!("Wrote {n} quote{s} to {}", path.display())
            }
            Err(e) => format!("Export failed: {e}"),
        });
    }

    /// The citations an export of `what` writes.
    fn citations(&self, what: &ExportWhat) -> Result<Vec<Citation>, String> {
        match *what {
            ExportWhat::Starred => Ok(self.collection.stars().iter().map(Citation::from).collect()),
            ExportWhat::Speaker(s) => {
                let mut out = Vec::new();
                for e in 0..self.corpus.entries.len() {
                    for (q, id) in self.corpus.speakers_of(e).enumerate() {
                        if id == Some(s) {
                            out.extend(Citation::from_corpus(&self.corpus, e, q));
                        }
                    }
                }
                Ok(out)
            }
        }
    }
}

/// `Mara Okonkwo` → `mara-okonkwo`; letters and digits kept, the rest one dash.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "speaker".to_string()
    } else {
        out.chars().take(60).collect()
    }
}

/// `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`… — the first that does not
/// exist, so an export never replaces a file (the user's articles least of all).
pub(super) fn free_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let mut path = dir.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while path.exists() || path.with_extension(format!("{ext}.partial")).exists() {
        path = dir.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_dashes() {
        assert_eq!(slug("Mara Okonkwo"), "mara-okonkwo");
        assert_eq!(slug("the Harbour Board!"), "the-harbour-board");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("  "), "speaker");
    }

    #[test]
    fn an_existing_file_is_never_chosen() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = free_path(dir.path(), "hearsay-starred", "md");
        assert_eq!(first, dir.path().join("hearsay-starred.md"));
        std::fs::write(&first, "mine").expect("write");
        let second = free_path(dir.path(), "hearsay-starred", "md");
        assert_eq!(second, dir.path().join("hearsay-starred-2.md"));
    }
}
