//! Text helpers behind the templates' own filters and the Markdown digest: note text
//! escaped so it reads as text in Obsidian, table cells and blockquotes, Obsidian links
//! read as plain words, and a note's "her new role" turned into the "your new role" of a
//! message to her.

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

/// A note's words about someone, addressed to them: `her new role` is `your new role`,
/// `send him the deck` is `send you the deck`, `she is moving` is `you are moving`.
/// Words that are not about a person are left alone; when in doubt, nothing changes.
pub(crate) fn second_person(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut subject = false;
    for (i, word) in words.iter().enumerate() {
        let (lead, core, trail) = split_word(word);
        let lower = core.to_lowercase();
        let next = words
            .get(i + 1)
            .map(|w| split_word(w).1.to_lowercase())
            .unwrap_or_default();
        let was_subject = std::mem::take(&mut subject);
        let first = i == 0;
        let replaced: Option<String> = match lower.as_str() {
            "his" => Some("your".into()),
            "him" => Some("you".into()),
            "himself" | "herself" => Some("yourself".into()),
            "he's" | "she's" | "he’s" | "she’s" => Some("you're".into()),
            "he" | "she" => {
                subject = true;
                Some("you".into())
            }
            "her"
                if next.is_empty() || !trail.is_empty() || NOT_A_NOUN.contains(&next.as_str()) =>
            {
                Some("you".into())
            }
            "her" => Some("your".into()),
            "their" if first => Some("your".into()),
            "they" if first => Some("you".into()),
            "them" | "themselves" | "themself" if first => Some("you".into()),
            _ if was_subject => Some(verb_for_you(&lower)),
            _ => None,
        };
        match replaced {
            Some(new) if new != lower => {
                let new = if core.chars().next().is_some_and(char::is_uppercase) {
                    capitalize(&new)
                } else {
                    new
                };
                out.push(format!("{lead}{new}{trail}"));
            }
            _ => out.push((*word).to_owned()),
        }
    }
    out.join(" ")
}

/// Words after which `her` is not possessive: `send her the deck`, `met her at`.
const NOT_A_NOUN: &[&str] = &[
    "a", "an", "the", "to", "about", "with", "for", "on", "in", "at", "and", "or", "but", "that",
    "this", "some", "any", "back", "up", "out", "over", "again", "soon", "later", "from", "into",
    "by", "if", "when", "yet", "too", "as", "know", "how", "what", "why",
];

/// The verb after `you` that came after `he`/`she`: `is` → `are`, `plans` → `plan`.
fn verb_for_you(verb: &str) -> String {
    match verb {
        "is" => "are".into(),
        "was" => "were".into(),
        "has" => "have".into(),
        "does" => "do".into(),
        "goes" => "go".into(),
        _ if verb.len() > 3 && verb.ends_with("ies") => format!("{}y", &verb[..verb.len() - 3]),
        _ if ["sses", "shes", "ches", "xes", "zes"]
            .iter()
            .any(|end| verb.ends_with(end)) =>
        {
            verb[..verb.len() - 2].to_owned()
        }
        _ if verb.len() > 2
            && verb.ends_with('s')
            && !verb.ends_with("ss")
            && !verb.ends_with("us") =>
        {
            verb[..verb.len() - 1].to_owned()
        }
        _ => verb.to_owned(),
    }
}

/// What a log line says you talked about, as words that fit in "Last time we talked
/// about …" in a message to them; empty when the line says nothing that fits.
///
/// `coffee at Coffee Café, talked about her new role` is `your new role`;
/// `Lunch at the Thai place. He told me about his move to Berlin` is `your move to Berlin`;
/// `coffee at Coffee Café` (only where, not what) is empty. A topic longer than a short
/// phrase is cut at its first clause, or left out when it would still run on.
pub(crate) fn draft_topic(summary: &str) -> String {
    let text = unlink(summary);
    let mut text = text.trim();
    // "… talked about X": X is the topic, whatever came before.
    if let Some(rest) = after_marker(text) {
        text = rest;
    } else if let Some(rest) = without_setting(text) {
        // "lunch at the Thai place, …": where you met is not what you talked about.
        text = rest;
        if let Some(rest) = after_marker(text) {
            text = rest;
        }
    }
    let text = first_clause(text).trim_end_matches(|c: char| c.is_ascii_punctuation() && c != ')');
    let text = shorten(text.trim());
    let Some(text) = text else {
        return String::new();
    };
    second_person(&lower_first_word(text))
}

/// Words after which the topic starts.
const TOPIC_MARKERS: &[&str] = &[
    "talked about ",
    "talking about ",
    "chatted about ",
    "spoke about ",
    "told me about ",
    "asked about ",
    "asked me about ",
    "caught up on ",
    "discussed ",
];

/// Words that name a kind of meeting at the start of a log line.
const MEETING_WORDS: &[&str] = &[
    "coffee",
    "tea",
    "lunch",
    "dinner",
    "breakfast",
    "brunch",
    "drinks",
    "beers",
    "beer",
    "call",
    "phone",
    "video",
    "zoom",
    "meet",
    "meeting",
    "walk",
    "hike",
    "run",
    "chat",
    "catch-up",
    "catchup",
    "1:1",
    "met",
    "visit",
    "mentoring",
    "coaching",
];

fn after_marker(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    TOPIC_MARKERS
        .iter()
        .filter_map(|m| lower.find(m).map(|at| at + m.len()))
        .min()
        // `to_lowercase` can change byte lengths outside ASCII: only trust a boundary.
        .and_then(|at| text.get(at..))
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
}

