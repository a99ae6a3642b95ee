//! `hearsay quotes` run as a program on our fixtures.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name)
}

fn hearsay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        .output()
        .expect("hearsay runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

fn jsonl(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn as_usize(v: &Value) -> usize {
    let n = v.as_u64().expect("an offset is a number");
    usize::try_from(n).expect("offsets fit")
}

#[test]
fn jsonl_quotes_have_char_offsets_into_the_text() {
    let path = fixture("seed_like.txt");
    let text = std::fs::read_to_string(&path).expect("fixture reads");
    let out = hearsay(&["quotes", path.to_str().expect("UTF-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 1);
    let article = &lines[0];
    assert_eq!(article["id"], path.display().to_string());
    assert_eq!(
        article["title"],
        "Harbour city weighs ferry fare freeze ahead of winter: mayor"
    );
    let quotes = article["quotes"].as_array().expect("quotes is an array");
    assert!(!quotes.is_empty(), "the fixture has curly-quoted speech");
    for q in quotes {
        let (start, end) = (as_usize(&q["start"]), as_usize(&q["end"]));
        assert!(start < end);
        assert_eq!(
            char_slice(&text, start, end),
            q["text"].as_str().expect("text is a string")
        );
        let kind = q["kind"].as_str().expect("kind is a string");
        assert!(
            ["direct", "embedded", "reported", "term"].contains(&kind),
            "{kind}"
        );
        assert!(q["speaker"].is_null() || q["speaker"].is_string());
        for key in ["speaker_mention", "cue"] {
            let span = &q[key];
            assert!(
                span.is_null() || (span["start"].is_u64() && span["end"].is_u64()),
                "{key}: {span}"
            );
        }
    }
    // Offsets are chars: this fixture has multi-byte characters before its quotes.
    let first = &quotes[0];
    assert_ne!(
        as_usize(&first["start"]),
        text.find('“').expect("a curly quote")
    );
}

#[test]
fn one_line_per_article_and_problems_on_stderr() {
    let out = hearsay(&[
        "quotes",
        fixture("wire.jsonl").to_str().expect("UTF-8"),
        fixture("articles.json").to_str().expect("UTF-8"),
    ]);
    // A skipped line is a failed input: exit 2, as grep and ripgrep do.
    assert_eq!(out.status.code(), Some(2));
    let ids: Vec<String> = jsonl(&out)
        .iter()
        .map(|a| a["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(ids, ["w-1", "w-4", "a-1", "2"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.contains("wire.jsonl:2: ") && err.contains("wire.jsonl:3: "),
        "{err}"
    );
}

#[test]
fn csv_has_a_header_and_a_row_per_quote() {
    let path = fixture("seed_like.txt");
    let json = jsonl(&hearsay(&["quotes", path.to_str().expect("UTF-8")]));
    let quotes = json[0]["quotes"].as_array().expect("quotes").len();
    let out = hearsay(&["quotes", "--format", "csv", path.to_str().expect("UTF-8")]);
    assert!(out.status.success());
    let csv = stdout(&out);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,title,start,end,kind,speaker,confidence,uncertain,text,role")
    );
    // No quote in this fixture spans a line break, so rows are lines.
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), quotes);
    for row in rows {
        assert!(row.starts_with(&path.display().to_string()), "{row}");
        let kinds = [",direct,", ",embedded,", ",reported,", ",term,"];
        assert!(
            kinds.iter().any(|k| row.contains(k)),
            "a kind column: {row}"
        );
    }
}

#[test]
fn text_format_is_readable() {
    let out = hearsay(&[
        "quotes",
        "--format",
        "text",
        fixture("bbc_like.txt").to_str().expect("UTF-8"),
    ]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with("Library opening hours to grow in spring"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(["quotes", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hearsay starts");
    let input = "{\"id\": \"s1\", \"title\": \"T\", \"body\": \"“Yes,” she said.\"}\n{\"id\": \"s2\", \"body\": \"B\\n\\nNo quotes.\"}\n";
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("writes");
    let out = child.wait_with_output().expect("hearsay ends");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "s1");
    assert_eq!(lines[1]["title"], "B");
}

#[test]
fn no_path_asks_for_one() {
    let out = hearsay(&["quotes"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input"));
    assert!(out.stdout.is_empty());
}

#[test]
fn any_failed_input_exits_2_and_the_rest_still_prints() {
    let out = hearsay(&["quotes", fixture("empty.txt").to_str().expect("UTF-8")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("empty.txt: ") && err.contains("no articles loaded"),
        "{err}"
    );

    let out = hearsay(&[
        "quotes",
        fixture("empty.txt").to_str().expect("UTF-8"),
        fixture("one.json").to_str().expect("UTF-8"),
    ]);
    // The rest still prints, and the run says an input failed.
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(jsonl(&out).len(), 1);
}

#[test]
fn standard_input_streams_a_line_at_a_time() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(["quotes", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("hearsay starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.expect("output reads")).is_err() {
                break;
            }
        }
    });
    let line =
        |id: &str| format!("{{\"id\": \"{id}\", \"body\": \"Head\\n\\n\\\"Hi,\\\" he said.\"}}\n");
    // The format is told from the first two lines; then each line is printed
    // as soon as it is read, while the input is still open.
    stdin
        .write_all(format!("{}{}", line("first"), line("second")).as_bytes())
        .expect("writes");
    stdin.flush().expect("flushes");
    for id in ["first", "second"] {
        let out = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("a line before the input ends");
        assert!(out.contains(&format!("\"{id}\"")), "{out}");
    }
    stdin.write_all(line("third").as_bytes()).expect("writes");
    stdin.flush().expect("flushes");
    let third = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("third line before the input ends");
    assert!(third.contains("\"third\""), "{third}");
    drop(stdin);
    assert!(child.wait().expect("hearsay ends").success());
    reader.join().expect("reader thread");
}

/// Splits RFC 4180 CSV into records of fields.
fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    let mut records = vec![];
    let mut record = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    records
}

#[test]
fn csv_round_trips_commas_quotes_and_line_breaks() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(["quotes", "--format", "csv", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("hearsay starts");
    let input = r#"{"id": "c,1", "title": "Rates, \"frozen\"", "body": "“Yes, we will,\nsoon,” she said. “Later.”"}"#;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("writes");
    let out = child.wait_with_output().expect("hearsay ends");
    assert!(out.status.success());
    let records = parse_csv(&stdout(&out));
    assert!(records.len() >= 2, "{records:?}");
    assert_eq!(
        records[0],
        [
            "id",
            "title",
            "start",
            "end",
            "kind",
            "speaker",
            "confidence",
            "uncertain",
            "text",
            "role"
        ]
    );
    let text = "“Yes, we will,\nsoon,” she said. “Later.”";
    for row in &records[1..] {
        assert_eq!(row.len(), 10, "{row:?}");
        assert_eq!(
            (row[0].as_str(), row[1].as_str()),
            ("c,1", "Rates, \"frozen\"")
        );
        let start: usize = row[2].parse().expect("start");
        let end: usize = row[3].parse().expect("end");
        assert_eq!(char_slice(text, start, end), row[8]);
        assert_eq!(row[5].is_empty(), row[6].is_empty(), "{row:?}");
    }
}

/// What a feed holds decides the exit status, not how it is written: an
/// empty feed and items without text are notes (exit 0), a feed cut short
/// keeps its whole items with a warning (exit 0), and only an input that
/// gave nothing because it is broken exits 2.
#[test]
fn notes_and_warnings_about_feeds_do_not_fail_the_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, body: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, body).expect("write feed");
        path.to_str().expect("UTF-8 path").to_string()
    };
    let empty = write(
        "empty.xml",
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>\n",
    );
    let out = hearsay(&["quotes", &empty]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("hearsay: note: ") && err.contains("no items"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    let item = |title: &str, body: &str| {
        format!("<item><title>{title}</title><description>{body}</description></item>")
    };
    let some_empty = write(
        "some.xml",
        &format!(
            "<rss version=\"2.0\"><channel><title>Town</title>{}{}</channel></rss>",
            item("Bridge", "“It opens Monday,” Mayor Ana Ruiz said."),
            item("Photos", "")
        ),
    );
    let out = hearsay(&["quotes", &some_empty]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(jsonl(&out).len(), 1);
    assert!(
        err.contains("note: ") && err.contains("2 items, 1 skipped without text (item 2)"),
        "{err}"
    );

    let cut = write(
        "cut.json",
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Town", "items": [
            {"id": "1", "title": "Bridge", "content_text": "“It opens Monday,” Mayor Ana Ruiz said."},
            {"id": "2", "title": "Ferry", "content_text": "It stops runn"#,
    );
    let out = hearsay(&["quotes", &cut]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(jsonl(&out).len(), 1);
    assert!(
        err.contains("warning: ") && err.contains("cut short"),
        "{err}"
    );

    let broken = write(
        "broken.xml",
        "<rss version=\"2.0\"><channel><title>T</title><ite",
    );
    let out = hearsay(&["quotes", &broken]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("broken.xml") && err.contains("line 1, column"),
        "{err}"
    );
}

#[test]
fn every_named_quote_has_a_confidence_and_uncertain_ones_are_flagged() {
    let path = fixture("seed_like.txt");
    let path = path.to_str().expect("UTF-8");
    let no_config = fixture("no-such-config.toml");
    let run = |min: &str| -> Vec<Value> {
        let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
            .args(["quotes", "--min-confidence", min, path])
            .env("HEARSAY_CONFIG", &no_config)
            .output()
            .expect("hearsay runs");
        assert!(out.status.success());
        jsonl(&out)[0]["quotes"].as_array().expect("quotes").clone()
    };
    let all = run("0");
    assert!(all.iter().any(|q| q["speaker"].is_string()));
    for q in &all {
        let c = q["confidence"].as_f64();
        assert_eq!(c.is_some(), q["speaker"].is_string(), "{q}");
        assert!(c.is_none_or(|c| (0.0..=1.0).contains(&c)), "{q}");
        assert!(q.get("uncertain").is_none(), "nothing is below 0: {q}");
        assert!(q.get("parent").is_some(), "{q}");
    }
    // At 1 every named quote is uncertain, and keeps its speaker.
    for (q, was) in run("1").iter().zip(&all) {
        assert_eq!(q["speaker"], was["speaker"]);
        let flagged = q.get("uncertain").is_some_and(|u| u == true);
        assert_eq!(flagged, q["speaker"].is_string(), "{q}");
    }
    let bad = hearsay(&["quotes", "--min-confidence", "1.5", path]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("between 0 and 1"));
}

#[test]
fn a_nested_quote_names_its_parent() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("nested.txt");
    std::fs::write(
        &path,
        "Depot vote\n\n“When they told us ‘the depot stays’, we believed them,” said Ana Ruiz.\n",
    )
    .expect("writes");
    let out = hearsay(&["quotes", path.to_str().expect("UTF-8")]);
    let quotes = jsonl(&out)[0]["quotes"].as_array().expect("quotes").clone();
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert_eq!(quotes[0]["parent"], Value::Null);
    assert_eq!(quotes[1]["parent"], 0);
}

#[test]
fn min_confidence_comes_from_the_configuration() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "min_confidence = 1.0\n").expect("writes");
    let path = fixture("seed_like.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(["quotes", path.to_str().expect("UTF-8")])
        .env("HEARSAY_CONFIG", &config)
        .output()
        .expect("hearsay runs");
    let quotes = jsonl(&out)[0]["quotes"].as_array().expect("quotes").clone();
    let named = quotes.iter().filter(|q| q["speaker"].is_string());
    assert!(named.clone().count() > 0);
    assert!(named.into_iter().all(|q| q["uncertain"] == true));
    // The flag wins over the file.
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args([
            "quotes",
            "--min-confidence",
            "0",
            path.to_str().expect("UTF-8"),
        ])
        .env("HEARSAY_CONFIG", &config)
        .output()
        .expect("hearsay runs");
    assert!(!stdout(&out).contains("uncertain"));
}

/// `--with-text` gives, for a feed item, the text the offsets count into
/// (which a script never sees otherwise), its link and metadata; every
/// quote's offsets index that text.
#[test]
fn with_text_gives_the_text_the_offsets_count_into() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = dir.path().join("town.xml");
    std::fs::write(
        &feed,
        "<rss version=\"2.0\"><channel><title>Town Wire</title><item>\
         <title>Bridge opens</title><link>http://town.example/bridge</link>\
         <pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>\
         <description>&lt;p&gt;&#8220;It opens Monday,&#8221; Mayor Ana Ruiz said.&lt;/p&gt;\
         &lt;p&gt;Zoë Lind said: &#8220;We waited long enough.&#8221;&lt;/p&gt;</description>\
         </item></channel></rss>",
    )
    .expect("write feed");
    let feed = feed.to_str().expect("UTF-8");
    let out = hearsay(&["quotes", "--with-text", feed]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = jsonl(&out);
    let [line] = lines.as_slice() else {
        panic!("{lines:?}")
    };
    let text = line["text"].as_str().expect("text given");
    assert!(text.contains("Zoë Lind said"), "{text}");
    assert_eq!(line["url"], "http://town.example/bridge");
    assert_eq!(line["source"], "Town Wire");
    assert!(line["published"].is_string(), "{line}");
    let body = &line["body"];
    let (start, end) = (
        body["start"].as_u64().expect("start") as usize,
        body["end"].as_u64().expect("end") as usize,
    );
    assert!(start < end && end <= text.chars().count(), "{body}");
    let quotes = line["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 2);
    for q in quotes {
        let (s, e) = (
            q["start"].as_u64().expect("start") as usize,
            q["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            char_slice(text, s, e),
            q["text"].as_str().expect("quote text")
        );
    }
    // Without the flag the line stays small.
    let out = hearsay(&["quotes", feed]);
    assert!(jsonl(&out)[0].get("text").is_none());
    // Only JSONL carries it.
    let out = hearsay(&["quotes", "--with-text", "--format", "csv", feed]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--with-text needs --format jsonl"));
}

#[test]
fn jsonl_gives_the_role_written_before_the_name() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(["quotes", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("hearsay starts");
    let input = r#"{"id": "r1", "title": "Ferry fares", "body": "Tory MP Gareth Pellow said the rise was “a tax on islanders”. “Fuel costs doubled,” said Mr Pellow."}"#;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("writes");
    let out = child.wait_with_output().expect("hearsay ends");
    assert!(out.status.success());
    let json = jsonl(&out);
    let quotes = json[0]["quotes"].as_array().expect("quotes");
    assert_eq!(quotes[0]["speaker"], "Gareth Pellow");
    assert_eq!(quotes[0]["role"], "Tory MP");
    assert_eq!(quotes[1]["speaker"], "Gareth Pellow");
    assert!(quotes[1].get("role").is_none(), "{:?}", quotes[1]);
}
