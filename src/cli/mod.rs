//! The command line: the reader by default, and headless subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub mod citations;
pub mod eval;
pub mod quotes;
pub mod search;
pub mod speakers;
pub mod subscriptions;

/// Who said what, in your terminal.
#[derive(Debug, Parser)]
#[command(
    name = "hearsay",
    version,
    about,
    args_conflicts_with_subcommands = false
)]
pub struct Cli {
    /// Files and folders of articles to read, `-` for standard input.
    /// Without any, the bundled sample articles open.
    pub paths: Vec<PathBuf>,
    /// Where stars and read marks are kept (default: $HEARSAY_DATA_DIR, else
    /// the platform's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub data_dir: Option<PathBuf>,
    /// The most to read from one input, as bytes or with a K, M or G suffix
    /// (powers of 1024); a bigger input is skipped with a message.
    #[arg(long, global = true, value_name = "SIZE", default_value = "512M", value_parser = parse_size)]
    pub max_size: u64,
    /// The configuration file (default: $HEARSAY_CONFIG, else the platform's
    /// config folder; `hearsay config` prints it).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Keep the articles read in the offline cache, for `hearsay search`.
    #[arg(long)]
    pub keep: bool,
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
    /// Search everything kept in the offline cache (headline, text, speakers):
    /// words, `speaker:"Ana Ruiz"`, `feed:NAME`; best match first.
    Search {
        /// The words to find.
        #[arg(required = true)]
        query: Vec<String>,
        /// At most this many results.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Output format (`jsonl` or `text`).
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
    },
    /// Print where the configuration file is (and check it), or an example.
    Config {
        /// Print where the file is read from (the default).
        #[arg(long)]
        path: bool,
        /// Print a commented example configuration.
        #[arg(long, conflicts_with = "path")]
        example: bool,
    },
    /// Subscribe to a feed.
    Add {
        /// The feed's URL.
        url: String,
        /// What to call it.
        #[arg(long)]
        name: Option<String>,
        /// A tag for it (again for more).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// Unsubscribe from a feed, by URL or name.
    Remove {
        /// The feed's URL or name.
        feed: String,
    },
    /// Subscribe to every feed of an OPML file.
    Import {
        /// The OPML file.
        file: PathBuf,
    },
    /// Print the subscriptions as OPML.
    Export {
        /// As OPML (the only format).
        #[arg(long, default_value_t = true)]
        opml: bool,
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
        /// Resamples of the articles for the 95% intervals (0: none).
        #[arg(long, value_name = "N", default_value_t = 1000)]
        resamples: usize,
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

/// `512M` -> 536870912: a number of bytes, optionally with a K, M or G
/// suffix (powers of 1024, `KiB`/`MB` spellings accepted).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a size such as 512M"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("{s:?}: the unit must be K, M or G")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{s:?} is too big"))
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

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("10"), Ok(10));
        assert_eq!(parse_size("2 GiB"), Ok(2 << 30));
        assert_eq!(parse_size("3k"), Ok(3072));
        assert!(parse_size("M").is_err());
        assert!(parse_size("5T").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }
}
