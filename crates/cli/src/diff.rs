//! A unified diff of one edit, for `--dry-run`.

/// The unified diff between `before` and `after` of the note at `path`: one hunk around
/// the changed lines, with three lines of context.
pub fn unified(path: &str, before: &[u8], after: &[u8]) -> String {
    let a = split(before);
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
    let mut out = format!(
        "--- a/{path}\n+++ b/{path}\n@@ -{} +{} @@\n",
        range(start, a_end),
        range(start, b_end)
    );
    let mut push = |mark: char, line: &[u8]| {
        out.push(mark);
        let text = String::from_utf8_lossy(line);
        let content = text
            .strip_suffix('\n')
            .map(|t| t.strip_suffix('\r').unwrap_or(t));
        out.push_str(content.unwrap_or(&text));
        out.push('\n');
        if content.is_none() {
            out.push_str("\\ No newline at end of file\n");
        }
    };
    for line in &a[start..prefix] {
        push(' ', line);
    }
    for line in a_changed {
        push('-', line);
    }
    for line in b_changed {
        push('+', line);
    }
    for line in &a[a.len() - suffix..a_end] {
        push(' ', line);
    }
    out
}

fn split(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_inserted_line_with_context() {
        let diff = unified(
            "People/A.md",
            b"a\nb\nc\nd\ne\nf\n",
            b"a\nb\nc\nnew\nd\ne\nf\n",
        );
        assert_eq!(
            diff,
            "--- a/People/A.md\n+++ b/People/A.md\n@@ -1,6 +1,7 @@\n a\n b\n c\n+new\n d\n e\n f\n"
        );
    }

    #[test]
    fn missing_final_newline_is_shown() {
        let diff = unified("A.md", b"x", b"x\nnew");
        assert_eq!(
            diff,
            "--- a/A.md\n+++ b/A.md\n@@ -1,1 +1,2 @@\n-x\n\\ No newline at end of file\n+x\n+new\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn a_changed_line() {
        let diff = unified(
            "A.md",
            b"---\npaused: false\n---\n",
            b"---\npaused: true\n---\n",
        );
        assert_eq!(
            diff,
            "--- a/A.md\n+++ b/A.md\n@@ -1,3 +1,3 @@\n ---\n-paused: false\n+paused: true\n ---\n"
        );
    }
}
