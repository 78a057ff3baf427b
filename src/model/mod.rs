//! The typed documents of a catalog: credential, stack and framework, and the small value types
//! they share. The JSON Schemas in `schema/` are generated from these types.

mod credential;
mod framework;
mod stack;
mod types;

pub use credential::*;
pub use framework::*;
pub use stack::*;
pub use types::*;
