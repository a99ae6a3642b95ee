//! The configuration file (TOML) and the subscriptions kept in it.
//!
//! [`Config::load`] never fails: a file that is missing gives the defaults, a
//! file that cannot be read or parsed gives the defaults and a [`Problem`]
//! with the line and column, so hearsay always starts. Subscriptions are
//! `[[feed]]` tables; [`Subscriptions`] adds, removes, imports from and
//! exports to OPML by editing the file with `toml_edit`, so a person's
//! comments and layout survive `hearsay add`.
//!
//! ```
//! let (config, problems) = hearsay::config::Config::parse("theme = \"light\"\n", "c.toml");
//! assert!(problems.is_empty());
//! assert_eq!(config.theme, hearsay::config::Theme::Light);
//! assert_eq!(config.refresh_minutes, 30);
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

/// The commented example configuration, `hearsay config --example`.
pub const EXAMPLE: &str = include_str!("../assets/config.example.toml");

/// The environment variable that names the configuration file.
pub const CONFIG_ENV: &str = "HEARSAY_CONFIG";

/// The configuration file: `flag` (`--config`) if given, else
/// `$HEARSAY_CONFIG` if set, else the platform's config folder
/// (`~/.config/hearsay/config.toml` on Linux).
pub fn config_path(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("", "", "hearsay").map_or_else(
        || PathBuf::from("hearsay.toml"),
        |d| d.config_dir().join("config.toml"),
    )
}

/// The reader's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Light text on a dark background.
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
}

/// When to write colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ColorMode {
    /// On a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorMode {
    /// Whether to colour, given whether `NO_COLOR` is set (to anything but
    /// the empty string, as no-color.org says).
    pub fn colour(self, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorMode::Always => true,
            ColorMode::Never => false,
            ColorMode::Auto => no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// One subscription.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feed {
    /// Where the feed is.
    pub url: String,
    /// What to call it.
    #[serde(default)]
    pub name: Option<String>,
    /// Tags, for grouping.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Feed {
    /// The name, else the URL.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.url)
    }
}

/// Everything the file can say; what it does not say is the default.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Subscriptions.
    pub feeds: Vec<Feed>,
    /// Minutes between refreshes while the reader is open (0: only on `r`).
    pub refresh_minutes: u64,
    /// Feeds fetched at once.
    pub fetch_concurrency: usize,
    /// Days an unstarred article stays in the cache (0: for ever).
    pub cache_days: u64,
    /// Colours.
    pub theme: Theme,
    /// When to colour.
    pub color: ColorMode,
    /// The widest the reading text grows, in columns.
    pub reading_width: u16,
    /// Key bindings: action name to keys, with the line each was given on.
    pub keys: BTreeMap<String, Vec<(String, usize)>>,
    /// Below this confidence a speaker is shown as uncertain (none: the
    /// model's default, chosen so that at most 1.5% of shown names were
    /// wrong on held-out articles).
    pub min_confidence: Option<f32>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            feeds: Vec::new(),
            refresh_minutes: 30,
            fetch_concurrency: 4,
            cache_days: 90,
            theme: Theme::Dark,
            color: ColorMode::Auto,
            reading_width: 80,
            keys: BTreeMap::new(),
            min_confidence: None,
        }
    }
}

/// Something wrong in the configuration file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub path: String,
    /// Line and column, from 1, when known.
    pub at: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// The file as serde reads it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    feed: Vec<Feed>,
    refresh_minutes: Option<u64>,
    fetch_concurrency: Option<usize>,
    cache_days: Option<u64>,
    theme: Option<Theme>,
    color: Option<ColorMode>,
    reading_width: Option<u16>,
    min_confidence: Option<f32>,
    #[serde(default)]
    keys: BTreeMap<String, Vec<Spanned<String>>>,
}

/// Line and column (from 1, columns in chars) of byte `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

