//! One module per subcommand, each with its `Args` and `execute`.

pub mod add;
pub mod check;
pub mod completions;
pub mod digest;
pub mod done;
pub mod draft;
pub mod export;
pub mod import;
pub mod log;
pub mod pause;
pub mod review;
pub mod show;
pub mod snooze;
pub mod status;
