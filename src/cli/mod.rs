//! The command line: the reader by default, and headless subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub mod calibrate;
pub mod citations;
pub mod eval;
pub mod fetch;
pub mod quotes;
pub mod rank_train;
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
    /// the platform's data folder). Not global: `eval` and `speakers` keep
    /// none, so only the reader and `quotes` take it.
    #[arg(long, value_name = "PATH")]
    pub data_dir: Option<PathBuf>,
    /// The most bytes of one article's input, as bytes or with a K, M or G
    /// suffix (powers of 1024): a JSONL line, or a whole file of any other
    /// format; a longer line or bigger file is skipped with a message.
    #[arg(long, global = true, value_name = "SIZE", default_value = "512M", value_parser = parse_size)]
    pub max_size: u64,
    /// The configuration file (default: $HEARSAY_CONFIG, else the platform's
    /// config folder; `hearsay config` prints it).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Keep the articles read in the offline cache, for `hearsay search`.
    #[arg(long)]
    pub keep: bool,
    /// Colours for a dark or a light terminal background (default: the
    /// configuration's `theme`, else dark).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,
    /// The widest an article's text is shown, in columns (0: the pane's
    /// width; default: the configuration's `reading_width`, else 80).
    #[arg(long = "reading-width", value_name = "COLUMNS")]
    pub reading_width: Option<u16>,
    /// Show the article's text at the left of its pane instead of centred.
    #[arg(long)]
    pub left: bool,
    /// A file of URLs (or paths) to read as well, one a line; blank lines
    /// and lines starting with `#` are skipped.
    #[arg(long, global = true, value_name = "FILE")]
    pub urls: Option<PathBuf>,
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
        /// Where the starred quotes are kept (as for the reader).
        #[arg(long, value_name = "PATH")]
        data_dir: Option<PathBuf>,
        /// Below this confidence (0 to 1) a speaker is flagged `"uncertain":
        /// true` (default: `min_confidence` in the configuration, else the
        /// model's).
        #[arg(long, value_name = "X", value_parser = parse_confidence)]
        min_confidence: Option<f32>,
        /// For each quote, the cue, the mention, the rule that won, the
        /// features and the confidence (an `explain` object in JSONL).
        #[arg(long)]
        explain: bool,
        /// Add each article's text (the text the offsets count into), its
        /// body's span, link, source, date, byline and dateline to its line
        /// (JSONL only).
        #[arg(long)]
        with_text: bool,
    },
    /// Print every speaker with quote and article counts, most quoted first.
    Speakers {
        /// Files and folders of articles, `-` for standard input.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also print articles, bytes, quotes and the time spent loading and extracting.
        #[arg(long)]
        stats: bool,
        /// Below this confidence (0 to 1) an attribution is uncertain and
        /// not counted (default: as for `quotes`).
        #[arg(long, value_name = "X", value_parser = parse_confidence)]
        min_confidence: Option<f32>,
        /// Count uncertain attributions too.
        #[arg(long)]
        include_uncertain: bool,
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
        /// Where the cache is kept (as for the reader).
        #[arg(long, value_name = "PATH")]
        data_dir: Option<PathBuf>,
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
    /// Fetch every subscription now and keep its new articles in the cache.
    Fetch {
        /// Where the cache is kept (as for the reader).
        #[arg(long, value_name = "PATH")]
        data_dir: Option<PathBuf>,
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
        /// Which ranker picks among a quote's candidate speakers (default:
        /// the one `hearsay quotes` uses).
        #[arg(long, value_enum)]
        ranker: Option<RankerName>,
    },
}

/// The ranker `name` stands for (`None`: the one extraction uses); `None`
/// when the compiled-in learned model does not fit this build.
pub fn ranker(name: Option<RankerName>) -> Option<&'static dyn crate::quote::rank::Ranker> {
    match name {
        None => Some(crate::quote::ranker()),
        Some(RankerName::Precedence) => Some(&crate::quote::rank::PrecedenceRanker),
        Some(RankerName::Learned) => crate::quote::rank::learned().map(|m| m as _),
    }
}

/// The rankers of candidate speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankerName {
    /// The first candidate in the generators' order of precedence.
    Precedence,
    /// The logistic regression of assets/model/ranker.json.
    Learned,
}

/// The reader's colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    /// For a dark background.
    Dark,
    /// For a light background.
    Light,
}

