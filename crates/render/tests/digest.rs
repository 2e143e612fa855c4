//! The digest in all three formats, from in-memory vaults pinned to 2026-11-23: every
//! section present (or saying it is empty), note text escaped, private people by name
//! only, notes never evaluated as templates, drafts that read like a person wrote them.

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

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn index(notes: &[Note]) -> Index {
    vault_index::build(notes, &Config::default(), today())
}

/// Everyone who is hibernating, overdue or due soon is suggested.
fn index_suggesting_all(notes: &[Note]) -> Index {
    let config = Config {
        suggestions: 100,
        ..Config::default()
    };
    vault_index::build(notes, &config, today())
}

/// A small vault with something in every section.
fn vault() -> Vec<Note> {
    notes(&[
        (
            "People/Sharon Lee.md",
            "---\nrelationship: former-colleague\ncadence: monthly\nrole: VP Engineering\ncompany: \"[[Initech]]\"\ninterests: [sourdough, trail running]\nboundaries: [the layoffs at Acme]\nfavorite: true\nbirthday: 1984-12-02\nemail: [sharon@example.com, s.lee@initech.example]\nphone: \"+1 (555) 010-0199\"\nlinkedin: in/example-sharon\nurl: sharon.example/blog\nlocation: Berlin\nplace: Café Kranzler\n---\n## Log\n- 2026-09-30 coffee: her new role at Initech and hiring #got\n- 2026-08-12 call: intro to Dana #gave\n- [ ] send the incident-review template | the short one 📅 2026-11-20\n",
        ),
        (
            "People/Marco Rossi.md",
            "---\nrelationship: peer\ncompany: Initech\n---\n- 2026-11-27 lunch: the reorg, part two\n",
        ),
        (
            "People/Kim.md",
            "---\ncadence: 14\n---\n- 2026-11-12 call: the conference talk\n",
        ),
        (
            "People/Old Friend.md",
            "---\nrelationship: friend\ninterests: [chess]\n---\n- 2026-05-01 dinner: his move to Lisbon\n",
        ),
        (
            "People/priya.md",
            "---\nname: Priya N\nrelationship: mentor\ncadence: 60\n---\n- 2026-09-01 call: managing managers\n",
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

static DRAFT: std::sync::LazyLock<vault_render::DraftSettings> =
    std::sync::LazyLock::new(vault_render::DraftSettings::default);

fn input<'a>(index: &'a Index) -> DigestInput<'a> {
    DigestInput {
        index,
        vault_name: "example",
        health: HealthCounts {
            errors: 1,
            warnings: 2,
            hints: 0,
        },
        draft: &DRAFT,
    }
}

/// The eight sections (the third in two parts), in order, after the headline.
const SECTIONS: &[&str] = &[
    "Reach out this week",
    "Overdue and hibernating",
    "Due soon",
    "Follow-ups you promised",
    "Coming up",
    "This week's log",
    "Network",
    "Vault health",
];

fn markdown(index: &Index) -> String {
    digest_markdown(&Templates::builtin(), &input(index)).unwrap_or_else(|e| panic!("{e}"))
}

fn html(index: &Index) -> String {
    digest_html(&Templates::builtin(), &input(index)).unwrap_or_else(|e| panic!("{e}"))
}

fn json(index: &Index) -> serde_json::Value {
    let text = digest_json(&Templates::builtin(), &input(index)).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// Asserts `needles` occur in `haystack` in this order.
fn assert_in_order(haystack: &str, needles: &[String]) {
    let mut from = 0;
    for needle in needles {
        match haystack[from..].find(needle.as_str()) {
            Some(at) => from += at + needle.len(),
            None => panic!("{needle:?} missing or out of order in:\n{haystack}"),
        }
    }
}

/// The drafts of the suggestions, by person.
fn drafts(index: &Index) -> Vec<(String, String)> {
    let value = json(index);
    value["suggestions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| {
            Some((
                s["name"].as_str()?.to_owned(),
                s["draft"].as_str()?.to_owned(),
            ))
        })
        .collect()
}

#[test]
fn markdown_digest_snapshot() {
    let notes = vault();
    let index = index(&notes);
    let md = markdown(&index);
    let mut headings = vec!["# Keeping in touch — 2026-W48".to_owned()];
    headings.extend(SECTIONS.iter().map(|s| format!("\n## {s}\n")));
    assert_in_order(&md, &headings);
    insta::assert_snapshot!(md);
}

#[test]
fn markdown_links_people_and_never_writes_tasks() {
    let notes = vault();
    let index = index(&notes);
    let md = markdown(&index);
    for link in ["[[Sharon Lee]]", "[[Marco Rossi]]", "[[Kim]]", "[[Nina]]"] {
        assert!(md.contains(link), "missing {link}");
    }
    // A person whose file name differs from their name, inside a table cell.
    assert!(md.contains("| [[People/priya\\|Priya N]] |"), "{md}");
    // The digest lives in the vault: a task line there would be a new follow-up.
    for line in md.lines() {
        let t = line.trim_start().trim_start_matches(['>', ' ']);
        for marker in ["- [ ]", "- [/]", "* [ ]", "+ [ ]", "- [x]"] {
            assert!(!t.starts_with(marker), "task syntax in the digest: {line}");
        }
    }
    // A `|` in a note does not break its table row.
    assert!(
        md.contains("send the incident-review template \\| the short one"),
        "{md}"
    );
    assert!(md.contains("> Hi Sharon,"));
    assert!(md.contains("run `vault check` for details"));
}

#[test]
fn markdown_headline_counts_the_week() {
    let notes = vault();
    let index = index(&notes);
    let md = markdown(&index);
    let h = &index.headline;
    assert!(
        md.contains(&format!(
            "**This week:** {} overdue · {} hibernating · {} due this week",
            h.overdue, h.hibernating, h.due_this_week
        )),
        "{md}"
    );
    let r = &index.reconnects;
    assert!(
        md.contains(&format!(
            "**Reconnects this month:** {} of {}",
            r.this_month, r.goal
        )),
        "{md}"
    );
    assert!(md.contains("streak"), "{md}");
}

#[test]
fn json_digest_snapshot() {
    let notes = vault();
    let index = index(&notes);
    let value = json(&index);
    for key in [
        "today",
        "week",
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
    // Data, not drawing: chart geometry is for the HTML page only.
    assert!(value.get("charts").is_none(), "chart geometry in the JSON");
    // `people` is the contract of `vault status --format json`.
    let first = &value["people"][0];
    for key in [
        "name",
        "path",
        "relationship",
        "status",
        "cadence_days",
        "last_contact",
        "due",
        "days_overdue",
        "interactions",
    ] {
        assert!(first.get(key).is_some(), "people[0] lacks {key}");
    }
    let text = digest_json(&Templates::builtin(), &input(&index)).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_snapshot!(text);
}

#[test]
fn html_digest_has_every_section() {
    let notes = vault();
    let index = index(&notes);
    let html = html(&index);
    let mut headings = vec!["<h1>".to_owned()];
    headings.extend(SECTIONS.iter().map(|s| format!(">{s}")));
    assert_in_order(&html, &headings);
    for needle in [
        "Hi Sharon,",
        "Priya N",
        "Nina",
        "turns 42",
        "<b>1</b> error",
        // The headline points at promises past due.
        "<a href=\"#follow-ups\">1 follow-up</a> you promised is past due.",
        "<span class=\"pill zero\"><b>0</b> hints</span>",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
}

#[test]
fn html_digest_is_self_contained() {
    let notes = vault();
    let index = index(&notes);
    let html = html(&index);
    assert!(html.starts_with("<!doctype html>"));
    for needle in [
        "<meta name=\"viewport\"",
        "prefers-color-scheme: dark",
        "@media print",
        "<svg",
        "role=\"img\"",
        "<title id=\"rc-title\">",
        "<th scope=\"col\">",
        "<th scope=\"row\"",
        "white-space: pre-wrap",
        "overflow-x: auto",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    let lower = html.to_lowercase();
    for forbidden in [
        "<script", "src=", "@import", "url(", "<link", "<iframe", "<object", "<embed", "http://",
        "//fonts.", "<form", "<base",
    ] {
        assert!(!lower.contains(forbidden), "found {forbidden}");
    }
    for handler in [" onload=", " onclick=", " onerror=", " onmouseover="] {
        assert!(!lower.contains(handler), "event handler {handler}");
    }
    // Nothing is fetched: a web address is only ever where a click on a contact link
    // leads, and every link is in the page, a contact link or the note in Obsidian.
    assert_eq!(
        lower.matches("https://").count(),
        lower.matches("href=\"https://").count(),
        "a web address outside a link"
    );
    let mut contact_links = 0;
    for (at, _) in lower.match_indices("href=\"") {
        let rest = &lower[at + 6..];
        let tag_start = lower[..at].rfind('<').unwrap_or(0);
        let local = rest.starts_with('#');
        assert!(
            local || lower[tag_start..].starts_with("<a class=\"button"),
            "a link that is not a contact button: {}",
            &lower[tag_start..(at + 40).min(lower.len())]
        );
        if !local {
            contact_links += 1;
            assert!(
                ["mailto:", "tel:", "sms:", "https://", "obsidian://open?"]
                    .iter()
                    .any(|scheme| rest.starts_with(scheme)),
                "link out of the page: {}",
                &rest[..rest.len().min(40)]
            );
        }
    }
    assert!(contact_links >= 3, "the cards have their links");
}

#[test]
fn html_charts_are_drawn_from_numbers() {
    let notes = vault();
    let index = index(&notes);
    let html = html(&index);
    let start = html.find("<svg").unwrap_or_else(|| panic!("no chart"));
    let end = html
        .rfind("</svg>")
        .unwrap_or_else(|| panic!("no chart end"));
    let svg = &html[start..end];
    // Every geometry attribute is a plain integer.
    for attr in [
        " x=\"",
        " y=\"",
        " width=\"",
        " height=\"",
        " x1=\"",
        " y2=\"",
    ] {
        for (at, _) in svg.match_indices(attr) {
            let value: String = svg[at + attr.len()..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            assert!(
                value.parse::<i64>().is_ok(),
                "{attr}{value}\" is not an integer"
            );
        }
    }
    // Twelve months of bars.
    assert_eq!(svg.matches("<rect class=\"bar").count(), 12);
}

#[test]
fn note_text_never_becomes_markup() {
    let payload = XSS
        .iter()
        .chain(MARKDOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let person = format!(
        "---\nname: \"Mal <script>alert(1)</script>\"\nrelationship: '<img src=x onerror=alert(1)>'\nrole: '<img src=x onerror=alert(1)>'\ncompany: '\"><svg onload=alert(1)>'\ninterests: ['\"><svg onload=alert(1)>', 'javascript:alert(1)']\ncadence: 7\nbirthday: 12-01\n---\n- 2026-10-01 coffee: {payload}\n- 2026-11-23 call: {payload}\n- [ ] {payload} 📅 2026-11-01\n- 2026-11-25 lunch: {payload}\n- 2026-09-01 call: {payload} #gave\n"
    );
    let notes = notes(&[
        ("People/Mallory.md", person.as_str()),
        (
            "People/\"><svg onload=alert(1)>.md",
            "---\ncadence: 7\n---\n- 2026-10-01 coffee: hello\n",
        ),
        ("People/<b>Nobody</b>.md", "---\nrelationship: x\n---\n"),
        (
            "Journal/2026-11-23.md",
            &format!("[[Mallory]] said {payload}\n"),
        ),
    ]);
    let index = index_suggesting_all(&notes);
    assert!(
        index
            .suggestions
            .iter()
            .any(|p| p.person.path == "People/Mallory.md"),
        "the payload person is suggested, so the card and draft are rendered"
    );
    let html = html(&index);
    let lower = html.to_lowercase();
    // Escaped payloads may show as text; none may open a tag or an attribute.
    for live in [
        "<script",
        "<img",
        "<iframe",
        "<svg onload",
        "\"><svg",
        "\" onerror",
        "href=\"javascript",
        "<b>nobody",
    ] {
        assert!(!lower.contains(live), "live markup {live} in:\n{html}");
    }
    assert!(
        html.contains("&lt;script&gt;"),
        "escaped text is still shown"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // In an attribute too: the file name is the title of the name.
    assert!(
        html.contains("title=\"People/&quot;&gt;&lt;svg onload=alert(1)&gt;.md\""),
        "{html}"
    );
}

#[test]
fn private_people_appear_by_name_only() {
    let notes = notes(&[
        (
            "People/Secret Agent.md",
            "---\nprivate: true\ncadence: 7\nrelationship: SECRETREL\nrole: SECRETROLE\ncompany: SECRETCO\ninterests: [SECRETINTEREST]\nboundaries: [SECRETBOUNDARY]\nemail: SECRETMAIL@example.com\nphone: \"+1 555 0142\"\nlinkedin: in/SECRETLINKEDIN\nurl: https://SECRETURL.example\nplace: SECRETPLACE\nlocation: SECRETCITY\nbirthday: 12-01\n---\nSECRETBODY\n- 2026-10-01 coffee: SECRETLOG #gave\n- [ ] SECRETTASK 📅 2026-11-01\n- 2026-11-25 lunch: SECRETPLAN\n",
        ),
        (
            "Journal/2026-11-23.md",
            "Met [[Secret Agent]] about SECRETJOURNAL.\n- [ ] SECRETJOURNALTASK for [[Secret Agent]]\n",
        ),
    ]);
    let index = index_suggesting_all(&notes);
    assert_eq!(index.suggestions.len(), 1, "the hardest case: suggested");
    assert!(!index.follow_ups.is_empty() && !index.upcoming.is_empty());
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
        // No link to reach them or to open their note: the number, the note's name.
        for link in [
            "5550142",
            "Secret%20Agent",
            "mailto:",
            "tel:",
            "sms:",
            "obsidian:",
        ] {
            assert!(!text.contains(link), "{link} of a private person:\n{text}");
        }
    }
    let value = json(&index);
    let card = suggestion(&value, "Secret Agent");
    for withheld in [
        "links",
        "contact",
        "draft",
        "draft_subject",
        "last_interaction",
        "birthday",
    ] {
        assert!(card[withheld].is_null(), "{withheld}: {card}");
    }
    for empty in ["reasons", "boundaries", "follow_ups", "interests"] {
        assert_eq!(card[empty], serde_json::json!([]), "{empty}: {card}");
    }
    assert!(drafts(&index).is_empty());
}

#[test]
fn notes_are_never_evaluated_as_templates() {
    let notes = notes(&[(
        "People/Tess.md",
        "---\ncadence: 7\ninterests: ['{{ 7*7 }}']\n---\n- 2026-10-01 coffee: {% raw %}{{ 6*7 }}{% endraw %} and {{ 7*7 }}\n- [ ] {# not a comment #} {{ 7*7 }} 📅 2026-12-01\n",
    )]);
    let index = index(&notes);
    let md = markdown(&index);
    // What Obsidian shows: the Markdown escapes `*` and `#` (`{{ 7\*7 }}`), so the text
    // is checked as a Markdown reader reads it.
    let (_, shown) = read_markdown(&md);
    assert!(
        shown.contains("{{ 7*7 }}") && shown.contains("{% raw %}"),
        "{md}"
    );
    assert!(shown.contains("{# not a comment #}"), "{md}");
    assert!(!md.contains("49") && !md.contains("42"), "{md}");
    let html = html(&index);
    assert!(
        html.contains("{{ 7*7 }}") && html.contains("{% raw %}"),
        "shown as text"
    );
    assert!(!html.contains("49") && !html.contains(">42"), "{html}");
    let drafts = drafts(&index);
    assert!(drafts.iter().all(|(_, d)| !d.contains("49")), "{drafts:?}");
}

#[test]
fn an_empty_vault_says_so_in_each_section() {
    let index = index(&[]);
    let empty = DigestInput {
        health: HealthCounts::default(),
        ..input(&index)
    };
    let md = digest_markdown(&Templates::builtin(), &empty).unwrap_or_else(|e| panic!("{e}"));
    for line in [
        "Nobody is due this week",
        "Nobody is overdue or hibernating.",
        "Nobody else falls due in the next days.",
        "No open follow-ups.",
        "Nothing in the next two weeks.",
        "No contact recorded this week yet.",
        "No people yet.",
        "No problems found",
    ] {
        assert!(md.contains(line), "missing {line:?} in:\n{md}");
    }
    let html = digest_html(&Templates::builtin(), &empty).unwrap_or_else(|e| panic!("{e}"));
    assert!(html.contains("Nobody needs a nudge this week."));
    assert!(html.contains("No people yet."));
    assert!(html.contains("No open follow-ups."));
}

#[test]
fn drafts_fit_the_person() {
    let notes = notes(&[
        (
            "People/Ana Long.md",
            "---\nrelationship: friend\ninterests: [chess, jazz]\n---\n- 2026-03-01 coffee: her move to Lisbon\n",
        ),
        (
            "People/Ben Over.md",
            "---\ncadence: 30\ncompany: Globex\n---\n- 2026-09-30 lunch: his [[Globex]] launch\n",
        ),
        (
            "People/Cy Soon.md",
            "---\ncadence: 30\n---\n- 2026-10-27 call: the conference talk\n",
        ),
        ("People/Di Bare.md", "---\ncadence: 30\n---\n- 2026-10-01\n"),
    ]);
    let index = index_suggesting_all(&notes);
    let drafts = drafts(&index);
    let draft = |who: &str| -> String {
        drafts
            .iter()
            .find(|(name, _)| name == who)
            .map(|(_, d)| d.clone())
            .unwrap_or_else(|| panic!("no draft for {who} in {drafts:?}"))
    };

    // DESIGN.md "The draft": no note text in a sentence, no pronoun rewritten; the
    // kind and the month of the last contact, and a concrete proposal, by tone.
    let ana = draft("Ana Long");
    assert!(ana.starts_with("Hey Ana,\n\n"), "a friend: {ana}");
    assert!(
        ana.contains("way too long since our coffee in March"),
        "{ana}"
    );
    assert!(!ana.contains("Lisbon"), "no note text: {ana}");
    assert!(!ana.contains("chess"), "no interest spliced: {ana}");
    assert!(
        ana.contains("Up for another coffee on Wednesday the 25th?"),
        "{ana}"
    );

    let ben = draft("Ben Over");
    assert!(ben.contains("since our lunch in September"), "{ben}");
    assert!(!ben.contains("Globex launch"), "{ben}");
    assert!(ben.contains("lunch again"), "{ben}");

    let cy = draft("Cy Soon");
    assert!(cy.contains("our call in October"), "{cy}");
    assert!(!cy.contains("conference"), "{cy}");
    assert!(cy.contains("another call"), "{cy}");

    // Nothing known but the name and a date: still a whole, natural message.
    let di = draft("Di Bare");
    assert!(di.starts_with("Hi Di,\n\n"), "{di}");
    assert!(di.contains("since we last caught up in October"), "{di}");

    for (name, d) in &drafts {
        for bad in [
            "  ", " ,", " .", "{{", "}}", "none", "None", "null", "[[", "\n\n\n",
        ] {
            assert!(!d.contains(bad), "{name}'s draft has {bad:?}:\n{d}");
        }
        assert!(
            d.ends_with(['?', '.', '!', ',']),
            "{name}'s draft ends mid-sentence:\n{d}"
        );
        assert!(
            d.split_whitespace().count() < 90,
            "{name}'s draft is not short:\n{d}"
        );
    }
    // Drafts differ by status: no two suggestions read the same.
    let mut bodies: Vec<&str> = drafts
        .iter()
        .map(|(_, d)| d.split_once('\n').map_or(d.as_str(), |(_, b)| b))
        .collect();
    bodies.sort_unstable();
    bodies.dedup();
    assert_eq!(bodies.len(), drafts.len());
}

#[test]
fn drafts_quote_the_topic_not_the_place() {
    let notes = notes(&[
        (
            "People/Sharon Lee.md",
            "---\ncadence: 30\n---\n- 2026-10-02 coffee at Coffee Café, talked about her new role\n",
        ),
        (
            "People/Tom Long.md",
            "---\ncadence: 30\n---\n- 2026-09-02 Lunch at the Thai place. He told me about his plans to move to Berlin next spring and that he is thinking of leaving to start something of his own.\n",
        ),
        (
            "People/Ann Where.md",
            "---\ncadence: 30\n---\n- 2026-09-12 lunch: at the Thai place by the office\n",
        ),
    ]);
    let index = index_suggesting_all(&notes);
    let drafts = drafts(&index);
    let draft = |who: &str| -> String {
        drafts
            .iter()
            .find(|(name, _)| name == who)
            .map(|(_, d)| d.clone())
            .unwrap_or_else(|| panic!("no draft for {who} in {drafts:?}"))
    };
    // What you talked about stays on the card: the draft names the kind and the month.
    let sharon = draft("Sharon Lee");
    assert!(
        sharon.contains("since we last caught up in October"),
        "{sharon}"
    );
    assert!(!sharon.contains("new role"), "{sharon}");
    assert!(!sharon.contains("Coffee Café"), "{sharon}");
    let tom = draft("Tom Long");
    assert!(!tom.contains("Berlin"), "{tom}");
    assert!(!tom.contains("Thai"), "{tom}");
    let ann = draft("Ann Where");
    assert!(!ann.contains("Thai"), "{ann}");
    assert!(ann.contains("since our lunch in September"), "{ann}");
    assert!(ann.contains("lunch again"), "{ann}");
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
            assert!(message.contains(":3:"), "line missing from: {message}");
        }
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("a broken override must be an error"),
    }
}

#[test]
fn an_override_that_fails_while_rendering_names_its_file() {
    let broken = TemplateOverride {
        name: "digest.html".into(),
        origin: ".vault/templates/digest.html".into(),
        text: "<p>\n{{ nothing.here }}</p>\n".into(),
    };
    let templates = Templates::with_overrides(&[broken]).unwrap_or_else(|e| panic!("{e}"));
    let notes = vault();
    let index = index(&notes);
    match digest_html(&templates, &input(&index)) {
        Err(RenderError::Template { origin, message }) => {
            assert_eq!(origin, ".vault/templates/digest.html");
            assert!(message.contains(":2:"), "line missing from: {message}");
        }
        other => panic!("expected a template error, got {other:?}"),
    }
    // The built-in Markdown is untouched.
    assert!(digest_markdown(&templates, &input(&index)).is_ok());
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

/// Note text that would be Markdown if copied into the digest as it is (with [`XSS`],
/// which would be HTML): what Obsidian (and any CommonMark reader) would turn into
/// links, images, embeds, emphasis, highlights, maths, comments, tags, footnotes, code.
const MARKDOWN: &[&str] = &[
    "<iframe src=https://evil.example/></iframe>",
    "[click](javascript:alert(1))",
    "![](https://evil.example/pixel.png)",
    "<https://evil.example/auto>",
    "![[Secret note]]",
    "**bold** _it_ ~~gone~~ ==hi== `code` $x^2$ %%hidden%% ^sup^ ~sub~",
    "#tag [^1] [ref]: https://evil.example/ref",
    "a | b | c",
    "&lt;b&gt; &amp; \\",
];

/// Every hostile text, HTML and Markdown.
fn hostile_texts() -> Vec<&'static str> {
    XSS.iter().chain(MARKDOWN).copied().collect()
}

/// A property value that would break out of its line: headings, tasks, quotes, lists,
/// rules, code fences and HTML blocks of its own.
const LINES: &str = "one\\n# Injected heading\\n- [ ] injected task\\n> quote\\n1. list\\n---\\n```\\nfence\\n```\\n<div>html</div>\\n    indented";

/// The same vault with hostile text (`payload`, `lines`) or plain words in every place
/// the digest shows note text: names, properties, log lines, tasks, planned meetings,
/// daily-note lines, meeting-note titles, file names.
fn hostile_vault(hostile: bool) -> Vec<Note> {
    let text = |plain: &str| {
        if hostile {
            hostile_texts().join(" ")
        } else {
            plain.to_owned()
        }
    };
    let lines = if hostile { LINES } else { "one two" };
    let (mallory, odd, meeting) = if hostile {
        (
            "People/Mal_lory [x] *y*.md",
            "\"Odd ]] [[x|y]] | <b> \\n# H\"",
            "Meetings/<b>Sync</b> *x* [y](z) #t.md",
        )
    } else {
        ("People/Mallory.md", "\"Odd one\"", "Meetings/Sync.md")
    };
    // Contact details that still make links when hostile (a value that makes none is
    // tested on its own), so that hostile and plain digests have the same shape.
    let contact = if hostile {
        "email: \"m_a*l~~o~~r$y$|x{y}!@example.com\"\nphone: \"+1 555 0100 <b>x</b> [y](z)\"\nlinkedin: \"https://www.linkedin.com/in/<b>x</b>\\\"(y)[z]*w*\"\nurl: \"https://mallory.example/*x*_y_~~z~~$w$[a](b)<c>|d%%e\"\n"
    } else {
        "email: mallory@example.com\nphone: \"+1 555 0100\"\nlinkedin: in/mallory\nurl: https://mallory.example\n"
    };
    let person = format!(
        "---\nrelationship: \"{lines}\"\nrole: \"{lines}\"\ncompany: \"{lines}\"\ninterests: [\"{lines}\", \"{lines}\"]\nboundaries: [\"{lines}\"]\nplace: \"{lines}\"\nlocation: \"{lines}\"\n{contact}cadence: 7\nbirthday: 12-01\n---\n- 2026-10-01 coffee: {}\n- [ ] {} 📅 2026-11-01\n- 2026-11-25 lunch: {}\n- 2026-09-01 call: {} #gave\n",
        text("the garden"),
        text("send the deck"),
        text("the plan"),
        text("the book"),
    );
    notes(&[
        (mallory, person.as_str()),
        (
            "People/Odd.md",
            &format!("---\nname: {odd}\ncadence: 7\n---\n- 2026-10-01 coffee: hello\n"),
        ),
        (
            "Journal/2026-11-23.md",
            &format!(
                "Met [[{}]]: {}\n",
                mallory
                    .trim_start_matches("People/")
                    .trim_end_matches(".md"),
                text("a walk")
            ),
        ),
        (
            meeting,
            "---\ndate: 2026-11-23\npeople: [\"[[Odd]]\"]\n---\n",
        ),
    ])
}

/// The links a card makes, each built from a note's values and encoded.
const CONTACT_SCHEMES: &[&str] = &["mailto:", "tel:", "sms:", "https://", "obsidian://open?"];

/// What a Markdown reader builds from `md`: every event but text, in order (the
/// structure), and the text a reader sees.
fn read_markdown(md: &str) -> (Vec<String>, String) {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
        | Options::ENABLE_SUPERSCRIPT
        | Options::ENABLE_SUBSCRIPT
        | Options::ENABLE_WIKILINKS;
    let mut structure = Vec::new();
    let mut text = String::new();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Code(t) => {
                structure.push("code".to_owned());
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                structure.push(format!("{event:?}"));
                text.push('\n');
            }
            Event::End(end) => {
                if matches!(
                    end,
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell
                ) {
                    text.push('\n');
                }
                structure.push(format!("end {end:?}"));
            }
            Event::Start(pulldown_cmark::Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                // Where a link points is structure too: a note's name, or one of the
                // card's contact links (by its scheme alone: the address is data), never
                // a URL a note wrote.
                let contact = CONTACT_SCHEMES
                    .iter()
                    .find(|scheme| dest_url.starts_with(**scheme))
                    .filter(|_| {
                        !dest_url.contains(['<', '>', '\n', '[', ']', '|', ' ', '"', '(', ')'])
                    });
                let to = match contact {
                    Some(scheme) => format!(" contact {scheme}"),
                    None if dest_url.contains(['<', '>', '\n', '[', ']', '|', ':']) => {
                        format!(" to {dest_url:?}")
                    }
                    None => String::new(),
                };
                structure.push(format!("link {link_type:?}{to}"));
            }
            other => structure.push(format!("{other:?}")),
        }
    }
    (structure, text)
}

fn hostile_markdown(hostile: bool) -> String {
    let notes = hostile_vault(hostile);
    let index = index_suggesting_all(&notes);
    let name = if hostile {
        "vault *x* <b>y</b> [z](javascript:alert(1))"
    } else {
        "vault x y z"
    };
    let input = DigestInput {
        vault_name: name,
        ..input(&index)
    };
    digest_markdown(&Templates::builtin(), &input).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn markdown_note_text_reads_as_text() {
    let md = hostile_markdown(true);
    let (structure, text) = read_markdown(&md);
    let (plain_structure, _) = read_markdown(&hostile_markdown(false));
    // Hostile text adds no heading, list, task, quote, table, rule, code, HTML, link,
    // image, embed, emphasis or maths: the digest has the shape it has with plain words.
    if structure != plain_structure {
        let count =
            |events: &[String], what: &str| events.iter().filter(|e| e.starts_with(what)).count();
        for what in [
            "Start(Heading",
            "TaskListMarker",
            "Html",
            "InlineHtml",
            "Start(Image",
            "link",
            "Start(Item",
            "Start(BlockQuote",
            "Start(CodeBlock",
            "Rule",
            "InlineMath",
            "Start(Emphasis",
            "Start(Strong",
        ] {
            eprintln!(
                "{what}: {} hostile, {} plain",
                count(&structure, what),
                count(&plain_structure, what)
            );
        }
        let diff: Vec<String> = structure
            .iter()
            .zip(&plain_structure)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(5)
            .map(|(i, (a, b))| format!("#{i}: {a} instead of {b}"))
            .collect();
        panic!(
            "{} events instead of {}; first differences: {diff:#?}\n{md}",
            structure.len(),
            plain_structure.len()
        );
    }
    for event in &structure {
        for live in [
            "Html",
            "InlineHtml",
            "Image",
            "TaskListMarker",
            "Math",
            " to ",
        ] {
            assert!(!event.contains(live), "{event} in:\n{md}");
        }
    }
    // And it reads as what the note says, on one line.
    for payload in hostile_texts() {
        assert!(
            text.contains(payload),
            "{payload:?} not shown as text in:\n{text}\n{md}"
        );
    }
    let one_line = LINES.replace("\\n", " ");
    let one_line = one_line.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(&one_line),
        "{one_line:?} not shown in:\n{text}"
    );
    for line in md.lines() {
        assert!(
            !line.starts_with("# ") || line.starts_with("# Keeping in touch"),
            "injected heading: {line}"
        );
    }
}

/// The suggestion of `name` in the JSON digest.
fn suggestion(value: &serde_json::Value, name: &str) -> serde_json::Value {
    value["suggestions"]
        .as_array()
        .and_then(|all| all.iter().find(|s| s["name"] == name))
        .cloned()
        .unwrap_or_else(|| panic!("{name} is not suggested: {value}"))
}

#[test]
fn the_card_brings_every_reason_and_fact_together() {
    let sharon_vault = vault();
    let index = index(&sharon_vault);
    let md = markdown(&index);
    // Sharon: overdue, her birthday in 9 days and a follow-up past due, in one card.
    assert_in_order(
        &md,
        &[
            "### 2. [[Sharon Lee]] ★".to_owned(),
            "- **Why now:**\n".to_owned(),
            "  - overdue by 24 days (last contact 54 days ago, cadence 30 days)\n".to_owned(),
            "  - 🎂 birthday in 9 days (turns 42)\n".to_owned(),
            "  - you owe Sharon: send the incident-review template \\| the short one (due 2026-11-20, 3 days overdue)\n".to_owned(),
            "- **Last contact:** 2026-09-30 (54 days ago), coffee: her new role at Initech and hiring\n".to_owned(),
            "- **Cares about:** sourdough, trail running\n".to_owned(),
            "- **Keep off:** the layoffs at Acme\n".to_owned(),
            "- **Now:** VP Engineering at Initech\n".to_owned(),
            "- **Where:** usually Café Kranzler · Berlin\n".to_owned(),
            "- **Reach out:** [email](mailto:sharon@example.com?subject=".to_owned(),
            ") · [call](tel:+15550100199) · [text](sms:+15550100199?&body=Hi%20Sharon%2C%0A".to_owned(),
            ") · [LinkedIn](https://www.linkedin.com/in/example-sharon) · [website](https://sharon.example/blog) · [open note](obsidian://open?vault=example&file=People%2FSharon%20Lee)\n".to_owned(),
            "> Hi Sharon,".to_owned(),
        ],
    );
    // The last topic is the last contact: said once, not twice.
    let card = &md[md.find("[[Sharon Lee]] ★").unwrap_or(0)..md.find("> Hi Sharon").unwrap_or(0)];
    assert!(!card.contains("Last talked about"), "{card}");
    // Keep off is for the user only: never in the message (nor in the links carrying it).
    let value = json(&index);
    let sharon = suggestion(&value, "Sharon Lee");
    let draft = sharon["draft"].as_str().unwrap_or_default();
    assert!(!draft.is_empty() && !draft.contains("layoffs"), "{draft}");
    assert!(!sharon["links"].to_string().contains("layoffs"), "{sharon}");

    // A contact newer than the last topic: both, the topic dated.
    let later = notes(&[
        (
            "People/Ann.md",
            "---\ncadence: 30\n---\n- 2026-09-01 coffee: the garden\n",
        ),
        (
            "Journal/2026-09-20.md",
            "Bumped into [[Ann]] at the station.\n",
        ),
    ]);
    let index = index_suggesting_all(&later);
    let md = markdown(&index);
    assert!(
        md.contains("- **Last contact:** 2026-09-20 (64 days ago), in a daily note: Bumped into Ann at the station.\n- **Last talked about** (2026-09-01): the garden\n"),
        "{md}"
    );
    let html = html(&index);
    assert!(
        html.contains("<dt>Last contact</dt><dd><time datetime=\"2026-09-20\">2026-09-20</time>"),
        "{html}"
    );
    assert!(html.contains("Bumped into Ann at the station."), "{html}");
    assert!(
        html.contains("<dt>Last talked about</dt><dd>the garden <span class=\"sub\">· <time datetime=\"2026-09-01\">"),
        "{html}"
    );
}

#[test]
fn the_json_card_is_data() {
    let notes = vault();
    let index = index(&notes);
    let value = json(&index);
    let sharon = suggestion(&value, "Sharon Lee");
    let kinds: Vec<&str> = sharon["reasons"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["overdue", "birthday", "follow-up"]);
    let reasons = &sharon["reasons"];
    assert_eq!(reasons[0]["days_overdue"], 24);
    assert_eq!(reasons[0]["days_since_contact"], 54);
    assert_eq!(reasons[0]["cadence_days"], 30);
    assert_eq!(reasons[1]["in_days"], 9);
    assert_eq!(reasons[1]["turns"], 42);
    assert_eq!(reasons[2]["days_until_due"], -3);
    assert_eq!(reasons[1]["text"], "🎂 birthday in 9 days (turns 42)");
    let last = &sharon["last_interaction"];
    assert_eq!(last["date"], "2026-09-30");
    assert_eq!(last["kind"], "coffee");
    assert_eq!(last["summary"], "her new role at Initech and hiring");
    assert_eq!(last["source"], "log");
    assert_eq!(sharon["last_topic"], "her new role at Initech and hiring");
    assert_eq!(sharon["interests"][1], "trail running");
    assert_eq!(sharon["boundaries"][0], "the layoffs at Acme");
    let contact = &sharon["contact"];
    assert_eq!(contact["emails"][1], "s.lee@initech.example");
    assert_eq!(contact["phone"], "+1 (555) 010-0199");
    assert_eq!(contact["linkedin"], "in/example-sharon");
    assert_eq!(contact["url"], "sharon.example/blog");
    assert_eq!(contact["location"], "Berlin");
    assert_eq!(contact["place"], "Café Kranzler");
    let links = &sharon["links"];
    let mailto = links["mailto"].as_str().unwrap_or_default();
    assert!(
        mailto.starts_with("mailto:sharon@example.com?subject=")
            && mailto.contains("&body=Hi%20Sharon%2C%0D%0A"),
        "{mailto}"
    );
    assert_eq!(links["tel"], "tel:+15550100199");
    assert_eq!(
        links["linkedin"],
        "https://www.linkedin.com/in/example-sharon"
    );
    assert_eq!(links["url"], "https://sharon.example/blog");
    assert_eq!(
        links["obsidian"],
        "obsidian://open?vault=example&file=People%2FSharon%20Lee"
    );
    assert!(sharon["draft_subject"].is_string());
    assert_eq!(sharon["follow_ups"][0]["due"], "2026-11-20");
    assert_eq!(sharon["birthday"]["date"], "2026-12-02");
    // The fields that were there before the card stay, with their types.
    assert_eq!(sharon["last_contact"], "2026-09-30");
    assert!(sharon["draft"].is_string() && sharon["reason"].is_string());
}

#[test]
fn html_card_links_are_buttons() {
    let notes = vault();
    let index = index(&notes);
    let html = html(&index);
    for needle in [
        "<a class=\"button primary\" href=\"mailto:sharon@example.com?subject=",
        "<a class=\"button\" href=\"tel:+15550100199\">Call</a>",
        "<a class=\"button\" href=\"sms:+15550100199?&amp;body=Hi%20Sharon%2C%0A",
        "<a class=\"button\" href=\"https://www.linkedin.com/in/example-sharon\" rel=\"noopener noreferrer\">LinkedIn</a>",
        "<a class=\"button\" href=\"https://sharon.example/blog\" rel=\"noopener noreferrer\">Website</a>",
        "<a class=\"button\" href=\"obsidian://open?vault=example&amp;file=People%2FSharon%20Lee\">Open note</a>",
        "<li class=\"chip keep-off\">the layoffs at Acme</li>",
        "<li class=\"r-birthday\">🎂 birthday in 9 days (turns 42)</li>",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
}

#[test]
fn a_web_site_that_is_not_one_is_no_link() {
    let notes = notes(&[(
        "People/Mallory.md",
        "---\ncadence: 7\nemail: \"mallory@example.com?bcc=evil@example.net\"\nphone: call me\nurl: \"javascript:alert(document.cookie)\"\nlinkedin: \"javascript:alert(1)\"\n---\n- 2026-10-01 coffee: hello\n",
    )]);
    let index = index(&notes);
    let md = markdown(&index);
    assert!(
        md.contains(
            "- **Reach out:** [open note](obsidian://open?vault=example&file=People%2FMallory)\n"
        ),
        "{md}"
    );
    let html = html(&index);
    let lower = html.to_lowercase();
    assert!(!lower.contains("href=\"javascript"), "{html}");
    assert!(!lower.contains("href=\"mailto"), "{html}");
    assert!(!lower.contains("href=\"tel"), "{html}");
    let value = json(&index);
    let links = &suggestion(&value, "Mallory")["links"];
    for kind in ["mailto", "tel", "sms", "linkedin", "url"] {
        assert!(links[kind].is_null(), "{kind}: {links}");
    }
}

/// The cells of each `<table>` of `html`: its column headers, then each row's header
/// and its `<td>` tags.
fn tables(html: &str) -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    let between = |text: &str, open: &str, close: &str| -> Vec<String> {
        let mut found = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start..];
            let end = after.find(close).map_or(after.len(), |e| e + close.len());
            found.push(after[..end].to_owned());
            rest = &after[end..];
        }
        found
    };
    let strip_tags = |cell: &str| -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in cell.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    };
    between(html, "<table", "</table>")
        .iter()
        .map(|table| {
            let head = between(table, "<thead", "</thead>").concat();
            let columns = between(&head, "<th", "</th>")
                .iter()
                .map(|th| strip_tags(th))
                .collect();
            let body = between(table, "<tbody", "</tbody>").concat();
            let rows = between(&body, "<tr", "</tr>")
                .iter()
                .map(|tr| between(tr, "<td", ">").into_iter().collect::<Vec<String>>())
                .collect();
            (columns, rows)
        })
        .collect()
}

