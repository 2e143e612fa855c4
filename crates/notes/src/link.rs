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
    /// Written `![[…]]`: an embed shows the target's content, it does not mention it as
    /// a contact would.
    pub embed: bool,
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
                    embed: open > 0 && text.as_bytes()[open - 1] == b'!',
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

/// The words a reader sees for a link whose text between `[[` and `]]` is `inner`: its
/// label (`Companies/Initech.md|Init` is `Init`), else its file name without folders,
/// `.md`, `#heading` or `^block` (`Companies/Initech.md` is `Initech`, `Sharon Lee#Log` is
/// `Sharon Lee`), else, for a link into the same note (`#Log`), the text as written.
pub fn link_label(inner: &str) -> &str {
    if let Some((_, label)) = inner.split_once('|') {
        return label.trim();
    }
    let target = inner.split(['#', '^']).next().unwrap_or(inner);
    let file = target.rsplit('/').next().unwrap_or(target).trim();
    let file = file
        .len()
        .checked_sub(3)
        .filter(|&i| file.is_char_boundary(i) && file[i..].eq_ignore_ascii_case(".md"))
        .map_or(file, |i| file[..i].trim_end());
    if file.is_empty() { inner.trim() } else { file }
}

/// `text` with each Obsidian link as the words a reader sees ([`link_label`]):
/// `send [[People/Dana|Dana W.]] the deck` is `send Dana W. the deck`; an embed's `!` goes
/// too (`![[chart.png]]` is `chart.png`). An unclosed `[[` stays as written.
pub fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start + 2..].find("]]") else {
            break;
        };
        let before = &rest[..start];
        out.push_str(before.strip_suffix('!').unwrap_or(before));
        out.push_str(link_label(&rest[start + 2..start + 2 + len]));
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    out
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
    fn labels_are_what_a_reader_sees() {
        for (inner, label) in [
            ("Companies/Initech.md|Init", "Init"),
            ("Companies/Initech.md", "Initech"),
            ("Companies/Initech.MD", "Initech"),
            ("Companies/Initech", "Initech"),
            ("Sharon Lee#Log", "Sharon Lee"),
            ("x^block", "x"),
            ("Sam#^abc", "Sam"),
            (" People/Sam | Sammy ", "Sammy"),
            ("#Log", "#Log"),
            ("", ""),
        ] {
            assert_eq!(link_label(inner), label, "{inner:?}");
        }
        assert_eq!(
            unlink("send [[People/Dana|Dana W.]] and ![[chart.png]] [[Initech.md]] [[open"),
            "send Dana W. and chart.png Initech [[open"
        );
    }

    #[test]
    fn embeds_are_marked() {
        let embeds: Vec<_> = wikilinks("![[Sam]] [[Kai]] !x[[Bo]] ![[Ann|a]]")
            .map(|l| (l.target, l.embed))
            .collect();
        assert_eq!(
            embeds,
            vec![("Sam", true), ("Kai", false), ("Bo", false), ("Ann", true)]
        );
    }

    #[test]
    fn reports_offsets() {
        let links: Vec<_> = wikilinks("ab [[x]]").collect();
        assert_eq!(links[0].start, 3);
    }
}
