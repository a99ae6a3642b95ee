use clap::Parser;
use hearsay::app::App;
use hearsay::article::Loaded;
use hearsay::cli::{Cli, Command};
use hearsay::corpus::Corpus;
use hearsay::tui::{self, Exit};

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Quotes { .. }) | Some(Command::Eval { .. }) => {
            anyhow::bail!("not yet built")
        }
        None => {
            let loaded = if cli.paths.is_empty() {
                Loaded {
                    articles: hearsay::article::samples(),
                    problems: Vec::new(),
                }
            } else {
                hearsay::article::load_paths(&cli.paths)
            };
            let corpus = Corpus::from_articles(loaded.articles);
            let exit = tui::main(App::new(corpus, loaded.problems.clone()))?;
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
