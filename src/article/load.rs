//! Reading inputs: one at a time, article by article, so a caller can show
//! or print articles while later ones are still being read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::detect::{self, Format};
use super::walk::{self, Input};
use super::{Article, Loaded, Problem, html, json};

/// One thing met while loading: an article, or a problem with an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// An article that loaded.
    Article(Article),
    /// An error or warning.
    Problem(Problem),
}

/// Loads files, folders (recursively) and `-` (standard input), all at once.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    load_paths_each(paths, |item| {
        match item {
            Item::Article(a) => loaded.articles.push(a),
            Item::Problem(p) => loaded.problems.push(p),
        }
        ControlFlow::Continue(())
    });
    loaded
}

/// Loads like [`load_paths`] but hands over each article and problem as soon
/// as it is read; JSONL is read line by line. `each` returning
/// `ControlFlow::Break` stops loading.
pub fn load_paths_each(paths: &[PathBuf], mut each: impl FnMut(Item) -> ControlFlow<()>) {
    for path in paths {
        let mut flow = ControlFlow::Continue(());
        walk::inputs(path, &mut |input| {
            flow = match input {
                Ok(input) => load_input(&input, &mut each),
                Err(problem) => each(Item::Problem(problem)),
            };
            flow.is_continue()
        });
        if flow.is_break() {
            return;
        }
    }
}

/// Loads the articles in `bytes` as if read from a file at `path` (whose
/// extension is the format's second clue), all at once.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut each = |item| {
        match item {
            Item::Article(a) => loaded.articles.push(a),
            Item::Problem(p) => loaded.problems.push(p),
        }
        ControlFlow::Continue(())
    };
    let reader: Box<dyn Read + '_> = Box::new(bytes);
    if let Err(e) = load_reader(path, reader, &mut each) {
        // Reading from memory does not fail; keep the error visible if it ever does.
        let problem = Reporter { path }.problem(None, io_message(&e), true);
        let _ = each(problem);
    }
    loaded
}

/// A problem with an input, built at the place it is met.
struct Reporter<'a> {
    path: &'a Path,
}

impl Reporter<'_> {
    fn problem(&self, line: Option<usize>, message: impl Into<String>, fatal: bool) -> Item {
        Item::Problem(Problem {
            path: self.path.to_path_buf(),
            line,
            message: message.into(),
            fatal,
        })
    }
}

fn load_input(input: &Input, each: &mut dyn FnMut(Item) -> ControlFlow<()>) -> ControlFlow<()> {
    let (path, reader): (&Path, io::Result<Box<dyn Read>>) = match input {
        Input::Stdin => (Path::new("-"), Ok(Box::new(io::stdin().lock()))),
        Input::File(p) => (
            p.as_path(),
            File::open(p).map(|f| Box::new(f) as Box<dyn Read>),
        ),
    };
    let report = Reporter { path };
    let result = reader.and_then(|r| load_reader(path, r, each));
    match result {
        Ok(flow) => flow,
        Err(e) => each(report.problem(None, io_message(&e), true)),
    }
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::IsADirectory => "is a folder".to_string(),
        _ => e.to_string(),
    }
}

/// Reads one input of any format; I/O errors are returned, everything else
/// is reported through `each`.
fn load_reader(
    path: &Path,
    reader: Box<dyn Read + '_>,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> io::Result<ControlFlow<()>> {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let mut head = Vec::with_capacity(detect::SNIFF_LEN);
    (&mut reader)
        .take(detect::SNIFF_LEN as u64)
        .read_to_end(&mut head)?;
    let report = Reporter { path };
    let name = path.display().to_string();
    let format = detect::sniff(&head, path);
    if is_jsonl(path, &head) {
        let lines = Cursor::new(head).chain(reader);
        return jsonl(&report, &name, lines, 0, each);
    }
    match format {
        Format::Empty => return Ok(each(report.problem(None, "empty: no text to read", true))),
        Format::Binary => {
            return Ok(each(report.problem(
                None,
                "not text: looks like binary data",
                true,
            )));
        }
        _ => {}
    }
    let mut bytes = head;
    reader.read_to_end(&mut bytes)?;
    let decoded = match format {
        Format::Feed => decode_feed(&bytes),
        _ => detect::decode(&bytes),
    };
    drop(bytes);
    if let Some(w) = decoded.warning {
        if each(report.problem(None, w, false)).is_break() {
            return Ok(ControlFlow::Break(()));
        }
    }
    let text = decoded.text;
    Ok(match format {
        Format::Json => whole_json(&report, &name, text, each),
        Format::Html => {
            let page = html::page(&text);
            if page.body.is_empty() {
                return Ok(each(report.problem(
                    None,
                    "no story text found in this page",
                    true,
                )));
            }
            let mut article = Article {
                id: name,
                text: page.body,
                url: page.url,
                ..Article::default()
            };
            json::fill_title_and_body(&mut article, page.title.as_deref());
            each(Item::Article(article))
        }
        Format::Feed => super::feed::items(&text, &name, &mut |item| each(item)),
        _ => text_article(&report, name, text, each),
    })
}

