//! Loading split into pieces that can be read on different threads: the
//! inputs are walked and JSONL files cut into runs of whole lines on one
//! thread, and each piece is parsed on any other. Read in order, the pieces
//! give the same articles and problems as [`super::load_paths_each`].

use std::fs::File;
use std::io::{self, Read};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Arc;

use super::Item;
use super::detect;
use super::load;
use super::walk::{self, Input};
use super::{LoadOptions, Problem, SourceFile, load_paths_each_with};

/// Bytes of the first run of lines cut from a JSONL file: small, so the first
/// articles are parsed while the rest is still being read.
const FIRST_RUN: usize = 64 * 1024;
/// Bytes of the later runs.
const RUN: usize = 1024 * 1024;

/// A part of the input that can be parsed on its own.
#[derive(Debug)]
pub enum Piece {
    /// Whole lines of a JSONL file.
    Lines {
        /// The file.
        file: Arc<SourceFile>,
        /// The lines, each ending in a newline but perhaps the last.
        bytes: Vec<u8>,
        /// The number of lines of the file before these.
        before: usize,
        /// The byte offset of these lines in the file.
        offset: u64,
    },
    /// A whole file of any other format.
    File(PathBuf),
    /// Something already read, such as articles from standard input or a
    /// problem met while walking.
    Item(Box<Item>),
    /// A URL input has been fetched and read: its articles and problems
    /// came before this.
    UrlDone,
}

/// Cuts the inputs under `paths` into pieces, in input order, handing each to
/// `each` as soon as it is cut. `each` returning `Break` stops.
pub fn cut(
    paths: &[PathBuf],
    options: LoadOptions,
    each: &mut dyn FnMut(Piece) -> ControlFlow<()>,
) {
    load::with_urls(paths, &options, |urls| {
        for path in paths {
            let mut flow = ControlFlow::Continue(());
            walk::inputs(path, &mut |input| {
                flow = match input {
                    Ok(Input::File(file)) => cut_file(file, options, each),
                    // URLs (fetched a few at a time ahead) and standard input
                    // are read in order on this thread.
                    Ok(Input::Url(url)) => {
                        match urls.load(&url, &mut |item| each(Piece::Item(Box::new(item)))) {
                            ControlFlow::Continue(()) => each(Piece::UrlDone),
                            stop => stop,
                        }
                    }
                    Ok(Input::Stdin) => {
                        let mut flow = ControlFlow::Continue(());
                        load_paths_each_with(&[PathBuf::from("-")], &options, |item| {
                            flow = each(Piece::Item(Box::new(item)));
                            flow
                        });
                        flow
                    }
                    Err(problem) => each(Piece::Item(Box::new(Item::Problem(problem)))),
                };
                flow.is_continue()
            });
            if flow.is_break() {
                return;
            }
        }
    });
}

/// Parses one piece, handing over its articles and problems in order.
pub fn parse(
    piece: Piece,
    options: LoadOptions,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    match piece {
        Piece::Lines {
            file,
            bytes,
            before,
            offset,
        } => load::jsonl_lines(&file, &bytes, before, offset, options.max_size, each),
        Piece::File(path) => {
            let mut flow = ControlFlow::Continue(());
            load_paths_each_with(&[path], &options, |item| {
                flow = each(item);
                flow
            });
            flow
        }
        Piece::Item(item) => each(*item),
        Piece::UrlDone => ControlFlow::Continue(()),
    }
}

/// A JSONL file becomes runs of lines, however big (the size limit holds
/// for each line); any other file one piece.
fn cut_file(
    path: PathBuf,
    options: LoadOptions,
    each: &mut dyn FnMut(Piece) -> ControlFlow<()>,
) -> ControlFlow<()> {
    // No regular file: the whole-file loader says what it is.
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        return each(Piece::File(path));
    }
    let mut file = match File::open(&path) {
        Ok(f) => f,
        // Reported as a whole-file load reports it.
        Err(_) => return each(Piece::File(path)),
    };
    let mut head = Vec::with_capacity(FIRST_RUN);
    if (&mut file)
        .take(FIRST_RUN as u64)
        .read_to_end(&mut head)
        .is_err()
        || !load::is_jsonl(&path, &head[..head.len().min(detect::SNIFF_LEN)])
    {
        return each(Piece::File(path));
    }
    let meta = file.metadata().ok();
    let source = Arc::new(SourceFile {
        len: meta.as_ref().map_or(0, |m| m.len()),
        modified: meta.and_then(|m| m.modified().ok()),
        path,
    });
    match cut_lines(&source, file, head, options.max_size, each) {
        Ok(flow) => flow,
        Err(e) => each(Piece::Item(Box::new(Item::Problem(Problem {
            path: source.path.clone(),
            line: None,
            message: e.to_string(),
            level: super::Level::Error,
        })))),
    }
}

