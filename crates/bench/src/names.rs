//! Word lists, and unique person names.

#[rustfmt::skip]
pub const FIRST_NAMES: &[&str] = &[
    "Aaliyah", "Abdul", "Ada", "Adaeze", "Aditi", "Adrian", "Agnes", "Ahmed", "Aiko", "Alan",
    "Alejandro", "Alice", "Amara", "Amir", "Ana", "Anders", "Andrea", "Anil", "Anna", "Antoine",
    "Aria", "Arjun", "Astrid", "Ayesha", "Beatriz", "Ben", "Bianca", "Björn", "Bongani",
    "Bruno", "Camila", "Carlos", "Carmen", "Chen", "Chidi", "Chloe", "Chris", "Clara", "Dana",
    "Daniel", "Daria", "David", "Deepa", "Diego", "Dmitri", "Elena", "Elif", "Emeka", "Emma",
    "Enzo", "Erik", "Esther", "Fatima", "Felix", "Fernanda", "Fiona", "François", "Freya",
    "Gabriel", "Grace", "Hana", "Hannah", "Hassan", "Helga", "Hiro", "Ibrahim", "Ines",
    "Ingrid", "Isaac", "Isabel", "Ivan", "Jade", "James", "Javier", "Jin", "João", "Jonas",
    "Julia", "Kai", "Karim", "Katarzyna", "Kavya", "Kenji", "Kofi", "Lars", "Layla", "Lea",
    "Leila", "Leon", "Liam", "Lina", "Lucas", "Lucía", "Mabel", "Maja", "Malik", "Marco",
    "Maria", "Mateo", "Mei", "Mia", "Mikhail", "Min-jun", "Nadia", "Naomi", "Nia", "Nikolai",
    "Noah", "Nour", "Olga", "Oliver", "Omar", "Paolo", "Priya", "Quentin", "Rafael", "Rania",
    "Ravi", "Rosa", "Ruth", "Sakura", "Samir", "Sara", "Sharon", "Sina", "Siobhan", "Sofia",
    "Sven", "Tamar", "Tariq", "Thabo", "Theo", "Tomás", "Uma", "Valentina", "Vikram", "Wei",
    "Xavier", "Yara", "Yusuf", "Zainab", "Zara", "Zoe",
];

#[rustfmt::skip]
pub const LAST_NAMES: &[&str] = &[
    "Abara", "Adeyemi", "Ahmadi", "Alvarez", "Andersson", "Ango", "Bakker", "Banerjee",
    "Becker", "Bianchi", "Brennan", "Brown", "Castro", "Chambers", "Chen", "Cohen", "Costa",
    "Dahl", "Dubois", "Dumont", "Eriksen", "Eze", "Fernández", "Fischer", "Fitzgerald",
    "Fontaine", "García", "Ghosh", "Gonzalez", "Gupta", "Haddad", "Hansen", "Hashimoto",
    "Herrera", "Hoffmann", "Hughes", "Ibrahim", "Ivanova", "Jansen", "Jensen", "Johansson",
    "Kaur", "Kelly", "Kim", "Kowalski", "Kumar", "Larsen", "Laurent", "Lee", "Li", "Lindqvist",
    "López", "Mahlangu", "Martin", "Martins", "Mehta", "Meyer", "Moreau", "Morales", "Moretti",
    "Müller", "Murphy", "Nakamura", "Nascimento", "Nguyen", "Nielsen", "Novak", "Nowak", "Obi",
    "O'Brien", "Okafor", "Oliveira", "Olsen", "Ortiz", "Park", "Patel", "Pereira", "Petrov",
    "Popescu", "Quinn", "Rahman", "Ramos", "Reddy", "Ricci", "Rodríguez", "Romano", "Rossi",
    "Sato", "Schmidt", "Schneider", "Silva", "Singh", "Smith", "Sokolov", "Souza", "Suzuki",
    "Svensson", "Takahashi", "Tanaka", "Taylor", "Torres", "Tran", "Van Dijk", "Vargas",
    "Wagner", "Walsh", "Wang", "Weber", "Williams", "Wilson", "Wójcik", "Xu", "Yamamoto",
    "Yilmaz", "Zhang", "Zimmermann",
];

