//! Reading inputs: one at a time, article by article, so a caller can show
//! or print articles while later ones are still being read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::ops::{ControlFlow, Range};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use super::detect::{self, Format};
use super::encoding::{self, Markup};
use super::fetch;
use super::walk::{self, Input};
use super::{Article, Item, Level, LineAt, Loaded, Problem, SourceFile, feed, html, json};

/// How big one article's input may be, unless told otherwise: generous, but
/// an endless or absurd input cannot eat all memory.
pub const DEFAULT_MAX_SIZE: u64 = 512 * 1024 * 1024;

/// Settings for reading inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// The most bytes of one article's input: a JSONL line, or a whole file
    /// (or standard input) of any other format. A longer line is skipped
    /// and the lines after it still load; a bigger file is skipped whole.
    /// A JSONL input is read line by line, so its total size has no limit.
    pub max_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

/// Loads files, folders (recursively) and `-` (standard input), all at once.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_paths_with(paths, &LoadOptions::default())
}

/// Like [`load_paths`], with settings.
pub fn load_paths_with(paths: &[PathBuf], options: &LoadOptions) -> Loaded {
    let mut loaded = Loaded::default();
    load_paths_each_with(paths, options, |item| {
        loaded.push(item);
        ControlFlow::Continue(())
    });
    loaded
}

/// Loads like [`load_paths`] but hands over each article and problem as soon
/// as it is read; JSONL is read line by line. `each` returning
/// `ControlFlow::Break` stops loading.
pub fn load_paths_each(paths: &[PathBuf], each: impl FnMut(Item) -> ControlFlow<()>) {
    load_paths_each_with(paths, &LoadOptions::default(), each);
}

/// Like [`load_paths_each`], with settings.
pub fn load_paths_each_with(
    paths: &[PathBuf],
    options: &LoadOptions,
    mut each: impl FnMut(Item) -> ControlFlow<()>,
) {
    with_urls(paths, options, |urls| {
        for path in paths {
            let mut flow = ControlFlow::Continue(());
            walk::inputs(path, &mut |input| {
                flow = match input {
                    Ok(Input::Url(url)) => urls.load(&url, &mut each),
                    Ok(input) => load_input(&input, options, &mut each),
                    Err(problem) => each(Item::Problem(problem)),
                };
                flow.is_continue()
            });
            if flow.is_break() {
                return;
            }
        }
    });
}

/// Loads URL inputs, in the order asked: fetched a few at a time ahead of
/// their turn when `paths` holds more than one (see [`with_urls`]).
pub(super) struct Urls<'a> {
    ahead: Option<&'a Prefetch<'a>>,
    taken: usize,
    options: &'a LoadOptions,
}

impl Urls<'_> {
    /// Loads `url`, the next of the URLs among the paths [`with_urls`] was
    /// given.
    pub(super) fn load(
        &mut self,
        url: &str,
        each: &mut dyn FnMut(Item) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        match self.ahead {
            Some(ahead) if self.taken < ahead.urls.len() && ahead.urls[self.taken] == url => {
                let got = ahead.take(self.taken);
                self.taken += 1;
                load_fetched(url, got, self.options, each)
            }
            _ => load_url(url, self.options, each),
        }
    }
}

