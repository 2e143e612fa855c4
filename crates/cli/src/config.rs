//! `vault.yaml`, and Obsidian's own settings where it is silent.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Deserialize;
use vault_index::Config as IndexConfig;
use vault_notes::{Diagnostic, JournalFormat, ReadOptions, Severity, line_column, parse_cadence};

use crate::exit::Exit;

/// The file name of the configuration at the vault root.
pub const CONFIG_FILE: &str = "vault.yaml";

/// Every key of `vault.yaml`. All are optional; the README documents the defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct File {
    people_folders: Option<Vec<String>>,
    journal_folders: Option<Vec<String>>,
    journal_format: Option<String>,
    templates_folder: Option<String>,
    ignore: Vec<String>,
    cadences: BTreeMap<String, Scalar>,
    due_soon_days: Option<u32>,
    upcoming_days: Option<u32>,
    digest_folder: Option<String>,
    suggestions: Option<usize>,
    monthly_goal: Option<u32>,
    max_file_size: Option<Scalar>,
}

/// A value written as a number or as text (`30`, `monthly`, `5MB`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Number(u64),
    Text(String),
}

impl Scalar {
    fn text(&self) -> String {
        match self {
            Scalar::Number(n) => n.to_string(),
            Scalar::Text(t) => t.clone(),
        }
    }
}

/// Everything configurable, resolved with defaults.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How to read the vault.
    pub read: ReadOptions,
    /// How to decide.
    pub index: IndexConfig,
    /// Where digests go, relative to the vault. Default: `Digests`.
    pub digest_folder: String,
    /// Problems with the settings files themselves (not fatal).
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Default, Deserialize)]
struct DailyNotes {
    folder: Option<String>,
    format: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct ObsidianTemplates {
    folder: Option<String>,
}

/// Reads `vault.yaml` (if any) and `.obsidian/` settings. A `vault.yaml` that cannot be
/// read is an error (exit 2): running with settings the user did not mean would mislead.
pub fn load(root: &Path) -> Result<Settings, Exit> {
    let mut diagnostics = Vec::new();
    let file = read_file(root)?;
    let daily: DailyNotes = obsidian_json(root, "daily-notes.json", &mut diagnostics);
    let templates: ObsidianTemplates = obsidian_json(root, "templates.json", &mut diagnostics);

    let mut index = IndexConfig::default();
    for (relationship, value) in &file.cadences {
        let text = value.text();
        let days = parse_cadence(&text).ok_or_else(|| {
            Exit::usage(format!(
                "{CONFIG_FILE}: cadences: `{relationship}: {text}` is not a cadence; write days or a phrase such as `30`, `2w`, `monthly`"
            ))
        })?;
        index.cadences.insert(relationship.to_lowercase(), days);
    }
    if let Some(days) = file.due_soon_days {
        index.due_soon_days = days;
    }
    if let Some(days) = file.upcoming_days {
        index.upcoming_days = days;
    }
    if let Some(n) = file.suggestions {
        index.suggestions = n;
    }
    if let Some(goal) = file.monthly_goal {
        index.monthly_goal = goal;
    }

    let digest_folder = file.digest_folder.unwrap_or_else(|| "Digests".to_owned());
    let mut read = ReadOptions::default();
    if let Some(folders) = file.people_folders {
        read.people_folders = folders;
    }
    read.journal_folders = file
        .journal_folders
        .or_else(|| {
            daily
                .folder
                .clone()
                .filter(|f| !f.trim().is_empty())
                .map(|f| vec![f])
        })
        .unwrap_or_default();
    if let Some(format) = file.journal_format.or(daily.format) {
        read.journal_format = JournalFormat::from_moment(&format);
    }
    read.templates_folder = file
        .templates_folder
        .or(templates.folder)
        .filter(|f| !f.trim().is_empty());
    read.ignore = file.ignore;
    // Digests written into the vault are outputs, not notes.
    read.ignore.push(digest_folder.clone());
    if let Some(size) = file.max_file_size {
        read.max_file_bytes = parse_size(&size.text()).ok_or_else(|| {
            Exit::usage(format!(
                "{CONFIG_FILE}: max_file_size: `{}` is not a size; write bytes or a size such as `5MB`",
                size.text()
            ))
        })?;
    }
    Ok(Settings {
        read,
        index,
        digest_folder,
        diagnostics,
    })
}

fn read_file(root: &Path) -> Result<File, Exit> {
    let path = root.join(CONFIG_FILE);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(File::default()),
        Err(err) => return Err(Exit::usage(format!("{CONFIG_FILE}: cannot read: {err}"))),
    };
    vault_notes::yaml::from_str(&text).map_err(|err| {
        let (line, column) = line_column(&text, err.offset.unwrap_or(0));
        Exit::usage(format!(
            "{CONFIG_FILE}:{line}:{column}: {}. The keys are listed in the README",
            err.message
        ))
    })
}

