//! Writes a test corpus of N articles as JSONL by cycling through the real
//! news in `../shared` (BBC, Reuters, Wikinews and the annotated PolNeAR
//! articles), each with a unique id.
//!
//! `cargo run --release --example make-corpus -- OUT.jsonl N [SHARED_DIR]`

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

/// One source article, as the fields the corpus line needs.
struct Source {
    id: String,
    title: String,
    body: String,
    source: &'static str,
    date: Option<String>,
    url: Option<String>,
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(n)) = (args.first(), args.get(1)) else {
        bail!("usage: make-corpus OUT.jsonl N [SHARED_DIR]");
    };
    let n: usize = n
        .parse()
        .with_context(|| format!("N must be a whole number, not {n:?}"))?;
    let shared = args
        .get(2)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));

    let mut lists = vec![Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    read_bbc(&shared.join("corpus/bbc"), &mut lists[0])?;
    read_jsonl(
        &shared.join("corpus/reuters21578.jsonl"),
        "Reuters",
        &mut lists[1],
    )?;
    read_jsonl(
        &shared.join("corpus/wikinews.jsonl"),
        "Wikinews",
        &mut lists[2],
    )?;
    read_jsonl(
        &shared.join("gold/polnear_train.jsonl"),
        "PolNeAR",
        &mut lists[3],
    )?;
    let sources = interleave(lists);
    if sources.is_empty() {
        bail!("no articles found under {}", shared.display());
    }

    let mut w =
        BufWriter::new(fs::File::create(out).with_context(|| format!("cannot create {out}"))?);
    let mut bytes = 0usize;
    for i in 0..n {
        let s = &sources[i % sources.len()];
        let line = json!({
            "id": format!("{i:06}-{}", s.id),
            "title": s.title,
            "body": s.body,
            "source": s.source,
            "date": s.date,
            "url": s.url,
        })
        .to_string();
        bytes += line.len() + 1;
        writeln!(w, "{line}")?;
    }
    w.flush()?;
    eprintln!(
        "wrote {n} articles ({:.1} MB) to {out} from {} sources",
        bytes as f64 / 1e6,
        sources.len()
    );
    Ok(())
}

/// Round-robin over the sources, so that any prefix of the output mixes them.
fn interleave(lists: Vec<Vec<Source>>) -> Vec<Source> {
    let total = lists.iter().map(Vec::len).sum();
    let mut iters: Vec<_> = lists.into_iter().map(Vec::into_iter).collect();
    let mut out = Vec::with_capacity(total);
    while out.len() < total {
        for it in &mut iters {
            if let Some(s) = it.next() {
                out.push(s);
            }
        }
    }
    out
}

fn read_bbc(dir: &Path, out: &mut Vec<Source>) -> Result<()> {
    if !dir.is_dir() {
        eprintln!("skipping {}: not found", dir.display());
        return Ok(());
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| is_article_file(e.path()))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    for path in files {
        let bytes = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let (title, body) = text.trim_start().split_once('\n').unwrap_or((&text, ""));
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        out.push(Source {
            id: format!("bbc/{}", rel.display()),
            title: title.trim().to_string(),
            body: body.trim().to_string(),
            source: "BBC",
            date: None,
            url: None,
        });
    }
    Ok(())
}

fn read_jsonl(path: &Path, name: &'static str, out: &mut Vec<Source>) -> Result<()> {
    let Ok(text) = fs::read_to_string(path) else {
        eprintln!("skipping {}: not found", path.display());
        return Ok(());
    };
    for (no, line) in text.lines().enumerate() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            eprintln!("{}:{}: not JSON, skipped", path.display(), no + 1);
            continue;
        };
        let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let body = field("body").or_else(|| field("text")).unwrap_or_default();
        let title = field("title")
            .unwrap_or_else(|| body.lines().next().unwrap_or_default().trim().to_string());
        out.push(Source {
            id: field("id").unwrap_or_else(|| format!("{name}-{}", no + 1)),
            title,
            body,
            source: name,
            date: field("date"),
            url: field("url"),
        });
    }
    Ok(())
}

/// BBC articles are `<category>/NNN.txt`; the folder's README and SOURCE are not.
fn is_article_file(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "txt")
        && path
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
}