/// Cuts `file`, whose first bytes are in `buf`, into runs of whole lines.
/// A line longer than `max` bytes is not kept whole, whatever its length:
/// it is reported, and read past.
fn cut_lines(
    source: &Arc<SourceFile>,
    mut file: File,
    mut buf: Vec<u8>,
    max: u64,
    each: &mut dyn FnMut(Piece) -> ControlFlow<()>,
) -> io::Result<ControlFlow<()>> {
    let path = &source.path;
    let mut before = 0;
    // The file's offset of `buf`'s first byte.
    let mut offset = 0u64;
    let mut ended = false;
    loop {
        if !ended {
            let want = if before == 0 { FIRST_RUN } else { RUN };
            let asked = want.saturating_sub(buf.len());
            let got = (&mut file).take(asked as u64).read_to_end(&mut buf)?;
            ended = got < asked;
        }
        let cut = if ended {
            buf.len()
        } else {
            match memchr::memrchr(b'\n', &buf) {
                Some(i) => i + 1,
                None if buf.len() as u64 > max => {
                    before += 1;
                    let problem = Problem {
                        path: path.to_path_buf(),
                        line: Some(before),
                        message: load::line_too_long(max),
                        level: super::Level::Error,
                    };
                    if each(Piece::Item(Box::new(Item::Problem(problem)))).is_break() {
                        return Ok(ControlFlow::Break(()));
                    }
                    let skipped;
                    (buf, ended, skipped) = after_line(&mut file)?;
                    offset = skipped;
                    continue;
                }
                // One line longer than a run: read on until it ends.
                None => {
                    let got = (&mut file).take(RUN as u64).read_to_end(&mut buf)?;
                    ended = got < RUN;
                    continue;
                }
            }
        };
        if cut == 0 {
            return Ok(ControlFlow::Continue(()));
        }
        let rest = buf.split_off(cut);
        let lines = memchr::memchr_iter(b'\n', &buf).count();
        let piece = Piece::Lines {
            file: Arc::clone(source),
            bytes: std::mem::replace(&mut buf, rest),
            before,
            offset,
        };
        offset += cut as u64;
        before += lines;
        if each(piece).is_break() {
            return Ok(ControlFlow::Break(()));
        }
        if ended && buf.is_empty() {
            return Ok(ControlFlow::Continue(()));
        }
    }
}

