//! The YAML that nearly all front matter is written in, read without the YAML library.
//!
//! Most notes' properties are a handful of `key: value` lines, flow lists (`tags: [a, b]`)
//! and block lists (`- item`). Reading those through a YAML library's event machinery was a
//! sixth of the time `vault` spent on a large vault, so this module reads them directly and
//! answers `None` — "ask the YAML library" — for anything else: nested mappings, block
//! scalars, anchors, tags, escapes, comments after values, unusual keys or characters,
//! numbers other than plain integers. It never guesses: whatever it does answer is what
//! the YAML library (`crate::yaml`) gives for the same text, which `tests` below check on generated documents
//! and `tests/suite/corpora.rs` on every note of the corpora.

use crate::value::Value;

/// The entries of `text`, or `None` when it is not in the simple subset.
pub fn parse(text: &str) -> Option<Vec<(String, Value)>> {
    // YAML refuses control characters anywhere, and YAML 1.1 readers break lines at `\r`,
    // NEL, LS and PS, comments included; only `\n` and `\r\n` are line ends here.
    let clean = text.chars().all(|c| printable(c) || c == '\n' || c == '\r');
    if !clean {
        return None;
    }
    let mut entries = Entries::default();
    // A key whose value is empty on its line: a block list may follow.
    let mut open_list: Option<OpenList> = None;
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.contains('\r') {
            return None;
        }
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        if let Some(item) = content
            .strip_prefix('-')
            .filter(|rest| rest.is_empty() || rest.starts_with(' '))
        {
            // A block list item belongs to the last key, all at one indentation.
            let list = open_list.as_mut()?;
            if *list.indent.get_or_insert(indent) != indent {
                return None;
            }
            let item = item.trim_matches(' ');
            list.items.push(if item.is_empty() {
                Value::Null
            } else {
                value(item)?
            });
            continue;
        }
        if indent != 0 {
            return None;
        }
        close(&mut entries, open_list.take())?;
        let (key, rest) = key(content)?;
        let rest = rest.trim_matches(' ');
        if rest.is_empty() {
            open_list = Some(OpenList {
                key: key.to_owned(),
                indent: None,
                items: Vec::new(),
            });
        } else {
            push(&mut entries, key.to_owned(), value(rest)?)?;
        }
    }
    close(&mut entries, open_list)?;
    Some(entries.list)
}

struct OpenList {
    key: String,
    indent: Option<usize>,
    items: Vec<Value>,
}

/// Ends a key with an empty value: a list when items followed, else null.
fn close(entries: &mut Entries, list: Option<OpenList>) -> Option<()> {
    let Some(list) = list else {
        return Some(());
    };
    let value = match list.indent {
        Some(_) => Value::List(list.items),
        None => Value::Null,
    };
    push(entries, list.key, value)
}

/// Adds an entry; a duplicate key is left to the library, which reports it.
fn push(entries: &mut Entries, key: String, value: Value) -> Option<()> {
    // A few keys are compared in a row; many (a note with 100,000 keys) through a set, so
    // the check stays linear in the number of keys.
    const SCAN: usize = 32;
    if entries.list.len() < SCAN {
        if entries.list.iter().any(|(k, _)| *k == key) {
            return None;
        }
    } else {
        if entries.seen.is_empty() {
            entries.seen = entries.list.iter().map(|(k, _)| hash(k)).collect();
        }
        let h = hash(&key);
        if entries.seen.contains(&h) && entries.list.iter().any(|(k, _)| *k == key) {
            return None;
        }
        entries.seen.insert(h);
    }
    entries.list.push((key, value));
    Some(())
}

/// The entries read so far, and the hashes of their keys once there are many.
#[derive(Default)]
struct Entries {
    list: Vec<(String, Value)>,
    seen: rustc_hash::FxHashSet<u64>,
}

fn hash(key: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key)
}

/// `key: rest` with a key of ASCII letters, digits, `_`, `-` and inner spaces that starts
/// with a letter or `_` and is not a word YAML reads as null or a boolean.
fn key(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let (key, rest) = (&line[..colon], &line[colon + 1..]);
    let first = *key.as_bytes().first()?;
    let simple = (first.is_ascii_alphabetic() || first == b'_')
        && key.len() <= 128
        && !key.ends_with(' ')
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b' '));
    if !simple || is_null_or_bool(key) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((key, rest))
}

/// A value on one line: a flow list, a quoted string or a plain scalar.
fn value(text: &str) -> Option<Value> {
    if let Some(inner) = text.strip_prefix('[') {
        return flow_list(inner.strip_suffix(']')?);
    }
    if let Some((string, rest)) = quoted(text) {
        return rest
            .trim_matches(' ')
            .is_empty()
            .then_some(Value::String(string.to_owned()));
    }
    plain(text, false)
}

