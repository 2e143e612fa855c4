//! Terminal output: colour, stdout that tolerates a closed pipe.

use std::io::{self, IsTerminal, Write};

use vault_notes::Diagnostic;

use crate::cli::ColorChoice;

/// Whether to colour what goes to stdout.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

/// Wraps `text` in an ANSI colour when `on`.
pub fn paint(text: &str, ansi: &str, on: bool) -> String {
    if on && !ansi.is_empty() {
        format!("\x1b[{ansi}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// Writes `text` to stdout. A closed pipe (`vault status | head`) is not an error.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The one-line note on stderr that `status` and `digest` give when the vault has problems.
pub fn problem_summary(diagnostics: &[Diagnostic]) {
    let count = |s: vault_notes::Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings) = (
        count(vault_notes::Severity::Error),
        count(vault_notes::Severity::Warning),
    );
    if errors + warnings == 0 {
        return;
    }
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    eprintln!(
        "vault: {} and {} in the vault; the rest was read. Run `vault check` for details.",
        plural(errors, "error"),
        plural(warnings, "warning")
    );
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