/// Feeds say their encoding: Latin-1 ones are read as such without a warning.
fn decode_feed(bytes: &[u8]) -> detect::Decoded {
    let trimmed = bytes.trim_ascii_start();
    match super::feed::declared_encoding(trimmed).as_deref() {
        Some("iso-8859-1" | "latin1" | "latin-1" | "windows-1252" | "cp1252") => detect::Decoded {
            text: bytes.iter().map(|&b| detect::windows_1252(b)).collect(),
            warning: None,
        },
        Some(other) if !other.starts_with("utf") && !other.contains("ascii") => {
            let mut decoded = detect::decode(bytes);
            if decoded.warning.is_some() {
                decoded.warning = Some(format!(
                    "encoding {other} is not supported: read as UTF-8 and Windows-1252"
                ));
            }
            decoded
        }
        _ => detect::decode(bytes),
    }
}

fn text_article(
    report: &Reporter<'_>,
    name: String,
    text: String,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if text.trim_matches(super::text::is_blank).is_empty() {
        return each(report.problem(None, "empty: no text to read", true));
    }
    each(Item::Article(Article::from_text(name, text)))
}

/// Whether a file opening with `head` (its first [`detect::SNIFF_LEN`]
/// bytes) is read as JSONL.
pub(super) fn is_jsonl(path: &Path, head: &[u8]) -> bool {
    let format = detect::sniff(head, path);
    format == Format::Jsonl || (format == Format::Json && first_line_is_object(head))
}

/// Reads whole lines of a JSONL file at `path`, after its first `before` lines.
pub(super) fn jsonl_lines(
    path: &Path,
    bytes: &[u8],
    before: usize,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let name = path.display().to_string();
    let report = Reporter { path };
    // Reading from memory does not fail.
    jsonl(&report, &name, bytes, before, each).unwrap_or(ControlFlow::Continue(()))
}

/// Whether the input opens with a line holding one whole JSON object, so it
/// is JSONL (one object per line) rather than one pretty-printed document.
fn first_line_is_object(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let Some(len) = head[start..].iter().position(|&b| b == b'\n') else {
        return false;
    };
    let more = head[start + len..].iter().any(|b| !b.is_ascii_whitespace());
    more && serde_json::from_slice::<Value>(&head[start..start + len]).is_ok_and(|v| v.is_object())
}

fn jsonl(
    report: &Reporter<'_>,
    name: &str,
    mut lines: impl BufRead,
    before: usize,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> io::Result<ControlFlow<()>> {
    let mut buf = Vec::new();
    let mut number = before;
    loop {
        buf.clear();
        if lines.read_until(b'\n', &mut buf)? == 0 {
            return Ok(ControlFlow::Continue(()));
        }
        number += 1;
        let line = if number == 1 {
            buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf)
        } else {
            &buf[..]
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let decoded = detect::decode(line);
        if let Some(w) = decoded.warning {
            if each(report.problem(Some(number), w, false)).is_break() {
                return Ok(ControlFlow::Break(()));
            }
        }
        let item = match serde_json::from_str::<Value>(&decoded.text) {
            Ok(value) => match json::article(
                value,
                &json::Origin {
                    name,
                    position: Some(number),
                },
            ) {
                Ok(article) => Item::Article(article),
                Err(refusal) => report.problem(Some(number), format!("skipped: {refusal}"), true),
            },
            Err(e) => report.problem(
                Some(number),
                format!("skipped: invalid JSON: {}", json_message(&e)),
                true,
            ),
        };
        if each(item).is_break() {
            return Ok(ControlFlow::Break(()));
        }
    }
}

/// serde_json's message without its `at line 1 column 7` tail, with the column kept.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full);
    format!("{message} (column {})", e.column())
}

fn whole_json(
    report: &Reporter<'_>,
    name: &str,
    text: String,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let value = match serde_json::from_str::<Value>(&text) {
        Ok(v) => v,
        Err(e) => {
            let json_ext = report
                .path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json"));
            if !json_ext && !looks_like_json_lines(&text) {
                // Text that merely opens with a bracket, such as `[Updated] Headline`.
                return text_article(report, name.to_string(), text, each);
            }
            if looks_like_json_lines(&text) {
                // JSONL whose first line is broken: read it line by line.
                let result = jsonl(report, name, Cursor::new(text.as_bytes()), 0, each);
                return result.unwrap_or(ControlFlow::Continue(()));
            }
            let message = format!("skipped: invalid JSON: {}", json_message(&e));
            return each(report.problem(Some(e.line()), message, true));
        }
    };
    for (index, result) in json::articles(value, name) {
        let item = match result {
            Ok(article) => Item::Article(article),
            Err(refusal) => {
                let at = index.map(|i| format!(" item {i}")).unwrap_or_default();
                report.problem(None, format!("skipped{at}: {refusal}"), true)
            }
        };
        each(item)?;
    }
    ControlFlow::Continue(())
}

/// Two lines that each hold a whole object, `{` at the start of the line and
/// `}` at its end; pretty-printed JSON indents its inner objects.
fn looks_like_json_lines(text: &str) -> bool {
    let whole_object = |l: &&str| l.starts_with('{') && l.trim_end().ends_with('}');
    text.lines().filter(whole_object).take(2).count() == 2
}
