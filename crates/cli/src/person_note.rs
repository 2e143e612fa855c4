//! A new person's note, as `vault add` and the contact imports create it: the `person.md`
//! template rendered with what is known of the person, with a contact's own note above
//! the log; in a Logseq graph, the same as a page of blocks with `key:: value` properties.

use vault_notes::edit::is_log_heading;
use vault_render::PersonNote;

use crate::budget;
use crate::exit::Exit;
use crate::session::{Session, keep};

/// A new person note from the `person.md` template with the properties the template
/// knows: what `vault add` and the imports create. Rendered within the budget (the
/// vault's own template may not end; what it reads lives until the process ends).
/// `intro` (a contact's own note) is a paragraph above the log section. In a Logseq
/// graph the note is a page ([`as_page`]).
pub fn person_note_text(
    session: &Session,
    name: &str,
    relationship: Option<&str>,
    cadence: Option<&str>,
    company: Option<&str>,
    email: Option<&str>,
    intro: Option<&str>,
) -> Result<String, Exit> {
    let owned = |v: Option<&str>| keep(v.map(str::to_owned)).as_deref();
    let limits = budget::Limits::for_this_run();
    let templates = keep(session.templates()?.with_budget(limits.output));
    let note = keep(PersonNote {
        name: keep(name.to_owned()),
        relationship: owned(relationship),
        cadence: owned(cadence),
        company: owned(company),
        email: owned(email),
        today: session.today.to_string(),
    });
    let text = budget::render(templates, limits, |templates| {
        vault_render::person_note(templates, note)
    })?;
    match &session.settings.read.logseq {
        Some(graph) => as_page(session, graph, name, &text, intro),
        None => Ok(with_intro(&text, intro)),
    }
}

/// `note` with `intro` as a paragraph of its own above the first log heading (`## Log`),
/// or at the end when it has none: the log section holds only log lines.
fn with_intro(note: &str, intro: Option<&str>) -> String {
    let Some(intro) = intro else {
        return note.to_owned();
    };
    let body_start = vault_notes::split_front_matter(note).body_start();
    let mut at = None;
    let mut in_code = false;
    let mut offset = body_start;
    for line in note
        .get(body_start..)
        .unwrap_or_default()
        .split_inclusive('\n')
    {
        if is_fence(line) {
            in_code = !in_code;
        } else if !in_code && is_log_heading(line) {
            at = Some(offset);
            break;
        }
        offset += line.len();
    }
    let mut out = String::with_capacity(note.len() + intro.len() + 4);
    match at {
        Some(at) => {
            let before = &note[..at];
            out.push_str(before);
            if !before.is_empty() && !before.ends_with("\n\n") {
                out.push_str(if before.ends_with('\n') { "\n" } else { "\n\n" });
            }
            out.push_str(intro);
            out.push_str("\n\n");
            out.push_str(&note[at..]);
        }
        None => {
            out.push_str(note);
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&format!("\n{intro}\n"));
        }
    }
    out
}

/// Whether `line` opens or closes a fenced code block.
fn is_fence(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("```") || line.starts_with("~~~")
}