fn obsidian_json<T: Default + for<'de> Deserialize<'de>>(
    root: &Path,
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> T {
    let relative = format!(".obsidian/{name}");
    let Ok(text) = fs::read_to_string(root.join(&relative)) else {
        return T::default();
    };
    serde_json::from_str(&text).unwrap_or_else(|err| {
        diagnostics.push(Diagnostic::new(
            relative,
            u32::try_from(err.line()).unwrap_or(1),
            u32::try_from(err.column()).unwrap_or(1),
            Severity::Warning,
            "bad-obsidian-settings",
            format!("cannot read Obsidian's settings ({err}); using defaults"),
        ));
        T::default()
    })
}

/// Parses `5MB`, `512 KB`, `1048576`.
fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim().to_ascii_uppercase();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number: u64 = text[..split].parse().ok()?;
    let factor = match text[split..].trim() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1024,
        "M" | "MB" | "MIB" => 1024 * 1024,
        "G" | "GB" | "GIB" => 1024 * 1024 * 1024,
        _ => return None,
    };
    number.checked_mul(factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("5MB"), Some(5 * 1024 * 1024));
        assert_eq!(parse_size("512 kb"), Some(512 * 1024));
        assert_eq!(parse_size("100"), Some(100));
        assert_eq!(parse_size("lots"), None);
    }

    #[test]
    fn defaults_without_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let settings = load(dir.path()).expect("load");
        assert_eq!(settings.read.people_folders, vec!["People"]);
        assert_eq!(settings.digest_folder, "Digests");
        assert_eq!(settings.index.suggestions, 3);
    }

    #[test]
    fn obsidian_settings_fill_in() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir(dir.path().join(".obsidian")).expect("mkdir");
        fs::write(
            dir.path().join(".obsidian/daily-notes.json"),
            r#"{"folder": "Daily", "format": "DD.MM.YYYY"}"#,
        )
        .expect("write");
        fs::write(
            dir.path().join(".obsidian/templates.json"),
            r#"{"folder": "Templates"}"#,
        )
        .expect("write");
        let settings = load(dir.path()).expect("load");
        assert_eq!(settings.read.journal_folders, vec!["Daily"]);
        assert_eq!(settings.read.journal_format.as_moment(), "DD.MM.YYYY");
        assert_eq!(settings.read.templates_folder.as_deref(), Some("Templates"));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_position() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(
            dir.path().join(CONFIG_FILE),
            "suggestions: 5\npeple_folders: [x]\n",
        )
        .expect("write");
        let err = load(dir.path()).expect_err("unknown key");
        assert_eq!(err.code, crate::exit::USAGE);
        assert!(
            err.message.starts_with("vault.yaml:2:1:"),
            "{}",
            err.message
        );
    }

    #[test]
    fn cadence_overrides() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(
            dir.path().join(CONFIG_FILE),
            "cadences:\n  ally: 2w\n  mentor: 45\n",
        )
        .expect("write");
        let settings = load(dir.path()).expect("load");
        assert_eq!(settings.index.cadences.get("ally"), Some(&14));
        assert_eq!(settings.index.cadences.get("mentor"), Some(&45));
    }
}
