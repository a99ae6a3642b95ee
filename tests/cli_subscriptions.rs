//! Subscriptions from the command line: `hearsay add`, `remove`, `import`,
//! `export --opml` and `config`, on a configuration file of the test's own.

use std::path::Path;
use std::process::{Command, Output};

fn hearsay(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("--config")
        .arg(config)
        .args(args)
        .env_remove("HEARSAY_CONFIG")
        .output()
        .expect("run hearsay")
}

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/opml/fifty.opml")
        .display()
        .to_string()
}

/// (url, name, tags) of every feed in an OPML text, in order.
fn feeds_of(opml: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    let path = Path::new("x.opml");
    hearsay::config::feeds_from_opml(opml, path)
        .expect("OPML parses")
        .into_iter()
        .map(|f| (f.url, f.name, f.tags))
        .collect()
}

#[test]
fn fifty_feeds_import_and_export_round_trip() {
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("sub/config.toml");
    let out = hearsay(&config, &["import", &fixture()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("50 feeds added, 0 already"));
    // Importing again adds nothing.
    let again = hearsay(&config, &["import", &fixture()]);
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("0 feeds added, 50 already"));

    let exported = hearsay(&config, &["export", "--opml"]);
    assert!(exported.status.success());
    let exported = String::from_utf8(exported.stdout).expect("UTF-8");
    let original = std::fs::read_to_string(fixture()).expect("fixture");
    let before = feeds_of(&original);
    assert_eq!(before.len(), 50);
    assert!(
        before.iter().any(|f| f.2.len() > 1),
        "some feeds carry categories too"
    );
    assert_eq!(
        feeds_of(&exported),
        before,
        "export gives back what was imported"
    );

    // The exported file imports into a fresh configuration as the same list.
    let second = dir.path().join("second.toml");
    let opml = dir.path().join("exported.opml");
    std::fs::write(&opml, &exported).expect("write");
    let out = hearsay(&second, &["import", opml.to_str().expect("path")]);
    assert!(out.status.success());
    let (a, b) = (
        std::fs::read_to_string(&config).expect("config"),
        std::fs::read_to_string(&second).expect("second"),
    );
    assert_eq!(
        a, b,
        "the two configurations list the same feeds the same way"
    );
    let (parsed, problems) = hearsay::config::Config::parse(&a, "config.toml");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(parsed.feeds.len(), 50);
}

#[test]
fn add_remove_and_config_path() {
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("config.toml");
    let out = hearsay(
        &config,
        &[
            "add",
            "https://a.example/rss",
            "--name",
            "Bay News",
            "--tag",
            "local",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = hearsay(&config, &["add", "https://a.example/rss"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("already subscribed"));
    let text = std::fs::read_to_string(&config).expect("written");
    assert!(
        text.contains("[[feed]]") && text.contains("Bay News"),
        "{text}"
    );
    let path = hearsay(&config, &["config", "--path"]);
    assert_eq!(
        String::from_utf8_lossy(&path.stdout).trim(),
        config.display().to_string()
    );
    let missing = hearsay(&config, &["remove", "Nowhere"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("\"Nowhere\""));
    let gone = hearsay(&config, &["remove", "Bay News"]);
    assert!(gone.status.success());
    assert!(
        !std::fs::read_to_string(&config)
            .expect("file")
            .contains("Bay News")
    );
}

#[test]
fn a_bad_config_line_is_named_and_the_example_is_valid() {
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "theme = \"light\"\n\nfetch_concurrency = -3\n").expect("write");
    let out = hearsay(&config, &["config"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:3:", config.display())), "{err}");
    let example = hearsay(&config, &["config", "--example"]);
    let text = String::from_utf8(example.stdout).expect("UTF-8");
    let (_, problems) = hearsay::config::Config::parse(&text, "example");
    assert!(
        problems.is_empty() && text.contains("[[feed]]"),
        "{problems:?}"
    );
}