/// Runs `body` with a [`Urls`] for the URLs among `paths`: when there are
/// several, [`FETCHING`] threads fetch them ahead while `body` loads, and
/// stop when it returns.
pub(super) fn with_urls<R>(
    paths: &[PathBuf],
    options: &LoadOptions,
    body: impl FnOnce(&mut Urls<'_>) -> R,
) -> R {
    let urls: Vec<&str> = paths
        .iter()
        .filter_map(|p| p.to_str())
        .filter(|a| fetch::is_url(a))
        .collect();
    if urls.len() < 2 {
        return body(&mut Urls {
            ahead: None,
            taken: 0,
            options,
        });
    }
    let fetcher = fetcher(options);
    std::thread::scope(|scope| {
        let ahead = Prefetch::start(scope, &fetcher, &urls);
        let out = body(&mut Urls {
            ahead: Some(&ahead),
            taken: 0,
            options,
        });
        ahead.stop();
        out
    })
}

/// The fetcher for URL inputs.
fn fetcher(options: &LoadOptions) -> crate::fetch::Fetcher {
    crate::fetch::Fetcher::new(&crate::fetch::FetchOptions {
        max_size: options.max_size,
        ..crate::fetch::FetchOptions::default()
    })
}

/// How many URLs are fetched at once.
const FETCHING: usize = 4;

/// URL inputs fetched on [`FETCHING`] threads, at most twice that many
/// ahead of the one being loaded, so a long list of URLs holds only a few
/// bodies at a time.
struct Prefetch<'u> {
    urls: &'u [&'u str],
    state: std::sync::Mutex<Ahead>,
    changed: std::sync::Condvar,
}

type Got = Result<crate::fetch::Body, crate::fetch::FetchError>;

#[derive(Default)]
struct Ahead {
    /// Bodies fetched and not yet taken, by the URL's place in the list.
    got: Vec<Option<Got>>,
    /// The next URL to fetch.
    next: usize,
    /// How many URLs have been taken to load.
    taken: usize,
    /// Loading stopped: fetch no more.
    stopped: bool,
}

impl<'u> Prefetch<'u> {
    fn start<'s>(
        scope: &'s std::thread::Scope<'s, '_>,
        fetcher: &'s crate::fetch::Fetcher,
        urls: &'u [&'u str],
    ) -> std::sync::Arc<Prefetch<'u>>
    where
        'u: 's,
    {
        let ahead = std::sync::Arc::new(Prefetch {
            urls,
            state: std::sync::Mutex::new(Ahead {
                got: (0..urls.len()).map(|_| None).collect(),
                ..Ahead::default()
            }),
            changed: std::sync::Condvar::new(),
        });
        for _ in 0..FETCHING.min(urls.len()) {
            let ahead = std::sync::Arc::clone(&ahead);
            scope.spawn(move || ahead.work(fetcher));
        }
        ahead
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Ahead> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A fetching thread: takes the next URL when it is near enough its
    /// turn, until every URL is fetched or loading stopped.
    fn work(&self, fetcher: &crate::fetch::Fetcher) {
        loop {
            let mut state = self.lock();
            while !state.stopped
                && state.next < self.urls.len()
                && state.next >= state.taken + 2 * FETCHING
            {
                state = self
                    .changed
                    .wait(state)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
            if state.stopped || state.next >= self.urls.len() {
                return;
            }
            let k = state.next;
            state.next += 1;
            drop(state);
            let got = fetcher.get(self.urls[k]);
            self.lock().got[k] = Some(got);
            self.changed.notify_all();
        }
    }

    /// The body of the `k`th URL, waiting for it if need be.
    fn take(&self, k: usize) -> Got {
        let mut state = self.lock();
        loop {
            if let Some(got) = state.got.get_mut(k).and_then(Option::take) {
                state.taken = state.taken.max(k + 1);
                drop(state);
                self.changed.notify_all();
                return got;
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }
}

/// Loads the articles in `bytes` as if read from a file at `path` (whose
/// extension is the format's second clue), all at once.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut each = |item| {
        loaded.push(item);
        ControlFlow::Continue(())
    };
    let source = Source {
        reader: Box::new(bytes),
        len: Some(bytes.len() as u64),
    };
    if let Err(e) = load_reader(path, source, u64::MAX, None, &mut each) {
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
    /// An error (the input, line or item skipped) when `fatal`, else a warning.
    fn problem(&self, line: Option<usize>, message: impl Into<String>, fatal: bool) -> Item {
        self.at_level(line, message, Level::of(fatal))
    }

    fn at_level(&self, line: Option<usize>, message: impl Into<String>, level: Level) -> Item {
        Item::Problem(Problem {
            path: self.path.to_path_buf(),
            line,
            message: message.into(),
            level,
        })
    }
}

fn load_input(
    input: &Input,
    options: &LoadOptions,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let max = options.max_size;
    let (path, reader): (&Path, io::Result<Source<'_>>) = match input {
        Input::Url(url) => return load_url(url, options, each),
        Input::Stdin => (
            Path::new("-"),
            Ok(Source {
                reader: Box::new(io::stdin().lock()),
                len: None,
            }),
        ),
        Input::File(p) => (p.as_path(), open_regular(p)),
    };
    let report = Reporter { path };
    let result = reader.and_then(|r| load_reader(path, r, max, None, each));
    match result {
        Ok(flow) => flow,
        Err(e) => each(report.problem(None, io_message(&e), true)),
    }
}

/// Opens `path` for reading if it is a regular file. Opening a FIFO blocks
/// until something writes to it, and a device such as `/dev/zero` never
/// ends, so neither is opened.
fn open_regular(path: &Path) -> io::Result<Source<'static>> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(io::ErrorKind::IsADirectory.into());
    }
    if !meta.is_file() {
        return Err(io::Error::other(
            "skipped: not a regular file (a pipe or a device); pipe it in with `-` to read it",
        ));
    }
    Ok(Source {
        reader: Box::new(File::open(path)?),
        len: Some(meta.len()),
    })
}