impl Config {
    /// Reads the file at `path`: the defaults when it does not exist; the
    /// defaults and a problem when it cannot be read or understood.
    pub fn load(path: &Path) -> (Config, Vec<Problem>) {
        let name = path.display().to_string();
        match std::fs::read(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
            Err(e) => (
                Config::default(),
                vec![Problem {
                    path: name,
                    at: None,
                    message: format!("cannot be read ({e}); starting with the defaults"),
                }],
            ),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Config::parse(&text, &name),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    (
                        Config::default(),
                        vec![Problem {
                            path: name,
                            at: Some(line_col(&text, at)),
                            message: "not valid UTF-8; starting with the defaults".into(),
                        }],
                    )
                }
            },
        }
    }

    /// Parses a configuration's text; `name` is the file, for messages.
    pub fn parse(text: &str, name: &str) -> (Config, Vec<Problem>) {
        let raw: Raw = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let problem = Problem {
                    path: name.to_string(),
                    at: e.span().map(|s| line_col(text, s.start)),
                    message: format!(
                        "{}; starting with the defaults",
                        e.message().trim_end_matches('\n')
                    ),
                };
                return (Config::default(), vec![problem]);
            }
        };
        let defaults = Config::default();
        let mut problems = Vec::new();
        let keys = raw
            .keys
            .into_iter()
            .map(|(action, keys)| {
                let keys = keys
                    .into_iter()
                    .map(|k| {
                        let line = line_col(text, k.span().start).0;
                        (k.into_inner(), line)
                    })
                    .collect();
                (action, keys)
            })
            .collect();
        let mut config = Config {
            feeds: raw.feed,
            refresh_minutes: raw.refresh_minutes.unwrap_or(defaults.refresh_minutes),
            fetch_concurrency: raw.fetch_concurrency.unwrap_or(defaults.fetch_concurrency),
            cache_days: raw.cache_days.unwrap_or(defaults.cache_days),
            theme: raw.theme.unwrap_or(defaults.theme),
            color: raw.color.unwrap_or(defaults.color),
            reading_width: raw.reading_width.unwrap_or(defaults.reading_width),
            keys,
            min_confidence: None,
        };
        match raw.min_confidence {
            Some(x) if (0.0..=1.0).contains(&x) => config.min_confidence = Some(x),
            Some(x) => problems.push(Problem {
                path: name.to_string(),
                at: None,
                message: format!(
                    "min_confidence must be between 0 and 1, not {x}; using the model's default"
                ),
            }),
            None => {}
        }
        if config.fetch_concurrency == 0 {
            problems.push(Problem {
                path: name.to_string(),
                at: None,
                message: "fetch_concurrency must be at least 1; using 1".into(),
            });
            config.fetch_concurrency = 1;
        }
        problems.extend(config.key_conflicts(name));
        (config, problems)
    }

    /// Keys given to two actions, each named with its line.
    fn key_conflicts(&self, name: &str) -> Vec<Problem> {
        let mut owner: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
        let mut problems = Vec::new();
        for (action, keys) in &self.keys {
            for (key, line) in keys {
                match owner.get(key.as_str()) {
                    Some((other, other_line)) if *other != action.as_str() => {
                        problems.push(Problem {
                            path: name.to_string(),
                            at: Some((*line, 1)),
                            message: format!(
                                "key {key:?} is bound to both `{other}` (line {other_line}) and `{action}` (line {line})"
                            ),
                        });
                    }
                    _ => {
                        owner.insert(key, (action, *line));
                    }
                }
            }
        }
        problems
    }
}

/// Why the subscriptions could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum SubscriptionError {
    /// The configuration file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The configuration file is not TOML that can be edited.
    #[error("{path}: {message}")]
    Toml {
        /// The file.
        path: String,
        /// Why, with where.
        message: String,
    },
    /// An OPML file could not be read.
    #[error("{}: not an OPML file: {message}", path.display())]
    Opml {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// `feed` in the file is not a list of tables.
    #[error("{path}: `feed` must be a list of [[feed]] tables")]
    NotAList {
        /// The file.
        path: String,
    },
}

/// The subscriptions of one configuration file, edited in place.
pub struct Subscriptions {
    path: PathBuf,
    doc: toml_edit::DocumentMut,
}

impl Subscriptions {
    /// Opens the configuration file for editing (an empty one when it does
    /// not exist yet).
    pub fn open(path: &Path) -> Result<Subscriptions, SubscriptionError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(SubscriptionError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let doc = text
            .parse::<toml_edit::DocumentMut>()
            .map_err(|e| SubscriptionError::Toml {
                path: match e.span() {
                    Some(s) => {
                        let (l, c) = line_col(&text, s.start);
                        format!("{}:{l}:{c}", path.display())
                    }
                    None => path.display().to_string(),
                },
                message: e.message().trim_end().to_string(),
            })?;
        Ok(Subscriptions {
            path: path.to_path_buf(),
            doc,
        })
    }

