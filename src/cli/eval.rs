//! `hearsay eval`: score the extractor on annotated data.
