//! Parsers of the files other tools export, for `vault import`: each streams its input and reports bad records with their line.

pub mod calendar;
pub mod mail;
