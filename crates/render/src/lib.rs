//! `vault-render` turns an [`Index`](vault_index::Index) into the outputs people read:
//! the weekly digest as Markdown, self-contained HTML and JSON, and the JSON of
//! `vault status`.
//!
//! Templates are Tera templates from `templates/`, embedded in the binary; a vault can
//! override any of them. This crate knows templates and nothing about parsing or files.

mod chart;
mod content_line;
pub mod draft;
mod ics;
mod json;
pub mod links;
mod model_json;
mod reasons;
mod templates;
mod text;
mod vcard;
mod view;

pub use draft::{Draft, DraftInput, DraftSettings, draft};
pub use ics::{CalendarInput, calendar};
pub use json::{DiagnosticJson, StatusJson, status_json};
pub use links::{ContactLinks, contact_links};
pub use model_json::{SCHEMA, model_json};
pub use reasons::{ReasonFacts, reason_text};
pub use templates::{BUILTIN_TEMPLATES, Budget, RenderError, TemplateOverride, Templates, Watch};
pub use vcard::vcards;
pub use view::{DigestInput, HealthCounts};

/// The digest as Markdown, linking people as `[[Name]]`, with every piece of note text
/// escaped so that it reads as text in Obsidian (no heading, task, link, image or HTML
/// of its own).
pub fn digest_markdown(
    templates: &Templates,
    input: &DigestInput<'_>,
) -> Result<String, RenderError> {
    let view = view::digest_view(templates, input, view::Markup::Markdown)?;
    templates.render("digest.md", &view).map(end_with_newline)
}

/// The digest as one self-contained HTML page (inline CSS and SVG, no script, no external
/// request), with every piece of note text escaped.
pub fn digest_html(templates: &Templates, input: &DigestInput<'_>) -> Result<String, RenderError> {
    let view = view::digest_view(templates, input, view::Markup::Plain)?;
    templates.render("digest.html", &view).map(end_with_newline)
}

/// What a new person note is made from (`vault add`).
#[derive(Debug, serde::Serialize)]
pub struct PersonNote<'a> {
    /// Display name (also the file name).
    pub name: &'a str,
    /// Relationship, when given.
    pub relationship: Option<&'a str>,
    /// Cadence as written, when given.
    pub cadence: Option<&'a str>,
    /// Company, when given.
    pub company: Option<&'a str>,
    /// E-mail, when given.
    pub email: Option<&'a str>,
    /// Today, `YYYY-MM-DD`.
    pub today: String,
}

/// A new person note from the `person.md` template.
pub fn person_note(templates: &Templates, note: &PersonNote<'_>) -> Result<String, RenderError> {
    templates.render("person.md", note).map(end_with_newline)
}

/// Files end with a newline, whatever the template's last line does.
fn end_with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The digest as JSON: the `people` of `vault status --format json` plus every section.
pub fn digest_json(templates: &Templates, input: &DigestInput<'_>) -> Result<String, RenderError> {
    let view = view::digest_view(templates, input, view::Markup::Plain)?.data_only();
    json::to_pretty(&view)
}
