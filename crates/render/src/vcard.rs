//! `vault export vcard`: a vCard 3.0 (RFC 2426) per person, the properties their note
//! gives, so that an address book can take them in, and `vault import vcard` finds
//! nothing new in them.

use vault_index::PersonView;

use crate::content_line::{push, stable_id, text};

/// The people as vCards, CRLF line ends, folded, every text escaped.
pub fn vcards(people: &[PersonView]) -> String {
    let mut out = String::new();
    for view in people {
        vcard(&mut out, view);
    }
    out
}

fn vcard(out: &mut String, view: &PersonView) {
    let p = &view.person;
    let contact = &view.card.contact;
    push(out, "BEGIN", "VCARD");
    push(out, "VERSION", "3.0");
    push(
        out,
        "UID",
        &format!("vault-{}", stable_id(&["person", &p.path])),
    );
    push(out, "FN", &text(&p.name));
    let (given, family, suffix) = name_parts(&p.name);
    push(
        out,
        "N",
        &format!("{};{};;;{}", text(family), text(given), text(suffix)),
    );
    if !view.aliases.is_empty() {
        let nicknames: Vec<String> = view.aliases.iter().map(|a| text(a)).collect();
        push(out, "NICKNAME", &nicknames.join(","));
    }
    for (i, email) in contact.emails.iter().enumerate() {
        let kind = if i == 0 {
            "EMAIL;TYPE=INTERNET,PREF"
        } else {
            "EMAIL;TYPE=INTERNET"
        };
        push(out, kind, &text(email));
    }
    if let Some(phone) = &contact.phone {
        push(out, "TEL;TYPE=VOICE", &text(phone));
    }
    if let Some(company) = p.company.first() {
        push(out, "ORG", &text(company));
    }
    if let Some(role) = &p.role {
        push(out, "TITLE", &text(role));
    }
    if let Some(birthday) = p.birthday {
        // `1984-12-02`, or `--12-02` without a year (RFC 6350's form, which Apple's and
        // Google's address books read in 3.0 files too).
        push(out, "BDAY", &birthday.to_string());
    }
    if let Some(linkedin) = &contact.linkedin {
        // Address books differ: Google shows URLs, Apple social profiles.
        push(out, "URL", &text(linkedin));
        push(out, "X-SOCIALPROFILE;TYPE=linkedin", &text(linkedin));
    }
    if let Some(url) = &contact.url {
        push(out, "URL", &text(url));
    }
    if let Some(location) = &contact.location {
        push(out, "ADR;TYPE=HOME", &format!(";;;{};;;", text(location)));
    }
    push(out, "END", "VCARD");
}

/// A display name as vCard's given name, family name and suffix: the last word is the
/// family name (`Sharon Lee` is `Sharon` and `Lee`), what follows a comma a suffix
/// (`Pat Smith, Jr.`); a single word is a given name.
fn name_parts(name: &str) -> (&str, &str, &str) {
    let (name, suffix) = match name.rsplit_once(',') {
        Some((name, suffix)) => (name, suffix.trim()),
        None => (name, ""),
    };
    let name = name.trim();
    match name.rsplit_once(char::is_whitespace) {
        Some((given, family)) => (given.trim_end(), family, suffix),
        None => (name, "", suffix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_the_last_word() {
        assert_eq!(name_parts("Sharon Lee"), ("Sharon", "Lee", ""));
        assert_eq!(name_parts("Mary Ann  Evans"), ("Mary Ann", "Evans", ""));
        assert_eq!(name_parts("Pat Smith, Jr."), ("Pat", "Smith", "Jr."));
        assert_eq!(name_parts("Cher"), ("Cher", "", ""));
        assert_eq!(name_parts(""), ("", "", ""));
    }
}
