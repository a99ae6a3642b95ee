use clap::Parser;
use hearsay::app::App;
use hearsay::article::{LoadOptions, Problem};
use hearsay::cli::{Cli, Command, ThemeName};
use hearsay::corpus::Corpus;
use hearsay::keymap::KeyMap;
use hearsay::store::{self, Store};
use hearsay::tui::{self, Exit, TerminalEvents, WithLoading};
use hearsay::ui::theme::Theme;
use std::io::{IsTerminal as _, Write as _};
use std::ops::ControlFlow;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        // `hearsay … | head`: the reader of the output left, which is no error.
        Err(e) if hearsay::cli::is_broken_pipe(e.as_ref()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "hearsay: error: {}",
                hearsay::cli::error_chain(e.as_ref())
            );
            ExitCode::FAILURE
        }
    }
}

fn run(mut cli: Cli) -> anyhow::Result<ExitCode> {
    if let Err(e) = cli.add_url_list() {
        eprintln!("hearsay: error: {e}");
        return Ok(ExitCode::from(2));
    }
    let options = LoadOptions {
        max_size: cli.max_size,
    };
    match cli.command {
        Some(Command::Eval {
            gold,
            show_errors,
            predictions,
            resamples,
            ranker,
        }) => {
            let ranker = hearsay::cli::ranker(ranker).ok_or_else(|| {
                anyhow::anyhow!("assets/model/ranker.json does not fit this build")
            })?;
            hearsay::cli::eval::run(
                &gold,
                show_errors,
                predictions.as_deref(),
                resamples,
                ranker,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Speakers {
            paths,
            format,
            stats,
            min_confidence,
            include_uncertain,
        }) => {
            let min =
                (!include_uncertain).then(|| configured_min(cli.config.as_deref(), min_confidence));
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let ok = hearsay::cli::speakers::run_counting(
                &paths,
                format,
                stats,
                options,
                min,
                &mut out,
                &mut std::io::stderr(),
            )?;
            out.flush()?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::Quotes {
            paths,
            format,
            speaker,
            starred,
            data_dir,
            ..
        }) if speaker.is_some() || starred => {
            let request = hearsay::cli::citations::Request {
                speaker: speaker.as_deref(),
                starred,
                format,
                data_dir: data_dir.as_deref().or(cli.data_dir.as_deref()),
                options,
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            hearsay::cli::citations::run(&paths, request, &mut out, &mut std::io::stderr())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Config { example, .. }) => {
            let path = hearsay::config::config_path(cli.config.as_deref());
            let ok = hearsay::cli::subscriptions::config(&path, example, &mut std::io::stdout())?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::Fetch { data_dir }) => {
            let path = hearsay::config::config_path(cli.config.as_deref());
            let (config, problems) = hearsay::config::Config::load(&path);
            for p in &problems {
                eprintln!("hearsay: {p}");
            }
            if config.feeds.is_empty() {
                eprintln!(
                    "hearsay: no subscriptions in {}; add one with `hearsay add URL`",
                    path.display()
                );
                return Ok(ExitCode::FAILURE);
            }
            let fetch = hearsay::fetch::FetchOptions {
                max_size: options.max_size,
                ..Default::default()
            };
            let dir = store::data_dir(data_dir.as_deref().or(cli.data_dir.as_deref()));
            let mut out = std::io::stdout().lock();
            match hearsay::cli::fetch::run(
                &config.feeds,
                &dir,
                &fetch,
                config.fetch_concurrency,
                &mut out,
            ) {
                Ok(true) => Ok(ExitCode::SUCCESS),
                Ok(false) => Ok(ExitCode::from(2)),
                Err(e) => {
                    eprintln!("hearsay: error: {e}");
                    Ok(ExitCode::from(2))
                }
            }
        }
        Some(Command::Add { url, name, tags }) => {
            let path = hearsay::config::config_path(cli.config.as_deref());
            let feed = hearsay::config::Feed { url, name, tags };
            subscription_result(hearsay::cli::subscriptions::add(
                &path,
                feed,
                &mut std::io::stdout(),
            ))
        }
        Some(Command::Remove { feed }) => {
            let path = hearsay::config::config_path(cli.config.as_deref());
            match hearsay::cli::subscriptions::remove(&path, &feed, &mut std::io::stdout()) {
                Ok(0) => {
                    eprintln!("hearsay: error: no subscription has the URL or name {feed:?}");
                    Ok(ExitCode::FAILURE)
                }
                other => subscription_result(other.map(drop)),
            }
        }
        Some(Command::Import { file }) => {
            let path = hearsay::config::config_path(cli.config.as_deref());
            subscription_result(hearsay::cli::subscriptions::import(
                &path,
                &file,
                &mut std::io::stdout(),
            ))
        }
        Some(Command::Export { .. }) => {
            let path = hearsay::config::config_path(cli.config.as_deref());
            subscription_result(hearsay::cli::subscriptions::export(
                &path,
                &mut std::io::stdout(),
            ))
        }
        Some(Command::Search {
            query,
            limit,
            format,
            data_dir,
        }) => {
            let dir = store::data_dir(data_dir.as_deref().or(cli.data_dir.as_deref()));
            let mut out = std::io::stdout().lock();
            match hearsay::cli::search::run(&query.join(" "), limit, format, &dir, &mut out) {
                Ok(0) => Ok(ExitCode::FAILURE),
                Ok(_) => Ok(ExitCode::SUCCESS),
                Err(e) => {
                    eprintln!("hearsay: error: {e}");
                    Ok(ExitCode::from(2))
                }
            }
        }
        Some(Command::Quotes {
            paths,
            format,
            min_confidence,
            explain,
            with_text,
            ..
        }) => {
            if with_text && format != hearsay::cli::Format::Jsonl {
                eprintln!("hearsay: error: --with-text needs --format jsonl");
                return Ok(ExitCode::from(2));
            }
            let show = hearsay::cli::quotes::Show {
                min_confidence: configured_min(cli.config.as_deref(), min_confidence),
                explain,
                with_text,
            };
            // As grep and ripgrep do: 2 when any input failed.
            let summary = match hearsay::cli::quotes::run_stdio(&paths, format, options, show) {
                Err(e @ hearsay::cli::quotes::QuotesError::NothingLoaded(_)) => {
                    eprintln!("hearsay: error: {e}");
                    return Ok(ExitCode::from(2));
                }
                other => other?,
            };
            Ok(if summary.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
        None if !std::io::stdout().is_terminal() => {
            let _ = writeln!(
                std::io::stderr(),
                "hearsay: error: the reader needs a terminal, and standard output is not one; \
                 for scripts use `hearsay quotes` or `hearsay speakers`"
            );
            Ok(ExitCode::from(2))
        }
        None if cli.paths.is_empty() => {
            let setup = Setup::new(&cli);
            if setup.config.feeds.is_empty() && cached_articles(cli.data_dir.as_deref()) == 0 {
                // Nothing subscribed, nothing kept: the bundled samples.
                let corpus = Corpus::from_articles(hearsay::article::samples());
                let mut app = App::new(corpus, setup.problems.clone());
                attach_store(&mut app, cli.data_dir.as_deref());
                app.set_reading_width(setup.reading_width, !cli.left);
                app.set_min_confidence(hearsay::cli::min_confidence(
                    None,
                    setup.config.min_confidence,
                ));
                let (mut performer, _) = tui::Performer::new();
                let exit = tui::main_configured(
                    &mut app,
                    &mut TerminalEvents::new(),
                    &setup.theme,
                    &setup.keymap,
                    &mut performer,
                )?;
                return finish(exit, app.problems());
            }
            // What was fetched and kept, newest first, read page by page
            // while the reader already answers keys; the subscriptions
            // refresh in the background.
            let (tx, rx) = std::sync::mpsc::channel();
            let dir = store::data_dir(cli.data_dir.as_deref());
            let (performer, reports) = tui::Performer::new();
            let mut performer = performer
                .with_cache_search(dir.clone())
                .with_load_options(options);
            let feeds = setup.config.feeds.len();
            if feeds > 0 {
                let minutes = setup.config.refresh_minutes;
                performer = performer
                    .with_subscriptions(tui::Subscriptions {
                        feeds: setup.config.feeds.clone(),
                        data_dir: dir.clone(),
                        options: hearsay::fetch::FetchOptions {
                            max_size: options.max_size,
                            ..Default::default()
                        },
                        concurrency: setup.config.fetch_concurrency,
                    })
                    .refresh_every(minutes, minutes > 0);
            }
            std::thread::spawn(move || {
                let Ok(cache) = Store::open(&dir) else { return };
                let mut row = None;
                let pages = |n: usize| {
                    let page = cache.cached_before(row, n).unwrap_or_default();
                    row = page.last().map(|c| c.row);
                    page.into_iter().map(|c| c.article).collect()
                };
                hearsay::loader::stream_articles(pages, 50, 1000, |batch| match tx.send(batch) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
                });
            });
            let reader = Reader {
                setup,
                performer,
                reports: Some(reports),
                feeds,
                cache: true,
            };
            read_while_loading(&cli, rx, reader)
        }
        None => {
            let (tx, rx) = std::sync::mpsc::channel();
            let paths = cli.paths.clone();
            let mut cache = cli
                .keep
                .then(|| open_cache(cli.data_dir.as_deref()))
                .flatten();
            // Loading runs on while the reader answers keys; a send that
            // fails means the reader has closed, which stops it.
            std::thread::spawn(move || {
                hearsay::loader::stream_with(&paths, options, |batch| {
                    if let Some(store) = cache.as_mut() {
                        keep_batch(store, &batch);
                    }
                    match tx.send(batch) {
                        Ok(()) => ControlFlow::Continue(()),
                        Err(_) => ControlFlow::Break(()),
                    }
                });
            });
            let setup = Setup::new(&cli);
            let (performer, reports) = tui::Performer::new();
            let performer = performer.with_load_options(options);
            let reader = Reader {
                feeds: setup.config.feeds.len(),
                setup,
                performer,
                reports: Some(reports),
                cache: false,
            };
            read_while_loading(&cli, rx, reader)
        }
    }
}

/// What the reader starts with: the configuration, with the flags over it.
struct Setup {
    config: hearsay::config::Config,
    theme: Theme,
    keymap: KeyMap,
    reading_width: u16,
    /// What is wrong in the configuration, for the messages view.
    problems: Vec<Problem>,
}

impl Setup {
    fn new(cli: &Cli) -> Setup {
        let path = hearsay::config::config_path(cli.config.as_deref());
        let (config, config_problems) = hearsay::config::Config::load(&path);
        let (keymap, key_problems) = KeyMap::with_config(&config.keys);
        let problems = config_problems
            .iter()
            .map(|p| Problem {
                path: path.clone(),
                line: p.at.map(|(line, _)| line),
                message: match p.at {
                    Some((_, column)) => format!("column {column}: {}", p.message),
                    None => p.message.clone(),
                },
                level: hearsay::article::Level::Warning,
            })
            .chain(key_problems.into_iter().map(|(line, message)| Problem {
                path: path.clone(),
                line: Some(line),
                message,
                level: hearsay::article::Level::Warning,
            }))
            .collect();
        let theme = match cli.theme {
            Some(ThemeName::Dark) => Theme::dark(),
            Some(ThemeName::Light) => Theme::light(),
            None => match config.theme {
                hearsay::config::Theme::Dark => Theme::dark(),
                hearsay::config::Theme::Light => Theme::light(),
            },
        };
        Setup {
            reading_width: cli.reading_width.unwrap_or(config.reading_width),
            config,
            theme,
            keymap,
            problems,
        }
    }
}

/// How the reader over loading articles is wired.
struct Reader {
    setup: Setup,
    performer: tui::Performer,
    /// What the performer reports back, when it does work in the background.
    reports: Option<std::sync::mpsc::Receiver<tui::Event>>,
    /// Subscriptions `r` refreshes.
    feeds: usize,
    /// Whether the articles are the offline cache's.
    cache: bool,
}

/// The reader on what arrives through `rx` while it already answers keys.
fn read_while_loading(
    cli: &Cli,
    rx: std::sync::mpsc::Receiver<hearsay::loader::Batch>,
    mut reader: Reader,
) -> anyhow::Result<ExitCode> {
    let mut app = App::new(Corpus::default(), reader.setup.problems.clone());
    attach_store(&mut app, cli.data_dir.as_deref());
    app.start_loading();
    app.follow(reader.feeds, reader.cache);
    app.set_subscriptions(reader.setup.config.feeds.iter().map(Into::into).collect());
    app.set_reading_width(reader.setup.reading_width, !cli.left);
    app.set_min_confidence(hearsay::cli::min_confidence(
        None,
        reader.setup.config.min_confidence,
    ));
    let mut events = WithLoading::new(TerminalEvents::new(), rx);
    if let Some(reports) = reader.reports {
        events = events.with_reports(reports);
    }
    let exit = tui::main_configured(
        &mut app,
        &mut events,
        &reader.setup.theme,
        &reader.setup.keymap,
        &mut reader.performer,
    )?;
    finish(exit, app.problems())
}

/// The confidence threshold: `flag`, else the configuration's (its
/// problems said on stderr), else the model's default.
fn configured_min(config: Option<&std::path::Path>, flag: Option<f32>) -> f32 {
    let config = flag.is_none().then(|| {
        let path = hearsay::config::config_path(config);
        let (config, problems) = hearsay::config::Config::load(&path);
        for p in &problems {
            eprintln!("hearsay: {p}");
        }
        config.min_confidence
    });
    hearsay::cli::min_confidence(flag, config.flatten())
}

/// Ends a subscription command: an error is said once, exit status 2.
fn subscription_result(
    r: Result<(), hearsay::config::SubscriptionError>,
) -> anyhow::Result<ExitCode> {
    if let Err(e) = r {
        eprintln!("hearsay: error: {e}");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// How many articles the offline cache holds (0 when it cannot be read).
fn cached_articles(data_dir: Option<&std::path::Path>) -> usize {
    Store::open(&store::data_dir(data_dir))
        .and_then(|s| s.cached_count())
        .unwrap_or(0)
}

/// The cache for `--keep`, on a connection of its own (the loading thread
/// writes while the reader's connection reads); a cache that cannot be
/// opened is said once and loading goes on without it.
fn open_cache(data_dir: Option<&std::path::Path>) -> Option<Store> {
    let dir = store::data_dir(data_dir);
    Store::open(&dir)
        .map_err(|e| eprintln!("hearsay: --keep: {e}; the articles are not kept"))
        .ok()
}

/// Keeps a batch of loaded articles with their speakers.
fn keep_batch(store: &mut Store, batch: &hearsay::loader::Batch) {
    let speakers: Vec<Vec<String>> = batch
        .names
        .iter()
        .map(hearsay::corpus::speaker_list)
        .collect();
    let keep: Vec<store::Keep<'_>> = batch
        .entries
        .iter()
        .zip(&speakers)
        .map(|(e, s)| store::Keep {
            article: &e.article,
            speakers: s,
            feed: None,
            guid: None,
        })
        .collect();
    // A failed write loses only the cache copy: the reader has the articles.
    let _ = store.keep(&keep);
}

/// Lists the loading problems and leaves as the loop ended.
/// Opens the collection of stars and read marks; a damaged one is reported
/// (here and in the reader) and replaced, never fatal.
fn attach_store(app: &mut App, data_dir: Option<&std::path::Path>) {
    let (store, notice) = Store::open_or_recover(&store::data_dir(data_dir));
    if let Some(notice) = &notice {
        eprintln!("hearsay: warning: {notice}");
    }
    app.attach_store(store, notice);
}

fn finish(exit: Exit, problems: &[Problem]) -> anyhow::Result<ExitCode> {
    // Written, not `eprintln!`ed: after a hang-up stderr may be a closed
    // terminal, and a failed write must not become a panic.
    let mut err = std::io::stderr().lock();
    for problem in problems {
        let _ = writeln!(err, "{}", hearsay::cli::problem_line(problem));
    }
    match exit {
        Exit::Quit => Ok(ExitCode::SUCCESS),
        Exit::Signal(signal) => std::process::exit(128 + signal),
    }
}