/// The rendered `person.md` as a page of the Logseq graph `graph`, the way Logseq keeps
/// pages: the template's front matter as `key:: value` page properties (written by
/// [`Session::set_property`], after the property that makes the page a person when its
/// place does not: [`Session::new_person_page`]), then its body as blocks: a heading, a
/// paragraph or a list item is a `- ` block, a paragraph's further lines are indented
/// under it, and the `# NAME` title is left out (Logseq shows the page's name). `intro`
/// is a block above the log heading; a line of it that would read as a log line or a
/// task starts with `\`.
fn as_page(
    session: &Session,
    graph: &vault_notes::Logseq,
    name: &str,
    note: &str,
    intro: Option<&str>,
) -> Result<String, Exit> {
    let split = vault_notes::split_front_matter(note);
    let mut properties: Vec<(String, String)> = Vec::new();
    if let vault_notes::Split::FrontMatter {
        yaml_start,
        yaml_end,
        ..
    } = split
    {
        let yaml = note.get(yaml_start..yaml_end).unwrap_or_default();
        let entries = vault_notes::yaml::parse_mapping(yaml).map_err(|e| {
            Exit::failure(format!(
                "the person.md template's front matter cannot be read: {}",
                e.message
            ))
        })?;
        for (key, value) in entries {
            if let Some(text) = page_value(&key, &value, graph) {
                properties.push((key, text));
            }
        }
    }
    let (_, marker) = session.new_person_page(name, graph);
    if let Some(marker) = marker {
        add_marker(&mut properties, marker);
    }
    let (mut blocks, log_heading) =
        body_blocks(note.get(split.body_start()..).unwrap_or_default(), name);
    if let Some(intro) = intro {
        let intro = intro_blocks(session, intro);
        let at = log_heading.unwrap_or(blocks.len());
        blocks.splice(at..at, intro);
    }
    let mut page = String::new();
    if !properties.is_empty() {
        // Logseq leaves a blank line between the page's properties and its blocks.
        page.push('\n');
    }
    for block in &blocks {
        page.push_str(block);
        page.push('\n');
    }
    let mut bytes = page.into_bytes();
    for (key, value) in &properties {
        bytes = session
            .set_property(&bytes, &[key.as_str()], value)
            .map_err(|e| Exit::failure(format!("cannot write the page of `{name}`: {e}")))?;
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `properties` with the property that makes the page a person: first, or in the
/// template's own list of tags; where the template gives its key another value
/// (`type: colleague`), as `tags:: person` instead, which keeps the template's value.
fn add_marker(properties: &mut Vec<(String, String)>, (key, value): (String, String)) {
    let at = properties
        .iter()
        .position(|(k, _)| k.eq_ignore_ascii_case(&key));
    match at {
        None => properties.insert(0, (key, value)),
        Some(i) if properties[i].1.eq_ignore_ascii_case(&value) => {}
        Some(i) if key.eq_ignore_ascii_case("tags") => {
            let have = &mut properties[i].1;
            let tagged = have
                .split(',')
                .any(|v| v.trim().eq_ignore_ascii_case(&value));
            if !tagged {
                *have = format!("{value}, {have}");
            }
        }
        Some(_) => add_marker(properties, ("tags".to_owned(), "person".to_owned())),
    }
}

/// A front-matter value as a page property's value: text on one line, a list as its
/// items separated by commas; `None` for what a page property cannot hold (nothing, a
/// mapping). Text with a comma in a property Logseq splits at commas is quoted.
fn page_value(
    key: &str,
    value: &vault_notes::Value,
    graph: &vault_notes::Logseq,
) -> Option<String> {
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = match value {
        vault_notes::Value::List(_) => value
            .scalars()
            .into_iter()
            .map(one_line)
            .collect::<Vec<_>>()
            .join(", "),
        vault_notes::Value::Map(_) | vault_notes::Value::Null => return None,
        scalar => {
            let text = one_line(scalar.as_scalar().unwrap_or_default());
            let lower = key.to_ascii_lowercase();
            let by_commas = matches!(lower.as_str(), "alias" | "aliases" | "tags")
                || graph.comma_properties.contains(&lower);
            if by_commas && text.contains(',') {
                format!("\"{text}\"")
            } else {
                text
            }
        }
    };
    (!text.is_empty()).then_some(text)
}

/// A Markdown body as Logseq blocks (see [`as_page`]), and the index of the first log
/// heading's block.
fn body_blocks(body: &str, name: &str) -> (Vec<String>, Option<usize>) {
    let mut blocks: Vec<String> = Vec::new();
    let mut log_heading = None;
    let mut paragraph = false;
    let mut in_code = false;
    for line in body.lines() {
        let trimmed = line.trim();
        let fence = is_fence(line);
        if in_code || fence {
            in_code ^= fence;
            match blocks.last_mut().filter(|_| paragraph) {
                Some(block) => {
                    block.push_str("\n  ");
                    block.push_str(line);
                }
                None => {
                    blocks.push(format!("- {trimmed}"));
                    paragraph = true;
                }
            }
            continue;
        }
        if trimmed.is_empty() {
            paragraph = false;
            continue;
        }
        let heading =
            trimmed.starts_with('#') && trimmed.trim_start_matches('#').starts_with([' ', '\t']);
        let item = ["- ", "* ", "+ "].iter().any(|m| trimmed.starts_with(m)) || trimmed == "-";
        if heading {
            paragraph = false;
            let title = trimmed.trim_start_matches('#').trim();
            if blocks.is_empty() && trimmed.starts_with("# ") && title == name {
                continue;
            }
            if log_heading.is_none() && is_log_heading(trimmed) {
                log_heading = Some(blocks.len());
            }
            blocks.push(format!("- {trimmed}"));
        } else if item {
            paragraph = false;
            blocks.push(format!("- {}", trimmed.get(2..).unwrap_or_default()));
        } else if paragraph && let Some(block) = blocks.last_mut() {
            block.push_str("\n  ");
            block.push_str(trimmed);
        } else {
            blocks.push(format!("- {trimmed}"));
            paragraph = true;
        }
    }
    (blocks, log_heading)
}

/// A contact's note as blocks, a paragraph each; a first line that the reader would
/// take for a log line or a task (`2019-05-01 call`, `TODO …`) starts with `\`, as it
/// does in a Markdown note.
fn intro_blocks(session: &Session, intro: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    for paragraph in intro.split("\n\n") {
        let mut lines = paragraph.lines().map(str::trim).filter(|l| !l.is_empty());
        let Some(first) = lines.next() else {
            continue;
        };
        let mut block = if reads_as_more_than_text(session, first) {
            format!("- \\{first}")
        } else {
            format!("- {first}")
        };
        for line in lines {
            block.push_str("\n  ");
            block.push_str(line);
        }
        blocks.push(block);
    }
    blocks
}

/// Whether the block `- LINE` on a person's page would be read as a log line or a task,
/// by the reader itself.
fn reads_as_more_than_text(session: &Session, line: &str) -> bool {
    let probe = format!("tags:: person\n\n- {line}\n");
    let note = vault_notes::parse_note("probe.md", probe.as_bytes(), &session.settings.read).note;
    !note.log.is_empty() || !note.tasks.is_empty() || !note.done().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contacts_note_goes_above_the_first_log_heading() {
        let note = "---\ncreated: 2026-11-23\n---\n# Ann\n\n## 📅 Log:\n- 2026-01-01 call\n";
        assert_eq!(
            with_intro(note, Some("Met at work.")),
            "---\ncreated: 2026-11-23\n---\n# Ann\n\nMet at work.\n\n## 📅 Log:\n- 2026-01-01 call\n"
        );
        // Not a heading inside code; no log heading at all: at the end.
        let fenced = "# Ann\n```\n## Log\n```\n";
        assert_eq!(with_intro(fenced, Some("x")), format!("{fenced}\nx\n"));
        assert_eq!(with_intro("# Ann", Some("x")), "# Ann\n\nx\n");
        assert_eq!(with_intro(note, None), note);
    }

    #[test]
    fn a_markdown_body_as_blocks() {
        let (blocks, log) = body_blocks(
            "# Ann\n\nWorked together\nat Acme.\n\n## About\n- likes tea\n```\ncode\n\n```\n## Log\n",
            "Ann",
        );
        assert_eq!(
            blocks,
            [
                "- Worked together\n  at Acme.",
                "- ## About",
                "- likes tea",
                "- ```\n  code\n  \n  ```",
                "- ## Log",
            ]
        );
        assert_eq!(log, Some(4));
        // Another title is a heading block like any other.
        assert_eq!(body_blocks("# Team\n", "Ann").0, ["- # Team"]);
    }

    #[test]
    fn the_marker_joins_the_templates_properties() {
        let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
        let mut props = vec![pair("created", "2026-11-23")];
        add_marker(&mut props, pair("type", "[[person]]"));
        assert_eq!(
            props,
            [pair("type", "[[person]]"), pair("created", "2026-11-23")]
        );
        let mut props = vec![pair("tags", "work")];
        add_marker(&mut props, pair("tags", "person"));
        assert_eq!(props, [pair("tags", "person, work")]);
        // Another type stays; the page is a person by its tag.
        let mut props = vec![pair("type", "colleague"), pair("tags", "work")];
        add_marker(&mut props, pair("type", "[[person]]"));
        assert_eq!(
            props,
            [pair("type", "colleague"), pair("tags", "person, work")]
        );
    }
}
