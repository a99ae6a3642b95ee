use clap::Parser;
use hearsay::app::App;
use hearsay::article::Loaded;
use hearsay::cli::{Cli, Command};
use hearsay::corpus::Corpus;
use hearsay::store::{self, Store};
use hearsay::tui::{self, Exit};

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
            };
            let mut out = std::io::stdout().lock();
            hearsay::cli::citations::run(&paths, request, &mut out, &mut std::io::stderr())?;
            Ok(())
        }
        Some(Command::Quotes { paths, format, .. }) => {
            if let Err(e) = hearsay::cli::quotes::run_stdio(&paths, format) {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
            Ok(())
        }
        None => {
            let loaded = if cli.paths.is_empty() {
                Loaded {
                    articles: hearsay::article::samples(),
                    problems: Vec::new(),
                }
            } else {
                let options = hearsay::article::LoadOptions {
                    max_size: cli.max_size,
                };
                hearsay::article::load_paths_with(&cli.paths, &options)
            };
            let corpus = Corpus::from_articles(loaded.articles);
            let mut app = App::new(corpus, loaded.problems.clone());
            let (store, notice) = Store::open_or_recover(&store::data_dir(cli.data_dir.as_deref()));
            if let Some(notice) = &notice {
                eprintln!("hearsay: {notice}");
            }
            app.attach_store(store, notice);
            let exit = tui::main(app)?;
            for problem in &loaded.problems {
                eprintln!("hearsay: {problem}");
            }
            match exit {
                Exit::Quit => Ok(()),
                Exit::Signal(signal) => std::process::exit(128 + signal),
            }
        }
    }
}
