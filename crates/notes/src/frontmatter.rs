//! Splitting a note into its YAML front matter and its Markdown body.
//!
//! Obsidian's rule: the first line is exactly `---`, and the block ends at the next line
//! that is `---` (or YAML's `...`). Anything else is body. The split keeps byte offsets
//! into the original text so that errors point at file lines and edits stay minimal.

/// Where the parts of a note are, as byte ranges of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// The note has no front matter; the whole text is body.
    NoFrontMatter,
    /// A front matter block was found.
    FrontMatter {
        /// Byte offset where the YAML starts (after the opening `---` line).
        yaml_start: usize,
        /// Byte offset where the YAML ends (the start of the closing line).
        yaml_end: usize,
        /// Byte offset where the body starts (after the closing line).
        body_start: usize,
    },
    /// The note opens with `---` but the block is never closed; read as body.
    Unterminated,
}

impl Split {
    /// The body's byte offset in the text.
    pub fn body_start(self) -> usize {
        match self {
            Split::FrontMatter { body_start, .. } => body_start,
            Split::NoFrontMatter | Split::Unterminated => 0,
        }
    }
}

/// Finds the front matter of `text` (already without a byte-order mark).
pub fn split(text: &str) -> Split {
    let Some(after_open) = strip_delimiter_line(text, "---") else {
        return Split::NoFrontMatter;
    };
    let yaml_start = text.len() - after_open.len();
    let mut offset = yaml_start;
    for line in after_open.split_inclusive('\n') {
        let content = line
            .trim_end_matches(['\n', '\r'])
            .trim_end_matches([' ', '\t']);
        if content == "---" || content == "..." {
            return Split::FrontMatter {
                yaml_start,
                yaml_end: offset,
                body_start: offset + line.len(),
            };
        }
        offset += line.len();
    }
    Split::Unterminated
}

/// If `text` starts with a line that is `delimiter` (trailing blanks allowed), returns the
/// text after that line.
fn strip_delimiter_line<'a>(text: &'a str, delimiter: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(delimiter)?;
    let trimmed = rest.trim_start_matches([' ', '\t']);
    if let Some(after) = trimmed.strip_prefix("\r\n") {
        Some(after)
    } else if let Some(after) = trimmed.strip_prefix('\n') {
        Some(after)
    } else if trimmed.is_empty() {
        // `---` alone at the end of the file: an unclosed block.
        Some(trimmed)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(&str, &str)> {
        match split(text) {
            Split::FrontMatter {
                yaml_start,
                yaml_end,
                body_start,
            } => Some((&text[yaml_start..yaml_end], &text[body_start..])),
            _ => None,
        }
    }

    #[test]
    fn splits_front_matter() {
        assert_eq!(parts("---\na: 1\n---\nbody\n"), Some(("a: 1\n", "body\n")));
    }

    #[test]
    fn handles_crlf_and_dots() {
        assert_eq!(
            parts("---\r\na: 1\r\n...\r\nbody"),
            Some(("a: 1\r\n", "body"))
        );
    }

    #[test]
    fn empty_front_matter() {
        assert_eq!(parts("---\n---\n"), Some(("", "")));
        assert_eq!(parts("---\n---"), Some(("", "")));
    }

    #[test]
    fn unterminated_and_absent() {
        assert_eq!(split("---\na: 1\n"), Split::Unterminated);
        assert_eq!(split("---"), Split::Unterminated);
        assert_eq!(split("# Title\n---\n"), Split::NoFrontMatter);
        assert_eq!(split("----\n"), Split::NoFrontMatter);
        assert_eq!(split(""), Split::NoFrontMatter);
    }
}