/// An input to read, with its size when known beforehand.
struct Source<'a> {
    reader: Box<dyn Read + 'a>,
    len: Option<u64>,
}

fn too_big(max: u64) -> io::Error {
    io::Error::other(format!(
        "skipped: bigger than the limit of {}; raise it with --max-size",
        human_size(max)
    ))
}

/// `512 MiB`, `3 KiB`, `17 bytes`.
pub(crate) fn human_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    UNITS
        .iter()
        .find(|(size, _)| bytes >= *size && bytes % size == 0)
        .map(|(size, unit)| format!("{} {unit}", bytes / size))
        .unwrap_or_else(|| format!("{bytes} bytes"))
}

/// A reader that fails once more than `max` bytes have come through it, so
/// an input that grows while read (or standard input) still has a limit.
struct Limited<R> {
    inner: R,
    left: u64,
    max: u64,
}

impl<R: Read> Limited<R> {
    /// Lets `left` more bytes through, of an input whose limit is `max`.
    fn new(inner: R, left: u64, max: u64) -> Self {
        Limited { inner, left, max }
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Ask for one byte more than allowed, to tell "exactly max" from "more".
        let want = buf
            .len()
            .min(usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        let n64 = n as u64;
        if n64 > self.left {
            self.left = 0;
            return Err(too_big(self.max));
        }
        self.left -= n64;
        Ok(n)
    }
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::IsADirectory => "is a folder".to_string(),
        _ => e.to_string(),
    }
}

