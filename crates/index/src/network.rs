//! The shape of the network: relationships, companies, reciprocity, people not yet tracked.

use serde::Serialize;

use crate::people::PersonStatus;
use crate::status::Status;

/// A label and how many people have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// Relationship or company.
    pub label: String,
    /// People.
    pub count: usize,
}

/// Give and take with one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reciprocity {
    /// Who.
    pub person: String,
    /// Their note.
    pub person_path: String,
    /// Interactions tagged `#gave`.
    pub gave: usize,
    /// Interactions tagged `#got`.
    pub got: usize,
}

/// Network figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Network {
    /// People tracked.
    pub people: usize,
    /// People by relationship, most first (`unspecified` when none is given).
    pub by_relationship: Vec<Count>,
    /// People by company, most first; people without a company are not counted.
    pub by_company: Vec<Count>,
    /// All `#gave` interactions.
    pub gave: usize,
    /// All `#got` interactions.
    pub got: usize,
    /// People with any give or take, largest imbalance first.
    pub reciprocity: Vec<Reciprocity>,
    /// Names of people with no interaction on record (paused people left out).
    pub no_contact: Vec<String>,
}

/// Network figures over `people`.
pub fn network(people: &[PersonStatus]) -> Network {
    let mut relationships = std::collections::BTreeMap::<String, usize>::new();
    let mut companies = std::collections::BTreeMap::<String, usize>::new();
    for p in people {
        let relationship = p
            .relationship
            .clone()
            .unwrap_or_else(|| "unspecified".to_owned());
        *relationships.entry(relationship).or_default() += 1;
        for company in &p.company {
            *companies.entry(company.clone()).or_default() += 1;
        }
    }
    let mut reciprocity: Vec<Reciprocity> = people
        .iter()
        .filter(|p| p.gave + p.got > 0)
        .map(|p| Reciprocity {
            person: p.name.clone(),
            person_path: p.path.clone(),
            gave: p.gave,
            got: p.got,
        })
        .collect();
    reciprocity.sort_by(|a, b| {
        b.gave
            .abs_diff(b.got)
            .cmp(&a.gave.abs_diff(a.got))
            .then_with(|| a.person.cmp(&b.person))
    });
    Network {
        people: people.len(),
        by_relationship: sorted_counts(relationships),
        by_company: sorted_counts(companies),
        gave: people.iter().map(|p| p.gave).sum(),
        got: people.iter().map(|p| p.got).sum(),
        reciprocity,
        no_contact: people
            .iter()
            .filter(|p| has_no_contact(p))
            .map(|p| p.name.clone())
            .collect(),
    }
}

/// Whether `p` belongs in "no contact on record" (paused people left out).
pub(crate) fn has_no_contact(p: &PersonStatus) -> bool {
    p.status == Status::NoContact || (p.last_contact.is_none() && p.status == Status::Snoozed)
}

pub(crate) fn sorted_counts(map: std::collections::BTreeMap<String, usize>) -> Vec<Count> {
    let mut counts: Vec<Count> = map
        .into_iter()
        .map(|(label, count)| Count { label, count })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    counts
}