#[test]
fn html_tables_become_stacked_rows_on_a_phone() {
    let notes = vault();
    let index = index_suggesting_all(&notes);
    let html = html(&index);
    // The narrow-screen rule: rows as blocks, each cell labelled by its column.
    let narrow = html
        .find("@media (max-width: 600px)")
        .map(|at| &html[at..])
        .unwrap_or_else(|| panic!("no narrow-screen rule"));
    let narrow = &narrow[..narrow.find("\n}\n").unwrap_or(narrow.len())];
    for rule in [
        "display: block;",
        "td::before { content: attr(data-label);",
        "min-width: 0;",
    ] {
        assert!(narrow.contains(rule), "{rule} missing from:\n{narrow}");
    }
    // Every cell of every table carries its column's name.
    let tables = tables(&html);
    assert!(
        tables.len() >= 3,
        "the status tables and reciprocity: {}",
        tables.len()
    );
    let mut cells = 0;
    for (columns, rows) in &tables {
        assert!(!rows.is_empty(), "{columns:?}");
        for row in rows {
            // The first column is the row's header (`<th scope="row">`), the rest `<td>`s.
            assert_eq!(row.len() + 1, columns.len(), "{columns:?}: {row:?}");
            for (td, column) in row.iter().zip(&columns[1..]) {
                cells += 1;
                assert!(
                    td.contains(&format!("data-label=\"{column}\"")),
                    "{td} is not labelled {column:?}"
                );
            }
        }
    }
    assert_eq!(cells, html.matches("<td").count(), "every <td> was checked");
    // Cards and buttons wrap; light, dark and print are still there.
    for needle in [
        ".actions { display: flex; flex-wrap: wrap;",
        "prefers-color-scheme: dark",
        "@media print",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
}

#[test]
fn each_kind_of_reason_is_worded() {
    let notes = notes(&[
        (
            "People/Ann.md",
            "---\ncadence: 7\n---\n- 2026-11-10 milestone: promoted to [[Director]]\n- 2026-11-15 call: the new team\n",
        ),
        (
            "People/Bo.md",
            "---\ncadence: 30\nbirthday: 11-23\n---\n- 2026-10-27 coffee: the move\n- [ ] send Bo the flat listing 📅 2026-11-24\n",
        ),
    ]);
    let index = index_suggesting_all(&notes);
    let value = json(&index);
    let texts = |name: &str| -> Vec<String> {
        suggestion(&value, name)["reasons"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["text"].as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(
        texts("Ann"),
        [
            "overdue by 1 day (last contact 8 days ago, cadence 7 days)",
            "milestone: promoted to Director (13 days ago)",
        ]
    );
    assert_eq!(
        texts("Bo"),
        [
            "due in 3 days (last contact 27 days ago, cadence 30 days)",
            "🎂 birthday today",
            "you owe Bo: send Bo the flat listing (due tomorrow)",
        ]
    );
    let ann = suggestion(&value, "Ann");
    assert_eq!(ann["milestone"]["date"], "2026-11-10");
    assert_eq!(ann["reasons"][1]["kind"], "milestone");
    assert_eq!(ann["reasons"][1]["days_ago"], 13);
    let md = markdown(&index);
    assert!(
        md.contains("  - milestone: promoted to Director (13 days ago)\n"),
        "{md}"
    );
}
