//! `--max-size` holds for every command: an input over the limit is
//! skipped with a message naming it, and the others still load.

mod pty_support;

use std::process::Command;

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

#[test]
fn an_input_over_the_limit_is_named_and_the_rest_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.jsonl");
    let line = "{\"id\":\"b\",\"body\":\"“We row,” Ana Ruiz said.\"}\n";
    std::fs::write(&big, line.repeat(100)).expect("write");
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "Ferry\n\n“It floats,” Ida Marr said.\n").expect("write");
    let (big, small) = (big.to_str().expect("utf-8"), small.to_str().expect("utf-8"));

    for command in ["quotes", "speakers"] {
        let (out, err, _) = hearsay(&[command, "--max-size", "1K", big, small]);
        assert!(
            err.contains(big) && err.contains("bigger than the limit of 1 KiB"),
            "{command}: {err}"
        );
        assert!(out.contains("Ida Marr"), "{command}: {out}");
        assert!(!out.contains("Ana Ruiz"), "{command}: {out}");
        // Without the flag the big file loads.
        let (out, err, ok) = hearsay(&[command, big, small]);
        assert!(ok && out.contains("Ana Ruiz"), "{command}: {out} {err}");
    }
    // The flag may also come before the command.
    let (_, err, _) = hearsay(&["--max-size", "1K", "quotes", big]);
    assert!(err.contains("bigger than the limit"), "{err}");
}

/// The reader loads its inputs in the background (cut into runs of JSONL
/// lines), a path apart from the commands': the limit holds there too.
#[test]
fn the_reader_skips_an_input_over_the_limit_and_names_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.jsonl");
    let line = "{\"id\":\"b\",\"title\":\"Rowing club\",\"body\":\"“We row,” Ana Ruiz said.\"}\n";
    std::fs::write(&big, line.repeat(100)).expect("write");
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "Ferry\n\n“It floats,” Ida Marr said.\n").expect("write");

    let args = [
        "--max-size".as_ref(),
        "1K".as_ref(),
        big.as_os_str(),
        small.as_os_str(),
    ];
    let mut s = Launch::new(args).fresh_data_dir().start();
    let screen = s.settle("the limit's message", |sc| sc.contains("bigger than"));
    assert!(screen.contains("big.jsonl"), "{screen}");
    assert!(screen.contains("Ferry"), "{screen}");
    assert!(!screen.contains("Rowing club"), "{screen}");
    // On leaving, the problem is listed in full, with the whole path.
    let printed = String::from_utf8_lossy(&s.quit_ok()).into_owned();
    let named = format!("{}: skipped: bigger than the limit of 1 KiB", big.display());
    assert!(printed.contains(&named), "{printed}");
}
