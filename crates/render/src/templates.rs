//! The Tera templates: built-ins embedded in the binary, overridable per vault.

use serde::Serialize;

/// The built-in templates, by name: embedded from the repository's `templates/` folder.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("digest.md", include_str!("../../../templates/digest.md")),
    (
        "digest.html",
        include_str!("../../../templates/digest.html"),
    ),
    ("draft.txt", include_str!("../../../templates/draft.txt")),
    ("person.md", include_str!("../../../templates/person.md")),
];

/// A user's template that replaces a built-in one (from `.vault/templates/` in the vault).
#[derive(Debug, Clone)]
pub struct TemplateOverride {
    /// Template name, such as `digest.html`.
    pub name: String,
    /// Where it came from, for error messages (`.vault/templates/digest.html`).
    pub origin: String,
    /// Its text.
    pub text: String,
}

/// Why a digest could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// This occurs when a template has a syntax error or fails while rendering; `origin`
    /// names the user's file for overrides.
    #[error("{origin}: {message}")]
    Template {
        /// The template file (`.vault/templates/digest.md` or `built-in digest.md`).
        origin: String,
        /// Tera's explanation, with the line.
        message: String,
    },
    /// This occurs when serializing to JSON fails (it should not).
    #[error("cannot write JSON: {0}")]
    Json(String),
}

/// The set of templates used to render: built-ins with the vault's overrides on top.
#[derive(Debug)]
pub struct Templates {
    tera: tera::Tera,
    origins: Vec<(String, String)>,
}

impl Templates {
    /// The built-in templates only.
    pub fn builtin() -> Templates {
        match Templates::with_overrides(&[]) {
            Ok(t) => t,
            // The built-ins are tested; a failure here is a bug in this crate.
            Err(err) => panic!("built-in templates do not compile: {err}"),
        }
    }

    /// The built-ins, each replaced by an override of the same name. An override with an
    /// error is an error: `vault` never falls back to the built-in silently.
    pub fn with_overrides(overrides: &[TemplateOverride]) -> Result<Templates, RenderError> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        tera.register_filter("md_cell", |text: &str, _: tera::Kwargs, _: &tera::State| {
            crate::text::md_cell(text)
        });
        tera.register_filter(
            "blockquote",
            |text: &str, _: tera::Kwargs, _: &tera::State| crate::text::blockquote(text),
        );
        tera.register_filter("unlink", |text: &str, _: tera::Kwargs, _: &tera::State| {
            crate::text::unlink(text)
        });
        tera.register_filter(
            "second_person",
            |text: &str, _: tera::Kwargs, _: &tera::State| crate::text::second_person(text),
        );
        tera.register_filter(
            "draft_topic",
            |text: &str, _: tera::Kwargs, _: &tera::State| crate::text::draft_topic(text),
        );
        tera.register_filter("yaml", |text: &str, _: tera::Kwargs, _: &tera::State| {
            vault_notes::edit::yaml_scalar(text)
        });
        let mut origins = Vec::new();
        for (name, text) in BUILTIN_TEMPLATES {
            let user = overrides.iter().find(|o| o.name == *name);
            let (text, origin) = match user {
                Some(o) => (o.text.as_str(), o.origin.clone()),
                None => (*text, format!("built-in {name}")),
            };
            tera.add_raw_template(name, text)
                .map_err(|e| RenderError::Template {
                    origin: origin.clone(),
                    message: error_chain(&e),
                })?;
            origins.push(((*name).to_owned(), origin));
        }
        Ok(Templates { tera, origins })
    }

    /// Renders template `name` with `context`.
    pub(crate) fn render<T: Serialize>(
        &self,
        name: &str,
        context: &T,
    ) -> Result<String, RenderError> {
        let origin = || {
            self.origins
                .iter()
                .find(|(n, _)| n == name)
                .map_or_else(|| name.to_owned(), |(_, o)| o.clone())
        };
        let context =
            tera::Context::from_serialize(context).map_err(|e| RenderError::Template {
                origin: origin(),
                message: error_chain(&e),
            })?;
        self.tera
            .render(name, &context)
            .map_err(|e| RenderError::Template {
                origin: origin(),
                message: error_chain(&e),
            })
    }
}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}
