//! One-click contact: the `mailto:`, `tel:`, `sms:`, profile and `obsidian://open` links of
//! a card, URL-encoded, the same in the digest, `vault show` and `vault review`.
//!
//! Every link is built from what a note says, so every link is built defensively: a value
//! is percent-encoded wherever it goes into a URL (nothing of it can add a parameter, a
//! recipient or a second address), and a value that cannot make a safe link of its kind
//! (an e-mail address with a comma, a `javascript:` web site) gives no link at all. A
//! link is ASCII only and has no space, quote, bracket or parenthesis, so it is safe in an
//! HTML attribute and as a Markdown link destination as it is.

use serde::Serialize;
use vault_index::Contact;

use crate::draft::Draft;

/// A card's links. Each is a complete URL, safe to put in an `href`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ContactLinks {
    /// `mailto:` the first e-mail address, the draft's subject and body prefilled.
    pub mailto: Option<String>,
    /// `tel:` the phone number.
    pub tel: Option<String>,
    /// `sms:` the phone number, the draft prefilled.
    pub sms: Option<String>,
    /// The LinkedIn profile.
    pub linkedin: Option<String>,
    /// The web site.
    pub url: Option<String>,
    /// `obsidian://open?vault=…&file=…`: the person's note in Obsidian.
    pub obsidian: String,
}

/// The links to reach the person whose note is `note_path` (vault-relative, `/`) in the
/// vault named `vault_name`, with `draft` prefilled where a link can carry it.
pub fn contact_links(
    contact: &Contact,
    draft: Option<&Draft>,
    vault_name: &str,
    note_path: &str,
) -> ContactLinks {
    let phone = contact.phone.as_deref().and_then(phone_number);
    ContactLinks {
        mailto: contact.emails.first().and_then(|e| mailto(e, draft)),
        tel: phone.as_ref().map(|p| format!("tel:{p}")),
        sms: phone.as_ref().map(|p| sms(p, draft)),
        linkedin: contact.linkedin.as_deref().and_then(linkedin),
        url: contact.url.as_deref().and_then(web_url),
        obsidian: obsidian(vault_name, note_path),
    }
}

/// `mailto:` per RFC 6068: the address, then `subject` and `body`, each percent-encoded
/// as UTF-8 with line breaks as `%0D%0A`. `None` when `email` is not one plain address.
fn mailto(email: &str, draft: Option<&Draft>) -> Option<String> {
    let address = email_address(email)?;
    // `+` stays: `sharon+vault@` is common, and `%2B` confuses some mail clients.
    let mut link = format!("mailto:{}", encode(address, b"@+"));
    if let Some(draft) = draft {
        link.push_str("?subject=");
        link.push_str(&encode(&crlf(&draft.subject), b""));
        link.push_str("&body=");
        link.push_str(&encode(&crlf(&draft.body), b""));
    }
    Some(link)
}

/// The address in `email`: as written, after a `mailto:` prefix, or inside the `<…>` of
/// `Sharon Lee <sharon@example.com>`. One `@` with something on each side, and none of
/// the characters that separate addresses or start a header in a `mailto:` (`,` `;` `?`
/// `&` `#` `%`), quotes, brackets, slashes or white space: an address that needs those is
/// not one a note's `email:` means, and guessing would write to someone else.
fn email_address(email: &str) -> Option<&str> {
    let mut address = email.trim();
    if let Some(rest) = strip_prefix_ignore_case(address, "mailto:") {
        address = rest.trim();
    }
    if let (Some(open), true) = (address.rfind('<'), address.ends_with('>')) {
        address = address.get(open + 1..address.len() - 1)?.trim();
    }
    let (local, domain) = address.split_once('@')?;
    let forbidden = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                ',' | ';'
                    | ':'
                    | '?'
                    | '&'
                    | '#'
                    | '%'
                    | '@'
                    | '<'
                    | '>'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '"'
                    | '\''
                    | '\\'
                    | '/'
                    | '='
            )
    };
    let valid = !local.is_empty()
        && !domain.is_empty()
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address.chars().filter(|&c| c != '@').any(forbidden)
        && !domain.contains('@');
    valid.then_some(address)
}

