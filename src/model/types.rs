//! Value types shared by every document: ids, versions, URLs, status, languages.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The form of a id.
pub const ID_PATTERN: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";
/// The form of a skill id.
pub const SKILL_ID_PATTERN: &str = r"^[a-z0-9]+([.-][a-z0-9]+)*$";
/// The form of a version.
pub const VERSION_PATTERN: &str = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$";
/// The form of a url.
pub const URL_PATTERN: &str = r"^https?://[^\s/?#]+[^\s]*$";
/// The form of a language.
pub const LANGUAGE_PATTERN: &str = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$";

/// A document id: lowercase kebab-case, unique per kind across the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Id(#[schemars(regex(pattern = ID_PATTERN))] pub String);

/// A skill id in a framework: lowercase kebab-case segments, which may be separated by dots
/// (`wm.understand`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct SkillId(#[schemars(regex(pattern = SKILL_ID_PATTERN))] pub String);

/// A semantic version written as a string, e.g. `1.0.0` (quote it: `1.0` unquoted is a number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Version(#[schemars(regex(pattern = VERSION_PATTERN))] pub String);

/// An `http` or `https` URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Url(#[schemars(regex(pattern = URL_PATTERN))] pub String);

/// A BCP 47 language tag, e.g. `en` or `en-GB`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Language(#[schemars(regex(pattern = LANGUAGE_PATTERN))] pub String);

/// A non-empty line of plain text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Text(#[schemars(length(min = 1))] pub String);

/// A non-empty Markdown text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Markdown(#[schemars(length(min = 1))] pub String);

/// Where a document stands in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being written; not published.
    Draft,
    /// Open to educators.
    Published,
    /// No longer offered; kept so earned badges still resolve.
    Retired,
}

/// Someone who wrote the document.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// The author's name.
    pub name: Text,
    /// A page about the author.
    pub url: Option<Url>,
}
