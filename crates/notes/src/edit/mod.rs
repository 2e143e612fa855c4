//! Lossless text edits: each function takes a note's original bytes and returns them with
//! one line inserted, changed or removed. Every other byte stays as it was: byte-order
//! mark, line endings (a new line takes the ending of the lines around it), a missing final
//! newline, the order, spacing, quoting and comments of the front matter, and bytes that
//! are not UTF-8.
//!
//! The edits find their place with the reader's own rules: the same front-matter split
//! and key scan, the same line classifier (headings, list items, tasks), the same code
//! blocks and the same log lines, so what they add is what the next read sees.
//!
//! Where [`add_log_line`] puts a line:
//! 1. The log is the first section whose heading is named like a log ([`LOG_HEADINGS`],
//!    any level, any case, ignoring emoji, punctuation and a trailing `:`), up to the next
//!    heading of the same or a higher level. Otherwise it is the longest run of dated
//!    entries: list items with nothing but blank or indented lines between them, or
//!    sibling headings that start with a date (`### 2026-10-02 Lunch`); a list run wins a
//!    tie. Otherwise a `## Log` section is added at the end of the note.
//! 2. The log's order comes from its dates: newest first when its first entry is not
//!    older than its last (so a one-entry log is newest first), oldest first otherwise.
//!    The line goes at its place by date; on a date the log already has, it goes as the
//!    latest of that date (above them newest first, below them oldest first).
//! 3. It is written like its neighbour: same indentation, blockquote marks, list marker
//!    (`-`, `*`, `+`, `1.`) or heading level, and `[[2026-10-02]]` when the neighbour
//!    links its date.
//! 4. On a page of a Logseq graph ([`add_page_log_line`]) the page's property block is
//!    never part of the log, a neighbour that links its journal by title
//!    (`[[Nov 26th, 2026]]`) gets the new line written so, and a page without a log gets
//!    one more block `- [[Dec 1st, 2026]] TEXT` at its end instead of a `## Log` section.

mod document;
mod log;
mod page;
mod properties;
mod tasks;

pub use log::{
    LOG_HEADINGS, add_log_line, add_log_lines, add_page_log_line, add_page_log_lines,
    is_log_heading,
};
pub use page::{clear_page_property, set_page_property};
pub use properties::{clear_property, remove_property, set_property, yaml_scalar};
pub use tasks::complete_task;

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// This occurs when the note opens front matter with `---` and never closes it: where a
    /// property would go is unknown.
    #[error("the front matter starts with `---` but never ends; add the closing `---` first")]
    UnterminatedFrontMatter,
    /// This occurs when the line to change is not an open task.
    #[error("line {0} is not an open task (`- [ ] …`)")]
    NotAnOpenTask(u32),
    /// This occurs when the note is in the middle of a git merge: which of its two versions
    /// to change is unknown.
    #[error(
        "line {0} has a git conflict marker (<<<<<<<); keep one version, delete the markers, then run the command again"
    )]
    ConflictMarkers(u32),
}

#[cfg(test)]
mod tests {
    use super::log::tests::{d, log};
    use super::*;

    #[test]
    fn mixed_line_endings_use_the_neighbours() {
        let note = "---\r\nname: A\r\n---\r\n## Log\n- 2026-10-02 coffee\n";
        assert_eq!(
            log(note, "2026-11-25", "x"),
            "---\r\nname: A\r\n---\r\n## Log\n- 2026-11-25 x\n- 2026-10-02 coffee\n"
        );
        assert_eq!(
            log(
                "---\r\nname: A\r\n---\r\n- 2026-10-02 coffee\n",
                "2026-11-25",
                "x"
            ),
            "---\r\nname: A\r\n---\r\n- 2026-11-25 x\n- 2026-10-02 coffee\n"
        );
        let out = set_property(note.as_bytes(), &["paused"], "true").expect("edit");
        assert_eq!(
            out,
            b"---\r\nname: A\r\npaused: true\r\n---\r\n## Log\n- 2026-10-02 coffee\n"
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_kept() {
        let note = b"---\nname: \xFFA\n---\n\xFE prose \xC3\n- 2026-10-02 caf\xE9\n";
        let out = add_log_line(note, d("2026-11-25"), "x").expect("edit");
        assert_eq!(
            out,
            b"---\nname: \xFFA\n---\n\xFE prose \xC3\n- 2026-11-25 x\n- 2026-10-02 caf\xE9\n"
        );
        let out = set_property(note, &["paused"], "true").expect("edit");
        assert_eq!(
            out,
            b"---\nname: \xFFA\npaused: true\n---\n\xFE prose \xC3\n- 2026-10-02 caf\xE9\n"
        );
        let note = b"---\npaused: false # \xFF\n---\n";
        let out = set_property(note, &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\npaused: true # \xFF\n---\n");
    }

    #[test]
    fn conflicted_notes_are_refused() {
        let note = b"---\nname: A\n---\n<<<<<<< HEAD\n- 2026-10-02 a\n=======\n- 2026-10-03 b\n>>>>>>> other\n";
        assert_eq!(
            add_log_line(note, d("2026-11-25"), "x"),
            Err(EditError::ConflictMarkers(4))
        );
        assert_eq!(
            set_property(note, &["paused"], "true"),
            Err(EditError::ConflictMarkers(4))
        );
    }
}
