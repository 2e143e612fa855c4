//! Text helpers behind the templates' own filters: Markdown table cells and blockquotes,
//! Obsidian links read as plain words, and a note's "her new role" turned into the
//! "your new role" of a message to her.

/// Safe inside a Markdown table cell: `|` escaped, line breaks as spaces.
pub(crate) fn md_cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace("\r\n", " ")
        .replace(['\r', '\n'], " ")
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
pub(crate) fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start + 2..].find("]]") else {
            break;
        };
        let before = &rest[..start];
        out.push_str(before.strip_suffix('!').unwrap_or(before));
        out.push_str(&link_label(&rest[start + 2..start + 2 + len]));
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    out
}

fn link_label(inner: &str) -> String {
    if let Some((_, label)) = inner.split_once('|') {
        return label.trim().to_owned();
    }
    let target = inner.split(['#', '^']).next().unwrap_or(inner);
    let file = target.rsplit('/').next().unwrap_or(target);
    let file = file.strip_suffix(".md").unwrap_or(file).trim();
    if file.is_empty() {
        inner.trim().to_owned()
    } else {
        file.to_owned()
    }
}

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
