//! `--max-size` holds for every command: an input over the limit is
//! skipped with a message naming it, and the others still load.

use std::process::Command;

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