/// The number to dial: a leading `+` and the digits, up to the first letter or
/// separator (an extension, `x12`, `ext. 12`, `;ext=12`, is left off: dialled as part
/// of the number it would reach someone else). `None` with fewer than three digits.
fn phone_number(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let phone = strip_prefix_ignore_case(phone, "tel:")
        .unwrap_or(phone)
        .trim();
    let mut number = String::new();
    if phone.starts_with('+') {
        number.push('+');
    }
    for c in phone.chars() {
        if c.is_ascii_digit() {
            number.push(c);
        } else if c.is_alphabetic() || matches!(c, ';' | ',' | '#' | '*') {
            break;
        }
    }
    (number.chars().filter(char::is_ascii_digit).count() >= 3).then_some(number)
}

/// `sms:NUMBER?&body=…`. The one form both phones fill in: Android's Messages reads the
/// query's `body` (`?body=`, RFC 5724), iOS's Messages reads `&body=` after the number
/// (`;body=` before iOS 8); `?&body=` is a query whose first parameter is empty and
/// whose second is `body`, which each reads as its own. Line breaks as `%0A`: a text
/// message has no CRLF convention, and `%0D%0A` shows as two breaks on some phones.
fn sms(number: &str, draft: Option<&Draft>) -> String {
    match draft {
        Some(draft) => format!(
            "sms:{number}?&body={}",
            encode(&draft.body.replace("\r\n", "\n"), b"")
        ),
        None => format!("sms:{number}"),
    }
}

/// A LinkedIn profile: a full `https://…linkedin.com/…` URL is kept (an `http://` one
/// is made `https://`, one without a scheme gains it); a handle (`in/x`, `/in/x`, `@x`
/// or `x`) becomes `https://www.linkedin.com/in/x` (`company/x` a company page). `None`
/// for anything else: another site, or a handle with characters no LinkedIn address has.
fn linkedin(value: &str) -> Option<String> {
    let value = value.trim();
    if let Some(url) = web_url(value).filter(|_| has_scheme(value)) {
        if !is_linkedin_host(host_of(&url)?) {
            return None;
        }
        return Some(match strip_prefix_ignore_case(&url, "http://") {
            Some(rest) => format!("https://{rest}"),
            None => url,
        });
    }
    // `www.linkedin.com/in/x`, `linkedin.com/in/x`.
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("linkedin.com/") || lower.starts_with("www.linkedin.com/") {
        return web_url(&format!("https://{value}"));
    }
    let handle = value.trim_start_matches('/').trim_end_matches('/');
    let (section, handle) = match handle.split_once('/') {
        Some((section, rest)) => {
            let section = section.to_ascii_lowercase();
            if !matches!(section.as_str(), "in" | "company" | "pub" | "school") {
                return None;
            }
            (section, rest)
        }
        None => ("in".to_owned(), handle.strip_prefix('@').unwrap_or(handle)),
    };
    let valid = !handle.is_empty()
        && handle
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    valid.then(|| format!("https://www.linkedin.com/{section}/{}", encode(handle, b"")))
}

fn is_linkedin_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == "linkedin.com" || host.ends_with(".linkedin.com")
}

/// A web site: an `http://` or `https://` URL with a host, or a bare `example.com/x`
/// (made `https://`). Any other scheme (`javascript:`, `data:`, `file:`) gives `None`,
/// as does white space inside the URL. Characters that are not safe in an attribute or
/// a Markdown link destination are percent-encoded; the rest is kept as written.
fn web_url(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let url = if has_scheme(value) {
        let lower = value.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return None;
        }
        value.to_owned()
    } else {
        // A bare host: `sharon.dev`, `sharon.dev/blog`.
        let host = value.split(['/', '?', '#']).next().unwrap_or_default();
        let plausible = host.contains('.')
            && !host.starts_with('.')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'));
        if !plausible {
            return None;
        }
        format!("https://{value}")
    };
    let host = host_of(&url)?;
    if host.is_empty()
        || !host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']'))
    {
        return None;
    }
    Some(encode_unsafe(&url))
}

