//! Exit codes, and errors that carry theirs.

use std::fmt;

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
    /// What to tell the user (printed to stderr as `vault: …`); empty for none.
    pub message: String,
}

impl Exit {
    /// Bad usage or an unreadable vault (exit 2).
    pub fn usage(message: impl Into<String>) -> Exit {
        Exit {
            code: USAGE,
            message: message.into(),
        }
    }

    /// The command ran and must report failure (exit 1).
    pub fn failure(message: impl Into<String>) -> Exit {
        Exit {
            code: FAILURE,
            message: message.into(),
        }
    }
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Exit {}
