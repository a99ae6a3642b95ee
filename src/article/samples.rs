//! The sample articles bundled in `assets/samples/`, compiled into the binary.
//!
//! They are invented wire-style news written for hearsay (no real people), chosen so
//! that together they show every quoting pattern the extractor has to handle.

/// Expands to a `(file name, text)` pair for one file in `assets/samples/`.
macro_rules! sample {
    ($name:literal) => {
        ($name, include_str!(concat!("../../assets/samples/", $name)))
    };
}

/// `(file name, text)` of each bundled sample, in display order.
pub fn sample_texts() -> &'static [(&'static str, &'static str)] {
    &[
        sample!("01-veltrania-budget-vote.txt"),
        sample!("02-halvard-corvanne-deal.txt"),
        sample!("03-aldmere-lake-microbes.txt"),
        sample!("04-vandry-cup-final.txt"),
        sample!("05-vennacombe-quarry-ruling.txt"),
        sample!("06-lantern-thieves-farewell.txt"),
        sample!("07-mill-road-bus-lanes.txt"),
        sample!("08-askerwold-floods.txt"),
        sample!("09-kesterline-nightjar-chip.txt"),
        sample!("10-grey-shelf-fisheries-talks.txt"),
    ]
}

#[cfg(test)]
mod tests {
    use super::sample_texts;

    const QUOTE_MARKS: [char; 4] = ['“', '"', '«', '‘'];

    #[test]
    fn there_are_eight_to_twelve_samples_in_name_order() {
        let samples = sample_texts();
        assert!(
            (8..=12).contains(&samples.len()),
            "{} samples",
            samples.len()
        );
        for pair in samples.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
    }

    #[test]
    fn each_sample_has_headline_blank_line_and_a_quote() {
        for (name, text) in sample_texts() {
            let mut lines = text.lines();
            let headline = lines.next().unwrap_or_default();
            assert!(!headline.trim().is_empty(), "{name}: no headline");
            assert!(
                lines.next().is_some_and(|l| l.trim().is_empty()),
                "{name}: no blank line after the headline"
            );
            let first = lines.next().unwrap_or_default();
            assert!(
                first.contains(") – ") || first.contains(") - "),
                "{name}: first paragraph has no dateline: {first:.60}"
            );
            assert!(text.contains(QUOTE_MARKS), "{name}: no quotation mark");
        }
    }
}
