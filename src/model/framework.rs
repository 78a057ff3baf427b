//! A competency framework: the skills that credentials may point at.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Markdown, SkillId, Text, Version};

/// A competency framework: the skills credentials may point at.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mcred framework")]
pub struct Framework {
    /// What this document is.
    pub kind: FrameworkKind,
    /// The framework's id: lowercase kebab-case, equal to the file's stem.
    pub id: Id,
    /// The framework's title.
    pub title: Text,
    /// The framework's version (semver, as a string).
    pub version: Option<Version>,
    /// A short plain-text summary.
    pub summary: Option<Text>,
    /// The skills of the framework.
    #[schemars(length(min = 1))]
    pub skills: Vec<Skill>,
}

/// The value `framework`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FrameworkKind {
    Framework,
}

/// One skill of a framework.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// The skill's id, unique in the catalog (dots allowed: `wm.understand`).
    pub id: SkillId,
    /// What an educator with this skill can do.
    pub statement: Text,
    /// Markdown: more about the skill.
    pub description: Option<Markdown>,
}
