//! The text of a note as read from disk: encoding, byte-order mark, line positions.

/// A note's text decoded for reading.
///
/// The byte-order mark is removed; bytes that are not UTF-8 are replaced by U+FFFD so the
/// rest of the note can still be read (the writer finds its places in this text and
/// patches the original bytes).
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The decoded text, without a byte-order mark.
    pub(crate) text: String,
    /// Whether the file started with a UTF-8 byte-order mark.
    pub(crate) had_bom: bool,
    /// The 1-based line and column of the first invalid UTF-8 byte, if any.
    pub(crate) invalid_utf8_at: Option<(u32, u32)>,
}

/// The length of the UTF-8 byte-order mark `bytes` start with: 3, or 0 without one.
pub(crate) fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    }
}

/// The 1-based lines of `text` that open a git conflict: `<<<<<<<` at the start of the
/// line, alone or before a space. A note in the middle of a merge has two versions of
/// what it says: the reader does not trust its properties and the edits refuse it.
pub(crate) fn conflict_openings(text: &str) -> impl Iterator<Item = u32> + '_ {
    static MARKER: Needle = Needle::new(|| memchr::memmem::Finder::new(b"<<<<<<<"));
    let lines = MARKER
        .is_in(text.as_bytes())
        .then(|| lines_with_offsets(text));
    lines
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, (_, line))| {
            line.strip_prefix("<<<<<<<")
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
        .map(|(i, _)| to_u32(i + 1))
}

impl Source {
    /// Decodes raw file bytes.
    pub(crate) fn decode(bytes: &[u8]) -> Source {
        Source::decode_owned(bytes.to_vec())
    }

    /// Decodes raw file bytes it takes over: valid UTF-8 (nearly every note) becomes the
    /// text without a copy.
    pub(crate) fn decode_owned(mut bytes: Vec<u8>) -> Source {
        let bom = bom_len(&bytes);
        let had_bom = bom > 0;
        bytes.drain(..bom);
        match String::from_utf8(bytes) {
            Ok(text) => Source {
                text,
                had_bom,
                invalid_utf8_at: None,
            },
            Err(err) => {
                let valid_up_to = err.utf8_error().valid_up_to();
                let bytes = err.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..valid_up_to]);
                let (line, column) = line_column(&prefix, prefix.len());
                Source {
                    text: String::from_utf8_lossy(&bytes).into_owned(),
                    had_bom,
                    invalid_utf8_at: Some((line, column)),
                }
            }
        }
    }
}

/// The 1-based line and character column of byte `offset` in `text`.
///
/// Offsets past the end or inside a character are clamped to the nearest boundary before.
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    (to_u32(line), to_u32(column))
}

/// Converts a count to `u32`, saturating (a note never has four billion lines).
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The offset of the first two equal bytes `byte byte` (`[[`, `]]`, `{{`) in `haystack`.
///
/// `memchr::memmem::find` builds a searcher on every call, which for a two-byte needle
/// searched once per line costs more than the search.
pub(crate) fn find_pair(haystack: &[u8], byte: u8) -> Option<usize> {
    memchr::memchr_iter(byte, haystack).find(|&i| haystack.get(i + 1) == Some(&byte))
}

/// A substring searcher built once for the whole run.
pub(crate) struct Needle(std::sync::LazyLock<memchr::memmem::Finder<'static>>);

impl Needle {
    /// A searcher for `needle`, built on first use.
    pub(crate) const fn new(build: fn() -> memchr::memmem::Finder<'static>) -> Needle {
        Needle(std::sync::LazyLock::new(build))
    }

    /// Whether `haystack` contains the needle.
    pub(crate) fn is_in(&self, haystack: &[u8]) -> bool {
        self.0.find(haystack).is_some()
    }
}

/// Iterates over the lines of `text` with the byte offset where each starts; line
/// contents exclude the `\n` and a `\r` before it. The one line splitter is
/// [`crate::line::lines`].
pub(crate) fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    crate::line::lines(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom() {
        let s = Source::decode(b"\xEF\xBB\xBF---\n");
        assert!(s.had_bom);
        assert_eq!(s.text, "---\n");
    }

    #[test]
    fn reports_first_invalid_byte() {
        let s = Source::decode(b"ok\nab\xFFc");
        assert_eq!(s.invalid_utf8_at, Some((2, 3)));
        assert_eq!(s.text, "ok\nab\u{FFFD}c");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("é\nxé y", 6), (2, 3));
        assert_eq!(line_column("abc", 99), (1, 4));
    }

    #[test]
    fn conflict_openings_are_marker_lines() {
        let text = "a\n<<<<<<< HEAD\nb\n=======\n>>>>>>> x\n<<<<<<<\n <<<<<<< no\n<<<<<<<<\n";
        assert_eq!(conflict_openings(text).collect::<Vec<_>>(), [2, 6]);
        assert_eq!(conflict_openings("no markers").count(), 0);
    }
}
