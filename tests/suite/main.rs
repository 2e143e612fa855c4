//! End-to-end tests of the `vault` binary, as one test binary (`cargo test -p vault --test
//! suite`): each module is one concern, `support` holds the shared helpers.

mod support;

mod add;
mod cases;
mod colour;
mod completions;
mod contract;
mod conventions;
mod corpora;
mod example;
mod export;
mod faults;
mod finding;
mod help;
mod import;
mod interactions;
mod logseq;
mod names;
mod privacy;
mod readme;
mod review;
mod show;
mod templates;
mod terminal;
mod when;
mod write;
mod write_corpora;
mod write_guard;
mod write_safety;
mod write_shapes;
mod write_stress;
