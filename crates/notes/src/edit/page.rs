//! Properties of a Logseq page: the `key:: value` lines its first block starts with, found
//! by the reader's own rule ([`crate::logseq`]), edited one line at a time. A page with
//! YAML front matter, or one that is not UTF-8, is edited as front matter instead.

use crate::edit::EditError;
use crate::edit::properties::{clear_property, set_property};
use crate::frontmatter::{Split, split};
use crate::logseq::{Logseq, page_properties};

/// The page's text after a byte-order mark, and the mark's length, when the page keeps its
/// properties as Logseq does (no front matter, UTF-8).
fn page_text(bytes: &[u8]) -> Option<(usize, &str)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let text = &text[bom..];
    matches!(split(text), Split::NoFrontMatter).then_some((bom, text))
}

/// The line (0-based start offset in `text`, end without its line ending, next line) that
/// `line` (1-based) is.
fn line_at(text: &str, line: u32) -> Option<(usize, usize, usize)> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    crate::line::spans(text.as_bytes())
        .nth(index)
        .map(|s| (s.start, s.end, s.next))
}

/// The line ending the page uses (its first line's), `\n` without one.
fn eol_of(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Sets a page property to `value`, touching one line: the line the reader reads for
/// `keys` (canonical first) gets the new value; a missing one is added as
/// `keys[0]:: value` at the end of the property block, indented like it, or as the page's
/// first line when it has none.
pub fn set_page_property(
    bytes: &[u8],
    keys: &[&str],
    value: &str,
    graph: &Logseq,
) -> Result<Vec<u8>, EditError> {
    let Some((bom, text)) = page_text(bytes) else {
        return set_property(bytes, keys, value);
    };
    let canonical = keys.first().copied().unwrap_or("property");
    let eol = eol_of(text);
    let block = page_properties(text, graph);
    let found = block.as_ref().and_then(|block| {
        keys.iter().find_map(|key| {
            block
                .entries
                .iter()
                .find(|e| e.key.trim().eq_ignore_ascii_case(key))
        })
    });
    let mut out = String::with_capacity(text.len() + canonical.len() + value.len() + 8);
    match (&block, found.and_then(|e| line_at(text, e.line))) {
        (_, Some((start, end, _))) => {
            let line = &text[start..end];
            let colons = line.find("::").map_or(line.len(), |i| i + 2);
            out.push_str(&text[..start]);
            out.push_str(&line[..colons]);
            out.push(' ');
            out.push_str(value);
            out.push_str(&text[end..]);
        }
        (Some(block), None) => {
            let at = block.body_start.min(text.len());
            let before = &text[..at];
            let last = before.trim_end_matches(['\r', '\n']);
            let last_line = last.rsplit('\n').next().unwrap_or(last);
            let lead = &last_line[..last_line.len() - last_line.trim_start().len()];
            // The continuation of a first block `- key:: value` is indented past its `- `.
            let indent = if last_line.trim_start().starts_with("- ") {
                format!("{lead}  ")
            } else {
                lead.to_owned()
            };
            out.push_str(before);
            if !before.is_empty() && !before.ends_with('\n') {
                out.push_str(eol);
            }
            out.push_str(&format!("{indent}{canonical}:: {value}{eol}"));
            out.push_str(&text[at..]);
        }
        (None, None) => {
            out.push_str(&format!("{canonical}:: {value}{eol}"));
            out.push_str(text);
        }
    }
    let mut result = bytes[..bom].to_vec();
    result.extend_from_slice(out.as_bytes());
    Ok(result)
}

/// Turns a page property off, undoing [`set_page_property`] byte for byte: the line it
/// writes (`keys[0]:: value`, bare) is removed; a line the user wrote otherwise keeps its
/// key with the value `off`. A page without the property is returned unchanged.
pub fn clear_page_property(
    bytes: &[u8],
    keys: &[&str],
    off: &str,
    graph: &Logseq,
) -> Result<Vec<u8>, EditError> {
    let Some((bom, text)) = page_text(bytes) else {
        return clear_property(bytes, keys, off);
    };
    let Some(block) = page_properties(text, graph) else {
        return Ok(bytes.to_vec());
    };
    let found = keys.iter().find_map(|key| {
        block
            .entries
            .iter()
            .find(|e| e.key.trim().eq_ignore_ascii_case(key))
    });
    let Some((start, end, next)) = found.and_then(|e| line_at(text, e.line)) else {
        return Ok(bytes.to_vec());
    };
    let line = &text[start..end];
    let written_by_vault = keys.first().is_some_and(|key| {
        line.strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(":: "))
            .is_some_and(|value| !value.is_empty() && !value.contains([' ', '\t']))
    });
    if written_by_vault {
        let mut result = bytes[..bom].to_vec();
        result.extend_from_slice(&text.as_bytes()[..start]);
        result.extend_from_slice(&text.as_bytes()[next..]);
        return Ok(result);
    }
    set_page_property(bytes, keys, off, graph)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> Logseq {
        Logseq::default()
    }

    fn set(text: &str, key: &str, value: &str) -> String {
        let out = set_page_property(text.as_bytes(), &[key], value, &graph()).expect("edit");
        String::from_utf8(out).expect("utf8")
    }

    fn clear(text: &str, key: &str, off: &str) -> String {
        let out = clear_page_property(text.as_bytes(), &[key], off, &graph()).expect("edit");
        String::from_utf8(out).expect("utf8")
    }

    #[test]
    fn added_at_the_end_of_the_block_and_removed_again() {
        let page = "type:: [[person]]\nalias:: Maggie\n\n- met at the lab\n";
        let paused = set(page, "paused", "true");
        assert_eq!(
            paused,
            "type:: [[person]]\nalias:: Maggie\npaused:: true\n\n- met at the lab\n"
        );
        assert_eq!(clear(&paused, "paused", "false"), page);
    }

    #[test]
    fn a_first_block_of_properties_is_continued_indented() {
        let page = "- type:: [[person]]\n  alias:: Maggie\n- met at the lab\n";
        assert_eq!(
            set(page, "snooze_until", "2026-12-07"),
            "- type:: [[person]]\n  alias:: Maggie\n  snooze_until:: 2026-12-07\n- met at the lab\n"
        );
        let one = "- type:: [[person]]\n- met\n";
        assert_eq!(
            set(one, "paused", "true"),
            "- type:: [[person]]\n  paused:: true\n- met\n"
        );
    }

    #[test]
    fn an_existing_value_changes_in_place_and_a_users_line_is_kept() {
        let page = "Paused:: false\r\ntags:: person\r\n";
        assert_eq!(
            set(page, "paused", "true"),
            "Paused:: true\r\ntags:: person\r\n"
        );
        assert_eq!(
            clear("Paused:: true\r\ntags:: person\r\n", "paused", "false"),
            page
        );
    }

    #[test]
    fn a_page_without_properties_gets_them_on_top_and_front_matter_stays_yaml() {
        assert_eq!(set("- met\n", "paused", "true"), "paused:: true\n- met\n");
        assert_eq!(
            clear("paused:: true\n- met\n", "paused", "false"),
            "- met\n"
        );
        assert_eq!(
            set("---\nname: A\n---\n- met\n", "paused", "true"),
            "---\nname: A\npaused: true\n---\n- met\n"
        );
        assert_eq!(
            set("\u{FEFF}a:: b", "paused", "true"),
            "\u{FEFF}a:: b\npaused:: true\n"
        );
    }
}
