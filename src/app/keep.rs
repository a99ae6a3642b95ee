//! Performing the effects that keep something on this machine: writes to
//! the store (stars, read marks), export files, and the store's record of
//! the feeds for the feeds view. They take a moment,
//! not a network, so the run loop performs them at once and feeds what
//! came of them back before the next frame; `update` itself only asks.

use super::{App, Effect, Report, StoreWrite, receive};
use crate::store::{Persistence, Store, StoreError};

/// The store the collection is kept in, written only by [`perform_kept`].
#[derive(Debug, Default)]
pub struct Keeper {
    store: Option<Store>,
}

impl Keeper {
    /// Keeps the collection in `store`.
    pub(super) fn new(store: Store) -> Keeper {
        Keeper { store: Some(store) }
    }

    /// Where the collection is kept; `None` before anything was stored.
    pub(super) fn persistence(&self) -> Option<Persistence> {
        self.store.as_ref().map(Store::persistence)
    }

    /// The store, made in memory (for this session only) when none was given.
    fn store(&mut self) -> Result<&Store, StoreError> {
        let store = match self.store.take() {
            Some(store) => store,
            None => Store::in_memory()?,
        };
        Ok(self.store.insert(store))
    }

    /// Performs `effect` if it is a write to the store or a file; hands it
    /// back if it is not.
    fn perform(&mut self, effect: Effect) -> Result<Report, Effect> {
        match effect {
            Effect::Store(write) => {
                let result = self.write(&write).map_err(|e| e.to_string());
                Ok(Report::Kept { write, result })
            }
            Effect::Export {
                dir,
                stem,
                format,
                citations,
            } => {
                let path = super::export::free_path(&dir, &stem, format.extension());
                let result = crate::export::save(&path, &citations, format)
                    .map(|()| (path, citations.len()))
                    .map_err(|e| e.to_string());
                Ok(Report::Exported(result))
            }
            Effect::LoadFeeds(subscriptions) => {
                let records = self
                    .store()
                    .and_then(|store| super::feeds::records(store, &subscriptions))
                    .map_err(|e| e.to_string());
                Ok(Report::FeedsLoaded(records))
            }
            other => Err(other),
        }
    }

    fn write(&mut self, write: &StoreWrite) -> Result<(), StoreError> {
        let store = self.store()?;
        match write {
            StoreWrite::SetRead { key, read } => store.set_read(key, *read),
            StoreWrite::SetReadAll { keys, read } => store.set_read_all(keys, *read),
            StoreWrite::Star(star) => store.star(star),
            StoreWrite::Unstar(star) => store.unstar(&star.key()).map(|_| ()),
            StoreWrite::FullText {
                key,
                article,
                speakers,
            } => store.replace_text(key, article, speakers).map(|_| ()),
        }
    }
}

/// Performs `effect` if it writes to the store or a file, telling the app
/// what came of it; returns the effects that follows, or `Err(effect)`
/// when it is not one of those (the run loop performs the rest).
pub fn perform_kept(app: &mut App, effect: Effect) -> Result<Vec<Effect>, Effect> {
    let report = app.keeper.perform(effect)?;
    Ok(receive(app, report))
}

/// Performs every write to the store or a file among `effects` (and those
/// that follow from them) and returns the others, in order.
pub fn perform_all_kept(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let mut rest = Vec::new();
    let Ok(()) = perform_each::<std::convert::Infallible>(app, effects, |other| {
        rest.push(other);
        Ok(())
    });
    rest
}

/// Performs every write to the store or a file among `effects` (and those
/// that follow from them) at once, and hands each other effect to `other`,
/// all in order; stops at `other`'s first error.
pub fn perform_each<E>(
    app: &mut App,
    effects: Vec<Effect>,
    mut other: impl FnMut(Effect) -> Result<(), E>,
) -> Result<(), E> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        match perform_kept(app, effect) {
            Ok(more) => queue.extend(more),
            Err(effect) => other(effect)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StarredQuote;

    fn star() -> StarredQuote {
        StarredQuote {
            article_key: "id:a".into(),
            start: 0,
            end: 4,
            quote: "“Go”".into(),
            speaker: Some("Ana Ruiz".into()),
            headline: "H".into(),
            source: None,
            date: None,
            url: None,
            starred_at: 1,
        }
    }

    #[test]
    fn store_writes_reach_the_store_and_report_back() {
        let mut keeper = Keeper::new(Store::in_memory().expect("store"));
        let write = StoreWrite::Star(Box::new(star()));
        let report = keeper.perform(Effect::Store(write.clone()));
        assert_eq!(
            report,
            Ok(Report::Kept {
                write,
                result: Ok(())
            })
        );
        let store = keeper.store().expect("store");
        assert_eq!(store.starred().expect("stars"), [star()]);
        let read = StoreWrite::SetRead {
            key: "id:a".into(),
            read: true,
        };
        assert!(keeper.perform(Effect::Store(read)).is_ok());
        let store = keeper.store().expect("store");
        assert!(store.read_keys().expect("keys").contains("id:a"));
    }

    #[test]
    fn an_export_never_replaces_a_file_and_other_effects_are_handed_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("x.md"), "mine").expect("write");
        let mut keeper = Keeper::default();
        let export = Effect::Export {
            dir: dir.path().to_path_buf(),
            stem: "x".into(),
            format: crate::export::ExportFormat::Markdown,
            citations: Vec::new(),
        };
        let report = keeper.perform(export);
        assert_eq!(
            report,
            Ok(Report::Exported(Ok((dir.path().join("x-2.md"), 0))))
        );
        let kept = std::fs::read_to_string(dir.path().join("x.md")).expect("read");
        assert_eq!(kept, "mine");
        let copy = Effect::Copy("text".into());
        assert_eq!(keeper.perform(copy.clone()), Err(copy));
    }
}