/// Whether `value` starts with a URI scheme (`https:`, `javascript:`).
fn has_scheme(value: &str) -> bool {
    let Some((scheme, _)) = value.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The host (with its port) of an `http(s)://` URL, after any `user@`.
fn host_of(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    Some(
        authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host),
    )
}

/// `obsidian://open?vault=…&file=…`, as Obsidian's URI documentation says
/// (help.obsidian.md/uri): the vault's name and the note's vault-relative path without
/// `.md`, each percent-encoded (`/` is `%2F`, a space `%20`).
fn obsidian(vault_name: &str, note_path: &str) -> String {
    let file = note_path.strip_suffix(".md").unwrap_or(note_path);
    format!(
        "obsidian://open?vault={}&file={}",
        encode(vault_name, b""),
        encode(file, b"")
    )
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// Line breaks as CRLF, as RFC 6068 wants them in a `mailto:` body.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// `text` percent-encoded as UTF-8: every byte but RFC 3986's unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`) and those in `keep`.
fn encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            push_escaped(&mut out, byte);
        }
    }
    out
}

/// A URL as written, with what is unsafe in an attribute or a Markdown link destination
/// percent-encoded: non-ASCII, quotes, angle brackets, parentheses, square brackets
/// outside the host, backslashes, braces, pipes, carets, backticks, `$`, and a `%` that
/// does not start an escape.
fn encode_unsafe(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    for (i, &byte) in bytes.iter().enumerate() {
        let escape_start = byte == b'%'
            && bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        let safe = byte.is_ascii_alphanumeric()
            // `$` is not here: Obsidian could read it as the start of maths.
            || b"-._~:/?#@!&*+,;=".contains(&byte)
            || ((byte == b'[' || byte == b']') && is_in_host(url, i))
            || escape_start;
        if safe {
            out.push(char::from(byte));
        } else {
            push_escaped(&mut out, byte);
        }
    }
    out
}

/// Whether byte `at` of `url` is in its host (the brackets of an IPv6 address are).
fn is_in_host(url: &str, at: usize) -> bool {
    let Some(start) = url.find("://").map(|i| i + 3) else {
        return false;
    };
    let end = url[start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| start + i);
    (start..end).contains(&at)
}

