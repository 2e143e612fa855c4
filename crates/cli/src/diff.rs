//! A unified diff of one edit, for `--dry-run`.
//!
//! The lines are printed as the file has them (a `\r` before the `\n` included, bytes that
//! are not UTF-8 included), so the output applies with `git apply` or `patch -p1`.

/// The unified diff between `before` and `after` of the note at `path`: one hunk around
/// the changed lines, with three lines of context. A new note (`before` is `None`) is
/// diffed against `/dev/null`.
pub fn unified(path: &str, before: Option<&[u8]>, after: &[u8]) -> Vec<u8> {
    let a = split(before.unwrap_or_default());
    let b = split(after);
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let max_suffix = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let (a_changed, b_changed) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let start = prefix.saturating_sub(3);
    let a_end = (a.len() - suffix + 3).min(a.len());
    let b_end = (b.len() - suffix + 3).min(b.len());
    let range = |from: usize, to: usize| {
        let count = to - from;
        let first = if count == 0 { from } else { from + 1 };
        format!("{first},{count}")
    };
    let old_name = if before.is_some() {
        format!("a/{path}")
    } else {
        "/dev/null".to_owned()
    };
    let mut out = format!(
        "--- {old_name}\n+++ b/{path}\n@@ -{} +{} @@\n",
        range(start, a_end),
        range(start, b_end)
    )
    .into_bytes();
    let mut push = |mark: u8, line: &[u8]| {
        out.push(mark);
        out.extend_from_slice(line);
        if !line.ends_with(b"\n") {
            out.extend_from_slice(b"\n\\ No newline at end of file\n");
        }
    };
    for line in &a[start..prefix] {
        push(b' ', line);
    }
    for line in a_changed {
        push(b'-', line);
    }
    for line in b_changed {
        push(b'+', line);
    }
    for line in &a[a.len() - suffix..a_end] {
        push(b' ', line);
    }
    out
}

fn split(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(before: &[u8], after: &[u8]) -> String {
        String::from_utf8(unified("A.md", Some(before), after)).expect("utf8")
    }

    #[test]
    fn one_inserted_line_with_context() {
        let diff = unified(
            "People/A.md",
            Some(b"a\nb\nc\nd\ne\nf\n"),
            b"a\nb\nc\nnew\nd\ne\nf\n",
        );
        assert_eq!(
            String::from_utf8(diff).expect("utf8"),
            "--- a/People/A.md\n+++ b/People/A.md\n@@ -1,6 +1,7 @@\n a\n b\n c\n+new\n d\n e\n f\n"
        );
    }

    #[test]
    fn missing_final_newline_is_shown() {
        assert_eq!(
            diff(b"x", b"x\nnew"),
            "--- a/A.md\n+++ b/A.md\n@@ -1,1 +1,2 @@\n-x\n\\ No newline at end of file\n+x\n+new\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn a_changed_line() {
        assert_eq!(
            diff(b"---\npaused: false\n---\n", b"---\npaused: true\n---\n"),
            "--- a/A.md\n+++ b/A.md\n@@ -1,3 +1,3 @@\n ---\n-paused: false\n+paused: true\n ---\n"
        );
    }

    #[test]
    fn crlf_and_other_bytes_are_kept() {
        let out = unified("A.md", Some(b"a\r\n\xFF\r\n"), b"a\r\nnew\r\n\xFF\r\n");
        assert_eq!(
            out,
            b"--- a/A.md\n+++ b/A.md\n@@ -1,2 +1,3 @@\n a\r\n+new\r\n \xFF\r\n"
        );
    }

    #[test]
    fn a_new_note_is_diffed_against_dev_null() {
        assert_eq!(
            String::from_utf8(unified("People/N.md", None, b"# N\n")).expect("utf8"),
            "--- /dev/null\n+++ b/People/N.md\n@@ -0,0 +1,1 @@\n+# N\n"
        );
    }
}
