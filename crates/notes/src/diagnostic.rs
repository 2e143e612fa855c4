//! Problems found while reading a vault, as values to collect and report.

use std::fmt;

use serde::Serialize;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something could not be read; part of a note was ignored.
    Error,
    /// Read, but probably not what the user meant.
    Warning,
    /// Worth knowing; nothing was lost.
    Hint,
}

impl Severity {
    /// The lower-case word used in messages and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem at a place in the vault: `path:line:column: severity: message`.
///
/// Lines and columns count from 1; column counts characters, not bytes. A problem with a
/// whole file (unreadable, not UTF-8) points at line 1, column 1.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Diagnostic {
    /// Path relative to the vault root, with `/` separators.
    pub path: String,
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column (in characters) in that line.
    pub column: u32,
    /// How serious it is.
    pub severity: Severity,
    /// A stable identifier of the kind of problem, such as `yaml-syntax` or `bad-date`.
    pub code: &'static str,
    /// What is wrong, and what to write instead.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at `path:line:column`.
    pub fn new(
        path: impl Into<String>,
        line: u32,
        column: u32,
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.into(),
            line: line.max(1),
            column: column.max(1),
            severity,
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {} [{}]",
            self.path, self.line, self.column, self.severity, self.message, self.code
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_path_line_column() {
        let d = Diagnostic::new("People/A.md", 3, 10, Severity::Error, "bad-date", "bad");
        assert_eq!(d.to_string(), "People/A.md:3:10: error: bad [bad-date]");
    }

    #[test]
    fn line_and_column_are_at_least_one() {
        let d = Diagnostic::new("a.md", 0, 0, Severity::Hint, "x", "m");
        assert_eq!((d.line, d.column), (1, 1));
    }
}
