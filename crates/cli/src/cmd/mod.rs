//! One module per subcommand, each with its `Args` and `execute`.

pub mod check;
pub mod digest;
pub mod status;
