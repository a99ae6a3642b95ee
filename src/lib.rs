//! hearsay: a terminal news reader that shows who said what.
//!
//! The crate is a library with a thin binary on top. Dependencies point one
//! way: `ui` -> `app` -> `corpus` -> `quote`, `article`.
//!
//! - [`article`]: the [`article::Article`] type and one loader per source format.
//! - [`quote`]: finding quotations and naming their speakers, pure functions of `&str`.
//! - [`corpus`]: the loaded articles with their quotes and the speaker index.
//! - [`store`]: the collection that lasts: starred quotes and read state, in SQLite.
//! - [`export`]: quotes as Markdown citations, CSV, JSON; selecting a speaker's quotes.
//! - [`fetch`]: feeds and pages over HTTP(S), conditional, bounded in time and size.
//! - [`loader`]: loading and quote extraction on every core, streamed in order.
//! - [`layout`]: an article wrapped to a width, row by row, with quote positions.
//! - [`app`]: App state, the Action enum and `update`; no terminal in it.
//! - [`keymap`]: (mode, key) -> Action, and the reverse map the help screen reads.
//! - [`ui`]: rendering of `&App` with ratatui.
//! - [`tui`]: terminal setup, restore and the event loop.
//! - [`cli`]: the headless subcommands.
//! - [`config`]: the configuration file and the subscriptions in it, OPML in and out.
//!
//! ```
//! let quotes = hearsay::quote::extract("“We will win,” Ana Ruiz said.");
//! assert_eq!(quotes.len(), 1);
//! ```

pub mod app;
pub mod article;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod dates;
pub mod export;
pub mod fetch;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod quote;
pub mod speakers;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
