//! Text helpers behind the templates' own filters and the Markdown digest: note text
//! escaped so it reads as text in Obsidian, table cells and blockquotes, and Obsidian
//! links read as plain words.

/// Note text as Markdown that reads as exactly that text in Obsidian (or any CommonMark
/// reader), inline on the line a template puts it on.
///
/// - Line breaks and other control characters are spaces: a value cannot start a line
///   of its own (a heading, a task, a quote, a fence, a rule, an HTML block).
/// - `<`, `>` and `&` are entities: no HTML, no autolink, and `&lt;` in a note shows as
///   `&lt;`.
/// - `\`, `` ` ``, `*`, `_`, `[`, `]`, `~`, `=`, `^`, `$`, `%`, `#` and `|` are
///   backslash-escaped: no code, emphasis, link, image, footnote, strikethrough,
///   highlight (`==`), sub- or superscript, maths (`$`), comment (`%%`), tag or table
///   cell. (`!` needs no escape: it only makes an image or embed before a `[`.)
/// - A leading `-`, `+` or `1.`/`1)` is escaped too, for text that starts a line (a
///   draft's lines in their blockquote).
/// - Obsidian links stay links (`[[Marco Rossi]]`, cleaned by [`md_wikilink`]), but an
///   embed (`![[note]]`) is shown as text: it would pull another note into the digest.
pub(crate) fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while let Some(open) = rest.find("[[") {
        let Some(len) = rest[open + 2..].find("]]") else {
            break;
        };
        let before = &rest[..open];
        let inner = &rest[open + 2..open + 2 + len];
        let link = (!before.ends_with('!'))
            .then(|| wikilink_of(inner))
            .flatten();
        match link {
            Some(link) => {
                escape_into(&mut out, before);
                out.push_str(&link);
            }
            None => escape_into(&mut out, &rest[..open + 2 + len + 2]),
        }
        rest = &rest[open + 2 + len + 2..];
    }
    escape_into(&mut out, rest);
    let out = out.trim_start().to_owned();
    neutralise_line_start(out)
}

