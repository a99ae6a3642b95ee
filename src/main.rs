use clap::Parser;
use hearsay::cli::{Cli, Command};

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
        Some(Command::Quotes { .. }) => anyhow::bail!("not yet built"),
        None => {
            let loaded = hearsay::article::load_paths(&cli.paths);
            let corpus = hearsay::corpus::Corpus::from_articles(loaded.articles);
            println!("{} articles", corpus.entries.len());
            Ok(())
        }
    }
}
