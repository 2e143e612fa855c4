//! The digest in all three formats, from an in-memory vault pinned to 2026-11-23: every
//! section present, note text escaped, private people by name only, notes never evaluated
//! as templates.

use chrono::NaiveDate;
use vault_index::{Config, Index};
use vault_notes::{Note, ReadOptions, parse_note};
use vault_render::{
    DigestInput, HealthCounts, RenderError, TemplateOverride, Templates, digest_html, digest_json,
    digest_markdown,
};

const XSS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
];

fn notes(files: &[(&str, &str)]) -> Vec<Note> {
    files
        .iter()
        .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
        .collect()
}

fn index(notes: &[Note]) -> Index {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    vault_index::build(notes, &Config::default(), today)
}

fn vault() -> Vec<Note> {
    notes(&[
        (
            "People/Sharon Lee.md",
            "---\nrelationship: former-colleague\ncadence: monthly\nrole: VP Engineering\ncompany: \"[[Initech]]\"\ninterests: [sourdough, trail running]\nfavorite: true\nbirthday: 12-02\n---\n## Log\n- 2026-09-30 coffee: her new role at Initech and hiring #got\n- 2026-08-12 call: intro to Dana #gave\n- [ ] send the incident-review template 📅 2026-11-20\n",
        ),
        (
            "People/Marco Rossi.md",
            "---\nrelationship: peer\n---\n- 2026-11-27 lunch: planned\n",
        ),
        (
            "People/Kim.md",
            "---\ncadence: 14\n---\n- 2026-11-12 call: the conference talk\n",
        ),
        (
            "People/Old Friend.md",
            "---\nrelationship: friend\n---\n- 2026-05-01 dinner: the move to Lisbon\n",
        ),
        ("People/Nina.md", "---\nrelationship: connection\n---\n"),
        (
            "People/Sam.md",
            "---\nsnooze_until: 2026-12-01\n---\n- 2026-01-01 call\n",
        ),
        (
            "Journal/2026-11-23.md",
            "Coffee with [[Marco Rossi]] about the reorg.\n- [ ] send [[Marco Rossi]] the deck 📅 2026-11-27\n",
        ),
        (
            "Meetings/Sync.md",
            "---\ndate: 2026-11-10\npeople: [\"[[Kim]]\"]\n---\n",
        ),
    ])
}

fn input<'a>(index: &'a Index) -> DigestInput<'a> {
    DigestInput {
        index,
        vault_name: "example",
        health: HealthCounts {
            errors: 1,
            warnings: 2,
            hints: 0,
        },
    }
}

const SECTIONS: &[&str] = &[
    "Reach out this week",
    "Overdue and hibernating",
    "Due soon",
    "Follow-ups you promised",
    "Coming up",
    "This week",
    "Network",
    "Vault health",
];

#[test]
fn markdown_digest_snapshot() {
    let notes = vault();
    let index = index(&notes);
    let md =
        digest_markdown(&Templates::builtin(), &input(&index)).unwrap_or_else(|e| panic!("{e}"));
    for section in SECTIONS {
        assert!(md.contains(&format!("## {section}")), "missing {section}");
    }
    assert!(md.contains("[[Sharon Lee]]"));
    assert!(
        !md.contains("- [ ]"),
        "the digest lives in the vault: no task syntax"
    );
    assert!(md.contains("> Hi Sharon,"));
    insta::assert_snapshot!(md);
}