/// Reads one input of any format, a JSONL line or any other input at most
/// `max` bytes; I/O errors are returned, everything else is reported
/// through `each`.
fn load_reader(
    path: &Path,
    source: Source<'_>,
    max: u64,
    fetched: Option<&crate::fetch::Body>,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> io::Result<ControlFlow<()>> {
    let mut reader = BufReader::with_capacity(64 * 1024, source.reader);
    let (head, complete) = read_head(&mut reader)?;
    let report = Reporter { path };
    let name = path.display().to_string();
    // A fetched body is told by content, then by what the server called it.
    let hint = fetched.map_or(path, |f| Path::new(fetch::hint_name(f)));
    let charset = fetched.and_then(crate::fetch::Body::charset);
    let format = match detect::sniff(&head, hint) {
        // Only the whole input can be called empty.
        Format::Empty if !complete => Format::Text,
        other => other,
    };
    if format == Format::Jsonl || (format == Format::Json && first_line_is_object(&head)) {
        let lines = Cursor::new(head).chain(reader);
        return jsonl(&report, &name, lines, 0, max, None, each);
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
    let left = max.saturating_sub(bytes.len() as u64);
    // A file known to be too big is not read; one that grows, or standard
    // input, is stopped at the limit.
    if source.len.unwrap_or(0).max(bytes.len() as u64) > max {
        return Err(too_big(max));
    }
    Limited::new(reader, left, max).read_to_end(&mut bytes)?;
    let (text, warning) = match format {
        Format::Feed | Format::Html => {
            let markup = if format == Format::Feed {
                Markup::Xml
            } else {
                Markup::Html
            };
            let decoded = encoding::decode(&bytes, charset, markup);
            (decoded.text, decoded.warning)
        }
        _ => {
            let decoded = detect::decode(&bytes);
            (decoded.text.into_owned(), decoded.warning)
        }
    };
    drop(bytes);
    if let Some(w) = warning {
        if each(report.problem(None, w, false)).is_break() {
            return Ok(ControlFlow::Break(()));
        }
    }
    Ok(match format {
        Format::Json => whole_json(&report, &name, text, each),
        Format::Html => html_article(&report, name, &text, each),
        Format::Feed => feed::xml_items(&text, &name, &mut |item| each(item)),
        _ => text_article(&report, name, text, each),
    })
}

/// Fetches a URL and loads what it holds.
fn load_url(
    url: &str,
    options: &LoadOptions,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    load_fetched(url, fetcher(options).get(url), options, each)
}

/// Loads what fetching a URL gave.
fn load_fetched(
    url: &str,
    got: Got,
    options: &LoadOptions,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let path = Path::new(url);
    let report = Reporter { path };
    let fetched = match got {
        Ok(f) => f,
        // The problem names the URL already.
        Err(e) => return each(report.problem(None, e.reason.to_string(), true)),
    };
    let source = Source {
        reader: Box::new(&fetched.bytes[..]),
        len: Some(fetched.bytes.len() as u64),
    };
    match load_reader(path, source, options.max_size, Some(&fetched), each) {
        Ok(flow) => flow,
        Err(e) => each(report.problem(None, io_message(&e), true)),
    }
}

/// A web page's story as an article.
fn html_article(
    report: &Reporter<'_>,
    name: String,
    page: &str,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let page = html::page(page);
    if page.body.is_empty() {
        return each(report.problem(None, "no story text found in this page", true));
    }
    let mut article = Article {
        id: name,
        text: page.body,
        url: page.url,
        source: page.site,
        published: page.published,
        byline: page.author,
        ..Article::default()
    };
    super::set_title_and_body(&mut article, page.title.as_deref());
    each(Item::Article(article))
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

/// Reads enough of the input to tell its format: up to
/// [`detect::SNIFF_LEN`] bytes, but no further than the start of the second
/// line, so that a pipe sending JSONL a line at a time is not waited on.
/// Also says whether that was the whole input.
fn read_head(reader: &mut impl BufRead) -> io::Result<(Vec<u8>, bool)> {
    let mut head = Vec::with_capacity(detect::SNIFF_LEN);
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((head, true));
        }
        let n = buf.len().min(detect::SNIFF_LEN - head.len());
        head.extend_from_slice(&buf[..n]);
        reader.consume(n);
        if head.len() >= detect::SNIFF_LEN || second_line_started(&head) {
            return Ok((head, false));
        }
    }
}

/// Whether `head` has visible text, a line break, then visible text again.
fn second_line_started(head: &[u8]) -> bool {
    let Some(first) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    let Some(newline) = head[first..].iter().position(|&b| b == b'\n') else {
        return false;
    };
    head[first + newline..]
        .iter()
        .any(|b| !b.is_ascii_whitespace())
}

/// Whether a file opening with `head` (its first [`detect::SNIFF_LEN`]
/// bytes) is read as JSONL.
pub(super) fn is_jsonl(path: &Path, head: &[u8]) -> bool {
    let format = detect::sniff(head, path);
    format == Format::Jsonl || (format == Format::Json && first_line_is_object(head))
}

/// Reads whole lines of a JSONL file, after its first `before` lines, each
/// at most `max` bytes; `bytes` starts at byte `offset` of the file, and
/// each article keeps where its line lies ([`Article::at`]).
pub(super) fn jsonl_lines(
    file: &Arc<SourceFile>,
    bytes: &[u8],
    before: usize,
    offset: u64,
    max: u64,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let name = file.path.display().to_string();
    let report = Reporter { path: &file.path };
    let place = Place {
        file,
        offset,
        pos: 0,
    };
    // Reading from memory does not fail.
    jsonl(&report, &name, bytes, before, max, Some(place), each)
        .unwrap_or(ControlFlow::Continue(()))
}

/// Where the lines being read lie in their file.
struct Place<'a> {
    file: &'a Arc<SourceFile>,
    /// Byte offset in the file of the first line read.
    offset: u64,
    /// Bytes read so far.
    pos: u64,
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

/// Reads JSONL line by line, each line at most `max` bytes (its newline not
/// counted): a longer one is skipped, read past without being kept. With a
/// `place`, each article is told where its line lies.
fn jsonl(
    report: &Reporter<'_>,
    name: &str,
    mut lines: impl BufRead,
    before: usize,
    max: u64,
    mut place: Option<Place<'_>>,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> io::Result<ControlFlow<()>> {
    let mut buf = Vec::new();
    let mut number = before;
    loop {
        buf.clear();
        // One byte more than the limit, and the newline, tell a line that is
        // too long from one that fits.
        let most = max.saturating_add(2);
        let read = (&mut lines).take(most).read_until(b'\n', &mut buf)?;
        if read == 0 {
            return Ok(ControlFlow::Continue(()));
        }
        number += 1;
        let start = place.as_mut().map(|p| {
            let start = p.offset + p.pos;
            p.pos += read as u64;
            start
        });
        if line_len(&buf) > max {
            if !buf.ends_with(b"\n") {
                let skipped = skip_line(&mut lines)?;
                if let Some(p) = place.as_mut() {
                    p.pos += skipped;
                }
            }
            if each(report.problem(Some(number), line_too_long(max), true)).is_break() {
                return Ok(ControlFlow::Break(()));
            }
            continue;
        }
        let at = match (&place, start) {
            (Some(p), Some(offset)) => match (u32::try_from(buf.len()), u32::try_from(number)) {
                (Ok(len), Ok(n)) => Some(LineAt {
                    file: Arc::clone(p.file),
                    offset,
                    len,
                    number: n,
                }),
                _ => None,
            },
            _ => None,
        };
        if line_items(report, name, number, &buf, at, each).is_break() {
            return Ok(ControlFlow::Break(()));
        }
    }
}

/// The article, problems and warnings of line `number` of a JSONL input.
fn line_items(
    report: &Reporter<'_>,
    name: &str,
    number: usize,
    buf: &[u8],
    at: Option<LineAt>,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let line = if number == 1 {
        buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf)
    } else {
        buf
    };
    if line.iter().all(u8::is_ascii_whitespace) {
        return ControlFlow::Continue(());
    }
    let decoded = detect::decode(line);
    if let Some(w) = decoded.warning {
        each(report.problem(Some(number), w, false))?;
    }
    let origin = json::Origin {
        name,
        position: Some(number),
    };
    let item = match json::article_from_str(&decoded.text, &origin) {
        Ok(made) => match made {
            Ok(mut article) => {
                article.at = at;
                Item::Article(article)
            }
            Err(refusal) => report.problem(Some(number), format!("skipped: {refusal}"), true),
        },
        Err(e) => report.problem(
            Some(number),
            format!("skipped: invalid JSON: {}", json_message(&e)),
            true,
        ),
    };
    each(item)
}

