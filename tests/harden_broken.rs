//! Broken input through `article::load_paths`: every file is generated here,
//! in a temporary folder. Nothing panics, nothing hangs, the good parts load
//! and the bad ones are reported, with line numbers where there are lines.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use hearsay::article::{LoadOptions, Loaded, Problem, load_paths, load_paths_with};

/// Long enough for a loaded machine; a loader that blocks never returns.
const HANG: Duration = Duration::from_secs(30);

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test input");
    path
}

/// Loads on another thread and fails the test if that does not finish.
fn load_or_hang(paths: Vec<PathBuf>, options: LoadOptions) -> Loaded {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load_paths_with(&paths, &options));
    });
    rx.recv_timeout(HANG)
        .expect("loading did not finish: it hung (or panicked)")
}

fn fatal_for<'a>(loaded: &'a Loaded, name: &str) -> Vec<&'a Problem> {
    loaded
        .problems
        .iter()
        .filter(|p| p.is_fatal() && p.path.to_string_lossy().contains(name))
        .collect()
}

fn article(title: &str, body: &str) -> String {
    format!(r#"{{"title": "{title}", "body": "{body}"}}"#)
}

#[test]
fn truncated_jsonl_loads_the_good_lines_and_names_the_bad_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = |i: usize| article(&format!("Story {i}"), "Fares rose again.");
    let mut lines: Vec<String> = (1..=6).map(good).collect();
    lines[2] = r#"{"title": "Cut off", "body": "Fares ro"#.to_string(); // line 3
    lines[4] = "not json at all".to_string(); // line 5
    let mut text = lines.join("\n");
    text.push_str("\n{\"title\": \"Last, truncated\", \"bo"); // line 7, no newline
    let path = write(dir.path(), "wire.jsonl", &text);
    let loaded = load_paths(&[path]);
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Story 1", "Story 2", "Story 4", "Story 6"]);
    let lines: Vec<Option<usize>> = loaded.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [Some(3), Some(5), Some(7)], "{:?}", loaded.problems);
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.is_fatal() && p.message.contains("JSON"))
    );
}

#[test]
fn truncated_json_document_is_reported_with_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!(
        "[\n  {},\n  {},\n  {{\"title\": \"Half",
        article("One", "a"),
        article("Two", "b")
    );
    let path = write(dir.path(), "batch.json", text);
    let loaded = load_paths(&[path]);
    // The complete items before the break still load.
    assert_eq!(loaded.articles.len(), 2, "{:?}", loaded.problems);
    let [p] = loaded.problems.as_slice() else {
        panic!("one problem expected: {:?}", loaded.problems);
    };
    assert!(p.message.contains("JSON"), "{p}");
    assert_eq!(p.line, Some(4), "{p}");
}

#[test]
fn wrong_field_types_are_refused_by_name_and_the_rest_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lines = [
        article("Fine", "Body one."),
        r#"{"title": 5, "body": "x"}"#.to_string(),
        r#"{"title": "T", "body": ["a", "b"]}"#.to_string(),
        r#"{"title": "T", "body": "b", "id": {"x": 1}}"#.to_string(),
        r#"["an array", "not an object"]"#.to_string(),
        r#"{"title": "T", "body": "b", "source": true, "url": 3.5}"#.to_string(),
        article("Also fine", "Body two."),
    ];
    let path = write(dir.path(), "types.jsonl", lines.join("\n"));
    let loaded = load_paths(&[path]);
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Fine", "Also fine"]);
    let lines: Vec<Option<usize>> = loaded.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [Some(2), Some(3), Some(4), Some(5), Some(6)]);
    assert!(loaded.problems[0].message.contains("`title`"));
    assert!(loaded.problems[1].message.contains("`body`"));
    assert!(loaded.problems[2].message.contains("`id`"));
}

#[test]
fn deeply_nested_json_does_not_overflow_the_stack() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = "[".repeat(100_000);
    let objects = "{\"a\":".repeat(100_000);
    let closed = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let paths = vec![
        write(dir.path(), "deep.json", &deep),
        write(dir.path(), "deep.jsonl", format!("{objects}\n{objects}\n")),
        write(dir.path(), "deep.txt", &deep),
        write(dir.path(), "closed.json", &closed),
        write(
            dir.path(),
            "feed.json",
            format!(r#"{{"version": "https://jsonfeed.org/version/1", "items": {deep}"#),
        ),
    ];
    // Half the usual 2 MiB of a spawned thread: unbounded recursion would overflow it.
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            let _ = tx.send(load_paths(&paths));
        })
        .expect("spawn");
    let loaded = rx
        .recv_timeout(HANG)
        .expect("nested JSON loads or is refused");
    for name in ["deep.json", "deep.jsonl", "closed.json", "feed.json"] {
        assert!(
            !fatal_for(&loaded, name).is_empty(),
            "{name}: {:?}",
            loaded.problems
        );
    }
}

