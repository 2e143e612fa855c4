//! The content lines iCalendar (RFC 5545) and vCard (RFC 6350, and 2426 for 3.0) share:
//! `NAME;PARAM=…:value`, escaped, folded at 75 octets, ended by CRLF; and the stable
//! identifiers both formats need so that a calendar or address book that imports a file
//! again updates what it has instead of adding a copy.

/// Appends the content line `name:value` to `out`, `value` already escaped as its type
/// needs ([`text`] for text), folded so that no line is longer than 75 octets: a longer
/// one continues on the next line after a space, never inside a UTF-8 character.
pub(crate) fn push(out: &mut String, name: &str, value: &str) {
    const MAX: usize = 75;
    let line = format!("{name}:{value}");
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > MAX {
            out.push_str("\r\n ");
            // The space that starts a continuation line counts.
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// A text value escaped: `\`, `;` and `,` backslashed, a line break as `\n`, other
/// control characters left out (no content line may hold them).
pub(crate) fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A stable identifier made of `parts`: the same parts give the same identifier on every
/// run, machine and version (FNV-1a, 64 bits, which Rust's own hasher does not promise).
pub(crate) fn stable_id(parts: &[&str]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    for (i, part) in parts.iter().enumerate() {
        // A separator no text holds, so ("ab", "c") and ("a", "bc") differ.
        let bytes = part.bytes().chain((i + 1 < parts.len()).then_some(0x1f));
        for b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let value = "é".repeat(60);
        push(&mut out, "SUMMARY", &value);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""), "ends with CRLF");
        for line in &lines {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(lines[1].starts_with(' '));
        let unfolded = out.trim_end().replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{value}"));
    }

    #[test]
    fn short_lines_stay_whole() {
        let mut out = String::new();
        push(&mut out, "VERSION", "2.0");
        assert_eq!(out, "VERSION:2.0\r\n");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            text("a, b; c\\d\r\ne\nf\u{7}g"),
            "a\\, b\\; c\\\\d\\ne\\nfg"
        );
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(
            stable_id(&["People/Sharon Lee.md"]),
            stable_id(&["People/Sharon Lee.md"])
        );
        assert_ne!(stable_id(&["ab", "c"]), stable_id(&["a", "bc"]));
        // Pinned: a change here would make every calendar duplicate its events.
        assert_eq!(
            stable_id(&["birthday", "People/Sharon Lee.md"]),
            "10db4e67238d9be7"
        );
        assert_eq!(stable_id(&[]), "cbf29ce484222325");
    }
}
