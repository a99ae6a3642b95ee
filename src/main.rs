fn main() {
    let loaded = hearsay::article::load_paths(
        &std::env::args_os().skip(1).map(Into::into).collect::<Vec<_>>(),
    );
    let corpus = hearsay::corpus::Corpus::from_articles(loaded.articles);
    println!("{} articles", corpus.entries.len());
}
