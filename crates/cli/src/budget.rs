//! Rendering a vault's templates within a time and memory budget.
//!
//! A template in `.vault/templates/` is code the vault brings along: nested loops over
//! `range` run for hours, `{% set_global s = s ~ s %}` in a loop doubles a string until
//! memory runs out. Tera has no limit for either. `vault-render` caps the output
//! ([`vault_render::Budget`]); here the rendering runs on a thread while this one watches
//! the clock and, on Linux, the resident memory of the process. When either runs out the
//! command fails with the template's path, and the process ends (which stops the thread:
//! a loop that writes nothing cannot be interrupted otherwise).

use std::sync::mpsc;
use std::time::{Duration, Instant};

use vault_render::{Budget, RenderError, Templates};

use crate::exit::Exit;

/// How long and how much memory one command's rendering may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall time for the rendering (default 10 s; a 100,000-note digest takes well under
    /// one).
    pub time: Duration,
    /// Growth of the process's resident memory while rendering (default 512 MB).
    pub memory: u64,
    /// What the templates may write ([`Budget`], default 64 MB).
    pub output: Budget,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            time: Duration::from_secs(10),
            memory: 512 << 20,
            output: Budget::default(),
        }
    }
}

impl Limits {
    /// The limits for this run: the defaults, or in debug builds
    /// `VAULT_TEST_RENDER_BUDGET=SECONDS,OUTPUT_MB,MEMORY_MB`, which the
    /// end-to-end tests use to try hostile templates quickly.
    pub fn for_this_run() -> Limits {
        #[cfg(debug_assertions)]
        if let Some(limits) = std::env::var("VAULT_TEST_RENDER_BUDGET")
            .ok()
            .and_then(|v| Limits::parse(&v))
        {
            return limits;
        }
        Limits::default()
    }

    /// `SECONDS,OUTPUT_MB,MEMORY_MB`.
    #[cfg_attr(not(debug_assertions), allow(dead_code))]
    fn parse(text: &str) -> Option<Limits> {
        let mut parts = text.split(',').map(|p| p.trim().parse::<u64>().ok());
        let (seconds, output, memory) = (parts.next()??, parts.next()??, parts.next()??);
        Some(Limits {
            time: Duration::from_secs(seconds),
            memory: memory.checked_mul(1 << 20)?,
            output: Budget {
                max_output: usize::try_from(output.checked_mul(1 << 20)?).ok()?,
            },
        })
    }
}

/// How often the watching thread looks at the clock and the memory.
const TICK: Duration = Duration::from_millis(5);

/// Runs `work` (renderings with `templates`) on its own thread within `limits`. When the
/// time or the memory runs out, the rendering is asked to stop and the error names the
/// template being rendered; the caller returns it and the process ends.
pub fn render<T: Send + 'static>(
    templates: &'static Templates,
    limits: Limits,
    work: impl FnOnce(&'static Templates) -> Result<T, RenderError> + Send + 'static,
) -> Result<T, Exit> {
    let watch = templates.watch();
    let (done, result) = mpsc::channel();
    let started = Instant::now();
    let memory_before = resident_memory();
    std::thread::Builder::new()
        .name("render".into())
        // As much stack as the main thread has, where the templates used to render.
        .stack_size(8 << 20)
        .spawn(move || {
            let _ = done.send(work(templates));
        })
        .map_err(|e| Exit::failure(format!("cannot start rendering: {e}")))?;
    let stopped = |reason: String| {
        watch.stop();
        let origin = watch.rendering().unwrap_or("a template");
        Exit::failure(format!("{origin}: rendering stopped after {reason}"))
    };
    loop {
        match result.recv_timeout(TICK) {
            Ok(rendered) => return rendered.map_err(|e| Exit::failure(e.to_string())),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(Exit::failure("rendering failed unexpectedly"));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if started.elapsed() >= limits.time {
            return Err(stopped(format!(
                "{}: the template takes too long (a loop that does not end?)",
                seconds(limits.time)
            )));
        }
        if let (Some(before), Some(now)) = (memory_before, resident_memory())
            && now.saturating_sub(before) > limits.memory
        {
            return Err(stopped(format!(
                "{} MB of memory: the template builds too large a value (a string that doubles in a loop?)",
                now.saturating_sub(before) >> 20
            )));
        }
    }
}

/// `10 s`, `0.2 s`.
fn seconds(time: Duration) -> String {
    if time.subsec_millis() == 0 {
        format!("{} s", time.as_secs())
    } else {
        format!("{:.1} s", time.as_secs_f64())
    }
}

/// The resident memory of this process in bytes, where the system says (Linux's
/// `/proc/self/status`); `None` elsewhere, where only the time and output limits apply.
fn resident_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kilobytes: u64 = line
        .trim_start_matches("VmRSS:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes << 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_render::TemplateOverride;

    fn hostile(text: &str) -> &'static Templates {
        let user = TemplateOverride {
            name: "person.md".to_owned(),
            origin: ".vault/templates/person.md".to_owned(),
            text: text.to_owned(),
        };
        crate::session::keep(Templates::with_overrides(&[user]).expect("compiles"))
    }

    fn person(templates: &Templates) -> Result<String, RenderError> {
        let note = vault_render::PersonNote {
            name: "Sam",
            relationship: None,
            cadence: None,
            company: None,
            email: None,
            today: "2026-11-23".to_owned(),
        };
        vault_render::person_note(templates, &note)
    }

    #[test]
    fn an_endless_template_stops_at_the_deadline_with_its_path() {
        // Writes a byte now and then, so that the stopped thread ends too.
        let templates = hostile(
            "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% if j == 0 %}.{% endif %}{% endfor %}{% endfor %}",
        );
        let limits = Limits {
            time: Duration::from_millis(200),
            ..Limits::default()
        };
        let started = Instant::now();
        let err = render(templates, limits, person).expect_err("stopped");
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(err.code, crate::exit::FAILURE);
        assert!(
            err.message
                .starts_with(".vault/templates/person.md: rendering stopped after 0.2 s"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_template_within_the_limits_renders() {
        let templates = hostile("name: {{ name }}\n");
        let text = render(templates, Limits::default(), person).expect("renders");
        assert_eq!(text, "name: Sam\n");
    }

    #[test]
    fn test_limits_parse() {
        assert_eq!(
            Limits::parse("2,16,32"),
            Some(Limits {
                time: Duration::from_secs(2),
                memory: 32 << 20,
                output: Budget {
                    max_output: 16 << 20
                },
            })
        );
        assert_eq!(Limits::parse("x"), None);
        assert_eq!(Limits::parse("1,2"), None);
        assert!(resident_memory().is_none_or(|m| m > 0));
    }
}
