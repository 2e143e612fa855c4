//! Cadence phrases: how often a person wants to be in touch (`14d`, `2w`, `monthly`).

/// The longest cadence read: ten years. A longer one is a typo or a way to say "never",
/// and its due date would be centuries away (or past the last date there is).
pub const MAX_CADENCE_DAYS: u32 = 3650;

/// Parses a cadence phrase into a number of days, at most [`MAX_CADENCE_DAYS`].
///
/// Accepted: a bare number of days (`45`), `Nd`, `N days`, `Nw`, `N weeks`, `N months`
/// (30 days each), `N years` (365), and the words `daily`, `weekly`, `biweekly`,
/// `fortnightly`, `monthly`, `bimonthly`, `quarterly`, `half-yearly`, `yearly`, `annually`.
/// Zero, negative and longer than ten years are rejected.
pub fn parse_cadence(text: &str) -> Option<u32> {
    parse_unbounded(text).filter(|&days| days <= MAX_CADENCE_DAYS)
}

/// [`parse_cadence`] without the upper bound, to tell "too long" from "not a cadence".
pub(crate) fn parse_unbounded(text: &str) -> Option<u32> {
    let text = text.trim().to_ascii_lowercase();
    let named = match text.as_str() {
        "daily" => Some(1),
        "weekly" => Some(7),
        "biweekly" | "fortnightly" => Some(14),
        "monthly" => Some(30),
        "bimonthly" => Some(60),
        "quarterly" => Some(90),
        "half-yearly" | "halfyearly" | "semiannually" | "semi-annually" => Some(182),
        "yearly" | "annually" | "annual" => Some(365),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let count: u32 = text[..split].parse().ok()?;
    let unit = text[split..].trim();
    let days_per_unit = match unit {
        "" | "d" | "day" | "days" => 1,
        "w" | "wk" | "wks" | "week" | "weeks" => 7,
        "mo" | "month" | "months" => 30,
        "y" | "yr" | "year" | "years" => 365,
        _ => return None,
    };
    count.checked_mul(days_per_unit).filter(|&days| days > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_form() {
        for (text, days) in [
            ("14d", 14),
            ("2w", 14),
            ("6 weeks", 42),
            ("monthly", 30),
            ("Quarterly", 90),
            ("yearly", 365),
            ("45", 45),
            ("3 months", 90),
            ("1 year", 365),
            (" 10 days ", 10),
            ("3650", 3650),
            ("10 years", 3650),
        ] {
            assert_eq!(parse_cadence(text), Some(days), "{text}");
        }
    }

    #[test]
    fn rejects_nonsense() {
        for text in [
            "sometimes",
            "0",
            "0d",
            "-5",
            "d",
            "",
            "5 fortnights",
            "99999999999",
            "4294967295",
            "3000000",
            "3651",
            "11 years",
            "522w",
        ] {
            assert_eq!(parse_cadence(text), None, "{text}");
        }
    }
}
