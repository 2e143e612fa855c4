//! Drafts read as if the user wrote them, for any note (DESIGN.md "The draft"): a table
//! of adversarial people, arbitrary text in every field, and every draft of the example
//! vault, each held to the properties every draft must have ([`problems`]).

use std::path::Path;

use chrono::{Days, NaiveDate, Weekday};
use proptest::prelude::*;
use vault_index::{ComingBirthday, Config, Status};
use vault_notes::{ReadOptions, read_vault};
use vault_render::{Draft, DraftInput, DraftSettings, Templates, draft};

/// The longest line of a draft's own paragraphs, in characters. Drafts are not
/// hard-wrapped (mail clients and `mailto:` bodies wrap paragraphs themselves, and
/// a wrapped line reads broken on a phone); a paragraph is at most a few sentences.
const LONGEST_LINE: usize = 320;

/// The closing lines a built-in template writes.
const CLOSINGS: &[&str] = &["Best regards,", "Best,", "Cheers,"];

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

/// A person as a draft sees them, owned, so that a case can change any field.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    first_name: String,
    relationship: Option<String>,
    status: Status,
    last_contact: Option<NaiveDate>,
    last_kind: Option<String>,
    last_topic: Option<String>,
    interests: Vec<String>,
    company: Vec<String>,
    role: Option<String>,
    owed: Option<String>,
    /// Days from today to their birthday.
    birthday: Option<i64>,
    milestone: Option<String>,
    place: Option<String>,
    boundaries: Vec<String>,
    today: NaiveDate,
}

impl Person {
    fn input(&self) -> DraftInput<'_> {
        DraftInput {
            name: &self.name,
            first_name: &self.first_name,
            relationship: self.relationship.as_deref(),
            status: self.status,
            last_contact: self.last_contact,
            last_kind: self.last_kind.as_deref(),
            last_topic: self.last_topic.as_deref(),
            interests: &self.interests,
            company: &self.company,
            role: self.role.as_deref(),
            owed: self.owed.as_deref(),
            birthday: self.birthday.and_then(|in_days| {
                let date = if in_days >= 0 {
                    self.today
                        .checked_add_days(Days::new(in_days.unsigned_abs()))
                } else {
                    self.today
                        .checked_sub_days(Days::new(in_days.unsigned_abs()))
                }?;
                Some(ComingBirthday {
                    date,
                    in_days,
                    turns: None,
                })
            }),
            milestone: self.milestone.as_deref(),
            place: self.place.as_deref(),
            boundaries: &self.boundaries,
            today: self.today,
        }
    }
}

/// Sharon, overdue since a coffee in September: the person every case starts from.
fn sharon() -> Person {
    Person {
        name: "Sharon Lee".into(),
        first_name: "Sharon".into(),
        relationship: Some("former-colleague".into()),
        status: Status::Overdue,
        last_contact: Some(day("2026-09-30")),
        last_kind: Some("coffee".into()),
        last_topic: Some("her new role at Initech and how hard senior hiring is".into()),
        interests: vec!["sourdough".into(), "trail running".into()],
        company: vec!["Initech".into()],
        role: Some("VP Engineering".into()),
        owed: None,
        birthday: None,
        milestone: None,
        place: None,
        boundaries: Vec::new(),
        today: day("2026-11-23"),
    }
}

fn alex() -> DraftSettings {
    DraftSettings {
        sign_off: Some("Alex".into()),
        ..DraftSettings::default()
    }
}

