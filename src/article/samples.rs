//! The sample articles bundled in `assets/samples/`, compiled into the binary.

/// `(file name, text)` of each bundled sample, in display order.
pub fn sample_texts() -> &'static [(&'static str, &'static str)] {
    &[]
}
