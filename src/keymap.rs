//! TODO: keymap
