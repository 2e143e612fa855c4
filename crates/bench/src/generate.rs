//! A deterministic, realistic synthetic vault.
//!
//! The vault is planned once (who the people are, which days have a daily note, the
//! titles of meetings and other notes), then every note is rendered from the plan and
//! its own random stream. Rendering is independent per note, so the notes are written
//! in parallel and the result is still byte-identical for the same note count and seed.
//!
//! Mix, for `N` notes:
//! - people: 5 % (at least 1), ~88 % under `People/` (some in `People/Work/`,
//!   `People/Former Colleagues/`), the rest in `References/` or `Notes/Community/`
//!   marked with `categories: ["[[People]]"]`, `type: person` or `tags: [people]`;
//! - daily notes: 40 %, `Journal/YYYY/YYYY-MM-DD.md` (the file name is the date, and
//!   there is at most one per day). While that leaves room (up to 930 notes) the days
//!   are drawn from the last 3 years; beyond, from the last `daily / 0.85` days, but
//!   never before 1900-01-01. So a 20k-note vault's 8,000 daily notes cover 2001–2026,
//!   and a 100k-note vault's 40,000 cover 86 % of the days since 1900. Above ~115,800
//!   notes every day since 1900 has its note, and the notes left over become other notes;
//! - meeting notes: 20 %, `Meetings/YYYY/YYYY-MM-DD Topic.md` with `date:` and
//!   `people:`, in the last 3 years and ~3 % planned in the next 30 days;
//! - other notes: the rest, `Notes/<Topic>/<Title>.md`, linking each other and people.
//!
//! Quirks, independently per note: ~1 % CRLF line endings, ~0.5 % a UTF-8 BOM, ~0.5 %
//! broken YAML front matter, ~0.5 % template placeholders (`{{date}}`); ~0.4 % of notes
//! are 10–50 KB, the rest a few hundred bytes to ~2 KB (about 1 KB on average).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::names::{
    CADENCES, CITIES, COMPANIES, INTERESTS, LOG_KINDS, MEETING_TOPICS, RELATIONSHIPS, ROLES,
    TITLE_WORDS, TOPICS, WORDS, nickname, person_name,
};
use crate::rng::Rng;

/// The day the generated vault is "as of": recent notes end here.
pub const TODAY: (i64, u32, u32) = (2026, 11, 23);
/// Bumped whenever the output for a given (notes, seed) changes.
pub const GENERATOR_VERSION: u32 = 1;
/// Name of the marker file (inside `.obsidian/`, so `vault` never reads it).
pub const MARKER: &str = ".obsidian/vault-bench.json";

const STREAM_PLAN: u64 = 1;
const STREAM_NOTE: u64 = 2;
const THREE_YEARS: usize = 1096;
const TEAMS: &[&str] = &[
    "platform", "design", "infra", "growth", "data", "mobile", "sales", "legal", "security",
    "support", "finance", "research",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub notes: usize,
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Daily,
    Meeting,
    Other,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Quirks {
    pub crlf: bool,
    pub bom: bool,
    pub broken_yaml: bool,
    pub placeholder: bool,
}

/// One generated note: its path relative to the vault (with `/`) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub path: String,
    pub kind: Kind,
    pub text: String,
    pub quirks: Quirks,
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub notes: usize,
    pub people: usize,
    pub people_outside: usize,
    pub daily: usize,
    pub meetings: usize,
    pub other: usize,
    pub bytes: u64,
    pub largest: usize,
    pub crlf: usize,
    pub bom: usize,
    pub broken_yaml: usize,
    pub placeholders: usize,
    pub first_daily: Option<String>,
    pub last_daily: Option<String>,
}

impl Summary {
    fn add(&mut self, note: &Note) {
        self.notes += 1;
        match note.kind {
            Kind::Person => self.people += 1,
            Kind::Daily => self.daily += 1,
            Kind::Meeting => self.meetings += 1,
            Kind::Other => self.other += 1,
        }
        self.bytes += note.text.len() as u64;
        self.largest = self.largest.max(note.text.len());
        self.crlf += usize::from(note.quirks.crlf);
        self.bom += usize::from(note.quirks.bom);
        self.broken_yaml += usize::from(note.quirks.broken_yaml);
        self.placeholders += usize::from(note.quirks.placeholder);
    }

    fn merge(&mut self, other: &Summary) {
        self.notes += other.notes;
        self.people += other.people;
        self.daily += other.daily;
        self.meetings += other.meetings;
        self.other += other.other;
        self.bytes += other.bytes;
        self.largest = self.largest.max(other.largest);
        self.crlf += other.crlf;
        self.bom += other.bom;
        self.broken_yaml += other.broken_yaml;
        self.placeholders += other.placeholders;
    }

    /// The one-line summary printed by `vault-bench generate`.
    pub fn line(&self, dir: &Path, seed: u64, secs: f64) -> String {
        let days = match (&self.first_daily, &self.last_daily) {
            (Some(a), Some(b)) => format!(" {a}..{b}"),
            _ => String::new(),
        };
        format!(
            "vault-bench: {} notes in {} ({} people, {} outside People/; {} daily notes{days}; \
             {} meetings; {} other), {:.1} MB, largest {} KB; quirks: {} CRLF, {} BOM, \
             {} broken YAML, {} placeholders; seed {seed}, {secs:.2} s",
            self.notes,
            dir.display(),
            self.people,
            self.people_outside,
            self.daily,
            self.meetings,
            self.other,
            self.bytes as f64 / 1e6,
            self.largest / 1024,
            self.crlf,
            self.bom,
            self.broken_yaml,
            self.placeholders,
        )
    }
}

// ---------------------------------------------------------------- dates

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn push_date(out: &mut String, day: i64) {
    let (y, m, d) = civil_from_days(day);
    let _ = write!(out, "{y:04}-{m:02}-{d:02}");
}

fn date(day: i64) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, day);
    s
}

fn year(day: i64) -> i64 {
    civil_from_days(day).0
}

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn today() -> i64 {
    days_from_civil(TODAY.0, TODAY.1, TODAY.2)
}

// ---------------------------------------------------------------- plan

#[derive(Debug, Clone)]
struct Person {
    name: String,
    folder: &'static str,
    outside: bool,
    alias: Option<String>,
    /// The alias is carried by this person only, so `[[alias]]` links resolve.
    alias_unique: bool,
}

impl Person {
    fn first(&self) -> &str {
        self.name.split(' ').next().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone)]
struct Meeting {
    day: i64,
    topic: &'static str,
    stem: String,
}

#[derive(Debug, Clone)]
struct Other {
    topic: &'static str,
    title: String,
}

/// Everything shared between notes; see the module docs for the mix.
#[derive(Debug, Clone)]
pub struct Plan {
    seed: u64,
    today: i64,
    people: Vec<Person>,
    daily_days: Vec<i64>,
    meetings: Vec<Meeting>,
    others: Vec<Other>,
}