/// The items of `[a, "b, c", 'd']`, without the brackets.
fn flow_list(mut inner: &str) -> Option<Value> {
    let mut items = Vec::new();
    loop {
        inner = inner.trim_start_matches(' ');
        if inner.is_empty() {
            // `[]`, or a trailing comma, which YAML allows.
            return Some(Value::List(items));
        }
        let (item, rest) = match quoted(inner) {
            Some((string, rest)) => (Value::String(string.to_owned()), rest),
            None => {
                let end = inner.find(',').unwrap_or(inner.len());
                (
                    plain(inner[..end].trim_end_matches(' '), true)?,
                    &inner[end..],
                )
            }
        };
        items.push(item);
        let rest = rest.trim_start_matches(' ');
        match rest.strip_prefix(',') {
            Some(after) => inner = after,
            None if rest.is_empty() => return Some(Value::List(items)),
            None => return None,
        }
    }
}

/// A `"…"` string without escapes or a `'…'` string without doubled quotes, and what
/// follows it.
fn quoted(text: &str) -> Option<(&str, &str)> {
    let quote = match text.as_bytes().first()? {
        b'"' => '"',
        b'\'' => '\'',
        _ => return None,
    };
    let body = &text[1..];
    let end = body.find(quote)?;
    let string = &body[..end];
    let rest = &body[end + 1..];
    // `\"` and `''` are escapes, left to the library.
    let escaped = string.contains('\\') || (quote == '\'' && rest.starts_with('\''));
    (!escaped).then_some((string, rest))
}