    fn tables(&mut self) -> Result<&mut toml_edit::ArrayOfTables, SubscriptionError> {
        let path = self.path.display().to_string();
        self.doc
            .entry("feed")
            .or_insert(toml_edit::Item::ArrayOfTables(
                toml_edit::ArrayOfTables::new(),
            ))
            .as_array_of_tables_mut()
            .ok_or(SubscriptionError::NotAList { path })
    }

    /// The feeds, as the file lists them.
    pub fn feeds(&self) -> Vec<Feed> {
        let Some(tables) = self.doc.get("feed").and_then(|i| i.as_array_of_tables()) else {
            return Vec::new();
        };
        tables
            .iter()
            .filter_map(|t| {
                let url = t.get("url")?.as_str()?.to_string();
                let name = t.get("name").and_then(|n| n.as_str()).map(str::to_string);
                let tags = t
                    .get("tags")
                    .and_then(|v| v.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                Some(Feed { url, name, tags })
            })
            .collect()
    }

    /// Adds a feed; returns false (and changes nothing) when its URL is
    /// subscribed already.
    pub fn add(&mut self, feed: &Feed) -> Result<bool, SubscriptionError> {
        if self.feeds().iter().any(|f| f.url == feed.url) {
            return Ok(false);
        }
        let mut table = toml_edit::Table::new();
        table["url"] = toml_edit::value(feed.url.as_str());
        if let Some(name) = &feed.name {
            table["name"] = toml_edit::value(name.as_str());
        }
        if !feed.tags.is_empty() {
            let tags: toml_edit::Array = feed.tags.iter().map(String::as_str).collect();
            table["tags"] = toml_edit::value(tags);
        }
        self.tables()?.push(table);
        Ok(true)
    }

    /// Removes the feeds whose URL or name is `which`; returns how many.
    pub fn remove(&mut self, which: &str) -> Result<usize, SubscriptionError> {
        let tables = self.tables()?;
        let before = tables.len();
        tables.retain(|t| {
            let is = |k: &str| t.get(k).and_then(|v| v.as_str()) == Some(which);
            !(is("url") || is("name"))
        });
        Ok(before - tables.len())
    }

    /// Writes the file back (creating its folder), through a temporary file
    /// renamed over it so a crash never leaves half a file.
    pub fn save(&self) -> Result<(), SubscriptionError> {
        let io = |source| SubscriptionError::Io {
            path: self.path.clone(),
            source,
        };
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut tmp = self.path.clone().into_os_string();
        tmp.push(".new");
        std::fs::write(&tmp, self.doc.to_string()).map_err(io)?;
        std::fs::rename(&tmp, &self.path).map_err(io)
    }
}

/// The feeds of an OPML document: every outline with an `xmlUrl`, its
/// enclosing folders' names as tags.
pub fn feeds_from_opml(xml: &str, path: &Path) -> Result<Vec<Feed>, SubscriptionError> {
    let doc = opml::OPML::from_str(xml).map_err(|e| SubscriptionError::Opml {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    fn walk(outlines: &[opml::Outline], folders: &mut Vec<String>, out: &mut Vec<Feed>) {
        for o in outlines {
            let label = o
                .title
                .clone()
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| o.text.clone());
            if let Some(url) = o
                .xml_url
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty())
            {
                let mut tags = folders.clone();
                if let Some(cats) = &o.category {
                    tags.extend(
                        cats.split(',')
                            .map(|c| c.trim().trim_start_matches('/').to_string()),
                    );
                }
                tags.retain(|t| !t.is_empty());
                tags.dedup();
                out.push(Feed {
                    url: url.to_string(),
                    name: Some(label.clone()).filter(|l| !l.is_empty()),
                    tags,
                });
            }
            if !o.outlines.is_empty() {
                folders.push(label);
                walk(&o.outlines, folders, out);
                folders.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.body.outlines, &mut Vec::new(), &mut out);
    Ok(out)
}

/// An OPML 2.0 document of `feeds`, each feed under the folder of its
/// first tag, its other tags in `category`.
pub fn feeds_to_opml(feeds: &[Feed]) -> String {
    let mut doc = opml::OPML {
        version: "2.0".into(),
        head: Some(opml::Head {
            title: Some("hearsay subscriptions".into()),
            ..opml::Head::default()
        }),
        ..opml::OPML::default()
    };
    let outline = |f: &Feed| opml::Outline {
        text: f.label().to_string(),
        title: f.name.clone(),
        r#type: Some("rss".into()),
        xml_url: Some(f.url.clone()),
        category: (f.tags.len() > 1).then(|| f.tags[1..].join(",")),
        ..opml::Outline::default()
    };
    for f in feeds {
        match f.tags.first() {
            None => doc.body.outlines.push(outline(f)),
            Some(folder) => {
                let at = doc
                    .body
                    .outlines
                    .iter()
                    .position(|o| o.xml_url.is_none() && &o.text == folder);
                let at = at.unwrap_or_else(|| {
                    doc.body.outlines.push(opml::Outline {
                        text: folder.clone(),
                        ..opml::Outline::default()
                    });
                    doc.body.outlines.len() - 1
                });
                doc.body.outlines[at].outlines.push(outline(f));
            }
        }
    }
    let xml = doc.to_string().unwrap_or_default();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{xml}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_parses_to_the_defaults() {
        let (config, problems) = Config::parse(EXAMPLE, "example");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config, Config::default());
    }

    #[test]
    fn min_confidence_is_a_number_from_0_to_1() {
        let (config, problems) = Config::parse("min_confidence = 0.7\n", "c.toml");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.min_confidence, Some(0.7));
        let (config, problems) = Config::parse("min_confidence = 2\n", "c.toml");
        assert_eq!(config.min_confidence, None);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("between 0 and 1"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_bad_line_is_named_with_line_and_column_and_the_defaults_hold() {
        let text = "theme = \"light\"\nrefresh_minutes = \"often\"\n";
        let (config, problems) = Config::parse(text, "c.toml");
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].at, Some((2, 19)), "{}", problems[0]);
        assert!(
            problems[0].to_string().starts_with("c.toml:2:19: "),
            "{}",
            problems[0]
        );
        let (_, typo) = Config::parse("\n\nthem = \"light\"\n", "c.toml");
        assert_eq!(typo[0].at.map(|a| a.0), Some(3), "{}", typo[0]);
        let (_, broken) = Config::parse("[keys\n", "c.toml");
        assert_eq!(broken[0].at.map(|a| a.0), Some(1), "{}", broken[0]);
    }

    #[test]
    fn a_key_bound_twice_names_both_lines() {
        let text = "[keys]\nnext_quote = [\"n\"]\n\nquit = [\"q\", \"n\"]\n";
        let (config, problems) = Config::parse(text, "c.toml");
        assert_eq!(
            config.keys["quit"],
            [("q".to_string(), 4), ("n".to_string(), 4)]
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        let m = problems[0].to_string();
        assert!(
            m.contains("line 2") && m.contains("line 4") && m.contains("\"n\""),
            "{m}"
        );
    }

    #[test]
    fn no_color_is_honoured_in_auto_only() {
        let set = Some(std::ffi::OsStr::new("1"));
        assert!(!ColorMode::Auto.colour(set));
        assert!(ColorMode::Auto.colour(Some(std::ffi::OsStr::new(""))));
        assert!(ColorMode::Auto.colour(None));
        assert!(ColorMode::Always.colour(set));
        assert!(!ColorMode::Never.colour(None));
    }

    #[test]
    fn adding_and_removing_keeps_comments() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "# my settings\ntheme = \"light\" # bright\n").expect("write");
        let mut subs = Subscriptions::open(&path).expect("open");
        let feed = Feed {
            url: "https://a.example/rss".into(),
            name: Some("A".into()),
            tags: vec!["world".into()],
        };
        assert!(subs.add(&feed).expect("add"));
        assert!(!subs.add(&feed).expect("add again"), "no duplicate");
        subs.save().expect("save");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("# my settings") && text.contains("# bright"),
            "{text}"
        );
        let (config, problems) = Config::parse(&text, "c");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.feeds, [feed]);
        assert_eq!(config.theme, Theme::Light);
        let mut subs = Subscriptions::open(&path).expect("open");
        assert_eq!(subs.remove("A").expect("remove"), 1);
        subs.save().expect("save");
        assert!(Subscriptions::open(&path).expect("open").feeds().is_empty());
    }

    #[test]
    fn line_and_column_count_chars() {
        assert_eq!(line_col("ab\nçd", 5), (2, 2));
        assert_eq!(line_col("", 0), (1, 1));
        assert_eq!(line_col("abc", 99), (1, 4));
    }
}