/// Why an article's line could not be read back from its file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: line {line} cannot be read again: {why}")]
pub struct ReadBackError {
    /// The file.
    pub path: PathBuf,
    /// The line's number.
    pub line: u32,
    /// What went wrong.
    pub why: String,
}

/// The article of the JSONL line at `at`, read again from its file and
/// parsed with the code that first loaded it. Refused, never guessed, when
/// the file is not as it was when loaded (another length or modification
/// time, or the line no longer holds an article).
pub fn read_back(at: &LineAt) -> Result<Article, ReadBackError> {
    let fail = |why: String| ReadBackError {
        path: at.file.path.clone(),
        line: at.number,
        why,
    };
    // A handle kept open, not a fresh open per read; it is the file the
    // path names now, so a file replaced since loading is still seen.
    let mut file = super::open_files::open(&at.file.path).map_err(|e| fail(io_message(&e)))?;
    let modified = file.meta.modified().ok();
    if file.meta.len() != at.file.len || modified != at.file.modified {
        return Err(fail("the file has changed since it was loaded".into()));
    }
    let mut buf = vec![0; at.len as usize];
    file.read_exact_at(&mut buf, at.offset)
        .map_err(|e| fail(io_message(&e)))?;
    let name = at.file.path.display().to_string();
    let report = Reporter {
        path: &at.file.path,
    };
    let mut found = None;
    let mut refused = None;
    let _ = line_items(
        &report,
        &name,
        at.number as usize,
        &buf,
        Some(at.clone()),
        &mut |item| {
            match item {
                Item::Article(a) => found = Some(a),
                Item::Problem(p) if p.level == Level::Error => refused = Some(p.message),
                Item::Problem(_) => {}
            }
            ControlFlow::Continue(())
        },
    );
    found.ok_or_else(|| fail(refused.unwrap_or_else(|| "the line holds no article".into())))
}