/// A plain (unquoted) scalar, resolved the way the YAML library resolves it (YAML 1.2): null, boolean,
/// integer or string. `in_flow` is true inside `[…]`, where fewer characters are plain.
fn plain(text: &str, in_flow: bool) -> Option<Value> {
    let first = text.chars().next()?;
    let indicator = matches!(
        first,
        '-' | '?'
            | ':'
            | ','
            | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '&'
            | '*'
            | '!'
            | '|'
            | '>'
            | '\''
            | '"'
            | '%'
            | '@'
            | '`'
            | ' '
    );
    let flow_breaking = in_flow && text.contains(['[', ']', '{', '}', ':']);
    if indicator
        || flow_breaking
        || text.contains('#')
        || text.contains(": ")
        || text.ends_with(':')
        || text.ends_with(' ')
    {
        return None;
    }
    if matches!(text, "null" | "Null" | "NULL" | "~") {
        return Some(Value::Null);
    }
    match text {
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    if first.is_ascii_alphabetic() || !first.is_ascii() {
        // No number starts with a letter (`inf` and `nan` are not finite, so strings).
        return Some(Value::String(text.to_owned()));
    }
    if !first.is_ascii_digit() {
        // `.5`, `_x`, `(x)` …: left to the library.
        return None;
    }
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let tail = &bytes[digits..];
    if tail.is_empty() {
        // `0`, `30`: an integer; `030`: a string (YAML 1.2); too long for u64: unsure.
        if digits > 1 && first == '0' {
            return Some(Value::String(text.to_owned()));
        }
        return (digits <= 19 && text.parse::<u64>().is_ok())
            .then(|| Value::Number(text.to_owned()));
    }
    // `2026-11-23`, `1990-05-12`: digits and inner dashes are never a number.
    let dashed = tail.iter().all(|b| b.is_ascii_digit() || *b == b'-') && !text.ends_with('-');
    // `14d`, `3mo`: digits, then a letter that cannot continue a number (`e` can, and
    // `0x`, `0o`, `0b` start one). `2 weeks`: no number has a space.
    let worded = (first != '0' && tail[0].is_ascii_alphabetic() && !matches!(tail[0], b'e' | b'E'))
        || tail.contains(&b' ');
    (dashed || worded).then(|| Value::String(text.to_owned()))
}

fn is_null_or_bool(text: &str) -> bool {
    matches!(
        text,
        "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    )
}

/// Characters YAML accepts in a scalar on one line (no tabs, breaks or BOM).
fn printable(c: char) -> bool {
    matches!(c, ' '..='~')
        || (c >= '\u{A0}'
            && !matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
            ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;

    fn s(text: &str) -> Value {
        Value::String(text.to_owned())
    }

    #[test]
    fn reads_the_common_shapes() {
        let text = "name: Alan Walsh\ncadence: 14d\nbirthday: \"--02-12\"\nfavorite: yes\n\
                    topics: [distributed systems, 'sci-fi', \"a, b\"]\ncount: 30\nempty:\n\
                    aliases:\n  - Al\n  - \"[[Alan]]\"\ndate: 2026-11-23\nflag: true\n";
        let entries = parse(text).expect("simple");
        assert_eq!(
            entries,
            vec![
                ("name".into(), s("Alan Walsh")),
                ("cadence".into(), s("14d")),
                ("birthday".into(), s("--02-12")),
                ("favorite".into(), s("yes")),
                (
                    "topics".into(),
                    Value::List(vec![s("distributed systems"), s("sci-fi"), s("a, b")])
                ),
                ("count".into(), Value::Number("30".into())),
                ("empty".into(), Value::Null),
                ("aliases".into(), Value::List(vec![s("Al"), s("[[Alan]]")])),
                ("date".into(), s("2026-11-23")),
                ("flag".into(), Value::Bool(true)),
            ]
        );
    }

    #[test]
    fn leaves_the_rest_to_the_library() {
        for text in [
            "a:\n  b: 1\n",
            "a: |\n  text\n",
            "a: x # comment\n",
            "a: \"esc\\\"aped\"\n",
            "a: 'it''s'\n",
            "a: 1.5\n",
            "a: 0x1F\n",
            "a: b: c\n",
            "a: &x 1\n",
            "a: !tag x\n",
            "a: x\na: y\n",
            "- x\n",
            "a: x\n  continued\n",
            "a:\n  - x\n    - y\n",
            "a:\tx\n",
            "key with colon:x\n",
            "true: x\n",
            "a: [x, [y]]\n",
            "a: [x: y]\n",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    /// Pieces of front matter, tricky ones included, to assemble documents from.
    fn piece() -> impl Strategy<Value = String> {
        let keys = prop::sample::select(vec![
            "name",
            "a",
            "b",
            "x-y",
            "two words",
            "_k",
            "true",
            "null",
            "1",
            "aliases",
            "tags",
            "Key",
        ]);
        let scalars = prop::sample::select(vec![
            "",
            "~",
            "null",
            "Null",
            "yes",
            "no",
            "0",
            "030",
            "12",
            "-5",
            "+5",
            "1.5",
            "1e3",
            "14d",
            "3 weeks",
            "1f",
            "12e",
            "0b1",
            "0x1F",
            "2026-11-01",
            "2026-11-",
            "inf",
            ".inf",
            "nan",
            "a: b",
            "a:b",
            "a #b",
            "a#b",
            "[a, b]",
            "[\"x, y\", z]",
            "['a']",
            "[]",
            "[ ]",
            "[a,]",
            "[a,,b]",
            "[a, [b]]",
            "\"q\"",
            "'q'",
            "\"a\\\"b\"",
            "'it''s'",
            "\"q\" x",
            "[[Sam]]",
            "\"[[Sam]]\"",
            "{a: b}",
            "|",
            ">",
            "&a x",
            "*a",
            "!tag x",
            "@x",
            "`x`",
            "%x",
            "-x",
            "- x",
            "?x",
            ": x",
            "ü",
            "a\u{2028}b",
            "a\tb",
            "x:",
            "trailing ",
            "Sam Lee",
            "https://x.com/a?b=c",
            "[a:b]",
            "a, b",
            "[x] y",
            "\u{FEFF}x",
            "'",
            "\"",
            "True",
            "FALSE",
        ]);
        prop_oneof![
            (keys.clone(), scalars.clone()).prop_map(|(k, v)| format!("{k}: {v}")),
            (keys, 0..3usize, prop::collection::vec(scalars, 0..3)).prop_map(|(k, n, items)| {
                let mut text = format!("{k}:");
                for item in items {
                    text.push_str(&format!("\n{}- {item}", " ".repeat(n)));
                }
                text
            }),
            prop::sample::select(vec!["# comment", "", "  # indented", "  x", "---", "- x"])
                .prop_map(str::to_owned),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Whatever the simple reader answers is what the YAML library answers.
        #[test]
        fn agrees_with_the_library(
            pieces in prop::collection::vec(piece(), 0..6),
            crlf in any::<bool>(),
        ) {
            let text = pieces.join(if crlf { "\r\n" } else { "\n" }) + "\n";
            if let Some(simple) = parse(&text) {
                prop_assert_eq!(Ok(simple), crate::yaml::parse_with_library(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn most_generated_documents_are_simple() {
        // The differential test above is only worth something if it often answers.
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = prop::collection::vec(piece(), 0..4);
        let mut simple = 0;
        for _ in 0..500 {
            let pieces = strategy
                .new_tree(&mut runner)
                .expect("a generated document")
                .current();
            simple += usize::from(parse(&(pieces.join("\n") + "\n")).is_some());
        }
        assert!(simple > 100, "only {simple} of 500 were simple");
    }
}