#[test]
fn json_digest_snapshot() {
    let notes = vault();
    let index = index(&notes);
    let json = digest_json(&Templates::builtin(), &input(&index)).unwrap_or_else(|e| panic!("{e}"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    for key in [
        "people",
        "headline",
        "suggestions",
        "attention",
        "due_soon",
        "follow_ups",
        "upcoming",
        "this_week",
        "reconnects",
        "network",
        "health",
    ] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    insta::assert_snapshot!(json);
}

#[test]
fn html_digest_is_self_contained() {
    let notes = vault();
    let index = index(&notes);
    let html = digest_html(&Templates::builtin(), &input(&index)).unwrap_or_else(|e| panic!("{e}"));
    for section in SECTIONS {
        assert!(html.contains(section), "missing {section}");
    }
    for needle in [
        "viewport",
        "prefers-color-scheme: dark",
        "@media print",
        "<svg",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    let lower = html.to_lowercase();
    for forbidden in [
        "<script",
        "src=\"http",
        "href=\"http",
        "@import",
        "url(",
        "<link",
    ] {
        assert!(!lower.contains(forbidden), "found {forbidden}");
    }
    assert!(html.contains("Hi Sharon,"));
}

#[test]
fn note_text_never_becomes_markup() {
    let payload = XSS.join(" ");
    let notes = notes(&[(
        &format!("People/{}.md", "Mallory"),
        &format!(
            "---\nname: \"Mal <script>alert(1)</script>\"\nrole: '<img src=x onerror=alert(1)>'\ninterests: ['\"><svg onload=alert(1)>', 'javascript:alert(1)']\ncadence: 7\n---\n- 2026-10-01 coffee: {payload}\n- [ ] {payload} 📅 2026-11-01\n- 2026-11-25 lunch: {payload}\n"
        ),
    )]);
    let index = index(&notes);
    let html = digest_html(&Templates::builtin(), &input(&index)).unwrap_or_else(|e| panic!("{e}"));
    let lower = html.to_lowercase();
    // Escaped payloads may show as text; none may open a tag or an attribute.
    for live in ["<script", "<img", "<svg onload", "href=\"javascript"] {
        assert!(!lower.contains(live), "live markup {live} in:\n{html}");
    }
    assert!(
        html.contains("&lt;script&gt;"),
        "escaped text should still be shown"
    );
}

#[test]
fn private_people_appear_by_name_only() {
    let notes = notes(&[(
        "People/Secret Agent.md",
        "---\nprivate: true\ncadence: 7\nrole: SECRETROLE\ninterests: [SECRETINTEREST]\n---\nSECRETBODY\n- 2026-10-01 coffee: SECRETLOG\n- 2026-11-23 call: SECRETWEEK\n- [ ] SECRETTASK 📅 2026-11-01\n- 2026-11-25 lunch: SECRETPLAN\n",
    )]);
    let mut index = index(&notes);
    // Make sure the person is suggested, the hardest case.
    index.suggestions = index.people.clone();
    let templates = Templates::builtin();
    let outputs = [
        digest_markdown(&templates, &input(&index)),
        digest_html(&templates, &input(&index)),
        digest_json(&templates, &input(&index)),
    ];
    for output in outputs {
        let text = output.unwrap_or_else(|e| panic!("{e}"));
        assert!(text.contains("Secret Agent"), "the name is shown");
        assert!(!text.contains("SECRET"), "private text leaked:\n{text}");
        assert!(!text.contains("Hi Secret"), "no draft for private people");
    }
}

#[test]
fn notes_are_never_evaluated_as_templates() {
    let notes = notes(&[(
        "People/Tess.md",
        "---\ncadence: 7\ninterests: ['{{ 7*7 }}']\n---\n- 2026-10-01 coffee: {% raw %}{{ 6*7 }}{% endraw %} and {{ 7*7 }}\n",
    )]);
    let index = index(&notes);
    let templates = Templates::builtin();
    let md = digest_markdown(&templates, &input(&index)).unwrap_or_else(|e| panic!("{e}"));
    assert!(md.contains("{{ 7*7 }}") && md.contains("{% raw %}"), "{md}");
    assert!(!md.contains("49") && !md.contains("42"), "{md}");
    let html = digest_html(&templates, &input(&index)).unwrap_or_else(|e| panic!("{e}"));
    assert!(html.contains("{{ 7*7 }}"), "shown as text");
}

#[test]
fn a_broken_override_names_its_file_and_line() {
    let broken = TemplateOverride {
        name: "digest.md".into(),
        origin: ".vault/templates/digest.md".into(),
        text: "# ok\n\n{% for x in %}\n".into(),
    };
    match Templates::with_overrides(&[broken]) {
        Err(RenderError::Template { origin, message }) => {
            assert_eq!(origin, ".vault/templates/digest.md");
            assert!(message.contains('3'), "line missing from: {message}");
        }
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("a broken override must be an error"),
    }
}

#[test]
fn an_override_replaces_the_built_in() {
    let mine = TemplateOverride {
        name: "draft.txt".into(),
        origin: ".vault/templates/draft.txt".into(),
        text: "Hey {{ first_name }}! Lunch?".into(),
    };
    let templates = Templates::with_overrides(&[mine]).unwrap_or_else(|e| panic!("{e}"));
    let notes = vault();
    let index = index(&notes);
    let md = digest_markdown(&templates, &input(&index)).unwrap_or_else(|e| panic!("{e}"));
    assert!(md.contains("> Hey Sharon! Lunch?"), "{md}");
}
