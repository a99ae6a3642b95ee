//! `hearsay config`, `add`, `remove`, `import` and `export`: the
//! configuration file and the subscriptions kept in it.

use std::io::Write;
use std::path::Path;

use crate::config::{self, Config, Feed, SubscriptionError, Subscriptions};

/// `hearsay config`: where the file is, the example, or the file checked.
pub fn config(path: &Path, example: bool, out: &mut dyn Write) -> std::io::Result<bool> {
    if example {
        out.write_all(config::EXAMPLE.as_bytes())?;
        return Ok(true);
    }
    writeln!(out, "{}", path.display())?;
    let (_, problems) = Config::load(path);
    for p in &problems {
        eprintln!("hearsay: {p}");
    }
    Ok(problems.is_empty())
}

/// `hearsay add URL`: says whether it was new.
pub fn add(path: &Path, feed: Feed, out: &mut dyn Write) -> Result<(), SubscriptionError> {
    let mut subs = Subscriptions::open(path)?;
    let label = feed.label().to_string();
    if subs.add(&feed)? {
        subs.save()?;
        let _ = writeln!(out, "subscribed to {label} ({})", path.display());
    } else {
        let _ = writeln!(out, "already subscribed to {}", feed.url);
    }
    Ok(())
}

/// `hearsay remove URL|NAME`: returns how many went.
pub fn remove(path: &Path, which: &str, out: &mut dyn Write) -> Result<usize, SubscriptionError> {
    let mut subs = Subscriptions::open(path)?;
    let gone = subs.remove(which)?;
    if gone > 0 {
        subs.save()?;
        let _ = writeln!(out, "unsubscribed from {which}");
    }
    Ok(gone)
}

/// `hearsay import FILE.opml`: adds every feed not subscribed yet.
pub fn import(path: &Path, opml: &Path, out: &mut dyn Write) -> Result<(), SubscriptionError> {
    let xml = std::fs::read_to_string(opml).map_err(|source| SubscriptionError::Io {
        path: opml.to_path_buf(),
        source,
    })?;
    let feeds = config::feeds_from_opml(&xml, opml)?;
    let mut subs = Subscriptions::open(path)?;
    let mut added = 0;
    for f in &feeds {
        added += usize::from(subs.add(f)?);
    }
    subs.save()?;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let _ = writeln!(
        out,
        "{added} feed{} added, {} already subscribed ({})",
        plural(added),
        feeds.len() - added,
        path.display()
    );
    Ok(())
}

/// `hearsay export --opml`: the subscriptions as OPML.
pub fn export(path: &Path, out: &mut dyn Write) -> Result<(), SubscriptionError> {
    let feeds = Subscriptions::open(path)?.feeds();
    let _ = out.write_all(config::feeds_to_opml(&feeds).as_bytes());
    Ok(())
}
