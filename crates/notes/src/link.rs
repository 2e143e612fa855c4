//! Obsidian wikilinks: `[[Target]]`, `[[Folder/Target|label]]`, `[[Target#Heading]]`,
//! `[[Target#^block]]`, and embeds `![[Target]]`.

use crate::source::find_pair;

/// A wikilink found in a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WikiLink<'a> {
    /// Byte offset of the opening `[[` in the searched text.
    pub start: usize,
    /// The link target: the part before `|` and `#`, trimmed, without a `.md` extension.
    pub target: &'a str,
}

/// Finds every wikilink in `text` whose target is not empty. Links do not span lines;
/// an unclosed `[[` is not a link.
pub fn wikilinks(text: &str) -> impl Iterator<Item = WikiLink<'_>> {
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let open = from + find_pair(text.get(from..)?.as_bytes(), b'[')?;
            let inner_start = open + 2;
            let rest = &text[inner_start..];
            let line_end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
            let Some(close) = find_pair(&rest.as_bytes()[..line_end], b']') else {
                // Nothing closes on this line, so no later `[[` on it can close either:
                // skipping the line keeps this linear on hostile input.
                from = inner_start + line_end;
                continue;
            };
            let inner = &rest[..close];
            // `[[a [[b]]`: the link is the innermost one.
            if let Some(nested) = inner.rfind("[[") {
                from = inner_start + nested;
                continue;
            }
            from = inner_start + close + 2;
            let target = link_target(inner);
            if !target.is_empty() {
                return Some(WikiLink {
                    start: open,
                    target,
                });
            }
        }
    })
}

/// The target of a link's inner text: `Folder/Note.md#Heading|Label` gives `Folder/Note`.
/// Obsidian does not allow `#`, `^` or `|` in file names, so each ends the target.
pub fn link_target(inner: &str) -> &str {
    let target = inner.split('|').next().unwrap_or(inner);
    let target = target.split(['#', '^']).next().unwrap_or(target).trim();
    let lower_ext = target.len() >= 3
        && target
            .get(target.len() - 3..)
            .is_some_and(|ext| ext.eq_ignore_ascii_case(".md"));
    if lower_ext {
        target[..target.len() - 3].trim_end()
    } else {
        target
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(text: &str) -> Vec<&str> {
        wikilinks(text).map(|l| l.target).collect()
    }

    #[test]
    fn obsidian_link_forms() {
        assert_eq!(
            targets("met [[Sharon Lee]] and [[People/Sam|Sammy]], see [[Sam#Work]] ![[Kai^x]]"),
            vec!["Sharon Lee", "People/Sam", "Sam", "Kai"]
        );
        assert_eq!(
            targets("[[ foo ]] [[foo |bar]] [[Note.md]]"),
            vec!["foo", "foo", "Note"]
        );
        assert_eq!(targets("[[foo#^abc]]"), vec!["foo"]);
    }

    #[test]
    fn empty_unclosed_and_nested() {
        assert_eq!(targets("[[]] [[|]] [[#heading]]"), Vec::<&str>::new());
        assert_eq!(targets("[[unclosed link\nnext]]"), Vec::<&str>::new());
        assert_eq!(targets("[[a [[b]]"), vec!["b"]);
        assert_eq!(targets("![[Partial embed"), Vec::<&str>::new());
    }

    #[test]
    fn reports_offsets() {
        let links: Vec<_> = wikilinks("ab [[x]]").collect();
        assert_eq!(links[0].start, 3);
    }
}