/// The line without a leading "lunch at the Thai place," / "call about": `None` when it
/// does not start with a meeting word, empty when nothing but the setting is left.
fn without_setting(text: &str) -> Option<&str> {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    let first = first
        .trim_end_matches(|c: char| c.is_ascii_punctuation() && c != ':')
        .to_lowercase();
    // "at the Thai place, …" after a `lunch:` kind is the setting too.
    let rest = if ["at", "in", "over", "with"].contains(&first.as_str()) {
        text
    } else if MEETING_WORDS.contains(&first.as_str()) {
        let rest = rest.trim_start();
        for about in ["about ", "re ", "on "] {
            if let Some(topic) = rest.strip_prefix(about) {
                return Some(topic);
            }
        }
        rest
    } else {
        return None;
    };
    let end = CLAUSE_ENDS
        .iter()
        .filter_map(|e| rest.find(e).map(|at| at + e.len()))
        .min()
        .unwrap_or(rest.len());
    Some(rest[end..].trim_start())
}

const CLAUSE_ENDS: &[&str] = &[", ", ". ", "; ", " — ", " – ", " - ", "! ", "? "];

/// Up to the first full stop, semicolon or dash (commas stay: "his drinks, plans to…").
fn first_clause(text: &str) -> &str {
    let end = CLAUSE_ENDS[1..]
        .iter()
        .filter_map(|e| text.find(e))
        .min()
        .unwrap_or(text.len());
    &text[..end]
}

/// The most words a topic may have in a draft.
const TOPIC_WORDS: usize = 12;

/// A long topic cut at a comma or `and` after its first words, or `None` when it would
/// still run on.
fn shorten(text: &str) -> Option<&str> {
    if text.is_empty() {
        return None;
    }
    if text.split_whitespace().count() <= TOPIC_WORDS {
        return Some(text);
    }
    let mut cut = None;
    for sep in [", ", " and "] {
        for (at, _) in text.match_indices(sep) {
            let words = text[..at].split_whitespace().count();
            if (3..=TOPIC_WORDS).contains(&words) {
                cut = Some(cut.map_or(at, |c: usize| c.min(at)));
                break;
            }
        }
    }
    cut.map(|at| &text[..at])
}

/// `The reorg` is `the reorg` inside a sentence; names (`Berlin plans`) keep their capital.
fn lower_first_word(text: &str) -> String {
    const COMMON: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "our", "my", "your", "its", "how", "what", "why",
        "when", "whether", "some", "new", "next", "he", "she", "they", "plans", "ideas",
    ];
    let first = text.split(' ').next().unwrap_or_default();
    if COMMON.contains(&first.to_lowercase().as_str())
        || MEETING_WORDS.contains(&first.to_lowercase().as_str())
    {
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_lowercase().collect::<String>() + chars.as_str()
        })
    } else {
        text.to_owned()
    }
}

/// `("(", "her", "),")` from `(her),`: punctuation around a word kept apart.
fn split_word(word: &str) -> (&str, &str, &str) {
    let start = word
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(word.len());
    let end = word
        .rfind(|c: char| c.is_alphanumeric())
        .map_or(start, |i| {
            i + word[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = end.max(start);
    let core = &word[start..end];
    (&word[..start], core, &word[end..])
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

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

    #[test]
    fn draft_topics_are_what_you_talked_about() {
        let cases = [
            (
                "coffee at Coffee Café, talked about her new role",
                "your new role",
            ),
            (
                "Lunch at the Thai place. He told me about his plans to move to Berlin next spring and that he is considering leaving the company to start something of his own in climate tech.",
                "your plans to move to Berlin next spring",
            ),
            ("call about the offsite", "the offsite"),
            ("coffee at Coffee Café", ""),
            ("at the Thai place by the office", ""),
            ("with the whole team, the offsite plan", "the offsite plan"),
            ("Lunch", ""),
            (
                "her new role at Initech and hiring",
                "your new role at Initech and hiring",
            ),
            (
                "his farewell drinks, plans to take a sabbatical",
                "your farewell drinks, plans to take a sabbatical",
            ),
            ("The reorg, part two.", "the reorg, part two"),
            ("[[Globex]] launch", "Globex launch"),
            ("Berlin plans; also the book", "Berlin plans"),
            (
                "a very long rambling line that goes on without any place where it would be natural to cut it short at all",
                "",
            ),
            ("talked about", "talked about"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(draft_topic(input), expected, "{input}");
        }
    }

    #[test]
    fn notes_about_someone_become_words_to_them() {
        let cases = [
            (
                "her new role at Initech and hiring",
                "your new role at Initech and hiring",
            ),
            (
                "his farewell drinks, plans to take a sabbatical",
                "your farewell drinks, plans to take a sabbatical",
            ),
            ("send her the deck", "send you the deck"),
            ("intro him to Dana", "intro you to Dana"),
            ("she is moving to Lisbon", "you are moving to Lisbon"),
            ("He plans a sabbatical", "You plan a sabbatical"),
            ("she watches birds", "you watch birds"),
            ("he's hiring", "you're hiring"),
            ("their new team", "your new team"),
            ("the move to Lisbon", "the move to Lisbon"),
            (
                "how to move from managing to managing managers",
                "how to move from managing to managing managers",
            ),
            ("a book for her", "a book for you"),
            ("the team and their budget", "the team and their budget"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(second_person(input), expected, "{input}");
        }
    }
}
