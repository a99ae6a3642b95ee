//! Nothing in the project may read a path that only one machine has: a
//! leftover in `/tmp` or a home folder once made a broken test pass on the
//! machine that ran CI while every fresh clone failed. This fails when a
//! string literal in `src/`, `tests/`, `benches/` or `examples/` starts with
//! an absolute path into `/tmp`, `/root` or `/home`. Paths made by tempfile or
//! named by an environment variable are never literals, so they pass.

use std::path::{Path, PathBuf};

/// The roots a literal may not point into (built here so that this file does
/// not match itself).
fn forbidden() -> Vec<String> {
    ["tmp", "root", "home"]
        .iter()
        .map(|d| format!("/{d}/"))
        .collect()
}

/// The 1-based line numbers of `source` holding a string literal (plain,
/// raw or byte) that starts with one of the forbidden roots.
fn offending_lines(source: &str) -> Vec<usize> {
    let roots = forbidden();
    let mut found = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let hit = line.match_indices('"').any(|(at, _)| {
            let after = &line[at + 1..];
            roots.iter().any(|r| after.starts_with(r.as_str()))
        });
        if hit {
            found.push(number + 1);
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_names_a_machine_local_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "examples"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut problems = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source is UTF-8");
        for line in offending_lines(&text) {
            problems.push(format!("{}:{line}", file.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "string literals with machine-local absolute paths (use tempfile or an environment variable):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scan_finds_each_kind_of_literal_and_skips_comments() {
    let tmp = format!("let a = std::fs::read(\"/{}/probe.txt\");", "tmp");
    let raw = format!("let b = r\"/{}/me/x\";", "home");
    let bytes = format!("let c = b\"/{}/.cache\";", "root");
    let comment = format!("// made by `make-corpus -- /{}/c.jsonl`", "tmp");
    let fine = "let d = dir.path().join(\"tmp/x\"); let e = \"/usr/share\";";
    let source = [
        tmp.as_str(),
        fine,
        raw.as_str(),
        comment.as_str(),
        bytes.as_str(),
    ]
    .join("\n");
    assert_eq!(offending_lines(&source), vec![1, 3, 5]);
}