impl Cli {
    /// Adds the inputs listed in the `--urls` file to the command's paths.
    pub fn add_url_list(&mut self) -> Result<(), String> {
        let Some(file) = &self.urls else {
            return Ok(());
        };
        let list =
            std::fs::read_to_string(file).map_err(|e| format!("--urls {}: {e}", file.display()))?;
        let listed = list
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(PathBuf::from);
        match &mut self.command {
            Some(Command::Quotes { paths, .. } | Command::Speakers { paths, .. }) => {
                paths.extend(listed)
            }
            Some(_) => {}
            None => self.paths.extend(listed),
        }
        Ok(())
    }
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

/// Whether `error`, or anything that caused it, is a write to a closed
/// pipe: `hearsay speakers | head` ends quietly when `head` has read enough.
pub fn is_broken_pipe(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut at = Some(error);
    while let Some(e) = at {
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        at = e.source();
    }
    false
}

/// An error and its causes on one line, `a: b: c`, leaving out a cause
/// whose text the message before it already holds (an error that prints
/// its source, as `writing the output: {0}` does), control characters
/// removed: the text of every `hearsay: error: …` line.
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut line = error.to_string();
    let mut at = error.source();
    while let Some(e) = at {
        let cause = e.to_string();
        if !line.contains(&cause) {
            line.push_str(": ");
            line.push_str(&cause);
        }
        at = e.source();
    }
    crate::text::sanitize(&line).into_owned()
}

/// A loading problem as every command prints it:
/// `hearsay: error: PATH: …` when the input was skipped, `hearsay: warning:
/// …` when it loaded anyway; control characters in names and text removed.
pub fn problem_line(problem: &crate::article::Problem) -> String {
    format!(
        "hearsay: {}: {}",
        problem.level.as_str(),
        crate::text::sanitize(&problem.to_string())
    )
}

/// A confidence threshold: a number from 0 to 1.
pub fn parse_confidence(s: &str) -> Result<f32, String> {
    let x: f32 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a number such as 0.8"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{s:?} is not between 0 and 1"))
    }
}

/// The threshold below which a speaker is uncertain: the command line's,
/// else the configuration's, else the model's default.
pub fn min_confidence(flag: Option<f32>, config: Option<f32>) -> f32 {
    flag.or(config)
        .unwrap_or_else(crate::quote::confidence::default_min_confidence)
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
        let Some(Command::Quotes {
            starred,
            speaker,
            data_dir,
            ..
        }) = cli.command
        else {
            panic!("not the quotes command");
        };
        assert!(starred && speaker.is_none());
        assert_eq!(data_dir, Some(PathBuf::from("d")));
    }

    #[test]
    fn eval_and_speakers_take_no_data_dir() {
        for cmd in ["eval", "speakers"] {
            let parsed = Cli::try_parse_from(["hearsay", cmd, "x", "--data-dir", "d"]);
            assert!(parsed.is_err(), "{cmd} took --data-dir");
        }
        let cli = Cli::try_parse_from(["hearsay", "eval", "gold.jsonl"]).expect("parses");
        assert!(matches!(cli.command, Some(Command::Eval { .. })));
    }

    #[test]
    fn an_error_chain_is_one_line_without_repeats() {
        #[derive(Debug, thiserror::Error)]
        #[error("writing the output: {0}")]
        struct Outer(#[from] std::io::Error);
        let e = Outer(std::io::Error::other("disk full"));
        assert_eq!(error_chain(&e), "writing the output: disk full");
        assert!(!is_broken_pipe(&e));
        let pipe = Outer(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(is_broken_pipe(&pipe));
        #[derive(Debug, thiserror::Error)]
        #[error("loading")]
        struct Quiet(#[source] std::io::Error);
        let e = Quiet(std::io::Error::other("no\u{1b}[2J such file"));
        assert_eq!(error_chain(&e), "loading: no␛[2J such file");
    }

    #[test]
    fn a_url_list_adds_to_the_paths() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let list = dir.path().join("urls.txt");
        std::fs::write(&list, "# feeds\nhttp://127.0.0.1:9/a.xml\n\n  b.txt  \n").expect("writes");
        let list = list.to_string_lossy().into_owned();
        let mut cli =
            Cli::try_parse_from(["hearsay", "--urls", &list, "quotes", "c"]).expect("parses");
        cli.add_url_list().expect("reads");
        let Some(Command::Quotes { paths, .. }) = &cli.command else {
            panic!("not quotes");
        };
        let want: Vec<PathBuf> = ["c", "http://127.0.0.1:9/a.xml", "b.txt"]
            .map(PathBuf::from)
            .into();
        assert_eq!(paths, &want);
        let mut missing =
            Cli::try_parse_from(["hearsay", "--urls", "no-such-list"]).expect("parses");
        assert!(
            missing
                .add_url_list()
                .is_err_and(|e| e.contains("no-such-list"))
        );
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
