//! `vault.yaml`, and Obsidian's or Logseq's own settings where it is silent.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Component, Path};

use serde::Deserialize;
use vault_index::Config as IndexConfig;
use vault_notes::{
    Diagnostic, JournalFormat, LOGSEQ_CONFIG_FILE, LogseqConfig, ReadOptions, Severity, is_under,
    line_column, parse_cadence, read_logseq_config,
};

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
    me: Me,
    draft_days: Option<Vec<String>>,
}

/// `me:` in `vault.yaml`: the user, for drafts and imports.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Me {
    name: Option<String>,
    emails: Option<OneOrMany>,
    sign_off: Option<String>,
}

/// A list, or one value written alone (`emails: me@example.com`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
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
    /// How drafts are signed and which days they propose (`me.sign_off`, else
    /// `me.name`; `draft_days`, default Tuesday to Thursday).
    pub draft: vault_render::DraftSettings,
    /// The user's own addresses (`me.emails`): an import never takes them for a person.
    pub me_emails: Vec<String>,
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
    let text = match read_settings_file(&root.join(CONFIG_FILE)) {
        Ok(text) => text.unwrap_or_default(),
        Err(err) => return Err(Exit::usage(format!("{CONFIG_FILE}: {err}"))),
    };
    let daily: DailyNotes = obsidian_json(root, "daily-notes.json", &mut diagnostics);
    let templates: ObsidianTemplates = obsidian_json(root, "templates.json", &mut diagnostics);
    let logseq = logseq_config(root, &mut diagnostics);
    let mut settings = resolve(&text, parse_file(&text)?, daily, templates)?;
    for folder in settings.read.people_folders.iter().flatten() {
        if !root.join(folder.trim()).is_dir() {
            let (line, column) = line_and_column(&text, "people_folders", folder).unwrap_or((1, 1));
            diagnostics.push(Diagnostic::new(
                CONFIG_FILE,
                line,
                column,
                Severity::Warning,
                "missing-people-folder",
                format!("people_folders: `{folder}` is not a folder of this vault, so nobody is found there; correct the name or remove the entry"),
            ));
        }
    }
    if let Some(logseq) = logseq {
        settings.read = apply_logseq(settings.read, &text, &logseq);
    }
    settings.diagnostics = diagnostics;
    Ok(settings)
}

