//! `hearsay quotes --speaker NAME [--starred]`: one speaker's quotes, or the
//! starred ones, as citations (speaker, quote, headline, source, date, URL)
//! for scripts: the same as `e` writes in the reader.
//!
//! `--format text` (also `md`) writes Markdown citation blocks, `jsonl` and
//! `csv` what their names say.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Format;
use crate::article::LoadOptions;
use crate::corpus::Corpus;
use crate::export::{self, Citation, ExportFormat};
use crate::store::{self, Store};

/// Why the citations could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum CitationsError {
    /// Quotes of a speaker were asked for without articles to find them in.
    #[error(
        "no input: give files or folders of articles, or `-` for standard input (or --starred)"
    )]
    NoPaths,
    /// The name is a family name several speakers share.
    #[error("“{name}” could be any of: {}; give the full name", candidates.join(", "))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// The speakers it could be.
        candidates: Vec<String>,
    },
    /// The starred quotes could not be read.
    #[error("cannot read the starred quotes: {0}")]
    Store(#[from] store::StoreError),
    /// Writing failed.
    #[error(transparent)]
    Export(#[from] export::ExportError),
    /// Writing a problem failed.
    #[error("writing: {0}")]
    Io(#[from] io::Error),
}

/// What to print.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// Only this speaker's quotes (any written form of the name).
    pub speaker: Option<&'a str>,
    /// Only starred quotes (read from the collection, no articles needed).
    pub starred: bool,
    /// The output format.
    pub format: Format,
    /// `--data-dir`, if given.
    pub data_dir: Option<&'a Path>,
    /// How inputs are read (`--max-size`).
    pub options: LoadOptions,
}

/// The export format for a headless format: text is Markdown.
pub fn export_format(format: Format) -> ExportFormat {
    match format {
        Format::Jsonl => ExportFormat::Jsonl,
        Format::Csv => ExportFormat::Csv,
        Format::Text => ExportFormat::Markdown,
    }
}

/// Prints the citations asked for to `out`, notes to `err`; returns how
/// many were printed.
pub fn run(
    paths: &[PathBuf],
    request: Request<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<usize, CitationsError> {
    let citations = if request.starred {
        starred(request, err)?
    } else {
        of_speaker(
            paths,
            request.speaker.unwrap_or_default(),
            request.options,
            err,
        )?
    };
    if citations.is_empty() {
        let who = request
            .speaker
            .map_or(String::new(), |s| format!(" by “{s}”"));
        let which = if request.starred { "starred " } else { "" };
        writeln!(err, "hearsay: no {which}quotes{who}")?;
    }
    export::write(out, &citations, export_format(request.format))?;
    Ok(citations.len())
}

fn starred(request: Request<'_>, err: &mut dyn Write) -> Result<Vec<Citation>, CitationsError> {
    let (store, notice) = Store::open_or_recover(&store::data_dir(request.data_dir));
    if let Some(notice) = notice {
        writeln!(err, "hearsay: {notice}")?;
    }
    let stars = store.starred()?;
    Ok(match request.speaker {
        Some(name) => export::filter_starred_by_speaker(&stars, name),
        None => stars.iter().map(Citation::from).collect(),
    })
}

fn of_speaker(
    paths: &[PathBuf],
    name: &str,
    options: LoadOptions,
    err: &mut dyn Write,
) -> Result<Vec<Citation>, CitationsError> {
    if paths.is_empty() {
        return Err(CitationsError::NoPaths);
    }
    let loaded = crate::article::load_paths_with(paths, &options);
    for problem in &loaded.problems {
        writeln!(err, "hearsay: {problem}")?;
    }
    let corpus = Corpus::from_articles(loaded.articles);
    let found = export::find_speakers(&corpus, name);
    if found.len() > 1 {
        return Err(CitationsError::Ambiguous {
            name: name.to_string(),
            candidates: found
                .iter()
                .filter_map(|&s| corpus.speakers.get(s))
                .map(|s| s.name.clone())
                .collect(),
        });
    }
    Ok(export::filter_by_speaker(&corpus, name))
}
