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
    let mut cli = Cli::parse();
    if let Err(e) = cli.add_url_list() {
        eprintln!("hearsay: {e}");
        std::process::exit(2);
    }
    let options = LoadOptions {
        max_size: cli.max_size,
    };
    match cli.command {
        Some(Command::Eval {
            gold,
            show_errors,
            predictions,
        }) => Ok(hearsay::cli::eval::run(
            &gold,
            show_errors,
            predictions.as_deref(),
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
        Some(Command::Quotes { paths, format, .. }) => {
            // As grep and ripgrep do: 2 when any input failed.
            match hearsay::cli::quotes::run_stdio(&paths, format, options) {
                Ok(summary) if summary.failed == 0 => Ok(()),
                Ok(_) => std::process::exit(2),
                Err(e) => {
                    eprintln!("error: {e}");
                    std::process::exit(2);
                }
            }
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
            // Loading runs on while the reader answers keys; a send that
            // fails means the reader has closed, which stops it.
            std::thread::spawn(move || {
                hearsay::loader::stream_with(&paths, options, |batch| match tx.send(batch) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
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
