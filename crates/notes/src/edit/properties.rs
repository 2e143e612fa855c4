//! Property edits in the front matter ([`set_property`], [`remove_property`],
//! [`clear_property`]) and the quoting of what they write ([`yaml_scalar`]).

use crate::line::{self, Key};
use crate::source::bom_len;

use super::EditError;
use super::document::{Doc, FrontMatter, eol_at, insert_line};

/// Quotes a YAML scalar when it would otherwise not read back as the same text: empty
/// text, leading or trailing blanks, YAML indicators at the start (`[`, `{`, `*`, `&`, `!`,
/// `|`, `>`, `'`, `"`, `%`, `@`, `` ` ``, `#`, `-`, `?`, `:`, `,`), `: ` or ` #` inside,
/// line breaks and tabs, and words YAML reads as booleans or null. Dates stay bare.
pub fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.starts_with(|c: char| "[]{}#&*!|>'\"%@`,?:-~ \t".contains(c))
        && !value.ends_with([' ', ':', '\t'])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains(|c: char| c.is_control())
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "y" | "n" | "on" | "off" | "null" | "~"
        )
        && !reads_as_other_number(value);
    if plain {
        return value.to_owned();
    }
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('"');
    for c in value.chars() {
        match c {
            '\\' => quoted.push_str("\\\\"),
            '"' => quoted.push_str("\\\""),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Whether YAML would read `value` as a number written differently (`1e3`, `0x1F`, `.5`,
/// `007`, `.inf`): such text is quoted to stay text. Plain integers (`30`) and dates stay
/// bare.
fn reads_as_other_number(value: &str) -> bool {
    let unsigned = value.trim_start_matches(['+', '-']);
    let lower = unsigned.to_ascii_lowercase();
    let integer = !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit());
    if integer {
        return value.starts_with('+') || (unsigned.len() > 1 && unsigned.starts_with('0'));
    }
    matches!(lower.as_str(), ".inf" | ".nan")
        || lower.starts_with("0x")
        || lower.starts_with("0o")
        || (value.parse::<f64>().is_ok() && !lower.contains("inf") && !lower.contains("nan"))
}

/// Where the parts of a `key: value # comment` line are, in its bytes.
#[derive(Debug, Clone, Copy)]
struct ValueParts {
    colon: usize,
    /// Where the value starts (after the blanks following the colon).
    value_start: usize,
    /// Where the value ends: what follows is trailing blanks and a `# comment`, kept.
    value_end: usize,
}

impl ValueParts {
    /// The parts of a key line's original bytes (which need not be UTF-8, so the key
    /// scanner's offsets in the decoded text do not apply).
    fn of(line: &[u8]) -> Option<ValueParts> {
        let colon = memchr::memchr(b':', line)?;
        let blank = |b: &u8| matches!(b, b' ' | b'\t');
        let value_start = colon + 1 + line[colon + 1..].iter().take_while(|b| blank(b)).count();
        if line.get(value_start) == Some(&b'#') && value_start > colon + 1 {
            // `key:   # comment`: no value.
            return Some(ValueParts {
                colon,
                value_start: colon + 1,
                value_end: colon + 1,
            });
        }
        // A comment cannot start inside quotes.
        let after_quotes = match line.get(value_start) {
            Some(b'"') => {
                let mut i = value_start + 1;
                while i < line.len() && line[i] != b'"' {
                    i += if line[i] == b'\\' { 2 } else { 1 };
                }
                (i + 1).min(line.len())
            }
            Some(b'\'') => {
                let mut i = value_start + 1;
                while i < line.len() {
                    if line[i] == b'\'' {
                        if line.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                (i + 1).min(line.len())
            }
            _ => value_start,
        };
        let comment = (after_quotes.max(value_start + 1)..line.len())
            .find(|&i| line[i] == b'#' && blank(&line[i - 1]))
            .unwrap_or(line.len());
        let value_end = value_start
            + line[value_start..comment.max(value_start)]
                .iter()
                .rposition(|b| !blank(b))
                .map_or(0, |p| p + 1);
        Some(ValueParts {
            colon,
            value_start,
            value_end,
        })
    }

    fn is_empty(self, line: &[u8]) -> bool {
        let value = &line[self.value_start..self.value_end];
        value.is_empty()
            || matches!(
                value,
                b"~" | b"null" | b"Null" | b"NULL" | b"\"\"" | b"''" | b"[]" | b"{}"
            )
    }
}

/// A property in the front matter: its key line and the last line of its value, as line
/// indices of the note.
#[derive(Debug, Clone, Copy)]
struct PropertySpan {
    first: usize,
    last: usize,
}

/// A closed front matter: the index of its closing `---` line and its top-level keys (the
/// reader's key scan; the YAML starts at line 1).
struct Properties<'d> {
    close: usize,
    keys: Vec<Key<'d>>,
}

impl<'d> Properties<'d> {
    /// The front matter of `doc`; `Ok(None)` when it has none.
    fn of(doc: &'d Doc<'_>) -> Result<Option<Properties<'d>>, EditError> {
        match doc.front_matter() {
            FrontMatter::Closed { close, yaml } => Ok(Some(Properties {
                close,
                keys: line::keys(doc.text_in(yaml)).collect(),
            })),
            FrontMatter::Absent => Ok(None),
            FrontMatter::Unterminated => Err(EditError::UnterminatedFrontMatter),
        }
    }

    /// The line of the property the reader reads for `keys` (canonical first, then
    /// aliases): the first key, in that order, with a value; else the first of them
    /// present.
    fn span(&self, doc: &Doc<'_>, keys: &[&str]) -> Option<PropertySpan> {
        let close = self.close;
        let mut found: Vec<(usize, PropertySpan, bool)> = Vec::new();
        for key in &self.keys {
            let Some(rank) = keys.iter().position(|k| k.eq_ignore_ascii_case(key.name)) else {
                continue;
            };
            let i = key.index + 1;
            let mut last = i;
            while last + 1 < close {
                let next = doc.text(last + 1);
                let blank_then_block = next.trim().is_empty()
                    && last + 2 < close
                    && line::is_nested(doc.text(last + 2));
                if line::is_nested(next) || blank_then_block {
                    last += 1;
                } else {
                    break;
                }
            }
            let line = doc.raw(i);
            let has_value = last > i || ValueParts::of(line).is_some_and(|p| !p.is_empty(line));
            found.push((rank, PropertySpan { first: i, last }, has_value));
        }
        (0..keys.len())
            .find_map(|rank| {
                found
                    .iter()
                    .find(|(r, _, _)| *r == rank)
                    .filter(|(_, _, has_value)| *has_value)
            })
            .or(found.first())
            .map(|(_, span, _)| *span)
    }
}

/// Sets a property to `value`, which is YAML as it should be written (pass text through
/// [`yaml_scalar`]; `true` is a boolean), touching one line.
///
/// `keys` are every key the property may be written under (canonical first, then aliases).
/// The one the reader reads is changed in place, keeping the user's spelling of the key,
/// the blanks after the colon and a trailing `# comment` (a block value under it is
/// replaced). A missing property is added as `keys[0]: value` before the closing `---`; a
/// note without front matter gets one at the top (after a byte-order mark).
pub fn set_property(bytes: &[u8], keys: &[&str], value: &str) -> Result<Vec<u8>, EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let canonical = keys.first().copied().unwrap_or("property");
    let Some(properties) = Properties::of(&doc)? else {
        let bom = bom_len(bytes);
        let eol = eol_at(bytes, bom);
        let mut out = Vec::with_capacity(bytes.len() + 32);
        out.extend_from_slice(&bytes[..bom]);
        for line in ["---", &format!("{canonical}: {value}"), "---"] {
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(eol);
        }
        out.extend_from_slice(&bytes[bom..]);
        return Ok(out);
    };
    let Some(span) = properties.span(&doc, keys) else {
        return Ok(insert_line(
            bytes,
            doc.start(properties.close),
            &format!("{canonical}: {value}"),
        ));
    };
    let line = doc.raw(span.first);
    let Some(parts) = ValueParts::of(line) else {
        return Ok(bytes.to_vec());
    };
    let mut out = Vec::with_capacity(bytes.len() + value.len());
    out.extend_from_slice(&bytes[..doc.start(span.first)]);
    out.extend_from_slice(&line[..=parts.colon]);
    if parts.value_start > parts.colon + 1 {
        out.extend_from_slice(&line[parts.colon + 1..parts.value_start]);
    } else {
        out.push(b' ');
    }
    out.extend_from_slice(value.as_bytes());
    out.extend_from_slice(&line[parts.value_end..]);
    let rest_from = doc.line(span.last).map_or(bytes.len(), |l| l.end);
    out.extend_from_slice(&bytes[rest_from..]);
    Ok(out)
}

/// Removes the property the reader reads for `keys` (its line, and the lines of a block
/// value under it). A note without it is returned unchanged.
pub fn remove_property(bytes: &[u8], keys: &[&str]) -> Result<Vec<u8>, EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let Some(span) = Properties::of(&doc)?.and_then(|p| p.span(&doc, keys)) else {
        return Ok(bytes.to_vec());
    };
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..doc.start(span.first)]);
    out.extend_from_slice(&bytes[doc.line(span.last).map_or(bytes.len(), |l| l.next)..]);
    Ok(out)
}

