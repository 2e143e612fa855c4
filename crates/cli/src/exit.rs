//! Exit codes, and errors that carry theirs.

use std::borrow::Cow;
use std::fmt;

use crate::output::visible;

/// The command ran and succeeded.
pub const SUCCESS: u8 = 0;
/// The command ran and found errors (`check`) or refused a write.
pub const FAILURE: u8 = 1;
/// Bad usage or an unreadable vault.
pub const USAGE: u8 = 2;

/// An error that ends the program with a given exit code.
#[derive(Debug)]
pub struct Exit {
    /// The exit code.
    pub code: u8,
    /// What to tell the user (printed to stderr as `vault: …`); empty for none. Messages
    /// quote note text, so the constructors pass it through [`visible`]: a name with an
    /// escape sequence in it is shown, not obeyed.
    pub message: String,
}

impl Exit {
    /// Bad usage or an unreadable vault (exit 2).
    pub fn usage(message: impl Into<String>) -> Exit {
        Exit::new(USAGE, message.into())
    }

    /// The command ran and must report failure (exit 1).
    pub fn failure(message: impl Into<String>) -> Exit {
        Exit::new(FAILURE, message.into())
    }

    fn new(code: u8, message: String) -> Exit {
        let message = match visible(&message) {
            Cow::Borrowed(_) => message,
            Cow::Owned(shown) => shown,
        };
        Exit { code, message }
    }
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Exit {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_show_controls_visibly() {
        let err = Exit::failure("no person named `Eve \u{1b}]0;pwned\u{7}`\n  a list");
        assert_eq!(
            err.message,
            "no person named `Eve \\u{1b}]0;pwned\\u{7}`\n  a list"
        );
        assert_eq!(Exit::usage("plain").message, "plain");
    }
}
