//! `y` in the real binary: the OSC 52 sequence hearsay writes, read from
//! the raw bytes of a pseudo-terminal, decodes to the citation.

mod pty_support;

use std::path::Path;

use base64::Engine as _;
use pty_support::{Launch, status};

#[test]
fn y_writes_the_citation_as_osc_52() {
    let ferry = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/01-ferry.txt");
    let mut s = Launch::new([&ferry]).fresh_data_dir().start();
    s.settle("the headline", |sc| sc.contains("Harbour ferry fares"));
    s.send("n");
    s.settle("the first quote", |sc| status(sc).contains("quote 1/"));
    s.send("y");
    let screen = s.settle("the copy message", |sc| sc.contains("Copied the citation"));
    assert!(screen.contains("to the clipboard"), "{screen}");
    let raw = s.quit_ok();
    let start = raw
        .windows(7)
        .position(|w| w == b"\x1b]52;c;")
        .expect("an OSC 52 sequence");
    let body = &raw[start + 7..];
    let end = body.iter().position(|&b| b == 0x07).expect("ended by BEL");
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(&body[..end])
        .expect("base64");
    let text = String::from_utf8(decoded).expect("UTF-8");
    assert!(
        text.starts_with("“Nobody should pay more to cross the bay than to cross the city”"),
        "{text}"
    );
    assert!(
        text.contains("“Harbour ferry fares to fall in spring”"),
        "{text}"
    );
    assert!(text.contains("Okonkwo"), "{text}");
    assert!(
        text.ends_with("01-ferry.txt"),
        "the file it came from: {text}"
    );
    assert!(!text.chars().any(char::is_control), "{text:?}");
}
