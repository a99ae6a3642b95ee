//! `hearsay quotes`: every quote of every article as JSONL, CSV or text.
