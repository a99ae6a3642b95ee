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
        None => {
            let loaded = hearsay::article::load_paths(&cli.paths);
            let corpus = hearsay::corpus::Corpus::from_articles(loaded.articles);
            println!("{} articles", corpus.entries.len());
            Ok(())
        }
    }
}
