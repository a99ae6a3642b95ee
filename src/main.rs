use clap::Parser;
use hearsay::cli::{Cli, Command};

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Quotes { paths, format }) => {
            if let Err(e) = hearsay::cli::quotes::run_stdio(&paths, format) {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
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