#[test]
fn empty_and_blank_files_are_skipped_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = vec![
        write(dir.path(), "empty.txt", ""),
        write(dir.path(), "blank.txt", " \n\t\r\n  \n"),
        write(dir.path(), "empty.json", ""),
        write(dir.path(), "empty.jsonl", "\n\n"),
        write(dir.path(), "bom.txt", "\u{feff}"),
    ];
    let loaded = load_paths(&paths);
    assert!(loaded.articles.is_empty(), "{:?}", loaded.articles);
    for name in ["empty.txt", "blank.txt", "empty.json", "bom.txt"] {
        let p = fatal_for(&loaded, name);
        assert!(
            p.iter().any(|p| p.message.contains("empty")),
            "{name}: {:?}",
            loaded.problems
        );
    }
}

#[test]
fn binary_files_are_skipped_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let elf: Vec<u8> = b"\x7fELF\x02\x01\x01"
        .iter()
        .copied()
        .chain([0u8; 4096])
        .collect();
    let paths = vec![
        write(dir.path(), "photo.txt", &png),
        write(dir.path(), "tool.json", &elf),
        write(
            dir.path(),
            "noise.jsonl",
            (0..=255u8).cycle().take(50_000).collect::<Vec<_>>(),
        ),
    ];
    let loaded = load_paths(&paths);
    assert!(loaded.articles.is_empty());
    for name in ["photo.txt", "tool.json", "noise.jsonl"] {
        let p = fatal_for(&loaded, name);
        assert!(
            p.iter().any(|p| p.message.contains("binary")),
            "{name}: {:?}",
            loaded.problems
        );
    }
}

#[test]
fn invalid_utf8_loads_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = b"Ferry fares \xff\xfe frozen\n\nThe mayor said \x93no\x94 to \xc3 it.\n";
    let path = write(dir.path(), "latin.txt", text);
    let jsonl = write(
        dir.path(),
        "bad.jsonl",
        b"{\"title\": \"A\xff\", \"body\": \"b\xfe\"}\n{\"title\": \"B\", \"body\": \"ok\"}\n",
    );
    let loaded = load_paths(&[path, jsonl]);
    assert_eq!(loaded.articles.len(), 3, "{:?}", loaded.problems);
    assert!(loaded.articles[0].title.starts_with("Ferry fares"));
    assert!(loaded.articles[0].text.contains("“no”"));
    let warnings: Vec<&Problem> = loaded.problems.iter().filter(|p| !p.is_fatal()).collect();
    assert_eq!(warnings.len(), 2, "{:?}", loaded.problems);
    assert!(warnings.iter().all(|p| p.message.contains("UTF-8")));
    assert_eq!(warnings[1].line, Some(1));
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported_and_the_rest_load() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", "Readable one\n\nBody.\n");
    let locked = write(dir.path(), "b.txt", "Locked\n\nBody.\n");
    write(dir.path(), "c.txt", "Readable two\n\nBody.\n");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        // Running as root: mode 000 does not stop reading, so there is nothing to test here.
        eprintln!("skipped: this user can read a mode-000 file (root?)");
        return;
    }
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Readable one", "Readable two"]);
    let p = fatal_for(&loaded, "b.txt");
    assert_eq!(p.len(), 1, "{:?}", loaded.problems);
    assert!(
        p[0].message.to_lowercase().contains("permission"),
        "{}",
        p[0]
    );
}

