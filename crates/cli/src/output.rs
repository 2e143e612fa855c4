//! Terminal output: colour, stdout that tolerates a closed pipe, atomic file writes.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

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

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed
/// and synced, then renamed over the target. A crash leaves the old file or the new one.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(folder)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut attempt = 0u32;
    let (tmp_path, mut file) = loop {
        let candidate = folder.join(format!(
            ".{name}.vault-tmp-{}-{attempt}",
            std::process::id()
        ));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => break (candidate, file),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(err) => return Err(err),
        }
    };
    let result = (|| {
        if let Ok(meta) = fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        crate::write::pause_before_rename();
        fs::rename(&tmp_path, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp_path);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/out.md");
        write_atomically(&path, b"one").expect("write");
        write_atomically(&path, b"two").expect("rewrite");
        assert_eq!(fs::read_to_string(&path).expect("read"), "two");
        let entries: Vec<_> = fs::read_dir(dir.path().join("sub")).expect("ls").collect();
        assert_eq!(entries.len(), 1);
    }
}