/// The bytes of a line without its line break.
fn line_len(line: &[u8]) -> u64 {
    line.strip_suffix(b"\n").unwrap_or(line).len() as u64
}

/// Reads past the rest of a line without keeping it; returns the bytes read.
fn skip_line(lines: &mut impl BufRead) -> io::Result<u64> {
    let mut skipped = 0;
    loop {
        let buf = lines.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        if let Some(i) = memchr::memchr(b'\n', buf) {
            lines.consume(i + 1);
            return Ok(skipped + i as u64 + 1);
        }
        let n = buf.len();
        lines.consume(n);
        skipped += n as u64;
    }
}

/// Why a JSONL line longer than `max` bytes was skipped.
pub(super) fn line_too_long(max: u64) -> String {
    format!(
        "skipped: a line longer than the limit of {}; raise it with --max-size",
        human_size(max)
    )
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
    let error = match json::document(&text) {
        Ok(document @ json::Document::Array(_)) => {
            let lines: Vec<usize> = json::array_items(&text)
                .unwrap_or_default()
                .iter()
                .map(|r| line_at(&text, r.start))
                .collect();
            let items = json::articles(document, name)
                .into_iter()
                .enumerate()
                .map(|(i, (_, made))| (i, lines.get(i).copied(), Ok(made)));
            return array(report, items, each);
        }
        Ok(document) => {
            if document.is_json_feed() {
                // What feed-rs refuses, the general path still reads.
                if let Ok(flow) = feed::json_items(&text, name, each) {
                    return flow;
                }
            }
            let found = json::articles(document, name);
            if found.is_empty() {
                return each(report.problem(None, "no articles in this JSON", true));
            }
            for (_, result) in found {
                let item = match result {
                    Ok(article) => Item::Article(article),
                    Err(refusal) => report.problem(None, format!("skipped: {refusal}"), true),
                };
                each(item)?;
            }
            return ControlFlow::Continue(());
        }
        Err(e) => e,
    };
    let json_ext = report
        .path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("json"));
    if looks_like_json_lines(&text) {
        // JSONL whose first line is broken: read it line by line.
        let result = jsonl(
            report,
            name,
            Cursor::new(text.as_bytes()),
            0,
            u64::MAX,
            None,
            each,
        );
        return result.unwrap_or(ControlFlow::Continue(()));
    }
    if let Some(ranges) = json::broken_feed_items(&text).filter(|r| !r.is_empty()) {
        return broken_feed(report, name, &text, &ranges, each);
    }
    if let Some(ranges) = json::array_items(&text) {
        // A broken array: the items that parse still load.
        let items: Vec<_> = ranges
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let origin = json::Origin {
                    name,
                    position: Some(i),
                };
                let made = json::article_from_str(&text[r.clone()], &origin);
                (i, Some(line_at(&text, r.start)), made)
            })
            .collect();
        let object = |(r, (_, _, made)): (&Range<usize>, &(_, _, serde_json::Result<_>))| {
            text[r.clone()].starts_with('{') && made.is_ok()
        };
        if json_ext || ranges.iter().zip(&items).any(object) {
            return array(report, items.into_iter(), each);
        }
    }
    if !json_ext && !error.is_data() {
        // Text that merely opens with a bracket, such as `[Updated] Headline`.
        return text_article(report, name.to_string(), text, each);
    }
    let message = if error.is_data() {
        // JSON, but an object hearsay cannot take (one that repeats a field).
        format!("skipped: {}", json_message(&error))
    } else {
        format!("skipped: invalid JSON: {}", json_message(&error))
    };
    each(report.problem(Some(error.line()), message, true))
}

