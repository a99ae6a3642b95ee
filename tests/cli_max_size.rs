//! `--max-size` holds for every command: an input over the limit is
//! skipped with a message naming it, and the others still load.

mod pty_support;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use pty_support::Launch;

fn hearsay(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        .env(
            "HEARSAY_DATA_DIR",
            tempfile::tempdir().expect("temp dir").keep(),
        )
        .output()
        .expect("run hearsay");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

/// A JSONL file of 100 short lines and, at line 51, one over 1 KiB.
fn jsonl_with_a_long_line(dir: &std::path::Path, short_title: &str, long_title: &str) -> PathBuf {
    let short = format!(
        "{{\"id\":\"b\",\"title\":\"{short_title}\",\"body\":\"“We row,” Ana Ruiz said.\"}}\n"
    );
    let long = format!(
        "{{\"id\":\"l\",\"title\":\"{long_title}\",\"body\":\"“We sail,” Bo Lind said. {}\"}}\n",
        "Waves. ".repeat(200)
    );
    let path = dir.join("big.jsonl");
    std::fs::write(&path, short.repeat(50) + &long + &short.repeat(50)).expect("write");
    path
}

#[test]
fn an_input_over_the_limit_is_named_and_the_rest_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = jsonl_with_a_long_line(dir.path(), "Rowing", "Sailing");
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "Ferry\n\n“It floats,” Ida Marr said.\n").expect("write");
    let text = dir.path().join("long.txt");
    std::fs::write(
        &text,
        "Canal\n\n“It flows,” Eva Holm said. ".to_string() + &"Water. ".repeat(200),
    )
    .expect("write");
    let (big, small, text) = (
        big.to_str().expect("utf-8"),
        small.to_str().expect("utf-8"),
        text.to_str().expect("utf-8"),
    );

    for command in ["quotes", "speakers"] {
        let (out, err, _) = hearsay(&[command, "--max-size", "1K", big, small, text]);
        // The limit is one article's: a JSONL line, or a whole file.
        let line = format!("{big}:51: skipped: a line longer than the limit of 1 KiB");
        assert!(err.contains(&line), "{command}: {err}");
        assert!(
            err.contains(&format!("{text}: skipped: bigger than the limit of 1 KiB")),
            "{command}: {err}"
        );
        assert!(out.contains("Ida Marr"), "{command}: {out}");
        assert!(out.contains("Ana Ruiz"), "{command}: {out}");
        assert!(!out.contains("Bo Lind"), "{command}: {out}");
        assert!(!out.contains("Eva Holm"), "{command}: {out}");
        // Without the flag everything loads.
        let (out, err, ok) = hearsay(&[command, big, small, text]);
        assert!(
            ok && out.contains("Bo Lind") && out.contains("Eva Holm"),
            "{command}: {out} {err}"
        );
    }
    // The flag may also come before the command.
    let (_, err, _) = hearsay(&["--max-size", "1K", "quotes", text]);
    assert!(err.contains("bigger than the limit"), "{err}");
}

/// Standard input is one input like a file: JSONL on it is bounded line by
/// line, any other format as a whole.
#[test]
fn standard_input_is_bounded_per_article_too() {
    let run = |input: String| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hearsay"))
            .args(["quotes", "--max-size", "1K", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run hearsay");
        let mut stdin = child.stdin.take().expect("stdin");
        std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().expect("hearsay ends");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let line = |i: usize| format!("{{\"id\":\"s{i}\",\"body\":\"“We row,” Ana Ruiz said.\"}}\n");
    let jsonl: String = (0..100).map(line).collect();
    assert!(jsonl.len() > 4096);
    let (out, err) = run(jsonl);
    assert_eq!(out.lines().count(), 100, "{err}");
    assert!(out.contains("\"id\":\"s99\""), "{out}");

    let (out, err) =
        run("Canal\n\n“It flows,” Eva Holm said. ".to_string() + &"Water. ".repeat(200));
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("-: skipped: bigger than the limit of 1 KiB"),
        "{err}"
    );
}

/// The reader loads its inputs in the background (cut into runs of JSONL
/// lines), a path apart from the commands': the limit holds there too.
#[test]
fn the_reader_skips_an_input_over_the_limit_and_names_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = jsonl_with_a_long_line(dir.path(), "Chess club", "Rowing club");
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "Ferry\n\n“It floats,” Ida Marr said.\n").expect("write");

    let args = [
        "--max-size".as_ref(),
        "1K".as_ref(),
        big.as_os_str(),
        small.as_os_str(),
    ];
    let mut s = Launch::new(args).fresh_data_dir().start();
    let screen = s.settle("the limit's message", |sc| sc.contains("longer than"));
    assert!(screen.contains("big.jsonl"), "{screen}");
    // The 100 short lines (the same article, listed once with its count)
    // and the small file: all but the long line.
    assert!(screen.contains("Headlines 2 "), "{screen}");
    assert!(screen.contains("×100"), "{screen}");
    assert!(screen.contains("Chess club"), "{screen}");
    assert!(!screen.contains("Rowing club"), "{screen}");
    // On leaving, the problem is listed in full, with the whole path.
    let printed = String::from_utf8_lossy(&s.quit_ok()).into_owned();
    let named = format!(
        "{}:51: skipped: a line longer than the limit of 1 KiB",
        big.display()
    );
    assert!(printed.contains(&named), "{printed}");
}