impl Plan {
    pub fn new(opts: Options) -> Plan {
        let n = opts.notes;
        let today = today();
        let mut rng = Rng::for_item(opts.seed, STREAM_PLAN, 0);

        let people_n = if n == 0 {
            0
        } else {
            ((n as f64 * 0.05).round() as usize).clamp(1, n)
        };
        let earliest = days_from_civil(1900, 1, 1);
        let max_days = (today - earliest + 1) as usize;
        let daily_n = ((n as f64 * 0.40).round() as usize)
            .min(n - people_n)
            .min(max_days);
        let meetings_n = ((n as f64 * 0.20).round() as usize).min(n - people_n - daily_n);
        let others_n = n - people_n - daily_n - meetings_n;

        // People, with unique names; aliases may clash (as in real vaults), and only
        // unique ones are used in links.
        let mut people = Vec::with_capacity(people_n);
        let mut alias_count: HashMap<String, usize> = HashMap::new();
        for i in 0..people_n {
            let name = person_name(i);
            let r = rng.f64();
            let (folder, outside) = if r < 0.70 {
                ("People", false)
            } else if r < 0.80 {
                ("People/Work", false)
            } else if r < 0.88 {
                ("People/Former Colleagues", false)
            } else if r < 0.94 {
                ("References", true)
            } else {
                ("Notes/Community", true)
            };
            let first = name.split(' ').next().unwrap_or(&name).to_string();
            let alias = if rng.chance(0.4) {
                let a = if rng.chance(0.5) {
                    nickname(&first, rng.below(4))
                } else {
                    let last = name.rsplit(' ').next().unwrap_or(&name);
                    let initial: String = last.chars().take(1).collect();
                    format!("{first} {initial}.")
                };
                *alias_count.entry(a.to_lowercase()).or_insert(0) += 1;
                Some(a)
            } else {
                None
            };
            people.push(Person {
                name,
                folder,
                outside,
                alias,
                alias_unique: false,
            });
        }
        for p in &mut people {
            if let Some(a) = &p.alias {
                p.alias_unique = alias_count.get(&a.to_lowercase()) == Some(&1);
            }
        }

        // Daily notes: `daily_n` distinct days out of the most recent `window` days
        // (selection sampling keeps them in order).
        let window = if daily_n <= 930 {
            THREE_YEARS.min(max_days)
        } else {
            ((daily_n as f64 / 0.85).ceil() as usize).min(max_days)
        };
        let mut daily_days = Vec::with_capacity(daily_n);
        let mut need = daily_n;
        let start = today - window as i64 + 1;
        for k in 0..window {
            if need == 0 {
                break;
            }
            if rng.below(window - k) < need {
                daily_days.push(start + k as i64);
                need -= 1;
            }
        }

        // Stems are unique vault-wide (case-insensitively), so every link resolves to
        // one note. A clash is redrawn; only after many tries is a qualifier in
        // parentheses added (never a bare ` 2`, which reads as a sync tool's copy).
        let mut stems: HashSet<String> = HashSet::new();
        let mut unique = |rng: &mut Rng,
                          make: &dyn Fn(&mut Rng) -> (String, &'static str)|
         -> (String, &'static str) {
            let (mut stem, mut extra) = make(rng);
            let mut tries = 0;
            while !stems.insert(stem.to_lowercase()) {
                tries += 1;
                (stem, extra) = make(rng);
                if tries > 20 {
                    stem = format!("{stem} ({})", TEAMS[rng.below(TEAMS.len())]);
                }
                if tries > 40 {
                    stem = format!("{stem} ({tries})");
                }
            }
            (stem, extra)
        };

        let mut meetings = Vec::with_capacity(meetings_n);
        for _ in 0..meetings_n {
            let day = if rng.chance(0.03) {
                today + 1 + rng.below(30) as i64
            } else {
                today - rng.below(THREE_YEARS) as i64
            };
            let day_str = date(day);
            let (stem, topic) = unique(&mut rng, &|r: &mut Rng| {
                let t = *r.pick(MEETING_TOPICS);
                if r.chance(0.5) {
                    (format!("{day_str} {t}"), t)
                } else {
                    (format!("{day_str} {t} – {}", r.pick(TEAMS)), t)
                }
            });
            meetings.push(Meeting { day, topic, stem });
        }

        let mut others = Vec::with_capacity(others_n);
        for _ in 0..others_n {
            let (title, topic) = unique(&mut rng, &|r: &mut Rng| {
                let topic = *r.pick(TOPICS);
                let words = r.range(2, 4);
                let mut title = String::new();
                for w in 0..words {
                    let mut word = *r.pick(TITLE_WORDS);
                    while title.ends_with(word) || (w == 0 && word.starts_with(char::is_lowercase))
                    {
                        word = *r.pick(TITLE_WORDS);
                    }
                    if w > 0 {
                        title.push(' ');
                    }
                    title.push_str(word);
                }
                (title, topic)
            });
            others.push(Other { topic, title });
        }

        Plan {
            seed: opts.seed,
            today,
            people,
            daily_days,
            meetings,
            others,
        }
    }

    /// The number of notes.
    pub fn note_count(&self) -> usize {
        self.people.len() + self.daily_days.len() + self.meetings.len() + self.others.len()
    }

    fn kind(&self, i: usize) -> (Kind, usize) {
        let p = self.people.len();
        let d = p + self.daily_days.len();
        let m = d + self.meetings.len();
        if i < p {
            (Kind::Person, i)
        } else if i < d {
            (Kind::Daily, i - p)
        } else if i < m {
            (Kind::Meeting, i - d)
        } else {
            (Kind::Other, i - m)
        }
    }

    /// The vault-relative path of note `i`.
    pub fn path(&self, i: usize) -> String {
        match self.kind(i) {
            (Kind::Person, k) => {
                let p = &self.people[k];
                format!("{}/{}.md", p.folder, p.name)
            }
            (Kind::Daily, k) => {
                let day = self.daily_days[k];
                format!("Journal/{:04}/{}.md", year(day), date(day))
            }
            (Kind::Meeting, k) => {
                let m = &self.meetings[k];
                format!("Meetings/{:04}/{}.md", year(m.day), m.stem)
            }
            (Kind::Other, k) => {
                let o = &self.others[k];
                format!("Notes/{}/{}.md", o.topic, o.title)
            }
        }
    }

    /// Renders note `i` (its text depends only on the plan, the seed and `i`).
    pub fn render(&self, i: usize) -> Note {
        let mut rng = Rng::for_item(self.seed, STREAM_NOTE, i as u64);
        let quirks = Quirks {
            crlf: rng.chance(0.01),
            bom: rng.chance(0.005),
            broken_yaml: rng.chance(0.005),
            placeholder: rng.chance(0.005),
        };
        let target = target_size(&mut rng);
        let mut w = Writer {
            plan: self,
            rng,
            fm: Vec::new(),
            body: String::with_capacity(target + 512),
            quirks,
        };
        let (kind, k) = self.kind(i);
        match kind {
            Kind::Person => w.person(k, target),
            Kind::Daily => w.daily(self.daily_days[k], target),
            Kind::Meeting => w.meeting(k, target),
            Kind::Other => w.other(k, target),
        }
        Note {
            path: self.path(i),
            kind,
            text: w.finish(kind),
            quirks,
        }
    }

    /// A person index, skewed so that a few people are linked often and many rarely.
    fn pick_person(&self, rng: &mut Rng) -> Option<usize> {
        if self.people.is_empty() {
            return None;
        }
        let u = rng.f64();
        Some(((u * u * self.people.len() as f64) as usize).min(self.people.len() - 1))
    }

    /// A link to person `k`, in one of the forms Obsidian users write.
    fn person_link(&self, rng: &mut Rng, k: usize) -> String {
        let p = &self.people[k];
        match rng.weighted(&[45, 12, 10, 10, 8, 5, 5, 5]) {
            0 => format!("[[{}]]", p.name),
            1 => format!("[[{}/{}|{}]]", p.folder, p.name, p.first()),
            2 => format!("[[{}#{}]]", p.name, rng.pick(&["Work", "Log", "Family"])),
            3 => match (&p.alias, p.alias_unique) {
                (Some(a), true) => format!("[[{a}]]"),
                _ => format!("[[{}]]", p.name),
            },
            4 => format!("[[{}|{}]]", p.name, p.first()),
            5 => format!("[[{}]]", p.name.to_lowercase()),
            6 => format!("[[{}#^{:x}]]", p.name, rng.next_u64() & 0xff_ffff),
            _ => format!("[[{}/{}]]", p.folder, p.name),
        }
    }

    fn other_link(&self, rng: &mut Rng) -> Option<String> {
        if self.others.is_empty() {
            return None;
        }
        let o = &self.others[rng.below(self.others.len())];
        Some(match rng.weighted(&[70, 15, 10, 5]) {
            0 => format!("[[{}]]", o.title),
            1 => format!("[[{}|{}]]", o.title, o.title.to_lowercase()),
            2 => format!("[[{}#{}]]", o.title, rng.pick(TITLE_WORDS)),
            _ => format!("[[Notes/{}/{}]]", o.topic, o.title),
        })
    }
}

/// Body size to aim for: mostly 0.2–2.3 KB (mean ~0.9 KB), ~0.4 % 10–50 KB.
fn target_size(rng: &mut Rng) -> usize {
    if rng.chance(0.004) {
        rng.range(10_000, 50_000)
    } else {
        let u = rng.f64();
        150 + (u * u * 1900.0) as usize
    }
}

// ---------------------------------------------------------------- writing

struct Writer<'a> {
    plan: &'a Plan,
    rng: Rng,
    /// Front matter lines, without `---` and newlines; empty means no front matter
    /// (unless a quirk adds some).
    fm: Vec<String>,
    body: String,
    quirks: Quirks,
}

