//! The command line: the reader by default, and headless subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub mod citations;
pub mod eval;
pub mod quotes;
pub mod speakers;

/// Who said what, in your terminal.
#[derive(Debug, Parser)]
#[command(
    name = "hearsay",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Files and folders of articles to read, `-` for standard input.
    /// Without any, the bundled sample articles open.
    pub paths: Vec<PathBuf>,
    /// Where stars and read marks are kept (default: $HEARSAY_DATA_DIR, else
    /// the platform's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub data_dir: Option<PathBuf>,
    /// A headless subcommand instead of the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every quote of every article, for scripts.
    Quotes {
        /// Files and folders of articles, `-` for standard input.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Only this speaker's quotes, as citations (any written form of the name).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only the starred quotes, as citations; no articles needed.
        #[arg(long)]
        starred: bool,
    },
    /// Print every speaker with quote and article counts, most quoted first.
    Speakers {
        /// Files and folders of articles, `-` for standard input.
        paths: Vec<PathBuf>,
        /// Output format (`text` or `jsonl`).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also print articles, bytes, quotes and the time spent loading and extracting.
        #[arg(long)]
        stats: bool,
    },
    /// Score the extractor on annotated quotes (the format of gold/README.md).
    Eval {
        /// The annotated articles, one JSON object per line.
        gold: PathBuf,
        /// Also print the N worst articles with their mistakes in context.
        #[arg(long, value_name = "N", default_value_t = 0)]
        show_errors: usize,
        /// Write the predictions as JSONL to this file.
        #[arg(long, value_name = "FILE")]
        predictions: Option<PathBuf>,
    },
}

/// Output formats of the headless commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
    /// Plain text for reading (Markdown citation blocks with --speaker/--starred).
    #[value(alias = "md", alias = "markdown")]
    Text,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_dir_goes_before_the_paths_or_after_a_subcommand() {
        let cli = Cli::try_parse_from(["hearsay", "--data-dir", "d", "news"]).expect("parses");
        assert_eq!(cli.data_dir, Some(PathBuf::from("d")));
        assert_eq!(cli.paths, [PathBuf::from("news")]);
        let cli = Cli::try_parse_from(["hearsay", "quotes", "--starred", "--data-dir", "d"])
            .expect("parses");
        assert_eq!(cli.data_dir, Some(PathBuf::from("d")));
        let Some(Command::Quotes {
            starred, speaker, ..
        }) = cli.command
        else {
            panic!("not the quotes command");
        };
        assert!(starred && speaker.is_none());
    }

    #[test]
    fn md_and_markdown_name_the_text_format() {
        for name in ["md", "markdown", "text"] {
            let cli =
                Cli::try_parse_from(["hearsay", "quotes", "--format", name, "x"]).expect("parses");
            assert!(matches!(
                cli.command,
                Some(Command::Quotes {
                    format: Format::Text,
                    ..
                })
            ));
        }
    }
}
