//! A stack: an ordered, scaffolded pathway of credentials.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Markdown, Status, Text, Version};

/// A stack: an ordered pathway of credentials, first to last.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mcred stack")]
pub struct Stack {
    /// What this document is.
    pub kind: StackKind,
    /// The stack's id: lowercase kebab-case, equal to the file's stem.
    pub id: Id,
    /// The title educators see.
    pub title: Text,
    /// The stack's version (semver, as a string).
    pub version: Version,
    /// `draft`, `published` or `retired`.
    pub status: Status,
    /// A short plain-text summary.
    pub summary: Text,
    /// Markdown: who the pathway is for and how its steps build on each other.
    pub description: Option<Markdown>,
    /// The credentials of the pathway, in order.
    #[schemars(length(min = 1))]
    pub credentials: Vec<Id>,
    /// Whether completing the stack earns a badge of its own.
    #[serde(default)]
    pub award: bool,
    /// An image, as a path relative to the catalog root.
    #[schemars(length(min = 1))]
    pub image: Option<String>,
}

/// The value `stack`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StackKind {
    Stack,
}
