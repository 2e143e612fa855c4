//! The progress bar of a long import, on a terminal only: a pipe or a file gets no bar.

use std::io::{IsTerminal, Read};
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar over the bytes of one file.
#[derive(Debug)]
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar for reading `file` (shown as `name`), drawn on stderr when it is a terminal.
    pub fn new(file: &Path, name: &str) -> Progress {
        let len = std::fs::metadata(file).map_or(0, |m| m.len());
        let bar = if std::io::stderr().is_terminal() {
            ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        let style = ProgressStyle::with_template(
            "{msg} {wide_bar} {binary_bytes}/{binary_total_bytes} ({eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(name.to_owned());
        Progress { bar }
    }

    /// `reader`, moving the bar as it is read.
    pub fn wrap<R: Read>(&self, reader: R) -> impl Read {
        self.bar.wrap_read(reader)
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
