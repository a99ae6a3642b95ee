//! TODO: ui
