use clap::Parser;
use hearsay::app::App;
use hearsay::article::Problem;
use hearsay::cli::{Cli, Command};
use hearsay::corpus::Corpus;
use hearsay::tui::{self, Exit, TerminalEvents, WithLoading};
use std::ops::ControlFlow;

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
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
                &mut std::io::stdout().lock(),
                &mut std::io::stderr(),
            )?;
            std::process::exit(if ok { 0 } else { 1 })
        }
        Some(Command::Quotes { paths, format }) => {
            hearsay::cli::quotes::run_stdio(&paths, format)?;
            Ok(())
        }
        None if cli.paths.is_empty() => {
            let corpus = Corpus::from_articles(hearsay::article::samples());
            finish(tui::main(App::new(corpus, Vec::new()))?, &[])
        }
        None => {
            let (tx, rx) = std::sync::mpsc::channel();
            let paths = cli.paths.clone();
            // Loading runs on while the reader answers keys; a send that
            // fails means the reader has closed, which stops it.
            std::thread::spawn(move || {
                hearsay::loader::stream(&paths, |batch| match tx.send(batch) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
                });
            });
            let mut app = App::new(Corpus::default(), Vec::new());
            app.start_loading();
            let exit = tui::main_with(&mut app, &mut WithLoading::new(TerminalEvents, rx))?;
            finish(exit, app.problems())
        }
    }
}

/// Lists the loading problems and leaves as the loop ended.
fn finish(exit: Exit, problems: &[Problem]) -> anyhow::Result<()> {
    for problem in problems {
        eprintln!("hearsay: {problem}");
    }
    match exit {
        Exit::Quit => Ok(()),
        Exit::Signal(signal) => std::process::exit(128 + signal),
    }
}
