//! `vault-notes` reads a folder of Markdown notes (an Obsidian vault) into typed notes.
//!
//! It knows Markdown, YAML front matter and Obsidian's conventions — which notes are
//! people, what dates and links they hold, which tasks are open — and nothing about
//! who is overdue. Every problem becomes a [`Diagnostic`] with a path, line and column;
//! no input makes it panic.
//!
//! ```no_run
//! use vault_notes::{ReadOptions, read_vault};
//! let vault = read_vault("my-vault".as_ref(), &ReadOptions::default())?;
//! for note in vault.notes.iter().filter(|n| n.person.is_some()) {
//!     println!("{}", note.path);
//! }
//! # Ok::<(), vault_notes::ReadError>(())
//! ```

mod body;
mod cadence;
mod contact_block;
mod dates;
mod diagnostic;
pub mod edit;
mod frontmatter;
mod line;
mod link;
mod logseq;
mod note;
mod options;
mod people;
mod person;
mod properties;
mod resolve;
pub mod similar;
mod simple_yaml;
mod source;
mod value;
mod vault;
pub mod yaml;

pub use body::{DailyLink, Link, LogLine, Task, plain_text};
pub use cadence::parse_cadence;
pub use dates::{Birthday, JournalFormat, parse_date, parse_date_or_link};
pub use diagnostic::{Diagnostic, Severity};
pub use frontmatter::{Split, split as split_front_matter};
pub use link::{WikiLink, link_label, unlink, wikilinks};
pub use logseq::{
    CONFIG_FILE as LOGSEQ_CONFIG_FILE, Config as LogseqConfig,
    ConfigProblem as LogseqConfigProblem, FileNames, Logseq, file_name_to_page, namespace_leaf,
    page_to_file_name, read_config as read_logseq_config,
};
pub use note::{
    DateSource, Note, PEOPLE_PROPERTIES, Parsed, file_stem, is_people_property, parse_note,
};
pub use options::{ReadOptions, is_under};
pub use people::{FoundBy, PEOPLE_FOLDER_NAMES, is_iso_week, is_people_folder_name, people_folder};
pub use person::Person;
pub use properties::{NAME_PARTS, PROPERTY_TABLE, Property, VALUE_KEYS, ValueKey, key_matches};
pub use resolve::{PersonMatch, Resolver};
pub use source::line_column;
pub use value::Value;
pub use vault::{ReadError, Vault, read_vault};
