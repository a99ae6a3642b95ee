//! What `update` asks the run loop to do outside the app: the app holds no
//! terminal or clipboard, so tests read the effects instead of performing
//! them.

/// One thing for the run loop to do after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text (already sanitised: no control characters) on the
    /// clipboard.
    Copy(String),
}
