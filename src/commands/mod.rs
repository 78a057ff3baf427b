//! One file per subcommand: each turns its arguments into library calls, and their result into
//! what to print and how to exit.

pub mod build;
pub mod lint;
pub mod new;
pub mod preview;
pub mod rules;