#[cfg(unix)]
#[test]
fn unreadable_folders_are_reported_and_the_rest_load() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", "Readable one\n\nBody.\n");
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    write(&sub, "x.txt", "Hidden away\n\nBody.\n");
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = std::fs::read_dir(&sub).is_ok();
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    if readable {
        eprintln!("skipped: this user can list a mode-000 folder (root?)");
        return;
    }
    assert_eq!(loaded.articles.len(), 1);
    assert!(
        !fatal_for(&loaded, "sub").is_empty(),
        "{:?}",
        loaded.problems
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_folders_end_with_a_message() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("news");
    let inner = root.join("inner");
    std::fs::create_dir_all(&inner).expect("mkdir");
    write(&root, "one.txt", "First story\n\nBody.\n");
    write(&inner, "two.txt", "Second story\n\nBody.\n");
    symlink(&root, inner.join("back-to-root")).expect("symlink");
    symlink(inner.join("self"), inner.join("self")).expect("self link");
    symlink(root.join("b"), root.join("a")).expect("link a");
    symlink(root.join("a"), root.join("b")).expect("link b");
    let loaded = load_or_hang(vec![root], LoadOptions::default());
    let mut titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        ["First story", "Second story"],
        "{:?}",
        loaded.problems
    );
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.message.contains("link back")),
        "{:?}",
        loaded.problems
    );
    for name in ["self", "/a", "/b"] {
        assert!(
            !fatal_for(&loaded, name).is_empty(),
            "{name}: {:?}",
            loaded.problems
        );
    }
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_skipped_without_hanging() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    write(dir.path(), "story.txt", "A story\n\nBody.\n");
    let mut paths = vec![fifo, dir.path().to_path_buf()];
    let mut skipped = vec!["pipe.txt"];
    if Path::new("/dev/zero").exists() {
        paths.push("/dev/zero".into());
        skipped.push("/dev/zero");
    }
    let loaded = load_or_hang(paths, LoadOptions::default());
    // The story loads once: from the folder; the FIFO is skipped both as a
    // path given and as a file found in the folder.
    assert_eq!(loaded.articles.len(), 1, "{:?}", loaded.problems);
    for name in skipped {
        let found = fatal_for(&loaded, name);
        assert!(
            found
                .iter()
                .any(|p| p.message.contains("not a regular file")),
            "{name}: {:?}",
            loaded.problems
        );
    }
    assert_eq!(
        fatal_for(&loaded, "pipe.txt").len(),
        2,
        "{:?}",
        loaded.problems
    );
}

#[test]
fn inputs_over_the_size_limit_are_skipped_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let limit: u64 = 64 * 1024;
    let line = "Ferry fares rose again on Tuesday, the harbour authority said.\n";
    let body = |bytes: u64| {
        let mut s = String::from("Headline\n\n");
        while (s.len() as u64) < bytes {
            s.push_str(line);
        }
        s.truncate(usize::try_from(bytes).expect("small"));
        s
    };
    let at_limit = write(dir.path(), "at.txt", body(limit));
    let over = write(dir.path(), "over.txt", body(limit + 1));
    // A JSONL file is bounded line by line: bigger than the limit, it loads
    // but for its one line that is itself over the limit.
    let mut jsonl: String = (0..4000)
        .map(|i| article(&format!("S{i}"), "b") + "\n")
        .collect();
    jsonl.push_str(&(article("Long", &"w".repeat(70_000)) + "\n"));
    assert!(jsonl.len() as u64 > 2 * limit);
    let big_jsonl = write(dir.path(), "big.jsonl", jsonl);
    let options = LoadOptions { max_size: limit };
    let loaded = load_or_hang(vec![at_limit, over, big_jsonl], options);
    assert_eq!(loaded.articles[0].title, "Headline");
    assert_eq!(loaded.articles.len(), 1 + 4000, "{:?}", loaded.problems);
    for (name, line) in [("over.txt", None), ("big.jsonl", Some(4001))] {
        let p = fatal_for(&loaded, name);
        assert_eq!(p.len(), 1, "{name}: {:?}", loaded.problems);
        assert!(
            p[0].message.contains("64 KiB") && p[0].message.contains("--max-size"),
            "{}",
            p[0]
        );
        assert_eq!(p[0].line, line, "{}", p[0]);
    }
    // The default limit is generous: the same files all load.
    let again = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(again.articles.len(), 2 + 4001, "{:?}", again.problems);
}

#[test]
fn the_size_limit_is_a_command_line_flag() {
    use clap::Parser;
    use hearsay::cli::Cli;
    let cli = Cli::try_parse_from(["hearsay", "--max-size", "3M", "news/"]).expect("parses");
    assert_eq!(cli.max_size, 3 << 20);
    let default = Cli::try_parse_from(["hearsay"]).expect("parses");
    assert_eq!(default.max_size, hearsay::article::DEFAULT_MAX_SIZE);
    assert!(Cli::try_parse_from(["hearsay", "--max-size", "lots"]).is_err());
}