/// Whether `text` mentions `boundary` as a draft must not: case-insensitively, from the
/// start of a word.
fn mentions(text: &str, boundary: &str) -> bool {
    let boundary = boundary.trim().to_lowercase();
    let text = text.to_lowercase();
    !boundary.is_empty()
        && text.match_indices(&boundary).any(|(at, _)| {
            !boundary.starts_with(char::is_alphanumeric)
                || text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
}

/// A note's words about someone as a careless draft would address them to that person,
/// with `her` read as possessive ("your role") and as object ("told you").
fn rewritten(text: &str) -> [String; 2] {
    let rewrite = |her: &'static str| {
        text.split(' ')
            .map(|w| match w {
                "her" => her,
                "his" | "their" => "your",
                "him" | "them" | "she" | "he" | "they" => "you",
                "Her" | "His" | "Their" => "Your",
                "She" | "He" | "They" => "You",
                w => w,
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    [rewrite("your"), rewrite("you")]
}

/// Everything wrong with `draft` of `person`: empty when it has every property a draft
/// must have.
fn problems(draft: &Draft, person: &Person, settings: &DraftSettings) -> Vec<String> {
    let mut problems = Vec::new();
    let mut problem = |what: String| problems.push(what);
    let body = &draft.body;
    let lines: Vec<&str> = body.lines().collect();

    // The greeting, alone on the first line.
    let greeting = lines.first().copied().unwrap_or_default();
    let greets = ["Hi ", "Hey ", "Hello,", "Hi there,", "Hey there,"]
        .iter()
        .any(|g| greeting.starts_with(g));
    if !greets || !greeting.ends_with(',') || greeting.chars().count() > 50 {
        problem(format!("does not start with a greeting line: {greeting:?}"));
    }
    if lines.get(1) != Some(&"") {
        problem("no blank line after the greeting".into());
    }
    // The closing, then the sign-off when there is one.
    let sign_off = settings
        .sign_off
        .as_deref()
        // On one line: each line break is a space, a CRLF one space.
        .map(|s| {
            s.replace("\r\n", " ")
                .split(|c: char| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
                .collect::<Vec<_>>()
                .join(" ")
        })
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let mut end = lines.len();
    if let Some(sign_off) = &sign_off {
        if lines.last() != Some(&sign_off.as_str()) {
            problem(format!("does not end with the sign-off {sign_off:?}"));
        } else {
            end -= 1;
        }
    }
    let closing = end.checked_sub(1).and_then(|i| lines.get(i));
    if closing.is_none_or(|c| !CLOSINGS.contains(c)) {
        problem(format!("no closing line before the sign-off: {closing:?}"));
    } else {
        end -= 1;
    }
    if end > 0 && lines.get(end - 1) != Some(&"") {
        problem("no blank line before the closing".into());
    }
    let content: Vec<&str> = lines.get(2..end).unwrap_or_default().to_vec();
    let text = content.join("\n");
    if content.iter().all(|l| l.trim().is_empty()) {
        problem("says nothing between the greeting and the closing".into());
    }

    for line in &content {
        if line.chars().count() > LONGEST_LINE {
            problem(format!("a line of {} characters", line.chars().count()));
        }
    }
    for paragraph in text.split("\n\n") {
        if !paragraph.trim_end().ends_with(['.', '?', '!']) {
            problem(format!("a paragraph ends mid-sentence: {paragraph:?}"));
        }
        if paragraph.trim().is_empty() {
            problem("an empty paragraph".into());
        }
    }
    if body.contains("\n\n\n") {
        problem("two blank lines in a row".into());
    }
    let lower = text.to_lowercase();
    if lower.contains("about i ") || lower.contains("about me ") {
        problem("a note's first person spliced after 'about'".into());
    }
    for bad in [
        " ,", " .", " ?", " !", " ;", " :", ",,", "..", ",.", ".,", "()", "( ", " )", "  ", "\t",
        "{{", "}}", "{%", "%}", "[[", "]]", "too, too",
    ] {
        if text.contains(bad) {
            problem(format!("{bad:?} in the text"));
        }
    }
    // What a template prints for a missing value, unless the place is called that.
    for missing in ["None", "null", "undefined"] {
        let named = person.place.as_deref().is_some_and(|p| p.contains(missing));
        if !named && text.contains(missing) {
            problem(format!("{missing:?} in the text"));
        }
    }
    if text.chars().any(|c| c.is_control() && c != '\n') || body.contains('\r') {
        problem("a control character".into());
    }

    // No doubled words ("the the"); a sentence may end with the word the next begins with.
    let words: Vec<&str> = text.split_whitespace().collect();
    for pair in words.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let bare = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        if a.ends_with(char::is_alphanumeric) && !bare(a).is_empty() && bare(a) == bare(b) {
            problem(format!("doubled word {a:?} {b:?}"));
        }
    }

    // Quotes and brackets come in pairs; an apostrophe sits inside a word.
    for (open, close) in [('(', ')'), ('[', ']'), ('{', '}'), ('“', '”'), ('«', '»')] {
        if text.matches(open).count() != text.matches(close).count() {
            problem(format!("unmatched {open}{close}"));
        }
    }
    if !text.matches('"').count().is_multiple_of(2) {
        problem("an unmatched \"".into());
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '\'' || *c == '’' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            if !before.is_some_and(|c| c.is_alphanumeric())
                || !after.is_some_and(|c| c.is_alphanumeric())
            {
                problem("a quote mark that is not an apostrophe".into());
            }
        }
    }

    // What is not to be said is not said.
    for boundary in &person.boundaries {
        if mentions(&text, boundary) || mentions(&draft.subject, boundary) {
            problem(format!("mentions the boundary {boundary:?}"));
        }
    }
    // No note text of more than a word is spliced in, rewritten or not.
    let written = [
        &person.last_topic,
        &person.owed,
        &person.milestone,
        &person.role,
    ]
    .into_iter()
    .flatten()
    .chain(&person.interests)
    .chain(&person.company);
    for note_text in written {
        let note_text = note_text.trim();
        if note_text.split_whitespace().count() < 2 {
            continue;
        }
        if text.contains(note_text) {
            problem(format!("note text spliced in: {note_text:?}"));
        }
        for addressed in rewritten(note_text) {
            if addressed != note_text && text.contains(&addressed) {
                problem(format!("pronouns rewritten: {addressed:?}"));
            }
        }
    }

    let subject = &draft.subject;
    if subject.is_empty() || subject.chars().count() > 40 || subject.contains('\n') {
        problem(format!("not a short subject line: {subject:?}"));
    }
    problems
}

fn assert_reads(what: &str, draft: &Draft, person: &Person, settings: &DraftSettings) {
    let problems = problems(draft, person, settings);
    assert!(
        problems.is_empty(),
        "{what}: {problems:#?}\nsubject: {}\n{}",
        draft.subject,
        draft.body
    );
}

/// One adversarial person: what changes from [`sharon`], and what their draft must and
/// must not say beyond the properties every draft has.
struct Case {
    what: &'static str,
    person: Person,
    settings: DraftSettings,
    says: Vec<&'static str>,
    never: Vec<&'static str>,
}

fn case(what: &'static str, change: impl FnOnce(&mut Person)) -> Case {
    let mut person = sharon();
    change(&mut person);
    Case {
        what,
        person,
        settings: alex(),
        says: Vec::new(),
        never: Vec::new(),
    }
}

impl Case {
    fn says(mut self, texts: &[&'static str]) -> Case {
        self.says.extend(texts);
        self
    }

    fn never(mut self, texts: &[&'static str]) -> Case {
        self.never.extend(texts);
        self
    }

    fn settings(mut self, change: impl FnOnce(&mut DraftSettings)) -> Case {
        change(&mut self.settings);
        self
    }
}

fn topic(text: &str) -> impl FnOnce(&mut Person) {
    let text = text.to_owned();
    move |p: &mut Person| p.last_topic = Some(text)
}

fn cases() -> Vec<Case> {
    let long = "and then we talked about everything ".repeat(56);
    vec![
        case("the plain case", |_| {}).says(&[
            "Hi Sharon,\n\n",
            "since our coffee in September",
            "another coffee on Wednesday the 25th?",
            "\n\nBest,\nAlex",
        ]),
        // Summaries of every shape: none of them is spliced into a sentence.
        case(
            "a summary that is two sentences",
            topic("She said the reorg went badly. We should talk again."),
        ),
        case(
            "a summary that is a question",
            topic("Is she still thinking about leaving?"),
        ),
        case("a fragment", topic("roadmap for next year")).never(&["roadmap"]),
        case(
            "a quotation",
            topic("\"the best team I ever had\", she said"),
        ),
        case("an unmatched quote", topic("she called it \"a mess")),
        case("an unmatched bracket", topic("the offsite (part two")),
        case(
            "the first person",
            topic("I introduced her to Dana for the SRE role"),
        )
        .never(&["I introduced", "introduced you"]),
        case(
            "a congratulation as a summary",
            topic("congratulations on the baby"),
        )
        .never(&["congratulations on the baby"]),
        case(
            "the event itself",
            topic("his farewell drinks, plans to take a sabbatical"),
        )
        .never(&["farewell"]),
        case("an empty summary", topic("")),
        case("a summary of 2,000 characters", topic(&long)),
        case(
            "German",
            topic("Wir haben über ihre neue Stelle bei Initech gesprochen"),
        ),
        case("Japanese", |p| {
            p.last_topic = Some("新しい役職について話した".into());
            p.first_name = "さくら".into();
            p.name = "さくら".into();
        })
        .says(&["Hi さくら,"]),
        case("Arabic, right to left", |p| {
            p.last_topic = Some("تحدثنا عن دورها الجديد".into());
            p.first_name = "سارة".into();
        })
        .says(&["Hi سارة,"]),
        case(
            "Markdown, links and HTML in a summary",
            topic("**big news** about [[Initech]], [the deck](https://x.example) <b>bold</b> #tag"),
        )
        .never(&["**", "https", "<b>"]),
        case("a script in every field", |p| {
            let script = "<script>alert(1)</script>".to_owned();
            p.last_topic = Some(script.clone());
            p.owed = Some(script.clone());
            p.milestone = Some(script.clone());
            p.interests = vec![script.clone()];
            p.role = Some(script);
        })
        .never(&["<script>"]),
        // Interests of every kind: none reads in every sentence, so none is in one.
        case("interests that are verbs", |p| {
            p.interests = vec!["climbing".into(), "running".into()];
        })
        .never(&["climbing", "into running"]),
        case("lower-case product names", |p| {
            p.interests = vec!["rust".into(), "kubernetes".into()];
        })
        .never(&["rust", "kubernetes"]),
        case("an emoji", |p| p.interests = vec!["🧶".into()]).never(&["🧶"]),
        case("empty interests", |p| {
            p.interests = vec![String::new(), "  ".into()];
        }),
        // Every tone.
        case("a mentor", |p| {
            p.first_name = "Priya".into();
            p.relationship = Some("mentor".into());
            p.status = Status::Hibernating;
            p.last_contact = Some(day("2026-08-20"));
            p.last_kind = Some("mentoring".into());
        })
        .says(&[
            "Hi Priya,",
            "It has been far too long since our mentoring session in August",
            "Would you have time for another mentoring session on Wednesday the 25th?",
            "Best regards,\nAlex",
        ]),
        case("an executive known by a property date", |p| {
            p.relationship = Some("executive".into());
            p.last_kind = None;
            p.last_contact = Some(day("2026-08-30"));
        })
        .says(&[
            "since we last caught up in August",
            "a short call",
            "Best regards,",
        ]),
        case("a connection never contacted", |p| {
            p.first_name = "Ada".into();
            p.relationship = Some("connection".into());
            p.status = Status::NoContact;
            p.last_contact = None;
            p.last_kind = None;
            p.last_topic = None;
        })
        .says(&[
            "Hi Ada,",
            "I've been meaning to get in touch",
            "a short call",
        ]),
        case("a friend", |p| {
            p.first_name = "Jonas".into();
            p.relationship = Some("friend".into());
            p.status = Status::Ok;
            p.last_contact = Some(day("2026-11-20"));
        })
        .says(&[
            "Hey Jonas,",
            "Thanks again for the coffee last week",
            "Cheers,\nAlex",
        ]),
        case("an ally", |p| {
            p.relationship = Some("ally".into());
            p.last_kind = Some("Lunch".into());
        })
        .says(&[
            "Hey Sharon,",
            "since our lunch in September",
            "Up for lunch again",
        ]),
        case("a knitting buddy", |p| {
            p.relationship = Some("knitting-buddy".into());
            p.status = Status::Ok;
            p.last_kind = Some("knitting".into());
            p.last_contact = Some(day("2026-11-18"));
        })
        .says(&[
            "Hey Sharon,",
            "It was so good to catch up last week!",
            "Up for a coffee",
        ]),
        case("any buddy", |p| {
            p.relationship = Some("climbing buddy".into())
        })
        .says(&["Hey Sharon,", "Cheers,"]),
        case("a peer", |p| p.relationship = Some("peer".into())).says(&["Hi Sharon,", "Best,"]),
        case("a former manager", |p| {
            p.relationship = Some("former-manager".into());
        })
        .says(&["Best regards,"]),
        case("an unknown relationship", |p| {
            p.relationship = Some("acquaintance from the 🧶 fair".into());
        })
        .says(&["Hi Sharon,", "Best,"]),
        case("no relationship", |p| p.relationship = None).says(&["Best,"]),
        // What is owed, never in its own words.
        case("owed, with her", |p| {
            p.owed = Some("send her the deck".into())
        })
        .says(&["I haven't forgotten what I promised you"])
        .never(&["deck"]),
        case("owed, with him", |p| {
            p.owed = Some("intro him to Dana".into());
            p.relationship = Some("mentor".into());
        })
        .says(&["I also haven't forgotten what I promised you"])
        .never(&["Dana"]),
        case("owed, with them and their", |p| {
            p.owed = Some("ask them about their move".into());
            p.relationship = Some("friend".into());
        })
        .says(&["I haven't forgotten what I promised you!"])
        .never(&["move"]),
        case("owed, with their name", |p| {
            p.first_name = "Dana".into();
            p.owed = Some("introduce Dana to Priya 📅 2026-12-10".into());
        })
        .never(&["Priya", "2026"]),
        case("owed, nothing but spaces", |p| p.owed = Some("   ".into())).never(&["promised"]),
        // Birthdays near today, either side.
        case("a birthday today", |p| p.birthday = Some(0))
            .says(&["And happy birthday! I hope it's a great day."]),
        case("a birthday tomorrow", |p| p.birthday = Some(1))
            .says(&["Have a great birthday tomorrow!"]),
        case("a birthday in 6 days", |p| p.birthday = Some(6))
            .says(&["Have a great birthday on Sunday!"]),
        case("a birthday in 7 days", |p| {
            p.birthday = Some(7);
            p.relationship = Some("mentor".into());
        })
        .says(&["I hope you have a wonderful birthday next week."]),
        case("a birthday in 9 days", |p| {
            p.birthday = Some(9);
            p.relationship = Some("friend".into());
        })
        .says(&["Have a brilliant birthday next week!"]),
        case("a birthday yesterday", |p| {
            p.birthday = Some(-1);
            p.relationship = Some("friend".into());
        })
        .says(&["Happy belated birthday!"]),
        case("a birthday in 14 days", |p| p.birthday = Some(14)).never(&["birthday"]),
        case("a birthday a week ago", |p| p.birthday = Some(-7)).never(&["birthday"]),
        case("a milestone", |p| {
            p.milestone = Some("promoted to Director".into())
        })
        .says(&["And congratulations on your news!"])
        .never(&["Director"]),
        case("everything at once, at length", |p| {
            p.first_name = "Maximiliana-Josefina".into();
            p.relationship = Some("mentor".into());
            p.status = Status::NoContact;
            p.last_contact = None;
            p.milestone = Some("the book".into());
            p.birthday = Some(0);
            p.owed = Some("the intro".into());
            p.place = Some("the little café on the corner of Elm and Main".into());
        }),
        // Statuses and last contacts.
        case("hibernating with an unknown kind", |p| {
            p.status = Status::Hibernating;
            p.last_kind = Some("offsite".into());
            p.last_contact = Some(day("2026-06-02"));
        })
        .says(&[
            "since we last caught up in June",
            "No agenda, just catching up.",
        ])
        .never(&["offsite"]),
        case("an e-mail last", |p| p.last_kind = Some("email".into()))
            .says(&["since we last caught up in September"]),
        case("due soon", |p| {
            p.status = Status::DueSoon;
            p.last_contact = Some(day("2026-10-30"));
        })
        .says(&["I was thinking of our coffee in October"]),
        case("snoozed", |p| p.status = Status::Snoozed),
        case("paused", |p| p.status = Status::Paused),
        case("contact today", |p| {
            p.status = Status::Ok;
            p.last_contact = Some(day("2026-11-23"));
            p.last_kind = Some("call".into());
        })
        .says(&["Thanks again for the call today", "another call"]),
        case("contact years ago", |p| {
            p.status = Status::Hibernating;
            p.last_contact = Some(day("2023-03-01"));
        })
        .says(&["since our coffee in March 2023"]),
        case("contact last year", |p| {
            p.last_contact = Some(day("2025-10-01"));
        })
        .says(&["since our coffee in October last year"]),
        case("no contact on record", |p| {
            p.status = Status::NoContact;
            p.last_contact = None;
            p.last_kind = None;
        })
        .says(&["I've been meaning to get in touch"]),
        case("a contact after today", |p| {
            p.last_contact = Some(day("2026-12-01"))
        }),
        // Places.
        case("a place", |p| p.place = Some("Coffee Café".into()))
            .says(&["another coffee on Wednesday the 25th at Coffee Café?"]),
        case("a place written with at", |p| {
            p.place = Some("at the Thai place by the office".into());
            p.last_kind = Some("lunch".into());
        })
        .says(&["lunch again on Wednesday the 25th at the Thai place by the office?"]),
        case("a place about them", |p| {
            p.place = Some("her office".into())
        })
        .never(&["office"]),
        case("a place and no kind", |p| {
            p.place = Some("Coffee Café".into());
            p.last_kind = None;
            p.relationship = Some("mentor".into());
        })
        .says(&["Would you have time for a coffee on Wednesday the 25th at Coffee Café?"]),
        case("a place, no kind and no coffee", |p| {
            p.place = Some("Coffee Café".into());
            p.last_kind = None;
            p.boundaries = vec!["coffee".into()];
        })
        .says(&["a quick call on Wednesday the 25th?"])
        .never(&["Café"]),
        case("a place for a call", |p| {
            p.place = Some("Coffee Café".into());
            p.last_kind = Some("zoom".into());
        })
        .says(&["another call on Wednesday the 25th?"])
        .never(&["Coffee Café"]),
        case("a place in Japanese", |p| {
            p.place = Some("渋谷のカフェ".into())
        })
        .says(&["at 渋谷のカフェ?"]),
        // Boundaries.
        case("boundaries that are in the summary", |p| {
            p.last_topic = Some("the reorg and her divorce".into());
            p.boundaries = vec!["her divorce".into(), "the reorg".into()];
        }),
        case("a boundary in the draft's own words", |p| {
            p.relationship = Some("connection".into());
            p.status = Status::NoContact;
            p.last_contact = None;
            p.boundaries = vec!["work".into()];
        })
        .says(&["I hope you're well."])
        .never(&["working"]),
        case("a boundary on birthdays", |p| {
            p.birthday = Some(0);
            p.boundaries = vec!["Birthday".into()];
        }),
        case("a boundary on coffee", |p| {
            p.boundaries = vec!["coffee".into()]
        })
        .says(&["a quick call"]),
        case("a boundary on the place", |p| {
            p.place = Some("the pub".into());
            p.boundaries = vec!["pub".into(), "alcohol".into()];
        }),
        // Names and settings.
        case("no first name", |p| p.first_name = String::new()).says(&["Hi Sharon Lee,"]),
        case("no name at all", |p| {
            p.first_name = String::new();
            p.name = String::new();
            p.relationship = Some("friend".into());
        })
        .says(&["Hey there,"]),
        case("a name that is an address", |p| {
            p.first_name = "sharon@example.com".into();
            p.name = "sharon@example.com".into();
            p.relationship = Some("mentor".into());
        })
        .says(&["Hello,"]),
        case("a name with a line break", |p| {
            p.first_name = "Sha\nron".into()
        })
        .says(&["Hi Sha ron,"]),
        case("no sign-off", |_| {})
            .settings(|s| s.sign_off = None)
            .says(&["\n\nBest,"]),
        case("a sign-off of two lines", |_| {})
            .settings(|s| s.sign_off = Some("Alex\nCTO, Initech".into()))
            .says(&["Best,\nAlex CTO, Initech"]),
        case("no days to propose", |_| {})
            .settings(|s| s.days.clear())
            .says(&["another coffee sometime in the next week or two?"])
            .never(&["another day"]),
        case("weekends only", |_| {})
            .settings(|s| s.days = vec![Weekday::Sat, Weekday::Sun])
            .says(&["on Saturday the 28th"]),
        case("a kind in capitals with spaces", |p| {
            p.last_kind = Some(" Coffee ".into())
        })
        .says(&["since our coffee in September"]),
    ]
}

#[test]
fn every_adversarial_draft_reads() {
    let templates = Templates::builtin();
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    for case in &cases {
        let input = case.person.input();
        let draft = draft(&templates, &case.settings, &input)
            .unwrap_or_else(|e| panic!("{}: {e}", case.what));
        assert_reads(case.what, &draft, &case.person, &case.settings);
        for says in &case.says {
            assert!(
                draft.body.contains(says),
                "{}: does not say {says:?}:\n{}",
                case.what,
                draft.body
            );
        }
        for never in &case.never {
            assert!(
                !draft.body.contains(never),
                "{}: says {never:?}:\n{}",
                case.what,
                draft.body
            );
        }
    }
}

#[test]
fn the_checks_catch_a_mail_merge_draft() {
    let mut person = sharon();
    person.last_topic = Some("I introduced her to Dana for the SRE role".into());
    person.boundaries = vec!["rust".into()];
    let merged = Draft {
        subject: String::new(),
        body: "Hi Tom\n\nLast time we talked about I introduced you to Dana for the SRE role. And are you still into rust?  Any news on the the roadmap (part two with , too\n\n\nThanks".into(),
    };
    let found = problems(&merged, &person, &alex()).join("\n");
    for expected in [
        "does not start with a greeting line",
        "does not end with the sign-off",
        "no closing line",
        "a paragraph ends mid-sentence",
        "two blank lines in a row",
        "first person spliced",
        "\" ,\" in the text",
        "\"  \" in the text",
        "doubled word",
        "unmatched ()",
        "mentions the boundary \"rust\"",
        "pronouns rewritten",
        "not a short subject line",
    ] {
        assert!(found.contains(expected), "missed {expected:?} in:\n{found}");
    }
    let spliced = Draft {
        subject: "Catching up".into(),
        body: "Hi Sharon,\n\nI still need to: I introduced her to Dana for the SRE role.\n\nBest,\nAlex".into(),
    };
    let found = problems(&spliced, &person, &alex()).join("\n");
    assert!(found.contains("note text spliced in"), "{found}");
}

#[test]
fn subjects_follow_the_tone_and_the_proposal() {
    let templates = Templates::builtin();
    let subject = |change: &dyn Fn(&mut Person)| {
        let mut person = sharon();
        change(&mut person);
        draft(&templates, &alex(), &person.input())
            .map(|d| d.subject)
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(subject(&|_| {}), "Coffee this week?");
    assert_eq!(
        subject(&|p| p.today = day("2026-11-26")),
        "Coffee next week?"
    );
    assert_eq!(
        subject(&|p| p.relationship = Some("mentor".into())),
        "Catching up"
    );
    assert_eq!(
        subject(&|p| p.last_kind = Some("lunch".into())),
        "Lunch this week?"
    );
    assert_eq!(
        subject(&|p| p.last_kind = Some("offsite".into())),
        "Coffee or a call this week?"
    );
    assert_eq!(subject(&|p| p.birthday = Some(0)), "Happy birthday!");
    assert_eq!(
        subject(&|p| {
            p.birthday = Some(0);
            p.boundaries = vec!["birthday".into()];
        }),
        "Catching up"
    );
}

#[test]
fn a_vault_template_can_quote_what_the_notes_say_but_never_a_boundary() {
    let user = vault_render::TemplateOverride {
        name: "draft-neutral.txt".into(),
        origin: ".vault/templates/draft-neutral.txt".into(),
        text: "Hi {{ first_name }},\n\nLast time: {{ written.last_topic }}. We said nothing of the reorg.\n\nBest,\n{{ sign_off }}".into(),
    };
    let templates = Templates::with_overrides(&[user]).unwrap_or_else(|e| panic!("{e}"));
    let mut person = sharon();
    let text = draft(&templates, &alex(), &person.input())
        .map(|d| d.body)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        text,
        "Hi Sharon,\n\nLast time: her new role at Initech and how hard senior hiring is. We said nothing of the reorg.\n\nBest,\nAlex"
    );
    person.boundaries = vec!["reorg".into(), "hiring".into()];
    let text = draft(&templates, &alex(), &person.input())
        .map(|d| d.body)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text, "Hi Sharon,\n\nLast time: .\n\nBest,\nAlex");
}

fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[ -~]{0,30}",
        prop::sample::select(vec![
            "",
            " ",
            "her",
            "I",
            "\"",
            "(",
            "[[x",
            "]]",
            "{{ x }}",
            "{% if %}",
            "\n",
            "\r\n",
            "🧶",
            "سارة",
            "新しい",
            "at",
            "at at",
            "the the",
            "her office",
            "'",
            "’s",
            "a.b",
            "?",
            "None",
            "coffee",
            "call",
            "work",
            "\u{202e}",
            "\u{0}",
            "x\ty",
        ])
        .prop_map(str::to_owned),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(vec![
        Status::Hibernating,
        Status::Overdue,
        Status::DueSoon,
        Status::NoContact,
        Status::Ok,
        Status::Snoozed,
        Status::Paused,
    ])
}

fn a_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (1900i32..2200, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ]
}

fn person() -> impl Strategy<Value = Person> {
    let names = (field(), field(), prop::option::of(field()), status());
    let last = (
        prop::option::of(a_day()),
        prop::option::of(field()),
        prop::option::of(field()),
        prop::collection::vec(field(), 0..3),
        prop::collection::vec(field(), 0..2),
        prop::option::of(field()),
    );
    let more = (
        prop::option::of(field()),
        prop::option::of(-20i64..20),
        prop::option::of(field()),
        prop::option::of(field()),
        prop::collection::vec(field(), 0..3),
        a_day(),
    );
    (names, last, more).prop_map(
        |(
            (name, first_name, relationship, status),
            (last_contact, last_kind, last_topic, interests, company, role),
            (owed, birthday, milestone, place, boundaries, today),
        )| Person {
            name,
            first_name,
            relationship,
            status,
            last_contact,
            last_kind,
            last_topic,
            interests,
            company,
            role,
            owed,
            birthday,
            milestone,
            place,
            // A boundary that is the person's own name, or the user's, cannot be kept
            // out of the greeting or the sign-off, nor a word of the closing; those
            // are left out of the property.
            boundaries: boundaries
                .into_iter()
                .filter(|b| {
                    let b = b.trim().to_lowercase();
                    b.chars().count() >= 3
                        && !["best", "cheers", "regards"]
                            .iter()
                            .any(|c| c.starts_with(&b) || b.starts_with(c))
                })
                .collect(),
            today,
        },
    )
}

fn settings() -> impl Strategy<Value = DraftSettings> {
    (
        prop::option::of(field()),
        prop::collection::vec(
            prop::sample::select(vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ]),
            0..4,
        ),
    )
        .prop_map(|(sign_off, days)| DraftSettings { sign_off, days })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_in_any_field_gives_a_draft_that_reads(person in person(), settings in settings()) {
        let templates = Templates::builtin();
        let input = person.input();
        let draft = draft(&templates, &settings, &input);
        prop_assert!(draft.is_ok(), "{draft:?}");
        let draft = draft.unwrap_or_else(|_| Draft { subject: String::new(), body: String::new() });
        // The greeting and the sign-off are the person's and the user's own names.
        let mut person = person;
        person.boundaries.retain(|b| {
            !mentions(draft.body.lines().next().unwrap_or_default(), b)
                && settings.sign_off.as_deref().is_none_or(|s| !mentions(s, b))
        });
        let problems = problems(&draft, &person, &settings);
        prop_assert!(problems.is_empty(), "{problems:#?}\n{}", draft.body);
    }
}

/// Every person of the example vault, as the digest sees them on 2026-11-23, with the
/// sign-off of its `vault.yaml` (`me.name: Alex`).
/// A private person has no draft: `None`.
fn example_vault_people() -> Vec<(String, Option<Person>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../example-vault");
    let options = ReadOptions {
        people_folders: Some(vec!["People".into()]),
        journal_folders: vec!["Journal".into()],
        templates_folder: Some("Templates".into()),
        ..ReadOptions::default()
    };
    let vault = read_vault(&root, &options).unwrap_or_else(|e| panic!("{e}"));
    let mut config = Config::default();
    config.cadences.insert("former-colleague".into(), 90);
    let today = day("2026-11-23");
    let mut people = Vec::new();
    for (i, note) in vault.notes.iter().enumerate() {
        let Some(view) = vault_index::person_view(&vault.notes, &config, today, i) else {
            continue;
        };
        let p = &view.person;
        let label = format!(
            "{} ({}, {})",
            p.name,
            p.relationship.as_deref().unwrap_or("no relationship"),
            p.status.as_str()
        );
        if p.private {
            people.push((format!("{label}: private, no draft ({})", note.path), None));
            continue;
        }
        let person = Person {
            name: p.name.clone(),
            first_name: p.first_name.clone(),
            relationship: p.relationship.clone(),
            status: p.status,
            last_contact: p.last_contact,
            last_kind: p.last_interaction.as_ref().and_then(|i| i.kind.clone()),
            last_topic: p.last_topic.as_ref().map(|t| t.summary.clone()),
            interests: p.interests.clone(),
            company: p.company.clone(),
            role: p.role.clone(),
            owed: view.card.follow_ups.first().map(|f| f.text.clone()),
            birthday: view.card.birthday.map(|b| b.in_days),
            milestone: view.card.milestone.as_ref().map(|m| m.summary.clone()),
            place: view.card.contact.place.clone(),
            boundaries: view.card.boundaries.clone(),
            today,
        };
        people.push((label, Some(person)));
    }
    people
}

#[test]
fn every_example_vault_draft_reads() {
    let templates = Templates::builtin();
    let settings = alex();
    let mut out = String::new();
    let mut written = 0;
    for (label, person) in example_vault_people() {
        let Some(person) = person else {
            out.push_str(&format!("## {label}\n\n"));
            continue;
        };
        let draft = draft(&templates, &settings, &person.input())
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        assert_reads(&label, &draft, &person, &settings);
        written += 1;
        out.push_str(&format!(
            "## {label}\n\nSubject: {}\n\n{}\n\n",
            draft.subject, draft.body
        ));
    }
    assert!(written >= 12, "{written} drafts");
    insta::assert_snapshot!(out.trim_end());
}
