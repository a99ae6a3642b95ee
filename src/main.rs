use clap::Parser;
use hearsay::app::App;
use hearsay::article::{LoadOptions, Problem};
use hearsay::cli::{Cli, Command, ThemeName};
use hearsay::corpus::Corpus;
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

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let options = LoadOptions {
        max_size: cli.max_size,
    };
    match cli.command {
        Some(Command::Eval {
            gold,
            show_errors,
            predictions,
        }) => {
            hearsay::cli::eval::run(&gold, show_errors, predictions.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Speakers {
            paths,
            format,
            stats,
        }) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let ok = hearsay::cli::speakers::run(
                &paths,
                format,
                stats,
                options,
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
        Some(Command::Quotes { paths, format, .. }) => {
            hearsay::cli::quotes::run_stdio(&paths, format, options)?;
            Ok(ExitCode::SUCCESS)
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
            let corpus = Corpus::from_articles(hearsay::article::samples());
            let mut app = App::new(corpus, Vec::new());
            attach_store(&mut app, cli.data_dir.as_deref());
            app.set_reading_width(cli.reading_width, !cli.left);
            let exit = tui::main_themed(&mut app, &mut TerminalEvents::new(), &theme(&cli))?;
            finish(exit, &[])
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
            app.set_reading_width(cli.reading_width, !cli.left);
            let mut events = WithLoading::new(TerminalEvents::new(), rx);
            let exit = tui::main_themed(&mut app, &mut events, &theme(&cli))?;
            finish(exit, app.problems())
        }
    }
}

fn theme(cli: &Cli) -> Theme {
    match cli.theme {
        ThemeName::Dark => Theme::dark(),
        ThemeName::Light => Theme::light(),
    }
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
