use clap::Parser;
use hearsay::cli::{Cli, Command};

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Quotes { paths, format }) => {
            hearsay::cli::quotes::run_stdio(&paths, format)?;
            Ok(())
        }
        Some(Command::Eval { .. }) => {
            anyhow::bail!("not yet built")
        }
        None => {
            let loaded = hearsay::article::load_paths(&cli.paths);
            let corpus = hearsay::corpus::Corpus::from_articles(loaded.articles);
            println!("{} articles", corpus.entries.len());
            Ok(())
        }
    }
}
