//! The configuration in the real reader: a key rebound in `[keys]` does its
//! action and the `?` help shows it; the configured theme is used unless
//! `--theme` says otherwise; a bad line is named with its line and the
//! reader starts anyway.

mod pty_support;

use std::path::{Path, PathBuf};

use pty_support::{Launch, Session, status};

fn write_config(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

fn start(config: &Path, extra: &[&str]) -> Session {
    let mut args = vec!["--config", config.to_str().expect("path")];
    args.extend_from_slice(extra);
    Launch::new(args).fresh_data_dir().start()
}

#[test]
fn a_rebound_key_works_and_the_help_shows_it() {
    let dir = tempfile::tempdir().expect("dir");
    let config = write_config(dir.path(), "[keys]\nnext_quote = [\"x\"]\n");
    let mut s = start(&config, &[]);
    s.settle("the samples", |sc| status(sc).contains("quotes"));
    s.send("n");
    let screen = s.settle("n doing nothing", |sc| !sc.is_empty());
    assert!(!status(&screen).contains("quote 1/"), "{screen}");
    s.send("x");
    s.settle("x going to the first quote", |sc| {
        status(sc).contains("quote 1/")
    });
    s.send("?");
    let help = s.settle("the help", |sc| sc.contains("next quote"));
    let line = help
        .lines()
        .find(|l| l.contains("next quote"))
        .unwrap_or_default();
    assert!(line.contains(" x "), "{line}");
    assert!(!line.contains(" n "), "{line}");
    s.send("\x1b");
    s.quit_ok();
}

#[test]
fn the_configured_theme_is_used_unless_the_flag_says_otherwise() {
    let dir = tempfile::tempdir().expect("dir");
    let plain = write_config(dir.path(), "");
    let border_colour = |config: &Path, extra: &[&str]| {
        let mut s = start(config, extra);
        s.settle("the samples", |sc| status(sc).contains("quotes"));
        // The focused list's border: cyan on dark, a deep blue on light.
        let colour = s.fg(0, 0);
        s.quit_ok();
        colour
    };
    let dark = border_colour(&plain, &[]);
    let light_dir = tempfile::tempdir().expect("dir");
    let light = write_config(light_dir.path(), "theme = \"light\"\n");
    assert_ne!(border_colour(&light, &[]), dark);
    assert_eq!(border_colour(&light, &["--theme", "dark"]), dark);
}

#[test]
fn a_bad_line_is_named_and_the_reader_starts_with_the_defaults() {
    let dir = tempfile::tempdir().expect("dir");
    let config = write_config(dir.path(), "refresh_minutes = 0\ntheme = \"purple\"\n");
    let mut s = start(&config, &[]);
    let screen = s.settle("the message", |sc| sc.contains("config.toml:2"));
    assert!(status(&screen).contains("quotes"), "{screen}");
    s.quit_ok();
}