impl Writer<'_> {
    fn word(&mut self) -> &'static str {
        self.rng.pick::<&str>(WORDS)
    }

    fn sentence(&mut self) {
        let n = self.rng.range(5, 14);
        for k in 0..n {
            let w = self.word();
            if k == 0 {
                let mut chars = w.chars();
                if let Some(c) = chars.next() {
                    self.body.extend(c.to_uppercase());
                    self.body.push_str(chars.as_str());
                }
            } else {
                self.body.push(' ');
                self.body.push_str(w);
            }
        }
        self.body.push('.');
    }

    fn phrase(&mut self, words: usize) -> String {
        let mut s = String::new();
        for k in 0..words {
            if k > 0 {
                s.push(' ');
            }
            s.push_str(self.word());
        }
        s
    }

    fn paragraph(&mut self) {
        let n = self.rng.range(2, 5);
        for k in 0..n {
            if k > 0 {
                self.body.push(' ');
            }
            self.sentence();
        }
        self.body.push_str("\n\n");
    }

    /// Prose, lists and headings until the body reaches `target` bytes.
    fn fill(&mut self, target: usize, links: bool) {
        let mut since_heading = 0;
        while self.body.len() < target {
            match self.rng.weighted(&[60, 15, 6, 6, 4, 3]) {
                0 => self.paragraph(),
                1 => {
                    for _ in 0..self.rng.range(2, 5) {
                        self.body.push_str("- ");
                        let words = self.rng.range(3, 9);
                        let p = self.phrase(words);
                        self.body.push_str(&p);
                        if links
                            && self.rng.chance(0.2)
                            && let Some(l) = self.plan.other_link(&mut self.rng)
                        {
                            self.body.push_str(", see ");
                            self.body.push_str(&l);
                        }
                        self.body.push('\n');
                    }
                    self.body.push('\n');
                }
                2 if since_heading > 1 => {
                    let h = self.rng.range(2, 3);
                    let words = self.rng.range(1, 4);
                    let title = self.phrase(words);
                    let _ = writeln!(self.body, "{} {}\n", "#".repeat(h), capitalize(&title));
                    since_heading = 0;
                }
                3 => {
                    self.body.push_str("> ");
                    self.sentence();
                    self.body.push_str("\n\n");
                }
                4 if links => {
                    if let Some(l) = self.plan.other_link(&mut self.rng) {
                        let s = self.phrase(4);
                        let _ = writeln!(self.body, "Related: {l}, {s}.\n");
                    }
                }
                5 => {
                    let s = self.phrase(3);
                    let _ = writeln!(
                        self.body,
                        "[{}](https://example.com/{}) and ![[diagram-{}.png]]\n",
                        capitalize(&s),
                        s.replace(' ', "-"),
                        self.rng.below(500)
                    );
                }
                _ => self.paragraph(),
            }
            since_heading += 1;
        }
    }

    /// A task line (without the leading `- [ ] `), maybe with a due date.
    fn task_text(&mut self, around: i64, person: Option<usize>) -> String {
        let verb = *self.rng.pick(&[
            "send",
            "ask",
            "email",
            "review",
            "share",
            "follow up on",
            "book",
            "read",
            "intro",
        ]);
        let mut s = String::from(verb);
        if let Some(k) = person {
            s.push(' ');
            s.push_str(&self.plan.person_link(&mut self.rng, k));
        }
        s.push_str(" the ");
        let words = self.rng.range(1, 3);
        s.push_str(&self.phrase(words));
        match self.rng.weighted(&[45, 30, 25]) {
            0 => {
                s.push_str(" 📅 ");
                push_date(&mut s, around + self.rng.range(0, 30) as i64 - 5);
            }
            1 => {
                s.push_str(" [due:: ");
                push_date(&mut s, around + self.rng.range(0, 30) as i64 - 5);
                s.push(']');
            }
            _ => {}
        }
        s
    }

    /// Sometimes a code span or fenced block with a fake link (not a link).
    fn code_with_fake_link(&mut self) {
        let fake = match self.plan.pick_person(&mut self.rng) {
            Some(k) if self.rng.chance(0.5) => self.plan.people[k].name.clone(),
            _ => "Template Person".to_string(),
        };
        if self.rng.chance(0.6) {
            let _ = writeln!(
                self.body,
                "Remember the link syntax is `[[{fake}]]`, not a mention.\n"
            );
        } else {
            let _ = writeln!(
                self.body,
                "```markdown\n- [[{fake}]] coffee\n- [[2020-01-01]] example\n```\n"
            );
        }
    }

    fn placeholder_fm(&mut self) {
        match self.rng.below(3) {
            0 => self.fm.push("created: {{date}}".to_string()),
            1 => self.fm.push("date: \"{{date}}\"".to_string()),
            _ => self
                .fm
                .push("updated: \"{{date:YYYY-MM-DD}} {{time}}\"".to_string()),
        }
    }

    fn finish(mut self, kind: Kind) -> String {
        let mut unclosed = false;
        if self.quirks.broken_yaml {
            let bad = match self.rng.below(7) {
                0 => "tags: [unclosed, list",
                1 => "summary: \"unterminated quote",
                2 => "status: draft: maybe: later",
                3 => "\tindented: with a tab",
                4 => "aliases: [a, b]]",
                5 => "key without value\n  : : :",
                _ => {
                    unclosed = true;
                    "note: the closing fence is missing"
                }
            };
            let at = self.rng.below(self.fm.len() + 1);
            self.fm.insert(at, bad.to_string());
        }
        let mut text = String::with_capacity(self.body.len() + 64 * self.fm.len() + 16);
        if self.quirks.bom {
            text.push('\u{feff}');
        }
        if !self.fm.is_empty() || kind == Kind::Person {
            text.push_str("---\n");
            for line in &self.fm {
                text.push_str(line);
                text.push('\n');
            }
            if !unclosed {
                text.push_str("---\n");
            }
        }
        text.push_str(self.body.trim_end_matches('\n'));
        text.push('\n');
        if self.quirks.crlf {
            text = text.replace('\n', "\r\n");
        }
        text
    }

    // ------------------------------------------------------------ people

    fn person(&mut self, k: usize, target: usize) {
        let plan = self.plan;
        let p = &plan.people[k];
        let today = plan.today;
        let rng = &mut self.rng;
        let mut fm: Vec<String> = Vec::with_capacity(24);

        if rng.chance(0.6) {
            fm.push(format!("name: {}", yaml_str(&p.name)));
        }
        if let Some(a) = &p.alias {
            match rng.below(3) {
                0 => fm.push(format!("aliases: [{}]", yaml_str(a))),
                1 => fm.push(format!("aliases:\n  - {}", yaml_str(a))),
                _ => fm.push(format!("alias: {}", yaml_str(a))),
            }
        }
        if p.outside {
            match rng.below(4) {
                0 | 1 => fm.push("categories:\n  - \"[[People]]\"".to_string()),
                2 => fm.push("type: person".to_string()),
                _ => fm.push("tags: [people, network]".to_string()),
            }
        } else {
            match rng.weighted(&[70, 10, 10, 10]) {
                0 => {}
                1 => fm.push("type: Person".to_string()),
                2 => fm.push("tags: [person]".to_string()),
                _ => fm.push("categories: [\"[[People]]\"]".to_string()),
            }
        }
        if let Some(key) = pick_key(
            rng,
            &[
                ("relationship", 60),
                ("circle", 20),
                ("prm-relationship", 10),
                ("", 10),
            ],
        ) {
            fm.push(format!("{key}: {}", rng.pick(RELATIONSHIPS)));
        }
        if let Some(key) = pick_key(
            rng,
            &[
                ("cadence", 45),
                ("contact-frequency", 8),
                ("contactFrequency", 8),
                ("prm-cadence", 9),
                ("", 30),
            ],
        ) {
            let c = *rng.pick(CADENCES);
            if c.contains(' ') && rng.chance(0.5) {
                fm.push(format!("{key}: \"{c}\""));
            } else {
                fm.push(format!("{key}: {c}"));
            }
        }
        if let Some(key) = pick_key(
            rng,
            &[
                ("last_contact", 12),
                ("lastContact", 4),
                ("last-contact", 3),
                ("last contact", 3),
                ("prm-last-contacted", 3),
                ("", 75),
            ],
        ) {
            let mut v = date(today - rng.below(500) as i64);
            match rng.below(10) {
                0 => v.push_str("T14:30:00"),
                1 => v.push_str(" 09:15"),
                _ => {}
            }
            fm.push(format!("{key}: {v}"));
        }
        if let Some(key) = pick_key(
            rng,
            &[
                ("birthday", 30),
                ("birthDate", 5),
                ("prm-birthday", 5),
                ("", 60),
            ],
        ) {
            let (y, m, d) = civil_from_days(today - rng.range(20 * 365, 65 * 365) as i64);
            let v = match rng.below(3) {
                0 => format!("{y:04}-{m:02}-{d:02}"),
                1 => format!("\"{m:02}-{d:02}\""),
                _ => format!("\"--{m:02}-{d:02}\""),
            };
            fm.push(format!("{key}: {v}"));
        }
        if let Some(key) = pick_key(
            rng,
            &[
                ("company", 45),
                ("org", 15),
                ("organisation", 5),
                ("organization", 5),
                ("", 30),
            ],
        ) {
            let c = *rng.pick(COMPANIES);
            let v = match rng.below(4) {
                0 | 1 => yaml_str(c),
                2 => format!("\"[[{c}]]\""),
                _ => format!("[\"[[{c}]]\", \"[[{}]]\"]", rng.pick(COMPANIES)),
            };
            fm.push(format!("{key}: {v}"));
        }
        if let Some(key) = pick_key(
            rng,
            &[("role", 40), ("title", 10), ("job_title", 10), ("", 40)],
        ) {
            fm.push(format!("{key}: {}", rng.pick(ROLES)));
        }
        if let Some(key) = pick_key(
            rng,
            &[("snooze_until", 4), ("prm-snooze-until", 2), ("", 94)],
        ) {
            let d = today + rng.range(0, 60) as i64 - 20;
            fm.push(format!("{key}: {}", date(d)));
        }
        if let Some(key) = pick_key(rng, &[("paused", 3), ("prm-paused", 1), ("", 96)]) {
            fm.push(format!("{key}: {}", rng.pick(&["true", "yes"])));
        }
        if let Some(key) = pick_key(rng, &[("favorite", 7), ("favourite", 2), ("", 91)]) {
            fm.push(format!("{key}: {}", rng.pick(&["true", "yes"])));
        }
        if rng.chance(0.04) {
            fm.push("private: true".to_string());
        }
        if let Some(key) = pick_key(rng, &[("interests", 45), ("topics", 10), ("", 45)]) {
            let n = rng.range(1, 3);
            let items: Vec<&str> = (0..n).map(|_| *rng.pick(INTERESTS)).collect();
            if rng.chance(0.7) {
                fm.push(format!("{key}: [{}]", items.join(", ")));
            } else {
                let mut s = format!("{key}:");
                for i in items {
                    let _ = write!(s, "\n  - {i}");
                }
                fm.push(s);
            }
        }
        let handle: String = p
            .name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '.' })
            .collect();
        match rng.weighted(&[40, 10, 50]) {
            0 => fm.push(format!("email: {handle}@example.com")),
            1 => fm.push(format!(
                "emails: [{handle}@example.com, {handle}@mail.example.org]"
            )),
            _ => {}
        }
        if rng.chance(0.3) {
            fm.push(format!("phone: \"+1 555 {:04}\"", rng.below(10_000) as u32));
        }
        match rng.weighted(&[30, 10, 60]) {
            0 => fm.push(format!("location: {}", yaml_str(rng.pick::<&str>(CITIES)))),
            1 => fm.push(format!("city: {}", yaml_str(rng.pick::<&str>(CITIES)))),
            _ => {}
        }
        if rng.chance(0.2) {
            fm.push(format!(
                "linkedin: https://www.linkedin.com/in/{}",
                handle.replace('.', "-")
            ));
        }
        if rng.chance(0.1) {
            fm.push(format!("met_at: {} conference", rng.pick(CITIES)));
        }
        self.fm = fm;
        if self.quirks.placeholder {
            self.placeholder_fm();
        }

        // Body.
        if self.rng.chance(0.3) {
            let _ = writeln!(self.body, "# {}\n", p.name);
        }
        let company = *self.rng.pick(COMPANIES);
        let y1 = TODAY.0 - self.rng.range(3, 15) as i64;
        let y2 = y1 + self.rng.range(1, 3) as i64;
        match self.rng.below(3) {
            0 => {
                let _ = writeln!(self.body, "Worked together at [[{company}]] {y1}–{y2}.");
            }
            1 => {
                let _ = writeln!(
                    self.body,
                    "Met at a conference in {} in {y1}.",
                    self.rng.pick(CITIES)
                );
            }
            _ => {
                if let Some(o) = plan.pick_person(&mut self.rng).filter(|&o| o != k) {
                    let l = plan.person_link(&mut self.rng, o);
                    let _ = writeln!(self.body, "Introduced by {l}.");
                }
            }
        }
        self.sentence();
        self.body.push_str("\n\n");

        if self.rng.chance(0.25) {
            let _ = writeln!(self.body, "## Work\n");
            let _ = writeln!(self.body, "- {} at {company}", self.rng.pick(ROLES));
            let words = self.rng.range(3, 8);
            let s = self.phrase(words);
            let _ = writeln!(self.body, "- cares about {s}\n");
        }

        self.person_log(k);

        if self.rng.chance(0.35) {
            let _ = writeln!(self.body, "## Follow-ups\n");
            for _ in 0..self.rng.range(1, 3) {
                let other = plan.pick_person(&mut self.rng).filter(|&o| o != k);
                let other = if self.rng.chance(0.3) { other } else { None };
                let t = self.task_text(today, other);
                let _ = writeln!(self.body, "- [ ] {t}");
            }
            if self.rng.chance(0.4) {
                let t = self.task_text(today - 60, None);
                let _ = writeln!(self.body, "- [x] {t} ✅ {}", date(today - 40));
            }
            self.body.push('\n');
        }

        if self.body.len() < target {
            let _ = writeln!(self.body, "## Notes\n");
            self.fill(target, false);
        }
    }

    fn person_log(&mut self, k: usize) {
        let plan = self.plan;
        let today = plan.today;
        let count = if self.rng.chance(0.15) {
            0
        } else {
            self.rng.range(1, 12)
        };
        if count == 0 && self.rng.chance(0.5) {
            return;
        }
        let mut days = Vec::with_capacity(count + 1);
        let mut d = today - self.rng.below(400) as i64;
        for _ in 0..count {
            days.push(d);
            d -= self.rng.range(5, 120) as i64;
        }
        if self.rng.chance(0.04) {
            days.push(today + self.rng.range(1, 20) as i64);
        }
        days.sort_unstable();
        let newest_first = self.rng.chance(0.6);
        if newest_first {
            days.reverse();
        }
        // 0: list lines, 1: headings, 2: mixed.
        let style = self.rng.weighted(&[70, 15, 15]);
        let _ = writeln!(self.body, "## Log\n");
        for day in days {
            let heading = style == 1 || (style == 2 && self.rng.chance(0.4));
            let kind = *self.rng.pick(LOG_KINDS);
            let mut summary = String::new();
            match self.rng.below(4) {
                0 => {
                    let _ = write!(summary, "talked about {}", self.rng.pick(INTERESTS));
                }
                1 => {
                    let _ = write!(summary, "at {}, ", self.rng.pick(CITIES));
                    let words = self.rng.range(3, 8);
                    summary.push_str(&self.phrase(words));
                }
                2 => {
                    if let Some(o) = plan.pick_person(&mut self.rng).filter(|&o| o != k) {
                        let l = plan.person_link(&mut self.rng, o);
                        let _ = write!(summary, "intro to {l}");
                    } else {
                        summary.push_str("caught up");
                    }
                }
                _ => {
                    let words = self.rng.range(4, 10);
                    summary.push_str(&self.phrase(words));
                }
            }
            match self.rng.weighted(&[76, 12, 12]) {
                1 => summary.push_str(" #gave"),
                2 => summary.push_str(" #got"),
                _ => {}
            }
            let mut when = date(day);
            if !heading && self.rng.chance(0.25) {
                when = format!("[[{when}]]");
            }
            if heading {
                let _ = writeln!(self.body, "### {when} {}\n", capitalize(kind));
                let _ = writeln!(self.body, "{}.\n", capitalize(&summary));
            } else {
                let bullet = if self.rng.chance(0.9) { '-' } else { '*' };
                match self.rng.weighted(&[60, 25, 15]) {
                    0 => {
                        let _ = writeln!(self.body, "{bullet} {when} {kind}: {summary}");
                    }
                    1 => {
                        let _ = writeln!(self.body, "{bullet} {when} {summary}");
                    }
                    _ => {
                        let _ = writeln!(self.body, "{bullet} {when} {kind} — {summary}");
                    }
                }
            }
        }
        if style != 1 && self.rng.chance(0.3) {
            let t = self.task_text(today, None);
            let _ = writeln!(self.body, "- [ ] {t}");
        }
        self.body.push('\n');
    }

    // ------------------------------------------------------------ daily notes

    fn daily(&mut self, day: i64, target: usize) {
        let plan = self.plan;
        let links = self.rng.weighted(&[25, 35, 22, 12, 6]);
        let mut people: Vec<usize> = Vec::with_capacity(links);
        for _ in 0..links {
            if let Some(k) = plan.pick_person(&mut self.rng) {
                people.push(k);
            }
        }
        // Some people only in the properties.
        let in_props = if !people.is_empty() && self.rng.chance(0.1) {
            self.rng.range(1, people.len())
        } else {
            0
        };

        if self.rng.chance(0.35) || in_props > 0 || self.quirks.placeholder {
            let tags = self.rng.pick(&["[daily]", "[daily, journal]", "daily"]);
            self.fm.push(format!("tags: {tags}"));
            if self.rng.chance(0.3) {
                self.fm.push(format!("mood: {}", self.rng.range(1, 10)));
            }
            if in_props > 0 {
                let mut s = String::from("people: [");
                for (j, &k) in people[..in_props].iter().enumerate() {
                    if j > 0 {
                        s.push_str(", ");
                    }
                    let _ = write!(s, "\"[[{}]]\"", plan.people[k].name);
                }
                s.push(']');
                self.fm.push(s);
            }
            if self.quirks.placeholder {
                self.placeholder_fm();
            }
        }

        let (y, m, d) = civil_from_days(day);
        if self.rng.chance(0.5) {
            let wd = WEEKDAYS[(day + 4).rem_euclid(7) as usize];
            let _ = writeln!(self.body, "# {wd}, {d} {} {y}\n", MONTHS[m as usize - 1]);
        }
        if self.quirks.placeholder && self.rng.chance(0.5) {
            let _ = writeln!(self.body, "Created {{{{date}}}} at {{{{time}}}}\n");
        }
        let _ = writeln!(
            self.body,
            "## {}\n",
            self.rng.pick(&["Log", "Today", "Journal", "Notes"])
        );
        self.paragraph();

        for &k in &people[in_props..] {
            let l = plan.person_link(&mut self.rng, k);
            let what = *self.rng.pick(INTERESTS);
            match self.rng.below(6) {
                0 => {
                    let _ = writeln!(self.body, "Coffee with {l}, we talked about {what}.\n");
                }
                1 => {
                    let _ = writeln!(
                        self.body,
                        "- Call with {l} about the {}",
                        self.rng.pick::<&str>(WORDS)
                    );
                }
                2 => {
                    let _ = writeln!(
                        self.body,
                        "- Lunch with {l}: {what} and {}",
                        self.rng.pick::<&str>(WORDS)
                    );
                }
                3 => {
                    let _ = writeln!(self.body, "Ran into {l} at the {}.\n", self.rng.pick(WORDS));
                }
                4 => {
                    let _ = write!(self.body, "Met {l}. ");
                    self.sentence();
                    self.body.push_str("\n\n");
                }
                _ => {
                    let _ = writeln!(
                        self.body,
                        "* {l} shared a {} about {what}",
                        self.rng.pick::<&str>(WORDS)
                    );
                }
            }
        }
        self.body.push('\n');

        if self.rng.chance(0.3) {
            for _ in 0..self.rng.range(1, 3) {
                let person = if self.rng.chance(0.25) {
                    plan.pick_person(&mut self.rng)
                } else {
                    None
                };
                let t = self.task_text(day, person);
                let done = self.rng.chance(0.3);
                let _ = writeln!(self.body, "- [{}] {t}", if done { 'x' } else { ' ' });
            }
            self.body.push('\n');
        }
        if self.rng.chance(0.05) {
            self.code_with_fake_link();
        }
        self.fill(target, true);
    }

    // ------------------------------------------------------------ meetings

    fn meeting(&mut self, k: usize, target: usize) {
        let plan = self.plan;
        let m = &plan.meetings[k];
        let n = self.rng.weighted(&[10, 40, 30, 15, 5]);
        let mut people: Vec<usize> = Vec::with_capacity(n);
        for _ in 0..n {
            if let Some(p) = plan.pick_person(&mut self.rng)
                && !people.contains(&p)
            {
                people.push(p);
            }
        }
        let mut d = date(m.day);
        match self.rng.below(10) {
            0 => d.push_str("T10:30"),
            1 => d.push_str(" 15:00"),
            _ => {}
        }
        if self.quirks.placeholder && self.rng.chance(0.5) {
            self.fm.push("date: {{date}}".to_string());
        } else {
            self.fm.push(format!("date: {d}"));
        }
        if self.rng.chance(0.5) {
            self.fm.push("type: meeting".to_string());
        }
        if !people.is_empty() {
            let key = if self.rng.chance(0.85) {
                "people"
            } else {
                "attendees"
            };
            let links: Vec<String> = people
                .iter()
                .map(|&p| {
                    if self.rng.chance(0.1) {
                        let pp = &plan.people[p];
                        format!("\"[[{}/{}|{}]]\"", pp.folder, pp.name, pp.first())
                    } else {
                        format!("\"[[{}]]\"", plan.people[p].name)
                    }
                })
                .collect();
            if self.rng.chance(0.6) {
                self.fm.push(format!("{key}: [{}]", links.join(", ")));
            } else {
                let mut s = format!("{key}:");
                for l in links {
                    let _ = write!(s, "\n  - {l}");
                }
                self.fm.push(s);
            }
        }
        if self.rng.chance(0.4) {
            self.fm.push("tags: [meeting]".to_string());
        }
        if self.quirks.placeholder {
            self.placeholder_fm();
        }

        let _ = writeln!(self.body, "# {}\n", m.topic);
        let _ = writeln!(self.body, "## Agenda\n");
        for _ in 0..self.rng.range(1, 4) {
            let words = self.rng.range(2, 6);
            let s = self.phrase(words);
            let _ = writeln!(self.body, "- {s}");
        }
        let _ = writeln!(self.body, "\n## Notes\n");
        if let Some(&p) = people.first()
            && self.rng.chance(0.5)
        {
            let l = plan.person_link(&mut self.rng, p);
            let _ = write!(self.body, "{l} opened with the {}. ", self.rng.pick(WORDS));
        }
        self.paragraph();
        if !people.is_empty() && self.rng.chance(0.5) {
            let _ = writeln!(self.body, "## Action items\n");
            for &p in people.iter().take(2) {
                let t = self.task_text(m.day + 7, None);
                let l = plan.person_link(&mut self.rng, p);
                let _ = writeln!(self.body, "- [ ] {l} to {t}");
            }
            self.body.push('\n');
        }
        if self.rng.chance(0.03) {
            self.code_with_fake_link();
        }
        self.fill(target, true);
    }

    // ------------------------------------------------------------ other notes

    fn other(&mut self, k: usize, target: usize) {
        let plan = self.plan;
        let o = &plan.others[k];
        if self.rng.chance(0.5) || self.quirks.placeholder {
            let created = plan.today - self.rng.below(5 * 365) as i64;
            self.fm.push(format!("created: {}", date(created)));
            self.fm.push(format!(
                "tags: [{}, {}]",
                o.topic.to_lowercase(),
                self.rng.pick(&["note", "idea", "reference", "draft"])
            ));
            if self.rng.chance(0.05) {
                // A dated note: mentions here count as contact.
                self.fm.push(format!("date: {}", date(created)));
            }
            if self.rng.chance(0.15)
                && let Some(l) = plan.other_link(&mut self.rng)
            {
                self.fm.push(format!("related: \"{l}\""));
            }
            if self.rng.chance(0.05)
                && let Some(p) = plan.pick_person(&mut self.rng)
            {
                self.fm
                    .push(format!("author: \"[[{}]]\"", plan.people[p].name));
            }
            if self.quirks.placeholder {
                self.placeholder_fm();
            }
        }
        if self.quirks.placeholder && self.rng.chance(0.5) {
            let _ = writeln!(self.body, "# {{{{title}}}}\n");
        } else {
            let _ = writeln!(self.body, "# {}\n", o.title);
        }
        self.paragraph();
        for _ in 0..self.rng.range(1, 4) {
            if let Some(l) = plan.other_link(&mut self.rng) {
                let s = self.phrase(5);
                let _ = writeln!(self.body, "See {l} for {s}.");
            }
        }
        self.body.push('\n');
        if self.rng.chance(0.15)
            && let Some(p) = plan.pick_person(&mut self.rng)
        {
            let l = plan.person_link(&mut self.rng, p);
            let s = self.phrase(4);
            let _ = writeln!(self.body, "{l} recommended this: {s}.\n");
        }
        if self.rng.chance(0.05) {
            let t = self.task_text(plan.today, None);
            let _ = writeln!(self.body, "- [ ] {t}\n");
        }
        if self.rng.chance(0.04) {
            self.code_with_fake_link();
        }
        if self.rng.chance(0.03) {
            let _ = writeln!(
                self.body,
                "| item | status |\n|---|---|\n| {} | done |\n| {} | open |\n",
                self.rng.pick(WORDS),
                self.rng.pick::<&str>(WORDS)
            );
        }
        self.fill(target, true);
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A weighted choice of property key; `""` means "no such property".
fn pick_key(rng: &mut Rng, keys: &[(&'static str, u32)]) -> Option<&'static str> {
    let weights: Vec<u32> = keys.iter().map(|&(_, w)| w).collect();
    let key = keys[rng.weighted(&weights)].0;
    if key.is_empty() { None } else { Some(key) }
}

/// A YAML scalar: plain when safe, double-quoted otherwise.
fn yaml_str(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` ".contains(c) || c.is_ascii_digit())
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !matches!(
            s.to_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "~"
        );
    if plain {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

// ---------------------------------------------------------------- output

/// Every note of the vault, in memory.
#[cfg(test)]
pub fn render_all(opts: Options) -> Vec<Note> {
    let plan = Plan::new(opts);
    (0..plan.note_count()).map(|i| plan.render(i)).collect()
}

/// Writes the vault into `dir`, which must be missing or empty (or, with `force`,
/// a vault this tool generated before, which is replaced).
pub fn write_vault(dir: &Path, opts: Options, force: bool) -> Result<Summary> {
    prepare_dir(dir, force)?;
    let plan = Plan::new(opts);

    let dirs: BTreeSet<PathBuf> = (0..plan.note_count())
        .filter_map(|i| Path::new(&plan.path(i)).parent().map(Path::to_path_buf))
        .collect();
    for d in &dirs {
        fs::create_dir_all(dir.join(d)).with_context(|| format!("creating {}", d.display()))?;
    }
    fs::create_dir_all(dir.join(".obsidian")).context("creating .obsidian")?;
    fs::write(
        dir.join(".obsidian/daily-notes.json"),
        "{\"folder\":\"Journal\",\"format\":\"YYYY-MM-DD\"}\n",
    )
    .context("writing .obsidian/daily-notes.json")?;

    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let n = plan.note_count();
    let results: Vec<Result<Summary>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let plan = &plan;
                s.spawn(move || -> Result<Summary> {
                    let mut summary = Summary::default();
                    for i in (t..n).step_by(threads) {
                        let note = plan.render(i);
                        let path = dir.join(&note.path);
                        fs::write(&path, note.text.as_bytes())
                            .with_context(|| format!("writing {}", path.display()))?;
                        summary.add(&note);
                    }
                    Ok(summary)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(r) => r,
                Err(_) => Err(anyhow::anyhow!("a writer thread panicked")),
            })
            .collect()
    });
    let mut summary = Summary::default();
    for r in results {
        summary.merge(&r?);
    }
    summary.people_outside = plan.people.iter().filter(|p| p.outside).count();
    summary.first_daily = plan.daily_days.first().map(|&d| date(d));
    summary.last_daily = plan.daily_days.last().map(|&d| date(d));

    // Written last: a vault with this file is complete.
    fs::write(dir.join(MARKER), marker(opts)).context("writing the marker file")?;
    Ok(summary)
}

/// The marker file's text for a complete vault of `opts`.
fn marker(opts: Options) -> String {
    format!(
        "{{\"generator\":\"vault-bench\",\"version\":{GENERATOR_VERSION},\"notes\":{},\"seed\":{}}}\n",
        opts.notes, opts.seed
    )
}

/// Whether `dir` holds a complete vault generated for `opts` by this generator version.
pub fn up_to_date(dir: &Path, opts: Options) -> bool {
    fs::read_to_string(dir.join(MARKER)).is_ok_and(|m| m == marker(opts))
}

fn prepare_dir(dir: &Path, force: bool) -> Result<()> {
    if dir.exists() {
        if !dir.is_dir() {
            bail!("{} exists and is not a folder", dir.display());
        }
        let empty = fs::read_dir(dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .next()
            .is_none();
        if !empty {
            if !force {
                bail!(
                    "{} is not empty (pass --force to replace a vault generated by vault-bench)",
                    dir.display()
                );
            }
            if !dir.join(MARKER).is_file() {
                bail!(
                    "{} is not empty and has no {MARKER}: refusing to delete what vault-bench did not write",
                    dir.display()
                );
            }
            fs::remove_dir_all(dir).with_context(|| format!("removing {}", dir.display()))?;
        }
    }
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(notes: usize, seed: u64) -> Options {
        Options { notes, seed }
    }

    #[test]
    fn dates_round_trip() {
        for z in [-30_000i64, -1, 0, 1, 365, 20_000, 20_780] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(date(days_from_civil(2026, 11, 23)), "2026-11-23");
        assert_eq!(date(days_from_civil(2024, 2, 29) + 1), "2024-03-01");
        // 2026-11-23 is a Monday.
        assert_eq!(WEEKDAYS[(today() + 4).rem_euclid(7) as usize], "Monday");
    }

    #[test]
    fn same_count_and_seed_give_identical_notes() {
        let a = render_all(opts(3000, 7));
        let b = render_all(opts(3000, 7));
        assert_eq!(a, b);
        let c = render_all(opts(3000, 8));
        assert_ne!(a, c);
    }

    #[test]
    fn written_vault_is_deterministic() {
        let base = std::env::temp_dir().join(format!("vault-bench-test-{}", std::process::id()));
        let one = base.join("one");
        let two = base.join("two");
        let _ = fs::remove_dir_all(&base);
        let s1 = write_vault(&one, opts(500, 3), false).expect("first vault");
        let s2 = write_vault(&two, opts(500, 3), false).expect("second vault");
        assert_eq!(s1, s2);
        for note in render_all(opts(500, 3)) {
            let a = fs::read(one.join(&note.path)).expect("note in first vault");
            let b = fs::read(two.join(&note.path)).expect("note in second vault");
            assert_eq!(a, b, "{}", note.path);
            assert_eq!(a, note.text.as_bytes());
        }
        let config = fs::read_to_string(one.join(".obsidian/daily-notes.json")).expect("config");
        assert!(config.contains("\"folder\":\"Journal\""));
        // Not empty and not ours: refused even with --force.
        fs::write(one.join(MARKER), "").expect("marker");
        assert!(write_vault(&one, opts(10, 3), false).is_err());
        fs::remove_file(one.join(MARKER)).expect("remove marker");
        assert!(write_vault(&one, opts(10, 3), true).is_err());
        // Ours: replaced with --force.
        assert!(up_to_date(&two, opts(500, 3)));
        assert!(!up_to_date(&two, opts(500, 4)));
        assert!(!up_to_date(&one, opts(500, 3)));
        assert!(write_vault(&two, opts(10, 3), true).is_ok());
        assert!(up_to_date(&two, opts(10, 3)));
        let count = walk_md(&two);
        assert_eq!(count, 10);
        let _ = fs::remove_dir_all(&base);
    }

    fn walk_md(dir: &Path) -> usize {
        let mut n = 0;
        for entry in fs::read_dir(dir).expect("read_dir").flatten() {
            let p = entry.path();
            if p.is_dir() {
                n += walk_md(&p);
            } else if p.extension().is_some_and(|e| e == "md") {
                n += 1;
            }
        }
        n
    }

    #[test]
    fn proportions_and_quirks() {
        let notes = render_all(opts(20_000, 1));
        assert_eq!(notes.len(), 20_000);
        let count = |k: Kind| notes.iter().filter(|n| n.kind == k).count();
        assert_eq!(count(Kind::Person), 1000);
        assert_eq!(count(Kind::Daily), 8000);
        assert_eq!(count(Kind::Meeting), 4000);
        assert_eq!(count(Kind::Other), 7000);

        let paths: HashSet<String> = notes.iter().map(|n| n.path.to_lowercase()).collect();
        assert_eq!(paths.len(), notes.len(), "paths are unique");

        let quirk = |f: fn(&Quirks) -> bool| notes.iter().filter(|n| f(&n.quirks)).count();
        let crlf = quirk(|q| q.crlf);
        let bom = quirk(|q| q.bom);
        let broken = quirk(|q| q.broken_yaml);
        let placeholder = quirk(|q| q.placeholder);
        assert!((120..=280).contains(&crlf), "crlf {crlf}");
        for (what, n) in [
            ("bom", bom),
            ("broken", broken),
            ("placeholder", placeholder),
        ] {
            assert!((50..=150).contains(&n), "{what} {n}");
        }
        assert_eq!(
            notes.iter().filter(|n| n.text.contains("\r\n")).count(),
            crlf
        );
        assert_eq!(
            notes
                .iter()
                .filter(|n| n.text.starts_with('\u{feff}'))
                .count(),
            bom
        );
        assert!(notes.iter().filter(|n| n.text.contains("{{date")).count() >= placeholder / 2);

        let total: usize = notes.iter().map(|n| n.text.len()).sum();
        let mean = total / notes.len();
        assert!((700..=1400).contains(&mean), "mean size {mean}");
        let big = notes.iter().filter(|n| n.text.len() > 10_000).count();
        assert!((30..=150).contains(&big), "{big} notes over 10 KB");
        assert!(notes.iter().all(|n| n.text.len() < 60_000));

        let outside = notes
            .iter()
            .filter(|n| n.kind == Kind::Person && !n.path.starts_with("People/"))
            .count();
        assert!(
            (60..=200).contains(&outside),
            "{outside} people outside People/"
        );
        assert!(
            notes
                .iter()
                .any(|n| n.kind == Kind::Person && n.path.starts_with("People/Work/"))
        );
    }

    #[test]
    fn people_notes_start_with_front_matter() {
        for note in render_all(opts(4000, 11)) {
            if note.kind != Kind::Person {
                continue;
            }
            let text = note.text.trim_start_matches('\u{feff}');
            assert!(text.starts_with("---"), "{}", note.path);
            if !note.quirks.bom {
                assert!(note.text.starts_with("---"), "{}", note.path);
            }
            if !note.path.starts_with("People/") {
                assert!(
                    note.quirks.broken_yaml
                        || text.contains("[[People]]")
                        || text.contains("type: person")
                        || text.contains("tags: [people"),
                    "{} is not marked as a person",
                    note.path
                );
            }
        }
    }

    #[test]
    fn every_property_form_appears() {
        let notes = render_all(opts(20_000, 5));
        let people: String = notes
            .iter()
            .filter(|n| n.kind == Kind::Person)
            .map(|n| n.text.as_str())
            .collect();
        for needle in [
            "\nname: ",
            "\naliases: [",
            "\nalias: ",
            "\nrelationship: ",
            "\ncircle: ",
            "\nprm-relationship: ",
            "\ncadence: ",
            "\ncontactFrequency: ",
            "\ncontact-frequency: ",
            "\nprm-cadence: ",
            "quarterly",
            "6 weeks",
            "14d",
            "\nlast_contact: ",
            "\nlastContact: ",
            "\nlast contact: ",
            "\nbirthday: \"--",
            "\nbirthDate: ",
            "\ncompany: ",
            "\norg: [\"[[",
            "\nrole: ",
            "\njob_title: ",
            "\nsnooze_until: ",
            "\npaused: ",
            "\nfavorite: ",
            "\nfavourite: ",
            "\nprivate: true",
            "\ninterests: ",
            "\ntopics: ",
            "\nemail: ",
            "\nemails: ",
            "\nphone: ",
            "\nlocation: ",
            "\ncity: ",
            "\n## Log",
            "\n### 20",
            "\n- [[20",
            " #gave",
            " #got",
            "📅 20",
            "[due:: 20",
            "categories:\n  - \"[[People]]\"",
            "type: person",
        ] {
            assert!(people.contains(needle), "no person note has {needle:?}");
        }
        let all: String = notes.iter().map(|n| n.text.as_str()).collect();
        for needle in [
            "|",
            "#Work]]",
            "`[[",
            "```markdown\n- [[",
            "\npeople: [\"[[",
            "{{date}}",
        ] {
            assert!(all.contains(needle), "no note has {needle:?}");
        }
    }

    #[test]
    fn daily_notes_are_named_by_unique_dates() {
        for n in [10, 2000, 100_000] {
            let plan = Plan::new(opts(n, 1));
            let days: HashSet<i64> = plan.daily_days.iter().copied().collect();
            assert_eq!(days.len(), plan.daily_days.len());
            assert!(plan.daily_days.iter().all(|&d| d <= today()));
            assert_eq!(plan.note_count(), n);
            if n <= 2000 {
                assert!(plan.daily_days.iter().all(|&d| d > today() - 1096));
            }
        }
        let plan = Plan::new(opts(2000, 1));
        let i = plan.people.len();
        let path = plan.path(i);
        let stem = path
            .rsplit('/')
            .next()
            .unwrap_or("")
            .trim_end_matches(".md");
        assert_eq!(stem.len(), 10);
        assert!(path.starts_with(&format!("Journal/{}/", &stem[..4])));
    }

    #[test]
    fn huge_counts_cap_daily_notes_at_1900() {
        let plan = Plan::new(opts(200_000, 1));
        assert_eq!(plan.note_count(), 200_000);
        let cap = (today() - days_from_civil(1900, 1, 1) + 1) as usize;
        assert_eq!(plan.daily_days.len(), cap);
        assert_eq!(plan.daily_days[0], days_from_civil(1900, 1, 1));
    }

    #[test]
    fn tiny_vaults() {
        assert!(render_all(opts(0, 1)).is_empty());
        let one = render_all(opts(1, 1));
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].kind, Kind::Person);
        assert_eq!(render_all(opts(7, 1)).len(), 7);
    }

    #[test]
    fn yaml_strings() {
        assert_eq!(yaml_str("Anna Smith"), "Anna Smith");
        assert_eq!(yaml_str("O'Brien"), "O'Brien");
        assert_eq!(yaml_str("yes"), "\"yes\"");
        assert_eq!(yaml_str("-x"), "\"-x\"");
        assert_eq!(yaml_str("a: b"), "\"a: b\"");
    }
}
