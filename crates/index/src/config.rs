//! The settings that decide statuses and the digest, with their defaults.

use std::collections::BTreeMap;

/// Built-in cadences by relationship, in days. Anything else gets [`FALLBACK_CADENCE_DAYS`].
pub const DEFAULT_CADENCES: &[(&str, u32)] = &[
    ("ally", 30),
    ("mentee", 30),
    ("friend", 30),
    ("mentor", 60),
    ("peer", 60),
    ("colleague", 60),
    ("former-colleague", 90),
    ("executive", 90),
    ("connection", 180),
];

/// The cadence of a relationship that is not in the table, or of a person with none.
pub const FALLBACK_CADENCE_DAYS: u32 = 90;

/// What the index needs to know beyond the notes and today.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Cadence in days by relationship (lower-case). Default: [`DEFAULT_CADENCES`].
    pub cadences: BTreeMap<String, u32>,
    /// "Due soon" means due within this many days. Default: 7.
    pub due_soon_days: u32,
    /// How many people to suggest each week. Default: 3.
    pub suggestions: usize,
    /// Reconnects wanted per month. Default: 2.
    pub monthly_goal: u32,
    /// How far ahead "Coming up" looks, in days. Default: 14.
    pub upcoming_days: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            cadences: DEFAULT_CADENCES
                .iter()
                .map(|(r, d)| ((*r).to_owned(), *d))
                .collect(),
            due_soon_days: 7,
            suggestions: 3,
            monthly_goal: 2,
            upcoming_days: 14,
        }
    }
}

impl Config {
    /// The cadence for a person: explicit, else by relationship, else 90 days.
    pub fn cadence_days(&self, explicit: Option<u32>, relationship: Option<&str>) -> u32 {
        explicit
            .or_else(|| relationship.and_then(|r| self.cadences.get(&r.to_lowercase()).copied()))
            .unwrap_or(FALLBACK_CADENCE_DAYS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadence_precedence() {
        let config = Config::default();
        assert_eq!(config.cadence_days(Some(14), Some("ally")), 14);
        assert_eq!(config.cadence_days(None, Some("Ally")), 30);
        assert_eq!(config.cadence_days(None, Some("connection")), 180);
        assert_eq!(config.cadence_days(None, Some("knitting-buddy")), 90);
        assert_eq!(config.cadence_days(None, None), 90);
    }
}
