//! The JSON of `vault status --format json`: a stable contract, field for field.

use std::borrow::Cow;

use serde::Serialize;
use vault_index::{PersonStatus, SharedPerson, Statuses};
use vault_notes::Diagnostic;

use crate::templates::RenderError;
use crate::view::Markup;

/// `vault status --format json`.
#[derive(Debug, Serialize)]
pub struct StatusJson<'a> {
    /// The day computed for, `YYYY-MM-DD`.
    pub today: String,
    /// Every person, in urgency order.
    pub people: Vec<PersonJson<'a>>,
    /// Every problem found reading the vault.
    pub diagnostics: Vec<DiagnosticJson<'a>>,
}

/// One person in the contract.
#[derive(Debug, Serialize)]
pub struct PersonJson<'a> {
    /// Display name.
    pub name: &'a str,
    /// Vault-relative path with `/`.
    pub path: &'a str,
    /// Relationship, or null.
    pub relationship: Option<&'a str>,
    /// Status word.
    pub status: &'static str,
    /// Cadence in days.
    pub cadence_days: u32,
    /// `YYYY-MM-DD` or null.
    pub last_contact: Option<String>,
    /// `YYYY-MM-DD` or null.
    pub due: Option<String>,
    /// Days past due (negative before), or null.
    pub days_overdue: Option<i64>,
    /// Interactions on or before today.
    pub interactions: usize,
    /// `YYYY-MM-DD`, `--MM-DD` without a year, or null.
    pub birthday: Option<String>,
}

impl<'a> PersonJson<'a> {
    /// The contract's view of a person.
    pub fn new(p: &'a PersonStatus) -> Self {
        PersonJson {
            name: &p.name,
            path: &p.path,
            relationship: p.relationship.as_deref(),
            status: p.status.as_str(),
            cadence_days: p.cadence_days,
            last_contact: p.last_contact.map(|d| d.to_string()),
            due: p.due.map(|d| d.to_string()),
            days_overdue: p.days_overdue,
            interactions: p.interactions,
            birthday: p.birthday.map(|b| b.to_string()),
        }
    }
}

/// One person in the JSON digest: the contract's fields, null for a private person but
/// for the name and status (the digest is a shared output; see [`vault_index::shared`]).
#[derive(Debug, Serialize)]
pub(crate) struct DigestPersonJson<'a> {
    name: Cow<'a, str>,
    path: Option<Cow<'a, str>>,
    relationship: Option<Cow<'a, str>>,
    status: &'static str,
    cadence_days: Option<u32>,
    last_contact: Option<String>,
    due: Option<String>,
    days_overdue: Option<i64>,
    interactions: Option<usize>,
    private: bool,
}

impl<'a> DigestPersonJson<'a> {
    /// `markup` says how the note's text is written (escaped when a Markdown template
    /// shows it).
    pub(crate) fn new(p: &SharedPerson<'a>, markup: Markup) -> Self {
        match p {
            SharedPerson::Public(p) => DigestPersonJson {
                name: markup.text(p.name),
                path: Some(markup.text(p.path)),
                relationship: p.relationship.map(|r| markup.text(r)),
                status: p.status.as_str(),
                cadence_days: Some(p.cadence_days),
                last_contact: p.last_contact.map(|d| d.to_string()),
                due: p.due.map(|d| d.to_string()),
                days_overdue: p.days_overdue,
                interactions: Some(p.interactions),
                private: false,
            },
            SharedPerson::Private(p) => DigestPersonJson {
                name: markup.text(p.name),
                path: None,
                relationship: None,
                status: p.status.as_str(),
                cadence_days: None,
                last_contact: None,
                due: None,
                days_overdue: None,
                interactions: None,
                private: true,
            },
        }
    }
}

/// One diagnostic in the contract.
#[derive(Debug, Serialize)]
pub struct DiagnosticJson<'a> {
    /// Vault-relative path.
    pub path: &'a str,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// `error`, `warning` or `hint`.
    pub severity: &'static str,
    /// What is wrong.
    pub message: &'a str,
}

impl<'a> DiagnosticJson<'a> {
    /// The contract's view of a diagnostic.
    pub fn new(d: &'a Diagnostic) -> Self {
        DiagnosticJson {
            path: &d.path,
            line: d.line,
            column: d.column,
            severity: d.severity.as_str(),
            message: &d.message,
        }
    }
}

/// The JSON of `vault status --format json`, pretty-printed, ending with a newline.
pub fn status_json(statuses: &Statuses, diagnostics: &[Diagnostic]) -> Result<String, RenderError> {
    to_pretty(&StatusJson {
        today: statuses.today.to_string(),
        people: statuses.people.iter().map(PersonJson::new).collect(),
        diagnostics: diagnostics.iter().map(DiagnosticJson::new).collect(),
    })
}

pub(crate) fn to_pretty<T: Serialize>(value: &T) -> Result<String, RenderError> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|e| RenderError::Json(e.to_string()))?;
    text.push('\n');
    Ok(text)
}