/// Reads past the rest of the current line; returns what was read after it,
/// whether the file ended, and the file's offset of what was read after it.
fn after_line(file: &mut File) -> io::Result<(Vec<u8>, bool, u64)> {
    use std::io::Seek;
    let mut chunk = vec![0; 64 * 1024];
    loop {
        let n = match file.read(&mut chunk) {
            Ok(0) => return Ok((Vec::new(), true, 0)),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if let Some(i) = memchr::memchr(b'\n', &chunk[..n]) {
            let at = file.stream_position()? - (n - i - 1) as u64;
            return Ok((chunk[i + 1..n].to_vec(), false, at));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn through_pieces(paths: &[PathBuf]) -> Vec<Item> {
        through_pieces_with(paths, LoadOptions::default())
    }

    fn through_pieces_with(paths: &[PathBuf], options: LoadOptions) -> Vec<Item> {
        let mut items = Vec::new();
        cut(paths, options, &mut |piece| {
            parse(piece, options, &mut |item| {
                items.push(item);
                ControlFlow::Continue(())
            })
        });
        items
    }

    /// The items with the places of their lines left out, as a whole-file
    /// load (which keeps the texts) gives them.
    fn placeless(items: &[Item]) -> Vec<Item> {
        let mut items = items.to_vec();
        for item in &mut items {
            if let Item::Article(a) = item {
                a.at = None;
            }
        }
        items
    }

    /// Checks that every article cut from a JSONL file knows its line, and
    /// that the line read back gives the very article loaded; returns how
    /// many were read back.
    fn read_back_each(items: &[Item]) -> usize {
        let mut n = 0;
        for item in items {
            if let Item::Article(a) = item {
                let at = a.at.as_ref().expect("a JSONL article knows its line");
                assert_eq!(super::super::read_back(at).as_ref(), Ok(a), "{}", a.id);
                n += 1;
            }
        }
        n
    }

    fn whole(paths: &[PathBuf]) -> Vec<Item> {
        let mut items = Vec::new();
        load_paths_each_with(paths, &LoadOptions::default(), |item| {
            items.push(item);
            ControlFlow::Continue(())
        });
        items
    }

    #[test]
    fn pieces_give_what_a_whole_load_gives() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut jsonl = String::from("\u{feff}");
        for i in 0..3000 {
            let body = "x".repeat(i % 700);
            if i % 997 == 5 {
                jsonl.push_str("{broken\n\n");
            }
            jsonl.push_str(&format!(
                "{{\"id\":\"a{i}\",\"title\":\"T {i}\",\"body\":\"“Yes {body},” Ana Ruiz said.\"}}\n"
            ));
        }
        jsonl.push_str("{\"id\":\"last\",\"body\":\"no newline at the end\"}");
        let big = dir.path().join("big.jsonl");
        File::create(&big)
            .and_then(|mut f| f.write_all(jsonl.as_bytes()))
            .expect("write");
        let text = dir.path().join("story.txt");
        std::fs::write(&text, "Headline\n\nBody text here.\n").expect("write");
        let paths = vec![big, text, dir.path().join("missing.txt")];
        let (a, b) = (through_pieces(&paths), whole(&paths));
        assert!(a.len() > 3000);
        assert_eq!(placeless(&a), b);
        // The text file's article has no line to read back from.
        let jsonl: Vec<Item> = a
            .iter()
            .filter(|i| matches!(i, Item::Article(a) if a.at.is_some()))
            .cloned()
            .collect();
        assert_eq!(read_back_each(&jsonl), 3001);
    }

    #[test]
    fn a_line_longer_than_a_run_stays_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let long = "y".repeat(RUN + 10);
        let jsonl = format!(
            "{{\"id\":\"a\",\"body\":\"short\"}}\n{{\"id\":\"b\",\"body\":\"{long}\"}}\n{{\"id\":\"c\",\"body\":\"end\"}}\n"
        );
        let path = dir.path().join("long.jsonl");
        std::fs::write(&path, jsonl).expect("write");
        let paths = vec![path];
        let items = through_pieces(&paths);
        assert_eq!(placeless(&items), whole(&paths));
        assert_eq!(items.len(), 3);
        assert_eq!(read_back_each(&items), 3);
    }

    /// Problems as (line, message) and the ids of the articles, in order.
    fn outline(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|item| match item {
                Item::Article(a) => a.id.clone(),
                Item::Problem(p) => format!("{:?}: {}", p.line, p.message),
            })
            .collect()
    }

    #[test]
    fn the_size_limit_bounds_each_jsonl_line_not_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let line = |i: usize| format!("{{\"id\":\"a{i}\",\"body\":\"“Yes,” Ana Ruiz said.\"}}\n");
        let mut jsonl: String = (0..200).map(line).collect();
        // Over the limit but inside one run; then longer than a run, so the
        // cutter meets it without a line end; then the last line, unended.
        jsonl.push_str(&format!(
            "{{\"id\":\"long\",\"body\":\"{}\"}}\n",
            "y".repeat(5000)
        ));
        jsonl.push_str(&line(200));
        jsonl.push_str(&format!(
            "{{\"id\":\"huge\",\"body\":\"{}\"}}\n",
            "z".repeat(RUN + 10)
        ));
        jsonl.push_str(&line(201));
        jsonl.push_str(&format!(
            "{{\"id\":\"end\",\"body\":\"{}\"}}",
            "w".repeat(RUN + 10)
        ));
        let path = dir.path().join("feed.jsonl");
        std::fs::write(&path, &jsonl).expect("write");
        assert!(jsonl.len() > 2 * RUN);

        let small = LoadOptions { max_size: 1024 };
        let paths = [path];
        let items = through_pieces_with(&paths, small);
        let mut whole_items = Vec::new();
        load_paths_each_with(&paths, &small, |item| {
            whole_items.push(item);
            ControlFlow::Continue(())
        });
        assert_eq!(outline(&items), outline(&whole_items));
        assert_eq!(placeless(&items), whole_items);
        // Lines after those skipped, inside a run and past one, are found.
        assert_eq!(read_back_each(&items), 202);

        let seen = outline(&items);
        let too_long = "skipped: a line longer than the limit of 1 KiB; raise it with --max-size";
        assert_eq!(seen.len(), 205, "{seen:?}");
        assert_eq!(seen[200], format!("Some(201): {too_long}"));
        assert_eq!(seen[201], "a200");
        assert_eq!(seen[202], format!("Some(203): {too_long}"));
        assert_eq!(seen[203], "a201");
        assert_eq!(seen[204], format!("Some(205): {too_long}"));
        // The default limit keeps every line.
        let roomy = through_pieces_with(&paths, LoadOptions::default());
        assert!(roomy.iter().all(|i| matches!(i, Item::Article(_))));
        assert_eq!(roomy.len(), 205);
        assert_eq!(read_back_each(&roomy), 205);
    }

    /// The first article of `path`, cut as the reader cuts it.
    fn first_article(path: &std::path::Path) -> super::super::Article {
        let items = through_pieces(&[path.to_path_buf()]);
        match items.into_iter().next() {
            Some(Item::Article(a)) => a,
            other => panic!("no article: {other:?}"),
        }
    }

    /// Reading `at` back is refused, naming news.jsonl's line 1 as changed
    /// since it was loaded; `why` says what was done to the file.
    fn refused_as_changed(at: &super::super::LineAt, why: &str) {
        let told = super::super::read_back(at).expect_err(why).to_string();
        assert!(
            told.contains("news.jsonl") && told.contains("line 1"),
            "{told}"
        );
        assert!(told.contains("changed since it was loaded"), "{told}");
    }

    #[test]
    fn a_file_changed_or_truncated_since_loading_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.jsonl");
        let lines =
            "{\"id\":\"a\",\"body\":\"“Yes,” Ana Ruiz said.\"}\n{\"id\":\"b\",\"body\":\"Two\"}\n";
        std::fs::write(&path, lines).expect("write");
        let a = first_article(&path);
        let at = a.at.clone().expect("a line");
        assert_eq!(super::super::read_back(&at).as_ref(), Ok(&a));

        // Truncated: shorter than when it was loaded.
        std::fs::write(&path, &lines[..10]).expect("write");
        refused_as_changed(&at, "truncated");

        // Gone.
        std::fs::remove_file(&path).expect("remove");
        let told = super::super::read_back(&at).expect_err("gone").to_string();
        assert!(told.contains("news.jsonl"), "{told}");
    }

    /// The articles of `path`, cut as the reader cuts it.
    fn articles(path: &std::path::Path) -> Vec<super::super::Article> {
        through_pieces(&[path.to_path_buf()])
            .into_iter()
            .filter_map(|item| match item {
                Item::Article(a) => Some(a),
                Item::Problem(_) => None,
            })
            .collect()
    }

    #[test]
    fn many_articles_of_one_file_read_back_their_own_texts_in_any_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("harbour.jsonl");
        let jsonl: String = (0..2000)
            .map(|i| {
                let body = "word ".repeat(i % 50);
                format!("{{\"id\":\"n{i}\",\"body\":\"“Note {i},” {body}Ana Ruiz said.\"}}\n")
            })
            .collect();
        std::fs::write(&path, jsonl).expect("write");
        let loaded = articles(&path);
        assert_eq!(loaded.len(), 2000);
        // Back and forth across the file, each line read many times.
        for round in 0..3 {
            for k in 0..loaded.len() {
                let a = &loaded[(k * 7 + round * 13) % loaded.len()];
                let again = super::super::read_back(a.at.as_ref().expect("a line")).expect("read");
                assert_eq!(again.text, a.text, "{}", a.id);
                assert_eq!(&again, a);
            }
        }
    }

    #[test]
    fn a_file_changed_in_place_after_a_read_back_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.jsonl");
        let lines = "{\"id\":\"a\",\"body\":\"One\"}\n{\"id\":\"b\",\"body\":\"Two\"}\n";
        std::fs::write(&path, lines).expect("write");
        let a = first_article(&path);
        let at = a.at.clone().expect("a line");
        // Read once, so a handle to the file is kept open.
        assert_eq!(super::super::read_back(&at).as_ref(), Ok(&a));
        // The same length, written into the same file a moment later.
        let mut file = File::options().write(true).open(&path).expect("open");
        io::Seek::seek(&mut file, io::SeekFrom::Start(9)).expect("seek");
        io::Write::write_all(&mut file, b"X").expect("write");
        let later = at.file.modified.expect("a time") + std::time::Duration::from_secs(5);
        file.set_modified(later).expect("set time");
        drop(file);
        refused_as_changed(&at, "changed");
    }

    #[test]
    fn a_file_replaced_by_a_rename_is_noticed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.jsonl");
        let old = "{\"id\":\"a\",\"body\":\"One\"}\n{\"id\":\"b\",\"body\":\"Two\"}\n";
        std::fs::write(&path, old).expect("write");
        let a = first_article(&path);
        let at = a.at.clone().expect("a line");
        assert_eq!(super::super::read_back(&at).as_ref(), Ok(&a));
        let replace = |text: &str, modified: std::time::SystemTime| {
            let other = dir.path().join("other.jsonl");
            std::fs::write(&other, text).expect("write");
            let file = File::options().write(true).open(&other).expect("open");
            file.set_modified(modified).expect("set time");
            drop(file);
            std::fs::rename(&other, &path).expect("rename");
        };
        let loaded_at = at.file.modified.expect("a time");

        // Another length: refused, by name, though the old file is still open.
        replace(&format!("{old}{old}"), loaded_at);
        refused_as_changed(&at, "replaced");

        // The same length and time: what the path holds now is read, as a
        // fresh open would read it, not the old file's line.
        replace(&old.replace("One", "Uno"), loaded_at);
        let now = super::super::read_back(&at).expect("same length and time");
        assert!(now.text.contains("Uno"), "{}", now.text);
    }

    #[test]
    fn a_line_that_no_longer_holds_an_article_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.jsonl");
        std::fs::write(&path, "{\"id\":\"a\",\"body\":\"One\"}\n{\"id\":\"b\"}\n").expect("write");
        let mut at = first_article(&path).at.expect("a line");
        // Same file, but the place points into the middle of the line
        // (as a file rewritten to the same length and time would).
        at.offset += 3;
        at.len -= 3;
        let told = super::super::read_back(&at)
            .expect_err("no article")
            .to_string();
        assert!(
            told.contains("news.jsonl") && told.contains("invalid JSON"),
            "{told}"
        );
    }

    #[test]
    fn a_line_at_the_limit_loads() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fit = |len: usize| {
            let head = "{\"id\":\"a\",\"body\":\"";
            let body = "v".repeat(len - head.len() - 2);
            format!("{head}{body}\"}}")
        };
        let path = dir.path().join("edge.jsonl");
        std::fs::write(&path, format!("{}\n{}\n", fit(1024), fit(1025))).expect("write");
        let small = LoadOptions { max_size: 1024 };
        let items = through_pieces_with(std::slice::from_ref(&path), small);
        assert_eq!(outline(&items).len(), 2);
        assert!(
            matches!(&items[0], Item::Article(a) if a.id == "a"),
            "{items:?}"
        );
        assert!(
            matches!(&items[1], Item::Problem(p) if p.line == Some(2)),
            "{items:?}"
        );
    }
}