#[rustfmt::skip]
pub const COMPANIES: &[&str] = &[
    "Acme", "Initech", "Globex", "Umbrella Labs", "Hooli", "Vandelay Industries", "Stark Works",
    "Wayne Enterprises", "Soylent", "Tyrell", "Cyberdyne", "Aperture", "Black Mesa",
    "Gringotts", "Monsters Inc", "Wonka", "Oscorp", "Pied Piper", "Dunder Mifflin", "Nakatomi",
    "Massive Dynamic", "Prestige Worldwide", "Bluth Company", "Sterling Cooper", "Los Pollos",
    "Paper Street",
];

#[rustfmt::skip]
pub const ROLES: &[&str] = &[
    "Staff Engineer", "Engineering Manager", "Product Manager", "Designer", "Data Scientist",
    "SRE", "CTO", "VP Engineering", "Recruiter", "Founder", "Principal Engineer", "Researcher",
    "Tech Lead", "Head of Design", "Analyst", "Consultant", "Developer Advocate", "COO",
];

#[rustfmt::skip]
pub const RELATIONSHIPS: &[&str] = &[
    "ally", "mentor", "mentee", "friend", "peer", "colleague", "former-colleague", "executive",
    "connection", "knitting buddy", "investor",
];

/// Every cadence phrase form the README lists, and a bare number of days.
#[rustfmt::skip]
pub const CADENCES: &[&str] = &[
    "14d", "2w", "6 weeks", "3 months", "1 year", "weekly", "biweekly", "monthly", "quarterly",
    "yearly", "45", "30d", "8 weeks", "2 months",
];

#[rustfmt::skip]
pub const CITIES: &[&str] = &[
    "Berlin", "Lagos", "São Paulo", "Toronto", "Tokyo", "Bangalore", "London", "Nairobi",
    "Melbourne", "Austin", "Lisbon", "Seoul", "Stockholm", "Mexico City", "Cape Town", "Dublin",
];

#[rustfmt::skip]
pub const INTERESTS: &[&str] = &[
    "sourdough", "distributed systems", "climbing", "knitting", "jazz", "chess", "gardening",
    "running", "photography", "board games", "sci-fi", "cycling", "poetry", "woodworking",
    "rust", "typography", "birding", "pottery", "sailing", "urban sketching", "coffee", "tea",
];

#[rustfmt::skip]
pub const TOPICS: &[&str] = &[
    "Engineering", "Leadership", "Reading", "Projects", "Ideas", "Cooking", "Travel", "Health",
    "Finance", "Writing", "Research", "Hiring", "Architecture", "Productivity", "Home",
];

#[rustfmt::skip]
pub const MEETING_TOPICS: &[&str] = &[
    "Roadmap sync", "1-1", "Design review", "Incident review", "Hiring loop",
    "Quarterly planning", "Coffee chat", "Architecture forum", "Retro", "Mentoring session",
    "Budget review", "Customer call", "Demo day", "Offsite planning", "Lunch",
];

#[rustfmt::skip]
pub const LOG_KINDS: &[&str] = &[
    "coffee", "call", "lunch", "dinner", "video call", "walk", "email", "conference", "drinks",
    "message",
];

#[rustfmt::skip]
pub const TITLE_WORDS: &[&str] = &[
    "Notes", "on", "Thinking", "about", "Systems", "Habits", "Writing", "Feedback", "Trust",
    "Teams", "Growth", "Design", "Maps", "Questions", "Patterns", "Time", "Focus", "Learning",
    "Books", "Tools", "Energy", "Decisions", "Craft", "Ownership", "Clarity", "Rituals",
    "Reviews", "Goals", "Meetings", "Boundaries", "Networks", "Careers", "Mentors", "Allies",
];