/// Turns a property off, undoing [`set_property`] byte for byte: the line `vault` writes
/// (`keys[0]: value`, nothing else on it) is removed; a line the user wrote differently —
/// another tool's key, a `# comment`, a block value — stays, with its value set to `off`
/// (`false`, or today's date for a snooze), so their key and comment survive. A note
/// without the property is returned unchanged.
pub fn clear_property(bytes: &[u8], keys: &[&str], off: &str) -> Result<Vec<u8>, EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let Some(properties) = Properties::of(&doc)? else {
        return Ok(bytes.to_vec());
    };
    let Some(span) = properties.span(&doc, keys) else {
        return Ok(bytes.to_vec());
    };
    let line = doc.raw(span.first);
    let written_by_vault = span.first == span.last
        && keys.first().is_some_and(|key| {
            line.strip_prefix(key.as_bytes())
                .and_then(|rest| rest.strip_prefix(b": "))
                .is_some_and(|value| {
                    !value.is_empty() && !value.iter().any(|b| matches!(b, b' ' | b'\t' | b'#'))
                })
        });
    if written_by_vault {
        // The front matter `set_property` created for this one line goes with it.
        if properties.close == 2 {
            let mut out = bytes[..bom_len(bytes)].to_vec();
            let after = doc.line(properties.close).map_or(bytes.len(), |l| l.next);
            out.extend_from_slice(&bytes[after..]);
            return Ok(out);
        }
        remove_property(bytes, keys)
    } else {
        set_property(bytes, keys, off)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_property_in_place_keeps_spelling_spacing_quotes_and_comments() {
        let note = b"---\nname: \"A\"\nprm-snooze-until: 2026-01-01 # old\ntags: [x]\n---\nbody";
        let out =
            set_property(note, &["snooze_until", "prm-snooze-until"], "2026-12-15").expect("edit");
        assert_eq!(
            out,
            b"---\nname: \"A\"\nprm-snooze-until: 2026-12-15 # old\ntags: [x]\n---\nbody"
        );
        for (line, expected) in [
            (
                "snooze_until: \"2020-01-01 # x\" # real",
                "snooze_until: 2026-12-15 # real",
            ),
            (
                "snooze_until: '2020 #''s' # real",
                "snooze_until: 2026-12-15 # real",
            ),
            (
                "snooze_until:    2020-01-01   ",
                "snooze_until:    2026-12-15   ",
            ),
            (
                "Snooze_Until:\t2020-01-01\t# tab",
                "Snooze_Until:\t2026-12-15\t# tab",
            ),
            ("snooze_until:", "snooze_until: 2026-12-15"),
            (
                "snooze_until:   # later",
                "snooze_until: 2026-12-15   # later",
            ),
            ("\"snooze_until\": x#y", "\"snooze_until\": 2026-12-15"),
        ] {
            let note = format!("---\n{line}\n---\n");
            let out = set_property(note.as_bytes(), &["snooze_until"], "2026-12-15").expect("edit");
            assert_eq!(
                String::from_utf8(out).expect("utf8"),
                format!("---\n{expected}\n---\n"),
                "{line}"
            );
        }
    }

    #[test]
    fn set_property_changes_the_key_the_reader_reads() {
        let keys = ["snooze_until", "prm-snooze-until"];
        // The alias comes first in the file, but the canonical key is what is read.
        let note = b"---\nprm-snooze-until: 2027-01-01\nsnooze_until: 2026-12-01\n---\n";
        assert_eq!(
            set_property(note, &keys, "2026-12-24").expect("edit"),
            b"---\nprm-snooze-until: 2027-01-01\nsnooze_until: 2026-12-24\n---\n"
        );
        // An empty canonical key is skipped for the alias that has a value.
        let note = b"---\nsnooze_until:\nprm-snooze-until: 2027-01-01\n---\n";
        assert_eq!(
            set_property(note, &keys, "2026-12-24").expect("edit"),
            b"---\nsnooze_until:\nprm-snooze-until: 2026-12-24\n---\n"
        );
        // None has a value: the first one present is filled in.
        let note = b"---\nprm-snooze-until: ~\nsnooze_until:\n---\n";
        assert_eq!(
            set_property(note, &keys, "2026-12-24").expect("edit"),
            b"---\nprm-snooze-until: 2026-12-24\nsnooze_until:\n---\n"
        );
    }

    #[test]
    fn set_property_inserts_or_creates_front_matter() {
        let out =
            set_property(b"---\r\nname: A\r\n---\r\nbody\r\n", &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\r\nname: A\r\npaused: true\r\n---\r\nbody\r\n");
        let out = set_property(b"\xEF\xBB\xBFbody", &["snooze_until"], "2026-12-15").expect("edit");
        assert_eq!(out, b"\xEF\xBB\xBF---\nsnooze_until: 2026-12-15\n---\nbody");
        let out = set_property(b"body\r\n", &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\r\npaused: true\r\n---\r\nbody\r\n");
        let out = set_property(b"---\n---", &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\npaused: true\n---");
        let out = set_property(b"---\naliases:\n  - P\n---\n", &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\naliases:\n  - P\npaused: true\n---\n");
        assert_eq!(
            set_property(b"---\nname: A\n", &["paused"], "true"),
            Err(EditError::UnterminatedFrontMatter)
        );
    }

    #[test]
    fn remove_property_removes_block_values_too() {
        let out = remove_property(
            b"---\nname: A\npaused:\n  - yes\nrole: x\n---\n",
            &["paused"],
        )
        .expect("edit");
        assert_eq!(out, b"---\nname: A\nrole: x\n---\n");
        let same = remove_property(b"---\nname: A\n---\n", &["paused"]).expect("edit");
        assert_eq!(same, b"---\nname: A\n---\n");
        let same = remove_property(b"no front matter", &["paused"]).expect("edit");
        assert_eq!(same, b"no front matter");
    }

    #[test]
    fn clear_property_undoes_set_property() {
        let keys = ["paused", "prm-paused"];
        for note in [
            &b"---\nname: A\n---\n"[..],
            b"---\nprm-paused: false # kept\n---\n",
            b"---\r\nPaused: false\r\n---\r\n",
            b"body only\n",
        ] {
            let on = set_property(note, &keys, "true").expect("set");
            assert_eq!(
                clear_property(&on, &keys, "false").expect("clear"),
                note,
                "{}",
                String::from_utf8_lossy(note)
            );
        }
        // A line the user wrote keeps its key and comment.
        assert_eq!(
            clear_property(
                b"---\nprm-snooze-until: 2027-01-01 # Q1\n---\n",
                &["snooze_until", "prm-snooze-until"],
                "2026-11-23"
            )
            .expect("clear"),
            b"---\nprm-snooze-until: 2026-11-23 # Q1\n---\n"
        );
        assert_eq!(
            clear_property(b"---\npaused: true\nrole: x\n---\n", &keys, "false").expect("clear"),
            b"---\nrole: x\n---\n"
        );
        assert_eq!(
            clear_property(b"---\nname: A\n---\n", &keys, "false").expect("clear"),
            b"---\nname: A\n---\n"
        );
    }

    #[test]
    fn yaml_scalars_are_quoted_when_needed() {
        assert_eq!(yaml_scalar("2026-12-15"), "2026-12-15");
        assert_eq!(yaml_scalar("Acme: the company"), "\"Acme: the company\"");
        assert_eq!(yaml_scalar("[[Initech]]"), "\"[[Initech]]\"");
        assert_eq!(yaml_scalar("yes"), "\"yes\"");
        assert_eq!(yaml_scalar("say \"hi\""), "say \"hi\"");
        assert_eq!(yaml_scalar("a\u{1}b"), "\"a\\u0001b\"");
        assert_eq!(yaml_scalar(""), "\"\"");
    }
}
