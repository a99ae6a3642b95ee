//! Events from the terminal merged with batches from the background loader.

use std::io;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use super::{Event, Events};
use crate::loader::Batch;

/// How long to wait for a key while batches may still come.
const POLL: Duration = Duration::from_millis(20);

/// Wraps an event source so loaded batches arrive as [`Event::Loaded`].
/// Input waiting goes first, so keys answer however fast batches come.
#[derive(Debug)]
pub struct WithLoading<E> {
    inner: E,
    batches: Option<Receiver<Batch>>,
    reports: Option<Receiver<Event>>,
}

impl<E: Events> WithLoading<E> {
    /// Events from `inner` and batches from `batches`.
    pub fn new(inner: E, batches: Receiver<Batch>) -> Self {
        WithLoading {
            inner,
            batches: Some(batches),
            reports: None,
        }
    }

    /// Also passes on the events sent through `reports` (what a
    /// [`super::Performer`] reports back).
    pub fn with_reports(mut self, reports: Receiver<Event>) -> Self {
        self.reports = Some(reports);
        self
    }
}

impl<E: Events> Events for WithLoading<E> {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if self.batches.is_none() && self.reports.is_none() {
            return self.inner.next(timeout);
        }
        match self.inner.next(Duration::ZERO)? {
            Some(Event::Tick) => {}
            other => return Ok(other),
        }
        if let Some(reports) = &self.reports {
            match reports.try_recv() {
                Ok(event) => return Ok(Some(event)),
                Err(TryRecvError::Disconnected) => self.reports = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        if let Some(batches) = &self.batches {
            match batches.try_recv() {
                Ok(batch) => return Ok(Some(Event::Loaded(Box::new(batch)))),
                Err(TryRecvError::Disconnected) => self.batches = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        self.inner.next(timeout.min(POLL))
    }
}
