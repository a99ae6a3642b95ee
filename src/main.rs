use clap::Parser;
use hearsay::app::App;
use hearsay::article::{LoadOptions, Problem};
use hearsay::cli::{Cli, Command};
use hearsay::corpus::Corpus;
use hearsay::store::{self, Store};
use hearsay::tui::{self, Exit, TerminalEvents, WithLoading};
use std::io::{IsTerminal as _, Write as _};
use std::ops::ControlFlow;

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let options = LoadOptions {
        max_size: cli.max_size,
    };
    match cli.command {
        Some(Command::Eval {
            gold,
            show_errors,
            predictions,
            resamples,
        }) => Ok(hearsay::cli::eval::run(
            &gold,
            show_errors,
            predictions.as_deref(),
            resamples,
        )?),
        Some(Command::Speakers {
            paths,
            format,
            stats,
        }) => {
            let ok = hearsay::cli::speakers::run(
                &paths,
                format,
                stats,
                options,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr(),
            )?;
            std::process::exit(if ok { 0 } else { 1 })
        }
        Some(Command::Quotes {
            paths,
            format,
            speaker,
            starred,
        }) if speaker.is_some() || starred => {
            let request = hearsay::cli::citations::Request {
                speaker: speaker.as_deref(),
                starred,
                format,
                data_dir: cli.data_dir.as_deref(),
                options,
            };
            let mut out = std::io::stdout().lock();
            hearsay::cli::citations::run(&paths, request, &mut out, &mut std::io::stderr())?;
            Ok(())
        }
        Some(Command::Config { example, .. }) => {
            let path = hearsay::config::config_path(cli.config.as_deref());
            let ok = hearsay::cli::subscriptions::config(&path, example, &mut std::io::stdout())?;
            std::process::exit(if ok { 0 } else { 1 })
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
                    std::process::exit(1)
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
        }) => {
            let dir = store::data_dir(cli.data_dir.as_deref());
            let mut out = std::io::stdout().lock();
            match hearsay::cli::search::run(&query.join(" "), limit, format, &dir, &mut out) {
                Ok(0) => std::process::exit(1),
                Ok(_) => Ok(()),
                Err(e) => {
                    eprintln!("hearsay: error: {e}");
                    std::process::exit(2)
                }
            }
        }
        Some(Command::Quotes { paths, format, .. }) => {
            if let Err(e) = hearsay::cli::quotes::run_stdio(&paths, format, options) {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
            Ok(())
        }
        None if !std::io::stdout().is_terminal() => {
            eprintln!(
                "hearsay: the reader needs a terminal, and standard output is not one; \
                 for scripts use `hearsay quotes` or `hearsay speakers`"
            );
            std::process::exit(2)
        }
        None if cli.paths.is_empty() => {
            let corpus = Corpus::from_articles(hearsay::article::samples());
            let mut app = App::new(corpus, Vec::new());
            attach_store(&mut app, cli.data_dir.as_deref());
            finish(tui::main_with(&mut app, &mut TerminalEvents::new())?, &[])
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
            let mut app = App::new(Corpus::default(), Vec::new());
            attach_store(&mut app, cli.data_dir.as_deref());
            app.start_loading();
            let exit = tui::main_with(&mut app, &mut WithLoading::new(TerminalEvents::new(), rx))?;
            finish(exit, app.problems())
        }
    }
}

/// Ends a subscription command: an error is said once, exit status 2.
fn subscription_result(r: Result<(), hearsay::config::SubscriptionError>) -> anyhow::Result<()> {
    if let Err(e) = r {
        eprintln!("hearsay: error: {e}");
        std::process::exit(2);
    }
    Ok(())
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
        .map(|names| {
            let mut v: Vec<String> = names.iter().flatten().cloned().collect();
            v.sort();
            v.dedup();
            v
        })
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
        eprintln!("hearsay: {notice}");
    }
    app.attach_store(store, notice);
}

fn finish(exit: Exit, problems: &[Problem]) -> anyhow::Result<()> {
    // Written, not `eprintln!`ed: after a hang-up stderr may be a closed
    // terminal, and a failed write must not become a panic.
    let mut err = std::io::stderr().lock();
    for problem in problems {
        let _ = writeln!(err, "hearsay: {problem}");
    }
    match exit {
        Exit::Quit => Ok(()),
        Exit::Signal(signal) => std::process::exit(128 + signal),
    }
}
