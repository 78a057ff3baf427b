//! A micro-credential: one skill, what to do to earn it, what to submit and how it is scored.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Author, Id, Language, Markdown, SkillId, Status, Text, Url, Version};

/// A micro-credential: one specific skill that an educator demonstrates with evidence from their
/// own classroom.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mcred credential")]
pub struct Credential {
    /// What this document is.
    pub kind: CredentialKind,
    /// The credential's id: lowercase kebab-case, equal to the file's stem.
    pub id: Id,
    /// The title educators see.
    pub title: Text,
    /// The credential's version (semver, as a string).
    pub version: Version,
    /// `draft`, `published` or `retired`.
    pub status: Status,
    /// A short plain-text summary: the Open Badges `description`.
    pub summary: Text,
    /// The one skill this credential measures: a mapping, never a list.
    pub competency: Competency,
    /// Markdown: what the educator does to earn the credential.
    pub key_method: Markdown,
    /// The parts of the method, in order.
    #[schemars(length(min = 1))]
    pub method_components: Vec<MethodComponent>,
    /// The research the method rests on.
    #[serde(default)]
    pub research: Vec<Research>,
    /// Resources that help the educator.
    #[serde(default)]
    pub resources: Vec<Resource>,
    /// What the educator submits, in order.
    #[schemars(length(min = 1))]
    pub submission: Vec<SubmissionPart>,
    /// How the submission is scored.
    pub scoring: Scoring,
    /// Credentials that must be earned first.
    #[serde(default)]
    pub requires: Vec<Id>,
    /// How many hours earning the credential takes (its grain size).
    #[schemars(range(min = 0))]
    pub estimated_hours: Option<f64>,
    /// An image, as a path relative to the catalog root.
    #[schemars(length(min = 1))]
    pub image: Option<String>,
    /// Keywords.
    #[serde(default)]
    pub tags: Vec<Text>,
    /// The language of the text (BCP 47).
    pub language: Option<Language>,
    /// Who wrote the credential.
    #[serde(default)]
    pub authors: Vec<Author>,
    /// The licence of the text, as an SPDX id (e.g. `CC-BY-4.0`).
    pub license: Option<Text>,
}

/// The value `credential`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    Credential,
}

/// The one skill a credential measures.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// The id of the skill in a framework of the catalog.
    pub skill: Option<SkillId>,
    /// What the educator can do, as one skill ("Educator explains …").
    pub statement: Text,
}

/// One part of the method.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MethodComponent {
    /// The component's title.
    pub title: Text,
    /// Markdown: what the educator does in this part.
    pub description: Markdown,
}

/// A piece of research the method rests on.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Research {
    /// The full citation (APA style).
    pub citation: Text,
    /// Where to read it.
    pub url: Option<Url>,
}

/// A resource that helps the educator.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// The resource's title.
    pub title: Text,
    /// Where to find it.
    pub url: Option<Url>,
    /// What sort of resource it is.
    pub kind: Option<ResourceKind>,
}

/// What sort of resource it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Article,
    Video,
    Book,
    Website,
    Tool,
    Course,
    Other,
}

/// One part of what the educator submits.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionPart {
    /// The part's id, unique within the credential; criteria name it.
    pub id: Id,
    /// `overview`, `artifact` (evidence from the classroom) or `reflection`.
    pub kind: PartKind,
    /// The part's title.
    pub title: Option<Text>,
    /// The questions or instructions the educator answers.
    #[schemars(length(min = 1))]
    pub prompts: Vec<Text>,
    /// The most words an answer may have.
    #[schemars(range(min = 1))]
    pub word_limit: Option<u32>,
    /// The forms of evidence accepted.
    #[serde(default)]
    pub accepts: Vec<EvidenceKind>,
}

/// What a submission part is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// Questions about the educator's context.
    Overview,
    /// Evidence from the educator's own classroom.
    Artifact,
    /// The educator's reflection on what they did and learned.
    Reflection,
}

/// A form of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Text,
    Image,
    Video,
    Audio,
    Document,
    Presentation,
    Link,
}

/// How the submission is scored.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// The rubric's levels, highest first; the catalog's `mcred.toml` gives them when left out.
    #[schemars(length(min = 1))]
    pub levels: Option<Vec<Level>>,
    /// The lowest level that earns the credential; the catalog's `mcred.toml` gives it when left
    /// out.
    pub passing: Option<Id>,
    /// The rubric: every submission part is scored by at least one criterion.
    #[schemars(length(min = 1))]
    pub criteria: Vec<Criterion>,
}

/// A level of the rubric.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// The level's id, used as a key of `descriptors`.
    pub id: Id,
    /// The label educators see.
    pub label: Text,
}

/// One criterion of the rubric.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// The id of the submission part this criterion scores.
    pub part: Id,
    /// What is looked for.
    pub criterion: Text,
    /// For every level, what a submission at that level shows: why it did or did not earn.
    pub descriptors: BTreeMap<Id, Text>,
}
