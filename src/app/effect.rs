//! What `update` asks the run loop to do outside the app: the app holds no
//! terminal or clipboard, so tests read the effects instead of performing
//! them. What comes back from work done elsewhere (a refresh, a cache
//! search) returns as a [`Report`](super::Report).

/// One thing for the run loop to do after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text (already sanitised: no control characters) on the
    /// clipboard.
    Copy(String),
    /// Fetch every subscription in the background, reporting back with
    /// [`Report`](super::Report)s.
    Refresh,
    /// Open this link (sanitised, `http`, `https` or `file`) in the browser.
    OpenUrl(String),
    /// Search the offline cache for this query, reporting back with
    /// [`Report::Found`](super::Report::Found).
    SearchCache(String),
}