/// `text` on one line: line breaks and other control characters as spaces (a property
/// value's line breaks do not belong in a sentence of a message).
pub(crate) fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let breaks = |c: char| c.is_control() || c == '\u{2028}' || c == '\u{2029}';
    if text.contains(breaks) {
        std::borrow::Cow::Owned(text.replace("\r\n", " ").replace(breaks, " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Each line of `text` as [`md_text`]: a draft keeps its paragraphs, its lines stay text.
pub(crate) fn md_lines(text: &str) -> String {
    text.lines().map(md_text).collect::<Vec<_>>().join("\n")
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '=' | '^' | '$' | '%' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// `- x`, `+ x`, `1. x`, `1) x` at the start of a line are list items: escaped.
fn neutralise_line_start(mut text: String) -> String {
    if text.starts_with(['-', '+']) {
        text.insert(0, '\\');
        return text;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) && text[digits..].starts_with(['.', ')']) {
        text.insert(digits, '\\');
    }
    text
}

/// The Obsidian link inside `[[inner]]`, cleaned by [`md_wikilink`]; `None` when nothing
/// of the target is left.
fn wikilink_of(inner: &str) -> Option<String> {
    let (target, label) = match inner.split_once('|') {
        Some((target, label)) => (target, Some(label)),
        None => (inner, None),
    };
    // `#heading` and `^block` point inside a note; the note is enough here.
    let target = target.split(['#', '^']).next().unwrap_or(target);
    let link = md_wikilink(target, label.unwrap_or(target));
    (link != "[[]]").then_some(link)
}

/// An Obsidian link to `target` shown as `label`, that cannot break out of itself: the
/// characters of the link syntax (`[`, `]`, `|`, `#`, `^`, `\`) are dropped, line breaks
/// are spaces, and `<`/`>` are shown as `‹`/`›` (a reader that does not know wikilinks
/// would read them as HTML).
pub(crate) fn md_wikilink(target: &str, label: &str) -> String {
    let clean = |text: &str, drop: &[char]| -> String {
        let text: String = text
            .chars()
            .filter(|c| !drop.contains(c))
            .map(|c| match c {
                '<' => '‹',
                '>' => '›',
                c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => ' ',
                c => c,
            })
            .collect();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let target = clean(target, &['[', ']', '|', '#', '^', '\\']);
    let label = clean(label, &['[', ']', '|', '\\']);
    if label.is_empty() || label == target {
        format!("[[{target}]]")
    } else {
        format!("[[{target}|{label}]]")
    }
}

/// Safe inside a Markdown table cell: every `|` not already escaped is, line breaks are
/// spaces. Idempotent: [`md_text`] output (whose `|` are escaped) passes unchanged but
/// for the `|` of its links.
pub(crate) fn md_cell(text: &str) -> String {
    let text = text.replace("\r\n", " ");
    let mut out = String::with_capacity(text.len() + 4);
    let mut backslashes = 0;
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '|' if backslashes % 2 == 0 => out.push_str("\\|"),
            c => out.push(c),
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    out
}

/// Every line quoted as a Markdown blockquote; blank lines as a bare `>`.
pub(crate) fn blockquote(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.trim().is_empty() {
                ">".to_owned()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Obsidian links as the words a reader sees: `[[People/Dana|Dana W.]]` is `Dana W.`,
/// `[[Sharon Lee#Work]]` is `Sharon Lee`, `![[diagram.png]]` is `diagram.png`.
pub(crate) use vault_notes::unlink;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_cells_stay_in_their_cell() {
        assert_eq!(md_cell("a | b\nc\r\nd"), "a \\| b c d");
        assert_eq!(md_cell("[[People/x|X]]"), "[[People/x\\|X]]");
        // Already escaped pipes stay as they are; an escaped backslash does not escape.
        assert_eq!(md_cell("a \\| b"), "a \\| b");
        assert_eq!(md_cell("a \\\\| b"), "a \\\\\\| b");
        let text = md_text("x | [[People/x|X]]");
        assert_eq!(md_cell(&text), "x \\| [[People/x\\|X]]");
    }

    #[test]
    fn note_text_reads_as_text_in_markdown() {
        let cases = [
            ("plain words, 42.", "plain words, 42."),
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("R&D &lt;", "R&amp;D &amp;lt;"),
            ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
            ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
            ("![](https://e.x/p.png)", "!\\[\\](https://e.x/p.png)"),
            (
                "`code` ~~s~~ ==h== $5 %%c%% #tag ^b",
                "\\`code\\` \\~\\~s\\~\\~ \\=\\=h\\=\\= \\$5 \\%\\%c\\%\\% \\#tag \\^b",
            ),
            ("a | b \\", "a \\| b \\\\"),
            ("one\n# two\r\n- [ ] three", "one \\# two  - \\[ \\] three"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("12. item", "12\\. item"),
            ("3) item", "3\\) item"),
            ("  -x", "\\-x"),
            ("2026-11-23 call", "2026-11-23 call"),
            ("Hey Sharon! Lunch?", "Hey Sharon! Lunch?"),
            // Links stay links, cleaned; embeds are text.
            (
                "send [[Marco Rossi]] the deck",
                "send [[Marco Rossi]] the deck",
            ),
            ("see [[People/Dana|Dana W.]]", "see [[People/Dana|Dana W.]]"),
            ("[[Sharon Lee#Work]]", "[[Sharon Lee]]"),
            ("![[Secret]]", "!\\[\\[Secret\\]\\]"),
            ("[[<b>x</b>]]", "[[‹b›x‹/b›]]"),
            ("[[]] [[unclosed", "\\[\\[\\]\\] \\[\\[unclosed"),
        ];
        for (input, expected) in cases {
            assert_eq!(md_text(input), expected, "{input}");
        }
        assert_eq!(md_lines("Hi,\n\n# x"), "Hi,\n\n\\# x");
    }

    #[test]
    fn wikilinks_cannot_break_out() {
        assert_eq!(md_wikilink("Sharon Lee", "Sharon Lee"), "[[Sharon Lee]]");
        assert_eq!(
            md_wikilink("People/priya", "Priya N"),
            "[[People/priya|Priya N]]"
        );
        assert_eq!(
            md_wikilink("Odd ]] [[x|y]] #h", "Odd ]] [[x|y]] <b>\n# H"),
            "[[Odd xy h|Odd xy ‹b› # H]]"
        );
    }

    #[test]
    fn blockquotes_quote_every_line() {
        assert_eq!(blockquote("Hi,\n\nThere"), "> Hi,\n>\n> There");
    }

    #[test]
    fn links_read_as_words() {
        assert_eq!(
            unlink("send [[Marco Rossi]] the deck"),
            "send Marco Rossi the deck"
        );
        assert_eq!(
            unlink("[[People/dana|Dana]] and [[Sharon Lee#Work]]"),
            "Dana and Sharon Lee"
        );
        assert_eq!(unlink("see ![[chart.png]]"), "see chart.png");
        assert_eq!(unlink("[[unclosed"), "[[unclosed");
        assert_eq!(unlink("[[]]"), "");
    }
}
