//! Terminal output: colour, stdout that tolerates a closed pipe, and text from notes made
//! inert before it reaches a terminal.

use std::borrow::Cow;
use std::io::{self, Write};

use vault_notes::Diagnostic;

use crate::cli::ColorChoice;

/// Whether to colour what goes to stdout. `auto` follows the conventions terminals share,
/// as anstream reads them: `NO_COLOR` (set and not empty) turns colour off,
/// `CLICOLOR_FORCE` turns it on even into a pipe, `CLICOLOR=0` off; else colour when stdout
/// is a terminal that is not `TERM=dumb`.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

/// `text` with every character that could drive a terminal shown visibly, as `\u{1b}`
/// (Rust's escape notation, with the code point in hex): C0 controls other than line feed
/// and tab (the layout's own), DEL, the C1 controls U+0080–U+009F (U+009B alone starts a
/// CSI sequence on some terminals), and the bidi controls U+061C, U+200E, U+200F,
/// U+202A–U+202E and U+2066–U+2069 (they reorder what is printed after them), and the
/// line and paragraph separators U+2028, U+2029.
///
/// Every piece of text that comes from a note (names, properties, tasks, log lines, file
/// names, diagnostics quoting them) passes through here on its way to the terminal; the
/// colours `paint` adds are applied afterwards. JSON output is left to `serde_json`, and
/// dry-run diffs keep the note's exact bytes so that `git apply` takes them.
pub fn visible(text: &str) -> Cow<'_, str> {
    shown_as(text, hidden, escaped)
}

/// [`visible`] for a piece of text that must stay on its line, such as a table cell or a
/// diagnostic's message: line feeds and tabs in it are shown as `\u{a}` and `\u{9}` too
/// (a name with a line break in it cannot forge a line of output).
pub fn visible_inline(text: &str) -> Cow<'_, str> {
    shown_as(text, |c| hidden(c) || c == '\n' || c == '\t', escaped)
}

/// JSON text (`--format json`) with the characters [`visible`] shows escaped the JSON way,
/// `\u009b`: the same strings to a parser (outside strings JSON has only spaces and
/// line breaks), inert on a terminal. `serde_json` escapes C0 controls but writes DEL, C1
/// and bidi controls raw.
pub fn visible_json(json: &str) -> Cow<'_, str> {
    shown_as(json, hidden, |c, out| {
        out.push_str(&format!("\\u{:04x}", u32::from(c)));
    })
}

/// Whether `c` could drive a terminal or reorder what it shows (see [`visible`]).
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{61c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `\u{1b}`.
fn escaped(c: char, out: &mut String) {
    out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
}

/// `text` with each character that is `hidden` written by `show`; borrowed when there is
/// none.
fn shown_as(
    text: &str,
    hidden: impl Fn(char) -> bool,
    show: impl Fn(char, &mut String),
) -> Cow<'_, str> {
    if !text.chars().any(&hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            show(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Refuses text given on the command line that holds a control character other than tab
/// (exit 2): `vault` would write it into a note, where it would reach every terminal that
/// shows the note. `what` names the argument for the message.
pub fn plain_argument(what: &str, text: &str) -> Result<(), crate::exit::Exit> {
    match text.chars().find(|&c| c.is_control() && c != '\t') {
        None => Ok(()),
        Some(c) => Err(crate::exit::Exit::usage(format!(
            "{what} `{}` contains the control character {}; give plain text (a note is no place for terminal codes)",
            visible(text),
            visible(&c.to_string())
        ))),
    }
}

/// Wraps `text` in `style` when `on`.
pub fn paint(text: &str, style: anstyle::Style, on: bool) -> String {
    if on {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

/// How many terminal columns `text` takes: a CJK character two, a combining mark none.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Writes `text` to stdout. A closed pipe (`vault status | head`) is not an error.
pub fn print(text: &str) -> io::Result<()> {
    print_bytes(text.as_bytes())
}

/// Writes `bytes` to stdout as they are (a diff keeps a note's own bytes). A closed pipe is
/// not an error.
pub fn print_bytes(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
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