#[rustfmt::skip]
pub const WORDS: &[&str] = &[
    "the", "a", "and", "of", "to", "in", "we", "talked", "about", "new", "role", "team",
    "project", "plan", "idea", "week", "sprint", "release", "launch", "budget", "hiring",
    "review", "feedback", "coffee", "lunch", "conference", "talk", "paper", "book", "podcast",
    "migration", "database", "latency", "incident", "oncall", "design", "prototype", "customer",
    "interview", "promotion", "offsite", "roadmap", "quarter", "goal", "metric", "dashboard",
    "is", "was", "will", "should", "could", "maybe", "really", "quite", "very", "still", "next",
    "last", "after", "before", "with", "for", "from", "on", "that", "this", "it", "kids",
    "weekend", "garden", "trip", "move", "house", "bike", "run", "marathon", "recipe",
    "sourdough", "music", "concert", "festival", "museum", "movie", "series", "game", "chess",
    "friend", "mentor", "manager", "colleague", "partner", "intro", "reference", "advice",
    "career", "growth", "learning", "writing", "notes", "habit", "focus", "energy", "calm",
    "busy", "tired", "happy", "excited", "worried", "curious", "grateful", "honest", "useful",
    "remember", "follow", "up", "send", "ask", "share", "read", "write", "call", "visit",
    "because", "although", "while", "since", "until", "then", "so", "but", "or", "also",
];

/// A unique display name for person number `i`. Names are unique for every `i`:
/// the first `F × L` indices are distinct (first, last) pairs, then a middle initial
/// is added, then a Roman-style generation suffix.
pub fn person_name(i: usize) -> String {
    let f = FIRST_NAMES.len();
    let l = LAST_NAMES.len();
    let per_round = f * l;
    let round = i / per_round;
    let j = i % per_round;
    // (a, b) = (j mod F, (j div F + 37·a) mod L) is a bijection on 0..F·L, and it
    // spreads consecutive indices over different last names.
    let a = j % f;
    let b = (j / f + 37 * a) % l;
    let first = FIRST_NAMES[a];
    let last = LAST_NAMES[b];
    if round == 0 {
        return format!("{first} {last}");
    }
    let middle = (round - 1) % 26;
    let generation = (round - 1) / 26;
    let initial = char::from(b'A' + middle as u8);
    if generation == 0 {
        format!("{first} {initial}. {last}")
    } else {
        format!("{first} {initial}. {last} {}", generation + 1)
    }
}

/// A nickname for a first name, as people write them in aliases ("Shaz", "Dani").
pub fn nickname(first: &str, variant: usize) -> String {
    let chars: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    let stem: String = chars.iter().take(3.min(chars.len())).collect();
    match variant % 4 {
        0 => format!("{stem}z"),
        1 => format!("{stem}i"),
        2 => format!("{stem}s"),
        _ => format!("{stem}-{stem}").to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn person_names_are_unique() {
        let n = FIRST_NAMES.len() * LAST_NAMES.len() * 28 + 100;
        let mut seen = HashSet::with_capacity(n);
        for i in 0..n {
            let name = person_name(i);
            assert!(
                seen.insert(name.to_lowercase()),
                "duplicate name {name} at {i}"
            );
        }
    }

    #[test]
    fn names_are_safe_file_names() {
        for i in 0..5000 {
            let name = person_name(i);
            assert!(
                !name.contains(['/', '\\', ':', '#', '|', '^', '[', ']']),
                "{name}"
            );
        }
    }

    #[test]
    fn nickname_forms() {
        assert_eq!(nickname("Sharon", 0), "Shaz");
        assert_eq!(nickname("Dana", 1), "Dani");
        assert_eq!(nickname("Jo", 2), "Jos");
    }
}