/// The settings of the Logseq graph at `root` (a `logseq/config.edn` there), with a
/// warning for each place of it that cannot be read; `None` when it is not a graph.
fn logseq_config(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<LogseqConfig> {
    let warn = |line: u32, column: u32, why: &str| {
        Diagnostic::new(
            LOGSEQ_CONFIG_FILE,
            line,
            column,
            Severity::Warning,
            "bad-logseq-settings",
            format!("cannot read Logseq's settings: {why}"),
        )
    };
    let text = match read_settings_file(&root.join(LOGSEQ_CONFIG_FILE)) {
        Ok(Some(text)) => text,
        Ok(None) => return None,
        Err(err) => {
            // Still a graph: Logseq's defaults.
            diagnostics.push(warn(1, 1, &format!("{err}; using Logseq's defaults")));
            return Some(LogseqConfig::default());
        }
    };
    let config = read_logseq_config(&text);
    for problem in &config.problems {
        diagnostics.push(warn(problem.line, problem.column, &problem.message));
    }
    Some(config)
}

/// The read options of a Logseq graph: its journals folder and file names, its page
/// titles and file-name format; `vault.yaml` (`text`) wins for the journal keys it sets.
/// `:hidden` folders are skipped as Logseq skips them.
fn apply_logseq(mut read: ReadOptions, text: &str, config: &LogseqConfig) -> ReadOptions {
    let file = parse_file(text).unwrap_or_default();
    let graph = config.graph();
    if file.journal_folders.is_none() {
        read.journal_folders = vec![graph.journals_folder.clone()];
    }
    if file.journal_format.is_none() {
        read.journal_format = config.journal_file_names();
    }
    read.ignore.extend(
        config
            .hidden
            .iter()
            .map(|h| h.trim().trim_matches('/').to_owned())
            .filter(|h| {
                !h.is_empty()
                    && Path::new(h)
                        .components()
                        .all(|c| matches!(c, Component::Normal(_)))
            }),
    );
    read.logseq = Some(graph);
    read
}

/// The settings `text` (the contents of a `vault.yaml`) gives, without `.obsidian/`: every
/// check `vault.yaml` gets, with no file system access. Any text gives settings or an
/// error (exit 2), never a panic (a fuzz target and a property test hold it to that).
pub fn parse(text: &str) -> Result<Settings, Exit> {
    resolve(
        text,
        parse_file(text)?,
        DailyNotes::default(),
        ObsidianTemplates::default(),
    )
}

fn resolve(
    text: &str,
    file: File,
    daily: DailyNotes,
    templates: ObsidianTemplates,
) -> Result<Settings, Exit> {
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

    let mut read = ReadOptions::default();
    if let Some(folders) = file.people_folders {
        for folder in &folders {
            inside_the_vault(text, "people_folders", folder)?;
        }
        read.people_folders = Some(folders);
    }
    let digest_folder = match file.digest_folder {
        Some(folder) => {
            inside_the_vault(text, "digest_folder", &folder)?;
            hides_no_note(text, &folder, read.people_folders.as_deref())?;
            folder
        }
        None => "Digests".to_owned(),
    };
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
    let me_emails = match file.me.emails {
        None => Vec::new(),
        Some(OneOrMany::One(email)) => vec![email],
        Some(OneOrMany::Many(emails)) => emails,
    };
    for email in &me_emails {
        let (local, domain) = email.trim().split_once('@').unwrap_or_default();
        if local.is_empty() || domain.is_empty() || email.trim().contains(char::is_whitespace) {
            return Err(Exit::usage(format!(
                "{}: me.emails: `{email}` is not an e-mail address; write it as `name@example.com`",
                position(text, "me", email)
            )));
        }
    }
    let mut draft = vault_render::DraftSettings {
        sign_off: file
            .me
            .sign_off
            .or(file.me.name)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        ..vault_render::DraftSettings::default()
    };
    if let Some(days) = file.draft_days {
        draft.days.clear();
        for day in &days {
            let weekday = weekday(day).ok_or_else(|| {
                Exit::usage(format!(
                    "{}: draft_days: `{day}` is not a day of the week; write `tuesday` or `tue`",
                    position(text, "draft_days", day)
                ))
            })?;
            if !draft.days.contains(&weekday) {
                draft.days.push(weekday);
            }
        }
    }
    Ok(Settings {
        read,
        index,
        digest_folder,
        draft,
        me_emails: me_emails.into_iter().map(|e| e.trim().to_owned()).collect(),
        diagnostics: Vec::new(),
    })
}

/// A day of the week as `draft_days` may write it: `tuesday`, `Tue`, `tues`.
fn weekday(text: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    let day = match text.trim().to_lowercase().as_str() {
        "mon" | "monday" => Mon,
        "tue" | "tues" | "tuesday" => Tue,
        "wed" | "weds" | "wednesday" => Wed,
        "thu" | "thur" | "thurs" | "thursday" => Thu,
        "fri" | "friday" => Fri,
        "sat" | "saturday" => Sat,
        "sun" | "sunday" => Sun,
        _ => return None,
    };
    Some(day)
}

/// The largest settings or template file read (they are a few KB).
const MAX_SETTINGS_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a settings or template file of the vault as text: `Ok(None)` when there is none.
/// Only a regular file is read (a symbolic link to one is followed): a FIFO would block
/// the command forever and a device would never end, so anything else is refused before
/// it is opened, with what it is; so is a file over 4 MB.
pub fn read_settings_file(path: &Path) -> Result<Option<String>, String> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(format!("cannot read: {err}")),
    };
    let regular = |meta: &fs::Metadata| {
        if meta.is_file() {
            return Ok(());
        }
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        let what = if meta.is_dir() {
            "a folder"
        } else if kind.is_fifo() {
            "a FIFO"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_block_device() || kind.is_char_device() {
            "a device"
        } else {
            "not a file"
        };
        Err(format!(
            "not a regular file ({what}); only a regular file is read"
        ))
    };
    regular(&meta)?;
    let file = fs::File::open(path).map_err(|err| format!("cannot read: {err}"))?;
    let meta = file
        .metadata()
        .map_err(|err| format!("cannot read: {err}"))?;
    regular(&meta)?;
    let too_large = || {
        format!(
            "too large to be a settings file ({}, limit {})",
            crate::write::human_size(meta.len()),
            crate::write::human_size(MAX_SETTINGS_BYTES)
        )
    };
    if meta.len() > MAX_SETTINGS_BYTES {
        return Err(too_large());
    }
    let mut text = String::new();
    file.take(MAX_SETTINGS_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|err| format!("cannot read: {err}"))?;
    if text.len() as u64 > MAX_SETTINGS_BYTES {
        return Err(too_large());
    }
    Ok(Some(text))
}

