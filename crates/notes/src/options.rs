//! How to read a vault: which folders mean what.

use crate::dates::JournalFormat;
use crate::logseq::Logseq;

/// Where things are in a vault. Paths are relative to the vault root, with `/`.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Notes under these folders are people (`people_folders` in `vault.yaml`). Default:
    /// none given, so any folder named like a people folder is one
    /// ([`crate::people::PEOPLE_FOLDER_NAMES`]).
    pub people_folders: Option<Vec<String>>,
    /// Folders holding daily notes, for journal formats with folders in them
    /// (`YYYY/MM/YYYY-MM-DD`). A note anywhere whose file name is a date in the journal
    /// format is a daily note. Default: none.
    pub journal_folders: Vec<String>,
    /// File-name format of daily notes. Default: `YYYY-MM-DD`.
    pub journal_format: JournalFormat,
    /// Obsidian's templates folder: skipped, templates are not people. Default: none.
    pub templates_folder: Option<String>,
    /// Files and folders to skip. Default: none.
    pub ignore: Vec<String>,
    /// Notes larger than this many bytes are reported and skipped. Default: 5 MB.
    pub max_file_bytes: u64,
    /// The Logseq graph this vault is (a folder with `logseq/config.edn`): page
    /// properties, namespaced page names, journal titles. Default: none, an Obsidian vault.
    pub logseq: Option<Logseq>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            people_folders: None,
            journal_folders: Vec::new(),
            journal_format: JournalFormat::default(),
            templates_folder: None,
            ignore: Vec::new(),
            max_file_bytes: 5 * 1024 * 1024,
            logseq: None,
        }
    }
}

/// Whether `path` is `folder` or inside it (case-insensitive, as on macOS and Windows).
pub fn is_under(path: &str, folder: &str) -> bool {
    let folder = folder.trim_matches('/');
    if folder.is_empty() || folder == "." {
        return true;
    }
    path.len() >= folder.len()
        && path.is_char_boundary(folder.len())
        && path[..folder.len()].eq_ignore_ascii_case(folder)
        && (path.len() == folder.len() || path.as_bytes()[folder.len()] == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_a_folder() {
        assert!(is_under("People/Ann.md", "People"));
        assert!(is_under("people/Ann.md", "People/"));
        assert!(!is_under("Peoples/Ann.md", "People"));
        assert!(is_under("People", "People"));
        assert!(is_under("x.md", ""));
    }
}
