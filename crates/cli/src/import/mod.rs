//! Imports: the parsers of the files other tools export (contacts, calendars, mail).

pub mod contact;
pub mod csv;
pub mod vcard;