/// The items of a JSON Feed that did not parse whole, read one by one.
fn broken_feed(
    report: &Reporter<'_>,
    name: &str,
    text: &str,
    ranges: &[Range<usize>],
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut read = 0;
    for (index, range) in ranges.iter().enumerate() {
        let line = line_at(text, range.start);
        let item = match json::feed_item_from_str(&text[range.clone()], name, index) {
            Ok(made) => match made {
                Ok(article) => {
                    read += 1;
                    Item::Article(article)
                }
                Err(refusal) => {
                    report.problem(Some(line), format!("skipped item {index}: {refusal}"), true)
                }
            },
            // The file is cut short inside its last item, as an interrupted
            // download leaves it: the items before it are the feed.
            Err(e) if e.is_eof() && index + 1 == ranges.len() && read > 0 => {
                let at = line + e.line().saturating_sub(1);
                let message = format!(
                    "the feed is cut short inside its last item (column {}): the {} before it are read",
                    e.column(),
                    crate::text::plural(read, "item")
                );
                report.at_level(Some(at), message, Level::Warning)
            }
            Err(e) => {
                let message = format!("skipped item {index}: invalid JSON: {}", json_message(&e));
                report.problem(Some(line + e.line().saturating_sub(1)), message, true)
            }
        };
        each(item)?;
    }
    ControlFlow::Continue(())
}

/// The items of a JSON array, each with its index, the line it starts on,
/// and its article, or why it is none, or why it did not parse.
fn array(
    report: &Reporter<'_>,
    items: impl Iterator<Item = (usize, Option<usize>, serde_json::Result<json::Made>)>,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut met = 0;
    for (index, line, made) in items {
        let item = match made {
            Ok(made) => match made {
                Ok(article) => Item::Article(article),
                Err(refusal) => {
                    report.problem(line, format!("skipped item {index}: {refusal}"), true)
                }
            },
            Err(e) => {
                let at = line.map(|l| l + e.line().saturating_sub(1));
                report.problem(
                    at,
                    format!("skipped item {index}: invalid JSON: {}", json_message(&e)),
                    true,
                )
            }
        };
        each(item)?;
        met += 1;
    }
    if met == 0 {
        return each(report.problem(None, "no articles: the JSON array is empty", true));
    }
    ControlFlow::Continue(())
}

/// The 1-based line of byte `offset` in `text`.
fn line_at(text: &str, offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..offset.min(text.len())]).count()
}

/// Two lines that each hold a whole object, `{` at the start of the line and
/// `}` at its end; pretty-printed JSON indents its inner objects.
fn looks_like_json_lines(text: &str) -> bool {
    let whole_object = |l: &&str| l.starts_with('{') && l.trim_end().ends_with('}');
    text.lines().filter(whole_object).take(2).count() == 2
}