/// Refuses a folder from `vault.yaml` that is not inside the vault: absolute, or with
/// `..` (`vault` writes digests and new people there).
fn inside_the_vault(text: &str, key: &str, folder: &str) -> Result<(), Exit> {
    let path = Path::new(folder.trim());
    let inside = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside {
        return Ok(());
    }
    Err(Exit::usage(format!(
        "{}: {key}: `{folder}` must be a folder inside the vault, written relative to it and without `..`: vault writes there",
        position(text, key, folder)
    )))
}

/// Refuses a digest folder that would hide notes: the digest folder is not read (its
/// digests are outputs), so the vault itself or a folder holding a people folder would
/// hide every note or the people.
fn hides_no_note(text: &str, folder: &str, people_folders: Option<&[String]>) -> Result<(), Exit> {
    let mut normal = folder.trim().trim_matches('/');
    while let Some(rest) = normal.strip_prefix("./") {
        normal = rest.trim_start_matches('/');
    }
    let at = || position(text, "digest_folder", folder);
    if normal.is_empty() || normal == "." {
        return Err(Exit::usage(format!(
            "{}: digest_folder: `{folder}` is the vault itself; the digest folder is not read as notes, so it would hide every note. Name a folder of its own, such as `Digests`",
            at()
        )));
    }
    // Without `people_folders`, any folder named like a people folder holds people.
    let named_like_people = normal
        .rsplit('/')
        .next()
        .filter(|name| vault_notes::is_people_folder_name(name));
    let configured = people_folders
        .unwrap_or_default()
        .iter()
        .find(|p| is_under(p.trim().trim_matches('/'), normal))
        .map(String::as_str);
    if let Some(people) = configured.or(named_like_people.filter(|_| people_folders.is_none())) {
        return Err(Exit::usage(format!(
            "{}: digest_folder: `{folder}` is or holds the people folder `{people}`; the digest folder is not read as notes, so it would hide the people. Name a folder of its own, such as `Digests`",
            at()
        )));
    }
    Ok(())
}

/// `vault.yaml:LINE:COL` of `value` under the top-level `key`, as near as a text search
/// finds it (`vault.yaml` when the key is not found as written).
fn position(text: &str, key: &str, value: &str) -> String {
    match line_and_column(text, key, value) {
        Some((line, column)) => format!("{CONFIG_FILE}:{line}:{column}"),
        None => CONFIG_FILE.to_owned(),
    }
}

/// Line and column of `value` under the top-level `key`, as near as a text search finds it.
fn line_and_column(text: &str, key: &str, value: &str) -> Option<(u32, u32)> {
    let mut offset = 0;
    let key_at = text.split_inclusive('\n').find_map(|line| {
        let at = offset;
        offset += line.len();
        line.strip_prefix(key)
            .filter(|rest| rest.trim_start().starts_with(':'))
            .map(|_| at + key.len())
    })?;
    let value_at = text
        .get(key_at..)
        .and_then(|rest| rest.find(value.trim()))
        .map_or(key_at - key.len(), |i| key_at + i);
    Some(line_column(text, value_at))
}

