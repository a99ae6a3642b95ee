//! Small text utilities shared by the loaders, the extractor and the CLI.

/// Maps byte offsets of one text to char (Unicode scalar value) offsets.
///
/// Offsets must be asked for in non-decreasing order for the walk to stay
/// linear; asking for an earlier offset restarts the walk from the start.
pub struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    /// A counter over `text`, starting at offset zero.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The char offset of byte offset `byte` (clamped to the text's length
    /// and moved back to a char boundary).
    pub fn chars_at(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chars_not_bytes() {
        let t = "a‑b “c”";
        let mut c = CharCounter::new(t);
        assert_eq!(c.chars_at(1), 1);
        assert_eq!(c.chars_at(4), 2);
        assert_eq!(c.chars_at(t.len()), 7);
        assert_eq!(c.chars_at(0), 0);
    }
}