fn push_escaped(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(byte >> 4)]));
    out.push(char::from(HEX[usize::from(byte & 0xF)]));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact() -> Contact {
        Contact {
            emails: vec!["sharon@example.com".into(), "s.lee@work.example".into()],
            phone: Some("+1 (555) 010-0199".into()),
            linkedin: Some("in/example-sharon".into()),
            url: Some("https://sharon.example/blog".into()),
            location: Some("Berlin".into()),
            place: Some("Coffee Café".into()),
        }
    }

    fn draft(subject: &str, body: &str) -> Draft {
        Draft {
            subject: subject.into(),
            body: body.into(),
        }
    }

    /// Every character a link may hold as it is: no space, quote, bracket, parenthesis
    /// or anything outside ASCII.
    fn assert_plain(link: &str) {
        assert!(
            link.chars().all(|c| c.is_ascii_graphic()
                && !matches!(
                    c,
                    '"' | '\'' | '<' | '>' | '(' | ')' | '`' | '\\' | '{' | '}' | '|' | '^'
                )),
            "unsafe character in {link}"
        );
    }

    fn links(contact: &Contact, draft: Option<&Draft>) -> ContactLinks {
        let links = contact_links(contact, draft, "My Vault", "People/Sharon Lee.md");
        for link in [
            &links.mailto,
            &links.tel,
            &links.sms,
            &links.linkedin,
            &links.url,
        ]
        .into_iter()
        .flatten()
        .chain([&links.obsidian])
        {
            assert_plain(link);
        }
        links
    }

    #[test]
    fn every_link_of_a_full_card() {
        let d = draft("Catching up", "Hi Sharon,\n\nCoffee & a walk?\n\nAlex");
        let links = links(&contact(), Some(&d));
        assert_eq!(
            links.mailto.as_deref(),
            Some(
                "mailto:sharon@example.com?subject=Catching%20up&body=Hi%20Sharon%2C%0D%0A%0D%0ACoffee%20%26%20a%20walk%3F%0D%0A%0D%0AAlex"
            ),
            "the first address; spaces %20, breaks %0D%0A, & and ? encoded"
        );
        assert_eq!(links.tel.as_deref(), Some("tel:+15550100199"));
        assert_eq!(
            links.sms.as_deref(),
            Some("sms:+15550100199?&body=Hi%20Sharon%2C%0A%0ACoffee%20%26%20a%20walk%3F%0A%0AAlex")
        );
        assert_eq!(
            links.linkedin.as_deref(),
            Some("https://www.linkedin.com/in/example-sharon")
        );
        assert_eq!(links.url.as_deref(), Some("https://sharon.example/blog"));
        assert_eq!(
            links.obsidian,
            "obsidian://open?vault=My%20Vault&file=People%2FSharon%20Lee"
        );
    }

    #[test]
    fn without_a_draft_the_links_carry_no_message() {
        let links = links(&contact(), None);
        assert_eq!(links.mailto.as_deref(), Some("mailto:sharon@example.com"));
        assert_eq!(links.sms.as_deref(), Some("sms:+15550100199"));
    }

    #[test]
    fn an_empty_card_has_only_the_note() {
        let links = links(&Contact::default(), None);
        assert_eq!(
            links,
            ContactLinks {
                obsidian: "obsidian://open?vault=My%20Vault&file=People%2FSharon%20Lee".into(),
                ..ContactLinks::default()
            }
        );
    }

    #[test]
    fn mailto_encodes_every_reserved_character_and_non_ascii() {
        let d = draft(
            "Kaffee? #1 & 100% \"sicher\"",
            "Grüße, José 👋\r\nline two\nsubject=x&body=y",
        );
        let link = mailto("jose@example.com", Some(&d)).unwrap_or_default();
        assert_eq!(
            link,
            "mailto:jose@example.com?subject=Kaffee%3F%20%231%20%26%20100%25%20%22sicher%22&body=Gr%C3%BC%C3%9Fe%2C%20Jos%C3%A9%20%F0%9F%91%8B%0D%0Aline%20two%0D%0Asubject%3Dx%26body%3Dy"
        );
        // One `?`, one `&`: nothing in the draft adds a header.
        assert_eq!(link.matches('?').count(), 1, "{link}");
        assert_eq!(link.matches('&').count(), 1, "{link}");
    }

    #[test]
    fn an_address_is_taken_from_the_ways_people_write_one() {
        for (written, address) in [
            ("  sharon@example.com ", "sharon@example.com"),
            ("mailto:sharon@example.com", "sharon@example.com"),
            ("MAILTO:sharon@example.com", "sharon@example.com"),
            ("Sharon Lee <sharon@example.com>", "sharon@example.com"),
            ("sharon+vault@example.com", "sharon+vault@example.com"),
        ] {
            assert_eq!(
                mailto(written, None).as_deref(),
                Some(format!("mailto:{address}").as_str()),
                "{written}"
            );
        }
        // Non-ASCII addresses (RFC 6531) are encoded as UTF-8.
        assert_eq!(
            mailto("josé@example.com", None).as_deref(),
            Some("mailto:jos%C3%A9@example.com")
        );
    }

    #[test]
    fn a_hostile_address_gives_no_link() {
        for hostile in [
            "sharon@example.com?cc=evil@example.net",
            "sharon@example.com&body=send%20money",
            "sharon@example.com,evil@example.net",
            "sharon@example.com;evil@example.net",
            "sharon@example.com\nBcc: evil@example.net",
            "\"><script>alert(1)</script>@example.com",
            "javascript:alert(1)",
            "sharon@example.com#x",
            "sharon at example.com",
            "@example.com",
            "sharon@",
            "a@b@c",
            "",
        ] {
            assert_eq!(mailto(hostile, None), None, "{hostile:?}");
        }
        // A hostile draft cannot reach the address part either.
        let d = draft("x", "&to=evil@example.net\r\n");
        let link = mailto("sharon@example.com", Some(&d)).unwrap_or_default();
        assert!(
            link.ends_with("&body=%26to%3Devil%40example.net%0D%0A"),
            "{link}"
        );
    }

    #[test]
    fn phone_numbers_keep_the_plus_and_the_digits() {
        for (written, number) in [
            ("+1 (555) 010-0199", Some("+15550100199")),
            ("+44 20 7946 0958", Some("+442079460958")),
            ("030 / 1234-567", Some("0301234567")),
            ("tel:+49.30.1234", Some("+49301234")),
            ("+1 555 0100 ext. 12", Some("+15550100")),
            ("555-0100 x12", Some("5550100")),
            ("+1 555 0100;ext=12", Some("+15550100")),
            ("+1 555 0100 ZQXPRIV", Some("+15550100")),
            ("12", None),
            ("call me", None),
            ("\"><script>alert(1)</script>", None),
            ("javascript:alert(1)", None),
            ("", None),
        ] {
            assert_eq!(phone_number(written).as_deref(), number, "{written:?}");
        }
        // A `+` only counts at the start.
        assert_eq!(phone_number("555+0100").as_deref(), Some("5550100"));
    }

    #[test]
    fn sms_prefills_the_body_for_ios_and_android() {
        let d = draft("ignored", "Hi Tom,\nlunch?&body=evil");
        assert_eq!(
            sms("+15550100", Some(&d)),
            "sms:+15550100?&body=Hi%20Tom%2C%0Alunch%3F%26body%3Devil"
        );
    }

    #[test]
    fn linkedin_urls_and_handles() {
        for (written, url) in [
            (
                "https://www.linkedin.com/in/example-sharon",
                Some("https://www.linkedin.com/in/example-sharon"),
            ),
            (
                "https://de.linkedin.com/in/jonas-weber/",
                Some("https://de.linkedin.com/in/jonas-weber/"),
            ),
            (
                "http://linkedin.com/in/tom",
                Some("https://linkedin.com/in/tom"),
            ),
            (
                "www.linkedin.com/in/tom",
                Some("https://www.linkedin.com/in/tom"),
            ),
            (
                "in/tom-becker",
                Some("https://www.linkedin.com/in/tom-becker"),
            ),
            (
                "/in/tom-becker/",
                Some("https://www.linkedin.com/in/tom-becker"),
            ),
            ("tom-becker", Some("https://www.linkedin.com/in/tom-becker")),
            ("@tom", Some("https://www.linkedin.com/in/tom")),
            (
                "company/initech",
                Some("https://www.linkedin.com/company/initech"),
            ),
            (
                "josé-garcía",
                Some("https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa"),
            ),
            // Not LinkedIn, or not a handle.
            ("https://evil.example/in/tom", None),
            ("https://www.linkedin.com.evil.example/in/tom", None),
            ("https://evil.example/?https://www.linkedin.com/", None),
            ("https://linkedin.com@evil.example/in/tom", None),
            ("javascript:alert(1)", None),
            ("JavaScript://www.linkedin.com/%0aalert(1)", None),
            ("in/tom\"><script>alert(1)</script>", None),
            ("tom becker", None),
            ("feed/update", None),
            ("", None),
        ] {
            assert_eq!(linkedin(written).as_deref(), url, "{written:?}");
        }
    }

    #[test]
    fn only_web_urls_are_kept() {
        for (written, url) in [
            ("https://sharon.example", Some("https://sharon.example")),
            (
                "HTTP://Sharon.Example/a?b=c#d",
                Some("HTTP://Sharon.Example/a?b=c#d"),
            ),
            ("sharon.example/blog", Some("https://sharon.example/blog")),
            (
                "https://example.com/a%20b",
                Some("https://example.com/a%20b"),
            ),
            (
                "https://example.com/\"onmouseover=alert(1)",
                Some("https://example.com/%22onmouseover=alert%281%29"),
            ),
            (
                "https://example.com/<script>",
                Some("https://example.com/%3Cscript%3E"),
            ),
            ("https://example.com/ü 100%", None),
            ("https://example.com/ü", Some("https://example.com/%C3%BC")),
            (
                "https://example.com/100%",
                Some("https://example.com/100%25"),
            ),
            ("https://[::1]:8080/x", Some("https://[::1]:8080/x")),
            (
                "https://example.com/[x]",
                Some("https://example.com/%5Bx%5D"),
            ),
            ("javascript:alert(1)", None),
            ("JAVASCRIPT:alert(1)", None),
            (" javascript:alert(document.cookie)", None),
            ("data:text/html,<script>alert(1)</script>", None),
            ("file:///etc/passwd", None),
            ("vbscript:msgbox", None),
            ("https://", None),
            ("https://exa mple.com", None),
            ("https://example.com\n<script>", None),
            ("https://\"><script>/", None),
            ("localhost", None),
            ("just words", None),
            ("", None),
        ] {
            assert_eq!(web_url(written).as_deref(), url, "{written:?}");
        }
    }

    #[test]
    fn the_obsidian_link_encodes_the_vault_and_the_path() {
        assert_eq!(
            obsidian("example-vault", "People/Sharon Lee.md"),
            "obsidian://open?vault=example-vault&file=People%2FSharon%20Lee"
        );
        assert_eq!(
            obsidian("Brain & Co #1", "👥 People/José \"JJ\" O'Neil?.md"),
            "obsidian://open?vault=Brain%20%26%20Co%20%231&file=%F0%9F%91%A5%20People%2FJos%C3%A9%20%22JJ%22%20O%27Neil%3F"
        );
        // Only the extension goes: `.md` inside the name stays.
        assert_eq!(
            obsidian("v", "People/a.md.md"),
            "obsidian://open?vault=v&file=People%2Fa.md"
        );
    }

    #[test]
    fn hostile_values_never_escape_their_link() {
        let hostile = Contact {
            emails: vec!["\"><img src=x onerror=alert(1)>@x.example".into()],
            phone: Some("+1 555 0100\"><script>alert(1)</script>".into()),
            linkedin: Some("javascript:alert(1)".into()),
            url: Some("javascript:alert(1)".into()),
            location: None,
            place: None,
        };
        let d = draft("\"><script>", "</textarea><script>alert(1)</script>&body=x");
        let links = contact_links(&hostile, Some(&d), "v\"><x", "People/<b>.md");
        assert_eq!(links.mailto, None);
        assert_eq!(links.tel.as_deref(), Some("tel:+15550100"));
        assert_eq!(links.linkedin, None);
        assert_eq!(links.url, None);
        let sms = links.sms.unwrap_or_default();
        assert_plain(&sms);
        assert!(sms.ends_with("%26body%3Dx"), "{sms}");
        assert_plain(&links.obsidian);
        assert_eq!(
            links.obsidian,
            "obsidian://open?vault=v%22%3E%3Cx&file=People%2F%3Cb%3E"
        );
    }
}
