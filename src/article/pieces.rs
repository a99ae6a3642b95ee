//! Loading split into pieces that can be read on different threads: the
//! inputs are walked and JSONL files cut into runs of whole lines on one
//! thread, and each piece is parsed on any other. Read in order, the pieces
//! give the same articles and problems as [`super::load_paths_each`].

use std::fs::File;
use std::io::{self, Read};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Arc;

use super::detect;
use super::load::{self, Item};
use super::walk::{self, Input};
use super::{LoadOptions, Problem, load_paths_each_with};

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
        path: Arc<PathBuf>,
        /// The lines, each ending in a newline but perhaps the last.
        bytes: Vec<u8>,
        /// The number of lines of the file before these.
        before: usize,
    },
    /// A whole file of any other format.
    File(PathBuf),
    /// Something already read, such as articles from standard input or a
    /// problem met while walking.
    Item(Box<Item>),
}

/// Cuts the inputs under `paths` into pieces, in input order, handing each to
/// `each` as soon as it is cut. `each` returning `Break` stops.
pub fn cut(
    paths: &[PathBuf],
    options: LoadOptions,
    each: &mut dyn FnMut(Piece) -> ControlFlow<()>,
) {
    for path in paths {
        let mut flow = ControlFlow::Continue(());
        walk::inputs(path, &mut |input| {
            flow = match input {
                Ok(Input::File(file)) => cut_file(file, options, each),
                Ok(input @ (Input::Stdin | Input::Url(_))) => {
                    // Standard input and URLs are read once, in order, on this thread.
                    let name = match input {
                        Input::Url(url) => PathBuf::from(url),
                        _ => PathBuf::from("-"),
                    };
                    let mut flow = ControlFlow::Continue(());
                    load_paths_each_with(&[name], &options, |item| {
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
}

/// Parses one piece, handing over its articles and problems in order.
pub fn parse(
    piece: Piece,
    options: LoadOptions,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    match piece {
        Piece::Lines {
            path,
            bytes,
            before,
        } => load::jsonl_lines(&path, &bytes, before, each),
        Piece::File(path) => {
            let mut flow = ControlFlow::Continue(());
            load_paths_each_with(&[path], &options, |item| {
                flow = each(item);
                flow
            });
            flow
        }
        Piece::Item(item) => each(*item),
    }
}

/// A JSONL file becomes runs of lines; any other file one piece.
fn cut_file(
    path: PathBuf,
    options: LoadOptions,
    each: &mut dyn FnMut(Piece) -> ControlFlow<()>,
) -> ControlFlow<()> {
    // Too big (or no regular file): the whole-file loader says so.
    let fits = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() <= options.max_size);
    if !fits {
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
    let path = Arc::new(path);
    match cut_lines(&path, file, head, each) {
        Ok(flow) => flow,
        Err(e) => each(Piece::Item(Box::new(Item::Problem(Problem {
            path: path.to_path_buf(),
            line: None,
            message: e.to_string(),
            fatal: true,
        })))),
    }
}

fn cut_lines(
    path: &Arc<PathBuf>,
    mut file: File,
    mut buf: Vec<u8>,
    each: &mut dyn FnMut(Piece) -> ControlFlow<()>,
) -> io::Result<ControlFlow<()>> {
    let mut before = 0;
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
            path: Arc::clone(path),
            bytes: std::mem::replace(&mut buf, rest),
            before,
        };
        before += lines;
        if each(piece).is_break() {
            return Ok(ControlFlow::Break(()));
        }
        if ended && buf.is_empty() {
            return Ok(ControlFlow::Continue(()));
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
        assert_eq!(a, b);
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
        assert_eq!(through_pieces(&paths), whole(&paths));
        assert_eq!(through_pieces(&paths).len(), 3);
    }

    #[test]
    fn the_size_limit_holds_for_jsonl_cut_into_runs_too() {
        let dir = tempfile::tempdir().expect("temp dir");
        let jsonl = dir.path().join("feed.jsonl");
        let line = "{\"id\":\"a\",\"body\":\"“Yes,” Ana Ruiz said.\"}\n";
        std::fs::write(&jsonl, line.repeat(200)).expect("write");
        let small = LoadOptions { max_size: 1024 };
        let items = through_pieces_with(std::slice::from_ref(&jsonl), small);
        let [Item::Problem(p)] = items.as_slice() else {
            panic!("{items:?}")
        };
        assert!(p.fatal && p.path == jsonl, "{p:?}");
        assert!(
            p.message.contains("1 KiB") || p.message.contains("1024"),
            "{p}"
        );
        let roomy = through_pieces_with(&[jsonl], LoadOptions::default());
        assert_eq!(roomy.len(), 200);
    }
}