fn parse_file(text: &str) -> Result<File, Exit> {
    if text.trim().is_empty() {
        return Ok(File::default());
    }
    vault_notes::yaml::from_str(text).map_err(|err| {
        let (line, column) = line_column(text, err.offset.unwrap_or(0));
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
    let warn = |line: usize, column: usize, why: String| {
        Diagnostic::new(
            relative.clone(),
            u32::try_from(line).unwrap_or(1),
            u32::try_from(column).unwrap_or(1),
            Severity::Warning,
            "bad-obsidian-settings",
            format!("cannot read Obsidian's settings ({why}); using defaults"),
        )
    };
    let text = match read_settings_file(&root.join(&relative)) {
        Ok(Some(text)) => text,
        Ok(None) => return T::default(),
        Err(err) => {
            diagnostics.push(warn(1, 1, err));
            return T::default();
        }
    };
    serde_json::from_str(&text).unwrap_or_else(|err| {
        diagnostics.push(warn(
            err.line().max(1),
            err.column().max(1),
            err.to_string(),
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
        assert_eq!(settings.read.people_folders, None);
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
    fn a_logseq_graph_sets_its_journals_and_page_names() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir(dir.path().join("logseq")).expect("mkdir");
        fs::write(
            dir.path().join("logseq/config.edn"),
            ";; comment\n{:journal/page-title-format \"MMMM do, yyyy\"\n :journals-directory \"days\"\n :file/name-format :triple-lowbar\n :hidden [\"/archive\" \"../x\"]\n :pages-directory 7}\n",
        )
        .expect("write");
        let settings = load(dir.path()).expect("load");
        let graph = settings.read.logseq.as_ref().expect("a graph");
        assert_eq!(settings.read.journal_folders, vec!["days"]);
        assert_eq!(settings.read.journal_format.as_moment(), "YYYY_MM_DD");
        assert_eq!(graph.title_format.as_moment(), "MMMM Do, YYYY");
        assert_eq!(graph.file_names, vault_notes::FileNames::TripleLowbar);
        assert_eq!(graph.pages_folder, "pages");
        assert!(settings.read.ignore.contains(&"archive".to_owned()));
        assert!(!settings.read.ignore.iter().any(|i| i.contains("..")));
        // A value of the wrong kind is a warning at its place; the rest is read.
        let d = &settings.diagnostics[0];
        assert_eq!(
            (d.path.as_str(), d.line, d.column, d.code),
            ("logseq/config.edn", 6, 19, "bad-logseq-settings")
        );
        // vault.yaml says otherwise: it wins.
        fs::write(
            dir.path().join(CONFIG_FILE),
            "journal_format: YYYY-MM-DD\njournal_folders: [Daily]\n",
        )
        .expect("write");
        let settings = load(dir.path()).expect("load");
        assert_eq!(settings.read.journal_folders, vec!["Daily"]);
        assert_eq!(settings.read.journal_format.as_moment(), "YYYY-MM-DD");
        assert!(settings.read.logseq.is_some());
    }

    #[test]
    fn an_obsidian_vault_is_not_a_graph() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(load(dir.path()).expect("load").read.logseq.is_none());
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
    fn a_duplicate_key_is_reported_where_it_is_repeated() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(
            dir.path().join(CONFIG_FILE),
            "suggestions: 5\nmonthly_goal: 2\nsuggestions: 4\n",
        )
        .expect("write");
        let err = load(dir.path()).expect_err("duplicate key");
        assert!(
            err.message
                .starts_with("vault.yaml:3:1: the key `suggestions` appears twice"),
            "{}",
            err.message
        );
    }

    #[test]
    fn me_and_draft_days() {
        let settings = parse(
            "me:\n  name: Alex\n  emails: [alex@example.com, a@work.example]\ndraft_days: [tue, Wednesday, THURS, tue]\n",
        )
        .expect("parses");
        assert_eq!(settings.draft.sign_off.as_deref(), Some("Alex"));
        assert_eq!(
            settings.me_emails,
            vec!["alex@example.com", "a@work.example"]
        );
        use chrono::Weekday::{Thu, Tue, Wed};
        assert_eq!(settings.draft.days, vec![Tue, Wed, Thu]);
        let settings =
            parse("me:\n  name: Alex\n  sign_off: \"– A.\"\n  emails: alex@example.com\n")
                .expect("parses");
        assert_eq!(settings.draft.sign_off.as_deref(), Some("– A."));
        assert_eq!(settings.me_emails, vec!["alex@example.com"]);
        // Without `me:`, drafts are unsigned and propose Tuesday to Thursday.
        let settings = parse("suggestions: 3\n").expect("parses");
        assert_eq!(settings.draft, vault_render::DraftSettings::default());
        assert!(settings.me_emails.is_empty());
        assert!(
            parse("draft_days: []\n")
                .expect("parses")
                .draft
                .days
                .is_empty()
        );
    }

    #[test]
    fn bad_me_and_draft_days_are_errors_at_their_place() {
        for (text, message) in [
            (
                "suggestions: 3\ndraft_days: [tue, frday]\n",
                "vault.yaml:2:19: draft_days: `frday` is not a day of the week",
            ),
            (
                "me:\n  name: Alex\n  emails: [alex.example.com]\n",
                "vault.yaml:3:12: me.emails: `alex.example.com` is not an e-mail address",
            ),
            ("me:\n  nmae: Alex\n", "vault.yaml:2:3:"),
            ("draft_days: tuesday\n", "vault.yaml:1:13:"),
        ] {
            let err = parse(text).expect_err(text);
            assert_eq!(err.code, crate::exit::USAGE);
            assert!(err.message.starts_with(message), "{text}: {}", err.message);
        }
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

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text that looks like a vault.yaml often enough to reach the checks past the YAML.
    fn yaml_like() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "people_folders",
            "journal_folders",
            "journal_format",
            "templates_folder",
            "ignore",
            "cadences",
            "due_soon_days",
            "upcoming_days",
            "digest_folder",
            "suggestions",
            "monthly_goal",
            "max_file_size",
            "draft_days",
            "me",
            "unknown",
        ]);
        let value = prop_oneof![
            "[ -~]{0,12}",
            Just("[People, ../x]".to_owned()),
            Just("/abs".to_owned()),
            Just(".".to_owned()),
            Just("{ally: 2w, mentor: x}".to_owned()),
            Just("5MB".to_owned()),
            Just("[tue, Wednesday, frday]".to_owned()),
            Just("{name: Alex, emails: [a@b.c, x], sign_off: ''}".to_owned()),
            Just("18446744073709551615 GB".to_owned()),
            "\\PC{0,8}",
        ];
        prop::collection::vec((key, value), 0..6).prop_map(|lines| {
            lines
                .into_iter()
                .map(|(k, v)| format!("{k}: {v}\n"))
                .collect()
        })
    }

    /// Text that looks like a `logseq/config.edn` often enough to reach every branch of
    /// the EDN reader.
    fn edn_like() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            "(",
            ")",
            "#{",
            "#_",
            "#inst ",
            "#\"re\"",
            "##Inf",
            "\\a",
            "\\",
            "^:m ",
            "'",
            ";; c\n",
            "\"",
            "\"s\\\"\"",
            "\"\\u00e9\"",
            "\"\\u12\"",
            ":journal/page-title-format ",
            ":journal/file-name-format ",
            ":file/name-format ",
            ":triple-lowbar ",
            ":pages-directory ",
            ":journals-directory ",
            ":hidden ",
            ":property/separated-by-commas ",
            "\"MMM do, yyyy\" ",
            "\"yyyy_MM_dd\" ",
            "12 ",
            "nil ",
            " ",
            "\n",
            ",",
            "é",
            ":",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn reading_any_logseq_config_never_panics(text in "\\PC{0,200}", edn in edn_like()) {
            for text in [text, edn] {
                let config = read_logseq_config(&text);
                for problem in &config.problems {
                    prop_assert!(problem.line >= 1 && problem.column >= 1);
                }
                let graph = config.graph();
                let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
                let _ = graph.title_format.format(day);
                let _ = config.journal_file_names().format(day);
            }
        }

        #[test]
        fn parsing_any_text_never_panics(text in "\\PC{0,200}") {
            let _ = parse(&text);
        }

        #[test]
        fn parsing_yaml_like_text_never_panics_and_keeps_folders_inside(text in yaml_like()) {
            if let Ok(settings) = parse(&text) {
                for folder in settings.read.people_folders.iter().flatten().chain([&settings.digest_folder]) {
                    prop_assert!(!folder.trim().starts_with('/'), "{folder}");
                    prop_assert!(!folder.trim().split('/').any(|c| c == ".."), "{folder}");
                }
            }
        }
    }
}
