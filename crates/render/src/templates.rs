//! The Tera templates: built-ins embedded in the binary, overridable per vault, rendered
//! within a [`Budget`].

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::Serialize;

/// The built-in templates, by name: embedded from the repository's `templates/` folder.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("digest.md", include_str!("../../../templates/digest.md")),
    (
        "digest.html",
        include_str!("../../../templates/digest.html"),
    ),
    // The parts of a draft come before `draft.txt`, which includes them: Tera checks an
    // include when the including template is added.
    (
        "draft-formal.txt",
        include_str!("../../../templates/draft-formal.txt"),
    ),
    (
        "draft-neutral.txt",
        include_str!("../../../templates/draft-neutral.txt"),
    ),
    (
        "draft-casual.txt",
        include_str!("../../../templates/draft-casual.txt"),
    ),
    (
        "draft-subject.txt",
        include_str!("../../../templates/draft-subject.txt"),
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
    /// This occurs when a rendering outgrows its [`Budget`] or is stopped through its
    /// [`Watch`] (a template that loops forever or writes without end).
    #[error("{origin}: rendering stopped after {reason}")]
    Stopped {
        /// The template file, as for `Template`.
        origin: String,
        /// What ran out (`64 MB of output`), and what may cause it.
        reason: String,
    },
    /// This occurs when serializing to JSON fails (it should not).
    #[error("cannot write JSON: {0}")]
    Json(String),
}

/// What one rendering of a template may use. Tera has no limit of its own on loops
/// (`range` stops at 100,000 items, but loops nest) or on string concatenation, so the
/// output is capped here, and a caller that needs a time or memory bound renders on a
/// thread and uses the [`Watch`] (the `vault` binary does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// The most bytes a template may write (default 64 MiB: a digest of a 100,000-note
    /// vault is a few MB).
    pub max_output: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            max_output: 64 << 20,
        }
    }
}

/// A handle on the renderings of a [`Templates`], for another thread: which template is
/// being rendered, and a way to stop it at its next write.
#[derive(Debug, Clone)]
pub struct Watch {
    stop: Arc<AtomicBool>,
    /// 1 + the index in `origins` of the template being rendered; 0 for none.
    current: Arc<AtomicUsize>,
    origins: Arc<[String]>,
}

impl Watch {
    /// Makes the rendering under way (and every later one) fail with
    /// [`RenderError::Stopped`] at its next write. A template that loops without writing
    /// does not notice: the caller decides what happens to its thread.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// The origin (`.vault/templates/digest.md`) of the template being rendered, if any.
    pub fn rendering(&self) -> Option<&str> {
        let current = self.current.load(Ordering::Relaxed);
        let index = current.checked_sub(1)?;
        self.origins.get(index).map(String::as_str)
    }
}

/// The set of templates used to render: built-ins with the vault's overrides on top.
#[derive(Debug)]
pub struct Templates {
    tera: tera::Tera,
    origins: Vec<(String, String)>,
    budget: Budget,
    watch: Watch,
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
        let watch = Watch {
            stop: Arc::new(AtomicBool::new(false)),
            current: Arc::new(AtomicUsize::new(0)),
            origins: origins.iter().map(|(_, o)| o.clone()).collect(),
        };
        Ok(Templates {
            tera,
            origins,
            budget: Budget::default(),
            watch,
        })
    }

    /// These templates with `budget` for each rendering.
    pub fn with_budget(mut self, budget: Budget) -> Templates {
        self.budget = budget;
        self
    }

    /// A handle to see which template is being rendered and to stop it.
    pub fn watch(&self) -> Watch {
        self.watch.clone()
    }

    /// Renders template `name` with `context`, within the budget.
    pub(crate) fn render<T: Serialize>(
        &self,
        name: &str,
        context: &T,
    ) -> Result<String, RenderError> {
        let index = self.origins.iter().position(|(n, _)| n == name);
        let origin = || index.map_or_else(|| name.to_owned(), |i| self.origins[i].1.clone());
        let context =
            tera::Context::from_serialize(context).map_err(|e| RenderError::Template {
                origin: origin(),
                message: error_chain(&e),
            })?;
        let before = self
            .watch
            .current
            .swap(index.map_or(0, |i| i + 1), Ordering::Relaxed);
        let mut out = Bounded {
            bytes: Vec::new(),
            max: self.budget.max_output,
            stop: &self.watch.stop,
            stopped: None,
        };
        let result = self.tera.render_to(name, &context, &mut out);
        self.watch.current.store(before, Ordering::Relaxed);
        if let Some(reason) = out.stopped {
            return Err(RenderError::Stopped {
                origin: origin(),
                reason,
            });
        }
        result.map_err(|e| RenderError::Template {
            origin: origin(),
            message: error_chain(&e),
        })?;
        String::from_utf8(out.bytes).map_err(|e| RenderError::Template {
            origin: origin(),
            message: e.to_string(),
        })
    }
}

/// The output of one rendering: refuses to grow past `max` bytes, and fails every write
/// once `stop` is set. Why it stopped is kept in `stopped` (Tera wraps the write error).
struct Bounded<'a> {
    bytes: Vec<u8>,
    max: usize,
    stop: &'a AtomicBool,
    stopped: Option<String>,
}

impl io::Write for Bounded<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.stop.load(Ordering::Relaxed) {
            self.stopped = Some("it was stopped".to_owned());
        } else if self.bytes.len().saturating_add(buf.len()) > self.max {
            self.stopped = Some(format!(
                "{} MB of output: the template writes too much (a loop that does not end?)",
                self.max >> 20
            ));
        } else {
            self.bytes.extend_from_slice(buf);
            return Ok(buf.len());
        }
        Err(io::Error::other("rendering stopped"))
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile(name: &str, text: &str) -> Templates {
        let user = TemplateOverride {
            name: name.to_owned(),
            origin: format!(".vault/templates/{name}"),
            text: text.to_owned(),
        };
        Templates::with_overrides(&[user]).expect("compiles")
    }

    #[test]
    fn endless_output_stops_at_the_budget_with_the_path() {
        let flood = "{% for i in range(end=100000) %}{% for j in range(end=100000) %}xxxxxxxxxx{% endfor %}{% endfor %}";
        let templates = hostile("person.md", flood).with_budget(Budget {
            max_output: 1 << 20,
        });
        let started = std::time::Instant::now();
        let err = templates
            .render("person.md", &serde_json::json!({}))
            .expect_err("stopped");
        assert_eq!(
            err.to_string(),
            ".vault/templates/person.md: rendering stopped after 1 MB of output: the template writes too much (a loop that does not end?)"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        assert_eq!(templates.watch().rendering(), None, "done rendering");
    }

    #[test]
    fn a_stopped_watch_stops_the_next_write() {
        let templates = hostile("draft.txt", "{% for i in range(end=100000) %}.{% endfor %}");
        let watch = templates.watch();
        watch.stop();
        let err = templates
            .render("draft.txt", &serde_json::json!({}))
            .expect_err("stopped");
        assert!(
            matches!(&err, RenderError::Stopped { origin, .. } if origin == ".vault/templates/draft.txt"),
            "{err}"
        );
    }

    #[test]
    fn the_built_ins_fit_the_default_budget() {
        let templates = Templates::builtin();
        assert_eq!(templates.budget, Budget::default());
        let text = templates
            .render(
                "person.md",
                &serde_json::json!({"name": "Sam", "today": "2026-11-23"}),
            )
            .expect("renders");
        assert!(text.contains("Sam"), "{text}");
    }
}
